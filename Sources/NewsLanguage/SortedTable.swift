#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A table embedded in the binary as a `StaticString` whose data lines are sorted by their bytes, searched in
/// place: building it notes where each line starts and indexes each distinct key by hash (one pass over the
/// bytes each), instead of building a dictionary or trie of every entry; a phrase's longer forms are found by
/// binary search among the lines of its first word.
///
/// Lines starting with `#` are the header and not searched, and so is the first line after them when the table
/// has a column line.
/// Keys are compared byte by byte, so the generator sorts by the UTF-8 bytes of each line
/// (`scripts/gen-data.py`). Immutable; the bytes live in the binary's read-only data for the life of the process.
package struct SortedTable: @unchecked Sendable {
    private let base: UnsafePointer<UInt8>
    /// Where each data line starts, and one past the end of the last (so line `i` is `starts[i] ..< starts[i+1] - 1`).
    private let starts: [Int32]

    /// The bytes that end a line's key: a tab, or a space and a tab for a table of phrases (the same byte twice
    /// when there is one).
    private let keyStops: (UInt8, UInt8)
    /// Where the lines of each distinct key (the bytes before the first of `keyStops`) start, and one past the
    /// last line: key `i` is lines `keyStarts[i] ..< keyStarts[i + 1]`. Sorted lines of one key are adjacent
    /// (only a control byte, which no table holds, could sort between "key\t" and "key "; the index refuses such
    /// a table).
    private let keyStarts: [Int32]
    /// An open-addressing hash table of the keys, at most three quarters full: 0 for an empty slot, else the
    /// key's index plus one in the low 24 bits and 8 bits of its hash above them, so that a probe rarely reads a
    /// line that does not hold the key. Empty for a table read by line number only.
    private let keySlots: [UInt32]

    /// `keyStops`: one or two bytes that end a line's key (a tab; a space and a tab for a table of phrases).
    /// `indexed`: whether keys are looked up (`lines(ofKey:)`, `phrases`); a table read by line number only
    /// builds no index.
    package init(_ text: StaticString, columnLine: Bool = true, keyStops: [UInt8] = [0x09], indexed: Bool = true) {
        // A table literal is UTF-8 text in the binary (a one-scalar literal would have no bytes to point at).
        precondition(text.hasPointerRepresentation)
        self.init(
            bytes: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount), columnLine: columnLine,
            keyStops: keyStops, indexed: indexed)
    }

    /// A table over `bytes`, which must stay where they are for the life of the table (tests build tables larger
    /// than a literal would be).
    package init(
        bytes: UnsafeBufferPointer<UInt8>, columnLine: Bool = true, keyStops: [UInt8] = [0x09], indexed: Bool = true
    ) {
        precondition((1...2).contains(keyStops.count))
        guard let base = bytes.baseAddress else { preconditionFailure("a SortedTable needs bytes") }
        self.base = base
        let count = bytes.count
        var starts: [Int32] = []
        var position = 0
        var inHeader = true
        while position < count {
            let end =
                memchr(base + position, 0x0A, count - position).map {
                    UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base
                } ?? count
            if inHeader, position < end, base[position] == 0x23 {
                // A comment line.
            } else if inHeader && columnLine {
                // The column line: the first line that is not a comment; data starts after it.
                inHeader = false
            } else {
                inHeader = false
                starts.append(Int32(position))
            }
            position = end + 1
        }
        starts.append(Int32(min(position, count + 1)))
        self.starts = starts
        let stops = (keyStops[0], keyStops[keyStops.count - 1])
        self.keyStops = stops
        guard indexed else {
            keyStarts = []
            keySlots = []
            return
        }
        // One pass: each line whose key differs from the line before's starts a key, placed in the table as it
        // comes (sized by the number of lines, which bounds the number of keys).
        let lineCount = starts.count - 1
        precondition(lineCount < 1 << 24, "a SortedTable holds fewer than 16,777,216 lines")
        var capacity = 4
        while capacity * 3 < lineCount * 4 { capacity *= 2 }
        var slots = [UInt32](repeating: 0, count: capacity)
        var keyStarts: [Int32] = []
        var previous: UnsafeBufferPointer<UInt8>?
        for line in 0..<lineCount {
            let key = Self.key(of: line, base: base, starts: starts, stops)
            if let previous, previous.elementsEqual(key) { continue }
            previous = key
            let hash = ByteHash.hash(key).value
            var slot = Int(truncatingIfNeeded: hash) & (capacity - 1)
            while slots[slot] != 0 {
                let other = Int(slots[slot] & 0xFF_FFFF) - 1
                precondition(
                    !Self.key(of: Int(keyStarts[other]), base: base, starts: starts, stops).elementsEqual(key),
                    "SortedTable: the lines of key \(String(decoding: key, as: UTF8.self)) are not adjacent")
                slot = (slot + 1) & (capacity - 1)
            }
            slots[slot] = Self.tag(hash) << 24 | UInt32(keyStarts.count + 1)
            keyStarts.append(Int32(line))
        }
        keyStarts.append(Int32(lineCount))
        self.keyStarts = keyStarts
        self.keySlots = slots
    }

    /// The number of bytes of `line` before the first of `stops`.
    private static func keyLength(_ line: UnsafeBufferPointer<UInt8>, _ stops: (UInt8, UInt8)) -> Int {
        var length = 0
        while length < line.count, line[length] != stops.0, line[length] != stops.1 { length += 1 }
        return length
    }

    private static func key(
        of line: Int, base: UnsafePointer<UInt8>, starts: [Int32], _ stops: (UInt8, UInt8)
    ) -> UnsafeBufferPointer<UInt8> {
        let bytes = UnsafeBufferPointer(
            start: base + Int(starts[line]), count: Int(starts[line + 1]) - 1 - Int(starts[line]))
        return UnsafeBufferPointer(rebasing: bytes[0..<keyLength(bytes, stops)])
    }

    /// The 8 bits of a key's hash kept in its slot.
    private static func tag(_ hash: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: hash >> 56) }

    /// The lines whose key (the bytes before the first key stop) is `key`; nil when no line has that key. O(key):
    /// one hash and, mostly, one comparison. The table must be indexed.
    package func lines(ofKey key: String) -> Range<Int>? { lines(ofKey: key, hash: ByteHash.hash(key).value) }

    /// `lines(ofKey:)` with the key's `ByteHash` given (a token's, computed once).
    package func lines(ofKey key: String, hash: UInt64) -> Range<Int>? {
        precondition(!keySlots.isEmpty, "SortedTable: a table built without its index has no keys to look up")
        var key = key
        return key.withUTF8 { bytes in
            var slot = Int(truncatingIfNeeded: hash) & (keySlots.count - 1)
            while keySlots[slot] != 0 {
                let value = keySlots[slot]
                if value >> 24 == Self.tag(hash) {
                    let index = Int(value & 0xFF_FFFF) - 1
                    let first = Int(keyStarts[index])
                    if Self.key(of: first, base: base, starts: starts, keyStops).elementsEqual(bytes) {
                        return first..<Int(keyStarts[index + 1])
                    }
                }
                slot = (slot + 1) & (keySlots.count - 1)
            }
            return nil
        }
    }

    /// Whether some line has the key `key`.
    package func hasKey(_ key: String) -> Bool { lines(ofKey: key) != nil }

    /// The number of data lines.
    package var count: Int { starts.count - 1 }

    /// The bytes of data line `index`, without its newline.
    package func line(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let start = Int(starts[index])
        return UnsafeBufferPointer(start: base + start, count: Int(starts[index + 1]) - 1 - start)
    }

    /// The tab-separated fields of data line `index`, as strings.
    package func fields(_ index: Int) -> [String] {
        line(index).split(separator: 0x09, omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
    }

    /// Column `column` (0-based, tab-separated) of data line `index`; empty when the line has fewer columns.
    package func field(_ index: Int, _ column: Int) -> String {
        let bytes = line(index)
        var start = 0
        var seen = 0
        while seen < column {
            guard let tab = bytes[start...].firstIndex(of: 0x09) else { return "" }
            start = tab + 1
            seen += 1
        }
        let end = bytes[start...].firstIndex(of: 0x09) ?? bytes.count
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// The first line in `range` that is not less than `key` (bytewise), or `range.upperBound`.
    package func lowerBound(_ key: [UInt8], in range: Range<Int>) -> Int {
        var low = range.lowerBound
        var high = range.upperBound
        while low < high {
            let middle = (low + high) / 2
            if Self.less(line(middle), key) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The lines in `range` that start with `prefix`.
    package func lines(startingWith prefix: [UInt8], in range: Range<Int>) -> Range<Int> {
        let low = lowerBound(prefix, in: range)
        // Most searches find nothing: one binary search says so.
        guard low < range.upperBound, Self.starts(line(low), with: prefix) else { return low..<low }
        var high = range.upperBound
        var search = low
        // The first line after `low` that does not start with the prefix.
        while search < high {
            let middle = (search + high) / 2
            if Self.starts(line(middle), with: prefix) { search = middle + 1 } else { high = middle }
        }
        return low..<search
    }

    /// For a table of phrases (lines that start with the phrase's keys, space separated, then a tab, built with
    /// `keyStops` space and tab): calls `found` with each `end` such that the keys `key(start) ..< key(end)` are
    /// a phrase of the table, and the range of its lines, shortest first. `count` is the number of keys;
    /// `firstKeyHash`, when given, is the `ByteHash` of `key(start)`.
    package func phrases(
        count: Int, from start: Int, firstKeyHash: UInt64? = nil, key: (Int) -> String,
        _ found: (Int, Range<Int>) -> Void
    ) {
        // Most words start no phrase: the key index says so without a search, and narrows the search of the rest.
        guard start < count,
            var range = lines(ofKey: key(start), hash: firstKeyHash ?? ByteHash.hash(key(start)).value)
        else { return }
        var prefix: [UInt8] = []
        for end in (start + 1)...count {
            if end > start + 1 { prefix.append(0x20) }
            var word = key(end - 1)
            word.withUTF8 { prefix.append(contentsOf: $0) }
            prefix.append(0x09)
            let exact = lines(startingWith: prefix, in: range)
            // A tab sorts before a space: the longer phrases follow the exact ones.
            prefix[prefix.count - 1] = 0x20
            let longer = lines(startingWith: prefix, in: exact.upperBound..<range.upperBound)
            prefix.removeLast()
            if !exact.isEmpty { found(end, exact) }
            if longer.isEmpty { return }
            range = longer
        }
    }

    /// Whether a data line is exactly `key`.
    package func containsLine(_ key: String) -> Bool {
        guard let range = lines(ofKey: key) else { return false }
        let bytes = Array(key.utf8)
        let index = lowerBound(bytes, in: range)
        return index < range.upperBound && line(index).elementsEqual(bytes)
    }

    private static func less(_ line: UnsafeBufferPointer<UInt8>, _ key: [UInt8]) -> Bool {
        let shared = min(line.count, key.count)
        for index in 0..<shared where line[index] != key[index] { return line[index] < key[index] }
        return line.count < key.count
    }

    private static func starts(_ line: UnsafeBufferPointer<UInt8>, with prefix: [UInt8]) -> Bool {
        guard line.count >= prefix.count else { return false }
        for index in 0..<prefix.count where line[index] != prefix[index] { return false }
        return true
    }
}
