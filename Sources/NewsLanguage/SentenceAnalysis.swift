/// Everything the language layer knows about one sentence, computed once and read by every extractor:
/// tagged and lemmatized words, noun phrases, verb groups, prepositional phrases and clauses. Indices are
/// word indices into `words` (phrases) or indices into the phrase arrays (clauses).
package struct SentenceAnalysis: Sendable, Equatable {
    package var words: [Word]
    /// For each word, which part of the sentence it stands in: parts are separated by ";", ":" and dashes.
    package var segments: [Int]
    package var nounPhrases: [NounPhrase]
    package var verbGroups: [VerbGroup]
    package var prepositionalPhrases: [PrepositionalPhrase]
    package var clauses: [Clause]
    /// Groups of coordinated noun phrases ("Portugal and Morocco", "the UK, the US and Nato"), in order.
    package var coordinations: [[Int]]

    /// The noun phrase that contains word `index`, if any. O(log phrases).
    package func nounPhrase(containing index: Int) -> Int? {
        var low = 0
        var high = nounPhrases.count
        while low < high {
            let middle = (low + high) / 2
            if nounPhrases[middle].range.upperBound <= index {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low < nounPhrases.count && nounPhrases[low].range.contains(index) ? low : nil
    }

    /// The noun phrases coordinated with phrase `index`, itself included, in order.
    package func conjuncts(of index: Int) -> [Int] {
        coordinations.first { $0.contains(index) } ?? [index]
    }
}

/// A noun phrase: "Iran's foreign minister", "the baseless accusations", "they".
package struct NounPhrase: Sendable, Equatable {
    /// Its words, possessor included.
    package var range: Range<Int>
    /// The head word: the last noun, proper noun, pronoun or numeral.
    package var head: Int
    /// The determiner, if the phrase has one ("the", "a", "this").
    package var determiner: Int?
    /// The possessor's words before "'s" ("Iran" in "Iran's foreign minister").
    package var possessor: Range<Int>?
    /// The longest run of proper nouns that ends at or before the head.
    package var properName: Range<Int>?
}

/// A verb group: auxiliaries, adverbs and the main verb, with what they say together.
package struct VerbGroup: Sendable, Equatable {
    package enum Tense: String, Sendable, Codable { case past, present, future }
    package enum Voice: String, Sendable, Codable { case active, passive }

    package var range: Range<Int>
    /// The main verb, or the last auxiliary when there is none ("is" in "he is angry").
    package var head: Int
    package var lemma: String
    package var tense: Tense
    package var voice: Voice
    package var negated: Bool
    /// The modal's lemma ("would", "can"), if any.
    package var modal: String?
    package var perfect: Bool
    package var progressive: Bool
    /// An adverbial particle that belongs to the verb ("out" in "carried out").
    package var particle: Int?
    /// A form of "be" with no main verb: the subject is linked to `predicate`.
    package var isCopula: Bool
    /// The head word of a copula's predicate ("angry", "minister", "Paris" in "is in Paris").
    package var predicate: Int?
    /// An infinitive ("to attack") or a participle or gerund without an auxiliary ("launched by", "saying").
    package var isNonFinite: Bool

    /// The word the clause's subject and objects attach to: a copula's predicate, else the head.
    package var clauseHead: Int { predicate ?? head }
}

/// A preposition and the noun phrase it governs.
package struct PrepositionalPhrase: Sendable, Equatable {
    package var preposition: Int
    package var object: Int
}

/// A clause: one verb group with its subject, objects and passive agent.
package struct Clause: Sendable, Equatable {
    package var verbGroup: Int
    /// Noun phrases of the subject, every conjunct of a coordinated subject.
    package var subjects: [Int] = []
    /// How the subject was found, so that a reader can choose how far to trust it.
    package enum SubjectSource: String, Sendable {
        /// Left of the verb, with only adverbs, commas and prepositional phrases between.
        case direct
        /// A relative pronoun right before the verb ("who attacked").
        case relativePronoun
        /// The phrase a relative clause describes, across that clause ("The hackers who attacked the ministry
        /// were arrested").
        case acrossRelativeClause
        /// Taken from the first of coordinated verbs ("Iran denied and condemned").
        case shared
    }

    /// How the subject was found; nil when there is none.
    package var subjectSource: SubjectSource?
    /// The subject was taken from the first of coordinated verbs ("Iran denied and condemned").
    package var subjectIsShared: Bool { subjectSource == .shared }
    /// Noun phrases of the direct object, every conjunct.
    package var objects: [Int] = []
    package var indirectObject: Int?
    /// Noun phrases of a passive's agent ("by hackers"), every conjunct.
    package var agents: [Int] = []
    /// The noun phrase a relative or participle clause describes ("hackers" in "hackers who attacked").
    package var modifies: Int?
    /// The clause whose content this one is: "Iran said that hackers attacked" makes "attacked" a complement of
    /// "said"; "hackers attacked, Iran said" too.
    package var complementOf: Int?
    /// Which part of the sentence (between ";", ":" and dashes) the clause stands in.
    package var segment: Int
}
