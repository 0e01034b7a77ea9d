/// The lemma of a tagged word: the lexicon's lemma for the form and tag when the training text had it, else
/// English inflection undone by rule (plural nouns, verb endings), checked against the lexicon's verb lemmas.
struct Lemmatizer: Sendable {
    let lexicon: Lexicon

    /// Stems that take back a final "e" ("creat" → "create", "organiz" → "organize", "refut" → "refute").
    private static let silentEEndings = [
        "at", "ut", "iz", "is", "us", "v", "c", "g", "rs", "ur", "ud", "id", "ok", "in",
    ]

    /// The lemma of `word`; `entry` is its lexicon entry as the tagger looked it up (nil: unknown word).
    func lemma(of word: Word, entry: Lexicon.Entry?) -> String {
        if word.tag == .properNoun { return word.form }
        if let entry, entry.tags.contains(word.tag) {
            return entry.lemmas[word.tag] ?? word.lower
        }
        let lower = word.lower
        switch word.tag {
        case .noun: return Self.singular(lower)
        case .verb, .auxiliary: return verbLemma(lower)
        default: return lower
        }
    }

    static func singular(_ word: String) -> String {
        if word.count > 4, word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        for ending in ["ches", "shes", "sses", "xes", "zes"] where word.hasSuffix(ending) {
            return String(word.dropLast(2))
        }
        if word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us"), !word.hasSuffix("is") {
            return String(word.dropLast())
        }
        return word
    }

    func verbLemma(_ word: String) -> String {
        var stem: String?
        if word.count > 4, word.hasSuffix("ied") || word.hasSuffix("ies") {
            return String(word.dropLast(3)) + "y"
        } else if word.count > 4, word.hasSuffix("ing") {
            stem = String(word.dropLast(3))
        } else if word.count > 3, word.hasSuffix("ed") {
            stem = String(word.dropLast(2))
        } else if word.count > 3, word.hasSuffix("es") || word.hasSuffix("s"), !word.hasSuffix("ss") {
            let dropped = String(word.dropLast())
            if lexicon.isVerbLemma(dropped) { return dropped }
            if let known = WordNetClasses.pluralBases(word).first(where: { WordNetClasses.shared.has($0, "v") }) {
                return known
            }
            if word.hasSuffix("es"), lexicon.isVerbLemma(String(word.dropLast(2))) {
                return String(word.dropLast(2))
            }
            return dropped
        }
        guard let stem else { return word }
        if lexicon.isVerbLemma(stem + "e") { return stem + "e" }
        if lexicon.isVerbLemma(stem) { return stem }
        let wordNet = WordNetClasses.shared
        if let known = WordNetClasses.verbBases(word).first(where: { wordNet.has($0, "v") }) { return known }
        let letters = Array(stem)
        if letters.count > 2, letters[letters.count - 1] == letters[letters.count - 2],
            !"lsz".contains(letters[letters.count - 1])
        {
            return String(letters.dropLast())  // "stopped" → "stop"
        }
        if Self.silentEEndings.contains(where: stem.hasSuffix) { return stem + "e" }
        return stem
    }
}
