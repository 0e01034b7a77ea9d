import Foundation
import NewsSink

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the run state could not be used.
package struct StateError: Error, Equatable, CustomStringConvertible {
    package var path: String
    package var message: String

    package var description: String { "state '\(path)': \(message)" }

    static let repairHint = "run 'newsevents state repair --config <your pipeline.conf>' to rebuild it from the output"
}

/// What earlier runs processed, kept in the state folder:
///
/// - `seen.tsv`, the snapshot: a header line, one line per processed input (`SHA-256 of its bytes`,
///   `article id`, `output file`, `output size after its records`, `origin`, tab-separated), and a trailer
///   `# end <lines> <SHA-256 of the lines>`. Always replaced whole, atomically: written to a temporary file,
///   synced, renamed over the old one, and the folder synced. A snapshot whose trailer does not match (a
///   truncated or edited file) is an error naming the repair command, never silently reset.
/// - `seen.journal`: the same lines, appended one per article after its records were written and synced;
///   folded into the snapshot at the end of a run. A last line without its newline (a crash in the middle of
///   the append) is cut off on load and the article counts as not done.
/// - `last-run.json`: the summary of the last run, replaced atomically.
///
/// The output size recorded with each input lets the next run find records written after the last recorded
/// article (a crash between writing and recording): ``outputOffsets``.
/// Thread safety: ``contains(_:)`` reads an immutable snapshot plus a set guarded by `lock`.
package final class RunState: @unchecked Sendable {
    package let directory: String
    let snapshotPath: String
    let journalPath: String
    private let initial: Set<String>
    /// The recorded lines (snapshot then journal), folded into the next snapshot.
    private var lines: [String]
    /// The output size after the last recorded article, per output file.
    package private(set) var outputOffsets: [String: Int]
    /// Bytes of a torn journal line cut off on load (0 when none).
    package private(set) var tornJournalBytes = 0
    private var journalLines = 0
    // Guarded by `lock`.
    private var added: Set<String> = []
    private var appended: [String] = []
    private let lock = NSLock()
    private var descriptor: Int32 = -1

    static let header = "# newsevents state 1: sha256, article id, output, output size, origin"

    /// Opens (creating if needed) the state folder and loads what it holds.
    package init(directory: String) throws(StateError) {
        self.directory = directory
        snapshotPath = (directory as NSString).appendingPathComponent("seen.tsv")
        journalPath = (directory as NSString).appendingPathComponent("seen.journal")
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw StateError(path: directory, message: "cannot create the state folder: \(error.localizedDescription)")
        }
        var lines = try Self.loadSnapshot(snapshotPath)
        let journal = try Self.loadJournal(journalPath)
        tornJournalBytes = journal.tornBytes
        journalLines = journal.lines.count
        lines += journal.lines
        var hashes = Set<String>()
        var offsets: [String: Int] = [:]
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            hashes.insert(String(fields[0]))
            if let offset = Int(fields[3]) { offsets[String(fields[2])] = max(offsets[String(fields[2])] ?? 0, offset) }
        }
        self.lines = lines
        self.initial = hashes
        self.outputOffsets = offsets
        descriptor = open(journalPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw StateError(path: journalPath, message: String(cString: strerror(errno))) }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Inputs recorded by earlier runs.
    package var count: Int { initial.count }

    /// Whether `hash` was processed in an earlier run or earlier in this one.
    package func contains(_ hash: String) -> Bool {
        if initial.contains(hash) { return true }
        return lock.withLock { added.contains(hash) }
    }

    /// Records an input as done. Call after its records are written (and synced); `output` and `offset` are
    /// the output file and its size after the records.
    package func markDone(
        hash: String, articleID: String, origin: String, output: String, offset: Int, sync: Bool
    ) throws(StateError) {
        let line = Self.line(hash: hash, articleID: articleID, output: output, offset: offset, origin: origin)
        let failure = FileDescriptorWriter.writeAll(descriptor, line + "\n")
        if failure != 0 { throw StateError(path: journalPath, message: String(cString: strerror(failure))) }
        if sync, fsync(descriptor) != 0 {
            throw StateError(path: journalPath, message: String(cString: strerror(errno)))
        }
        lock.withLock {
            _ = added.insert(hash)
            appended.append(line)
        }
    }

    /// Remembers a hash for this run only (inputs that failed, so duplicates in the same run are skipped).
    package func markSeenInRun(_ hash: String) {
        lock.withLock { _ = added.insert(hash) }
    }

    /// Folds the journal into a new snapshot (atomically) and empties the journal. Small states are folded
    /// after every run; a large one only when its journal has grown, so that a run every few minutes does
    /// not rewrite years of history each time.
    package func checkpoint(force: Bool = false) throws(StateError) {
        let newLines = lock.withLock { appended }
        let pending = journalLines + newLines.count
        guard pending > 0 else { return }
        guard force || lines.count + newLines.count < 200_000 || pending >= 20_000 else { return }
        let all = lines + newLines
        try Self.writeSnapshot(all, to: snapshotPath, directory: directory)
        if ftruncate(descriptor, 0) != 0 || fsync(descriptor) != 0 {
            throw StateError(path: journalPath, message: String(cString: strerror(errno)))
        }
        lines = all
        journalLines = 0
        lock.withLock { appended = [] }
    }

    /// Replaces `last-run.json` atomically with `json`.
    package func writeLastRun(_ json: String) throws(StateError) {
        try Self.replace(
            (directory as NSString).appendingPathComponent("last-run.json"), with: json + "\n", directory: directory)
    }

    // MARK: - Files

    static func line(hash: String, articleID: String, output: String, offset: Int, origin: String) -> String {
        let clean = { (field: String) in
            String(field.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
        }
        return [hash, articleID, clean(output), String(offset), clean(origin)].joined(separator: "\t")
    }

    /// Whether `line` is a state line: a 64-digit hex hash, an article id, an output, a size and an origin.
    static func isValid(_ line: Substring) -> Bool {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count == 5, fields[0].count == 64, fields[0].allSatisfy(\.isHexDigit) else { return false }
        return Int(fields[3]) != nil
    }

    static func digest(_ lines: [String]) -> String {
        ContentHash.sha256Hex(of: lines.map { $0 + "\n" }.joined())
    }

    /// The snapshot's lines; an error when it is damaged.
    static func loadSnapshot(_ path: String) throws(StateError) -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        guard let text = String(data: data, encoding: .utf8) else {
            throw StateError(path: path, message: "not valid UTF-8; \(StateError.repairHint)")
        }
        var rows = text.split(separator: "\n", omittingEmptySubsequences: false)
        if rows.last == "" { rows.removeLast() }
        guard rows.first == Substring(header) else {
            // The first format (0.1.0 development builds): "hash<TAB>article id<TAB>origin", appended, no end line.
            let legacy = rows.filter { !$0.isEmpty }.map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
            if !legacy.isEmpty, data.last == 0x0A,
                legacy.allSatisfy({ $0.count == 3 && $0[0].count == 64 && $0[0].allSatisfy(\.isHexDigit) })
            {
                return legacy.map {
                    line(hash: String($0[0]), articleID: String($0[1]), output: "", offset: 0, origin: String($0[2]))
                }
            }
            throw StateError(path: path, message: "does not start with the state header; \(StateError.repairHint)")
        }
        guard let trailer = rows.last, trailer.hasPrefix("# end "), rows.count >= 2 else {
            throw StateError(
                path: path, message: "has no end line (truncated, \(data.count) bytes); \(StateError.repairHint)")
        }
        let body = rows.dropFirst().dropLast().map(String.init)
        let parts = trailer.split(separator: " ")
        guard parts.count == 4, Int(parts[2]) == body.count, parts[3] == Substring(digest(body)) else {
            throw StateError(
                path: path,
                message: "its end line does not match its \(body.count) lines (damaged); \(StateError.repairHint)")
        }
        if let bad = body.firstIndex(where: { !isValid(Substring($0)) }) {
            throw StateError(path: path, message: "line \(bad + 2) is not a state line; \(StateError.repairHint)")
        }
        return body
    }

    /// The journal's whole lines, cutting off a torn last line (a crash mid-append).
    static func loadJournal(_ path: String) throws(StateError) -> (lines: [String], tornBytes: Int) {
        guard let data = FileManager.default.contents(atPath: path), !data.isEmpty else { return ([], 0) }
        var tornBytes = 0
        var whole = data
        if data.last != 0x0A {
            let cut = (data.lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
            tornBytes = data.count - cut
            whole = data.prefix(cut)
            if truncate(path, off_t(cut)) != 0 {
                throw StateError(
                    path: path, message: "cannot cut its torn last line: \(String(cString: strerror(errno)))")
            }
        }
        guard let text = String(data: whole, encoding: .utf8) else {
            throw StateError(path: path, message: "not valid UTF-8; \(StateError.repairHint)")
        }
        let lines = text.split(separator: "\n").map(String.init)
        if let bad = lines.firstIndex(where: { !isValid(Substring($0)) }) {
            throw StateError(path: path, message: "line \(bad + 1) is not a state line; \(StateError.repairHint)")
        }
        return (lines, tornBytes)
    }

    static func writeSnapshot(_ lines: [String], to path: String, directory: String) throws(StateError) {
        let text = ([header] + lines + ["# end \(lines.count) \(digest(lines))"]).joined(separator: "\n") + "\n"
        try replace(path, with: text, directory: directory)
    }

    /// Replaces `path` atomically: a temporary file in the same folder, synced, renamed over it, then the
    /// folder synced so that the rename itself survives a power cut.
    static func replace(_ path: String, with text: String, directory: String) throws(StateError) {
        let temporary = path + ".tmp.\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw StateError(path: temporary, message: String(cString: strerror(errno))) }
        let failure = FileDescriptorWriter.writeAll(descriptor, text)
        let synced = failure == 0 && fsync(descriptor) == 0
        let code = failure != 0 ? failure : errno
        close(descriptor)
        guard synced, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw StateError(path: path, message: "cannot replace it: \(String(cString: strerror(code)))")
        }
        let folder = open(directory, O_RDONLY | O_CLOEXEC)
        if folder >= 0 {
            _ = fsync(folder)
            close(folder)
        }
    }
}
