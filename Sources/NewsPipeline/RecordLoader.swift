import Foundation
import Logging
import NewsDatabase
import NewsSink

/// The PostgreSQL side of the CLI: where to connect (from `--postgres` or pipeline.conf), `db init`, `db status`,
/// and `newsevents load`.
package struct DatabaseSettings: Sendable {
    package var target: DatabaseTarget
    /// Seconds a lost connection is retried (`[sink] postgres_retry_seconds`).
    package var retrySeconds: Double
}

package enum DatabaseAccess {
    /// Every version's DDL (`newsevents db schema`).
    package static var schemaScript: String { DatabaseSchema.script }

    /// The database named by `url`, else by the config's `[sink] postgres`; the password from `PGPASSWORD`, else
    /// from `passwordFile`, else from the config's `[sink] password_file`. Nil when neither names a database.
    package static func settings(
        url: String?, config: PipelineConfig?, passwordFile: String?
    ) throws(DatabaseError)
        -> DatabaseSettings?
    {
        guard let url = url ?? config.flatMap({ $0.sink.postgres.isEmpty ? nil : $0.sink.postgres }) else {
            return nil
        }
        var target = try DatabaseTarget.parse(url)
        let file = passwordFile ?? config.flatMap { $0.sink.passwordFile.isEmpty ? nil : $0.sink.passwordFile }
        try target.readPassword(file: file)
        return DatabaseSettings(
            target: target,
            retrySeconds: config?.sink.postgresRetrySeconds ?? PipelineConfig.Sink().postgresRetrySeconds)
    }

    /// `newsevents load`: the records of `path` (`-`: standard input) into the database, which must have the
    /// current schema.
    package static func load(
        path: String, settings: DatabaseSettings, batchRecords: Int, logger: Logger
    ) throws
        -> LoadReport
    {
        let store = try PostgresStore(target: settings.target, retrySeconds: settings.retrySeconds, logger: logger)
        defer { store.close() }
        try store.requireCurrentSchema()
        var loader = RecordLoader()
        loader.batchRecords = batchRecords
        return try loader.load(path: path, into: store, logger: logger)
    }

    /// `newsevents db init`: applies the migrations the database lacks; the line to print.
    package static func initialize(_ settings: DatabaseSettings, logger: Logger) throws(DatabaseError) -> String {
        let target = settings.target
        let store = try PostgresStore(target: target, retrySeconds: settings.retrySeconds, logger: logger)
        defer { store.close() }
        let (from, to) = try store.migrate()
        if from == to { return "the database \(target.place) has schema version \(to); nothing to do" }
        return "the database \(target.place) now has schema version \(to)"
            + (from.map { " (was \($0))" } ?? " (created)")
    }

    /// `newsevents db status`: the schema version and the row counts, one `name value` line each.
    package static func status(_ settings: DatabaseSettings, logger: Logger) throws(DatabaseError) -> String {
        let target = settings.target
        let store = try PostgresStore(target: target, retrySeconds: settings.retrySeconds, logger: logger)
        defer { store.close() }
        guard let version = try store.schemaVersion() else {
            return "database \(target.place)\nschema_version none (run 'newsevents db init')\n"
        }
        var lines = ["database \(target.place)", "schema_version \(version)"]
        if version == DatabaseSchema.currentVersion {
            let counts = try store.tableCounts()
            lines += [
                "articles \(counts.articles)", "events \(counts.events)", "entities \(counts.entities)",
                "retractions \(counts.retractions)",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// What `newsevents load` did.
package struct LoadReport: Sendable {
    package var lines = 0
    package var records = 0
    /// Rows added (or completed), per table.
    package var written = WriteCounts()
    /// Records that give no row (errors, statuses), by schema.
    package var ignored: [String: Int] = [:]
    /// Lines that are not records: line number and why (the other lines are loaded).
    package var rejected: [(line: Int, why: String)] = []

    /// "loaded 56 records from out/events.jsonl: 56 events, 9 articles, 70 entities, 0 retractions new; ..."
    package func line(source: String) -> String {
        var text =
            "loaded \(records) records from \(source): \(written.events) events, \(written.articles) articles, "
            + "\(written.entities) entities, \(written.retractions) retractions new"
        let ignoredCount = ignored.values.reduce(0, +)
        if ignoredCount > 0 {
            text +=
                "; \(ignoredCount) without rows ("
                + ignored.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"
        }
        if !rejected.isEmpty { text += "; \(rejected.count) lines rejected" }
        return text
    }
}

/// Loads JSON Lines records (the sink's output, `newsevents extract`'s) into PostgreSQL, a batch of records per
/// transaction. Reading the same lines again adds nothing; a line that is not a record is reported with its
/// number and the rest is loaded.
package struct RecordLoader {
    package var batchRecords = 1000
    /// The longest line read; a longer one is rejected without being held whole.
    package var maxLineBytes = 64 * 1024 * 1024

    package init() {}

    /// Reads `path` (`-` for standard input) to its end. Throws when the input cannot be read or the database
    /// fails for good; what was committed before stays.
    package func load(path: String, into store: PostgresStore, logger: Logger) throws -> LoadReport {
        let descriptor: Int32 = path == "-" ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw LoadError.open(path: path, errno: errno) }
        defer { if descriptor != STDIN_FILENO { _ = close(descriptor) } }
        var report = LoadReport()
        var batch = RowBatch()
        func flush() throws {
            guard batch.records > 0 else { return }
            report.written += try store.write(batch)
            report.records += batch.records
            for (schema, count) in batch.ignored { report.ignored[schema, default: 0] += count }
            batch = RowBatch()
        }
        var pending: [UInt8] = []
        var skippingLongLine = false
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        func take(_ line: ArraySlice<UInt8>) throws {
            report.lines += 1
            let number = report.lines
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
            guard let record = JSONValue.parse(line) else {
                report.rejected.append((number, "not valid JSON"))
                return
            }
            do {
                try batch.add(record)
            } catch {
                report.rejected.append((number, error.description))
                return
            }
            if batch.records >= batchRecords { try flush() }
        }
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw LoadError.read(path: path, errno: errno)
            }
            if count == 0 { break }
            var start = 0
            for index in 0..<count where chunk[index] == 0x0A {
                if skippingLongLine {
                    skippingLongLine = false
                } else if pending.isEmpty {
                    try take(chunk[start..<index])
                } else {
                    pending += chunk[start..<index]
                    try take(pending[...])
                    pending.removeAll(keepingCapacity: true)
                }
                start = index + 1
            }
            if !skippingLongLine { pending += chunk[start..<count] }
            if pending.count > maxLineBytes {
                report.lines += 1
                report.rejected.append((report.lines, "longer than \(maxLineBytes) bytes"))
                pending.removeAll()
                skippingLongLine = true
            }
        }
        if !pending.isEmpty, !skippingLongLine { try take(pending[...]) }
        try flush()
        for rejection in report.rejected {
            logger.error("\(path == "-" ? "standard input" : path):\(rejection.line): \(rejection.why); not loaded")
        }
        return report
    }
}

/// The input of `newsevents load` cannot be read.
package enum LoadError: Error, CustomStringConvertible {
    case open(path: String, errno: Int32)
    case read(path: String, errno: Int32)

    package var description: String {
        switch self {
        case .open(let path, let code): return "cannot open '\(path)': \(String(cString: strerror(code)))"
        case .read(let path, let code):
            return "cannot read \(path == "-" ? "standard input" : "'\(path)'"): \(String(cString: strerror(code)))"
        }
    }
}
