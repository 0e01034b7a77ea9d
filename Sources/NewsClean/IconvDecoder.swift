#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Transcodes bytes to UTF-8 with the C library's iconv, replacing undecodable bytes with U+FFFD.
enum IconvDecoder {
    /// Decodes `bytes` from `charset`, or nil when iconv does not know the charset. O(n).
    static func decode(_ bytes: [UInt8], from charset: String) -> [UInt8]? {
        let converter = iconv_open("UTF-8", charset)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var output = [UInt8]()
        output.reserveCapacity(bytes.count + bytes.count / 2)
        var input = bytes
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        input.withUnsafeMutableBufferPointer { inputBuffer in
            var inPointer: UnsafeMutablePointer<CChar>? = inputBuffer.baseAddress.map {
                UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self)
            }
            var inLeft = inputBuffer.count
            while inLeft > 0 {
                let (status, written) = chunk.withUnsafeMutableBufferPointer { chunkBuffer -> (Int, Int) in
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(chunkBuffer.baseAddress!)
                        .assumingMemoryBound(to: CChar.self)
                    var outLeft = chunkBuffer.count
                    let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                    return (result == -1 ? Int(errno) : 0, chunkBuffer.count - outLeft)
                }
                output.append(contentsOf: chunk[0..<written])
                switch status {
                case 0, Int(E2BIG):
                    continue
                default:
                    // EILSEQ or EINVAL: one byte cannot start a character here; replace it and go on.
                    output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    inPointer = inPointer.map { $0 + 1 }
                    inLeft -= 1
                }
            }
        }
        return output
    }
}
