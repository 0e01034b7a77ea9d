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
    /// The database sink failed (its message says how); the article is not marked done.
    case database(String)

    public var description: String {
        let name = { (path: String) in path == "-" ? "standard output" : "'\(path)'" }
        switch self {
        case .open(let path, let code): return "cannot open output \(name(path)): \(String(cString: strerror(code)))"
        case .write(let path, let code): return "cannot write to \(name(path)): \(String(cString: strerror(code)))"
        case .sync(let path, let code): return "cannot sync \(name(path)): \(String(cString: strerror(code)))"
        case .database(let message): return message
        }
    }
}

/// Appends JSON Lines to a file opened with `O_APPEND`, or to standard output.
///
/// Every call to ``append(_:)`` hands the kernel all of one article's lines in a single `write`, so a
/// concurrent or killed writer never leaves an interleaved or partial line in a regular file. The path may
/// hold `strftime` fields (`out/events-%Y-%m-%d.jsonl`, UTC): the writer moves to the new file when the date
/// changes. ``reopen()`` reopens the current file (after logrotate moved it). Not thread-safe: the scheduler
/// calls it from its one sink queue.
public final class JSONLinesWriter {
    /// The path as configured (possibly a template).
    public let template: String
    /// The file written now.
    public private(set) var path: String
    private var descriptor: Int32
    private let ownsDescriptor: Bool
    private let clock: @Sendable () -> Int

    /// Opens the output for appending, creating it (mode 0644) and its folder as needed; `-` means standard
    /// output. `clock` gives the Unix time that dated paths use (tests inject one).
    public init(path: String, clock: @escaping @Sendable () -> Int = { time(nil) }) throws(SinkError) {
        self.template = path
        self.clock = clock
        if path == "-" {
            self.path = path
            descriptor = STDOUT_FILENO
            ownsDescriptor = false
            return
        }
        let current = Self.expand(path, at: clock())
        self.path = current
        descriptor = try Self.openForAppend(current)
        ownsDescriptor = true
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// Whether the configured path holds date fields.
    public var isDated: Bool { template.contains("%") }

    /// The path a template gives at Unix time `seconds` (UTC).
    public static func expand(_ template: String, at seconds: Int) -> String {
        guard template.contains("%") else { return template }
        var clock = time_t(seconds)
        var parts = tm()
        gmtime_r(&clock, &parts)
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = strftime(&buffer, buffer.count, template, &parts)
        guard length > 0 else { return template }
        return String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func openForAppend(_ path: String) throws(SinkError) -> Int32 {
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            makeFolders(String(path[..<slash]))
        }
        let opened = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard opened >= 0 else { throw .open(path: path, errno: errno) }
        return opened
    }

    /// `mkdir -p`; a failure shows up as the open error that follows, with the path.
    private static func makeFolders(_ folder: String) {
        var partial = ""
        for component in folder.split(separator: "/", omittingEmptySubsequences: false) {
            partial +=
                partial.isEmpty && folder.hasPrefix("/") ? "/" + component : (partial.isEmpty ? "" : "/") + component
            if !partial.isEmpty { _ = mkdir(partial, 0o755) }
        }
    }

    /// Writes `lines` (each without its newline) as one block. Retries on `EINTR` and continues after a short
    /// write, which only pipes and full disks produce.
    public func append(_ lines: [String]) throws(SinkError) {
        guard !lines.isEmpty else { return }
        if ownsDescriptor, isDated {
            let current = Self.expand(template, at: clock())
            if current != path { try switchTo(current) }
        }
        let failure = FileDescriptorWriter.writeAll(descriptor, lines.joined(separator: "\n") + "\n")
        if failure != 0 { throw .write(path: path, errno: failure) }
    }

    /// Closes and opens the current file again (SIGHUP after logrotate moved it away).
    public func reopen() throws(SinkError) {
        guard ownsDescriptor else { return }
        try switchTo(isDated ? Self.expand(template, at: clock()) : template)
    }

    private func switchTo(_ next: String) throws(SinkError) {
        let opened = try Self.openForAppend(next)
        _ = fsync(descriptor)
        close(descriptor)
        descriptor = opened
        path = next
    }

    /// The size of the file written now, in bytes (0 for standard output).
    public var offset: Int {
        guard ownsDescriptor else { return 0 }
        var info = stat()
        return fstat(descriptor, &info) == 0 ? Int(info.st_size) : 0
    }

    /// Flushes written lines to stable storage (a no-op for pipes and terminals).
    public func sync() throws(SinkError) {
        guard ownsDescriptor else { return }
        if fsync(descriptor) != 0 && errno != EINVAL { throw .sync(path: path, errno: errno) }
    }
}
