import NewsLanguage

/// A word of the text: a maximal run of letters and digits, with its offsets in Unicode scalars.
package struct Token: Sendable, Equatable {
    /// Lower-cased form used for lookups.
    package let key: String
    /// Offsets into the text's scalars, end exclusive.
    var start: Int
    var end: Int
    /// The key's `ByteHash`, computed once: a look-up of the key in a `WordSet`, or its comparison with a
    /// pattern's word, starts from it.
    package let keyHash: UInt64
    /// `isCapitalized`, `isAllCaps` and `keyIsASCII` as bits: a token of six stored words or fewer is copied
    /// inline, where one field more made every copy go through its value witness (callgrind: 3.6 % of the
    /// extract stage).
    private let flags: UInt8

    /// Whether the first scalar is upper-case, and whether every letter is.
    var isCapitalized: Bool { flags & 1 != 0 }
    var isAllCaps: Bool { flags & 2 != 0 }
    /// Whether every byte of the key is ASCII.
    package var keyIsASCII: Bool { flags & 4 != 0 }

    package init(key: String, start: Int, end: Int, isCapitalized: Bool, isAllCaps: Bool) {
        self.key = key
        self.start = start
        self.end = end
        let (hash, isASCII) = ByteHash.hash(key)
        keyHash = hash
        flags = (isCapitalized ? 1 : 0) | (isAllCaps ? 2 : 0) | (isASCII ? 4 : 0)
    }

    /// Whether the key ends with `suffix`, ASCII letters: compared as bytes when the key is ASCII (a word of ASCII
    /// letters and digits has one scalar per character), else as `String.hasSuffix` compares.
    func keyEnds(with suffix: StaticString) -> Bool {
        guard keyIsASCII,
            let ends = key.utf8.withContiguousStorageIfAvailable({ bytes in
                suffix.withUTF8Buffer { suffix in
                    bytes.count >= suffix.count
                        && (0..<suffix.count).allSatisfy { bytes[bytes.count - suffix.count + $0] == suffix[$0] }
                }
            })
        else { return key.hasSuffix(suffix.description) }
        return ends
    }

    /// Whether the key equals `word`, whose hash is given: keys that are both ASCII and differ in hash differ
    /// (an ASCII string equals only the same bytes), any other pair is compared as strings.
    @inline(__always)
    func hasKey(_ word: String, hash: UInt64, isASCII: Bool) -> Bool {
        if keyIsASCII && isASCII && keyHash != hash { return false }
        return key == word
    }
}

extension SortedTable {
    /// `phrases(count:from:key:_:)` over tokens' keys, the first key's hash the token's.
    func phrases(in tokens: [Token], from start: Int, _ found: (Int, Range<Int>) -> Void) {
        guard start < tokens.count else { return }
        phrases(count: tokens.count, from: start, firstKeyHash: tokens[start].keyHash, key: { tokens[$0].key }, found)
    }
}

extension WordSet {
    /// Whether the token's key is a member, from its precomputed hash.
    @inline(__always)
    func contains(_ token: Token) -> Bool { contains(token.key, hash: token.keyHash, isASCII: token.keyIsASCII) }

    /// The index of the token's key among the members, from its precomputed hash; nil when it is none.
    @inline(__always)
    func index(of token: Token) -> Int? { index(of: token.key, hash: token.keyHash, isASCII: token.keyIsASCII) }
}

/// The text as Unicode scalars plus its tokens. Offsets everywhere in NewsExtract are scalar offsets, the
/// unit that the benchmarks and the JSON records use.
package struct TokenizedText: Sendable {
    let scalars: [Unicode.Scalar]
    package let tokens: [Token]

    /// Tokenizes `text`. O(n). ASCII words take a fast path (no Unicode property look-ups); keys of up
    /// to 15 bytes are stored inline by `String`, so most tokens allocate nothing.
    package init(_ text: String) {
        let scalars = [Unicode.Scalar](scalarsOf: text)
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 5)
        var index = 0
        // The key's UTF-8 bytes: each scalar's lower-case mapping (a string's scalar view grown one mapping at a
        // time cost 2,300 instructions a scalar, measured with callgrind).
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        var other = OtherScalars()
        func isWord(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value < 0x80 ? Self.isWordScalar(scalar) : other.isWord(scalar)
        }
        while index < scalars.count {
            guard isWord(scalars[index]) else {
                index += 1
                continue
            }
            let start = index
            var allCaps = true
            bytes.removeAll(keepingCapacity: true)
            while index < scalars.count, isWord(scalars[index]) {
                let value = scalars[index].value
                if value < 0x80 {
                    if value >= 0x61 && value <= 0x7A { allCaps = false }
                    bytes.append(UInt8(value >= 0x41 && value <= 0x5A ? value | 0x20 : value))
                } else {
                    if other.appendLowercase(of: scalars[index], to: &bytes) { allCaps = false }
                }
                index += 1
            }
            let key = String(decoding: bytes, as: UTF8.self)
            let first = scalars[start]
            let capitalized =
                first.value < 0x80
                ? (first.value >= 0x41 && first.value <= 0x5A) : other.isUppercase(first)
            tokens.append(
                Token(key: key, start: start, end: index, isCapitalized: capitalized, isAllCaps: allCaps && capitalized)
            )
        }
        self.scalars = scalars
        self.tokens = tokens
    }

    /// What the tokenizer reads of the scalars outside ASCII, remembered per text in a direct-mapped table:
    /// each property is a look-up in Unicode's tables (callgrind: 200 to 400 instructions), and a text in
    /// another alphabet repeats a few dozen letters.
    private struct OtherScalars {
        struct Entry {
            var value: UInt32 = .max
            var isWord = false
            var isLowercase = false
            var isUppercase = false
            /// The lower-case mapping's UTF-8 bytes.
            var lowercase: [UInt8] = []
        }

        private var entries: [Entry] = []

        mutating func isWord(_ scalar: Unicode.Scalar) -> Bool {
            let slot = slot(of: scalar)
            return entries[slot].isWord
        }

        mutating func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
            let slot = slot(of: scalar)
            return entries[slot].isUppercase
        }

        /// Appends the lower-case mapping of `scalar`, a word scalar, and says whether it is lower-case.
        mutating func appendLowercase(of scalar: Unicode.Scalar, to bytes: inout [UInt8]) -> Bool {
            let slot = slot(of: scalar)
            bytes.append(contentsOf: entries[slot].lowercase)
            return entries[slot].isLowercase
        }

        /// The slot that holds `scalar`'s entry, filled first if it held another scalar. (The slot is read
        /// after this returns: `entries[slot(of:)]` would read the table as it was before the call.)
        private mutating func slot(of scalar: Unicode.Scalar) -> Int {
            if entries.isEmpty { entries = Array(repeating: Entry(), count: 256) }
            let slot = Int(scalar.value & 0xFF)
            if entries[slot].value != scalar.value {
                let isWord = TokenizedText.isWordScalar(scalar)
                entries[slot] = Entry(
                    value: scalar.value, isWord: isWord, isLowercase: isWord && scalar.properties.isLowercase,
                    isUppercase: isWord && scalar.properties.isUppercase,
                    lowercase: isWord ? Array(scalar.properties.lowercaseMapping.utf8) : [])
            }
            return slot
        }
    }

    /// The index of the token that starts at scalar offset `offset`; nil when none does. O(log tokens): the
    /// tokens are in text order and do not overlap.
    package func token(startingAt offset: Int) -> Int? { tokens.index(where: \.start, is: offset) }

    /// The index of the token that ends at scalar offset `offset`; nil when none does. O(log tokens).
    package func token(endingAt offset: Int) -> Int? { tokens.index(where: \.end, is: offset) }

    /// The text between two scalar offsets.
    func text(from start: Int, to end: Int) -> String { String(scalars: scalars[start..<end]) }

    /// Whether the scalars between two tokens (`left` ends, `right` starts) are only spaces.
    func onlySpaceBetween(_ left: Int, _ right: Int) -> Bool {
        scalars[left..<right].allSatisfy { $0 == " " }
    }

    /// Whether token `index` opens a stretch of text: it is the first, or one of `marks` stands between it and
    /// the token before (".!?\n" for a sentence or line; a caller adds clause marks or quotation marks).
    func opens(_ index: Int, after marks: String) -> Bool {
        index == 0
            || scalars[tokens[index - 1].end..<tokens[index].start].contains { marks.unicodeScalars.contains($0) }
    }

    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool { WordTokenizer.isWordScalar(scalar) }

    /// Splits a gazetteer form into lookup keys the same way text is split.
    static func keys(of form: String) -> [String] { tokens(of: form).map(\.key) }

    /// The tokens of a gazetteer form, as ``init(_:)`` gives them. An ASCII form (nearly every entry of the
    /// embedded tables, which are split at every start) is split on its bytes, without the scalar array of
    /// ``init(_:)``; the result is the same.
    static func tokens(of form: String) -> [Token] {
        var utf8 = form
        return utf8.withUTF8 { bytes -> [Token]? in
            var tokens: [Token] = []
            var word: [UInt8] = []
            var start = 0
            var allCaps = true
            func close(at end: Int) {
                let capitalized = bytes[start] >= 0x41 && bytes[start] <= 0x5A
                tokens.append(
                    Token(
                        key: String(decoding: word, as: UTF8.self), start: start, end: end,
                        isCapitalized: capitalized, isAllCaps: allCaps && capitalized))
                word.removeAll(keepingCapacity: true)
            }
            for (index, byte) in bytes.enumerated() {
                if byte >= 0x80 { return nil }
                let isUpper = byte >= 0x41 && byte <= 0x5A
                let isLower = byte >= 0x61 && byte <= 0x7A
                if isUpper || isLower || (byte >= 0x30 && byte <= 0x39) {
                    if word.isEmpty {
                        start = index
                        allCaps = true
                    }
                    if isLower { allCaps = false }
                    word.append(isUpper ? byte | 0x20 : byte)
                } else if !word.isEmpty {
                    close(at: index)
                }
            }
            if !word.isEmpty { close(at: bytes.count) }
            return tokens
        } ?? TokenizedText(form).tokens
    }
}
