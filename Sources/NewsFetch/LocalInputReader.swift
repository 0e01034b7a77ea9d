#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a local input could not be read.
public enum FetchError: Error, Equatable, CustomStringConvertible {
    case open(path: String, errno: Int32)
    case read(path: String, errno: Int32)
    case tooLarge(path: String, limit: Int)
    case gzip(path: String, GzipError)
    case notRegularFile(path: String)

    public var description: String {
        switch self {
        case .open(let path, let code): return "cannot open '\(path)': \(String(cString: strerror(code)))"
        case .read(let path, let code): return "cannot read '\(path)': \(String(cString: strerror(code)))"
        case .tooLarge(let path, let limit): return "'\(path)' is larger than the input limit of \(limit) bytes"
        case .gzip(let path, let error): return "'\(path)': \(error)"
        case .notRegularFile(let path): return "'\(path)' is not a regular file"
        }
    }

    /// A short machine-readable reason for counters and error records.
    public var reason: String {
        switch self {
        case .open, .read, .notRegularFile: return "unreadable"
        case .tooLarge: return "too-large"
        case .gzip(_, .tooLarge): return "too-large"
        case .gzip: return "corrupt-gzip"
        }
    }
}

/// A local input as read: its bytes, and what was cut when it was longer than the limit.
public struct LocalInput: Sendable, Equatable {
    public var bytes: [UInt8]
    /// Nil when the input was read whole; else what was cut, in words ("the input has 20971867 bytes; only
    /// the first 10485760 were read").
    public var cut: String?
}

/// Reads local inputs (files, standard input) with a size limit, inflating gzip data with the same limit.
/// An input over the limit is cut to its first ``maxBytes`` bytes (and says so) by the `prefix` readers, and
/// refused by the others.
public struct LocalInputReader: Sendable {
    /// The largest input accepted, before and after decompression.
    public var maxBytes: Int

    public init(maxBytes: Int) {
        self.maxBytes = maxBytes
    }

    /// Reads the file at `path`. Gzip data (by its magic number) is inflated, bounded by ``maxBytes``; a
    /// larger input is refused.
    public func read(path: String) throws(FetchError) -> [UInt8] {
        let input = try readPrefix(path: path)
        if input.cut != nil { throw .tooLarge(path: path, limit: maxBytes) }
        return input.bytes
    }

    /// Reads at most ``maxBytes`` of the file at `path` (and of its inflated gzip data): the rest is left
    /// unread, and `cut` says how much there was.
    public func readPrefix(path: String) throws(FetchError) -> LocalInput {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .open(path: path, errno: errno) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .read(path: path, errno: errno) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .notRegularFile(path: path) }
        let (bytes, total) = try readAll(descriptor, path: path, drain: false)
        return try inflateIfNeeded(bytes, total: max(total, Int(info.st_size)), path: path)
    }

    /// Reads standard input to its end, with the same limit and gzip handling; a larger input is refused.
    public func readStandardInput() throws(FetchError) -> [UInt8] {
        let input = try readStandardInputPrefix()
        if input.cut != nil { throw .tooLarge(path: "stdin", limit: maxBytes) }
        return input.bytes
    }

    /// Reads standard input to its end, keeping its first ``maxBytes`` bytes: the rest is read and dropped
    /// (so that the writer of the pipe is not cut off) and counted in `cut`.
    public func readStandardInputPrefix() throws(FetchError) -> LocalInput {
        let (bytes, total) = try readAll(STDIN_FILENO, path: "stdin", drain: true)
        return try inflateIfNeeded(bytes, total: total, path: "stdin")
    }

    private func inflateIfNeeded(_ bytes: [UInt8], total: Int, path: String) throws(FetchError) -> LocalInput {
        if total > bytes.count {
            // Cut compressed data is not inflated: zlib would only report its end as missing.
            guard !GzipDecoder.isGzip(bytes) else { throw .tooLarge(path: path, limit: maxBytes) }
            return LocalInput(bytes: bytes, cut: "the input has \(total) bytes; only the first \(maxBytes) were read")
        }
        guard GzipDecoder.isGzip(bytes) else { return LocalInput(bytes: bytes, cut: nil) }
        do {
            let (inflated, complete) = try GzipDecoder.inflatePrefix(bytes, limit: maxBytes)
            return LocalInput(
                bytes: inflated,
                cut: complete
                    ? nil
                    : "the gzip data inflates to more than \(maxBytes) bytes; only the first \(maxBytes) were read")
        } catch {
            throw .gzip(path: path, error)
        }
    }

    /// The first ``maxBytes`` bytes of the descriptor, and how many it held (counted to its end when
    /// `drain`, else up to one chunk past the limit).
    private func readAll(_ descriptor: Int32, path: String, drain: Bool) throws(FetchError) -> ([UInt8], Int) {
        var result: [UInt8] = []
        var total = 0
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .read(path: path, errno: errno)
            }
            if count == 0 { return (result, total) }
            total += count
            if result.count < maxBytes {
                result.append(contentsOf: chunk[0..<min(count, maxBytes - result.count)])
            }
            if total > maxBytes, !drain { return (result, total) }
        }
    }
}
