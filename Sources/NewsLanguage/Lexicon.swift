/// The word forms of the training text with the universal tags each was seen with, most frequent first, and
/// the lemma of each reading (`Data/lexicon.tsv`, learned by `scripts/gen-language.py`).
struct Lexicon: Sendable {
    struct Entry: Sendable {
        /// Tags seen with the form, most frequent first.
        var tags: [PartOfSpeech]
        /// Lemmas that differ from the lower-cased form, by tag.
        var lemmas: [PartOfSpeech: String]
        /// `tags` as a bit set.
        let tagBits: UInt32

        init(tags: [PartOfSpeech], lemmas: [PartOfSpeech: String]) {
            self.tags = tags
            self.lemmas = lemmas
            self.tagBits = tags.reduce(0) { $0 | $1.bit }
        }
    }

    private var entries: [String: Entry] = [:]
    /// Every verb lemma of the table, for lemmatizing unknown inflected verbs.
    private(set) var verbLemmas: Set<String> = []

    /// Parses the table. O(size of the table); done once per process (`LanguageAnalyzer.shared`).
    init(table: String) {
        entries.reserveCapacity(24_000)
        for line in table.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix("#") {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count == 3 else { continue }
            let tags = columns[1].split(separator: " ").compactMap { item in
                item.split(separator: "=").first.flatMap { PartOfSpeech(rawValue: String($0)) }
            }
            var lemmas: [PartOfSpeech: String] = [:]
            for item in columns[2].split(separator: " ") {
                let parts = item.split(separator: "=", maxSplits: 1)
                if parts.count == 2, let tag = PartOfSpeech(rawValue: String(parts[0])) {
                    lemmas[tag] = String(parts[1])
                }
            }
            entries[String(columns[0])] = Entry(tags: tags, lemmas: lemmas)
            if tags.contains(.verb) { verbLemmas.insert(lemmas[.verb] ?? columns[0].lowercased()) }
        }
    }

    /// The entry of the exact form, else of its lower-case form; `exact` says which.
    func entry(for word: Word) -> (entry: Entry, exact: Bool)? {
        if let entry = entries[word.form] { return (entry, true) }
        if let entry = entries[word.lower] { return (entry, false) }
        return nil
    }

    var count: Int { entries.count }
}
