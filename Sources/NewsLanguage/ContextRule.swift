/// A transformation rule learned in the style of Brill (1995): change tag `from` to `to` where the context
/// holds and the word may take `to` (`Data/context-rules.tsv`, learned by `scripts/gen-language.py`, whose
/// templates these cases mirror).
struct ContextRule: Sendable {
    /// What a rule tests around position i: tags (t) and lower-cased words (w) at the given offsets.
    enum Context: Sendable {
        case tag(offset: Int, PartOfSpeech?)
        case tags(offsets: (Int, Int), PartOfSpeech?, PartOfSpeech?)
        case wordAndTag(tagOffset: Int, word: Int32, PartOfSpeech?)
        case wordAndTags(word: Int32, PartOfSpeech?, PartOfSpeech?)
        case word(offset: Int, Int32)
        case words(offset: Int, word: Int32, other: Int32)
    }

    var from: PartOfSpeech
    var to: PartOfSpeech
    var context: Context

    /// Sentence ends in the tables: "<s>" before the first word, "</s>" after the last, as word ids.
    static let start: Int32 = -2
    static let end: Int32 = -3

    /// Parses one line: score, from, to, template name, value. Nil for a line it cannot read. Words are
    /// interned in `vocabulary` (lower-cased word → id), so that matching compares integers.
    init?(line: Substring, vocabulary: inout [String: Int32]) {
        let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard columns.count == 5, let from = PartOfSpeech(rawValue: String(columns[1])),
            let to = PartOfSpeech(rawValue: String(columns[2]))
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
        default: return nil
        }
        self.from = from
        self.to = to
        self.context = context
    }

    /// Whether the context holds at `i`. `words` holds each word's id in the rules' vocabulary (-1 for a word
    /// no rule names). A nil tag in a context stands for a sentence end, which matches positions outside the
    /// sentence.
    @inline(__always)
    func holds(at i: Int, tags: [PartOfSpeech], words: [Int32]) -> Bool {
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
        }
    }
}
