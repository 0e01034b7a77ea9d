import ArgumentParser
import Foundation
import NewsPipeline

/// `newsevents run`: the batch job over the configured sources.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the batch job: process the configured sources, skip what earlier runs saw, append new records.",
        discussion: """
            Examples:
              newsevents run --config pipeline.conf
              newsevents run --config /etc/newsevents/pipeline.conf --log-format json

            Exit status: 0 when the run completed (articles that failed are counted in the summary and logged);
            1 when every input failed, or any did with --fail-on-article-errors, or the output or the state could
            not be used (a damaged state names its repair: newsevents state repair --config FILE); 2 for a
            configuration error; 64 for bad flags; 75 when another run holds the state folder's lock (without
            --wait, or after it); 130/143 when interrupted by SIGINT/SIGTERM. SIGHUP reopens the output (for
            logrotate). The summary line goes to standard error at level info (warning when articles failed), so
            a cron job is silent unless something went wrong. An input that fails for good (a file too large or
            not HTML, a page that cannot be cleaned, an address that answers 404 or 410) is reported by the run
            that first meets it; later runs skip it quietly (counted as failed-before) until it changes, or with
            --retry-failed. 'newsevents state inspect' lists them. Another run's lock is a notice, not an error.
            """)

    @Option(help: "The pipeline configuration (TOML).")
    var config: String = "pipeline.conf"

    @Flag(help: "Exit with status 1 when any article failed.")
    var failOnArticleErrors = false

    @Option(help: "Also write the run summary as JSON to this file.")
    var summaryJson: String?

    @Option(help: "Wait up to this many seconds for another run's lock instead of exiting with status 75.")
    var wait: Double?

    @Flag(
        help:
            "Try again the inputs that failed for good in earlier runs (unchanged files that could not be read or cleaned, addresses that answered 404 or 410)."
    )
    var retryFailed = false

    func validate() throws {
        if let wait, wait < 0 || !wait.isFinite {
            throw ValidationError("--wait must be a number of seconds, 0 or more, not \(wait)")
        }
    }

    @OptionGroup var logging: LoggingOptions

    func run() throws {
        let logger = logging.bootstrap(interactiveDefault: .info)
        let settings: PipelineConfig
        do {
            settings = try PipelineConfig.load(path: config)
        } catch {
            logger.critical("\(error.description)")
            throw ExitCode(2)
        }
        let database: DatabaseSettings?
        do {
            database = try DatabaseAccess.settings(url: nil, config: settings, passwordFile: nil)
        } catch {
            logger.critical("\(error)")
            throw ExitCode(2)
        }
        let inputs = BatchInputs(config: settings, retryFailed: retryFailed)
        defer { inputs.close() }
        var request = SessionRequest(
            jobs: inputs.jobs, renderer: settings.extract.emit == "articles" ? .articles : .events,
            outputPath: settings.sink.path, fsyncEachArticle: settings.sink.fsync, stateDirectory: settings.state.dir,
            workers: settings.scheduler.workers, maxInFlight: settings.scheduler.maxInFlight,
            limits: settings.cleanLimits, errorsToOutput: false)
        request.lockWait = wait
        request.database = database
        request.retryFailed = retryFailed
        request.onFinished = inputs.saveFetchState
        request.onSourceRead = inputs.warcFileRead
        // The number of pages in WARC files is not known before they are read: no progress line then.
        request.progressTotal =
            ProgressLine.isWanted(logFormat: logging.logFormat) && settings.sources.warcFiles.isEmpty
            ? JobSources.count(settings.sources) : nil
        try SessionExit.run(
            request, logger: logger, logFormat: logging.logFormat,
            policy: .batch(
                failOnArticleErrors: failOnArticleErrors, summaryJSON: summaryJson,
                report: settings.report.path.isEmpty || settings.sink.path == "-"
                    ? nil : (settings.sink.path, settings.report.path)))
    }
}
