#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the sink could not write.
public enum SinkError: Error, Equatable, CustomStringConvertible {
    case open(path: String, errno: Int32)
    case write(path: String, errno: Int32)
    case sync(path: String, errno: Int32)

    public var description: String {
        switch self {
        case .open(let path, let code): return "cannot open output '\(path)': \(String(cString: strerror(code)))"
        case .write(let path, let code): return "cannot write to '\(path)': \(String(cString: strerror(code)))"
        case .sync(let path, let code): return "cannot sync '\(path)': \(String(cString: strerror(code)))"
        }
    }
}

/// Appends JSON Lines to a file opened with `O_APPEND`, or to standard output.
///
/// Every call to ``append(_:)`` hands the kernel all of one article's lines in a single `write`, so a
/// concurrent or killed writer never leaves an interleaved or partial line in a regular file. Not
/// thread-safe: the scheduler calls it from its one sink queue.
public final class JSONLinesWriter {
    public let path: String
    private var descriptor: Int32
    private let ownsDescriptor: Bool

    /// Opens `path` for appending, creating it (mode 0644) and its folder as needed; `-` means standard output.
    public init(path: String) throws(SinkError) {
        self.path = path
        if path == "-" {
            descriptor = STDOUT_FILENO
            ownsDescriptor = false
            return
        }
        let opened = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard opened >= 0 else { throw .open(path: path, errno: errno) }
        descriptor = opened
        ownsDescriptor = true
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// Writes `lines` (each without its newline) as one block. Retries on `EINTR` and continues after a short
    /// write, which only pipes and full disks produce.
    public func append(_ lines: [String]) throws(SinkError) {
        guard !lines.isEmpty else { return }
        let failure = FileDescriptorWriter.writeAll(descriptor, lines.joined(separator: "\n") + "\n")
        if failure != 0 { throw .write(path: path, errno: failure) }
    }

    /// Flushes written lines to stable storage (a no-op for pipes and terminals).
    public func sync() throws(SinkError) {
        guard ownsDescriptor else { return }
        if fsync(descriptor) != 0 && errno != EINVAL { throw .sync(path: path, errno: errno) }
    }
}
