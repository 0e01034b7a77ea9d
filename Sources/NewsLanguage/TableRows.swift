/// The rows of an embedded tab-separated table: lines without `#` comments (and the header line, when asked),
/// each split into its columns.
///
/// Lines and columns are split on the UTF-8 bytes of the line feed and the tab (ASCII, never inside another
/// character), in one pass over the bytes: no grapheme breaking and no generic collection splitting over tables
/// of thousands of rows, which every start of the program pays.
package enum TableRows {
    package static func rows(_ tsv: String, skippingHeader: Bool = false) -> [[String]] {
        var text = tsv
        return text.withUTF8 { bytes in
            var rows: [[String]] = []
            var headerSeen = !skippingHeader
            var lineStart = 0
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
                if lineEnd > lineStart, bytes[lineStart] != UInt8(ascii: "#") {
                    if headerSeen {
                        rows.append(columns(UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])))
                    } else {
                        headerSeen = true
                    }
                }
                lineStart = lineEnd + 1
            }
            return rows
        }
    }

    /// The tab-separated columns of one line, empty columns kept.
    package static func columns(_ line: Substring.UTF8View) -> [String] {
        var text = String(Substring(line))
        return text.withUTF8 { columns($0) }
    }

    private static func columns(_ line: UnsafeBufferPointer<UInt8>) -> [String] {
        var columns: [String] = []
        var start = 0
        for index in 0...line.count where index == line.count || line[index] == 0x09 {
            columns.append(String(decoding: UnsafeBufferPointer(rebasing: line[start..<index]), as: UTF8.self))
            start = index + 1
        }
        return columns
    }
}
