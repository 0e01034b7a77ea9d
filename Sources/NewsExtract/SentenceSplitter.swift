import NewsLanguage

/// A sentence: token range and scalar offsets into the text.
struct Sentence: Sendable, Equatable {
    var firstToken: Int
    /// One past the last token.
    var endToken: Int
    var start: Int
    var end: Int
}

/// Splits tokenized news text into sentences.
///
/// A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets) followed by white space and a
/// capital, a digit or an opening quote, and always at a paragraph break. It does not end after a known
/// abbreviation ("Mr.", "Sept.", "U.S." before a lower-case word), a single initial ("J. Smith"), or
/// inside a number ("3.5"). A run of ``maxTokens`` tokens with no end is cut there: no reader takes text that
/// long as one sentence (a list, a table or text without punctuation), and every rule's cost grows with a
/// sentence's length.
struct SentenceSplitter: Sendable {
    static let maxTokens = 200

    static let abbreviations: WordSet = [
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "sen", "rep", "gov", "pres",
        "st", "jr", "sr", "rev", "hon", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "inc", "corp", "ltd", "co", "no", "vs", "etc", "approx", "dept", "est", "fig", "mt", "ft", "gov't",
        "e", "i", "u", "a", "p", "d",
    ]

    func split(_ text: TokenizedText) -> [Sentence] {
        let scalars = text.scalars
        let tokens = text.tokens
        guard !tokens.isEmpty else { return [] }
        var sentences: [Sentence] = []
        var first = 0
        for index in 0..<tokens.count {
            let isLast = index == tokens.count - 1
            if isLast || index + 1 - first >= Self.maxTokens || endsSentence(after: index, text) {
                let start = tokens[first].start
                var end = tokens[index].end
                // Take the closing punctuation and quotes into the sentence.
                while end < scalars.count, ".!?\"”’)]'…".unicodeScalars.contains(scalars[end]) { end += 1 }
                if start > 0, "\"“‘(".unicodeScalars.contains(scalars[start - 1]) {
                    sentences.append(Sentence(firstToken: first, endToken: index + 1, start: start - 1, end: end))
                } else {
                    sentences.append(Sentence(firstToken: first, endToken: index + 1, start: start, end: end))
                }
                first = index + 1
            }
        }
        return sentences
    }

    private func endsSentence(after index: Int, _ text: TokenizedText) -> Bool {
        let scalars = text.scalars
        let token = text.tokens[index]
        let next = text.tokens[index + 1]
        let gap = scalars[token.end..<next.start]
        if gap.contains("\n") { return true }
        guard let mark = gap.firstIndex(where: { $0 == "." || $0 == "!" || $0 == "?" }) else { return false }
        // The mark must be followed by white space (possibly after closing quotes) before the next token.
        let afterMark = scalars[(mark + 1)..<next.start]
        guard afterMark.contains(where: { $0.properties.isWhitespace }) else { return false }
        let nextScalar = scalars[next.start]
        let opensQuote = afterMark.contains(where: { "\"“‘'(".unicodeScalars.contains($0) })
        guard nextScalar.properties.isUppercase || nextScalar.properties.numericType != nil || opensQuote else {
            return false
        }
        if scalars[mark] == "." && mark == token.end {
            // An abbreviation or an initial keeps the sentence going.
            if Self.abbreviations.contains(token) { return false }
            if token.end - token.start == 1, scalars[token.start].properties.isUppercase { return false }
        }
        return true
    }
}
