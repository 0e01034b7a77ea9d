import ArgumentParser
import NewsPipeline

/// `newsevents extract`: article HTML in, events (or article records) as JSON Lines out.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract events from article HTML (files or standard input) as JSON Lines on standard output.",
        discussion: """
            Examples:
              curl -s https://example.org/story | newsevents extract --url https://example.org/story
              newsevents extract --published 2022-09-12 fixtures/seed-techmonitor-albania-iran.html
              newsevents extract --emit articles page.html | jq '.entities[].id'
              printf '%s\\n' '{"id":"1","published":"2022-09-12","text":"Albania blamed Iran."}' | newsevents extract --input jsonl

            With --input jsonl, each standard-input line is {"id", "url", "published", "html"} or {..., "text"};
            every line gives its records (carrying "input_id") in input order, and a bad line gives a
            newsevents.error/1 record while the stream goes on.
            Exit status: 0 when at least one input was processed (or there was none), 1 when every input failed,
            130/143 when interrupted.
            """)

    @Argument(help: "HTML files (optionally gzip-compressed). None or '-' reads standard input.")
    var files: [String] = []

    @Option(help: "What to write: events (one record per event) or articles (one record per article).")
    var emit: RecordRenderer = .events

    @OptionGroup var inputOptions: InputOptions
    @OptionGroup var processing: ProcessingOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if emit == .clean {
            throw ValidationError("--emit must be 'events' or 'articles'; use 'newsevents clean' for cleaned text")
        }
        try inputOptions.validate(files: files)
    }

    func run() throws {
        let logger = logging.bootstrap()
        let jobs = inputOptions.jobs(files: files, maxBytes: processing.maxInputBytes)
        let request = processing.request(jobs: jobs, renderer: emit, errorsToOutput: inputOptions.input == .jsonl)
        try SessionExit.run(request, logger: logger, logFormat: logging.logFormat, policy: .filter)
    }
}
