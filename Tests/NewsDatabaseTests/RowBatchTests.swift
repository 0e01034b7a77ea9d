import Foundation
import NewsSink
import Testing

@testable import NewsDatabase

/// Records to rows, on the fixtures' golden records.
struct RowBatchTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures")

    static func records(_ name: String) throws -> [JSONValue] {
        let data = try Data(contentsOf: fixtures.appendingPathComponent(name))
        return data.split(separator: 0x0A).map { JSONValue.parse($0)! }
    }

    @Test func anEventRecordGivesItsEventItsArticleAndItsParticipants() throws {
        let record = try Self.records("newsroom-divs-japan-korea-talks.expected.jsonl")[0]
        var batch = RowBatch()
        try batch.add(record)
        #expect(batch.events.count == 1 && batch.articles.count == 1 && batch.records == 1)
        let event = batch.events.rows[0]
        let columns = Table.events.columns.map(\.name)
        #expect(event.count == columns.count)
        func cell(_ name: String) -> Cell { event[columns.firstIndex(of: name)!] }
        #expect(cell("id") == .text(record["id"]!.stringValue))
        #expect(cell("article_id") == .text(record["article"]!["id"]!.stringValue))
        #expect(cell("type") == .text(record["type"]!.stringValue))
        #expect(cell("cameo") == .text(record["cameo"]!.stringValue))
        #expect(cell("actor_country") == .text(record["actor"]!["country"]!.stringValue))
        #expect(cell("rules") == .texts(record["rules"]!.arrayValue!.map { $0.stringValue! }))
        #expect(cell("evidence_sentence") == .text(record["evidence"]!["sentence"]!.stringValue))
        // The actor and the target (when there is one) as entities of the article.
        let participants = ["actor", "target"].filter { record[$0]!["id"] != nil }
        #expect(batch.entities.count == participants.count)
        // The article row from the event's article member: no text.
        let article = batch.articles.rows[0]
        #expect(article[Table.articles.columns.map(\.name).firstIndex(of: "text")!] == .text(nil))
        #expect(article.count == Table.articles.columns.count)
    }

    @Test func anArticleRecordCompletesTheArticleAnEventBeganAndKeepsTheEventsRules() throws {
        let events = try Self.records("seed-techmonitor-albania-iran.expected.jsonl")
        let article = try Self.records("seed-techmonitor-albania-iran.article.expected.jsonl")[0]
        var batch = RowBatch()
        for record in events { try batch.add(record) }
        try batch.add(article)
        #expect(batch.articles.count == 1)
        let textColumn = Table.articles.columns.map(\.name).firstIndex(of: "text")!
        #expect(batch.articles.rows[0][textColumn] == .text(article["text"]!.stringValue))
        // The article record's events (no rules) do not replace the event records' rows (with rules).
        #expect(batch.events.count == events.count)
        let rulesColumn = Table.events.columns.map(\.name).firstIndex(of: "rules")!
        #expect(batch.events.rows.allSatisfy { $0[rulesColumn] != .texts([]) })
        // Every entity of the article record, complete (with its mention count).
        let entityIDs = Set(article["entities"]!.arrayValue!.map { $0["id"]!.stringValue! })
        let mentionsColumn = Table.entities.columns.map(\.name).firstIndex(of: "mentions")!
        let complete = batch.entities.rows.filter { $0[mentionsColumn] != .int(nil) }
        #expect(complete.count == entityIDs.count)
    }

    @Test func anArticleRecordAloneGivesItsEventsWithoutRules() throws {
        let article = try Self.records("seed-techmonitor-albania-iran.article.expected.jsonl")[0]
        var batch = RowBatch()
        try batch.add(article)
        #expect(batch.events.count == article["events"]!.arrayValue!.count)
        let rulesColumn = Table.events.columns.map(\.name).firstIndex(of: "rules")!
        #expect(batch.events.rows.allSatisfy { $0[rulesColumn] == .texts([]) })
    }

    @Test func errorAndStatusRecordsGiveNoRowAndAreCounted() throws {
        var batch = RowBatch()
        try batch.add(
            JSONValue.parse(
                Array(
                    #"{"schema":"newsevents.error/1","input_id":"7","origin":"stdin:3","url":null,"stage":"clean","reason":"not-html","message":"x","http_status":null}"#
                        .utf8))!)
        try batch.add(JSONValue.parse(Array(#"{"schema":"newsevents.status/1","status":"empty"}"#.utf8))!)
        #expect(batch.isEmpty && batch.records == 2)
        #expect(batch.ignored == ["newsevents.error/1": 1, "newsevents.status/1": 1])
    }

    @Test(arguments: [
        (#"[1, 2]"#, RecordProblem(schema: nil, why: "not a JSON object")),
        (#"{"id": "e1"}"#, RecordProblem(schema: nil, why: "no \"schema\" member")),
        (
            #"{"schema": "other.thing/1"}"#,
            RecordProblem(schema: "other.thing/1", why: "not a record kind newsevents writes")
        ),
        (
            #"{"schema": "newsevents.event/3", "id": "e1"}"#,
            RecordProblem(schema: "newsevents.event/3", why: "no object \"article\" member")
        ),
        (
            #"{"schema": "newsevents.retraction/1", "id": "r1", "article_id": "a1"}"#,
            RecordProblem(schema: "newsevents.retraction/1", why: "no string \"event_id\" member")
        ),
    ])
    func aRecordThatCannotBecomeRowsSaysWhy(json: String, problem: RecordProblem) throws {
        var batch = RowBatch()
        let value = try #require(JSONValue.parse(Array(json.utf8)))
        #expect(throws: problem) { try batch.add(value) }
        #expect(batch.isEmpty && batch.records == 0)
    }

    @Test(arguments: [
        ("2024-07-08", "2024-07-08"), ("2024-07-08T10:00:00Z", "2024-07-08"), ("2024-07", nil), ("2024-W27", nil),
        ("2024", nil), ("2024-13-01", nil), ("PRESENT_REF", nil), ("2024-07-08TMO", "2024-07-08"),
    ])
    func theDayOfADateValue(value: String, day: String?) {
        #expect(RowBatch.day(value) == day)
    }

    @Test func aTextArrayLiteralQuotesEveryElementAndEscapesQuotesAndBackslashes() {
        #expect(arrayLiteral([]) == "{}")
        #expect(arrayLiteral(["a", "NULL", "b c,d"]) == #"{"a","NULL","b c,d"}"#)
        #expect(arrayLiteral([#"say "no""#, #"C:\dir"#]) == #"{"say \"no\"","C:\\dir"}"#)
    }

    @Test func scriptStatementsSplitAtLineEndSemicolons() {
        let statements = PostgresStore.statements("CREATE TABLE a (x int);\n-- note\nCREATE INDEX b ON a (x);\n")
        #expect(statements == ["CREATE TABLE a (x int);", "-- note\nCREATE INDEX b ON a (x);"])
        #expect(PostgresStore.statements(DatabaseSchema.migrations[0].sql).count == 13)
    }
}
