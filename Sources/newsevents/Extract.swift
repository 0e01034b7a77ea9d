import ArgumentParser
import NewsPipeline

/// The output format of `extract`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case jsonl
    case gdelt
}

/// What `extract` writes (the other renderers belong to `clean` and `--format gdelt`).
enum EmitKind: String, ExpressibleByArgument, CaseIterable {
    case events
    case articles

    var renderer: RecordRenderer { self == .articles ? .articles : .events }
}

/// `newsevents extract`: article HTML in, events (or article records) as JSON Lines out.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract events from article HTML (files or standard input) as JSON Lines on standard output.",
        discussion: """
            Examples:
              curl -s https://example.org/story | newsevents extract --url https://example.org/story
              newsevents extract --published 2022-09-12 fixtures/seed-techmonitor-albania-iran.html
              newsevents extract --emit articles page.html | jq '.entities[].id'
              printf '%s\\n' '{"id":"1","published":"2022-09-12","text":"Albania blamed Iran."}' | newsevents extract --input jsonl
              echo 'Albania blamed Iran for the attack.' | newsevents extract --input text --published 2022-09-12
              newsevents extract --format gdelt page.html > events.tsv
              newsevents extract --fetch --url https://example.org/story
              newsevents extract --input warc CC-NEWS-20261101000000-00001.warc.gz

            With --input jsonl, each standard-input line is {"id", "url", "published", "html"} or {..., "text"};
            every line gives its records (carrying "input_id") in input order: its events, a newsevents.error/1
            record for a bad line (the stream goes on), or a newsevents.status/1 record (empty, no-events, or
            duplicate of an earlier line) when it gave nothing else. --format gdelt writes the events as rows of the
            GDELT 2.0 event table (61 tab-separated columns; README lists which are filled); errors then go to
            standard error only.
            With --input warc, each HTML response of the WARC files (or standard input) is a page, with its
            WARC-Target-URI and WARC-Date; other records are counted as skipped, damaged ones reported.
            Exit status: 0 when at least one input was processed (or there was none), 1 when every input failed,
            130/143 when interrupted.
            """)

    @Argument(
        help:
            "HTML files (optionally gzip-compressed), or WARC files with --input warc. None or '-' reads standard input."
    )
    var files: [String] = []

    @Option(help: "What to write: events (one record per event) or articles (one record per article).")
    var emit: EmitKind = .events

    @Option(help: "Output format: jsonl (records of the JSON Schema in schema/) or gdelt (GDELT 2.0 event rows).")
    var format: OutputFormat = .jsonl

    @Flag(
        help:
            "Fetch the page at --url over HTTP(S) instead of reading standard input (robots.txt, limits and timeouts as in a run)."
    )
    var fetch = false

    @Flag(help: "With --fetch: allow loopback and private-network addresses (never link-local ones).")
    var allowPrivateAddresses = false

    @OptionGroup var inputOptions: InputOptions
    @OptionGroup var processing: ProcessingOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if fetch, inputOptions.url == nil || !files.isEmpty || inputOptions.input != .html {
            throw ValidationError("--fetch needs --url and reads no files or other input")
        }
        if format == .gdelt, emit == .articles {
            throw ValidationError("--format gdelt writes events; it cannot be combined with --emit articles")
        }
        try inputOptions.validate(files: files)
    }

    func run() throws {
        let logger = logging.bootstrap()
        let jobs =
            fetch
            ? BatchInputs.fetchedPage(
                url: inputOptions.url ?? "", published: inputOptions.published,
                allowPrivateAddresses: allowPrivateAddresses)
            : inputOptions.jobs(files: files, maxBytes: processing.maxInputBytes)
        let request = processing.request(
            jobs: jobs, renderer: format == .gdelt ? .gdelt : emit.renderer,
            errorsToOutput: inputOptions.input == .jsonl && format == .jsonl)
        try SessionExit.run(request, logger: logger, logFormat: logging.logFormat, policy: .filter)
    }
}
