import Testing

@testable import NewsLanguage

/// The lexicon is searched where the binary holds it; these tests read the whole table once to check what the
/// searches rely on.
struct LexiconTests {
    private let lexicon = Lexicon()
    private let table = SortedTable(EmbeddedLanguageData.lexicon, columnLine: false)

    private func form(_ line: Int) -> String {
        String(decoding: table.line(line).prefix { $0 != 0x09 }, as: UTF8.self)
    }

    @Test func everyFormOfTheTableIsFoundWithItsTagsAndLemmas() throws {
        #expect(lexicon.count > 12_000)
        let forms = (0..<table.count).map(form)
        #expect(zip(forms, forms.dropFirst()).allSatisfy { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        for form in forms { #expect(lexicon.entry(exactly: form) != nil, "\(form)") }
        let said = try #require(lexicon.entry(exactly: "said"))
        #expect(said.tags.first == .verb)
        #expect(said.lemmas[.verb] == "say")
        #expect(said.tagBits & PartOfSpeech.verb.bit != 0)
    }

    @Test func aFormNotInTheTableHasNoEntryAndCaseDecidesExactness() throws {
        #expect(lexicon.entry(exactly: "zzyzxq") == nil)
        #expect(lexicon.entry(exactly: "sai") == nil)
        let word = Word(form: "Said", start: 0, end: 4)
        let found = try #require(lexicon.entry(for: word))
        #expect(!found.exact)
        #expect(found.entry.tags.first == .verb)
    }

    @Test func theVerbLemmaTableIsTheLexiconsVerbLemmas() throws {
        var lemmas = Set<String>()
        for line in 0..<table.count {
            let entry = try #require(lexicon.entry(exactly: form(line)))
            if entry.tags.contains(.verb) { lemmas.insert(entry.lemmas[.verb] ?? form(line).lowercased()) }
        }
        let verbs = SortedTable(EmbeddedLanguageData.verbLemmas)
        #expect(Set((0..<verbs.count).map { String(decoding: verbs.line($0), as: UTF8.self) }) == lemmas)
        #expect(verbs.count == lemmas.count)
        #expect(lexicon.isVerbLemma("say"))
        #expect(!lexicon.isVerbLemma("sa"))
        #expect(!lexicon.isVerbLemma("says"))
    }

    @Test func formsAreComparedByTheirBytesWhateverCameFirst() {
        // "Cécile" is in the table precomposed; the decomposed spelling (e + U+0301) is equal as a Swift String
        // but not the same bytes, and is never found, before or after the precomposed one was looked up.
        let composed = "C\u{E9}cile"
        let decomposed = "Ce\u{301}cile"
        #expect(composed == decomposed)
        #expect(lexicon.entry(exactly: decomposed) == nil)
        #expect(lexicon.entry(exactly: composed) != nil)
        #expect(lexicon.entry(exactly: decomposed) == nil)
        #expect(lexicon.entry(exactly: composed) != nil)
    }
}
