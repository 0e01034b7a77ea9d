import Testing

@testable import NewsExtract

struct PhraseTrieTests {
    private func tokens(_ text: String) -> [Token] { TokenizedText(text).tokens }

    @Test func findsLeftmostLongestPhrasesWithTheirPayloadsInOrder() {
        var trie = PhraseTrie<String>()
        trie.insert(["united", "states"], payload: "USA")
        trie.insert(["united", "states", "of", "america"], payload: "USA-long")
        trie.insert(["united", "kingdom"], payload: "GBR")
        trie.insert(["united", "kingdom"], payload: "GBR-2")
        trie.insert(["states"], payload: "states")
        let found = trie.matches(in: tokens("The United States of America and the United Kingdom; states."))
        #expect(
            found.map { "\($0.start)-\($0.end):\($0.payloads.joined(separator: ","))" } == [
                "1-5:USA-long", "7-9:GBR,GBR-2", "9-10:states",
            ])
        #expect(trie.contains(["united", "states"]))
        // A prefix of a phrase is no phrase; nor is a phrase with a word more.
        #expect(!trie.contains(["united"]))
        #expect(!trie.contains(["united", "states", "of"]))
        #expect(!trie.contains(["states", "of"]))
    }

    @Test func keysOutsideASCIIMatchAsStringsCompare() {
        var trie = PhraseTrie<Int>()
        trie.insert(["côte", "d", "ivoire"], payload: 1)
        trie.insert(["são", "tomé"], payload: 2)
        #expect(trie.contains(["côte", "d", "ivoire"]))
        // The same words with decomposed accents are the same strings.
        #expect(trie.contains(["co\u{302}te", "d", "ivoire"]))
        #expect(trie.contains(["sa\u{303}o", "tome\u{301}"]))
        #expect(!trie.contains(["cote", "d", "ivoire"]))
        #expect(trie.matches(in: tokens("Talks in São Tomé.")).map(\.payloads) == [[2]])
    }

    @Test func manyPhrasesSharingWordsAreAllFound() {
        // Enough edges that the table grows several times and probes collide.
        var trie = PhraseTrie<Int>()
        for index in 0..<3000 { trie.insert(["w\(index % 50)", "x\(index)"], payload: index) }
        for index in 0..<3000 { #expect(trie.contains(["w\(index % 50)", "x\(index)"]), "\(index)") }
        #expect(!trie.contains(["w1", "x2"]))
        #expect(!trie.contains(["x1"]))
        #expect(!trie.contains(["w50", "x50"]))
    }
}
