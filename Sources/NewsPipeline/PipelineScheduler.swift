import Dispatch
import Foundation

/// Runs items through a processing function on Dispatch queues and hands the results to a sink in input
/// order.
///
/// - Intake: a serial queue owns the input source and two counters. It takes a new input only while fewer
///   than `workers` items are being processed and fewer than `maxInFlight` are taken but not yet written,
///   then submits the item to the work queue. Nothing ever blocks a Dispatch thread waiting for a slot:
///   completions come back to the intake queue as blocks, which is what lets the pool stay small on Linux,
///   where libdispatch adds threads slowly when its threads block.
/// - Backpressure: the `maxInFlight` bound covers an item from the moment it is taken until the sink has
///   written it, so memory stays flat however many inputs there are.
/// - Order: results are reordered on the serial sink queue, so the sink sees item N before item N+1.
///   The item the sink waits for was taken earlier and is being processed, so the bound cannot deadlock.
/// - Shutdown: ``cancel()`` stops the intake; items already taken finish and are written, so the output
///   never has a gap or a torn record. The lifecycle is `idle → running → draining → finished`.
package final class PipelineScheduler<Input: Sendable, Output: Sendable>: @unchecked Sendable {
    package enum Lifecycle: Sendable, Equatable {
        case idle
        case running
        case draining
        case finished
    }

    package let workers: Int
    package let maxInFlight: Int

    private let intakeQueue = DispatchQueue(label: "newsevents.PipelineScheduler.intake")
    private let workQueue = DispatchQueue(label: "newsevents.PipelineScheduler.work", attributes: .concurrent)
    private let sinkQueue = DispatchQueue(label: "newsevents.PipelineScheduler.sink")
    private let finished = DispatchSemaphore(value: 0)

    // Guarded by `lock`: the lifecycle, read from any thread.
    private let lock = NSLock()
    private var lifecycleValue = Lifecycle.idle
    private var sourceExhausted = false

    // Only touched on intakeQueue.
    private var processing = 0
    private var inFlight = 0
    private var nextSequence = 0
    private var completionSignalled = false

    // Only touched on sinkQueue.
    private var pending: [Int: Output] = [:]
    private var nextToWrite = 0

    /// - Parameters:
    ///   - workers: items processed at once (at least 1).
    ///   - maxInFlight: items taken but not yet written (at least `workers`).
    package init(workers: Int, maxInFlight: Int) {
        self.workers = max(1, workers)
        self.maxInFlight = max(self.workers, maxInFlight)
    }

    /// The current lifecycle state.
    package var lifecycle: Lifecycle {
        lock.withLock { lifecycleValue }
    }

    /// Stops taking new inputs. In-flight items finish and reach the sink. Safe from any thread, any time.
    package func cancel() {
        lock.withLock {
            if lifecycleValue == .running || lifecycleValue == .idle { lifecycleValue = .draining }
        }
        intakeQueue.async { self.finishIfDone() }
    }

    /// Whether ``cancel()`` stopped the run before the input ran out.
    package var wasCancelled: Bool {
        lock.withLock { lifecycleValue == .draining || (lifecycleValue == .finished && !sourceExhausted) }
    }

    /// Runs to completion and returns when every taken item has been written. Blocks the calling thread
    /// (never call it from one of the scheduler's queues).
    ///
    /// - Parameters:
    ///   - next: returns the next input, or nil at the end. Called on the intake queue, one call at a time.
    ///   - process: the stage work for one input. Called concurrently, at most `workers` at once; must not
    ///     throw (turn failures into `Output` values so that one bad item never stops the batch).
    ///   - sink: receives results in input order, on the scheduler's serial sink queue.
    package func run(
        next: @escaping @Sendable () -> Input?, process: @escaping @Sendable (Input) -> Output,
        sink: @escaping @Sendable (Output) -> Void
    ) {
        lock.withLock {
            precondition(lifecycleValue == .idle || lifecycleValue == .draining, "a scheduler runs once")
            if lifecycleValue == .idle { lifecycleValue = .running }
        }
        intakeQueue.async { self.fill(next: next, process: process, sink: sink) }
        finished.wait()
        sinkQueue.sync {}
        lock.withLock { lifecycleValue = .finished }
    }

    /// Takes inputs while there is room. Runs on intakeQueue.
    private func fill(
        next: @escaping @Sendable () -> Input?, process: @escaping @Sendable (Input) -> Output,
        sink: @escaping @Sendable (Output) -> Void
    ) {
        dispatchPrecondition(condition: .onQueue(intakeQueue))
        while processing < workers, inFlight < maxInFlight {
            let running = lock.withLock { lifecycleValue == .running && !sourceExhausted }
            guard running else { break }
            guard let input = next() else {
                lock.withLock { sourceExhausted = true }
                break
            }
            let sequence = nextSequence
            nextSequence += 1
            processing += 1
            inFlight += 1
            workQueue.async {
                let output = process(input)
                self.sinkQueue.async {
                    self.deliver(sequence, output, sink: sink) {
                        self.intakeQueue.async {
                            self.inFlight -= 1
                            self.fill(next: next, process: process, sink: sink)
                        }
                    }
                }
                self.intakeQueue.async {
                    self.processing -= 1
                    self.fill(next: next, process: process, sink: sink)
                }
            }
        }
        finishIfDone()
    }

    /// Signals `run` once the intake has stopped and everything taken has been written. Runs on intakeQueue.
    private func finishIfDone() {
        dispatchPrecondition(condition: .onQueue(intakeQueue))
        let stopped = lock.withLock { lifecycleValue != .running || sourceExhausted }
        guard stopped, inFlight == 0, processing == 0, !completionSignalled else { return }
        completionSignalled = true
        finished.signal()
    }

    /// Buffers `output` and writes every result that is next in order. Runs on sinkQueue.
    private func deliver(_ sequence: Int, _ output: Output, sink: (Output) -> Void, written: () -> Void) {
        dispatchPrecondition(condition: .onQueue(sinkQueue))
        pending[sequence] = output
        while let ready = pending.removeValue(forKey: nextToWrite) {
            sink(ready)
            nextToWrite += 1
            written()
        }
    }
}
