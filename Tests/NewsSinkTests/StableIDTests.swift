import NewsModel
import Testing

@testable import NewsSink

struct StableIDTests {
    @Test func theArticleIDComesFromTheCanonicalURLWhenThereIsOne() {
        let a = StableID.article(
            canonicalURL: "HTTPS://Example.org/story#top", url: "https://other.example/x", text: "one")
        let b = StableID.article(canonicalURL: "https://example.org/story", url: nil, text: "two")
        #expect(a == b)
        #expect(a == "a" + ContentHash.sha256Hex(of: "url:https://example.org/story").prefix(20))
    }

    @Test func fallsBackToTheURLThenTheText() {
        #expect(
            StableID.article(canonicalURL: "/relative", url: "https://example.org/a", text: "t")
                == StableID.article(canonicalURL: nil, url: "https://example.org/a", text: "u"))
        #expect(
            StableID.article(canonicalURL: nil, url: nil, text: "t")
                != StableID.article(canonicalURL: nil, url: nil, text: "u"))
    }

    @Test func theEventIDIgnoresTheSentenceButNotTheParticipants() {
        let actor = Participant(text: "Albania", kind: .country, id: "ALB", country: "ALB")
        let target = Participant(text: "Iran", kind: .country, id: "IRN", country: "IRN")
        let event = Event(
            type: "ACCUSE", mode: nil, context: [], cameo: "112", actor: actor, target: target, date: nil,
            sentence: "Albania blamed Iran.", sentenceStart: 0, sentenceEnd: 20, cue: "blamed")
        var retold = event
        retold.sentence = "Later, Albania blamed Iran again."
        var reversed = event
        reversed.actor = target
        reversed.target = actor
        #expect(StableID.event(articleID: "a1", event: event) == StableID.event(articleID: "a1", event: retold))
        #expect(StableID.event(articleID: "a1", event: event) != StableID.event(articleID: "a1", event: reversed))
        #expect(StableID.event(articleID: "a1", event: event) != StableID.event(articleID: "a2", event: event))
    }
}
