/// Which word classes an English word can have according to Princeton WordNet 3.0 (`Data/wordnet-classes.tsv`,
/// derived from Debian's wordnet-base by `scripts/gen-language.py`): the unknown-word guesser's second clue
/// after the word's shape, and the lemmatizer's check for verb stems. `gen-language.py` computes the same
/// signature; keep the two in step.
struct WordNetClasses: @unchecked Sendable {
    /// Built on first use (Swift initializes a static `let` once, thread-safely).
    static let shared = WordNetClasses(table: EmbeddedLanguageData.wordnetClasses)

    /// The table's bytes where the binary holds them. Lines are sorted by word (code point order, which is
    /// UTF-8 byte order), so a look-up is a binary search over the bytes themselves: loading copies nothing and
    /// notes no line starts.
    private let bytes: UnsafeBufferPointer<UInt8>
    /// Where the data lines start (after the `#` header).
    private let dataStart: Int
    private static let letters: [Character] = ["n", "v", "a", "r"]

    /// O(header): only the comment lines at the top are skipped.
    init(table: StaticString) {
        precondition(table.hasPointerRepresentation)
        bytes = UnsafeBufferPointer(start: table.utf8Start, count: table.utf8CodeUnitCount)
        var index = 0
        while index < bytes.count, bytes[index] == UInt8(ascii: "#") {
            while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
            index += 1
        }
        dataStart = min(index, bytes.count)
    }

    /// The classes of `word` as a lemma and as an irregular inflection, as bit sets over n, v, a, r.
    /// O(log size × line): each step of the search backs up to the start of the line it lands in.
    private func classes(_ word: String) -> (lemma: UInt8, irregular: UInt8) {
        let key = Array(word.utf8)
        var low = dataStart
        var high = bytes.count
        while low < high {
            var line = (low + high) / 2
            while line > low, bytes[line - 1] != UInt8(ascii: "\n") { line -= 1 }
            let order = compare(key, line: line)
            if order == 0 { return columns(line: line + key.count) }
            if order > 0 {
                var next = line
                while next < high, bytes[next] != UInt8(ascii: "\n") { next += 1 }
                low = next + 1
            } else {
                high = line
            }
        }
        return (0, 0)
    }

    /// Compares `key` with the word that starts the line at `start`: negative, zero or positive.
    private func compare(_ key: [UInt8], line start: Int) -> Int {
        var index = start
        for byte in key {
            guard index < bytes.count, bytes[index] != UInt8(ascii: "\t") else { return 1 }
            if byte != bytes[index] { return Int(byte) - Int(bytes[index]) }
            index += 1
        }
        return index < bytes.count && bytes[index] == UInt8(ascii: "\t") ? 0 : -1
    }

    /// The two class columns after the word's tab at `index`.
    private func columns(line index: Int) -> (lemma: UInt8, irregular: UInt8) {
        var values: [UInt8] = [0, 0]
        var column = -1
        var position = index
        while position < bytes.count, bytes[position] != UInt8(ascii: "\n") {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\t") {
                column += 1
            } else if column >= 0 && column < 2, let bit = Self.letters.firstIndex(of: Character(Unicode.Scalar(byte)))
            {
                values[column] |= 1 << UInt8(bit)
            }
            position += 1
        }
        return (values[0], values[1])
    }

    /// Whether `lemma` has the class `letter` (n, v, a or r).
    func has(_ lemma: String, _ letter: Character) -> Bool {
        guard let index = Self.letters.firstIndex(of: letter) else { return false }
        return classes(lemma).lemma & (1 << index) != 0
    }

    /// Lower-case letters: the classes of `lower` as a lemma; capitals: the classes it has as an inflection
    /// (plural or third person "-s", "-ed", "-ing", "-er", "-est", or an irregular form). "-" for none.
    func signature(_ lower: String) -> String {
        let own = classes(lower)
        var inflected = own.irregular
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
        let base = own.lemma
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
        let text = String(scalars: stem)
        var found = [text, text + "e"]
        if stem.count > 2 && stem[stem.count - 1] == stem[stem.count - 2] {
            found.append(String(scalars: stem.dropLast()))
        }
        if lower.hasSuffix(yEnding) {
            found.append(String(scalars: scalars.dropLast(yEnding.unicodeScalars.count)) + "y")
        }
        return found
    }
}
