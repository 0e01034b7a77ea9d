import Foundation
import Logging
import NewsModel
import NewsSink

/// Wires a job source, the processor, the scheduler and the sink into one run.
package struct PipelineRunner {
    package var workers: Int
    package var maxInFlight: Int

    package init(workers: Int, maxInFlight: Int) {
        self.workers = workers
        self.maxInFlight = maxInFlight
    }

    /// Runs every job from `next` through `processor` into `sink`, blocking until done or cancelled
    /// through the returned scheduler's `cancel()` (called by `onStart`'s receiver, e.g. a signal trap).
    package func run(
        next: @escaping @Sendable () -> ArticleJob?, processor: ArticleProcessor, sink: RecordSink,
        onStart: (PipelineScheduler<ArticleJob, ArticleOutcome>) -> Void = { _ in }
    ) -> RunSummary {
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
package final class JobSource: @unchecked Sendable {
    private let produce: () -> ArticleJob?

    package init(_ produce: @escaping () -> ArticleJob?) {
        self.produce = produce
    }

    package func next() -> ArticleJob? { produce() }
}
