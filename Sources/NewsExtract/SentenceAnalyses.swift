import NewsLanguage

/// The language layer's analyses of one text's sentences, each computed at most once and only when a rule
/// asks for it, so that the group rules and the event coder share them. Used by one extraction on one thread.
final class SentenceAnalyses {
    let text: TokenizedText
    let sentences: [Sentence]
    private let language: LanguageAnalyzer
    private var cache: [SentenceAnalysis?]

    init(text: TokenizedText, sentences: [Sentence], language: LanguageAnalyzer = .shared) {
        self.text = text
        self.sentences = sentences
        self.language = language
        cache = Array(repeating: nil, count: sentences.count)
    }

    /// The analysis of sentence `index`. O(words of the sentence) the first time, O(1) after.
    func analysis(_ index: Int) -> SentenceAnalysis {
        if let known = cache[index] { return known }
        let sentence = sentences[index]
        let analysis = language.analyze(text.scalars, in: sentence.start..<sentence.end)
        cache[index] = analysis
        return analysis
    }
}
