import Foundation
import NewsSink

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the run state could not be used.
public struct StateError: Error, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String

    public var description: String { "state '\(path)': \(message)" }
}

/// What earlier runs processed: the SHA-256 of each input's bytes, kept in `<state dir>/seen.tsv`
/// (`hash<TAB>article id<TAB>origin`, one line per article, appended after the article's records were
/// written and synced).
///
/// A line without its newline (a crash in the middle of an append) is ignored on load, so the article is
/// processed again and its records, whose ids are stable, are written again only if the output lost them.
/// Thread safety: ``contains(_:)`` reads an immutable snapshot plus a set guarded by `lock`.
public final class RunState: @unchecked Sendable {
    public let directory: String
    private let seenPath: String
    private let initial: Set<String>
    // Guarded by `lock`.
    private var added: Set<String> = []
    private let lock = NSLock()
    private var descriptor: Int32 = -1

    /// Opens (creating if needed) the state folder and loads what it holds.
    public init(directory: String) throws(StateError) {
        self.directory = directory
        self.seenPath = (directory as NSString).appendingPathComponent("seen.tsv")
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw StateError(path: directory, message: "cannot create the state folder: \(error.localizedDescription)")
        }
        var hashes = Set<String>()
        if let data = FileManager.default.contents(atPath: seenPath) {
            guard let text = String(data: data, encoding: .utf8) else {
                throw StateError(path: seenPath, message: "not valid UTF-8; move it aside to start afresh")
            }
            var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
            if !text.isEmpty, !text.hasSuffix("\n") { lines.removeLast() }
            for line in lines {
                let hash = line.prefix { $0 != "\t" }
                guard hash.count == 64, hash.allSatisfy(\.isHexDigit) else {
                    throw StateError(
                        path: seenPath,
                        message: "line '\(line.prefix(80))' is not a state line; move the file aside to start afresh")
                }
                hashes.insert(String(hash))
            }
        }
        self.initial = hashes
        descriptor = open(seenPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw StateError(path: seenPath, message: String(cString: strerror(errno))) }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Inputs recorded by earlier runs.
    public var count: Int { initial.count }

    /// Whether `hash` was processed in an earlier run or earlier in this one.
    public func contains(_ hash: String) -> Bool {
        if initial.contains(hash) { return true }
        return lock.withLock { added.contains(hash) }
    }

    /// Records an input as done. Call after its records are written (and synced).
    public func markDone(hash: String, articleID: String, origin: String) throws(StateError) {
        let safeOrigin = origin.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
        let failure = FileDescriptorWriter.writeAll(descriptor, "\(hash)\t\(articleID)\t\(safeOrigin)\n")
        if failure != 0 { throw StateError(path: seenPath, message: String(cString: strerror(failure))) }
        lock.withLock { _ = added.insert(hash) }
    }

    /// Remembers a hash for this run only (inputs that failed, so duplicates in the same run are skipped).
    public func markSeenInRun(_ hash: String) {
        lock.withLock { _ = added.insert(hash) }
    }
}
