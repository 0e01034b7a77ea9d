import Foundation
import NewsDatabase
import NewsSink

/// Counters of a run, reported in the summary line.
package struct RunSummary: Sendable, Equatable {
    package var inputs = 0
    package var articles = 0
    /// Articles whose page held no article text (cleaned to an empty body).
    package var emptyArticles = 0
    package var records = 0
    package var events = 0
    /// Records not written because the output already holds them (this run, or an earlier version of the
    /// same article).
    package var duplicateRecords = 0
    /// Retraction records written: events of an earlier version of an article that its new version lacks.
    package var retractions = 0
    package var failures: [String: Int] = [:]
    package var skipped: [String: Int] = [:]
    /// Articles read with something cut or repaired, by warning code (an article may count under several).
    package var warnings: [String: Int] = [:]
    package var seconds = 0.0
    package var cancelledBySignal: Int32?
    /// Rows the database sink added (or completed), per table; nil without a database.
    package var database: WriteCounts?

    package init() {}

    package var failureCount: Int { failures.values.reduce(0, +) }
    package var skippedCount: Int { skipped.values.reduce(0, +) }

    /// "run finished: 7 inputs, 6 articles, 23 events, 1 failed (not-text 1), 0 skipped, 0.41 s"
    package var line: String {
        func breakdown(_ counts: [String: Int]) -> String {
            counts.isEmpty
                ? ""
                : " (" + counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"
        }
        let verb = cancelledBySignal == nil ? "run finished" : "run interrupted"
        return "\(verb): \(inputs) inputs, \(articles) articles, \(events) events, \(records) records written, "
            + "\(failureCount) failed\(breakdown(failures)), \(skippedCount) skipped\(breakdown(skipped))"
            + (database.map { ", PostgreSQL: \($0.events) new events, \($0.articles) new or completed articles" } ?? "")
            + String(format: ", %.2f s", seconds)
    }

    /// The summary as a JSON object.
    package var json: JSONValue {
        .object(
            [
                ("inputs", .int(inputs)), ("articles", .int(articles)), ("empty_articles", .int(emptyArticles)),
                ("events", .int(events)), ("records", .int(records)), ("duplicate_records", .int(duplicateRecords)),
                ("retractions", .int(retractions)),
                ("failed", .int(failureCount)),
                ("failures", .object(failures.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
                ("skipped", .object(skipped.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
                ("warnings", .object(warnings.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
                ("seconds", .double((seconds * 1000).rounded() / 1000)),
                ("interrupted_by_signal", cancelledBySignal.map { .int(Int($0)) } ?? .null),
            ] + (database.map { [("database", $0.json)] } ?? []))
    }
}
