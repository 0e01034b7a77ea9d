import Dispatch
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL
import NewsSink
import PostgresNIO

/// Rows a ``PostgresStore/write(_:)`` added or completed, per table.
public struct WriteCounts: Sendable, Equatable {
    public var articles = 0
    public var events = 0
    public var entities = 0
    public var retractions = 0

    public init() {}

    public static func += (lhs: inout WriteCounts, rhs: WriteCounts) {
        lhs.articles += rhs.articles
        lhs.events += rhs.events
        lhs.entities += rhs.entities
        lhs.retractions += rhs.retractions
    }
}

/// One connection to PostgreSQL, used from one thread at a time (the sink queue, or `newsevents load`'s loop).
///
/// Every write is one transaction of `INSERT ... ON CONFLICT` statements, so writing the same rows again adds
/// nothing. A lost connection (refused, reset, closed by the server, the server shutting down or starting up) is
/// retried with a new connection and exponential backoff, the whole transaction again, for up to
/// `retrySeconds`; then, or at once on any other error (a refused login, a bad statement), it throws.
public final class PostgresStore: @unchecked Sendable {
    public let target: DatabaseTarget
    private let retrySeconds: Double
    /// The longest a statement may take before the connection counts as lost (a server that vanished without
    /// closing it); far above what one batch takes.
    private let statementSeconds: Double = 120
    private let logger: Logger
    private var connection: PostgresConnection?
    private static let connectionIDs = NSLock()
    nonisolated(unsafe) private static var nextID = 0

    /// Connects (retrying as above). `retrySeconds` 0 tries once.
    public init(target: DatabaseTarget, retrySeconds: Double, logger: Logger) throws(DatabaseError) {
        self.target = target
        self.retrySeconds = retrySeconds
        self.logger = logger
        try withRetry { _ in }
    }

    deinit { close() }

    public func close() {
        guard let connection else { return }
        self.connection = nil
        _ = try? connection.close().finish(within: 5)
    }

    // MARK: Schema

    /// The schema version the database has; nil when it has no newsevents tables.
    public func schemaVersion() throws(DatabaseError) -> Int? {
        try withRetry { connection in
            let exists = try execute("SELECT to_regclass('newsevents_schema') IS NOT NULL", on: connection)
            guard let row = exists.first, try row.decode(Bool.self) else { return nil }
            let result = try execute("SELECT max(version) FROM newsevents_schema", on: connection)
            return try result.first?.decode(Int?.self)
        }
    }

    /// Fails unless the database has the schema version this program writes.
    public func requireCurrentSchema() throws(DatabaseError) {
        let found = try schemaVersion()
        if let found, found > DatabaseSchema.currentVersion {
            throw .schemaNewer(place: target.place, found: found, known: DatabaseSchema.currentVersion)
        }
        guard found == DatabaseSchema.currentVersion else {
            throw .schemaMissing(place: target.place, found: found, expected: DatabaseSchema.currentVersion)
        }
    }

    /// Applies the migrations the database lacks, each in its own transaction, under a lock that makes a second
    /// `db init` wait. Returns the versions before and after.
    @discardableResult
    public func migrate() throws(DatabaseError) -> (from: Int?, to: Int) {
        let before = try schemaVersion()
        if let before, before > DatabaseSchema.currentVersion {
            throw .schemaNewer(place: target.place, found: before, known: DatabaseSchema.currentVersion)
        }
        for migration in DatabaseSchema.migrations {
            try withRetry { connection in
                try transaction(connection) {
                    for statement in Self.statements(DatabaseSchema.versionTable) {
                        try run(statement, on: connection)
                    }
                    try run("LOCK TABLE newsevents_schema IN SHARE ROW EXCLUSIVE MODE", on: connection)
                    let applied = try execute(
                        "SELECT 1 FROM newsevents_schema WHERE version = \(migration.version)", on: connection)
                    guard applied.rows.isEmpty else { return }
                    for statement in Self.statements(migration.sql) { try run(statement, on: connection) }
                    _ = try execute(
                        "INSERT INTO newsevents_schema (version, summary) VALUES (\(migration.version), \(migration.summary))",
                        on: connection)
                }
            }
        }
        return (before, DatabaseSchema.currentVersion)
    }

    /// The statements of a script (each ends with `;` at the end of a line; the DDL holds no other `;` there).
    static func statements(_ script: String) -> [String] {
        var statements: [String] = []
        var current = ""
        for line in script.split(separator: "\n", omittingEmptySubsequences: false) {
            current += line + "\n"
            if line.trimmingCharacters(in: .whitespaces).hasSuffix(";") {
                statements.append(current.trimmingCharacters(in: .whitespacesAndNewlines))
                current = ""
            }
        }
        let rest = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !rest.isEmpty { statements.append(rest) }
        return statements
    }

    // MARK: Rows

    /// Writes a batch in one transaction. Rows whose key is already there are left as they are, except that a
    /// row loaded from an event record (an article, or an entity, with only the members an event carries) is
    /// completed by the same row from an article record.
    @discardableResult
    public func write(_ batch: RowBatch) throws(DatabaseError) -> WriteCounts {
        guard !batch.isEmpty else { return WriteCounts() }
        return try withRetry { connection in
            try transaction(connection) {
                var counts = WriteCounts()
                counts.articles = try insert(batch.articles.rows, into: .articles, on: connection)
                counts.events = try insert(batch.events.rows, into: .events, on: connection)
                counts.entities = try insert(batch.entities.rows, into: .entities, on: connection)
                counts.retractions = try insert(batch.retractions.rows, into: .retractions, on: connection)
                return counts
            }
        }
    }

    /// Row counts of the four tables (for `newsevents db status` and the tests).
    public func tableCounts() throws(DatabaseError) -> WriteCounts {
        try withRetry { connection in
            let result = try execute(
                """
                SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events),
                       (SELECT count(*) FROM entities), (SELECT count(*) FROM retractions)
                """, on: connection)
            var counts = WriteCounts()
            if let row = result.first {
                (counts.articles, counts.events, counts.entities, counts.retractions) = try row.decode(
                    (Int, Int, Int, Int).self)
            }
            return counts
        }
    }

    /// Runs a query and returns its rows as strings (NULL as nil); every column must be text (cast with `::text`).
    public func rows(_ sql: String) throws(DatabaseError) -> [[String?]] {
        try withRetry { connection in
            let result = try execute(PostgresQuery(unsafeSQL: sql), on: connection)
            return try result.rows.map { row in
                try row.map { cell in try cell.decode(String?.self) }
            }
        }
    }

    /// Inserts rows with one statement per table whatever their number: each column travels as one array
    /// parameter, `unnest` turns the arrays back into rows (the server parses one short statement instead of
    /// thousands of placeholders).
    private func insert(_ rows: [[Cell]], into table: Table, on connection: PostgresConnection) throws -> Int {
        guard !rows.isEmpty else { return 0 }
        let columns = table.columns
        var binds = PostgresBindings(capacity: columns.count)
        var arguments: [String] = []
        var selected: [String] = []
        for (index, column) in columns.enumerated() {
            let number = index + 1
            switch column.cast {
            case "int":
                binds.append(
                    NullableArray<Int>(values: rows.map { if case .int(let value) = $0[index] { value } else { nil } }))
                arguments.append("$\(number)::int8[]")
                selected.append("v\(number)")
            default:
                binds.append(
                    NullableArray<String>(
                        values: rows.map { row in
                            switch row[index] {
                            case .text(let value): return value
                            case .texts(let values): return arrayLiteral(values)
                            case .int(let value): return value.map(String.init)
                            }
                        }))
                arguments.append("$\(number)::text[]")
                selected.append("v\(number)" + (column.cast.map { "::" + $0 } ?? ""))
            }
        }
        let names = (1...columns.count).map { "v\($0)" }.joined(separator: ", ")
        let sql =
            "INSERT INTO \(table.name) (\(columns.map(\.name).joined(separator: ", "))) SELECT "
            + selected.joined(separator: ", ") + " FROM unnest(" + arguments.joined(separator: ", ") + ") AS t("
            + names + ") ON CONFLICT " + table.onConflict
        let result = try execute(PostgresQuery(unsafeSQL: sql, binds: binds), on: connection)
        return result.metadata.rows ?? 0
    }

    // MARK: Connections and retries

    private func run(_ sql: String, on connection: PostgresConnection) throws {
        _ = try execute(PostgresQuery(unsafeSQL: sql), on: connection)
    }

    /// Runs one statement. A connection already closed fails at once (postgres-nio would leave a query sent on it
    /// unanswered), as does one that does not answer within `statementSeconds`.
    private func execute(_ query: PostgresQuery, on connection: PostgresConnection) throws -> PostgresQueryResult {
        guard !connection.isClosed else { throw ConnectionClosed() }
        return try connection.query(query, logger: logger).finish(within: statementSeconds)
    }

    private func transaction<T>(_ connection: PostgresConnection, _ body: () throws -> T) throws -> T {
        try run("BEGIN", on: connection)
        do {
            let value = try body()
            try run("COMMIT", on: connection)
            return value
        } catch {
            // A lost connection has rolled the transaction back already.
            if !Self.isConnectionFailure(error) { try? run("ROLLBACK", on: connection) }
            throw error
        }
    }

    /// Runs `body` on the connection, reconnecting and running it again after a connection-level failure, with
    /// backoff (0.25 s doubling to 5 s), until `retrySeconds` have passed.
    private func withRetry<T>(_ body: (PostgresConnection) throws -> T) throws(DatabaseError) -> T {
        let started = DispatchTime.now().uptimeNanoseconds
        var delay = 0.25
        var retried = false
        while true {
            do {
                if self.connection?.isClosed == true { self.connection = nil }
                let connection = try self.connection ?? connect()
                self.connection = connection
                return try body(connection)
            } catch {
                let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
                guard Self.isConnectionFailure(error) else {
                    if self.connection?.isClosed == true { self.connection = nil }
                    throw describe(error)
                }
                if let connection = self.connection {
                    self.connection = nil
                    _ = try? connection.close().finish(within: 5)
                }
                guard elapsed + delay <= retrySeconds else {
                    throw .unreachable(place: target.place, seconds: retried ? elapsed : 0, why: Self.reason(error))
                }
                logger.warning(
                    "PostgreSQL at \(target.place): \(Self.reason(error)); trying again in \(String(format: "%.2f", delay)) s"
                )
                Thread.sleep(forTimeInterval: delay)
                delay = min(delay * 2, 5)
                retried = true
            }
        }
    }

    private func connect() throws -> PostgresConnection {
        var configuration: PostgresConnection.Configuration
        switch target.endpoint {
        case .unixSocket(let path):
            configuration = .init(
                unixSocketPath: path, username: target.user, password: target.password, database: target.database)
        case .tcp(let host, let port):
            configuration = .init(
                host: host, port: port, username: target.user, password: target.password, database: target.database,
                tls: try Self.tls(target.sslMode, rootCert: target.sslRootCert))
        }
        configuration.options.connectTimeout = .seconds(10)
        let id = Self.connectionIDs.withLock {
            Self.nextID += 1
            return Self.nextID
        }
        return try PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration, id: id, logger: logger
        ).finish(within: 30)
    }

    /// libpq's `sslmode` as postgres-nio's TLS setting: `prefer` and `require` encrypt without checking the
    /// certificate (unless `sslrootcert` names the roots to check it against), `verify-ca` checks the chain,
    /// `verify-full` the chain and the host name.
    private static func tls(
        _ mode: DatabaseTarget.SSLMode, rootCert: String?
    ) throws
        -> PostgresConnection.Configuration.TLS
    {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let rootCert { tls.trustRoots = .file(rootCert) }
        switch mode {
        case .disable, .allow: return .disable
        case .prefer, .require:
            tls.certificateVerification = rootCert == nil ? .none : .noHostnameVerification
            let context = try NIOSSLContext(configuration: tls)
            return mode == .prefer ? .prefer(context) : .require(context)
        case .verifyCA:
            tls.certificateVerification = .noHostnameVerification
            return .require(try NIOSSLContext(configuration: tls))
        case .verifyFull:
            tls.certificateVerification = .fullVerification
            return .require(try NIOSSLContext(configuration: tls))
        }
    }

    /// SQLSTATEs of a server that is going away or not ready yet, or a transaction to run again.
    private static let transientStates: Set<String> = ["57P01", "57P02", "57P03", "40001", "40P01", "53300"]

    static func isConnectionFailure(_ error: any Error) -> Bool {
        if error is StatementTimeout || error is ConnectionClosed { return true }
        guard let error = error as? PSQLError else {
            // NIO's connection errors: refused, reset, no such socket file, a timeout.
            return error is IOError || error is NIOConnectionError || error is ChannelError
        }
        // A certificate that fails its check fails again: not retried.
        if error.underlying is NIOSSLError { return false }
        if let state = error.serverInfo?[.sqlState] {
            return state.hasPrefix("08") || transientStates.contains(state)
        }
        switch error.code {
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown: return true
        default: return false
        }
    }

    /// What a user reads of an error: the server's message, or the connection's.
    static func reason(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            if let underlying = error.underlying { return reason(underlying) }
            switch error.code {
            case .serverClosedConnection: return "the server closed the connection"
            case .clientClosedConnection: return "the connection was closed"
            case .uncleanShutdown: return "the connection was cut"
            default: return "\(error.code)"
            }
        }
        if let error = error as? NIOConnectionError {
            return error.connectionErrors.first.map { reason($0.error) } ?? "\(error)"
        }
        if let error = error as? IOError { return String(cString: strerror(error.errnoCode)) }
        if let error = error as? NIOSSLError {
            // BoringSSL's reason ("CERTIFICATE_VERIFY_FAILED") without its source location.
            let text = "\(error)"
            if let range = text.range(of: "OPENSSL_internal:[A-Z_]+", options: .regularExpression) {
                return "the TLS handshake failed: " + text[range].dropFirst("OPENSSL_internal:".count)
            }
            return "TLS: \(text)"
        }
        return "\(error)"
    }

    private func describe(_ error: any Error) -> DatabaseError {
        if let error = error as? PSQLError, error.code == .authMechanismRequiresPassword {
            return .passwordNeeded(place: target.place)
        }
        if let error = error as? PSQLError, let info = error.serverInfo {
            var message = info[.message] ?? "error"
            if let detail = info[.detail] { message += " (\(detail))" }
            return .server(place: target.place, sqlState: info[.sqlState] ?? "?????", message: message)
        }
        return .unreachable(place: target.place, seconds: 0, why: Self.reason(error))
    }
}

/// What a column of nullable values is made of: its array and element types and one element's bytes.
protocol ArrayElement: Sendable {
    static var arrayType: PostgresDataType { get }
    static var elementType: PostgresDataType { get }
    func write(into buffer: inout ByteBuffer)
}

extension String: ArrayElement {
    static var arrayType: PostgresDataType { .textArray }
    static var elementType: PostgresDataType { .text }
    func write(into buffer: inout ByteBuffer) {
        buffer.writeInteger(Int32(utf8.count))
        buffer.writeString(self)
    }
}

extension Int: ArrayElement {
    static var arrayType: PostgresDataType { .int8Array }
    static var elementType: PostgresDataType { .int8 }
    func write(into buffer: inout ByteBuffer) {
        buffer.writeInteger(Int32(8))
        buffer.writeInteger(Int64(self))
    }
}

/// A column of nullable values as one array parameter (postgres-nio's arrays hold no NULL), in PostgreSQL's
/// binary array format: one dimension, the NULL flag, the element type, the length and lower bound (1), then
/// each element's length (-1 for NULL) and bytes.
struct NullableArray<Element: ArrayElement>: PostgresNonThrowingEncodable {
    var values: [Element?]

    static var psqlType: PostgresDataType { Element.arrayType }
    static var psqlFormat: PostgresFormat { .binary }

    func encode<JSONEncoder: PostgresJSONEncoder>(
        into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>
    ) {
        buffer.writeInteger(Int32(1))
        buffer.writeInteger(Int32(values.contains { $0 == nil } ? 1 : 0))
        buffer.writeInteger(Element.elementType.rawValue)
        buffer.writeInteger(Int32(values.count))
        buffer.writeInteger(Int32(1))
        for value in values {
            if let value { value.write(into: &buffer) } else { buffer.writeInteger(Int32(-1)) }
        }
    }
}

/// A PostgreSQL array literal of strings (`{"a","b \"c\""}`), cast to `text[]` by the statement.
func arrayLiteral(_ values: [String]) -> String {
    var text = "{"
    for (index, value) in values.enumerated() {
        text += index == 0 ? "\"" : ",\""
        if value.utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            for scalar in value.unicodeScalars {
                if scalar == "\"" || scalar == "\\" { text += "\\" }
                text.unicodeScalars.append(scalar)
            }
        } else {
            text += value
        }
        text += "\""
    }
    return text + "}"
}

/// A statement was to be sent on a connection already closed.
struct ConnectionClosed: Error, CustomStringConvertible {
    var description: String { "the connection was closed" }
}

/// A statement (or a connection attempt) that did not finish in time.
struct StatementTimeout: Error, CustomStringConvertible {
    var seconds: Double
    var description: String { "no answer within \(Int(seconds)) s" }
}

extension EventLoopFuture where Value: Sendable {
    /// Blocks until the future completes, at most `seconds` (`wait()` would block forever on a connection that
    /// never answers).
    func finish(within seconds: Double) throws -> Value {
        let outcome = NIOLockedValueBox<Result<Value, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        whenComplete { result in
            outcome.withLockedValue { $0 = result }
            done.signal()
        }
        guard done.wait(timeout: .now() + seconds) == .success else { throw StatementTimeout(seconds: seconds) }
        return try outcome.withLockedValue { $0! }.get()
    }
}

/// The tables rows go to, with their columns in the order ``RowBatch`` builds rows.
enum Table {
    case articles, events, entities, retractions

    var name: String { "\(self)" }

    /// Each column with its type when it is not text: `int` (sent as int8), `date` or `text[]` (sent as text).
    var columns: [(name: String, cast: String?)] {
        func plain(_ names: String) -> [(name: String, cast: String?)] {
            names.split(separator: " ").map { (String($0), nil) }
        }
        switch self {
        case .articles:
            return plain("id url canonical_url title published") + [("published_on", "date")]
                + plain("language site_name content_sha256 text")
        case .events:
            return plain("id article_id type mode") + [("context", "text[]"), ("cameo", nil), ("quad_class", "int")]
                + plain("actor_text actor_kind actor_id actor_country target_text target_kind target_id target_country")
                + [("date_value", nil), ("date_day", "date")] + plain("date_precision date_timex date_text")
                + [("mentions", "int"), ("certainty", nil), ("evidence_sentence", nil)]
                + [("evidence_start", "int"), ("evidence_end", "int"), ("evidence_cue", nil), ("rules", "text[]")]
                + plain("coder_version")
        case .entities:
            return plain("article_id id kind name country type title affiliation") + [("mentions", "int")]
        case .retractions:
            return plain("id event_id article_id reason content_sha256")
        }
    }

    /// What a row whose key is there already does: nothing, or fill in a row an event record began.
    var onConflict: String {
        switch self {
        case .articles:
            return """
                (id) DO UPDATE SET canonical_url = EXCLUDED.canonical_url, language = EXCLUDED.language, \
                site_name = EXCLUDED.site_name, text = EXCLUDED.text \
                WHERE articles.text IS NULL AND EXCLUDED.text IS NOT NULL
                """
        case .entities:
            return """
                (article_id, id) DO UPDATE SET type = EXCLUDED.type, title = EXCLUDED.title, \
                affiliation = EXCLUDED.affiliation, mentions = EXCLUDED.mentions \
                WHERE entities.mentions IS NULL AND EXCLUDED.mentions IS NOT NULL
                """
        case .events, .retractions:
            return "(id) DO NOTHING"
        }
    }
}

extension WriteCounts {
    /// `{"articles": n, "events": n, "entities": n, "retractions": n}`.
    public var json: JSONValue {
        .object([
            ("articles", .int(articles)), ("events", .int(events)), ("entities", .int(entities)),
            ("retractions", .int(retractions)),
        ])
    }
}
