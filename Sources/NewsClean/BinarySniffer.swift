/// Tells text from binary before anything is handed to libxml2.
enum BinarySniffer {
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
