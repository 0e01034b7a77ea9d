import Foundation
import Logging
import NewsDatabase
import NewsModel
import NewsSink

/// The sink stage: turns outcomes into JSON Lines, drops records whose id was already written in this run,
/// writes each article's lines in one append, syncs, loads the article's rows into the database when there is one
/// (one transaction; rows already there are left alone), then marks the article done in the run state.
///
/// Only touched on the scheduler's sink queue (outcomes arrive there in input order); `summary` and
/// `fatalError` are read after the scheduler has finished.
package final class RecordSink: @unchecked Sendable {
    package private(set) var summary = RunSummary()
    /// A write failure that makes going on pointless (disk full, output removed).
    package private(set) var fatalError: SinkError?
    /// The run state could not be read (its index file), which makes going on unsafe: an article's earlier
    /// records could be written again.
    package private(set) var stateFailure: StateError?

    private let writer: JSONLinesWriter
    private let renderer: RecordRenderer
    private let fsyncEachArticle: Bool
    private let state: RunState?
    private let logger: Logger
    private let logFormat: LogFormat
    private let errorsToOutput: Bool
    private let onFatal: @Sendable () -> Void
    private let warnOnEmptyArticles: Bool
    /// The ids written in this run (and those an interrupted run left after the last recorded article): in memory
    /// up to a bound, then in a file, so that a run over millions of articles keeps a flat peak.
    private let writtenIDs: RecordIDSet
    /// The PostgreSQL sink (`[sink] postgres`): gets every record of each article, whatever the output already has.
    private let database: PostgresStore?
    /// Called for a source file read whole once everything read from it is consumed (see ``consume(_:)``).
    private let onSourceRead: (@Sendable (_ path: String, _ stamp: String) -> Void)?
    /// Source files (the part of an origin before its last `@`) with a failure that may pass another time (a
    /// time budget, a read error): they are not remembered as read, so that a later run tries them again.
    private var sourcesToRetry = Set<String>()
    /// The input (its id, else its origin) whose records first carried each article, this run (status records).
    private var firstInputOfArticle: [String: String] = [:]
    private let reopenLock = NSLock()
    // Guarded by `reopenLock`.
    private var reopenRequested = false

    // Guarded by `reopenLock`.
    private var consumed = 0

    /// Outcomes consumed so far (for the progress line). Safe from any thread.
    package var done: Int { reopenLock.withLock { consumed } }

    /// Asks the sink to reopen its output before its next write (SIGHUP). Safe from any thread.
    package func requestReopen() {
        reopenLock.withLock { reopenRequested = true }
    }

    /// - Parameters:
    ///   - errorsToOutput: also write `newsevents.error/1` records to the output (the `--input jsonl`
    ///     streaming contract: every input line gets a record).
    ///   - onFatal: called once when writing fails, to stop the scheduler.
    package init(
        writer: JSONLinesWriter, renderer: RecordRenderer, fsyncEachArticle: Bool, state: RunState?, logger: Logger,
        logFormat: LogFormat, errorsToOutput: Bool, warnOnEmptyArticles: Bool = false,
        alreadyWritten: Set<String> = [], onSourceRead: (@Sendable (String, String) -> Void)? = nil,
        database: PostgresStore? = nil, onFatal: @escaping @Sendable () -> Void
    ) {
        self.database = database
        if database != nil { summary.database = WriteCounts() }
        self.onSourceRead = onSourceRead
        writtenIDs = RecordIDSet(folder: state?.directory ?? NSTemporaryDirectory())
        for id in alreadyWritten { _ = try? writtenIDs.insert(id) }
        self.warnOnEmptyArticles = warnOnEmptyArticles
        self.writer = writer
        self.renderer = renderer
        self.fsyncEachArticle = fsyncEachArticle
        self.state = state
        self.logger = logger
        self.logFormat = logFormat
        self.errorsToOutput = errorsToOutput
        self.onFatal = onFatal
    }

    package func consume(_ outcome: ArticleOutcome) {
        guard fatalError == nil, stateFailure == nil else { return }
        if case .sourceRead(let path, let stamp) = outcome {
            // Every record of the file is written (outcomes arrive in input order): remember it, unless one of
            // its pages failed in a way that may pass another time.
            if sourcesToRetry.remove(path) == nil { onSourceRead?(path, stamp) }
            return
        }
        summary.inputs += 1
        reopenLock.withLock { consumed += 1 }
        switch outcome {
        case .skipped(let origin, let reason):
            summary.skipped[reason, default: 0] += 1
            logger.debug("skipped \(origin): \(reason)")
        case .failure(let failure):
            summary.failures[failure.reason, default: 0] += 1
            if failure.fingerprint == nil, let at = failure.origin.lastIndex(of: "@") {
                sourcesToRetry.insert(String(failure.origin[..<at]))
            }
            report(failure)
            if let state, let fingerprint = failure.fingerprint {
                state.recordFailure(
                    FailureEntry(
                        origin: failure.origin, fingerprint: fingerprint, stage: failure.stage, reason: failure.reason,
                        firstSeen: ISO8601DateFormatter().string(from: Date()), message: failure.message))
            }
            if errorsToOutput { write([failure.record.serialized()]) }
        case .article(let article):
            state?.clearFailure(article.input.origin)
            let articleID = RecordEncoder.articleID(article)
            // The version and the event ids matter only to a run state (filters keep none).
            let version = state.map { _ in RecordEncoder.articleVersion(article) }
            guard case .success(let prior) = lookUp(articleID) else { return }
            if let prior, prior.version == version {
                // Read twice in this run with different bytes but the same text: already written.
                record(unchanged: article.input, prior: prior)
                return
            }
            summary.articles += 1
            if article.cleaned.text.isEmpty {
                summary.emptyArticles += 1
                // A filter says so on standard error, so that an empty output is never silent; a batch run only
                // counts it (a section front in a feed is not trouble).
                let message: Logger.Message =
                    "\(article.input.origin): no article text: \(article.cleaned.emptyReason ?? "empty")"
                if warnOnEmptyArticles { logger.warning(message) } else { logger.info(message) }
            }
            for warning in article.cleaned.warnings {
                // What was cut to read the article: a filter's user sees it; a batch run counts it.
                let message: Logger.Message = "\(article.input.origin): \(warning.code.rawValue): \(warning.message)"
                if warnOnEmptyArticles { logger.warning(message) } else { logger.info(message) }
                summary.warnings[warning.code.rawValue, default: 0] += 1
            }
            summary.events += article.extraction.events.count
            if let language = Self.uncoveredLanguage(article) {
                // Zero events from a text the rules cannot read is no finding: say so (a batch run only counts it).
                let message: Logger.Message =
                    "\(article.input.origin): the article is in '\(language)'; the extract stage reads English only"
                if warnOnEmptyArticles { logger.warning(message) } else { logger.info(message) }
            }
            var lines: [String] = []
            let records = renderer.records(for: article)
            // A new version of an article an earlier run wrote: its events already in the output are not
            // written again, and those it no longer has are withdrawn by retraction records.
            let earlier = Set(prior?.events ?? [])
            let eventIDs =
                state == nil ? [] : article.extraction.events.map { StableID.event(articleID: articleID, event: $0) }
            var retractions: [(id: String, line: String)] = []
            var retractionRecords: [JSONValue] = []
            if renderer == .events, let priorEvents = prior?.events, let version {
                let current = Set(eventIDs)
                for event in priorEvents where !current.contains(event) {
                    let retraction = RecordEncoder.retractionRecord(
                        eventID: event, articleID: articleID, contentHash: article.input.contentHash, version: version)
                    retractions.append((retraction.id, retraction.json.serialized()))
                    retractionRecords.append(retraction.json)
                }
                summary.retractions += retractions.count
            }
            for record in records + retractions {
                let new: Bool
                do {
                    new = try renderer != .events || !earlier.contains(record.id) ? writtenIDs.insert(record.id) : false
                } catch {
                    failState(error)
                    return
                }
                guard new else {
                    summary.duplicateRecords += 1
                    continue
                }
                lines.append(record.line)
            }
            if errorsToOutput, lines.isEmpty {
                // The streaming contract: every input line gives a record, so a consumer can account for it.
                lines.append(statusRecord(article, articleID: articleID, recordsFound: !records.isEmpty).serialized())
            } else if errorsToOutput, !lines.isEmpty {
                firstInputOfArticle[articleID] =
                    firstInputOfArticle[articleID] ?? article.input.inputID ?? article.input.origin
            }
            guard write(lines) else { return }
            summary.records += lines.count
            // The database gets the article's rows even when the output already had its lines (a run killed
            // between the two): rows already in the database are left alone.
            if let database {
                guard load(article, retractions: retractionRecords, into: database) else { return }
            }
            if let state {
                do {
                    if fsyncEachArticle, !lines.isEmpty { try writer.sync() }
                    try state.markDone(
                        StateEntry(
                            bytesHash: article.input.contentHash, articleID: articleID, output: writer.path,
                            offset: writer.offset, origin: article.input.origin, version: version ?? "",
                            events: eventIDs),
                        sync: fsyncEachArticle)
                } catch let error as SinkError {
                    fail(error)
                } catch {
                    logger.error("cannot record progress: \(error)")
                }
            }
        case .unchanged(let input, let articleID):
            guard case .success(let found) = lookUp(articleID), let prior = found else { return }
            record(unchanged: input, prior: prior)
        case .sourceRead:
            break  // handled above
        }
    }

    /// Writes the article's rows (its article record, which carries its entities, its event records, which carry
    /// their rules, and its retractions) in one transaction; false after stopping the run on a failure.
    private func load(_ article: ProcessedArticle, retractions: [JSONValue], into database: PostgresStore) -> Bool {
        var batch = RowBatch()
        do {
            try batch.add(RecordEncoder.articleRecord(article).json)
            for record in RecordEncoder.eventRecords(article) { try batch.add(record.json) }
            for record in retractions { try batch.add(record) }
            summary.database? += try database.write(batch)
            return true
        } catch let problem as RecordProblem {
            fail(.database("cannot load \(article.input.origin) into PostgreSQL: \(problem)"))
        } catch {
            fail(.database("\(error)"))
        }
        return false
    }

    /// The `newsevents.status/1` record of an input that gave no other record: its text was empty, it told no
    /// event, or every record it gave was already written for an earlier input of this run.
    private func statusRecord(_ article: ProcessedArticle, articleID: String, recordsFound: Bool) -> JSONValue {
        let input = article.input
        if article.cleaned.text.isEmpty {
            let reason = article.cleaned.emptyReason ?? "empty"
            return RecordEncoder.statusRecord(
                input: input, articleID: articleID, status: "empty", duplicateOf: nil,
                message: "no article text: \(reason)")
        }
        if recordsFound {
            let first = firstInputOfArticle[articleID]
            return RecordEncoder.statusRecord(
                input: input, articleID: articleID, status: "duplicate", duplicateOf: first,
                message:
                    "the same article as input \(first.map { "'\($0)'" } ?? "before"); its records were written for it")
        }
        let reason =
            Self.uncoveredLanguage(article).map { "the article is in '\($0)'; the extract stage reads English only" }
            ?? "the article tells no event the coder knows"
        return RecordEncoder.statusRecord(
            input: input, articleID: articleID, status: "no-events", duplicateOf: nil, message: reason)
    }

    /// The language of an article that gave no event and is not in English (the only language the extract
    /// stage's rules and gazetteers read), else nil.
    static func uncoveredLanguage(_ article: ProcessedArticle) -> String? {
        guard article.extraction.events.isEmpty, let language = article.cleaned.language,
            !language.lowercased().hasPrefix("en")
        else { return nil }
        return language
    }

    /// An input whose article version the state already holds: counted as skipped ("unchanged"), and its bytes
    /// recorded so that the next read of the same bytes is skipped unread.
    private func record(unchanged input: ArticleInputSummary, prior: StateEntry) {
        summary.skipped["unchanged", default: 0] += 1
        logger.debug("skipped \(input.origin): unchanged")
        guard let state, prior.bytesHash != input.contentHash else { return }
        var entry = prior
        entry.bytesHash = input.contentHash
        entry.origin = input.origin
        do {
            try state.markDone(entry, sync: fsyncEachArticle)
        } catch {
            logger.error("cannot record progress: \(error)")
        }
    }

    @discardableResult
    private func write(_ lines: [String]) -> Bool {
        do {
            if reopenLock.withLock({ () -> Bool in
                defer { reopenRequested = false }
                return reopenRequested
            }) {
                try writer.reopen()
            }
            try writer.append(lines)
            return true
        } catch {
            fail(error)
            return false
        }
    }

    /// What the state holds for an article (nil without a state); a state that cannot be read stops the run.
    private func lookUp(_ articleID: String) -> Result<StateEntry?, StateError> {
        do {
            return .success(try state?.entry(articleID))
        } catch {
            failState(error)
            return .failure(error)
        }
    }

    /// Stops the run when the state cannot be read; the session reports it when the scheduler has finished.
    private func failState(_ error: StateError) {
        guard stateFailure == nil else { return }
        stateFailure = error
        onFatal()
    }

    /// Stops the run on a write failure; the session reports it (once) when the scheduler has finished.
    private func fail(_ error: SinkError) {
        guard fatalError == nil else { return }
        fatalError = error
        onFatal()
    }

    private func report(_ failure: ArticleFailure) {
        switch logFormat {
        case .json:
            guard logger.logLevel <= .error else { return }
            StderrLogHandler.writeStderr(
                StderrLogHandler.jsonLine(
                    level: .error, message: "\(failure.origin): \(failure.message)",
                    fields: [
                        ("stage", .string(failure.stage)), ("reason", .string(failure.reason)),
                        ("input", .string(failure.origin)), ("input_id", .optional(failure.inputID)),
                        ("url", .optional(failure.url)), ("http_status", failure.httpStatus.map { .int($0) } ?? .null),
                        ("record", failure.record),
                    ]))
        case .text:
            logger.error(
                "\(failure.origin): \(failure.message)",
                metadata: ["stage": "\(failure.stage)", "reason": "\(failure.reason)"])
        }
    }
}
