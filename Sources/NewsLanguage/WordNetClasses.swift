/// Which word classes an English word can have according to Princeton WordNet 3.0 (`Data/wordnet-classes.tsv`,
/// derived from Debian's wordnet-base by `scripts/gen-language.py`): the unknown-word guesser's second clue
/// after the word's shape, and the lemmatizer's check for verb stems. `gen-language.py` computes the same
/// signature; keep the two in step.
struct WordNetClasses: Sendable {
    /// Built on first use (Swift initializes a static `let` once, thread-safely).
    static let shared = WordNetClasses(table: EmbeddedLanguageData.wordnetClasses)

    /// Classes as a lemma and as an irregular inflection, as bit sets over n, v, a, r.
    private var lemmas: [String: UInt8] = [:]
    private var irregular: [String: UInt8] = [:]
    private static let letters: [Character] = ["n", "v", "a", "r"]

    /// Parses the table. O(size): about 80,000 lines, done once, when the first unknown word is met.
    init(table: String) {
        lemmas.reserveCapacity(90_000)
        for line in table.split(separator: "\n") where !line.hasPrefix("#") {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count == 3 else { continue }
            let word = String(columns[0])
            if !columns[1].isEmpty { lemmas[word] = Self.bits(columns[1]) }
            if !columns[2].isEmpty { irregular[word] = Self.bits(columns[2]) }
        }
    }

    private static func bits(_ text: Substring) -> UInt8 {
        var value: UInt8 = 0
        for (index, letter) in letters.enumerated() where text.contains(letter) { value |= 1 << index }
        return value
    }

    /// Whether `lemma` has the class `letter` (n, v, a or r).
    func has(_ lemma: String, _ letter: Character) -> Bool {
        guard let index = Self.letters.firstIndex(of: letter), let value = lemmas[lemma] else { return false }
        return value & (1 << index) != 0
    }

    /// Lower-case letters: the classes of `lower` as a lemma; capitals: the classes it has as an inflection
    /// (plural or third person "-s", "-ed", "-ing", "-er", "-est", or an irregular form). "-" for none.
    func signature(_ lower: String) -> String {
        var inflected = irregular[lower] ?? 0
        let count = lower.unicodeScalars.count
        func mark(_ letter: Character) { inflected |= 1 << UInt8(Self.letters.firstIndex(of: letter) ?? 0) }
        if count > 3 && lower.hasSuffix("s") {
            for stem in Self.pluralBases(lower) {
                if has(stem, "n") { mark("n") }
                if has(stem, "v") { mark("v") }
            }
        }
        if (count > 4 && lower.hasSuffix("ed")) || (count > 5 && lower.hasSuffix("ing")) {
            if Self.verbBases(lower).contains(where: { has($0, "v") }) { mark("v") }
        }
        if (count > 4 && lower.hasSuffix("er")) || (count > 5 && lower.hasSuffix("est")) {
            if Self.adjectiveBases(lower).contains(where: { has($0, "a") }) { mark("a") }
        }
        let base = lemmas[lower] ?? 0
        var text = ""
        for (index, letter) in Self.letters.enumerated() where base & (1 << index) != 0 { text.append(letter) }
        for (index, letter) in Self.letters.enumerated() where inflected & (1 << index) != 0 {
            text.append(Character(letter.uppercased()))
        }
        return text.isEmpty ? "-" : text
    }

    static func pluralBases(_ lower: String) -> [String] {
        var stems = [String(lower.unicodeScalars.dropLast(1))]
        if lower.hasSuffix("es") { stems.append(String(lower.unicodeScalars.dropLast(2))) }
        if lower.hasSuffix("ies") { stems.append(String(lower.unicodeScalars.dropLast(3)) + "y") }
        return stems
    }

    static func verbBases(_ lower: String) -> [String] {
        stems(lower, ending: lower.hasSuffix("ed") ? "ed" : "ing", yEnding: "ied")
    }

    static func adjectiveBases(_ lower: String) -> [String] {
        let ending = lower.hasSuffix("er") ? "er" : "est"
        return stems(lower, ending: ending, yEnding: "i" + ending)
    }

    /// Stems of `lower` without `ending`: as is, with a silent e, with a doubled consonant undone, and with y
    /// for i where the word ends in `yEnding` ("tried", "happier").
    private static func stems(_ lower: String, ending: String, yEnding: String) -> [String] {
        let scalars = Array(lower.unicodeScalars)
        let stem = Array(scalars.dropLast(ending.unicodeScalars.count))
        let text = String(String.UnicodeScalarView(stem))
        var found = [text, text + "e"]
        if stem.count > 2 && stem[stem.count - 1] == stem[stem.count - 2] {
            found.append(String(String.UnicodeScalarView(stem.dropLast())))
        }
        if lower.hasSuffix(yEnding) {
            found.append(String(String.UnicodeScalarView(scalars.dropLast(yEnding.unicodeScalars.count))) + "y")
        }
        return found
    }
}
