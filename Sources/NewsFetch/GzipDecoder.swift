import CZlib

/// Why compressed input could not be inflated.
public enum GzipError: Error, Equatable, CustomStringConvertible {
    /// The inflated data would exceed the limit (a decompression bomb, or just a very large page).
    case tooLarge(limit: Int)
    /// The data is not valid gzip/zlib, or is truncated.
    case corrupt(detail: String)

    public var description: String {
        switch self {
        case .tooLarge(let limit): return "gzip data inflates to more than \(limit) bytes"
        case .corrupt(let detail): return "gzip data is corrupt: \(detail)"
        }
    }
}

/// Inflates gzip or zlib data with zlib, stopping at a size limit so that a bomb is cut off rather than
/// inflated in memory. Concatenated gzip members are all inflated.
public enum GzipDecoder {
    /// Whether `bytes` start with the gzip magic number.
    public static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// Inflates `bytes`, failing once the output passes `limit` bytes. O(output); memory at most `limit`
    /// plus one 64 KiB chunk.
    public static func inflate(_ bytes: [UInt8], limit: Int) throws(GzipError) -> [UInt8] {
        let (output, complete) = try inflatePrefix(bytes, limit: limit)
        guard complete else { throw .tooLarge(limit: limit) }
        return output
    }

    /// Inflates at most `limit` bytes of `bytes`: the output, and whether it is the whole data. Same cost.
    public static func inflatePrefix(_ bytes: [UInt8], limit: Int) throws(GzipError) -> ([UInt8], complete: Bool) {
        var stream = z_stream()
        guard newsevents_inflateInit(&stream) == Z_OK else { throw .corrupt(detail: "zlib could not start") }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var input = bytes
        var failure: GzipError?
        var complete = true
        input.withUnsafeMutableBufferPointer { inputBuffer in
            stream.next_in = inputBuffer.baseAddress
            stream.avail_in = UInt32(inputBuffer.count)
            while true {
                let (status, produced) = chunk.withUnsafeMutableBufferPointer { chunkBuffer -> (Int32, Int) in
                    stream.next_out = chunkBuffer.baseAddress
                    stream.avail_out = UInt32(chunkBuffer.count)
                    let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return (status, chunkBuffer.count - Int(stream.avail_out))
                }
                if output.count + produced > limit {
                    output.append(contentsOf: chunk[0..<(limit - output.count)])
                    complete = false
                    return
                }
                output.append(contentsOf: chunk[0..<produced])
                switch status {
                case Z_STREAM_END:
                    // Another gzip member may follow.
                    guard stream.avail_in > 0 else { return }
                    guard inflateReset(&stream) == Z_OK else {
                        failure = .corrupt(detail: "cannot read the next member")
                        return
                    }
                case Z_OK:
                    continue
                case Z_BUF_ERROR:
                    if stream.avail_in == 0 {
                        failure = .corrupt(detail: "the data ends early")
                        return
                    }
                default:
                    let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                    failure = .corrupt(detail: message)
                    return
                }
            }
        }
        if let failure { throw failure }
        return (output, complete)
    }
}
