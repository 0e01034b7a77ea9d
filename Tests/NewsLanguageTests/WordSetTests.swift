import Testing

@testable import NewsLanguage

struct WordSetTests {
    @Test func answersAsASetOfStringsDoes() {
        let members = ["the", "last", "january", "q3", "a", "", "mid-term", "élysée", "münchen", "日本"]
        let set = WordSet(members)
        let reference = Set(members)
        let queries =
            members + [
                "th", "thee", "The", "lasts", "januar", "b", " ", "mid", "elysee", "Élysée", "munchen", "日", "日本語",
                // Canonically equivalent to members: "é" and "ü" decomposed, as String's equality has it.
                "e\u{301}lyse\u{301}e", "mu\u{308}nchen",
            ]
        for query in queries { #expect(set.contains(query) == reference.contains(query), "\(query)") }
        #expect(set.contains("e\u{301}lyse\u{301}e"))
        #expect(!set.contains("elysee"))
    }

    @Test func findsEveryMemberOfALargeSetAndNoNearMiss() {
        // Thousands of members: probes collide and run on.
        let members = (0..<5000).map { "w\($0 * 7919 % 5000)" }
        let set = WordSet(members)
        for member in members { #expect(set.contains(member), "\(member)") }
        for absent in ["w5000", "w", "w-1", "x0", "w00"] { #expect(!set.contains(absent), "\(absent)") }
    }

    @Test func anEmptySetHoldsNothingAndDuplicatesCountOnce() {
        let empty: WordSet = []
        #expect(!empty.contains(""))
        #expect(!empty.contains("the"))
        let twice: WordSet = ["the", "the", "of"]
        #expect(twice.contains("the") && twice.contains("of") && !twice.contains("to"))
    }
}
