import ArgumentParser
import Foundation
import NewsPipeline

/// The input format of `extract` and `clean`.
enum InputFormat: String, ExpressibleByArgument, CaseIterable {
    case html
    case jsonl
    case text
    case warc
}

/// Where `extract` and `clean` read articles from, and what the caller says about them.
struct InputOptions: ParsableArguments {
    @Option(help: "The article's address, used for ids and provenance.")
    var url: String?

    @Option(help: "Publication date (YYYY-MM-DD or ISO 8601 date-time); overrides the date found in the page.")
    var published: String?

    @Option(
        help:
            "Input format: html (one page), jsonl (one JSON object per line on standard input), text (one article's plain text on standard input, not cleaned) or warc (the HTML responses of WARC files, plain or gzip-compressed, or of standard input)."
    )
    var input: InputFormat = .html

    /// Checks the options against the file arguments.
    func validate(files: [String]) throws {
        if input == .warc, url != nil || published != nil {
            throw ValidationError(
                "--url and --published apply to one page; a WARC file gives each page's address and capture date")
        }
        if input != .html, input != .warc, !files.isEmpty {
            throw ValidationError("--input \(input.rawValue) reads standard input only; remove the file arguments")
        }
        if input == .jsonl, url != nil || published != nil {
            throw ValidationError("--url and --published apply to one page; with --input jsonl give them in each line")
        }
        if files.count > 1, url != nil {
            throw ValidationError("--url names one article; give it with a single file")
        }
    }

    /// The jobs for `files` (none: standard input).
    func jobs(files: [String], maxBytes: Int) -> JobSource {
        switch input {
        case .jsonl:
            // A JSON line holds escaped HTML, which can be up to twice the page's size.
            return JobSources.jsonLines(maxLineBytes: maxBytes * 2)
        case .text:
            return JobSources.standardInput(url: url, published: published, maxBytes: maxBytes, plainText: true)
        case .warc:
            return JobSources.warc(files.isEmpty ? ["-"] : files, maxBytes: maxBytes)
        case .html:
            return files.isEmpty
                ? JobSources.standardInput(url: url, published: published, maxBytes: maxBytes)
                : JobSources.files(files, url: url, published: published, maxBytes: maxBytes)
        }
    }
}

/// Options that tune processing for the filter commands.
struct ProcessingOptions: ParsableArguments {
    @Option(help: "Worker threads. (default: the number of active processors)")
    var workers: Int?

    /// The worker threads to start.
    var workerCount: Int { workers ?? ProcessInfo.processInfo.activeProcessorCount }

    @Option(help: "The largest input accepted, in bytes (also after gzip decompression).")
    var maxInputBytes: Int = 10 * 1024 * 1024

    func validate() throws {
        if let workers, workers <= 0 {
            throw ValidationError("--workers must be a positive integer, not \(workers)")
        }
        guard maxInputBytes > 0 else {
            throw ValidationError("--max-input-bytes must be a positive integer, not \(maxInputBytes)")
        }
    }

    /// A session writing to standard output with no run state.
    func request(jobs: JobSource, renderer: RecordRenderer, errorsToOutput: Bool) -> SessionRequest {
        var request = SessionRequest(
            jobs: jobs, renderer: renderer, outputPath: "-", fsyncEachArticle: false, stateDirectory: nil,
            workers: workerCount, maxInFlight: max(16, workerCount * 4),
            limits: .init(maxInputBytes: maxInputBytes), errorsToOutput: errorsToOutput)
        request.warnOnEmptyArticles = true
        return request
    }
}
