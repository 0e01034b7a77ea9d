/// A universal part of speech (UPOS, https://universaldependencies.org/u/pos/): the word classes the tagger
/// gives every token. The order is the tie-break order of the learned tables (`scripts/gen-language.py`).
package enum PartOfSpeech: String, CaseIterable, Sendable, Codable {
    case adjective = "ADJ"
    case adposition = "ADP"
    case adverb = "ADV"
    case auxiliary = "AUX"
    case coordinatingConjunction = "CCONJ"
    case determiner = "DET"
    case interjection = "INTJ"
    case noun = "NOUN"
    case numeral = "NUM"
    case particle = "PART"
    case pronoun = "PRON"
    case properNoun = "PROPN"
    case punctuation = "PUNCT"
    case subordinatingConjunction = "SCONJ"
    case symbol = "SYM"
    case verb = "VERB"
    case other = "X"

    /// The classes an unknown word may take: the open ones (closed classes are all in the lexicon).
    static let openClasses: Set<PartOfSpeech> = Set(allCases).subtracting([
        .determiner, .pronoun, .adposition, .auxiliary, .coordinatingConjunction, .subordinatingConjunction,
        .particle,
    ])

    /// This class as one bit of a `UInt32` set.
    var bit: UInt32 {
        switch self {
        case .adjective: 1 << 0
        case .adposition: 1 << 1
        case .adverb: 1 << 2
        case .auxiliary: 1 << 3
        case .coordinatingConjunction: 1 << 4
        case .determiner: 1 << 5
        case .interjection: 1 << 6
        case .noun: 1 << 7
        case .numeral: 1 << 8
        case .particle: 1 << 9
        case .pronoun: 1 << 10
        case .properNoun: 1 << 11
        case .punctuation: 1 << 12
        case .subordinatingConjunction: 1 << 13
        case .symbol: 1 << 14
        case .verb: 1 << 15
        case .other: 1 << 16
        }
    }

    /// Position in `allCases` (the tie-break order).
    var index: Int { bit.trailingZeroBitCount }

    /// `openClasses` as bits.
    static let openClassBits: UInt32 = openClasses.reduce(0) { $0 | $1.bit }

    /// Words that can head a noun phrase.
    var isNominal: Bool { self == .noun || self == .properNoun || self == .pronoun || self == .numeral }
}
