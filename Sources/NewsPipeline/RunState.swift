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

/// One article as the run state remembers it: the version last written and the events of it in the output.
package struct StateEntry: Sendable, Equatable {
    /// SHA-256 of the bytes last read for the article (a later input with the same bytes is skipped unread).
    package var bytesHash: String
    package var articleID: String
    /// The output file and its size after the article's records.
    package var output: String
    package var offset: Int
    package var origin: String
    /// SHA-256 of what the events were extracted from (the text and its anchor date); "" when unknown (an
    /// entry of the first state format).
    package var version: String
    /// The ids of the article's events that the output holds and no retraction withdrew, comma-separated as in
    /// the state line (one string per article, not one per event: the state holds every article ever
    /// written); nil when unknown.
    var eventList: String?

    /// ``eventList`` as ids.
    package var events: [String]? {
        get { eventList.map { $0.split(separator: ",").map(String.init) } }
        set { eventList = newValue.map { $0.joined(separator: ",") } }
    }

    /// The state line: the seven fields tab-separated; an unknown version is "-", unknown events "?", events
    /// comma-separated.
    var line: String {
        let clean = { (field: String) in
            String(field.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
        }
        return [
            bytesHash, articleID, clean(output), String(offset), clean(origin), version.isEmpty ? "-" : version,
            eventList ?? "?",
        ].joined(separator: "\t")
    }
}

extension StateEntry {
    package init(
        bytesHash: String, articleID: String, output: String, offset: Int, origin: String, version: String,
        events: [String]?
    ) {
        self.init(
            bytesHash: bytesHash, articleID: articleID, output: output, offset: offset, origin: origin,
            version: version, eventList: events.map { $0.joined(separator: ",") })
    }

    /// Parses a state line: seven fields, or the five of the first state format (bytes hash, article id,
    /// output, size, origin), whose version and events are unknown.
    init?(line: Substring) {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 5 || fields.count == 7, fields[0].count == 64, fields[0].allSatisfy(\.isHexDigit),
            let offset = Int(fields[3])
        else { return nil }
        var version = ""
        var eventList: String?
        if fields.count == 7 {
            guard fields[5] == "-" || fields[5].count == 64 && fields[5].allSatisfy(\.isHexDigit) else { return nil }
            version = fields[5] == "-" ? "" : fields[5]
            eventList = fields[6] == "?" ? nil : fields[6]
        }
        self.init(
            bytesHash: fields[0], articleID: fields[1], output: fields[2], offset: offset, origin: fields[4],
            version: version, eventList: eventList)
    }
}

/// An input that failed for good (the same input fails the same way again): reported once, then skipped
/// quietly until it changes (its fingerprint) or a run is told to retry (`--retry-failed`).
package struct FailureEntry: Sendable, Equatable {
    package var origin: String
    /// What identifies this version of the input: the SHA-256 of its bytes, or a file's size and mtime.
    package var fingerprint: String
    package var stage: String
    package var reason: String
    /// When it first failed, UTC, ISO 8601.
    package var firstSeen: String
    package var message: String

    var line: String {
        [origin, fingerprint, stage, reason, firstSeen, message].map { field in
            String(field.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
        }.joined(separator: "\t")
    }
}

extension FailureEntry {
    init?(line: Substring) {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 6, !fields[0].isEmpty, !fields[1].isEmpty else { return nil }
        self.init(
            origin: fields[0], fingerprint: fields[1], stage: fields[2], reason: fields[3], firstSeen: fields[4],
            message: fields[5])
    }
}

/// What earlier runs processed, kept in the state folder, one entry per article (``StateEntry``): so the state
/// grows with the articles, never with the times a page was read.
///
/// - `seen.tsv`, the snapshot: a header line, one line per article (`SHA-256 of the bytes last read`,
///   `article id`, `output file`, `output size after its records`, `origin`, `version`, `event ids`,
///   tab-separated), and a trailer `# end <lines> <SHA-256 of the lines>`. Always replaced whole, atomically:
///   written to a temporary file, synced, renamed over the old one, and the folder synced. A snapshot whose
///   trailer does not match (a truncated or edited file) is an error naming the repair command, never silently
///   reset.
/// - `seen.journal`: the same lines, appended one per article after its records were written and synced; a
///   later line of an article replaces its earlier one. Folded into the snapshot at the end of a run. A last
///   line without its newline (a crash in the middle of the append) is cut off on load and the article counts as
///   not done.
/// - `last-run.json`: the summary of the last run, replaced atomically.
/// - `failed.tsv`: the inputs that failed for good (``FailureEntry``), one line per origin, replaced atomically
///   at the end of a run. Advisory: a damaged line is dropped (the input is then tried, and reported, again).
///
/// A state of the first format (five fields, no versions or event ids) is read, and the event ids of its
/// articles are recovered once from the output files it names, so that an upgrade writes nothing twice.
///
/// The output size recorded with each input lets the next run find records written after the last recorded
/// article (a crash between writing and recording): ``outputOffsets``.
/// Thread safety: every method may be called from any thread; the entries are guarded by `lock`.
package final class RunState: @unchecked Sendable {
    package let directory: String
    let snapshotPath: String
    let journalPath: String
    /// The output size after the last recorded article, per output file.
    package private(set) var outputOffsets: [String: Int]
    /// Bytes of a torn journal line cut off on load (0 when none).
    package private(set) var tornJournalBytes = 0
    private var journalLines = 0
    /// Whether the loaded state was of the first format (the next checkpoint rewrites it).
    private var upgraded = false
    private let lock = NSLock()
    // Guarded by `lock`.
    private var entries: [String: StateEntry]
    private var order: [String]
    private var seenBytes: Set<String>
    private var appended = 0
    private var failures: [String: FailureEntry]
    private var failuresChanged = false
    private var descriptor: Int32 = -1
    /// Whether remembered failures are tried again (`run --retry-failed`).
    package var retryFailed = false
    let failuresPath: String
    static let failuresHeader = "# newsevents failures 1: origin, fingerprint, stage, reason, first seen (UTC), message"

    static let header = "# newsevents state 2: sha256, article id, output, output size, origin, version, event ids"
    static let firstHeader = "# newsevents state 1: sha256, article id, output, output size, origin"

    /// Opens (creating if needed) the state folder and loads what it holds.
    package init(directory: String) throws(StateError) {
        self.directory = directory
        snapshotPath = (directory as NSString).appendingPathComponent("seen.tsv")
        journalPath = (directory as NSString).appendingPathComponent("seen.journal")
        failuresPath = (directory as NSString).appendingPathComponent("failed.tsv")
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw StateError(path: directory, message: "cannot create the state folder: \(error.localizedDescription)")
        }
        let snapshot = try Self.loadSnapshot(snapshotPath)
        let journal = try Self.loadJournal(journalPath)
        tornJournalBytes = journal.tornBytes
        journalLines = journal.lines.count
        var offsets: [String: Int] = [:]
        for entry in snapshot.entries + journal.lines {
            offsets[entry.output] = max(offsets[entry.output] ?? 0, entry.offset)
        }
        var folded = Self.fold(snapshot.entries + journal.lines)
        upgraded = snapshot.firstFormat || folded.entries.values.contains { $0.events == nil }
        if upgraded {
            let files = Set(folded.entries.values.filter { $0.events == nil }.map(\.output)).filter { !$0.isEmpty }
            let found = StateRepair.scan(files.sorted())
            for (id, entry) in folded.entries where entry.events == nil {
                folded.entries[id]?.events = found.articles[id]?.events ?? []
            }
        }
        entries = folded.entries
        order = folded.order
        seenBytes = Set(folded.entries.values.map(\.bytesHash))
        outputOffsets = offsets
        var failures: [String: FailureEntry] = [:]
        if let text = try? String(contentsOfFile: failuresPath, encoding: .utf8) {
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                if let entry = FailureEntry(line: line) { failures[entry.origin] = entry }
            }
        }
        self.failures = failures
        descriptor = open(journalPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw StateError(path: journalPath, message: String(cString: strerror(errno))) }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// One entry per article, the last line of each winning, in the order articles first appeared.
    static func fold(_ lines: [StateEntry]) -> (entries: [String: StateEntry], order: [String]) {
        var entries: [String: StateEntry] = [:]
        var order: [String] = []
        for entry in lines {
            if entries.updateValue(entry, forKey: entry.articleID) == nil { order.append(entry.articleID) }
        }
        return (entries, order)
    }

    /// Articles recorded by earlier runs (and this one so far).
    package var count: Int { lock.withLock { entries.count } }

    /// Whether these bytes were the last read of an article of an earlier run, or were read earlier in this one.
    package func contains(_ hash: String) -> Bool {
        lock.withLock { seenBytes.contains(hash) }
    }

    /// What the state holds for an article.
    package func entry(_ articleID: String) -> StateEntry? {
        lock.withLock { entries[articleID] }
    }

    /// Records an article as done: its records are written (and synced); `entry` holds the output size after
    /// them, and replaces any earlier entry of the article.
    package func markDone(_ entry: StateEntry, sync: Bool) throws(StateError) {
        let failure = FileDescriptorWriter.writeAll(descriptor, entry.line + "\n")
        if failure != 0 { throw StateError(path: journalPath, message: String(cString: strerror(failure))) }
        if sync, fsync(descriptor) != 0 {
            throw StateError(path: journalPath, message: String(cString: strerror(errno)))
        }
        lock.withLock {
            if entries.updateValue(entry, forKey: entry.articleID) == nil { order.append(entry.articleID) }
            seenBytes.insert(entry.bytesHash)
            appended += 1
        }
    }

    /// Whether an earlier run recorded this version of the input as failed for good (false with ``retryFailed``).
    package func failedBefore(_ origin: String, fingerprint: String) -> Bool {
        lock.withLock { !retryFailed && failures[origin]?.fingerprint == fingerprint }
    }

    /// Remembers a permanent failure (kept at the end of the run); the first time of the same version is kept.
    package func recordFailure(_ entry: FailureEntry) {
        lock.withLock {
            var entry = entry
            if let known = failures[entry.origin], known.fingerprint == entry.fingerprint {
                entry.firstSeen = known.firstSeen
            }
            failures[entry.origin] = entry
            failuresChanged = true
        }
    }

    /// Forgets a failure of an input that was now processed.
    package func clearFailure(_ origin: String) {
        lock.withLock {
            if failures.removeValue(forKey: origin) != nil { failuresChanged = true }
        }
    }

    /// The remembered failures, by origin.
    package var failureList: [FailureEntry] {
        lock.withLock { failures.values.sorted { $0.origin < $1.origin } }
    }

    /// Remembers bytes for this run only (inputs that failed, so duplicates in the same run are skipped).
    package func markSeenInRun(_ hash: String) {
        lock.withLock { _ = seenBytes.insert(hash) }
    }

    /// Folds the journal into a new snapshot (atomically) and empties the journal. Small states are folded
    /// after every run; a large one only when its journal has grown, so that a run every few minutes does
    /// not rewrite years of history each time. A state read in the first format is always rewritten.
    package func checkpoint(force: Bool = false) throws(StateError) {
        let failureLines = lock.withLock { () -> [String]? in
            guard failuresChanged else { return nil }
            failuresChanged = false
            return failures.values.sorted { $0.origin < $1.origin }.map(\.line)
        }
        if let failureLines {
            try Self.replace(
                failuresPath, with: ([Self.failuresHeader] + failureLines).joined(separator: "\n") + "\n",
                directory: directory)
        }
        let (lines, pending) = lock.withLock { (order.compactMap { entries[$0]?.line }, journalLines + appended) }
        guard pending > 0 || upgraded else { return }
        guard force || upgraded || lines.count < 200_000 || pending >= 20_000 else { return }
        try Self.writeSnapshot(lines, to: snapshotPath, directory: directory)
        if ftruncate(descriptor, 0) != 0 || fsync(descriptor) != 0 {
            throw StateError(path: journalPath, message: String(cString: strerror(errno)))
        }
        journalLines = 0
        upgraded = false
        lock.withLock { appended = 0 }
    }

    /// Replaces `last-run.json` atomically with `json`.
    package func writeLastRun(_ json: String) throws(StateError) {
        try Self.replace(
            (directory as NSString).appendingPathComponent("last-run.json"), with: json + "\n", directory: directory)
    }

    // MARK: - Files

    /// Whether `line` is a state line of either format.
    static func isValid(_ line: Substring) -> Bool {
        StateEntry(line: line) != nil
    }

    static func digest(_ lines: [String]) -> String {
        ContentHash.sha256Hex(ofLines: lines)
    }

    /// The snapshot's entries, and whether it was of the first format; an error when it is damaged.
    static func loadSnapshot(_ path: String) throws(StateError) -> (entries: [StateEntry], firstFormat: Bool) {
        guard let data = FileManager.default.contents(atPath: path) else { return ([], false) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw StateError(path: path, message: "not valid UTF-8; \(StateError.repairHint)")
        }
        var rows = text.split(separator: "\n", omittingEmptySubsequences: false)
        if rows.last == "" { rows.removeLast() }
        guard rows.first == Substring(header) || rows.first == Substring(firstHeader) else {
            // The development format before state 1: "hash<TAB>article id<TAB>origin", appended, no end line.
            let legacy = rows.filter { !$0.isEmpty }.map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
            if !legacy.isEmpty, data.last == 0x0A,
                legacy.allSatisfy({ $0.count == 3 && $0[0].count == 64 && $0[0].allSatisfy(\.isHexDigit) })
            {
                let entries = legacy.map {
                    StateEntry(
                        bytesHash: String($0[0]), articleID: String($0[1]), output: "", offset: 0,
                        origin: String($0[2]), version: "", events: nil)
                }
                return (entries, true)
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
        var entries: [StateEntry] = []
        for (index, line) in body.enumerated() {
            guard let entry = StateEntry(line: Substring(line)) else {
                throw StateError(path: path, message: "line \(index + 2) is not a state line; \(StateError.repairHint)")
            }
            entries.append(entry)
        }
        return (entries, rows.first == Substring(firstHeader))
    }

    /// The journal's whole lines, cutting off a torn last line (a crash mid-append).
    static func loadJournal(_ path: String) throws(StateError) -> (lines: [StateEntry], tornBytes: Int) {
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
        var lines: [StateEntry] = []
        for (index, line) in text.split(separator: "\n").enumerated() {
            guard let entry = StateEntry(line: line) else {
                throw StateError(path: path, message: "line \(index + 1) is not a state line; \(StateError.repairHint)")
            }
            lines.append(entry)
        }
        return (lines, tornBytes)
    }

    /// Writes the snapshot a megabyte at a time: a state of years of articles is not copied whole into one
    /// string (that copy, with the digest's, was most of a large run's peak memory).
    static func writeSnapshot(_ lines: [String], to path: String, directory: String) throws(StateError) {
        let trailer = "# end \(lines.count) \(digest(lines))"
        try replace(path, directory: directory) { descriptor in
            var chunk = header + "\n"
            for line in lines {
                chunk += line
                chunk += "\n"
                if chunk.utf8.count >= 1 << 20 {
                    let failure = FileDescriptorWriter.writeAll(descriptor, chunk)
                    if failure != 0 { return failure }
                    chunk = ""
                }
            }
            return FileDescriptorWriter.writeAll(descriptor, chunk + trailer + "\n")
        }
    }

    /// Replaces `path` atomically with `text`.
    static func replace(_ path: String, with text: String, directory: String) throws(StateError) {
        try replace(path, directory: directory) { FileDescriptorWriter.writeAll($0, text) }
    }

    /// Replaces `path` atomically: a temporary file in the same folder that `write` fills (returning 0 or an
    /// `errno`), synced, renamed over it, then the folder synced so that the rename itself survives a power cut.
    static func replace(_ path: String, directory: String, write: (Int32) -> Int32) throws(StateError) {
        let temporary = path + ".tmp.\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw StateError(path: temporary, message: String(cString: strerror(errno))) }
        let failure = write(descriptor)
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
