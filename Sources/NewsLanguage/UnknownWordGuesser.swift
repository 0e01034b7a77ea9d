/// The first tag of a word the lexicon does not hold, from its shape and final letters
/// (`Data/unknown-words.tsv`): counts taken on words that were unknown to a lexicon built without them, so
/// the table describes unknown words as the tagger meets them. `scripts/gen-language.py` computes the same
/// keys; keep the two in step.
struct UnknownWordGuesser: Sendable {
    /// The table's keys, and the first tag of each.
    private let keys: WordSet
    private let tags: [PartOfSpeech]
    /// Read on first use: a text with no unknown word never parses WordNet's table.
    var wordNet: WordNetClasses { WordNetClasses.shared }

    init(table text: String) {
        var table: [String: PartOfSpeech] = [:]
        for columns in TableRows.rows(text) {
            // The most frequent tag comes first: "TAG=count ...".
            guard columns.count == 2, let tag = PartOfSpeech(rawValue: String(columns[1].prefix { $0 != "=" }))
            else { continue }
            table[columns[0]] = tag
        }
        let keys = Array(table.keys)
        self.keys = WordSet(keys)
        self.tags = keys.map { table[$0]! }
    }

    /// The tag of the key made of `parts` joined by "|", built in `buffer`.
    private func tag(_ parts: String..., in buffer: inout [UInt8]) -> PartOfSpeech? {
        buffer.removeAll(keepingCapacity: true)
        for (index, part) in parts.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: "|")) }
            buffer.append(contentsOf: part.utf8)
        }
        return buffer.withUnsafeBufferPointer { keys.index(ofUTF8: $0) }.map { tags[$0] }
    }

    /// The most frequent tag of the most specific key of `word` that the table holds, and the word's shape and
    /// WordNet signature ("-" for numbers and symbols), which the signature rules read next. Keys are built one
    /// at a time, most specific first, and only until one is found.
    func guess(_ word: Word, initial: Bool) -> (tag: PartOfSpeech, shape: WordShape, signature: String) {
        let shape = WordShape(word, initial: initial)
        let base = shape.rawValue
        var buffer: [UInt8] = []
        if shape == .number || shape == .symbol { return (tag(base, in: &buffer) ?? .noun, shape, "-") }
        let signature = wordNet.signature(word.lower)
        // With no key found, a capitalized word or one with a capital inside ("iPhone") is a name.
        let name = word.isCapitalized || shape == .camel
        return (tag(base: base, signature: signature, lower: word.lower, name: name), shape, signature)
    }

    private func tag(base: String, signature: String, lower: String, name: Bool) -> PartOfSpeech {
        let scalars = Array(lower.unicodeScalars)
        let suffixes = [3, 2, 1].filter { scalars.count > $0 }.map {
            String(scalars: scalars[(scalars.count - $0)...])
        }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(32)
        for suffix in suffixes {
            if let tag = tag(base, signature, suffix, in: &buffer) { return tag }
        }
        if let tag = tag(base, signature, in: &buffer) { return tag }
        for suffix in suffixes {
            if let tag = tag(base, suffix, in: &buffer) { return tag }
        }
        return tag(base, in: &buffer) ?? (name ? .properNoun : .noun)
    }
}

/// A word's shape, as the unknown-word table and the shape rules key it: num (digits, no letters), sym
/// (neither), caps (two or more letters, all capitals), init (capitalized first word), cap (capitalized), camel
/// (a lower-case first letter, a capital after it, no digit: "iPhone", "eBay"), mixed (letters and digits),
/// lower. `scripts/gen-language.py` computes the same.
enum WordShape: String, Sendable, CaseIterable {
    case number = "num"
    case symbol = "sym"
    case capitals = "caps"
    case initial = "init"
    case capitalized = "cap"
    case camel
    case mixed
    case lower

    init(_ word: Word, initial: Bool) {
        var letters = 0
        var allUpper = true
        var anyUpper = false
        var hasNumber = false
        if word.form.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII, most words: bytes, without Unicode's character properties.
            for byte in word.form.utf8 {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    letters += 1
                    anyUpper = true
                case UInt8(ascii: "a")...UInt8(ascii: "z"):
                    letters += 1
                    allUpper = false
                case UInt8(ascii: "0")...UInt8(ascii: "9"): hasNumber = true
                default: break
                }
            }
        } else {
            for character in word.form {
                if character.isLetter {
                    letters += 1
                    if character.isUppercase { anyUpper = true } else { allUpper = false }
                }
                if character.isNumber { hasNumber = true }
            }
        }
        if letters == 0 {
            self = hasNumber ? .number : .symbol
        } else if letters > 1 && allUpper {
            self = .capitals
        } else if word.isCapitalized {
            self = initial ? .initial : .capitalized
        } else if anyUpper && !hasNumber && word.form.first?.isLetter == true {
            self = .camel
        } else {
            self = hasNumber ? .mixed : .lower
        }
    }
}
