import Foundation
import Logging
import NewsClean
import NewsDatabase
import NewsFetch
import NewsModel
import NewsSink

/// Everything one command invocation needs to process a stream of jobs into an output.
package struct SessionRequest {
    /// Where jobs come from.
    package var jobs: JobSource
    package var renderer: RecordRenderer
    /// Output JSON Lines path, or `-` for standard output.
    package var outputPath: String
    package var fsyncEachArticle: Bool
    /// The run-state folder; nil to process everything and remember nothing (the filter commands).
    package var stateDirectory: String?
    package var workers: Int
    package var maxInFlight: Int
    /// The bounds on one input: its bytes (also after decompression), its parse, its time and its text.
    package var limits: CleanLimits
    /// Whether an article with no text is a warning (the filter commands) rather than an info line.
    package var warnOnEmptyArticles = false
    /// Whether error records also go to the output (the `--input jsonl` contract).
    package var errorsToOutput: Bool
    /// Seconds to wait for another run's lock on the state folder (nil: refuse at once).
    package var lockWait: Double?
    /// Whether inputs that failed for good in earlier runs are tried again (`run --retry-failed`).
    package var retryFailed = false
    /// Called by the sink, in input order, for each source file read whole whose records are all written.
    package var onSourceRead: (@Sendable (_ path: String, _ stamp: String) -> Void)?
    /// Runs after the scheduler, while the lock is still held (the fetch state is saved there).
    package var onFinished: (@Sendable () throws(StateError) -> Void)?
    /// The number of inputs, when a live progress line is wanted (an interactive terminal); nil for none.
    package var progressTotal: Int?
    /// The PostgreSQL database each article's records also go to (`[sink] postgres`), with the password read.
    package var database: DatabaseSettings?
    /// Unix time for dated output paths (tests inject one).
    package var clock: @Sendable () -> Int = { Int(Date().timeIntervalSince1970) }

    package init(
        jobs: JobSource, renderer: RecordRenderer, outputPath: String, fsyncEachArticle: Bool, stateDirectory: String?,
        workers: Int, maxInFlight: Int, limits: CleanLimits, errorsToOutput: Bool
    ) {
        self.jobs = jobs
        self.renderer = renderer
        self.outputPath = outputPath
        self.fsyncEachArticle = fsyncEachArticle
        self.stateDirectory = stateDirectory
        self.workers = workers
        self.maxInFlight = maxInFlight
        self.limits = limits
        self.errorsToOutput = errorsToOutput
    }
}

/// Why a session could not run at all (as opposed to per-article failures, which it counts).
package enum SessionError: Error, CustomStringConvertible {
    case sink(SinkError)
    case state(StateError)
    case locked(RunLock.Failure)
    case database(DatabaseError)

    package var description: String {
        switch self {
        case .database(let error): return error.description
        case .sink(let error): return error.description
        case .state(let error): return error.description
        case .locked(let failure): return failure.description
        }
    }
}

/// Runs a ``SessionRequest``: opens the output and state, traps SIGINT/SIGTERM, runs the scheduler, and
/// returns the summary.
package enum PipelineSession {
    package static func execute(
        _ request: SessionRequest, logger: Logger, logFormat: LogFormat
    ) throws(SessionError) -> RunSummary {
        // The lock first: nothing of the state or the output is touched while another run holds it.
        var lock: RunLock?
        if let directory = request.stateDirectory {
            do {
                lock = try RunLock(directory: directory, wait: request.lockWait)
            } catch {
                throw .locked(error)
            }
        }
        let writer: JSONLinesWriter
        do {
            writer = try JSONLinesWriter(path: request.outputPath, clock: request.clock)
        } catch {
            throw .sink(error)
        }
        let state: RunState?
        do {
            state = try request.stateDirectory.map { directory throws(StateError) in try RunState(directory: directory)
            }
        } catch {
            throw .state(error)
        }
        state?.retryFailed = request.retryFailed
        if let state, state.tornJournalBytes > 0 {
            logger.warning("cut a torn last line (\(state.tornJournalBytes) bytes) from \(state.journalPath)")
        }
        // Records written after the last recorded article (a crash in between) are not written again; a torn
        // last line (a crash mid-write) is cut off.
        var alreadyWritten = Set<String>()
        if let state, request.outputPath != "-" {
            do {
                let tail = try OutputTail.recover(path: writer.path, from: state.outputOffsets[writer.path] ?? 0)
                alreadyWritten = tail.ids
                if tail.tornBytes > 0 {
                    logger.warning("cut a torn last line (\(tail.tornBytes) bytes) from \(writer.path)")
                }
                if !tail.ids.isEmpty {
                    logger.notice(
                        "\(tail.ids.count) records of an interrupted run are already in \(writer.path); not writing them again"
                    )
                }
            } catch {
                throw .sink(.write(path: writer.path, errno: EIO))
            }
        }
        // The database before any input is read: a wrong URL, a refused login or a missing schema stops the run.
        var store: PostgresStore?
        if let database = request.database {
            do {
                store = try PostgresStore(target: database.target, retrySeconds: database.retrySeconds, logger: logger)
                try store?.requireCurrentSchema()
            } catch {
                throw .database(error)
            }
        }
        defer { store?.close() }
        let cancel = CancelHandle()
        let sink = RecordSink(
            writer: writer, renderer: request.renderer, fsyncEachArticle: request.fsyncEachArticle, state: state,
            logger: logger,
            logFormat: logFormat, errorsToOutput: request.errorsToOutput,
            warnOnEmptyArticles: request.warnOnEmptyArticles, alreadyWritten: alreadyWritten,
            onSourceRead: request.onSourceRead, database: store, onFatal: { cancel.cancel() })
        var knownVersion: (@Sendable (String) -> String?)?
        // A look-up that fails answers "unknown" here; the sink's own look-up of the same article stops the run.
        if let state { knownVersion = { id in (try? state.entry(id))??.version } }
        let processor = ArticleProcessor(
            limits: request.limits, runsExtraction: request.renderer.needsExtraction,
            alreadySeen: { hash in (try? state?.contains(hash)) ?? false },
            knownVersion: knownVersion,
            failedBefore: { origin, fingerprint in state?.failedBefore(origin, fingerprint: fingerprint) ?? false })
        let trap = SignalTrap(
            onSignal: { number in
                logger.notice("received signal \(number); finishing the articles in flight")
                cancel.cancel()
            },
            onHangup: {
                logger.notice("received SIGHUP; reopening the output")
                sink.requestReopen()
            })
        let jobs = request.jobs
        let progress = request.progressTotal.map { total in ProgressLine(total: total, done: { sink.done }) }
        defer { progress?.finish() }
        var summary = PipelineRunner(workers: request.workers, maxInFlight: request.maxInFlight).run(
            next: { jobs.next() }, processor: processor, sink: sink, onStart: { cancel.attach($0) })
        summary.cancelledBySignal = trap.signal
        if let fatal = sink.fatalError { throw .sink(fatal) }
        if let failure = sink.stateFailure { throw .state(failure) }
        do {
            try writer.sync()
        } catch {
            throw .sink(error)
        }
        if let state {
            do {
                try state.checkpoint()
                try state.writeLastRun(summary.json.serialized())
                try request.onFinished?()
            } catch {
                throw .state(error)
            }
        }
        withExtendedLifetime(trap) {}
        withExtendedLifetime(lock) {}
        return summary
    }
}

/// Lets a signal handler or the sink cancel a scheduler that may not exist yet.
final class CancelHandle: @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock`.
    private var scheduler: PipelineScheduler<ArticleJob, ArticleOutcome>?
    private var cancelled = false

    func attach(_ scheduler: PipelineScheduler<ArticleJob, ArticleOutcome>) {
        let cancelNow = lock.withLock {
            self.scheduler = scheduler
            return cancelled
        }
        if cancelNow { scheduler.cancel() }
    }

    func cancel() {
        let scheduler = lock.withLock {
            cancelled = true
            return self.scheduler
        }
        scheduler?.cancel()
    }
}
