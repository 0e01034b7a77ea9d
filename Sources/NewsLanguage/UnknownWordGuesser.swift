/// The first tag of a word the lexicon does not hold, from its shape and final letters
/// (`Data/unknown-words.tsv`): counts taken on words that were unknown to a lexicon built without them, so
/// the table describes unknown words as the tagger meets them. `scripts/gen-language.py` computes the same
/// keys; keep the two in step.
struct UnknownWordGuesser: Sendable {
    private var table: [String: PartOfSpeech] = [:]
    /// Read on first use: a text with no unknown word never parses WordNet's table.
    var wordNet: WordNetClasses { WordNetClasses.shared }

    init(table text: String) {
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let columns = line.split(separator: "\t")
            guard columns.count == 2, let first = columns[1].split(separator: " ").first,
                let name = first.split(separator: "=").first, let tag = PartOfSpeech(rawValue: String(name))
            else { continue }
            table[String(columns[0])] = tag
        }
    }

    /// The most frequent tag of the most specific key of `word` that the table holds. Keys are built one at a
    /// time, most specific first, and only until one is found.
    func guess(_ word: Word, initial: Bool) -> PartOfSpeech {
        let base = Self.shape(word, initial: initial)
        if base == "num" || base == "sym" { return table[base] ?? .noun }
        let signature = wordNet.signature(word.lower)
        let scalars = Array(word.lower.unicodeScalars)
        let suffixes = [3, 2, 1].filter { scalars.count > $0 }.map {
            String(String.UnicodeScalarView(scalars[(scalars.count - $0)...]))
        }
        for suffix in suffixes {
            if let tag = table["\(base)|\(signature)|\(suffix)"] { return tag }
        }
        if let tag = table["\(base)|\(signature)"] { return tag }
        for suffix in suffixes {
            if let tag = table["\(base)|\(suffix)"] { return tag }
        }
        return table[base] ?? (word.isCapitalized ? .properNoun : .noun)
    }

    /// num (digits, no letters), sym (neither), caps (two or more letters, all capitals), init (capitalized
    /// first word), cap (capitalized), mixed (letters and digits), lower.
    static func shape(_ word: Word, initial: Bool) -> String {
        let letters = word.form.filter(\.isLetter)
        if letters.isEmpty {
            return word.form.contains(where: \.isNumber) ? "num" : "sym"
        }
        if letters.count > 1 && letters.allSatisfy(\.isUppercase) { return "caps" }
        if word.isCapitalized { return initial ? "init" : "cap" }
        if word.form.contains(where: \.isNumber) { return "mixed" }
        return "lower"
    }
}
