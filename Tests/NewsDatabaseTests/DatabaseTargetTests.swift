import Foundation
import Testing

@testable import NewsDatabase

struct DatabaseTargetTests {
    let environment = ["USER": "analyst"]

    @Test func aTCPURLGivesHostPortUserDatabaseAndSSLMode() throws {
        let target = try DatabaseTarget.parse(
            "postgresql://loader@db.example.org:6543/news?sslmode=verify-full", environment: environment)
        #expect(target.endpoint == .tcp(host: "db.example.org", port: 6543))
        #expect(target.user == "loader" && target.database == "news" && target.sslMode == .verifyFull)
        #expect(target.password == nil)
        #expect(target.place == "loader@db.example.org:6543/news")
    }

    @Test func defaultsAreLibpqs() throws {
        // No user: the login name; no database: the user's name; no port: 5432; sslmode prefer.
        let target = try DatabaseTarget.parse("postgres://db.example.org", environment: environment)
        #expect(target.endpoint == .tcp(host: "db.example.org", port: 5432))
        #expect(target.user == "analyst" && target.database == "analyst" && target.sslMode == .prefer)
        // No host at all: the default Unix socket folder.
        let local = try DatabaseTarget.parse("postgresql:///news", environment: environment)
        #expect(local.endpoint == .unixSocket(path: "/var/run/postgresql/.s.PGSQL.5432"))
        #expect(local.database == "news")
    }

    @Test func aFolderAsHostIsTheUnixSocketFolder() throws {
        let byParameter = try DatabaseTarget.parse(
            "postgresql://newsevents@/news?host=/tmp/pg&port=5433", environment: environment)
        #expect(byParameter.endpoint == .unixSocket(path: "/tmp/pg/.s.PGSQL.5433"))
        let encoded = try DatabaseTarget.parse("postgresql://newsevents@%2Frun%2Fpg/news", environment: environment)
        #expect(encoded.endpoint == .unixSocket(path: "/run/pg/.s.PGSQL.5432"))
        // Its twin: a host name is TCP.
        let named = try DatabaseTarget.parse("postgresql://newsevents@localhost/news", environment: environment)
        #expect(named.endpoint == .tcp(host: "localhost", port: 5432))
        let bracketed = try DatabaseTarget.parse("postgresql://newsevents@[::1]:5432/news", environment: environment)
        #expect(bracketed.endpoint == .tcp(host: "::1", port: 5432))
    }

    @Test(arguments: [
        (
            "postgresql://loader:secret@db/news",
            "it holds a password; give it in PGPASSWORD or a password file, never in the URL"
        ),
        ("mysql://db/news", "it must start with postgresql:// (postgresql://user@host:port/database)"),
        (
            "postgresql://db/news?sslmod=require",
            "unknown parameter 'sslmod' (known: sslmode, sslrootcert, host, port, user, dbname)"
        ),
        (
            "postgresql://db/news?sslmode=on",
            "sslmode 'on' is not one of disable, allow, prefer, require, verify-ca, verify-full"
        ),
        ("postgresql://db:70000/news", "port 70000 is out of range"),
        ("postgresql://db/news?port=five", "port 'five' is not a number"),
        ("postgresql://db/news?host=", "parameter 'host' has no value"),
        ("postgresql://db/news/more", "the database name 'news/more' holds a '/'"),
    ])
    func aURLThatCannotBeUsedSaysWhy(url: String, why: String) {
        #expect(throws: DatabaseError.badURL(url: url, why: why)) {
            try DatabaseTarget.parse(url, environment: environment)
        }
    }

    @Test func thePasswordComesFromPGPASSWORDElseTheFilesFirstLine() throws {
        let file = NSTemporaryDirectory() + "ne-password-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: file) }
        try "s3cret word\r\nsecond line\n".write(toFile: file, atomically: true, encoding: .utf8)
        var target = try DatabaseTarget.parse("postgresql://db/news", environment: environment)
        try target.readPassword(file: file, environment: [:])
        #expect(target.password == "s3cret word")
        try target.readPassword(file: file, environment: ["PGPASSWORD": "from-env"])
        #expect(target.password == "from-env")
        var none = try DatabaseTarget.parse("postgresql://db/news", environment: environment)
        try none.readPassword(file: nil, environment: [:])
        #expect(none.password == nil)
    }

    @Test func aPasswordFileThatCannotBeUsedSaysWhy() throws {
        let empty = NSTemporaryDirectory() + "ne-password-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: empty) }
        try "\nsecond\n".write(toFile: empty, atomically: true, encoding: .utf8)
        var target = try DatabaseTarget.parse("postgresql://db/news", environment: environment)
        #expect(throws: DatabaseError.passwordFile(path: empty, why: "its first line is empty")) {
            try target.readPassword(file: empty, environment: [:])
        }
        #expect(throws: DatabaseError.passwordFile(path: "/nonexistent/pw", why: "cannot read it")) {
            try target.readPassword(file: "/nonexistent/pw", environment: [:])
        }
        #expect(
            DatabaseError.passwordFile(path: "/p", why: "cannot read it").description
                == "cannot use the password file '/p': cannot read it")
    }
}
