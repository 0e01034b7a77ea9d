import ArgumentParser
import Foundation
import NewsPipeline

/// `newsevents clean`: the cleaned article.
struct Clean: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Print the cleaned article: main text, or text plus metadata as JSON.",
        discussion: """
            Examples:
              newsevents clean --format text page.html
              curl -s URL | newsevents clean --format json | jq .title
              newsevents clean --input jsonl < pages.jsonl
              newsevents clean --format json fixtures/*.html | jq .title

            --format text prints the main text of one page, paragraphs separated by a blank line. A page with no
            article prints nothing and says why on standard error (exit status 0). --format json and --input
            jsonl print newsevents.clean/1 records, one per page, for any number of files. Exit status 1 when
            the input cannot be read or parsed (with several files: when none can).
            """)

    @Argument(
        help:
            "HTML files (optionally gzip-compressed; WARC files with --input warc); --format text takes one. None or '-' reads standard input."
    )
    var files: [String] = []

    @Option(help: "Output: text (main text only) or json (text plus metadata).")
    var format: Format = .text

    @OptionGroup var inputOptions: InputOptions
    @OptionGroup var processing: ProcessingOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        try inputOptions.validate(files: files)
        if format == .text, inputOptions.input == .warc {
            throw ValidationError("--format text prints one page; use --format json for the pages of WARC input")
        }
        if format == .text, inputOptions.input != .jsonl, files.count > 1 {
            throw ValidationError("--format text prints one page; use --format json for \(files.count) files")
        }
    }

    func run() throws {
        let logger = logging.bootstrap()
        let jobs = inputOptions.jobs(files: files, maxBytes: processing.maxInputBytes)
        if format == .json || inputOptions.input == .jsonl {
            let request = processing.request(
                jobs: jobs, renderer: .clean, errorsToOutput: inputOptions.input == .jsonl)
            try SessionExit.run(request, logger: logger, logFormat: logging.logFormat, policy: .filter)
            return
        }
        // Plain text for one page: no scheduler needed.
        guard let job = jobs.next() else { return }
        let processor = ArticleProcessor(
            limits: .init(maxInputBytes: processing.maxInputBytes), runsExtraction: false)
        switch processor.process(job) {
        case .article(let article):
            if article.cleaned.text.isEmpty {
                logger.warning("\(article.input.origin): no article text: \(article.cleaned.emptyReason ?? "empty")")
                return
            }
            try Output.write(article.cleaned.text + "\n")
        case .failure(let failure):
            logger.error("\(failure.origin): \(failure.message)")
            throw ExitCode(1)
        case .skipped, .unchanged, .sourceRead:
            return
        }
    }
}
