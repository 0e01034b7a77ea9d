#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A table embedded in the binary as a `StaticString` whose data lines are sorted by their bytes, searched in
/// place: building it only notes where each line starts (one pass over the bytes), so a start of the program
/// pays about a millisecond instead of building a dictionary or trie of every entry.
///
/// Lines starting with `#` are the header and not searched, and so is the first line after them when the table
/// has a column line.
/// Keys are compared byte by byte, so the generator sorts by the UTF-8 bytes of each line
/// (`scripts/gen-data.py`). Immutable; the bytes live in the binary's read-only data for the life of the process.
package struct SortedTable: @unchecked Sendable {
    private let base: UnsafePointer<UInt8>
    /// Where each data line starts, and one past the end of the last (so line `i` is `starts[i] ..< starts[i+1] - 1`).
    private let starts: [Int32]

    /// A one-hash Bloom filter of the lines' keys (the bytes before the first of `keyStops`): most lookups of a
    /// word that no line starts with end here, without a binary search.
    private let keyFilter: [UInt64]

    /// `keyStops`: one or two bytes that end a line's key (a tab; a space and a tab for a table of phrases).
    package init(_ text: StaticString, columnLine: Bool = true, keyStops: [UInt8] = [0x09]) {
        precondition((1...2).contains(keyStops.count))
        // A table literal is UTF-8 text in the binary (a one-scalar literal would have no bytes to point at).
        precondition(text.hasPointerRepresentation)
        let base = text.utf8Start
        self.base = base
        let count = text.utf8CodeUnitCount
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
        // About 16 bits per line: one in 16 absent keys passes the filter and is then searched.
        var words = 1
        while words * 64 < (starts.count - 1) * 16 { words *= 2 }
        var filter = [UInt64](repeating: 0, count: words)
        for index in 0..<(starts.count - 1) {
            let line = UnsafeBufferPointer(
                start: base + Int(starts[index]), count: Int(starts[index + 1]) - 1 - Int(starts[index]))
            var keyLength = 0
            while keyLength < line.count, line[keyLength] != keyStops[0], line[keyLength] != keyStops.last! {
                keyLength += 1
            }
            let bit = Self.hash(UnsafeBufferPointer(rebasing: line[0..<keyLength])) & (words * 64 - 1)
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        self.keyFilter = filter
    }

    /// Whether some line may have the key `key` (false: none has; true: one may).
    package func mayHaveKey(_ key: String) -> Bool {
        var key = key
        let bit = key.withUTF8 { Self.hash($0) } & (keyFilter.count * 64 - 1)
        return keyFilter[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// FNV-1a over the bytes, folded to an `Int` (stable across runs, unlike `Hasher`).
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: value ^ (value >> 29))
    }

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
    /// a phrase of the table, and the range of its lines, shortest first. `count` is the number of keys.
    package func phrases(count: Int, from start: Int, key: (Int) -> String, _ found: (Int, Range<Int>) -> Void) {
        // Most words start no phrase: the filter says so without a search.
        guard start < count, mayHaveKey(key(start)) else { return }
        var range = 0..<self.count
        var prefix: [UInt8] = []
        for end in (start + 1)...count {
            if end > start + 1 { prefix.append(0x20) }
            prefix.append(contentsOf: key(end - 1).utf8)
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
    package func containsLine(_ key: [UInt8]) -> Bool {
        let index = lowerBound(key, in: 0..<count)
        return index < count && line(index).elementsEqual(key)
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
