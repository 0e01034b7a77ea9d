import Foundation
import Logging
import NewsModel
import NewsSink

/// The sink stage: turns outcomes into JSON Lines, drops records whose id was already written in this run,
/// writes each article's lines in one append, syncs, then marks the article done in the run state.
///
/// Only touched on the scheduler's sink queue (outcomes arrive there in input order); `summary` and
/// `fatalError` are read after the scheduler has finished.
package final class RecordSink: @unchecked Sendable {
    package private(set) var summary = RunSummary()
    /// A write failure that makes going on pointless (disk full, output removed).
    package private(set) var fatalError: SinkError?

    private let writer: JSONLinesWriter
    private let renderer: RecordRenderer
    private let fsyncEachArticle: Bool
    private let state: RunState?
    private let logger: Logger
    private let logFormat: LogFormat
    private let errorsToOutput: Bool
    private let onFatal: @Sendable () -> Void
    private let warnOnEmptyArticles: Bool
    private var writtenIDs = Set<String>()
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
        alreadyWritten: Set<String> = [], onFatal: @escaping @Sendable () -> Void
    ) {
        self.writtenIDs = alreadyWritten
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
        guard fatalError == nil else { return }
        summary.inputs += 1
        reopenLock.withLock { consumed += 1 }
        switch outcome {
        case .skipped(let origin, let reason):
            summary.skipped[reason, default: 0] += 1
            logger.debug("skipped \(origin): \(reason)")
        case .failure(let failure):
            summary.failures[failure.reason, default: 0] += 1
            report(failure)
            if errorsToOutput { write([failure.record.serialized()]) }
        case .article(let article):
            summary.articles += 1
            if article.cleaned.text.isEmpty {
                summary.emptyArticles += 1
                // A filter says so on standard error, so that an empty output is never silent; a batch run only
                // counts it (a section front in a feed is not trouble).
                let message: Logger.Message =
                    "\(article.input.origin): no article text: \(article.cleaned.emptyReason ?? "empty")"
                if warnOnEmptyArticles { logger.warning(message) } else { logger.info(message) }
            }
            summary.events += article.extraction.events.count
            var lines: [String] = []
            for record in renderer.records(for: article) {
                guard writtenIDs.insert(record.id).inserted else {
                    summary.duplicateRecords += 1
                    continue
                }
                lines.append(record.line)
            }
            guard write(lines) else { return }
            summary.records += lines.count
            if let state {
                do {
                    if fsyncEachArticle, !lines.isEmpty { try writer.sync() }
                    try state.markDone(
                        hash: article.input.contentHash, articleID: RecordEncoder.articleID(article),
                        origin: article.input.origin, output: writer.path, offset: writer.offset,
                        sync: fsyncEachArticle)
                } catch let error as SinkError {
                    fail(error)
                } catch {
                    logger.error("cannot record progress: \(error)")
                }
            }
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

    private func fail(_ error: SinkError) {
        guard fatalError == nil else { return }
        fatalError = error
        logger.critical("\(error.description)")
        onFatal()
    }

    private func report(_ failure: ArticleFailure) {
        switch logFormat {
        case .json:
            StderrLogHandler.writeStderr(failure.record.serialized() + "\n")
        case .text:
            logger.error(
                "\(failure.origin): \(failure.message)",
                metadata: ["stage": "\(failure.stage)", "reason": "\(failure.reason)"])
        }
    }
}
