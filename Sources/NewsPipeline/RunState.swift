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
        guard let fields = Self.fields(ArraySlice(line.utf8)) else { return nil }
        let text = { (index: Int) in String(decoding: fields[index], as: UTF8.self) }
        var version = ""
        var eventList: String?
        if fields.count == 7 {
            version = fields[5].elementsEqual("-".utf8) ? "" : text(5)
            eventList = fields[6].elementsEqual("?".utf8) ? nil : text(6)
        }
        self.init(
            bytesHash: text(0), articleID: text(1), output: text(2), offset: Self.number(fields[3]) ?? 0,
            origin: text(4), version: version, eventList: eventList)
    }

    /// The fields of a state line as bytes, when it is one: seven fields (or five), the first a SHA-256 in hex,
    /// the fourth a number, the sixth (of seven) "-" or a SHA-256. Read on bytes: a state of years of articles
    /// is parsed at every start.
    static func fields(_ line: ArraySlice<UInt8>) -> [ArraySlice<UInt8>]? {
        var fields: [ArraySlice<UInt8>] = []
        fields.reserveCapacity(7)
        var start = line.startIndex
        for index in line.indices where line[index] == 0x09 {
            fields.append(line[start..<index])
            start = index + 1
        }
        fields.append(line[start...])
        guard fields.count == 5 || fields.count == 7, isDigest(fields[0]), number(fields[3]) != nil else { return nil }
        if fields.count == 7, !fields[5].elementsEqual("-".utf8), !isDigest(fields[5]) { return nil }
        return fields
    }

    /// 64 hex digits.
    static func isDigest(_ field: ArraySlice<UInt8>) -> Bool {
        field.count == 64
            && field.allSatisfy {
                (0x30...0x39).contains($0) || (0x61...0x66).contains($0) || (0x41...0x46).contains($0)
            }
    }

    /// A decimal number (an optional "-" and digits), as `Int(_:)` reads it.
    static func number(_ field: ArraySlice<UInt8>) -> Int? {
        guard field.count <= 18 else { return Int(String(decoding: field, as: UTF8.self)) }
        let digits = field.first == 0x2D ? field.dropFirst() : field
        guard !digits.isEmpty, digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        let value = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        return field.first == 0x2D ? -value : value
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
/// The entries stay in those files: what the process holds is an index of them in a ``DiskTable`` (each
/// article's id to where its last line and its first line are, and the bytes hashes already read), built by
/// reading the two files once on start, so that the memory of a run does not grow with the articles a state
/// has recorded over the years. A look-up reads the article's line back from its file; the checkpoint streams
/// the old snapshot and the journal into the new snapshot.
///
/// A state of the first format (five fields, no versions or event ids) is read, and the event ids of its
/// articles are recovered once from the output files it names, so that an upgrade writes nothing twice; it is
/// folded in memory once, into an unlinked file of current lines that serves the run until its checkpoint
/// rewrites the snapshot.
///
/// The output size recorded with each input lets the next run find records written after the last recorded
/// article (a crash between writing and recording): ``outputOffsets``.
/// Thread safety: every method may be called from any thread; the index and the files are guarded by `lock`.
package final class RunState: @unchecked Sendable {
    package let directory: String
    let snapshotPath: String
    let journalPath: String
    /// The output size after the last recorded article, per output file.
    package private(set) var outputOffsets: [String: Int] = [:]
    /// Bytes of a torn journal line cut off on load (0 when none).
    package private(set) var tornJournalBytes = 0
    /// Whether the loaded state was of the first format (the next checkpoint rewrites it).
    private var upgraded = false
    private let lock = NSLock()
    // Guarded by `lock`.
    private var index: DiskTable
    private var articles = 0
    /// The lines of the snapshot (or, for a state of an earlier format, its current lines in an unlinked file),
    /// between `bodyStart` and `bodyEnd`.
    private var snapshotDescriptor: Int32 = -1
    private var bodyStart = 0
    private var bodyEnd = 0
    /// The journal, opened to append and to read back; its bytes before `journalBase` are in the snapshot's
    /// lines already (a state of an earlier format).
    private var journalDescriptor: Int32 = -1
    private var journalBase = 0
    private var journalSize = 0
    private var journalLines = 0
    private var appended = 0
    private var failures: [String: FailureEntry] = [:]
    private var failuresChanged = false
    /// Whether remembered failures are tried again (`run --retry-failed`).
    package var retryFailed = false
    let failuresPath: String
    static let failuresHeader = "# newsevents failures 1: origin, fingerprint, stage, reason, first seen (UTC), message"

    static let header = "# newsevents state 2: sha256, article id, output, output size, origin, version, event ids"
    static let firstHeader = "# newsevents state 1: sha256, article id, output, output size, origin"
    /// Key families of the index.
    static let articleTag: UInt8 = 0x61
    static let bytesTag: UInt8 = 0x62

    /// Opens (creating if needed) the state folder and indexes what it holds.
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
        // About 300 bytes a line, two keys an article (a table too small doubles as it fills).
        let stored = Self.fileSize(snapshotPath) + Self.fileSize(journalPath)
        index = try DiskTable(folder: directory, expected: stored / 150)
        journalDescriptor = open(journalPath, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard journalDescriptor >= 0 else {
            throw StateError(path: journalPath, message: String(cString: strerror(errno)))
        }
        try cutTornJournal()
        if try !loadCurrentFormat() {
            try loadEarlierFormat()
        }
        var failures: [String: FailureEntry] = [:]
        if let text = try? String(contentsOfFile: failuresPath, encoding: .utf8) {
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                if let entry = FailureEntry(line: line) { failures[entry.origin] = entry }
            }
        }
        self.failures = failures
    }

    deinit {
        if journalDescriptor >= 0 { close(journalDescriptor) }
        if snapshotDescriptor >= 0 { close(snapshotDescriptor) }
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
    package var count: Int { lock.withLock { articles } }

    /// Whether these bytes were the last read of an article of an earlier run, or were read earlier in this one.
    package func contains(_ hash: String) throws(StateError) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return try index.values(for: DiskTable.Key(hash, tag: Self.bytesTag)) != nil
    }

    /// What the state holds for an article.
    package func entry(_ articleID: String) throws(StateError) -> StateEntry? {
        lock.lock()
        defer { lock.unlock() }
        guard let found = try index.values(for: DiskTable.Key(articleID, tag: Self.articleTag)) else { return nil }
        let line = try readLine(at: found.first)
        guard let entry = StateEntry(line: Substring(String(decoding: line, as: UTF8.self))),
            entry.articleID == articleID
        else { return nil }
        return entry
    }

    /// Records an article as done: its records are written (and synced); `entry` holds the output size after
    /// them, and replaces any earlier entry of the article.
    package func markDone(_ entry: StateEntry, sync: Bool) throws(StateError) {
        let text = entry.line + "\n"
        lock.lock()
        let location = Self.location(journalSize, inJournal: true)
        let failure = FileDescriptorWriter.writeAll(journalDescriptor, text)
        if failure == 0 { journalSize += text.utf8.count }
        lock.unlock()
        if failure != 0 { throw StateError(path: journalPath, message: String(cString: strerror(failure))) }
        if sync, fsync(journalDescriptor) != 0 {
            throw StateError(path: journalPath, message: String(cString: strerror(errno)))
        }
        lock.lock()
        defer { lock.unlock() }
        try note(key: DiskTable.Key(entry.articleID, tag: Self.articleTag), at: location)
        try index.insert(DiskTable.Key(entry.bytesHash, tag: Self.bytesTag))
        appended += 1
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
    package func markSeenInRun(_ hash: String) throws(StateError) {
        lock.lock()
        defer { lock.unlock() }
        try index.insert(DiskTable.Key(hash, tag: Self.bytesTag))
    }

    /// Folds the journal into a new snapshot (atomically) and empties the journal. Small states are folded
    /// after every run; a large one only when its journal has grown, so that a run every few minutes does
    /// not rewrite years of history each time. A state read in the first format is always rewritten.
    ///
    /// The new snapshot is streamed: each article's last line, at the place of its first, from the old
    /// snapshot's and the journal's lines read a megabyte at a time.
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
        lock.lock()
        defer { lock.unlock() }
        let pending = journalLines + appended
        guard pending > 0 || upgraded else { return }
        guard force || upgraded || articles < 200_000 || pending >= 20_000 else { return }
        var problem: StateError?
        var digest = ContentHash.LinesDigest()
        var written = 0
        try Self.replace(snapshotPath, directory: directory) { descriptor in
            var chunk = Array((Self.header + "\n").utf8)
            do throws(StateError) {
                try forEachLine { (line, location) throws(StateError) in
                    guard let id = Self.field(1, of: line),
                        let found = try index.values(for: DiskTable.Key(bytes: id, tag: Self.articleTag)),
                        found.second == location
                    else { return }
                    let last = found.first == location ? Array(line) : try readLine(at: found.first)
                    digest.add(last)
                    written += 1
                    chunk += last
                    chunk.append(0x0A)
                    if chunk.count >= 1 << 20 {
                        let failure = chunk.withUnsafeBytes { FileDescriptorWriter.writeAll(descriptor, bytes: $0) }
                        if failure != 0 {
                            throw StateError(path: snapshotPath, message: String(cString: strerror(failure)))
                        }
                        chunk.removeAll(keepingCapacity: true)
                    }
                }
            } catch {
                problem = error
                return EIO
            }
            chunk += Array("# end \(written) \(digest.hex())\n".utf8)
            return chunk.withUnsafeBytes { FileDescriptorWriter.writeAll(descriptor, bytes: $0) }
        }
        if let problem { throw problem }
        // The journal is folded: point the index at the new snapshot, then empty the journal.
        guard let fresh = try openCurrentSnapshot() else {
            throw StateError(path: snapshotPath, message: "the snapshot just written cannot be read back")
        }
        if snapshotDescriptor >= 0 { close(snapshotDescriptor) }
        snapshotDescriptor = fresh.descriptor
        bodyStart = fresh.bodyStart
        bodyEnd = fresh.size
        var reader = LineReader(descriptor: snapshotDescriptor, from: bodyStart, to: bodyEnd)
        while let line = reader.next() {
            guard line.bytes.first != 0x23, let id = Self.field(1, of: line.bytes) else {
                bodyEnd = line.offset
                continue
            }
            let location = Self.location(line.offset, inJournal: false)
            try index.set(DiskTable.Key(bytes: id, tag: Self.articleTag), DiskTable.Values(location, location))
        }
        if ftruncate(journalDescriptor, 0) != 0 || fsync(journalDescriptor) != 0 {
            throw StateError(path: journalPath, message: String(cString: strerror(errno)))
        }
        journalBase = 0
        journalSize = 0
        journalLines = 0
        appended = 0
        upgraded = false
    }

    /// Replaces `last-run.json` atomically with `json`.
    package func writeLastRun(_ json: String) throws(StateError) {
        try Self.replace(
            (directory as NSString).appendingPathComponent("last-run.json"), with: json + "\n", directory: directory)
    }

    // MARK: - Index

    /// Where a line is: its offset, shifted left, and whether it is in the journal (lowest bit).
    static func location(_ offset: Int, inJournal: Bool) -> UInt64 {
        UInt64(offset) << 1 | (inJournal ? 1 : 0)
    }

    /// Records that the article's last line is at `location` (and its first, when it is new).
    private func note(key: DiskTable.Key, at location: UInt64) throws(StateError) {
        let new = try index.update(key) { known in
            DiskTable.Values(location, known?.second ?? location)
        }
        if new { articles += 1 }
    }

    /// The line at `location`, without its newline.
    private func readLine(at location: UInt64) throws(StateError) -> [UInt8] {
        let inJournal = location & 1 == 1
        var reader = LineReader(
            descriptor: inJournal ? journalDescriptor : snapshotDescriptor, from: Int(location >> 1), to: Int.max,
            chunkSize: 512)
        let line = reader.next()
        if reader.failure != 0 {
            throw StateError(
                path: inJournal ? journalPath : snapshotPath,
                message: "cannot read it: \(String(cString: strerror(reader.failure)))")
        }
        return line.map { Array($0.bytes) } ?? []
    }

    /// Every line of the snapshot's body, then every line of the journal past its base, with its location.
    private func forEachLine(_ body: (ArraySlice<UInt8>, UInt64) throws(StateError) -> Void) throws(StateError) {
        let parts = [
            (snapshotDescriptor, bodyStart, bodyEnd, false, snapshotPath),
            (journalDescriptor, journalBase, journalSize, true, journalPath),
        ]
        for (descriptor, start, end, inJournal, path) in parts where descriptor >= 0 {
            var reader = LineReader(descriptor: descriptor, from: start, to: end)
            while let line = reader.next() {
                guard !line.bytes.isEmpty else { continue }
                try body(line.bytes, Self.location(line.offset, inJournal: inJournal))
            }
            if reader.failure != 0 {
                throw StateError(path: path, message: "cannot read it: \(String(cString: strerror(reader.failure)))")
            }
        }
    }

    /// Field `number` (from 0) of a state line.
    static func field(_ number: Int, of line: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        var start = line.startIndex
        var current = 0
        for index in line.indices where line[index] == 0x09 {
            if current == number { return line[start..<index] }
            current += 1
            start = index + 1
        }
        return current == number ? line[start...] : nil
    }

    /// Adds the bytes hash of each article's last line to the index (the bytes of a version that a later
    /// version replaced are read again, as they were before the index).
    private func indexLastBytes() throws(StateError) {
        try forEachLine { (line, location) throws(StateError) in
            guard let id = Self.field(1, of: line), let bytes = Self.field(0, of: line),
                try index.values(for: DiskTable.Key(bytes: id, tag: Self.articleTag))?.first == location
            else { return }
            try index.insert(DiskTable.Key(bytes: bytes, tag: Self.bytesTag))
        }
    }

    // MARK: - Loading

    static func fileSize(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    /// Cuts a last journal line without its newline (a crash mid-append) and notes how many bytes went.
    private func cutTornJournal() throws(StateError) {
        var info = stat()
        guard fstat(journalDescriptor, &info) == 0 else {
            throw StateError(path: journalPath, message: String(cString: strerror(errno)))
        }
        let size = Int(info.st_size)
        journalSize = size
        guard size > 0 else { return }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var end = size
        var cut = 0
        while end > 0 {
            let start = max(0, end - chunk.count)
            let count = chunk.withUnsafeMutableBytes {
                pread(journalDescriptor, $0.baseAddress!, end - start, off_t(start))
            }
            guard count == end - start else {
                throw StateError(path: journalPath, message: "cannot read it: \(String(cString: strerror(errno)))")
            }
            if let newline = chunk[0..<count].lastIndex(of: 0x0A) {
                cut = start + newline + 1
                break
            }
            end = start
        }
        guard cut < size else { return }
        tornJournalBytes = size - cut
        if ftruncate(journalDescriptor, off_t(cut)) != 0 {
            throw StateError(
                path: journalPath, message: "cannot cut its torn last line: \(String(cString: strerror(errno)))")
        }
        journalSize = cut
    }

    /// Indexes one line read on start (its article's last and first places), noting its output's size and
    /// whether its events are unknown; false when it is no state line.
    private func indexLine(
        _ line: ArraySlice<UInt8>, at location: UInt64, offsets: inout [String: Int], eventsUnknown: inout Bool
    ) throws(StateError) -> Bool {
        guard let fields = StateEntry.fields(line) else { return false }
        let output = String(decoding: fields[2], as: UTF8.self)
        offsets[output] = max(offsets[output] ?? 0, StateEntry.number(fields[3]) ?? 0)
        if fields.count == 5 || fields[6].elementsEqual("?".utf8) { eventsUnknown = true }
        try note(key: DiskTable.Key(bytes: fields[1], tag: Self.articleTag), at: location)
        return true
    }

    static func isUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.allSatisfy { $0 < 0x80 } || String(validating: bytes, as: UTF8.self) != nil
    }

    /// The snapshot opened to read when it starts with the current header: its descriptor, where its lines
    /// start, and its size; nil when there is none or it is of an earlier format (or no state at all).
    private func openCurrentSnapshot() throws(StateError) -> (descriptor: Int32, bodyStart: Int, size: Int)? {
        let descriptor = open(snapshotPath, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw StateError(path: snapshotPath, message: String(cString: strerror(errno)))
        }
        var reader = LineReader(descriptor: descriptor, from: 0, to: Int.max, chunkSize: 256)
        var info = stat()
        guard let first = reader.next(), first.bytes.elementsEqual(Self.header.utf8), fstat(descriptor, &info) == 0
        else {
            close(descriptor)
            return nil
        }
        return (descriptor, first.bytes.count + 1, Int(info.st_size))
    }

    /// Indexes a snapshot of the current format and the journal, checking the snapshot's end line as the old
    /// whole-file reading did (and with the same messages); false, with nothing indexed, when the snapshot is of
    /// an earlier format or a line's events are unknown, which ``loadEarlierFormat()`` folds in memory.
    private func loadCurrentFormat() throws(StateError) -> Bool {
        var offsets: [String: Int] = [:]
        var eventsUnknown = false
        if let snapshot = try openCurrentSnapshot() {
            snapshotDescriptor = snapshot.descriptor
            bodyStart = snapshot.bodyStart
            var reader = LineReader(descriptor: snapshot.descriptor, from: snapshot.bodyStart, to: snapshot.size)
            var digest = ContentHash.LinesDigest()
            var lines = 0
            var invalidUTF8 = false
            var badLine: Int?
            var previous: LineReader.Line?
            while let line = reader.next() {
                if let body = previous {
                    lines += 1
                    digest.add(body.bytes)
                    if !Self.isUTF8(body.bytes) {
                        invalidUTF8 = true
                    } else if try !indexLine(
                        body.bytes, at: Self.location(body.offset, inJournal: false), offsets: &offsets,
                        eventsUnknown: &eventsUnknown), badLine == nil
                    {
                        badLine = lines + 1
                    }
                }
                previous = line
            }
            if reader.failure != 0 {
                throw StateError(
                    path: snapshotPath, message: "cannot read it: \(String(cString: strerror(reader.failure)))")
            }
            if invalidUTF8 {
                throw StateError(path: snapshotPath, message: "not valid UTF-8; \(StateError.repairHint)")
            }
            guard let trailer = previous, trailer.bytes.starts(with: "# end ".utf8) else {
                throw StateError(
                    path: snapshotPath,
                    message: "has no end line (truncated, \(snapshot.size) bytes); \(StateError.repairHint)")
            }
            let parts = String(decoding: trailer.bytes, as: UTF8.self).split(separator: " ")
            guard parts.count == 4, Int(parts[2]) == lines, parts[3] == Substring(digest.hex()) else {
                throw StateError(
                    path: snapshotPath,
                    message: "its end line does not match its \(lines) lines (damaged); \(StateError.repairHint)")
            }
            if let badLine {
                throw StateError(
                    path: snapshotPath, message: "line \(badLine) is not a state line; \(StateError.repairHint)")
            }
            bodyEnd = trailer.offset
        } else if FileManager.default.fileExists(atPath: snapshotPath) {
            return false
        }
        var reader = LineReader(descriptor: journalDescriptor, from: 0, to: journalSize)
        var number = 0
        while let line = reader.next() {
            number += 1
            guard !line.bytes.isEmpty else { continue }
            guard Self.isUTF8(line.bytes) else {
                throw StateError(path: journalPath, message: "not valid UTF-8; \(StateError.repairHint)")
            }
            guard
                try indexLine(
                    line.bytes, at: Self.location(line.offset, inJournal: true), offsets: &offsets,
                    eventsUnknown: &eventsUnknown)
            else {
                throw StateError(
                    path: journalPath, message: "line \(number) is not a state line; \(StateError.repairHint)")
            }
            journalLines += 1
        }
        if reader.failure != 0 {
            throw StateError(path: journalPath, message: "cannot read it: \(String(cString: strerror(reader.failure)))")
        }
        if eventsUnknown {
            index = try DiskTable(folder: directory)
            articles = 0
            journalLines = 0
            close(snapshotDescriptor)
            snapshotDescriptor = -1
            return false
        }
        try indexLastBytes()
        outputOffsets = offsets
        return true
    }

    /// A state of an earlier format (or with lines whose events are unknown): read whole and folded in memory
    /// as before the index, the event ids recovered from the output files, and the folded lines written in the
    /// current format to an unlinked file that serves as the snapshot until the checkpoint (which always
    /// follows an upgrade) writes the real one. Happens once per state.
    private func loadEarlierFormat() throws(StateError) {
        let snapshot = try Self.loadSnapshot(snapshotPath)
        let journal = try Self.loadJournal(journalPath)
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
        let descriptor = try DiskTable.unlinkedFile(in: directory)
        snapshotDescriptor = descriptor
        let header = Self.header + "\n"
        let body = folded.order.compactMap { folded.entries[$0]?.line }.map { $0 + "\n" }.joined()
        let failure = FileDescriptorWriter.writeAll(descriptor, header + body)
        if failure != 0 {
            throw StateError(
                path: directory, message: "cannot write a temporary file: \(String(cString: strerror(failure)))")
        }
        bodyStart = header.utf8.count
        bodyEnd = bodyStart + body.utf8.count
        journalBase = journalSize
        try forEachLine { (line, location) throws(StateError) in
            guard let id = Self.field(1, of: line) else { return }
            try note(key: DiskTable.Key(bytes: id, tag: Self.articleTag), at: location)
        }
        try indexLastBytes()
        outputOffsets = offsets
    }

    // MARK: - Files

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

/// A file's lines between two offsets, each with its offset, read with `pread` a chunk at a time (the
/// descriptor's position is neither used nor moved). A last line without its newline is given as it is.
struct LineReader {
    struct Line {
        var offset: Int
        var bytes: ArraySlice<UInt8>
    }

    private let descriptor: Int32
    /// The file offset of `buffer[0]`.
    private var position: Int
    private var end: Int
    private let chunkSize: Int
    private var buffer: [UInt8] = []
    private var cursor = 0
    /// The `errno` of a failed read (the lines end there), or 0.
    private(set) var failure: Int32 = 0

    init(descriptor: Int32, from start: Int, to end: Int, chunkSize: Int = 1 << 20) {
        self.descriptor = descriptor
        position = start
        self.end = end
        self.chunkSize = chunkSize
    }

    mutating func next() -> Line? {
        var searchFrom = cursor
        while true {
            if let newline = buffer[searchFrom...].firstIndex(of: 0x0A) {
                let line = Line(offset: position + cursor, bytes: buffer[cursor..<newline])
                cursor = newline + 1
                return line
            }
            let next = position + buffer.count
            if next >= end {
                guard cursor < buffer.count else { return nil }
                let line = Line(offset: position + cursor, bytes: buffer[cursor...])
                cursor = buffer.count
                return line
            }
            if cursor > 0 {
                buffer.removeFirst(cursor)
                position += cursor
                cursor = 0
            }
            searchFrom = buffer.count
            let want = min(chunkSize, end - next)
            let old = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: want))
            let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + old, want, off_t(next)) }
            if count < 0, errno == EINTR {
                buffer.removeLast(want)
                continue
            }
            if count <= 0 {
                if count < 0 { failure = errno }
                buffer.removeLast(want)
                end = next
                continue
            }
            buffer.removeLast(want - count)
        }
    }
}
