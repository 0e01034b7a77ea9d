/// An immutable set of words for the look-ups made at every token: a word is hashed over its UTF-8 bytes with
/// FNV-1a and compared byte by byte, where `Set<String>` hashes with SipHash after checking the string's
/// normalization (callgrind on the pipeline benchmark: 775 instructions a look-up of a token key, and 228 of the
/// date tagger's 1,073 million instructions were look-ups of its trigger words).
///
/// Answers exactly as a `Set<String>` of the same words: an ASCII word equals only the same bytes, and a word
/// with any other byte is looked up in a `Set<String>` of the members that have one, then, if its only other
/// scalars are the three that decompose to ASCII (U+037E, U+1FEF, U+212A), among the ASCII members.
package struct WordSet: Sendable, ExpressibleByArrayLiteral, Sequence {
    /// The ASCII members' bytes, one after another: member `i` is `bytes[offsets[i] ..< offsets[i + 1]]` (no
    /// bytes for a member with a byte outside ASCII).
    private let bytes: [UInt8]
    private let offsets: [Int32]
    /// Open addressing, at most half full: 0 for an empty slot, else an ASCII member's index plus one in the
    /// low 32 bits and the high 32 bits of its hash above them, so that a probe rejects another word without
    /// reading its bytes.
    private let slots: [UInt64]
    /// The members with a byte outside ASCII, with their indices.
    private let others: [String: Int]

    /// The set of `words`; a word's index is its place among them, the repeated ones left out.
    package init<Words: Sequence>(_ words: Words) where Words.Element == String {
        var others: [String: Int] = [:]
        var seen = Set<String>()
        var bytes: [UInt8] = []
        var offsets: [Int32] = [0]
        var ascii: [(index: Int, hash: UInt64)] = []
        for word in words where seen.insert(word).inserted {
            let index = offsets.count - 1
            let (hash, isASCII) = ByteHash.hash(word)
            if isASCII {
                bytes.append(contentsOf: word.utf8)
                ascii.append((index, hash))
            } else {
                others[word] = index
            }
            offsets.append(Int32(bytes.count))
        }
        var capacity = 4
        while capacity < ascii.count * 2 { capacity *= 2 }
        var slots = [UInt64](repeating: 0, count: capacity)
        for (index, hash) in ascii {
            var slot = Int(truncatingIfNeeded: hash) & (capacity - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(index + 1)
        }
        self.bytes = bytes
        self.offsets = offsets
        self.slots = slots
        self.others = others
    }

    package init(arrayLiteral words: String...) { self.init(words) }

    /// The words of `ids`, each at its id: the ids must be 0 ..< `ids.count`, as interning gives them.
    package init(ids: [String: Int32]) {
        let words = ids.sorted { $0.value < $1.value }
        precondition(words.enumerated().allSatisfy { $0.offset == Int($0.element.value) }, "ids 0 ..< count")
        self.init(words.map(\.key))
    }

    /// The members in index order, rebuilt from the table: for building other sets, not for look-ups.
    package var members: [String] {
        var members = (0..<offsets.count - 1).map { index in
            String(decoding: bytes[Int(offsets[index])..<Int(offsets[index + 1])], as: UTF8.self)
        }
        for (word, index) in others { members[index] = word }
        return members
    }

    package func makeIterator() -> IndexingIterator<[String]> { members.makeIterator() }

    /// Whether `word` is a member. O(word).
    package func contains(_ word: String) -> Bool { index(of: word) != nil }

    /// The index of `word` among the members, nil when it is none. O(word).
    package func index(of word: String) -> Int? {
        var word = word
        return word.withUTF8 { index(ofUTF8: $0) }
    }

    /// The index of the word whose UTF-8 bytes are `query`, nil when it is none. O(query).
    package func index(ofUTF8 query: UnsafeBufferPointer<UInt8>) -> Int? {
        let (hash, isASCII) = ByteHash.hash(query)
        guard isASCII else { return index(ofNonASCII: String(decoding: query, as: UTF8.self)) }
        return index(ofASCII: query, hash: hash)
    }

    /// Whether `word` is a member, its hash given (`ByteHash.hash(word)`, computed once for a token's key).
    package func contains(_ word: String, hash: UInt64, isASCII: Bool) -> Bool {
        index(of: word, hash: hash, isASCII: isASCII) != nil
    }

    /// The index of `word` among the members, its hash given; nil when it is none.
    package func index(of word: String, hash: UInt64, isASCII: Bool) -> Int? {
        guard isASCII else { return index(ofNonASCII: word) }
        return probe(hash) { member in
            var word = word
            return word.withUTF8 { isMember(member, $0) }
        }
    }

    /// A word with a byte outside ASCII: a member that has one too, or an ASCII member that `String` finds
    /// canonically equivalent. Three scalars decompose to ASCII alone: U+037E (";"), U+1FEF ("`") and U+212A
    /// ("K"); a word whose other scalars are ASCII equals the word with those three replaced.
    private func index(ofNonASCII word: String) -> Int? {
        // Most sets have no such member: no hashing then.
        if !others.isEmpty, let index = others[word] { return index }
        // A word with another scalar outside ASCII (nearly every one) is answered before anything is built.
        guard word.unicodeScalars.allSatisfy({ Self.asciiEquivalent($0) != nil }) else { return nil }
        let ascii = word.unicodeScalars.compactMap(Self.asciiEquivalent)
        return ascii.withUnsafeBufferPointer { index(ofASCII: $0, hash: ByteHash.hash($0).value) }
    }

    /// The ASCII byte a scalar equals in a canonically equivalent string, nil for none.
    private static func asciiEquivalent(_ scalar: Unicode.Scalar) -> UInt8? {
        switch scalar.value {
        case 0..<0x80: UInt8(scalar.value)
        case 0x37E: 0x3B
        case 0x1FEF: 0x60
        case 0x212A: 0x4B
        default: nil
        }
    }

    private func index(ofASCII query: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        probe(hash) { isMember($0, query) }
    }

    /// The first ASCII member along `hash`'s probe sequence that `matches`; a member is tested only when its
    /// hash agrees in its high half, so another word's bytes are rarely read.
    @inline(__always)
    private func probe(_ hash: UInt64, _ matches: (Int) -> Bool) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            if slots[slot] & 0xFFFF_FFFF_0000_0000 == hash & 0xFFFF_FFFF_0000_0000 {
                let member = Int(truncatingIfNeeded: slots[slot] & 0xFFFF_FFFF) - 1
                if matches(member) { return member }
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Whether ASCII member `member` has the bytes `query`.
    @inline(__always)
    private func isMember(_ member: Int, _ query: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(offsets[member])
        let end = Int(offsets[member + 1])
        return end - start == query.count
            && bytes.withUnsafeBufferPointer { UnsafeBufferPointer(rebasing: $0[start..<end]).elementsEqual(query) }
    }
}

/// An immutable map from words to values, looked up as a `WordSet` is: FNV-1a over a word's bytes instead of
/// `Dictionary`'s SipHash, with the same answers as a `[String: Value]` of the same entries.
package struct WordTable<Value: Sendable>: Sendable, ExpressibleByDictionaryLiteral {
    /// The words, each at the index of its value.
    package let keys: WordSet
    private let values: [Value]

    /// The table of `entries`; a word given twice is an error, as in a dictionary literal.
    package init(_ entries: [(String, Value)]) {
        let keys = WordSet(entries.map(\.0))
        precondition(keys.members.count == entries.count, "a word given twice")
        self.keys = keys
        values = entries.map(\.1)
    }

    /// The entries of `dictionary`, in the order of their words.
    package init(_ dictionary: [String: Value]) {
        self.init(dictionary.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    package init(dictionaryLiteral elements: (String, Value)...) { self.init(elements) }

    package subscript(word: String) -> Value? { keys.index(of: word).map { values[$0] } }

    /// The value of `word`, its hash given (`ByteHash.hash(word)`).
    package func value(of word: String, hash: UInt64, isASCII: Bool) -> Value? {
        keys.index(of: word, hash: hash, isASCII: isASCII).map { values[$0] }
    }
}
