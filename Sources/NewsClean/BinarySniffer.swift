#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tells text from binary, and pathological markup from pages, before anything is handed to libxml2.
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

    /// A reason when some tag has more than ``maxAttributesPerTag`` attributes: a byte scan counting
    /// `name="` and `name='` inside each tag, skipping the contents of scripts and styles (where `<` and `=`
    /// are code, not markup). O(n).
    static func pathologicalMarkupReason(_ input: [UInt8]) -> String? {
        input.withUnsafeBufferPointer { scanAttributes($0) }
    }

    private static func scanAttributes(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var index = 0
        let count = bytes.count
        func isNameByte(_ byte: UInt8) -> Bool {
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
        }
        func startsWith(_ word: String, at position: Int) -> Bool {
            let letters = Array(word.utf8)
            guard position + letters.count <= count else { return false }
            for (offset, letter) in letters.enumerated() where bytes[position + offset] | 0x20 != letter {
                return false
            }
            return true
        }
        let base = bytes.baseAddress!
        /// The next "<" at or after `from` (memchr: the text between tags is skipped at memory speed).
        func nextOpen(_ from: Int) -> Int {
            guard from < count, let found = memchr(base + from, Int32(UInt8(ascii: "<")), count - from) else {
                return count
            }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        while index < count {
            index = nextOpen(index)
            guard index + 1 < count, isNameByte(bytes[index + 1]) else {
                index += 1
                continue
            }
            let rawText =
                startsWith("script", at: index + 1) ? "</script" : startsWith("style", at: index + 1) ? "</style" : nil
            // Inside one tag: count attributes until its ">".
            var attributes = 0
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
                        return "a tag has more than \(maxAttributesPerTag) attributes"
                    }
                }
                index += 1
            }
            // Skip a script's or a style's text up to its end tag.
            if let rawText {
                let name = String(rawText.dropFirst())
                index = nextOpen(index)
                while index < count, !startsWith(name, at: index + 1) { index = nextOpen(index + 1) }
            }
        }
        return nil
    }

    /// A reason when `bytes` (after any BOM) look binary: known binary signatures, or more than 2% of the
    /// first ``window`` bytes being C0 controls other than tab, newline, form feed, carriage return and
    /// escape. UTF-16 input (recognised by its BOM) is not passed here.
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
        if controls * 50 > sample.count {
            return "\(controls) of its first \(sample.count) bytes are control characters"
        }
        return nil
    }
}
