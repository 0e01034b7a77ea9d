import CLibXML2

/// Process-wide libxml2 set-up.
public enum LibXML2 {
    /// Initialises libxml2. Call once before any queue may parse: `xmlInitParser` is not reentrant in
    /// libxml2 2.9.14, and `htmlReadMemory` would otherwise call it lazily from several threads.
    /// Later calls are cheap no-ops.
    public static func initialize() {
        _ = initialized
    }

    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// The linked library's version, e.g. "2.9.14".
    public static var version: String {
        let number = Int(LIBXML_VERSION)
        return "\(number / 10000).\(number / 100 % 100).\(number % 100)"
    }
}

/// Copies a libxml2 string into a Swift `String` without freeing it (for strings the tree owns).
@inline(__always)
func string(fromXML pointer: UnsafePointer<xmlChar>?) -> String {
    guard let pointer else { return "" }
    return String(cString: pointer)
}

extension ParseLimits {
    /// Checks `bytes` against the size limit, then hands libxml2 a `char` pointer and length for them. An
    /// empty input becomes one space: libxml2 rejects a NULL buffer. The pointer never escapes `body`.
    func withParserBuffer<Result>(
        _ bytes: [UInt8], _ body: (UnsafePointer<CChar>, Int32) -> Result
    ) throws(LibXMLError) -> Result {
        guard bytes.count <= maxInputBytes else { throw .inputTooLarge(bytes: bytes.count, limit: maxInputBytes) }
        LibXML2.initialize()
        let input = bytes.isEmpty ? [UInt8(ascii: " ")] : bytes
        return input.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                body($0, Int32(buffer.count))
            }
        }
    }
}
