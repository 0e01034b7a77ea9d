import Foundation
import NewsModel

/// Repairs of text in the clean stage, each said in the record's warnings: runs of combining marks cut to
/// Unicode's stream-safe length (on the bytes, first), then NFC, and text over the text limit brought
/// within it (repeated paragraphs dropped, then a cut at a paragraph break).
struct TextRepair {
    /// The longest run of combining marks kept (UAX #15, Stream-Safe Text Format: 30 non-starters). Longer
    /// runs are no writing system's; they make normalisation and tokenising slow.
    static let maxCombiningRun = 30
    /// Paragraphs shorter than this are kept even when repeated and the text is over the limit.
    static let minimumRepeatedLength = 40

    private(set) var cut: (length: Int, kept: Int, limit: Int, repeated: Int, atBreak: Bool)?

    var warnings: [ArticleWarning] {
        guard let cut else { return [] }
        var done: [String] = []
        if cut.repeated > 0 { done.append("\(cut.repeated) repeated paragraphs were dropped") }
        if cut.atBreak { done.append("the text was cut at a paragraph break") }
        return [
            ArticleWarning(
                .textCut,
                "the main text has \(cut.length) characters, over the limit of \(cut.limit): "
                    + done.joined(separator: " and ") + "; \(cut.kept) characters kept")
        ]
    }

    /// `text` in NFC. Text whose scalars are all below U+0300 (no combining marks, no Hangul jamo), or
    /// punctuation and currency signs of U+2002 ... U+206F and U+20A0 ... U+20C0 (curly quotes, dashes, the
    /// euro: no decomposition, no combining class, second in no composition), is already in NFC and is
    /// returned as it is: curly quotes and dashes sent 5,982 strings of 612 cleanings through Foundation's
    /// normaliser, 400,000 instructions a cleaning (callgrind).
    func normalized(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy(Self.isStableInNFC) { return text }
        return text.precomposedStringWithCanonicalMapping
    }

    static func isStableInNFC(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x300 || (0x2002...0x206F).contains(scalar.value) || (0x20A0...0x20C0).contains(scalar.value)
    }

    /// Cuts every run of more than ``maxCombiningRun`` combining marks (scalars of a non-zero canonical
    /// combining class) in UTF-8 `bytes` to that length, before anything else reads the text: normalising
    /// reorders a run's marks in quadratic time. Returns how many marks were dropped. O(n); scalars below
    /// U+0300 (lead bytes below 0xCC) are never looked up, and no copy is made when nothing is dropped.
    static func capCombiningRuns(_ bytes: inout [UInt8]) -> Int {
        let (dropped, kept) = bytes.withUnsafeMutableBufferPointer { buffer -> (Int, Int) in
            let count = buffer.count
            var run = 0
            var dropped = 0
            var write = 0
            var read = 0
            guard count > 0 else { return (0, 0) }
            let raw = UnsafeRawPointer(buffer.baseAddress!)
            while read < count {
                // Eight ASCII bytes at a time while nothing was dropped (nothing to copy).
                if dropped == 0, read + 8 <= count,
                    raw.loadUnaligned(fromByteOffset: read, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                {
                    read += 8
                    write += 8
                    run = 0
                    continue
                }
                let lead = buffer[read]
                // Below U+0300 nothing combines: copy (only once something was dropped) and go on.
                if lead < 0xCC {
                    if dropped > 0 { buffer[write] = lead }
                    write += 1
                    read += 1
                    run = 0
                    continue
                }
                var length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                var isMark = false
                if read + length <= count {
                    var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                    for offset in 1..<length { value = value << 6 | UInt32(buffer[read + offset] & 0x3F) }
                    isMark = Unicode.Scalar(value).map { $0.properties.canonicalCombiningClass.rawValue != 0 } ?? false
                } else {
                    length = count - read
                }
                run = isMark ? run + 1 : 0
                if run > maxCombiningRun {
                    dropped += 1
                } else {
                    if dropped > 0 { for offset in 0..<length { buffer[write + offset] = buffer[read + offset] } }
                    write += length
                }
                read += length
            }
            return (dropped, write)
        }
        if kept < bytes.count { bytes.removeSubrange(kept...) }
        return dropped
    }

    /// The warning for `dropped` combining marks, if any.
    static func combiningWarning(_ dropped: Int) -> [ArticleWarning] {
        dropped == 0
            ? []
            : [
                ArticleWarning(
                    .combiningMarksDropped, "\(dropped) combining marks beyond \(maxCombiningRun) in a row were dropped"
                )
            ]
    }

    /// The paragraphs, normalised, joined by blank lines, and at most `maxLength` Unicode scalars long. Text
    /// over the limit first loses the paragraphs (of at least ``minimumRepeatedLength`` characters) that
    /// repeat an earlier one (a page that repeats itself), then is cut at a paragraph break (or, when its
    /// first paragraph is longer than the limit, at a space inside it). Text within the limit is kept whole:
    /// repeated lines are part of many articles (a recipe's, an embedded post's).
    mutating func text(of paragraphs: [String], maxLength: Int) -> String {
        var kept = paragraphs.map(normalized)
        var length = kept.reduce(0) { $0 + $1.unicodeScalars.count } + 2 * max(0, kept.count - 1)
        guard length > maxLength else { return kept.joined(separator: "\n\n") }
        let fullLength = length
        var seen = Set<String>()
        kept = kept.filter { $0.unicodeScalars.count < Self.minimumRepeatedLength || seen.insert($0).inserted }
        length = kept.reduce(0) { $0 + $1.unicodeScalars.count } + 2 * max(0, kept.count - 1)
        let repeated = paragraphs.count - kept.count
        guard length > maxLength else {
            cut = (fullLength, length, maxLength, repeated, false)
            return kept.joined(separator: "\n\n")
        }
        var within: [String] = []
        var used = 0
        for paragraph in kept {
            let count = paragraph.unicodeScalars.count + (within.isEmpty ? 0 : 2)
            guard used + count <= maxLength else { break }
            within.append(paragraph)
            used += count
        }
        if within.isEmpty, let first = kept.first {
            let scalars = first.unicodeScalars
            var end = scalars.index(scalars.startIndex, offsetBy: maxLength)
            var back = end
            while back > scalars.startIndex, scalars[back] != " " { back = scalars.index(before: back) }
            if back > scalars.startIndex { end = back }
            within = [String(scalars[..<end])]
            used = scalars.distance(from: scalars.startIndex, to: end)
        }
        cut = (fullLength, used, maxLength, repeated, true)
        return within.joined(separator: "\n\n")
    }
}
