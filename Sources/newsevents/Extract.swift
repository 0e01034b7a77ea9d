import ArgumentParser
import Foundation
import LibXML
import Logging
import NewsPipeline

/// The input format of `extract` and `clean`.
enum InputFormat: String, ExpressibleByArgument, CaseIterable {
    case html
    case jsonl
}

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

    @Option(help: "The article's address, used for ids and provenance.")
    var url: String?

    @Option(help: "Publication date (YYYY-MM-DD or ISO 8601 date-time); overrides the date found in the page.")
    var published: String?

    @Option(help: "What to write: events (one record per event) or articles (one record per article).")
    var emit: RecordRenderer = .events

    @Option(help: "Standard input format: html (one page) or jsonl (one JSON object per line).")
    var input: InputFormat = .html

    @OptionGroup var processing: ProcessingOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if emit == .clean {
            throw ValidationError("--emit must be 'events' or 'articles'; use 'newsevents clean' for cleaned text")
        }
        try validateInputOptions(input: input, files: files, url: url, published: published)
    }

    func run() throws {
        let logger = logging.bootstrap()
        let jobs = makeJobSource(
            input: input, files: files, url: url, published: published, maxBytes: processing.maxInputBytes)
        let request = processing.request(jobs: jobs, renderer: emit, errorsToOutput: input == .jsonl)
        try runSession(request, logger: logger, logFormat: logging.logFormat, failWhenAllFail: true)
    }
}

extension RecordRenderer: ExpressibleByArgument {}

/// Options that tune processing for the filter commands.
struct ProcessingOptions: ParsableArguments {
    @Option(help: "Worker threads. (default: the number of active processors)")
    var workers: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "The largest input accepted, in bytes (also after gzip decompression).")
    var maxInputBytes: Int = 10 * 1024 * 1024

    func validate() throws {
        guard workers > 0 else { throw ValidationError("--workers must be a positive integer, not \(workers)") }
        guard maxInputBytes > 0 else {
            throw ValidationError("--max-input-bytes must be a positive integer, not \(maxInputBytes)")
        }
    }

    func request(jobs: JobSource, renderer: RecordRenderer, errorsToOutput: Bool) -> SessionRequest {
        SessionRequest(
            jobs: jobs, renderer: renderer, outputPath: "-", fsyncEachArticle: false, stateDirectory: nil,
            workers: workers,
            maxInFlight: max(16, workers * 4), maxInputBytes: maxInputBytes, limits: ParseLimits(),
            errorsToOutput: errorsToOutput)
    }
}

func validateInputOptions(input: InputFormat, files: [String], url: String?, published: String?) throws {
    if input == .jsonl, !files.isEmpty {
        throw ValidationError("--input jsonl reads standard input only; remove the file arguments")
    }
    if input == .jsonl, url != nil || published != nil {
        throw ValidationError("--url and --published apply to one page; with --input jsonl give them in each line")
    }
    if files.count > 1, url != nil {
        throw ValidationError("--url names one article; give it with a single file")
    }
}

func makeJobSource(input: InputFormat, files: [String], url: String?, published: String?, maxBytes: Int) -> JobSource {
    switch input {
    case .jsonl:
        // A JSON line holds escaped HTML, which can be up to twice the page's size.
        return JobSources.jsonLines(maxLineBytes: maxBytes * 2)
    case .html:
        return files.isEmpty
            ? JobSources.standardInput(url: url, published: published, maxBytes: maxBytes)
            : JobSources.files(files, url: url, published: published, maxBytes: maxBytes)
    }
}

/// Runs a session and maps its outcome to an exit status.
func runSession(_ request: SessionRequest, logger: Logger, logFormat: LogFormat, failWhenAllFail: Bool) throws {
    let summary: RunSummary
    do {
        summary = try PipelineSession.execute(request, logger: logger, logFormat: logFormat)
    } catch {
        logger.critical("\(error.description)")
        throw ExitCode(1)
    }
    if let signal = summary.cancelledBySignal {
        logger.notice("\(summary.line)")
        throw ExitCode(128 + signal)
    }
    // A filter reports each failure as it happens; its summary is for those who ask (--log-level info).
    logger.info("\(summary.line)")
    if failWhenAllFail, summary.failureCount > 0, summary.failureCount == summary.inputs {
        throw ExitCode(1)
    }
}
