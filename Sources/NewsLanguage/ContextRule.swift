/// A transformation rule learned in the style of Brill (1995): change tag `from` to `to` where the context
/// holds and the word may take `to` (`Data/context-rules.tsv`, learned by `scripts/gen-language.py`, whose
/// templates these cases mirror).
struct ContextRule: Sendable {
    /// What a rule tests around position i: tags (t) and lower-cased words (w) at the given offsets, or the
    /// word's own shape or WordNet signature with the tag before or after it.
    enum Context: Sendable {
        case tag(offset: Int, PartOfSpeech?)
        case tags(offsets: (Int, Int), PartOfSpeech?, PartOfSpeech?)
        case wordAndTag(tagOffset: Int, word: Int32, PartOfSpeech?)
        case wordAndTags(word: Int32, PartOfSpeech?, PartOfSpeech?)
        case word(offset: Int, Int32)
        case words(offset: Int, word: Int32, other: Int32)
        case shapeAndTag(tagOffset: Int, WordShape, PartOfSpeech?)
        case signatureAndTag(tagOffset: Int, signature: Int32, PartOfSpeech?)
    }

    var from: PartOfSpeech
    var to: PartOfSpeech
    var context: Context

    /// Sentence ends in the tables: "<s>" before the first word, "</s>" after the last, as word ids.
    static let start: Int32 = -2
    static let end: Int32 = -3

    /// Parses one line: score, from, to, template name, value. Nil for a line it cannot read. Words are
    /// interned in `vocabulary` (lower-cased word → id) and WordNet signatures in `signatures`, so that
    /// matching compares integers.
    init?(line: Substring, vocabulary: inout [String: Int32], signatures: inout [String: Int32]) {
        self.init(columns: TableRows.columns(line.utf8), vocabulary: &vocabulary, signatures: &signatures)
    }

    /// The same from the line's columns.
    init?(columns: [String], vocabulary: inout [String: Int32], signatures: inout [String: Int32]) {
        guard columns.count == 5, let from = PartOfSpeech(rawValue: columns[1]),
            let to = PartOfSpeech(rawValue: columns[2])
        else { return nil }
        let values = columns[4].split(separator: " ").map(String.init)
        func tag(_ index: Int) -> PartOfSpeech? { PartOfSpeech(rawValue: values[index]) }
        func word(_ index: Int) -> Int32 {
            switch values[index] {
            case "<s>": return Self.start
            case "</s>": return Self.end
            case let text:
                if let id = vocabulary[text] { return id }
                let id = Int32(vocabulary.count)
                vocabulary[text] = id
                return id
            }
        }
        func signature(_ index: Int) -> Int32 {
            if let id = signatures[values[index]] { return id }
            let id = Int32(signatures.count)
            signatures[values[index]] = id
            return id
        }
        let context: Context
        switch (columns[3], values.count) {
        case ("prevtag", 1): context = .tag(offset: -1, tag(0))
        case ("nexttag", 1): context = .tag(offset: 1, tag(0))
        case ("prev2tag", 1): context = .tag(offset: -2, tag(0))
        case ("next2tag", 1): context = .tag(offset: 2, tag(0))
        case ("prevtags", 2): context = .tags(offsets: (-1, -2), tag(0), tag(1))
        case ("nexttags", 2): context = .tags(offsets: (1, 2), tag(0), tag(1))
        case ("surround", 2): context = .tags(offsets: (-1, 1), tag(0), tag(1))
        case ("word-prevtag", 2): context = .wordAndTag(tagOffset: -1, word: word(0), tag(1))
        case ("word-nexttag", 2): context = .wordAndTag(tagOffset: 1, word: word(0), tag(1))
        case ("prevword", 1): context = .word(offset: -1, word(0))
        case ("nextword", 1): context = .word(offset: 1, word(0))
        case ("prev2word", 1): context = .word(offset: -2, word(0))
        case ("next2word", 1): context = .word(offset: 2, word(0))
        case ("word-prevword", 2): context = .words(offset: -1, word: word(0), other: word(1))
        case ("word-nextword", 2): context = .words(offset: 1, word: word(0), other: word(1))
        case ("word-next2tags", 3): context = .wordAndTags(word: word(0), tag(1), tag(2))
        case ("shape-prevtag", 2), ("shape-nexttag", 2):
            guard let shape = WordShape(rawValue: values[0]) else { return nil }
            context = .shapeAndTag(tagOffset: columns[3] == "shape-prevtag" ? -1 : 1, shape, tag(1))
        case ("signature-prevtag", 2): context = .signatureAndTag(tagOffset: -1, signature: signature(0), tag(1))
        case ("signature-nexttag", 2): context = .signatureAndTag(tagOffset: 1, signature: signature(0), tag(1))
        default: return nil
        }
        self.from = from
        self.to = to
        self.context = context
    }

    /// Whether the context holds at `i`. `words` holds each word's id in the rules' vocabulary (-1 for a word
    /// no rule names); `features` gives shapes and signatures when a rule reads them. A nil tag in a context
    /// stands for a sentence end, which matches positions outside the sentence.
    @inline(__always)
    func holds(at i: Int, tags: [PartOfSpeech], words: [Int32], features: inout WordFeatures) -> Bool {
        func word(_ offset: Int) -> Int32 {
            let j = i + offset
            if j < 0 { return Self.start }
            return j < words.count ? words[j] : Self.end
        }
        func sameTag(_ offset: Int, _ wanted: PartOfSpeech?) -> Bool {
            let j = i + offset
            guard j >= 0 && j < tags.count else { return wanted == nil }
            return tags[j] == wanted
        }
        switch context {
        case .tag(let offset, let wanted): return sameTag(offset, wanted)
        case .tags(let offsets, let first, let second): return sameTag(offsets.0, first) && sameTag(offsets.1, second)
        case .wordAndTag(let offset, let wanted, let wantedTag): return words[i] == wanted && sameTag(offset, wantedTag)
        case .wordAndTags(let wanted, let first, let second):
            return words[i] == wanted && sameTag(1, first) && sameTag(2, second)
        case .word(let offset, let wanted): return word(offset) == wanted
        case .words(let offset, let wanted, let other): return words[i] == wanted && word(offset) == other
        case .shapeAndTag(let offset, let shape, let wantedTag):
            return sameTag(offset, wantedTag) && features.shape(at: i) == shape
        case .signatureAndTag(let offset, let wanted, let wantedTag):
            return sameTag(offset, wantedTag) && features.signature(at: i) == wanted
        }
    }
}

/// The shape and WordNet signature of each word of a sentence, as the shape and signature rules read them.
/// The tagger gives each word's signature as it looks the word up (the lexicon's entry holds it; the
/// unknown-word guesser has just computed it); a shape is computed when a rule first asks (most words are
/// never asked), then kept.
struct WordFeatures {
    private let words: [Word]
    /// The signatures the rules name, with their ids.
    private let signatureIDs: WordSet
    private var shapes: [WordShape?]
    private var signatures: [Int32?]

    init(words: [Word], signatureIDs: WordSet) {
        self.words = words
        self.signatureIDs = signatureIDs
        shapes = Array(repeating: nil, count: words.count)
        signatures = Array(repeating: nil, count: words.count)
    }

    mutating func shape(at index: Int) -> WordShape {
        if let known = shapes[index] { return known }
        let shape = WordShape(words[index], initial: index == 0)
        shapes[index] = shape
        return shape
    }

    /// Records the signature (and shape, when known) of the word at `index`.
    mutating func know(signature: String, at index: Int, shape: WordShape? = nil) {
        signatures[index] = signatureIDs.index(of: signature).map(Int32.init) ?? -1
        if let shape { shapes[index] = shape }
    }

    /// The id of the word's signature among those the rules name, -1 for any other. Numbers and symbols have
    /// the signature "-", whatever WordNet holds. A word the tagger gave no signature is searched in WordNet.
    mutating func signature(at index: Int) -> Int32 {
        if let known = signatures[index] { return known }
        let shape = shape(at: index)
        let text = shape == .number || shape == .symbol ? "-" : WordNetClasses.shared.signature(words[index].lower)
        let id = signatureIDs.index(of: text).map(Int32.init) ?? -1
        signatures[index] = id
        return id
    }
}
