import ArgumentParser
import Foundation
import Logging
import NewsPipeline

/// Runs a session and maps its outcome to the documented exit statuses.
enum SessionExit {
    /// How failures of single articles count.
    enum Policy {
        /// A filter (`extract`, `clean`): each failure was logged as it happened; the summary is at info level;
        /// status 1 only when every input failed.
        case filter
        /// A batch run: the summary is at warning level when articles failed; status 1 when every input
        /// failed, or any did and `failOnArticleErrors` is set. `report`: the HTML report of the output file to
        /// write after the run (`[report] path`).
        case batch(failOnArticleErrors: Bool, summaryJSON: String?, report: (output: String, path: String)? = nil)
    }

    static func run(_ request: SessionRequest, logger: Logger, logFormat: LogFormat, policy: Policy) throws {
        let summary: RunSummary
        do {
            summary = try PipelineSession.execute(request, logger: logger, logFormat: logFormat)
        } catch {
            if case .locked(.held) = error {
                // The expected outcome when runs overlap (EX_TEMPFAIL: cron tries again next time): no mail.
                logger.notice("\(error.description)")
                throw ExitCode(75)
            }
            // A write failure (a full disk) is the same error line for every command; a state that cannot be used
            // stops a batch run before it starts.
            if case .sink = error {
                logger.error("\(error.description)")
            } else {
                logger.critical("\(error.description)")
            }
            throw ExitCode(1)
        }
        /// The summary line: text, or in JSON a line whose "summary" holds the counters as numbers.
        func reportSummary(_ level: Logger.Level) {
            guard logFormat == .json else {
                logger.log(level: level, "\(summary.line)")
                return
            }
            guard logger.logLevel <= level else { return }
            StderrLogHandler.writeStderr(
                StderrLogHandler.jsonLine(level: level, message: summary.line, fields: [("summary", summary.json)]))
        }
        var failOnAny = false
        var summaryFailed = false
        switch policy {
        case .filter:
            reportSummary(.info)
        case .batch(let failOnArticleErrors, let summaryJSON, let report):
            failOnAny = failOnArticleErrors
            if let path = summaryJSON {
                let data = Data((summary.json.serialized() + "\n").utf8)
                if !FileManager.default.createFile(atPath: path, contents: data) {
                    // The records are written; the run still fails, so that a wrong --summary-json is noticed.
                    logger.error("cannot write the summary to '\(path)'")
                    summaryFailed = true
                }
            }
            if let report, summary.cancelledBySignal == nil {
                // The whole output, not only this run's records: the report shows what the file holds.
                do {
                    let html = try EventReport.read(paths: [report.output]).html()
                    try EventReport.write(html, to: report.path)
                    logger.debug("wrote the report \(report.path)")
                } catch {
                    logger.error("cannot write the report: \(error)")
                    summaryFailed = true
                }
            }
            reportSummary(summary.failureCount > 0 && summary.cancelledBySignal == nil ? .warning : .info)
        }
        if let signal = summary.cancelledBySignal { throw ExitCode(128 + signal) }
        let allFailed = summary.failureCount > 0 && summary.failureCount == summary.inputs
        if allFailed || (failOnAny && summary.failureCount > 0) || summaryFailed { throw ExitCode(1) }
    }
}
