import LibXML

/// Chooses the character encoding of an HTML byte stream, in the order the HTML standard gives:
/// byte-order mark, then the transport's charset, then a `<meta>` prescan, then UTF-8 validity, else
/// windows-1252.
///
/// libxml2 left to itself reads undeclared bytes as Latin-1 and lets `<meta>` override a BOM, so the
/// clean stage always decides here and passes the result explicitly.
package enum CharsetDetector {
    /// The decision and the rule that made it.
    package struct Decision: Sendable, Equatable {
        /// An IANA charset name libxml2/iconv understands, upper-case ("UTF-8", "WINDOWS-1252").
        package var charset: String
        /// "bom", "transport", "meta", "utf-8-valid" or "fallback".
        package var source: String
        /// How many leading bytes are a byte-order mark to skip.
        package var bomLength: Int
        /// Whether the bytes after the BOM were checked and are well-formed UTF-8.
        package var validatedUTF8 = false
    }

    /// How far the `<meta>` prescan looks. The standard says 1,024 bytes; real pages put the declaration
    /// after long inline scripts, so look further (the cost is one pass over at most this many bytes).
    static let prescanLimit = 64 * 1024

    /// Decides the encoding of `bytes`. O(n) in the worst case (the UTF-8 validity check).
    package static func detect(_ bytes: [UInt8], transportCharset: String?) -> Decision {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Decision(charset: "UTF-8", source: "bom", bomLength: 3) }
        // UTF-32 first: its little-endian BOM starts like UTF-16's.
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
            return Decision(charset: "UTF-32LE", source: "bom", bomLength: 4)
        }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            return Decision(charset: "UTF-32BE", source: "bom", bomLength: 4)
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return Decision(charset: "UTF-16LE", source: "bom", bomLength: 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return Decision(charset: "UTF-16BE", source: "bom", bomLength: 2) }
        if let wide = wideEncoding(bytes) { return Decision(charset: wide, source: "nul-pattern", bomLength: 0) }
        if let transport = transportCharset.flatMap(normalize) {
            return Decision(charset: transport, source: "transport", bomLength: 0)
        }
        if let declared = prescanMeta(bytes).flatMap(normalize) {
            // A page that declares UTF-8 but is not valid UTF-8 (a lying <meta>) falls through to the
            // validity rule and the windows-1252 fallback; any other declaration is honoured, as browsers do.
            if declared == "UTF-8" {
                if isValidUTF8(bytes) {
                    return Decision(charset: "UTF-8", source: "meta", bomLength: 0, validatedUTF8: true)
                }
            } else {
                return Decision(charset: declared, source: "meta", bomLength: 0)
            }
        }
        if isValidUTF8(bytes) {
            return Decision(charset: "UTF-8", source: "utf-8-valid", bomLength: 0, validatedUTF8: true)
        }
        // UTF-8 with a few broken bytes (a truncated copy, one bad paste) is still UTF-8: decoding it as
        // windows-1252 would turn every correct multi-byte character into mojibake. Windows-1252 text almost
        // never forms valid multi-byte sequences, so their share decides.
        let profile = utf8Profile(bytes)
        if profile.multiByte >= 3, profile.multiByte >= profile.invalid {
            return Decision(charset: "UTF-8", source: "utf-8-repaired", bomLength: 0)
        }
        return Decision(charset: "WINDOWS-1252", source: "fallback", bomLength: 0)
    }

    /// Counts well-formed multi-byte UTF-8 sequences and runs of bytes that start no well-formed sequence
    /// (a broken character is one run, whatever its length). O(n).
    static func utf8Profile(_ bytes: [UInt8]) -> (multiByte: Int, invalid: Int) {
        var multiByte = 0
        var invalid = 0
        var inInvalidRun = false
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                inInvalidRun = false
                index += 1
                continue
            }
            let length =
                lead >= 0xC2 && lead <= 0xDF
                ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0
            if length > 0, index + length <= bytes.count,
                isValidUTF8(bytes[index..<(index + length)])
            {
                multiByte += 1
                inInvalidRun = false
                index += length
            } else {
                if !inInvalidRun { invalid += 1 }
                inInvalidRun = true
                index += 1
            }
        }
        return (multiByte, invalid)
    }

    /// UTF-16 or UTF-32 without a byte-order mark, told by where the NUL bytes fall in the first 512 bytes:
    /// markup is ASCII, so in UTF-16LE nearly every odd byte is NUL and no even one, in UTF-32BE the first
    /// three of every four, and so on. No other text has such a pattern (a page in UTF-8 or a legacy charset
    /// has no NUL at all). Nil when the pattern is not clear.
    static func wideEncoding(_ bytes: [UInt8]) -> String? {
        let sample = bytes.prefix(512)
        guard sample.count >= 16 else { return nil }
        var zeros = [Int](repeating: 0, count: 4)
        var counts = [Int](repeating: 0, count: 4)
        for (offset, byte) in sample.enumerated() {
            counts[offset % 4] += 1
            if byte == 0 { zeros[offset % 4] += 1 }
        }
        // Text in a non-Latin script has fewer NULs in the high bytes than markup: 60% is enough.
        func mostly(_ position: Int) -> Bool { zeros[position] * 10 >= counts[position] * 6 }
        func rarely(_ position: Int) -> Bool { zeros[position] * 20 <= counts[position] }
        if rarely(0), mostly(1), mostly(2), mostly(3) { return "UTF-32LE" }
        if mostly(0), mostly(1), mostly(2), rarely(3) { return "UTF-32BE" }
        if rarely(0), rarely(2), mostly(1), mostly(3) { return "UTF-16LE" }
        if mostly(0), mostly(2), rarely(1), rarely(3) { return "UTF-16BE" }
        return nil
    }

    /// Maps a label to the name used for decoding, following the WHATWG encoding labels for the common
    /// cases (ISO-8859-1 and US-ASCII decode as windows-1252, GB2312 as GBK). UTF-7 and UTF-16/32 labels
    /// found in a `<meta>` are refused (nil), as browsers do.
    package static func normalize(_ label: String) -> String? {
        let name = label.trimmingSpaces().lowercased()
        switch name {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": return "UTF-8"
        case "iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252",
            "x-cp1252", "iso_8859-1", "iso-ir-100":
            return "WINDOWS-1252"
        case "gb2312", "gbk", "x-gbk", "chinese", "csgb2312", "gb_2312-80": return "GBK"
        case "shift_jis", "shift-jis", "sjis", "ms_kanji", "x-sjis", "windows-31j": return "SHIFT_JIS"
        case "utf-7", "utf-16", "utf-16le", "utf-16be", "utf-32", "utf-32le", "utf-32be": return nil
        case "": return nil
        default:
            // Other labels (iso-8859-2, koi8-r, euc-kr, windows-1251, ...) go to iconv as written; only
            // characters that can appear in a charset name are allowed through.
            let allowed = name.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII
                    && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                        || "-_.:".unicodeScalars.contains(scalar))
            }
            return allowed ? name.uppercased() : nil
        }
    }

    /// Finds `charset=` in the first `<meta>` tags (charset attribute or http-equiv content). A byte-level
    /// scan: no parse, O(prescanLimit).
    static func prescanMeta(_ bytes: [UInt8]) -> String? {
        let limit = min(bytes.count, prescanLimit)
        var index = 0
        while index + 5 < limit {
            // Look for "<meta" case-insensitively.
            if bytes[index] == UInt8(ascii: "<"), lower(bytes[index + 1]) == UInt8(ascii: "m"),
                lower(bytes[index + 2]) == UInt8(ascii: "e"), lower(bytes[index + 3]) == UInt8(ascii: "t"),
                lower(bytes[index + 4]) == UInt8(ascii: "a")
            {
                var end = index + 5
                while end < limit, bytes[end] != UInt8(ascii: ">") { end += 1 }
                // Most <meta> tags name no charset: only those whose bytes hold "charset" in any case are read as
                // text (``ASCIIText``).
                if ASCIIText.contains(bytes[(index + 5)..<end], lowercaseWord: "charset") {
                    let tag = String(decoding: bytes[index..<end], as: UTF8.self).lowercased()
                    if let value = charsetValue(inMetaTag: tag) { return value }
                }
                index = end
            }
            index += 1
        }
        return nil
    }

    private static func charsetValue(inMetaTag tag: String) -> String? {
        guard let range = tag.range(of: "charset") else { return nil }
        var rest = tag[range.upperBound...].drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop(while: { $0 == " " || $0 == "\"" || $0 == "'" })
        let value = rest.prefix(while: { !" \"';/>\t\r\n".contains($0) })
        return value.isEmpty ? nil : String(value)
    }

    @inline(__always)
    private static func lower(_ byte: UInt8) -> UInt8 {
        (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
    }

    /// Whether `bytes` is well-formed UTF-8 (RFC 3629: no overlongs, no surrogates, nothing past U+10FFFF).
    /// One pass with an ASCII fast path; no allocation.
    package static func isValidUTF8<Bytes: Collection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        if let result = bytes.withContiguousStorageIfAvailable({ validate($0) }) { return result }
        return Array(bytes).withUnsafeBufferPointer { validate($0) }
    }

    private static func validate(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = buffer.count
        guard let raw = buffer.baseAddress.map(UnsafeRawPointer.init) else { return true }
        while index < count {
            // Eight ASCII bytes at a time: most of a page is markup.
            if index + 8 <= count,
                raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                index += 8
                continue
            }
            let lead = buffer[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                high = 0x9F
            case 0xF0:
                length = 4
                low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                high = 0x8F
            default: return false
            }
            guard index + length <= count else { return false }
            let second = buffer[index + 1]
            guard second >= low && second <= high else { return false }
            for offset in 2..<max(2, length) where buffer[index + offset] & 0xC0 != 0x80 {
                return false
            }
            index += length
        }
        return true
    }
}

extension String {
    /// The string without leading and trailing ASCII white space.
    package func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
