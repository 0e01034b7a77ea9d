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

    /// The open classes a WordNet signature (`WordNetClasses.signature`) names, as a lemma or as an inflection:
    /// n NOUN, v VERB, a ADJ, r ADV.
    static func wordNetBits(_ signature: String) -> UInt32 {
        var bits: UInt32 = 0
        for letter in signature.unicodeScalars {
            switch letter {
            case "n", "N": bits |= noun.bit
            case "v", "V": bits |= verb.bit
            case "a", "A": bits |= adjective.bit
            case "r", "R": bits |= adverb.bit
            default: break
            }
        }
        return bits
    }

    /// The tags a context rule may give a word the lexicon does not hold: a name's, and the open classes its
    /// WordNet signature names (a verb's inflection may be an adjective or a noun too: "the disputed islands",
    /// "the bombing", and rules reach the adjective through the noun); every open class when WordNet does not
    /// know the word ("-", also for numbers and symbols). `unknown_allowed` in `scripts/gen-language.py` is the
    /// same; the script learns the rules without this limit.
    static func unknownWordBits(signature: String) -> UInt32 {
        let named = wordNetBits(signature)
        guard named != 0 else { return openClassBits }
        return named | properNoun.bit | (signature.unicodeScalars.contains("V") ? adjective.bit | noun.bit : 0)
    }

    /// Words that can head a noun phrase.
    var isNominal: Bool { self == .noun || self == .properNoun || self == .pronoun || self == .numeral }
}
