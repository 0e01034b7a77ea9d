import NewsModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tells text from binary, and cuts pathological markup from pages, before anything is handed to libxml2.
enum BinarySniffer {
    /// The most attributes one tag may carry. libxml2 checks duplicate attributes in quadratic time (one tag
    /// with 120,000 attributes took 66 s); real pages stay in the tens.
    static let maxAttributesPerTag = 1000
    /// How many leading bytes are inspected for control characters.
    static let window = 4096

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    /// What ``repairMarkup(_:maxTags:)`` did to a page.
    struct MarkupRepair {
        /// The page with the cuts applied (the input itself when nothing was cut).
        var bytes: [UInt8]
        var warnings: [ArticleWarning]
    }

    /// Cuts what would make libxml2's cost explode, and says what it cut: the attributes of a tag beyond the
    /// first ``maxAttributesPerTag`` (libxml2 checks duplicate attributes in quadratic time), and all markup
    /// after the first `maxTags` tags (each tag and the text after it are nodes of the tree: the node budget).
    /// A byte scan counting tags and, inside each tag, `name="` and `name='`, skipping the contents of
    /// scripts and styles (where `<` and `=` are code, not markup). O(n).
    static func repairMarkup(_ page: [UInt8], maxTags: Int) -> MarkupRepair {
        var input = page
        var scan = input.withUnsafeBufferPointer { scanMarkup($0, maxTags: maxTags) }
        var warnings: [ArticleWarning] = []
        if scan.end < input.count {
            // Over the budget: inline formatting tags (span, font, b, ...) shape no block of text; without them
            // the page may fit, and its article is not cut off behind a menu of a million spans.
            let (stripped, removed) = stripInlineTags(input)
            input = stripped
            scan = input.withUnsafeBufferPointer { scanMarkup($0, maxTags: maxTags) }
            var message = "the page has more than \(maxTags) tags"
            if removed > 0 { message += "; its \(removed) inline formatting tags were removed" }
            if scan.end < input.count {
                message += "; the \(input.count - scan.end) bytes after the last tag within the budget were not parsed"
            }
            warnings.append(ArticleWarning(.markupCut, message))
        }
        guard !scan.cuts.isEmpty || scan.end < input.count else {
            return MarkupRepair(bytes: input, warnings: warnings)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scan.end)
        var position = 0
        for cut in scan.cuts {
            bytes.append(contentsOf: input[position..<cut.lowerBound])
            position = cut.upperBound
        }
        bytes.append(contentsOf: input[position..<scan.end])
        if scan.droppedAttributes > 0 {
            warnings.append(
                ArticleWarning(
                    .attributesDropped,
                    "\(scan.droppedAttributes) attributes beyond the first \(maxAttributesPerTag) of a tag were dropped "
                        + "(\(scan.cuts.count) \(scan.cuts.count == 1 ? "tag" : "tags"))"))
        }
        return MarkupRepair(bytes: bytes, warnings: warnings)
    }

    /// Inline formatting elements: their tags can go without changing a page's blocks or text.
    static let inlineTags: Set<[UInt8]> = Set(
        [
            "span", "font", "b", "i", "u", "s", "em", "strong", "small", "big", "sub", "sup", "mark", "abbr", "strike",
            "tt",
        ]
        .map { Array($0.utf8) })

    /// `input` without the start and end tags of ``inlineTags`` (their text kept), and how many were removed.
    /// O(n).
    static func stripInlineTags(_ input: [UInt8]) -> ([UInt8], Int) {
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var removed = 0
        var index = 0
        let count = input.count
        while index < count {
            let byte = input[index]
            guard byte == UInt8(ascii: "<") else {
                output.append(byte)
                index += 1
                continue
            }
            var nameStart = index + 1
            if nameStart < count, input[nameStart] == UInt8(ascii: "/") { nameStart += 1 }
            var nameEnd = nameStart
            while nameEnd < count, nameEnd - nameStart < 7,
                (input[nameEnd] | 0x20) >= UInt8(ascii: "a") && (input[nameEnd] | 0x20) <= UInt8(ascii: "z")
            {
                nameEnd += 1
            }
            let terminator = nameEnd < count ? input[nameEnd] : 0
            let endsName =
                terminator == UInt8(ascii: ">") || terminator == UInt8(ascii: "/") || terminator == 0x20
                || terminator == 0x09 || terminator == 0x0A || terminator == 0x0D
            guard nameEnd > nameStart, endsName, inlineTags.contains(input[nameStart..<nameEnd].map { $0 | 0x20 })
            else {
                output.append(byte)
                index += 1
                continue
            }
            // Skip to the tag's ">" (quoted attribute values may hold one).
            var quote: UInt8 = 0
            var end = nameEnd
            while end < count {
                let current = input[end]
                if quote != 0 {
                    if current == quote { quote = 0 }
                } else if current == UInt8(ascii: "\"") || current == UInt8(ascii: "'") {
                    quote = current
                } else if current == UInt8(ascii: ">") {
                    break
                }
                end += 1
            }
            removed += 1
            index = end + 1
        }
        return (output, removed)
    }

    private static func scanMarkup(
        _ bytes: UnsafeBufferPointer<UInt8>, maxTags: Int
    ) -> (cuts: [Range<Int>], droppedAttributes: Int, end: Int) {
        var index = 0
        let count = bytes.count
        var cuts: [Range<Int>] = []
        var droppedAttributes = 0
        var tags = 0
        func isNameByte(_ byte: UInt8) -> Bool {
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
        }
        // A static string's bytes: this runs at every tag and at every "<" inside a script, so no array is built.
        func startsWith(_ word: StaticString, at position: Int) -> Bool {
            let length = word.utf8CodeUnitCount
            guard position + length <= count else { return false }
            let letters = word.utf8Start
            for offset in 0..<length where bytes[position + offset] | 0x20 != letters[offset] {
                return false
            }
            return true
        }
        guard let base = bytes.baseAddress else { return ([], 0, 0) }
        /// The next "<" at or after `from` (memchr: the text between tags is skipped at memory speed).
        func nextOpen(_ from: Int) -> Int {
            guard from < count, let found = memchr(base + from, Int32(UInt8(ascii: "<")), count - from) else {
                return count
            }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        while index < count {
            index = nextOpen(index)
            guard index + 1 < count else { break }
            let next = bytes[index + 1]
            guard isNameByte(next) || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") else {
                index += 1
                continue
            }
            tags += 1
            if tags > maxTags { return (cuts, droppedAttributes, index) }
            guard isNameByte(next) else {
                index += 1
                continue
            }
            // The end tag's name, after its "<", when this tag starts a script's or a style's raw text.
            let rawTextEnd: StaticString? =
                startsWith("script", at: index + 1) ? "/script" : startsWith("style", at: index + 1) ? "/style" : nil
            // Inside one tag: count attributes until its ">"; past the limit, mark the rest of the tag for cutting.
            var attributes = 0
            var dropFrom: Int?
            var quote: UInt8 = 0
            index += 1
            while index < count {
                let byte = bytes[index]
                if quote != 0 {
                    if byte == quote { quote = 0 }
                } else if byte == UInt8(ascii: ">") {
                    break
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: "="), index > 0, isNameByte(bytes[index - 1]), index + 1 < count,
                    bytes[index + 1] == UInt8(ascii: "\"") || bytes[index + 1] == UInt8(ascii: "'")
                {
                    attributes += 1
                    if attributes > maxAttributesPerTag {
                        droppedAttributes += 1
                        if dropFrom == nil {
                            var nameStart = index - 1
                            while nameStart > 0, isNameByte(bytes[nameStart - 1]) { nameStart -= 1 }
                            dropFrom = nameStart
                        }
                    }
                }
                index += 1
            }
            if let dropFrom { cuts.append(dropFrom..<index) }
            // Skip a script's or a style's text up to its end tag.
            if let rawTextEnd {
                index = nextOpen(index)
                while index < count, !startsWith(rawTextEnd, at: index + 1) { index = nextOpen(index + 1) }
            }
        }
        return (cuts, droppedAttributes, count)
    }

    /// A reason when `bytes` (after any BOM) look binary: known binary signatures, or more than 2% of the
    /// first ``window`` bytes being C0 controls other than tab, newline, form feed, carriage return and
    /// escape where the rest is not text (neither valid UTF-8 nor 70% printable ASCII), or more than 30% of
    /// them being such controls. UTF-16 and UTF-32 input (recognised by its BOM) is not passed here.
    static func binaryReason(_ bytes: ArraySlice<UInt8>) -> String? {
        let signatures: [(prefix: [UInt8], name: String)] = [
            ([0x1F, 0x8B], "gzip data"), ([0x50, 0x4B, 0x03, 0x04], "a zip archive"),
            ([0x25, 0x50, 0x44, 0x46], "a PDF"),
            ([0x89, 0x50, 0x4E, 0x47], "a PNG image"), ([0xFF, 0xD8, 0xFF], "a JPEG image"),
            ([0x47, 0x49, 0x46, 0x38], "a GIF image"), ([0x7F, 0x45, 0x4C, 0x46], "an ELF executable"),
        ]
        for signature in signatures where bytes.starts(with: signature.prefix) {
            return "it starts like \(signature.name)"
        }
        let sample = bytes.prefix(window)
        guard !sample.isEmpty else { return nil }
        // A JSON document is text, but not a page: say so instead of returning an empty article.
        if let first = bytes.first(where: { !isSpace($0) }), let last = bytes.last(where: { !isSpace($0) }),
            (first == UInt8(ascii: "{") && last == UInt8(ascii: "}"))
                || (first == UInt8(ascii: "[") && last == UInt8(ascii: "]")),
            !bytes.contains(UInt8(ascii: "<"))
        {
            return "it looks like a JSON document"
        }
        var controls = 0
        for byte in sample
        where byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D && byte != 0x1B {
            controls += 1
        }
        // Control characters scattered in a page are noise the cleaner removes; they make binary only when
        // they are many, or when the rest does not read as text either (not UTF-8, and mostly not ASCII).
        if controls * 50 > sample.count {
            let printable = sample.reduce(0) { $0 + (($1 >= 0x20 && $1 < 0x7F) || isSpace($1) ? 1 : 0) }
            // The sample may end inside a character: its last character is left out of the UTF-8 check.
            var end = sample.endIndex
            while end > sample.startIndex, sample[end - 1] & 0xC0 == 0x80, sample.endIndex - end < 3 { end -= 1 }
            if end > sample.startIndex, sample[end - 1] >= 0xC0 { end -= 1 }
            let readsAsText =
                CharsetDetector.isValidUTF8(sample[sample.startIndex..<end]) || printable * 10 >= sample.count * 7
            if controls * 10 > sample.count * 3 || !readsAsText {
                return "\(controls) of its first \(sample.count) bytes are control characters"
            }
        }
        return nil
    }

    /// The high bit of each byte of `word` (eight bytes as loaded from memory) that is a C0 control other than
    /// tab, line feed, form feed and carriage return (NUL included), DEL, or 0xC2 (the lead byte of the C1
    /// controls); the others are kept as they are by ``removeControls(_:)``. Exact for each byte: no sum carries
    /// into the next byte.
    @inline(__always)
    static func needsLook(_ word: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        @inline(__always) func isZero(_ value: UInt64) -> UInt64 { ~(((value & low7) &+ low7) | value) & high }
        @inline(__always) func equals(_ byte: UInt64) -> UInt64 { isZero(word ^ (byte &* 0x0101_0101_0101_0101)) }
        let below20 = ~(((word & low7) &+ 0x6060_6060_6060_6060) | word) & high
        let spaces = equals(0x09) | equals(0x0A) | equals(0x0C) | equals(0x0D)
        return below20 & ~spaces | equals(0x7F) | equals(0xC2)
    }

    /// Removes control characters from decoded UTF-8: C0 controls other than tab, line feed, form feed and
    /// carriage return, DEL, and C1 controls (U+0080-U+009F). NUL becomes a space (libxml2 would end a text run
    /// at it). Returns how many were removed. One pass; no copy when there are none.
    static func removeControls(_ bytes: inout [UInt8]) -> Int {
        @inline(__always) func isRemoved(_ buffer: UnsafeMutableBufferPointer<UInt8>, _ index: Int) -> Int {
            let byte = buffer[index]
            if (byte < 0x20 && byte != 0 && byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D)
                || byte == 0x7F
            {
                return 1
            }
            if byte == 0xC2, index + 1 < buffer.count, buffer[index + 1] >= 0x80, buffer[index + 1] <= 0x9F { return 2 }
            return 0
        }
        let (removed, kept) = bytes.withUnsafeMutableBufferPointer { buffer -> (Int, Int) in
            let count = buffer.count
            guard count > 0 else { return (0, 0) }
            // Most pages have none: a tight first pass that only turns NUL into a space, eight bytes at a time
            // where none of them is below 0x20, DEL or non-ASCII, else up to the first byte that may need more
            // than a look (``needsLook``: white space and text outside ASCII do not).
            var first = 0
            let raw = UnsafeRawPointer(buffer.baseAddress!)
            while first < count {
                if first + 8 <= count {
                    let word = raw.loadUnaligned(fromByteOffset: first, as: UInt64.self)
                    let low = (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080
                    let del = word ^ 0x7F7F_7F7F_7F7F_7F7F
                    let isDel = (del &- 0x0101_0101_0101_0101) & ~del & 0x8080_8080_8080_8080
                    if low | isDel | (word & 0x8080_8080_8080_8080) == 0 {
                        first += 8
                        continue
                    }
                    let flags = needsLook(word)
                    if flags == 0 {
                        first += 8
                        continue
                    }
                    // The lowest flag of the little-endian value is the first byte in memory.
                    first += flags.littleEndian.trailingZeroBitCount / 8
                }
                let byte = buffer[first]
                if byte >= 0x20, byte != 0x7F, byte != 0xC2 {
                    first += 1
                    continue
                }
                if byte == 0 {
                    buffer[first] = 0x20
                    first += 1
                    continue
                }
                if isRemoved(buffer, first) > 0 { break }
                first += 1
            }
            guard first < count else { return (0, count) }
            var removed = 0
            var write = first
            var read = first
            while read < count {
                let length = isRemoved(buffer, read)
                if length > 0 {
                    removed += 1
                    read += length
                    continue
                }
                buffer[write] = buffer[read] == 0 ? 0x20 : buffer[read]
                write += 1
                read += 1
            }
            return (removed, write)
        }
        if kept < bytes.count { bytes.removeSubrange(kept...) }
        return removed
    }
}
