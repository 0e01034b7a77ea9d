import ArgumentParser
import Foundation
import Logging
import NewsPipeline

/// Where the database commands connect: `--postgres URL`, or pipeline.conf's `[sink] postgres`.
struct DatabaseOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The database: postgresql://user@host:port/database[?sslmode=...] (no password: PGPASSWORD or --password-file).",
            valueName: "url"))
    var postgres: String?

    @Option(help: "Take the database from this pipeline configuration's [sink] postgres and password_file.")
    var config: String?

    @Option(help: "A file whose first line is the password (when PGPASSWORD is not set).")
    var passwordFile: String?

    @Option(
        help:
            "Seconds to retry a lost or refused connection (default: [sink] postgres_retry_seconds with --config, else 10)."
    )
    var retrySeconds: Double?

    func validate() throws {
        if postgres == nil, config == nil { throw ValidationError("give --postgres URL or --config FILE") }
        if let retrySeconds, retrySeconds < 0 || !retrySeconds.isFinite {
            throw ValidationError("--retry-seconds must be a number of seconds, 0 or more")
        }
    }

    /// The target with its password read, or exits: 2 for a bad URL, password file or configuration.
    func settings() throws -> DatabaseSettings {
        let settings = try config.map { try ConfigFile.load($0) }
        let found = try Database.attempt(exitStatus: 2) {
            try DatabaseAccess.settings(url: postgres, config: settings, passwordFile: passwordFile)
        }
        guard var found else {
            FileHandle.standardError.write(
                Data("newsevents: \(config ?? "the configuration") has no [sink] postgres\n".utf8))
            throw ExitCode(2)
        }
        found.retrySeconds = retrySeconds ?? (settings == nil ? 10 : found.retrySeconds)
        return found
    }
}

/// `newsevents db`: the PostgreSQL schema.
struct Database: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Create, upgrade or inspect the PostgreSQL schema the database sink and 'load' write to.",
        subcommands: [Init.self, Status.self, Schema.self])

    /// Runs a database action, printing its error line and exiting with `exitStatus` when it fails.
    static func attempt<T>(exitStatus: Int32 = 1, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            FileHandle.standardError.write(Data("newsevents: \(error)\n".utf8))
            throw ExitCode(exitStatus)
        }
    }

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Create the tables, or apply the migrations the database lacks.",
            discussion: """
                Examples:
                  newsevents db init --postgres postgresql://newsevents@localhost/news
                  PGPASSWORD=... newsevents db init --config pipeline.conf

                Each schema version is applied in one transaction and recorded in
                the table newsevents_schema; running it again does nothing.
                Exit status: 0 done; 1 the database refused or could not be
                reached; 2 a bad URL, password file or configuration.
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var logging: LoggingOptions

        func run() throws {
            let logger = logging.bootstrap()
            let settings = try database.settings()
            let line = try Database.attempt { try DatabaseAccess.initialize(settings, logger: logger) }
            FileHandle.standardError.write(Data("newsevents: \(line)\n".utf8))
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Print the database's schema version and the rows of each table.",
            discussion: """
                Examples:
                  newsevents db status --config pipeline.conf

                Prints 'name value' lines on standard output: database,
                schema_version, articles, events, entities, retractions.
                Exit status: 0; 1 the database could not be read; 2 a bad URL or
                configuration.
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var logging: LoggingOptions

        func run() throws {
            let logger = logging.bootstrap()
            let settings = try database.settings()
            let text = try Database.attempt { try DatabaseAccess.status(settings, logger: logger) }
            try Output.write(text)
        }
    }

    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "schema",
            abstract: "Print the schema's DDL, every version in order, as one SQL script.",
            discussion: """
                Examples:
                  newsevents db schema > newsevents.sql
                """)

        func run() throws {
            try Output.write(DatabaseAccess.schemaScript)
        }
    }
}

/// `newsevents load`: JSON Lines records into PostgreSQL.
struct Load: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Load JSON Lines records (event, article, retraction) into PostgreSQL, idempotently.",
        discussion: """
            Examples:
              newsevents load --postgres postgresql://me@localhost/news out/events.jsonl
              newsevents extract page.html | newsevents load --config pipeline.conf

            Reads a file, or standard input when the file is '-' or missing.
            Each batch of records is one transaction of INSERT ... ON CONFLICT:
            loading the same records again adds no row. Error and status
            records are counted and give no row. Run 'newsevents db init'
            first. The summary line goes to standard error.
            Exit status: 0 every line loaded; 1 some lines were not records
            (each named with its line number; the others are loaded), the input
            could not be read, or the database failed (what was committed
            stays; loading again completes it); 2 a bad URL, password file or
            configuration.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var logging: LoggingOptions

    @Option(help: "Records per transaction.")
    var batch: Int = 1000

    @Argument(help: "A JSON Lines file of newsevents records; '-' or none reads standard input.")
    var file: String = "-"

    func validate() throws {
        if batch < 1 { throw ValidationError("--batch must be at least 1") }
    }

    func run() throws {
        let logger = logging.bootstrap()
        let settings = try database.settings()
        let report = try Database.attempt {
            try DatabaseAccess.load(path: file, settings: settings, batchRecords: batch, logger: logger)
        }
        let source = file == "-" ? "standard input" : file
        FileHandle.standardError.write(Data("newsevents: \(report.line(source: source))\n".utf8))
        if !report.rejected.isEmpty { throw ExitCode(1) }
    }
}
