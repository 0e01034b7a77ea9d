import Foundation
import Testing

@testable import NewsPipeline

/// A counter shared with worker closures.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    private var peakValue = 0

    func increment() {
        lock.withLock {
            value += 1
            peakValue = max(peakValue, value)
        }
    }

    func decrement() { lock.withLock { value -= 1 } }
    var peak: Int { lock.withLock { peakValue } }
    /// The current value (the number of increments when nothing decrements).
    var total: Int { lock.withLock { value } }
}

/// Collects what the sink receives (only touched on the sink queue, read after the run).
private final class Collector<T: Sendable>: @unchecked Sendable {
    var items: [T] = []
}

/// A source that hands out 0..<count under the scheduler's lock.
private final class NumberSource: @unchecked Sendable {
    private var next = 0
    let count: Int
    init(count: Int) { self.count = count }
    func take() -> Int? {
        guard next < count else { return nil }
        defer { next += 1 }
        return next
    }
}

struct PipelineSchedulerTests {
    @Test func writesResultsInInputOrderUnderRandomDelays() {
        let scheduler = PipelineScheduler<Int, Int>(workers: 8, maxInFlight: 16)
        let source = NumberSource(count: 500)
        let collector = Collector<Int>()
        scheduler.run(
            next: { source.take() },
            process: { value in
                usleep(UInt32.random(in: 0...2000))
                return value * 2
            },
            sink: { collector.items.append($0) })
        #expect(collector.items == (0..<500).map { $0 * 2 })
        #expect(scheduler.lifecycle == .finished)
        #expect(!scheduler.wasCancelled)
    }

    @Test func neverHoldsMoreThanMaxInFlightItems() {
        let scheduler = PipelineScheduler<Int, Int>(workers: 4, maxInFlight: 6)
        let source = NumberSource(count: 300)
        let inFlight = Counter()
        let collector = Collector<Int>()
        scheduler.run(
            next: {
                guard let value = source.take() else { return nil }
                inFlight.increment()
                return value
            },
            process: { value in
                // Item 0 is slow, so everything after it must wait for the sink: the bound is what stops them.
                usleep(value == 0 ? 50_000 : 100)
                return value
            },
            sink: { value in
                inFlight.decrement()
                collector.items.append(value)
            })
        #expect(inFlight.peak <= 6)
        #expect(inFlight.peak >= 4)
        #expect(collector.items.count == 300)
    }

    @Test func oneFailingItemDoesNotStopTheBatch() {
        let scheduler = PipelineScheduler<Int, Result<Int, TestFailure>>(workers: 3, maxInFlight: 8)
        let source = NumberSource(count: 50)
        let collector = Collector<Result<Int, TestFailure>>()
        scheduler.run(
            next: { source.take() },
            process: { value in value % 7 == 3 ? .failure(TestFailure(item: value)) : .success(value) },
            sink: { collector.items.append($0) })
        #expect(collector.items.count == 50)
        let failures = collector.items.compactMap { result -> Int? in
            if case .failure(let failure) = result { return failure.item }
            return nil
        }
        #expect(failures == [3, 10, 17, 24, 31, 38, 45])
    }

    @Test func cancellationStopsTakingInputAndLeavesNoGap() {
        let scheduler = PipelineScheduler<Int, Int>(workers: 4, maxInFlight: 8)
        let source = NumberSource(count: 100_000)
        let collector = Collector<Int>()
        scheduler.run(
            next: { source.take() },
            process: { value in
                if value == 200 { scheduler.cancel() }
                usleep(200)
                return value
            },
            sink: { collector.items.append($0) })
        #expect(scheduler.wasCancelled)
        #expect(collector.items.count < 1000)
        #expect(collector.items.count > 200)
        #expect(collector.items == Array(0..<collector.items.count), "every item taken was written, in order")
    }

    /// Runs the numbers 0..<count through a two-worker scheduler that multiplies by 10: how often the source was
    /// asked, how many items were processed, what the sink got, and how the run ended.
    private func countedRun(of count: Int) -> (asked: Int, processed: Int, sunk: [Int], finished: Bool) {
        let scheduler = PipelineScheduler<Int, Int>(workers: 2, maxInFlight: 2)
        let source = NumberSource(count: count)
        let asked = Counter()
        let processed = Counter()
        let collector = Collector<Int>()
        scheduler.run(
            next: {
                asked.increment()
                return source.take()
            },
            process: {
                processed.increment()
                return $0 * 10
            }, sink: { collector.items.append($0) })
        return (asked.total, processed.total, collector.items.sorted(), scheduler.lifecycle == .finished)
    }

    @Test func anEmptySourceIsAskedOnceAndNothingIsProcessed() {
        let empty = countedRun(of: 0)
        #expect(empty.asked == 1 && empty.processed == 0 && empty.sunk.isEmpty && empty.finished)
        // Its twin: two items are asked for three times (two items, then the end), each processed once.
        let two = countedRun(of: 2)
        #expect(two.asked == 3 && two.processed == 2 && two.sunk == [0, 10] && two.finished)
    }
}

struct TestFailure: Error, Equatable {
    var item: Int
}
