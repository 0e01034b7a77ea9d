import Foundation
import NewsSink

/// Counters of a run, reported in the summary line.
public struct RunSummary: Sendable, Equatable {
    public var inputs = 0
    public var articles = 0
    /// Articles whose page held no article text (cleaned to an empty body).
    public var emptyArticles = 0
    public var records = 0
    public var events = 0
    public var duplicateRecords = 0
    public var failures: [String: Int] = [:]
    public var skipped: [String: Int] = [:]
    public var seconds = 0.0
    public var cancelledBySignal: Int32?

    public init() {}

    public var failureCount: Int { failures.values.reduce(0, +) }
    public var skippedCount: Int { skipped.values.reduce(0, +) }

    /// "run finished: 7 inputs, 6 articles, 23 events, 1 failed (not-text 1), 0 skipped, 0.41 s"
    public var line: String {
        func breakdown(_ counts: [String: Int]) -> String {
            counts.isEmpty
                ? ""
                : " (" + counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"
        }
        let verb = cancelledBySignal == nil ? "run finished" : "run interrupted"
        return "\(verb): \(inputs) inputs, \(articles) articles, \(events) events, \(records) records written, "
            + "\(failureCount) failed\(breakdown(failures)), \(skippedCount) skipped\(breakdown(skipped)), "
            + String(format: "%.2f s", seconds)
    }

    /// The summary as a JSON object.
    public var json: JSONValue {
        .object([
            ("inputs", .int(inputs)), ("articles", .int(articles)), ("empty_articles", .int(emptyArticles)),
            ("events", .int(events)), ("records", .int(records)), ("duplicate_records", .int(duplicateRecords)),
            ("failed", .int(failureCount)),
            ("failures", .object(failures.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
            ("skipped", .object(skipped.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
            ("seconds", .string(String(format: "%.3f", seconds))),
        ])
    }
}
