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

    /// Position in the tie-break order.
    var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    /// Words that can head a noun phrase.
    var isNominal: Bool { self == .noun || self == .properNoun || self == .pronoun || self == .numeral }
}
