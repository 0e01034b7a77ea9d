/// Tells text from binary, and pathological markup from pages, before anything is handed to libxml2.
enum BinarySniffer {
    /// The most attributes one tag may carry. libxml2 checks duplicate attributes in quadratic time (one tag
    /// with 120,000 attributes took 66 s); real pages stay in the tens.
    static let maxAttributesPerTag = 1000

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    /// A reason when some tag has more than ``maxAttributesPerTag`` attributes: a byte scan counting `=` signs
    /// outside quotes inside each tag. O(n).
    static func pathologicalMarkupReason(_ bytes: [UInt8]) -> String? {
        var inTag = false
        var quote: UInt8 = 0
        var attributes = 0
        for byte in bytes {
            if !inTag {
                if byte == UInt8(ascii: "<") {
                    inTag = true
                    attributes = 0
                }
                continue
            }
            if quote != 0 {
                if byte == quote { quote = 0 }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
            case UInt8(ascii: "="):
                attributes += 1
                if attributes > maxAttributesPerTag {
                    return "a tag has more than \(maxAttributesPerTag) attributes"
                }
            case UInt8(ascii: ">"): inTag = false
            default: break
            }
        }
        return nil
    }

    /// How many leading bytes are inspected.
    static let window = 4096

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
