import Foundation
import LibXML
import Logging
import NewsModel
import NewsSink

/// Wires a job source, the processor, the scheduler and the sink into one run.
public struct PipelineRunner {
    public var workers: Int
    public var maxInFlight: Int

    public init(workers: Int, maxInFlight: Int) {
        self.workers = workers
        self.maxInFlight = maxInFlight
    }

    /// Runs every job from `next` through `processor` into `sink`, blocking until done or cancelled
    /// through the returned scheduler's `cancel()` (called by `onStart`'s receiver, e.g. a signal trap).
    public func run(
        next: @escaping @Sendable () -> ArticleJob?, processor: ArticleProcessor, sink: RecordSink,
        onStart: (PipelineScheduler<ArticleJob, ArticleOutcome>) -> Void = { _ in }
    ) -> RunSummary {
        LibXML2.initialize()
        let started = Date()
        let scheduler = PipelineScheduler<ArticleJob, ArticleOutcome>(workers: workers, maxInFlight: maxInFlight)
        onStart(scheduler)
        scheduler.run(next: next, process: { processor.process($0) }, sink: { sink.consume($0) })
        var summary = sink.summary
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }
}

/// Serialises access to a non-Sendable job source for the scheduler, which already calls it under its own
/// lock; the box only carries it across the `@Sendable` boundary.
public final class JobSource: @unchecked Sendable {
    private let produce: () -> ArticleJob?

    public init(_ produce: @escaping () -> ArticleJob?) {
        self.produce = produce
    }

    public func next() -> ArticleJob? { produce() }
}
