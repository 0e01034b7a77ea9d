import Foundation
import PostgresTestSupport
import Testing

/// The PostgreSQL sink, `newsevents load` and `newsevents db`, against a real server: a throwaway cluster per
/// test (initdb, a Unix socket in a temporary folder).
@Suite(.serialized)
struct DatabaseCommandTests {
    /// A server with the schema created.
    private func server() throws -> ThrowawayPostgres {
        let server = try ThrowawayPostgres()
        let initialized = try CommandRunner.run(["db", "init", "--postgres", server.url])
        #expect(initialized.status == 0, "\(initialized.stderr)")
        return server
    }

    private func count(_ server: ThrowawayPostgres, _ sql: String) throws -> Int {
        Int(try server.psql(sql).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    private func eventIDs(_ server: ThrowawayPostgres) throws -> Set<String> {
        Set(try server.psql("SELECT id FROM events").split(separator: "\n").map(String.init))
    }

    private func lines(_ text: String) -> [[String: Any]] {
        text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    @Test func dbInitCreatesTheSchemaOnceAndStatusAndSchemaPrintIt() throws {
        let server = try ThrowawayPostgres()
        defer { server.stop() }
        let place = "newsevents@\(server.folder)/.s.PGSQL.5432/news"
        let before = try CommandRunner.run(["db", "status", "--postgres", server.url])
        #expect(before.status == 0)
        #expect(before.stdout == "database \(place)\nschema_version none (run 'newsevents db init')\n")
        let loadFirst = try CommandRunner.run(
            ["load", "--postgres", server.url, CommandRunner.fixture("seed-techmonitor-albania-iran.expected.jsonl")])
        #expect(loadFirst.status == 1)
        #expect(
            loadFirst.stderr
                == "newsevents: the database \(place) has no newsevents tables, not 1: run 'newsevents db init' with the same URL first\n"
        )
        let first = try CommandRunner.run(["db", "init", "--postgres", server.url])
        #expect(first.status == 0)
        #expect(first.stderr == "newsevents: the database \(place) now has schema version 1 (created)\n")
        let again = try CommandRunner.run(["db", "init", "--postgres", server.url])
        #expect(again.stderr == "newsevents: the database \(place) has schema version 1; nothing to do\n")
        let status = try CommandRunner.run(["db", "status", "--postgres", server.url])
        #expect(
            status.stdout
                == "database \(place)\nschema_version 1\narticles 0\nevents 0\nentities 0\nretractions 0\n")
        let schema = try CommandRunner.run(["db", "schema"])
        #expect(schema.status == 0 && schema.stdout.hasPrefix("-- newsevents database schema, version 1\n"))
        #expect(schema.stdout.contains("CREATE TABLE events (") && schema.stdout.contains("CREATE VIEW current_events"))
    }

    @Test func loadingTheFixturesOutputGivesTheFilesCountsAndLoadingItAgainNothing() throws {
        let server = try server()
        defer { server.stop() }
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fixtures = try FileManager.default.contentsOfDirectory(atPath: CommandRunner.repository.path + "/fixtures")
            .filter { $0.hasSuffix(".html") }.sorted().map(CommandRunner.fixture)
        let extracted = try CommandRunner.run(["extract"] + fixtures)
        #expect(extracted.status == 0)
        let output = folder + "/events.jsonl"
        try extracted.stdout.write(toFile: output, atomically: true, encoding: .utf8)
        let records = lines(extracted.stdout)
        let articles = Set(records.compactMap { ($0["article"] as? [String: Any])?["id"] as? String })
        #expect(records.count > 40 && articles.count > 5)
        var participants = Set<String>()
        for record in records {
            let article = (record["article"] as! [String: Any])["id"] as! String
            for role in ["actor", "target"] {
                if let id = (record[role] as? [String: Any])?["id"] as? String { participants.insert(article + id) }
            }
        }
        let loaded = try CommandRunner.run(["load", "--postgres", server.url, output])
        #expect(loaded.status == 0)
        #expect(
            loaded.stderr
                == "newsevents: loaded \(records.count) records from \(output): \(records.count) events, \(articles.count) articles, \(participants.count) entities, 0 retractions new\n"
        )
        #expect(try count(server, "SELECT count(*) FROM events") == records.count)
        #expect(try eventIDs(server) == Set(records.map { $0["id"] as! String }))
        let again = try CommandRunner.run(["load", "--postgres", server.url, output])
        #expect(again.status == 0)
        #expect(
            again.stderr
                == "newsevents: loaded \(records.count) records from \(output): 0 events, 0 articles, 0 entities, 0 retractions new\n"
        )
        #expect(try count(server, "SELECT count(*) FROM events") == records.count)
        // The article records through a pipe: every article complete with its text, no event added.
        let articleRecords = try CommandRunner.run(["extract", "--emit", "articles"] + fixtures)
        let piped = try CommandRunner.run(
            ["load", "--postgres", server.url], stdin: Data(articleRecords.stdout.utf8))
        #expect(piped.status == 0)
        #expect(piped.stderr.hasPrefix("newsevents: loaded \(fixtures.count) records from standard input: 0 events, "))
        #expect(try count(server, "SELECT count(*) FROM articles WHERE text IS NOT NULL") == fixtures.count)
        #expect(try count(server, "SELECT count(*) FROM events") == records.count)
    }

    @Test func theReadmesExampleQueriesRunOnTheFixturesRecords() throws {
        let server = try server()
        defer { server.stop() }
        let fixtures = try FileManager.default.contentsOfDirectory(atPath: CommandRunner.repository.path + "/fixtures")
            .filter { $0.hasSuffix(".html") }.sorted().map(CommandRunner.fixture)
        let events = try CommandRunner.run(["extract"] + fixtures)
        let articles = try CommandRunner.run(["extract", "--emit", "articles"] + fixtures)
        for output in [events, articles] {
            #expect(
                try CommandRunner.run(["load", "--postgres", server.url], stdin: Data(output.stdout.utf8)).status == 0)
        }
        let readme = try String(
            contentsOf: CommandRunner.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "\n## PostgreSQL\n").dropFirst().first)
            .components(separatedBy: "\n## ")[0]
        let queries = section.components(separatedBy: "```sql\n").dropFirst().map {
            $0.components(separatedBy: "```")[0]
        }
        #expect(queries.count == 3)
        // 1: the days and types of the JPN-PHL events of July 2024, as the records give them.
        var expected: [String: Int] = [:]
        for record in lines(events.stdout) {
            let actor = (record["actor"] as? [String: Any])?["country"] as? String
            let target = (record["target"] as? [String: Any])?["country"] as? String
            let day = (record["date"] as? [String: Any])?["value"] as? String ?? ""
            guard Set([actor, target]) == Set(["JPN", "PHL"]), day.hasPrefix("2024-07-"), day.count == 10 else {
                continue
            }
            expected["\(day)|\(record["type"] as! String)", default: 0] += 1
        }
        #expect(!expected.isEmpty)
        let rows = try server.psql(queries[0]).split(separator: "\n").map(String.init)
        #expect(rows == expected.sorted { $0.key < $1.key }.map { "\($0.key)|\($0.value)" })
        // 2: runs (what it finds depends on the day it runs).
        #expect(throws: Never.self) { try server.psql(queries[1]) }
        // 3: the Japanese officials the article records name.
        var officials: [String: Set<String>] = [:]
        for record in lines(articles.stdout) {
            for entity in record["entities"] as? [[String: Any]] ?? []
            where entity["kind"] as? String == "official" && entity["country"] as? String == "JPN" {
                officials["\(entity["name"] as! String)|\(entity["title"] as? String ?? "")", default: []]
                    .insert(record["id"] as! String)
            }
        }
        #expect(!officials.isEmpty)
        let named = try server.psql(queries[2]).split(separator: "\n").map(String.init)
        #expect(Set(named) == Set(officials.map { "\($0.key)|\($0.value.count)" }))
    }

    @Test func aLineThatIsNotARecordIsNamedTheOthersLoadAndTheStatusIsOne() throws {
        let server = try server()
        defer { server.stop() }
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let good = try String(
            contentsOfFile: CommandRunner.fixture("newsroom-divs-japan-korea-talks.expected.jsonl"), encoding: .utf8
        ).split(separator: "\n").map(String.init)
        let path = folder + "/mixed.jsonl"
        try ([good[0], "{not json", #"{"schema":"newsevents.event/3","id":"e1"}"#, ""] + good.dropFirst())
            .joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["load", "--postgres", server.url, path])
        #expect(result.status == 1)
        #expect(
            result.stderr == """
                newsevents: error: \(path):2: not valid JSON; not loaded
                newsevents: error: \(path):3: newsevents.event/3 record: no object "article" member; not loaded
                newsevents: loaded \(good.count) records from \(path): \(good.count) events, 1 articles, \(try participantCount(good)) entities, 0 retractions new; 2 lines rejected

                """)
        #expect(try count(server, "SELECT count(*) FROM events") == good.count)
    }

    private func participantCount(_ lines: [String]) throws -> Int {
        var ids = Set<String>()
        for record in self.lines(lines.joined(separator: "\n")) {
            for role in ["actor", "target"] {
                if let id = (record[role] as? [String: Any])?["id"] as? String { ids.insert(id) }
            }
        }
        return ids.count
    }

    @Test func aURLOrConfigThatCannotBeUsedIsAClearErrorWithStatusTwo() throws {
        let withPassword = try CommandRunner.run(["db", "status", "--postgres", "postgresql://u:pw@db/news"])
        #expect(withPassword.status == 2)
        #expect(
            withPassword.stderr
                == "newsevents: cannot use the PostgreSQL URL 'postgresql://u:pw@db/news': it holds a password; give it in PGPASSWORD or a password file, never in the URL\n"
        )
        let neither = try CommandRunner.run(["load", "-"])
        #expect(neither.status == 64 && neither.stderr.contains("give --postgres URL or --config FILE"))
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = folder + "/pipeline.conf"
        try "[sink]\npath = \"out.jsonl\"\npostgres = \"mysql://db/news\"\n"
            .write(toFile: config, atomically: true, encoding: .utf8)
        let checked = try CommandRunner.run(["check-config", "--config", config])
        #expect(checked.status == 2)
        #expect(
            checked.stderr.contains(
                "\(config):3: cannot use the PostgreSQL URL 'mysql://db/news': it must start with postgresql://"
            ), "\(checked.stderr)")
        // Its twin: a good URL is accepted and shown with the other keys.
        try
            "[sink]\npath = \"out.jsonl\"\npostgres = \"postgresql://loader@db.example.org/news?sslmode=require\"\npostgres_retry_seconds = 5\n"
            .write(toFile: config, atomically: true, encoding: .utf8)
        let good = try CommandRunner.run(["check-config", "--config", config])
        #expect(good.status == 0)
        #expect(good.stdout.contains("postgres = \"postgresql://loader@db.example.org/news?sslmode=require\"\n"))
        #expect(good.stdout.contains("postgres_retry_seconds = 5.0\n"))
    }

    @Test func theRunWritesEachArticleToTheDatabaseAndARerunNothing() throws {
        let server = try server()
        defer { server.stop() }
        let folder = try CronRunTests.batch(200, sink: "postgres = \"\(server.url)\"\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = try CommandRunner.run([
            "run", "--config", folder + "/pipeline.conf", "--summary-json", folder + "/s.json",
        ])
        #expect(first.status == 0, "\(first.stderr)")
        let written = try CronRunTests.ids(folder + "/out/events.jsonl").ids
        #expect(written.count >= 200)
        #expect(try eventIDs(server) == Set(written))
        #expect(try count(server, "SELECT count(*) FROM articles WHERE text IS NOT NULL") == 200)
        let summary = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/s.json")))
                as? [String: Any])
        let database = try #require(summary["database"] as? [String: Int])
        #expect(database["events"] == written.count && database["articles"] == 200)
        let again = try CommandRunner.run(["run", "--config", folder + "/pipeline.conf", "--log-level", "info"])
        #expect(again.status == 0)
        #expect(again.stderr.contains("PostgreSQL: 0 new events, 0 new or completed articles"))
        #expect(try count(server, "SELECT count(*) FROM events") == written.count)
    }

    @Test func aDatabaseDownAtTheStartStopsTheRunBeforeItReadsAnything() throws {
        let server = try server()
        defer { server.stop() }
        let folder = try CronRunTests.batch(
            50, sink: "postgres = \"\(server.url)\"\npostgres_retry_seconds = 1\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try server.kill()
        let down = try CommandRunner.run(["run", "--config", folder + "/pipeline.conf"])
        #expect(down.status == 1)
        let place = "newsevents@\(server.folder)/.s.PGSQL.5432/news"
        #expect(down.stderr.contains("newsevents: critical: cannot reach PostgreSQL at \(place) (retried for "))
        #expect(down.stderr.hasSuffix("): No such file or directory\n"))
        #expect(try CronRunTests.ids(folder + "/out/events.jsonl").ids.isEmpty)
        // Its twin: with the server back, the run writes everything to both.
        try server.restart()
        let up = try CommandRunner.run(["run", "--config", folder + "/pipeline.conf"])
        #expect(up.status == 0)
        let written = try CronRunTests.ids(folder + "/out/events.jsonl").ids
        #expect(try written.count >= 50 && eventIDs(server) == Set(written))
    }

    /// Runs `batch` without a database in a copy of its folder: the event ids an uninterrupted run writes.
    private func reference(_ folder: String) throws -> Set<String> {
        let copy = folder + "-reference"
        try FileManager.default.copyItem(atPath: folder, toPath: copy)
        defer { try? FileManager.default.removeItem(atPath: copy) }
        let config = copy + "/pipeline.conf"
        let text = try String(contentsOfFile: config, encoding: .utf8)
        try text.split(separator: "\n").filter { !$0.hasPrefix("postgres") }.joined(separator: "\n")
            .write(toFile: config, atomically: true, encoding: .utf8)
        let run = try CommandRunner.run(["run", "--config", config])
        #expect(run.status == 0)
        return Set(try CronRunTests.ids(copy + "/out/events.jsonl").ids)
    }

    /// Waits until the database holds at least `events` events (at most 60 s).
    private func waitFor(_ events: Int, in server: ThrowawayPostgres) throws {
        let started = Date()
        while Date().timeIntervalSince(started) < 60, try count(server, "SELECT count(*) FROM events") < events {
            usleep(20_000)
        }
    }

    @Test func aDatabaseLostMidRunIsRetriedAndWhenItStaysDownTheRerunCompletesIt() throws {
        let server = try server()
        defer { server.stop() }
        let folder = try CronRunTests.batch(
            1500, sink: "postgres = \"\(server.url)\"\npostgres_retry_seconds = 30\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let expected = try reference(folder)
        let config = folder + "/pipeline.conf"
        // Down for a second, back within the retry time: the run goes on and finishes.
        let run = try CronRunTests.start(["run", "--config", config])
        try waitFor(100, in: server)
        try server.kill()
        Thread.sleep(forTimeInterval: 1)
        try server.restart()
        run.waitUntilExit()
        #expect(run.terminationStatus == 0)
        #expect(try eventIDs(server) == expected)
        #expect(Set(try CronRunTests.ids(folder + "/out/events.jsonl").ids) == expected)

        // Down for good during a second batch (other articles): the run stops with status 1 after the retry time.
        let more = try CronRunTests.batch(
            1500, sink: "postgres = \"\(server.url)\"\npostgres_retry_seconds = 1\n", series: "b")
        defer { try? FileManager.default.removeItem(atPath: more) }
        let expectedMore = try reference(more)
        let second = try CronRunTests.start(["run", "--config", more + "/pipeline.conf"])
        try waitFor(expected.count + 100, in: server)
        try server.kill()
        second.waitUntilExit()
        #expect(second.terminationStatus == 1)
        try server.restart()
        let inDatabase = try count(server, "SELECT count(*) FROM events")
        #expect(inDatabase < expected.count + expectedMore.count, "the run stopped before the end")
        // The rerun loads what the stopped run did not mark done; nothing twice, nothing lost.
        let rerun = try CommandRunner.run(["run", "--config", more + "/pipeline.conf"])
        #expect(rerun.status == 0)
        #expect(try eventIDs(server) == expected.union(expectedMore))
        let (written, invalid) = try CronRunTests.ids(more + "/out/events.jsonl")
        #expect(invalid == 0 && written.count == Set(written).count && Set(written) == expectedMore)
    }

    @Test func tenSIGKILLsDuringABatchWithTheDatabaseSinkLoseAndDuplicateNothing() throws {
        let server = try server()
        defer { server.stop() }
        let folder = try CronRunTests.batch(2000, sink: "postgres = \"\(server.url)\"\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let expected = try reference(folder)
        let config = folder + "/pipeline.conf"
        let kills = try CronRunTests.killRuns(config: config, times: 10, after: 100_000...600_000)
        #expect(kills >= 5, "the batch outlasted most of the kills")
        let final = try CommandRunner.run(["run", "--config", config])
        #expect(final.status == 0)
        #expect(try eventIDs(server) == expected)
        #expect(try count(server, "SELECT count(*) FROM events") == expected.count)
        let (written, invalid) = try CronRunTests.ids(folder + "/out/events.jsonl")
        #expect(invalid == 0 && written.count == Set(written).count && Set(written) == expected)
    }
}
