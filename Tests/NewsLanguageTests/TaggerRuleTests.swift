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
        // A capital after a lower-case first letter, and no digit: a brand's or a site's name.
        #expect(shape("iPhone") == "camel")
        #expect(shape("eBay", initial: true) == "camel")
        #expect(shape("d'Alembert") == "camel")
        #expect(shape("iPhone4") == "mixed")
        #expect(shape("-Nato") == "lower")  // a capital inside, but the first character is no letter
    }

    @Test(arguments: [
        // An apostrophe written against a word ending in "s", then a word: the possessive ...
        // (the learned rules alone leave these two quotation marks)
        ("We visited Descartes' birthplace in France.", "Descartes", "PART"),
        ("The states' bare disagreement ended.", "states", "PART"),
        ("The farmers' union met on Monday.", "farmers", "PART"),
        ("The nurses\u{2019} strike ended.", "nurses", "PART"),
        // ... but not where it closes a quotation or ends the sentence.
        ("They sang 'Blue Skies' all night.", "Skies", "PUNCT"),
        ("The money went to the farmers'.", "farmers", "PUNCT"),
    ])
    func anApostropheAfterAPluralIsThePossessive(sentence: String, before: String, expected: String) throws {
        let words = analyzer.analyze(sentence).words
        let index = try #require(words.firstIndex { $0.form == before })
        try #require(index + 1 < words.count && ["'", "\u{2019}"].contains(words[index + 1].form))
        #expect(words[index + 1].tag.rawValue == expected)
    }

    @Test(arguments: [
        // A word the lexicon does not hold, with a capital inside, is a name ...
        ("My zorbaPlex crashed again.", "zorbaPlex", "PROPN"),
        ("My quillMarket crashed again.", "quillMarket", "PROPN"),
        // ... and the same word in lower case is not.
        ("My zorbaplex crashed again.", "zorbaplex", "NOUN"),
        ("My quillmarket crashed again.", "quillmarket", "NOUN"),
    ])
    func anUnknownWordWithACapitalInsideIsAName(sentence: String, form: String, expected: String) {
        #expect(tag(sentence, form) == expected)
    }

    @Test(arguments: [
        // A word the lexicon does not hold takes only a name's tag and the classes WordNet gives it: "analysts" is
        // a plural noun to WordNet, so the rule that makes a first word before a pronoun an imperative ("Thank
        // you") does not make it a verb (it did).
        ("Analysts who visited Norway said it.", "Analysts", "NOUN"),
        ("Diplomats who met the envoy left.", "Diplomats", "NOUN"),
        // Twins: a verb's inflection may still become an adjective, through the noun ("the disputed islands"), and
        // a word the lexicon holds is tagged as before ("Thank you").
        ("They visited the disputed islands.", "disputed", "ADJ"),
        ("Thank you for coming.", "Thank", "VERB"),
    ])
    func anUnknownWordTakesOnlyTheClassesWordNetGivesIt(sentence: String, form: String, expected: String) {
        #expect(tag(sentence, form) == expected)
    }

    @Test func theClassesOfAnUnknownWordComeFromItsSignature() {
        let name = PartOfSpeech.properNoun.bit
        #expect(PartOfSpeech.unknownWordBits(signature: "N") == PartOfSpeech.noun.bit | name)
        #expect(
            PartOfSpeech.unknownWordBits(signature: "aV")
                == PartOfSpeech.adjective.bit | PartOfSpeech.verb.bit | PartOfSpeech.noun.bit | name)
        #expect(PartOfSpeech.unknownWordBits(signature: "r") == PartOfSpeech.adverb.bit | name)
        // WordNet does not know it: every open class.
        #expect(PartOfSpeech.unknownWordBits(signature: "-") == PartOfSpeech.openClassBits)
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
