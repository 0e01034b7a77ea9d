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
        abstract: "Print the cleaned article: main text, or text plus metadata as JSON.",
        discussion: """
            Examples:
              newsevents clean --format text page.html
              curl -s URL | newsevents clean --format json | jq .title
              newsevents clean --input jsonl < pages.jsonl

            --format text prints the main text, paragraphs separated by a blank line. A page with no article
            prints nothing and says why on standard error (exit status 0). --format json and --input jsonl
            print newsevents.clean/1 records. Exit status 1 when the input cannot be read or parsed.
            """)

    @Argument(help: "An HTML file (optionally gzip-compressed). None or '-' reads standard input.")
    var file: String?

    @Option(help: "Output: text (main text only) or json (text plus metadata).")
    var format: Format = .text

    @OptionGroup var inputOptions: InputOptions
    @OptionGroup var processing: ProcessingOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        try inputOptions.validate(files: file.map { [$0] } ?? [])
    }

    func run() throws {
        let logger = logging.bootstrap()
        let jobs = inputOptions.jobs(files: file.map { [$0] } ?? [], maxBytes: processing.maxInputBytes)
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
        case .skipped, .unchanged:
            return
        }
    }
}
