import Synchronization

/// The word forms of the training text with the universal tags each was seen with, most frequent first, the
/// lemma of each reading and the form's WordNet signature (`Data/lexicon.tsv`, learned by
/// `scripts/gen-language.py`).
struct Lexicon: Sendable {
    struct Entry: Sendable {
        /// Tags seen with the form, most frequent first.
        var tags: [PartOfSpeech]
        /// Lemmas that differ from the lower-cased form, by tag.
        var lemmas: [PartOfSpeech: String]
        /// `tags` as a bit set.
        let tagBits: UInt32
        /// The form's WordNet signature, as the signature rules read it (`WordNetClasses.signature`; "-" for
        /// none and for numbers and symbols).
        var signature: String
        /// The tags a context rule may give the form: `tags`, and for a form seen in an open class, the open
        /// classes its WordNet signature names (n NOUN, v VERB, a ADJ, r ADV).
        let allowedBits: UInt32

        init(tags: [PartOfSpeech], lemmas: [PartOfSpeech: String], signature: String = "-") {
            self.tags = tags
            self.lemmas = lemmas
            self.signature = signature
            self.tagBits = tags.reduce(0) { $0 | $1.bit }
            self.allowedBits =
                tagBits & PartOfSpeech.openClassBits != 0 ? tagBits | PartOfSpeech.wordNetBits(signature) : tagBits
        }
    }

    /// `Data/lexicon.tsv` and `Data/verb-lemmas.tsv`, searched where the binary holds them.
    private let table: SortedTable
    private let verbLemmaTable: SortedTable
    /// The entries read so far, by line of the table (at most one per line), shared by every thread.
    private let cache = EntryCache()

    final class EntryCache: Sendable {
        let entries = Mutex<[Int: Entry]>([:])
    }

    /// Nothing is parsed here: a form's line is found by the table's key index and read on first use.
    init(table: StaticString = EmbeddedLanguageData.lexicon, verbLemmas: StaticString = EmbeddedLanguageData.verbLemmas)
    {
        self.table = SortedTable(table, columnLine: false)
        self.verbLemmaTable = SortedTable(verbLemmas)
    }

    /// The entry of `form` exactly as written, reading its line on first use. O(form).
    func entry(exactly form: String) -> Entry? {
        guard let line = table.lines(ofKey: form)?.lowerBound else { return nil }
        if let known = cache.entries.withLock({ $0[line] }) { return known }
        let columns = table.fields(line)
        guard columns.count == 4 else { return nil }
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
        let entry = Entry(tags: tags, lemmas: lemmas, signature: columns[3])
        cache.entries.withLock { $0[line] = entry }
        return entry
    }

    /// The entry of the exact form, else of its lower-case form; `exact` says which.
    func entry(for word: Word) -> (entry: Entry, exact: Bool)? {
        if let entry = entry(exactly: word.form) { return (entry, true) }
        if let entry = entry(exactly: word.lower) { return (entry, false) }
        return nil
    }

    /// Whether `lemma` is the VERB lemma of a form of the table (for lemmatizing unknown inflected verbs).
    func isVerbLemma(_ lemma: String) -> Bool {
        verbLemmaTable.containsLine(lemma)
    }

    var count: Int { table.count }
}
