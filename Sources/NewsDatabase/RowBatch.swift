import NewsSink

/// One value of a row, as bound to a statement.
enum Cell: Equatable {
    case text(String?)
    case int(Int?)
    case texts([String])
}

/// A record that cannot become rows: its schema and what is wrong with it.
public struct RecordProblem: Error, Equatable, CustomStringConvertible {
    public var schema: String?
    public var why: String

    public var description: String { (schema.map { "\($0) record: " } ?? "") + why }
}

/// The rows of a group of records (one article's, in the sink; a few thousand lines', in `newsevents load`),
/// each table's rows keyed by their primary key so that a record read twice gives one row.
///
/// Which records give which rows:
/// - `newsevents.event/2` and `/3`: an events row, an articles row from its `article` member (the members an
///   event carries), and an entities row for its actor and for its target;
/// - `newsevents.article/1` and `/2`: an articles row with every column, an entities row per entity, and an
///   events row per event (no `rules`: article records do not carry them);
/// - `newsevents.clean/1`: an articles row; `newsevents.retraction/1`: a retractions row;
/// - `newsevents.error/1` and `newsevents.status/1` give none (counted in ``ignored``).
public struct RowBatch {
    private(set) var articles = KeyedRows()
    private(set) var events = KeyedRows()
    private(set) var entities = KeyedRows()
    private(set) var retractions = KeyedRows()
    /// Records that give no row, by schema.
    public private(set) var ignored: [String: Int] = [:]
    /// Records added.
    public private(set) var records = 0

    public init() {}

    public var isEmpty: Bool { articles.isEmpty && events.isEmpty && entities.isEmpty && retractions.isEmpty }
    public var rowCount: Int { articles.count + events.count + entities.count + retractions.count }

    /// Adds the rows of one record.
    public mutating func add(_ record: JSONValue) throws(RecordProblem) {
        guard case .object = record else { throw RecordProblem(schema: nil, why: "not a JSON object") }
        guard let schema = record["schema"]?.stringValue else {
            throw RecordProblem(schema: nil, why: "no \"schema\" member")
        }
        let kind = schema.split(separator: "/").first.map(String.init) ?? schema
        switch kind {
        case "newsevents.event":
            let article = try Self.object(record, "article", schema)
            let articleID = try Self.string(article, "id", schema)
            articles.add(key: articleID, Self.articleStub(article, id: articleID, schema: schema), complete: false)
            try addEvent(record, articleID: articleID, schema: schema, complete: true)
            for role in ["actor", "target"] {
                guard let participant = record[role], case .object = participant else { continue }
                let id = try Self.string(participant, "id", schema)
                entities.add(
                    key: articleID + "\u{1F}" + id,
                    [
                        .text(articleID), .text(id), .text(participant["kind"]?.stringValue),
                        .text(participant["text"]?.stringValue ?? id), .text(participant["country"]?.stringValue),
                        .text(nil), .text(nil), .text(nil), .int(nil),
                    ], complete: false)
            }
        case "newsevents.article", "newsevents.clean":
            let id = try Self.string(record, "id", schema)
            articles.add(key: id, try Self.articleRow(record, id: id, schema: schema), complete: true)
            for entity in record["entities"]?.arrayValue ?? [] {
                let entityID = try Self.string(entity, "id", schema)
                entities.add(
                    key: id + "\u{1F}" + entityID,
                    [
                        .text(id), .text(entityID), .text(entity["kind"]?.stringValue),
                        .text(entity["name"]?.stringValue ?? entityID), .text(entity["country"]?.stringValue),
                        .text(entity["type"]?.stringValue), .text(entity["title"]?.stringValue),
                        .text(entity["affiliation"]?.stringValue), .int(entity["mentions"]?.arrayValue?.count),
                    ], complete: true)
            }
            for event in record["events"]?.arrayValue ?? [] {
                try addEvent(event, articleID: id, schema: schema, complete: false)
            }
        case "newsevents.retraction":
            let id = try Self.string(record, "id", schema)
            retractions.add(
                key: id,
                [
                    .text(id), .text(try Self.string(record, "event_id", schema)),
                    .text(try Self.string(record, "article_id", schema)),
                    .text(record["reason"]?.stringValue ?? ""),
                    .text(try Self.string(record, "content_sha256", schema)),
                ], complete: true)
        case "newsevents.error", "newsevents.status":
            ignored[schema, default: 0] += 1
        default:
            throw RecordProblem(schema: schema, why: "not a record kind newsevents writes")
        }
        records += 1
    }

    private mutating func addEvent(
        _ event: JSONValue, articleID: String, schema: String, complete: Bool
    )
        throws(RecordProblem)
    {
        let id = try Self.string(event, "id", schema)
        func participant(_ role: String) -> [Cell] {
            let value = event[role]
            return ["text", "kind", "id", "country"].map { .text(value?[$0]?.stringValue) }
        }
        let date = event["date"]
        let dateValue = date?["value"]?.stringValue
        let evidence = try Self.object(event, "evidence", schema)
        guard let quadClass = event["quad_class"]?.intValue else {
            throw RecordProblem(schema: schema, why: "event \(id) has no integer \"quad_class\"")
        }
        var row: [Cell] = [
            .text(id), .text(articleID), .text(try Self.string(event, "type", schema)),
            .text(event["mode"]?.stringValue),
            .texts((event["context"]?.arrayValue ?? []).compactMap(\.stringValue)),
            .text(try Self.string(event, "cameo", schema)), .int(quadClass),
        ]
        row += participant("actor") + participant("target")
        row += [
            .text(dateValue), .text(dateValue.flatMap(Self.day)), .text(date?["precision"]?.stringValue),
            .text(date?["timex"]?.stringValue), .text(date?["text"]?.stringValue),
            .int(event["mentions"]?.intValue ?? 1), .text(event["certainty"]?.stringValue ?? "asserted"),
            .text(try Self.string(evidence, "sentence", schema)), .int(evidence["start"]?.intValue ?? 0),
            .int(evidence["end"]?.intValue ?? 0), .text(evidence["cue"]?.stringValue ?? ""),
            .texts((event["rules"]?.arrayValue ?? []).compactMap(\.stringValue)),
            .text(event["coder"]?["version"]?.stringValue),
        ]
        events.add(key: id, row, complete: complete)
    }

    /// The day of an ISO 8601 value that names one (`2024-07-08`, `2024-07-08T10:00Z`), else nil.
    static func day(_ value: String) -> String? {
        let bytes = Array(value.utf8.prefix(11))
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes.count == 10 || bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " ")
        else { return nil }
        for index in [0, 1, 2, 3, 5, 6, 8, 9] where !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
            return nil
        }
        let month = Int(bytes[5] - 48) * 10 + Int(bytes[6] - 48)
        let dayOfMonth = Int(bytes[8] - 48) * 10 + Int(bytes[9] - 48)
        guard (1...12).contains(month), (1...31).contains(dayOfMonth) else { return nil }
        return String(decoding: bytes.prefix(10), as: UTF8.self)
    }

    private static func articleStub(_ article: JSONValue, id: String, schema: String) -> [Cell] {
        let published = article["published"]?.stringValue
        return [
            .text(id), .text(article["url"]?.stringValue), .text(nil), .text(article["title"]?.stringValue),
            .text(published), .text(published.flatMap(day)), .text(nil), .text(nil),
            .text(article["content_sha256"]?.stringValue ?? ""), .text(nil),
        ]
    }

    private static func articleRow(_ record: JSONValue, id: String, schema: String) throws(RecordProblem) -> [Cell] {
        let published = record["published"]?.stringValue
        return [
            .text(id), .text(record["url"]?.stringValue), .text(record["canonical_url"]?.stringValue),
            .text(record["title"]?.stringValue), .text(published), .text(published.flatMap(day)),
            .text(record["language"]?.stringValue), .text(record["site_name"]?.stringValue),
            .text(try string(record, "content_sha256", schema)), .text(record["text"]?.stringValue),
        ]
    }

    private static func string(_ value: JSONValue, _ key: String, _ schema: String) throws(RecordProblem) -> String {
        guard let string = value[key]?.stringValue else {
            throw RecordProblem(schema: schema, why: "no string \"\(key)\" member")
        }
        return string
    }

    private static func object(
        _ value: JSONValue, _ key: String, _ schema: String
    ) throws(RecordProblem)
        -> JSONValue
    {
        guard let member = value[key], case .object = member else {
            throw RecordProblem(schema: schema, why: "no object \"\(key)\" member")
        }
        return member
    }
}

/// A table's rows in first-seen order, one per key; a complete row replaces an incomplete one with its key.
struct KeyedRows {
    private(set) var rows: [[Cell]] = []
    private var index: [String: (position: Int, complete: Bool)] = [:]

    var isEmpty: Bool { rows.isEmpty }
    var count: Int { rows.count }

    mutating func add(key: String, _ row: [Cell], complete: Bool) {
        if let known = index[key] {
            guard complete, !known.complete else { return }
            rows[known.position] = row
            index[key] = (known.position, true)
            return
        }
        index[key] = (rows.count, complete)
        rows.append(row)
    }
}
