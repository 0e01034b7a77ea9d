/// An immutable set of words for the look-ups made at every token: a word is hashed over its UTF-8 bytes with
/// FNV-1a and compared byte by byte, where `Set<String>` hashes with SipHash after checking the string's
/// normalization (callgrind on the pipeline benchmark: 775 instructions a look-up of a token key, and 228 of the
/// date tagger's 1,073 million instructions were look-ups of its trigger words).
///
/// Answers exactly as a `Set<String>` of the same words: an ASCII word equals only the same bytes (no other
/// string is canonically equivalent to a word of letters and digits), and a word with any other byte is looked
/// up in a `Set<String>` of the members that have one.
package struct WordSet: Sendable, ExpressibleByArrayLiteral {
    /// The ASCII members' bytes, one after another: member `i` is `bytes[offsets[i] ..< offsets[i + 1]]` (no
    /// bytes for a member with a byte outside ASCII).
    private let bytes: [UInt8]
    private let offsets: [Int32]
    /// Open addressing, at most half full: 0 for an empty slot, else an ASCII member's index plus one.
    private let slots: [Int32]
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
        var slots = [Int32](repeating: 0, count: capacity)
        for (index, hash) in ascii {
            var slot = Int(truncatingIfNeeded: hash) & (capacity - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Int32(index + 1)
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
        guard isASCII else { return others[String(decoding: query, as: UTF8.self)] }
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while slots[slot] != 0 {
            let member = Int(slots[slot]) - 1
            let start = Int(offsets[member])
            let end = Int(offsets[member + 1])
            if end - start == query.count
                && bytes.withUnsafeBufferPointer({ stored in
                    UnsafeBufferPointer(rebasing: stored[start..<end]).elementsEqual(query)
                })
            {
                return member
            }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }
}
