import NewsModel
import Testing

@testable import NewsExtract

struct ExtractorTests {
    let extractor = Extractor()

    private func events(_ text: String, anchor: String? = "2022-09-12") -> [String] {
        extractor.extract(text: text, anchor: anchor).events.map { event in
            "\(event.actor?.id ?? "-") \(event.type) \(event.target?.id ?? "-") \(event.cameo) \(event.date?.value ?? "-")"
        }
    }

    @Test func codesAnAccusationWithActorTargetAndDate() {
        #expect(events("On Friday, Albania blamed Iran for the attack.") == ["ALB ACCUSE IRN 112 2022-09-09"])
    }

    @Test func coordinationGivesOneEventPerActor() {
        #expect(
            events("The US and UK also condemned Iran's actions.") == ["USA ACCUSE IRN 111 -", "GBR ACCUSE IRN 111 -"])
    }

    @Test func passiveVoiceSwapsActorAndTarget() {
        #expect(events("Albania was attacked by Iran.") == ["IRN ASSAULT ALB 190 -"])
    }

    @Test func nominalCyberattackTakesItsTargetAfterOn() {
        #expect(events("Iran's cyberattack on Albania drew anger.") == ["IRN COERCE ALB 176 -"])
    }

    @Test func negatedQuestionedAndHypotheticalCuesAreNotCoded() {
        #expect(events("Germany did not condemn Russia.") == [])
        #expect(events("Will France sanction Iran?") == [])
        #expect(events("If Japan attacked China, markets would fall.") == [])
    }

    @Test func identicalEventsCollapseWithAMentionCount() throws {
        let result = extractor.extract(text: "Albania blamed Iran. Later, Albania blamed Iran again.", anchor: nil)
        let event = try #require(result.events.first)
        #expect(result.events.count == 1)
        #expect(event.mentionCount == 2)
    }

    @Test func aSentenceWithoutParticipantsGivesNoEvent() {
        #expect(events("Hackers attacked the network on Friday.") == [])
    }
}
