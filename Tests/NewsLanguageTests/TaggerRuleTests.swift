import Testing

@testable import NewsLanguage

/// The tagger's two clues beyond the words it was trained on: the open classes WordNet gives a form that the
/// training text showed in one class only, and the rules that read a word's shape or WordNet signature.
/// Sentences of our own.
struct TaggerRuleTests {
    let analyzer = LanguageAnalyzer.shared

    func tag(_ sentence: String, _ form: String) -> String? {
        analyzer.analyze(sentence).words.first { $0.form == form }?.tag.rawValue
    }

    @Test func wordNetAddsTheClassesTheTrainingTextNeverShowed() throws {
        // "protest" was seen once, as a noun; WordNet has it as a verb too, so a rule may make it one.
        let protest = try #require(Lexicon().entry(exactly: "protest"))
        #expect(protest.tags == [.noun])
        #expect(protest.signature == "nv")
        #expect(protest.allowedBits & PartOfSpeech.verb.bit != 0)
        #expect(protest.tagBits & PartOfSpeech.verb.bit == 0)
        // A word seen only in closed classes gets nothing from WordNet: "can" is a WordNet noun and verb ("a
        // can", "to can"), here only an auxiliary.
        let can = try #require(Lexicon().entry(exactly: "can"))
        #expect(can.tags == [.auxiliary])
        #expect(can.signature == "nv")
        #expect(can.allowedBits == can.tagBits)
        // The same signature built from its letters gives the same classes as the table's.
        let built = Lexicon.Entry(tags: [.noun], lemmas: [:], signature: "nV")
        #expect(built.allowedBits == protest.allowedBits)
    }

    @Test(arguments: [
        // After an auxiliary, a word that WordNet makes a noun and a verb is the verb ...
        ("Farmers will protest in the capital on Monday.", "protest", "VERB"),
        ("Unions could strike next week.", "strike", "VERB"),
        // ... and after a determiner the noun.
        ("The protest ended peacefully.", "protest", "NOUN"),
        ("The risk is high.", "risk", "NOUN"),
    ])
    func aNounOrVerbTakesTheClassItsContextGives(sentence: String, form: String, expected: String) {
        #expect(tag(sentence, form) == expected)
    }

    @Test func shapesAreKeyedAsTheTablesKeyThem() {
        func shape(_ form: String, initial: Bool = false) -> String {
            WordShape(Word(form: form, start: 0, end: form.count), initial: initial).rawValue
        }
        #expect(shape("1,200") == "num")
        #expect(shape("--") == "sym")
        #expect(shape("NATO") == "caps")
        #expect(shape("Nato") == "cap")
        #expect(shape("Nato", initial: true) == "init")
        #expect(shape("F-16") == "cap")
        #expect(shape("mp3") == "mixed")
        #expect(shape("deal") == "lower")
    }

    @Test func shapeAndSignatureRulesAreReadFromTheirLines() throws {
        var vocabulary: [String: Int32] = [:]
        var signatures: [String: Int32] = [:]
        let shapeRule = try #require(
            ContextRule(
                line: "67\tNOUN\tPROPN\tshape-prevtag\tcap PROPN", vocabulary: &vocabulary, signatures: &signatures))
        guard case .shapeAndTag(let offset, let shape, let tag) = shapeRule.context else {
            Issue.record("not a shape rule")
            return
        }
        #expect(offset == -1 && shape == .capitalized && tag == .properNoun)
        let signatureRule = try #require(
            ContextRule(
                line: "44\tNOUN\tVERB\tsignature-nexttag\tnv AUX", vocabulary: &vocabulary, signatures: &signatures))
        guard case .signatureAndTag(let next, let id, let after) = signatureRule.context else {
            Issue.record("not a signature rule")
            return
        }
        #expect(next == 1 && signatures["nv"] == id && after == .auxiliary)
        // An unknown shape is no rule.
        #expect(
            ContextRule(
                line: "9\tNOUN\tVERB\tshape-prevtag\tround AUX", vocabulary: &vocabulary, signatures: &signatures)
                == nil)
    }

    @Test func aSignatureRuleFiresOnlyForItsSignature() {
        // The rule "NOUN to VERB after an auxiliary when WordNet makes the word a noun and a verb": "protest"
        // (nv) changes, "capital" (n, a) does not.
        var vocabulary: [String: Int32] = [:]
        var signatures: [String: Int32] = [:]
        guard
            let rule = ContextRule(
                line: "44\tNOUN\tVERB\tsignature-prevtag\tnv AUX", vocabulary: &vocabulary, signatures: &signatures)
        else {
            Issue.record("rule not read")
            return
        }
        let words = ["will", "protest", "capital"].map { Word(form: $0, start: 0, end: $0.count) }
        var features = WordFeatures(words: words, signatureIDs: WordSet(ids: signatures))
        let tags: [PartOfSpeech] = [.auxiliary, .noun, .noun]
        #expect(rule.holds(at: 1, tags: tags, words: [-1, -1, -1], features: &features))
        #expect(!rule.holds(at: 2, tags: [.noun, .auxiliary, .noun], words: [-1, -1, -1], features: &features))
        #expect(features.signature(at: 2) == -1)
    }
}

extension TaggerRuleTests {
    @Test func everyLineOfTheRuleTableIsARule() {
        let lines = EmbeddedLanguageData.contextRules.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(lines.count > 600)
        #expect(analyzer.tableSizes.rules == lines.count)
    }
}

/// WordNet's classes are searched in the embedded bytes, with no index: the first and last words of the table,
/// words between, and words it does not hold.
struct WordNetClassesTests {
    let classes = WordNetClasses.shared

    @Test func wordsAnywhereInTheTableAreFoundAndOthersAreNot() {
        #expect(classes.signature("protest") == "nv")
        #expect(classes.signature("protested") == "V")
        #expect(classes.signature("geese") == "N")
        #expect(classes.has("capital", "a") && classes.has("capital", "n") && !classes.has("capital", "v"))
        #expect(classes.has("'hood", "n"))
        #expect(classes.has("zymurgy", "n") && classes.has("zyrian", "n"))
        #expect(classes.signature("zzzzzz") == "-")
        #expect(classes.signature("aaaaaaab") == "-")
        #expect(classes.signature("") == "-")
        #expect(!classes.has("protes", "n"))
    }
}
