/// The language layer's entry point: tokens, word classes and lemmas, phrases and clauses of a sentence,
/// from tables learned offline (`scripts/gen-language.py`) and closed word lists. No statistical model runs.
///
/// Immutable and `Sendable`: use `shared`, built on first use (parsing the embedded tables takes a few
/// milliseconds), from any thread.
package struct LanguageAnalyzer: Sendable {
    package static let shared = LanguageAnalyzer()

    private let tokenizer = WordTokenizer()
    private let tagger: PartOfSpeechTagger
    private let lemmatizer: Lemmatizer
    private let chunker: PhraseChunker
    private let clauses: ClauseAnalyzer

    init() {
        let lexicon = Lexicon()
        var vocabulary: [String: Int32] = [:]
        var signatures: [String: Int32] = [:]
        let rules = TableRows.rows(EmbeddedLanguageData.contextRules).compactMap { columns in
            ContextRule(columns: columns, vocabulary: &vocabulary, signatures: &signatures)
        }
        let lists = WordLists(table: EmbeddedLanguageData.wordLists)
        tagger = PartOfSpeechTagger(
            lexicon: lexicon, guesser: UnknownWordGuesser(table: EmbeddedLanguageData.unknownWords), rules: rules,
            vocabulary: vocabulary, signatures: signatures)
        lemmatizer = Lemmatizer(lexicon: lexicon)
        chunker = PhraseChunker(lists: lists)
        clauses = ClauseAnalyzer(lists: lists)
    }

    /// Whether `lower` (a lower-case word) is an English dictionary word, in any class, by WordNet: a name's
    /// word that is one ("Pacific", "Blue") does not stand for the name alone, where "Tyvak" does. O(log words).
    package func isDictionaryWord(_ lower: String) -> Bool {
        let classes = WordNetClasses.shared
        return "nvar".contains { classes.has(lower, $0) }
    }

    /// Whether `lower` (a lower-case lemma) is a noun in WordNet. O(log words).
    package func isDictionaryNoun(_ lower: String) -> Bool { WordNetClasses.shared.has(lower, "n") }

    /// How many context rules and lexicon forms the tagger holds (for diagnostics and tests).
    package var tableSizes: (lexicon: Int, rules: Int) { (tagger.lexicon.count, tagger.rules.count) }

    /// Analyses the sentence `scalars[range]`; offsets in the result are offsets into `scalars`. O(words).
    package func analyze(_ scalars: [Unicode.Scalar], in range: Range<Int>) -> SentenceAnalysis {
        analyze(words: tokenizer.tokenize(scalars, in: range))
    }

    /// Analyses `sentence` as one sentence.
    package func analyze(_ sentence: String) -> SentenceAnalysis {
        analyze(words: tokenizer.tokenize(sentence))
    }

    /// The words of `sentence`, tagged and lemmatized (no phrases or clauses). O(words).
    package func tagged(_ sentence: String) -> [Word] {
        var words = tokenizer.tokenize(sentence)
        tagAndLemmatize(&words)
        return words
    }

    /// Analyses words already split (offsets kept as given): tags, lemmas, phrases, clauses.
    package func analyze(words: [Word]) -> SentenceAnalysis {
        var words = words
        tagAndLemmatize(&words)
        let nounPhrases = chunker.nounPhrases(words)
        let verbGroups = chunker.verbGroups(words)
        let coordinations = chunker.coordinations(words, nounPhrases: nounPhrases)
        let segments = clauses.segmentIndices(words)
        return SentenceAnalysis(
            words: words, segments: segments, nounPhrases: nounPhrases, verbGroups: verbGroups,
            prepositionalPhrases: chunker.prepositionalPhrases(words, nounPhrases: nounPhrases),
            clauses: clauses.clauses(
                words, segments: segments, nounPhrases: nounPhrases, verbGroups: verbGroups,
                coordinations: coordinations),
            coordinations: coordinations)
    }

    /// Word classes, then lemmas from the lexicon entries the tagger looked up.
    private func tagAndLemmatize(_ words: inout [Word]) {
        let entries = tagger.tag(&words)
        for index in words.indices { words[index].lemma = lemmatizer.lemma(of: words[index], entry: entries[index]) }
    }
}
