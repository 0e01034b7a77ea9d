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
        #expect(events("On Friday, Albania blamed Iran for the diplomatic row.") == ["ALB ACCUSE IRN 112 2022-09-09"])
        // A CAMEO pattern refines the verb's code: blame for an attack is an accusation of aggression (1124).
        #expect(events("On Friday, Albania blamed Iran for the attack.") == ["ALB ACCUSE IRN 1124 2022-09-09"])
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

    @Test func intentionsAreAgreementsOrThreatsAndRefusalsAreRejections() {
        #expect(events("Turkey will allow refugees from Iraq to return home.") == ["TUR AGREE IRQ 030 -"])
        #expect(events("Syria says it will not accept more refugees from Iraq.") == ["SYR REJECT IRQ 120 -"])
        #expect(events("Pakistan has refused to deploy peacekeepers in Iraq.") == ["PAK REJECT IRQ 120 -"])
    }

    @Test func whatASpeakerSaysAnotherMustDoIsARequest() {
        #expect(events("Russia said that Sudan must return the helicopter.") == ["RUS REQUEST SDN 100 -"])
        #expect(events("Russia said Sudan returned the helicopter.").allSatisfy { !$0.contains("REQUEST") })
    }

    @Test func aLightVerbHandsTheEventToItsObject() {
        #expect(
            events("Israel and Lebanon renewed negotiations with Syria.") == [
                "ISR CONSULT SYR 046 -", "LBN CONSULT SYR 046 -",
            ])
    }

    @Test func anAttackOnComputersIsACyberattack() {
        #expect(events("Iran attacked Albania's government websites.") == ["IRN COERCE ALB 176 -"])
    }

    @Test func hedgedEventsAreKeptAndMarkedAlleged() throws {
        let hedged = try #require(extractor.extract(text: "Iran allegedly attacked Albania.", anchor: nil).events.first)
        #expect(hedged.certainty == "alleged")
        let plain = try #require(extractor.extract(text: "Iran attacked Albania.", anchor: nil).events.first)
        #expect(plain.certainty == "asserted")
    }

    @Test func verbFormsUsedAsNounsAreNotCues() {
        #expect(events("Nato allies met in Vilnius.").allSatisfy { !$0.contains("SUPPORT") })
        #expect(events("According to Iran, the talks failed.").allSatisfy { !$0.contains("COOPERATE") })
    }
}
