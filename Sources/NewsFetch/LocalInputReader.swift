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

/// Reads local inputs (files, standard input) with a size limit, inflating gzip data with the same limit.
public struct LocalInputReader: Sendable {
    /// The largest input accepted, before and after decompression.
    public var maxBytes: Int

    public init(maxBytes: Int) {
        self.maxBytes = maxBytes
    }

    /// Reads the file at `path`. Gzip data (by its magic number) is inflated, bounded by ``maxBytes``.
    public func read(path: String) throws(FetchError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .open(path: path, errno: errno) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .read(path: path, errno: errno) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .notRegularFile(path: path) }
        let bytes = try readAll(descriptor, path: path)
        return try inflateIfNeeded(bytes, path: path)
    }

    /// Reads standard input to its end, with the same limit and gzip handling.
    public func readStandardInput() throws(FetchError) -> [UInt8] {
        let bytes = try readAll(STDIN_FILENO, path: "stdin")
        return try inflateIfNeeded(bytes, path: "stdin")
    }

    private func inflateIfNeeded(_ bytes: [UInt8], path: String) throws(FetchError) -> [UInt8] {
        guard GzipDecoder.isGzip(bytes) else { return bytes }
        do {
            return try GzipDecoder.inflate(bytes, limit: maxBytes)
        } catch {
            throw .gzip(path: path, error)
        }
    }

    private func readAll(_ descriptor: Int32, path: String) throws(FetchError) -> [UInt8] {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .read(path: path, errno: errno)
            }
            if count == 0 { return result }
            if result.count + count > maxBytes { throw .tooLarge(path: path, limit: maxBytes) }
            result.append(contentsOf: chunk[0..<count])
        }
    }
}
