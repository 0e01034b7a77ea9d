import Foundation
import Logging
import NewsSink
import PostgresTestSupport
import Testing

@testable import NewsDatabase

/// The store against a real PostgreSQL server: a throwaway cluster per test (initdb, a Unix socket).
@Suite(.serialized)
struct PostgresStoreTests {
    let logger = Logger(label: "test")

    func target(_ server: ThrowawayPostgres, password: String? = nil) throws -> DatabaseTarget {
        var target = try DatabaseTarget.parse(server.url)
        target.password = password
        return target
    }

    @Test func migrateCreatesTheSchemaOnceAndAgainDoesNothing() throws {
        let server = try ThrowawayPostgres()
        defer { server.stop() }
        let store = try PostgresStore(target: try target(server), retrySeconds: 0, logger: logger)
        defer { store.close() }
        #expect(try store.schemaVersion() == nil)
        #expect(throws: DatabaseError.schemaMissing(place: store.target.place, found: nil, expected: 1)) {
            try store.requireCurrentSchema()
        }
        let first = try store.migrate()
        #expect(first.from == nil && first.to == 1)
        let again = try store.migrate()
        #expect(again.from == 1 && again.to == 1)
        try store.requireCurrentSchema()
        #expect(
            try server.psql("SELECT version, summary FROM newsevents_schema")
                == "1|\(DatabaseSchema.migrations[0].summary)\n")
        let tables = try server.psql(
            "SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables WHERE table_schema = 'public'"
        )
        #expect(tables == "articles,current_events,entities,events,newsevents_schema,retractions\n")
        // The printed script creates the same tables in an empty database.
        _ = try server.psql("CREATE DATABASE scripted")
        let file = server.folder + "/schema.sql"
        try DatabaseSchema.script.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: Never.self) { try server.psqlFile(file, database: "scripted") }
    }

    @Test func aNewerSchemaIsRefused() throws {
        let server = try ThrowawayPostgres()
        defer { server.stop() }
        let store = try PostgresStore(target: try target(server), retrySeconds: 0, logger: logger)
        defer { store.close() }
        try store.migrate()
        _ = try server.psql("INSERT INTO newsevents_schema (version, summary) VALUES (7, 'from the future')")
        #expect(throws: DatabaseError.schemaNewer(place: store.target.place, found: 7, known: 1)) {
            try store.requireCurrentSchema()
        }
        #expect(throws: DatabaseError.schemaNewer(place: store.target.place, found: 7, known: 1)) {
            try store.migrate()
        }
    }

    @Test func theFixturesGoldenRecordsLoadToTheirCountsAndAgainAddNothing() throws {
        let server = try ThrowawayPostgres()
        defer { server.stop() }
        let store = try PostgresStore(target: try target(server), retrySeconds: 0, logger: logger)
        defer { store.close() }
        try store.migrate()
        let names = try FileManager.default.contentsOfDirectory(atPath: RowBatchTests.fixtures.path).sorted()
        let eventFiles = names.filter { $0.hasSuffix(".expected.jsonl") && !$0.hasSuffix(".article.expected.jsonl") }
        let articleFiles = names.filter { $0.hasSuffix(".article.expected.jsonl") }
        #expect(eventFiles.count == 9 && articleFiles.count == 9)
        let events = try eventFiles.flatMap { try RowBatchTests.records($0) }
        let articles = try articleFiles.flatMap { try RowBatchTests.records($0) }
        // What the files hold, counted here from the JSON.
        let eventIDs = Set(events.map { $0["id"]!.stringValue! })
        let articlesWithEvents = Set(events.map { $0["article"]!["id"]!.stringValue! })
        var participants = Set<String>()
        for event in events {
            for role in ["actor", "target"] {
                if let id = event[role]?["id"]?.stringValue {
                    participants.insert(event["article"]!["id"]!.stringValue! + " " + id)
                }
            }
        }
        var batch = RowBatch()
        for record in events { try batch.add(record) }
        let loaded = try store.write(batch)
        #expect(loaded.events == events.count && events.count == eventIDs.count)
        #expect(loaded.articles == articlesWithEvents.count && loaded.entities == participants.count)
        // The same records again: nothing.
        #expect(try store.write(batch) == WriteCounts())
        // The article records: every article complete, their other entities added, no event twice.
        var articleBatch = RowBatch()
        for record in articles { try articleBatch.add(record) }
        try store.write(articleBatch)
        #expect(try store.write(articleBatch) == WriteCounts())
        var entities = participants
        for article in articles {
            for entity in article["entities"]!.arrayValue! {
                entities.insert(article["id"]!.stringValue! + " " + entity["id"]!.stringValue!)
            }
        }
        let counts = try store.tableCounts()
        #expect(counts.events == eventIDs.count && counts.articles == articles.count)
        #expect(counts.entities == entities.count && counts.retractions == 0)
        #expect(try server.psql("SELECT count(*) FROM articles WHERE text IS NULL") == "0\n")
        // The rules of event records survive the article records' copies of the same events.
        #expect(try server.psql("SELECT count(*) FROM events WHERE cardinality(rules) = 0") == "0\n")
        // A typed column: every day an event record gives is a date.
        let days = events.compactMap { $0["date"]?["value"]?.stringValue.flatMap(RowBatch.day) }.count
        #expect(try server.psql("SELECT count(date_day) FROM events") == "\(days)\n")
    }

    @Test func aRetractedEventLeavesTheCurrentEventsView() throws {
        let server = try ThrowawayPostgres()
        defer { server.stop() }
        let store = try PostgresStore(target: try target(server), retrySeconds: 0, logger: logger)
        defer { store.close() }
        try store.migrate()
        let events = try RowBatchTests.records("newsroom-divs-japan-korea-talks.expected.jsonl")
        var batch = RowBatch()
        for record in events { try batch.add(record) }
        let withdrawn = events[0]["id"]!.stringValue!
        let retraction = RecordEncoder.retractionRecord(
            eventID: withdrawn, articleID: events[0]["article"]!["id"]!.stringValue!,
            contentHash: String(repeating: "0", count: 64), version: "v2")
        try batch.add(retraction.json)
        #expect(try store.write(batch).retractions == 1)
        #expect(try server.psql("SELECT count(*) FROM current_events") == "\(events.count - 1)\n")
        #expect(try server.psql("SELECT count(*) FROM current_events WHERE id = '\(withdrawn)'") == "0\n")
    }

    @Test func quotesBackslashesNewlinesNullsAndNonASCIISurviveTheRoundTrip() throws {
        let server = try ThrowawayPostgres()
        defer { server.stop() }
        let store = try PostgresStore(target: try target(server), retrySeconds: 0, logger: logger)
        defer { store.close() }
        try store.migrate()
        let line = try String(
            contentsOf: RowBatchTests.fixtures.appendingPathComponent("seed-techmonitor-albania-iran.expected.jsonl"),
            encoding: .utf8
        ).split(separator: "\n")[0]
        guard case .object(var members) = JSONValue.parse(Array(line.utf8))! else { return }
        func set(_ key: String, _ value: JSONValue) {
            members[members.firstIndex { $0.0 == key }!].1 = value
        }
        set("id", .string("e-roundtrip"))
        set("context", .array([.string(#"say "no""#), .string(#"C:\dir"#), .string("NULL")]))
        set("mode", .null)
        set(
            "evidence",
            .object([
                ("sentence", .string("Tiranë\tsaid:\n«ok» ☃")), ("start", .int(0)), ("end", .int(5)),
                ("cue", .string("said")),
            ]))
        var batch = RowBatch()
        try batch.add(.object(members))
        #expect(try store.write(batch).events == 1)
        let rows = try store.rows(
            "SELECT context::text, (mode IS NULL)::text, evidence_sentence, array_length(context, 1)::text FROM events WHERE id = 'e-roundtrip'"
        )
        #expect(rows == [[#"{"say \"no\"","C:\\dir","NULL"}"#, "true", "Tiranë\tsaid:\n«ok» ☃", "3"]])
    }

    @Test func aServerThatComesBackWithinTheRetryTimeLosesNothing() throws {
        let server = try ThrowawayPostgres()
        defer { server.stop() }
        let store = try PostgresStore(target: try target(server), retrySeconds: 30, logger: logger)
        defer { store.close() }
        try store.migrate()
        try server.kill()
        // Back in 1.5 s; the write below meets a dead connection, then refused connections, then the server.
        let restarted = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 1.5)
            try? server.restart()
            restarted.signal()
        }
        var batch = RowBatch()
        for record in try RowBatchTests.records("seed-techmonitor-albania-iran.expected.jsonl") {
            try batch.add(record)
        }
        let written = try store.write(batch)
        restarted.wait()
        #expect(written.events == batch.events.count && written.events > 0)
        #expect(try store.tableCounts().events == batch.events.count)
    }

    @Test func aServerThatStaysDownIsAClearErrorAfterTheRetryTime() throws {
        let server = try ThrowawayPostgres()
        defer { server.stop() }
        let store = try PostgresStore(target: try target(server), retrySeconds: 1, logger: logger)
        defer { store.close() }
        try store.migrate()
        try server.kill()
        var batch = RowBatch()
        try batch.add(RowBatchTests.records("seed-techmonitor-albania-iran.expected.jsonl")[0])
        do {
            try store.write(batch)
            Issue.record("a write to a stopped server succeeded")
        } catch {
            guard case .unreachable(let place, let seconds, let why) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(place == store.target.place && seconds <= 1.0)
            #expect(why == "No such file or directory")
            #expect(error.description.hasPrefix("cannot reach PostgreSQL at \(place) (retried for "))
        }
        // Its twin: with the server back, the same write succeeds.
        try server.restart()
        #expect(try store.write(batch).events == 1)
    }

    @Test func tlsIsUsedAndCheckedAsTheSSLModeSays() throws {
        let port = try ThrowawayPostgres.freePort()
        let server = try ThrowawayPostgres(tlsPort: port)
        defer { server.stop() }
        let certificate = server.folder + "/server.crt"
        /// Whether the server sees the connection that `url` makes as encrypted.
        func encrypted(_ url: String) throws -> String? {
            let store = try PostgresStore(target: try DatabaseTarget.parse(url), retrySeconds: 0, logger: logger)
            defer { store.close() }
            return try store.rows("SELECT ssl::text FROM pg_stat_ssl WHERE pid = pg_backend_pid()").first?.first ?? nil
        }
        let base = "postgresql://newsevents@127.0.0.1:\(port)/news"
        #expect(try encrypted(base) == "true", "libpq's default, prefer, takes TLS when offered")
        #expect(try encrypted(base + "?sslmode=require") == "true")
        #expect(try encrypted(base + "?sslmode=disable") == "false")
        // A self-signed certificate is refused where it is checked against the system's roots ...
        for mode in ["verify-ca", "verify-full"] {
            let target = try DatabaseTarget.parse(base + "?sslmode=" + mode)
            #expect(
                throws: DatabaseError.unreachable(
                    place: target.place, seconds: 0, why: "the TLS handshake failed: CERTIFICATE_VERIFY_FAILED")
            ) {
                try PostgresStore(target: target, retrySeconds: 0, logger: logger)
            }
        }
        // ... and accepted against its own root, the host name checked by verify-full only.
        #expect(try encrypted(base + "?sslmode=verify-ca&sslrootcert=" + certificate) == "true")
        #expect(
            try encrypted(
                "postgresql://newsevents@localhost:\(port)/news?sslmode=verify-full&sslrootcert=" + certificate)
                == "true")
        #expect(throws: DatabaseError.self) {
            try PostgresStore(
                target: try DatabaseTarget.parse(base + "?sslmode=verify-full&sslrootcert=" + certificate),
                retrySeconds: 0, logger: logger)
        }
        // The Unix socket carries no TLS.
        #expect(try encrypted(server.url) == "false")
    }

    @Test func aPasswordIsNeededRightAndChecked() throws {
        let server = try ThrowawayPostgres(password: "s3cret word")
        defer { server.stop() }
        #expect(throws: DatabaseError.passwordNeeded(place: try target(server).place)) {
            try PostgresStore(target: try target(server), retrySeconds: 5, logger: logger)
        }
        #expect(
            throws: DatabaseError.server(
                place: try target(server).place, sqlState: "28P01",
                message: "password authentication failed for user \"newsevents\"")
        ) {
            try PostgresStore(target: try target(server, password: "wrong"), retrySeconds: 5, logger: logger)
        }
        let store = try PostgresStore(
            target: try target(server, password: "s3cret word"), retrySeconds: 0, logger: logger)
        defer { store.close() }
        #expect(try store.migrate().to == 1)
    }
}
