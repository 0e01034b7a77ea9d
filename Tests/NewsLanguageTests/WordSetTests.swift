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

    @Test func aLookUpWithAGivenHashAnswersAsTheStringLookUpDoes() {
        let members = ["said", "the", "élysée", "münchen", "q3"]
        let set = WordSet(members)
        for query in members + ["says", "The", "e\u{301}lyse\u{301}e", "munchen", ""] {
            let (hash, isASCII) = ByteHash.hash(query)
            #expect(set.contains(query, hash: hash, isASCII: isASCII) == set.contains(query), "\(query)")
        }
        #expect(set.contains("e\u{301}lyse\u{301}e", hash: ByteHash.hash("e\u{301}lyse\u{301}e").value, isASCII: false))
        #expect(!set.contains("says", hash: ByteHash.hash("says").value, isASCII: true))
    }

    /// U+037E, U+1FEF and U+212A are canonically equivalent to ";", "`" and "K": `String` equality, and so the
    /// set, finds the ASCII members through them; with any other scalar outside ASCII they equal nothing ASCII.
    @Test func theThreeScalarsThatDecomposeToASCIIFindTheirASCIIMembers() {
        let members = [";", "`", "K", "k", "ok", "élysée"]
        let set = WordSet(members)
        let reference = Set(members)
        let queries = [
            "\u{037E}", "\u{1FEF}", "\u{212A}", "o\u{212A}", "\u{212A}\u{301}", "\u{037E}\u{037E}", "é\u{212A}",
        ]
        for query in queries {
            #expect(set.contains(query) == reference.contains(query), "\(query.unicodeScalars.map(\.value))")
            let (hash, isASCII) = ByteHash.hash(query)
            #expect(set.contains(query, hash: hash, isASCII: isASCII) == reference.contains(query))
        }
        #expect(set.contains("\u{037E}") && set.index(of: "\u{212A}") == 2)
        #expect(!set.contains("o\u{212A}") && !set.contains("\u{212A}\u{301}"))
    }

    @Test func membersComeBackInTheOrderGivenWithoutRepeats() {
        let set: WordSet = ["of", "élysée", "", "the", "of", "日本"]
        #expect(set.members == ["of", "élysée", "", "the", "日本"])
        #expect(Array(set) == set.members)
        let grown = WordSet(Array(set) + ["to"])
        #expect(grown.contains("to") && grown.contains("élysée") && grown.contains("") && !grown.contains("in"))
    }

    @Test func anEmptySetHoldsNothingAndDuplicatesCountOnce() {
        let empty: WordSet = []
        #expect(!empty.contains(""))
        #expect(!empty.contains("the"))
        let twice: WordSet = ["the", "the", "of"]
        #expect(twice.contains("the") && twice.contains("of") && !twice.contains("to"))
    }

    @Test func aWordTableAnswersAsADictionaryOfTheSameEntriesDoes() {
        let entries: [String: Int] = ["january": 1, "jan": 1, "sept": 9, "élysée": 0, "": -1, "mai": 5]
        let table = WordTable(entries)
        let literal: WordTable<Int> = ["january": 1, "jan": 1, "sept": 9, "élysée": 0, "": -1, "mai": 5]
        for query in Array(entries.keys) + ["janu", "January", "e\u{301}lyse\u{301}e", "elysee", "may", " "] {
            #expect(table[query] == entries[query], "\(query)")
            #expect(literal[query] == entries[query], "\(query)")
            let (hash, isASCII) = ByteHash.hash(query)
            #expect(table.value(of: query, hash: hash, isASCII: isASCII) == entries[query], "\(query)")
        }
        #expect(Set(table.keys) == Set(entries.keys))
    }
}
