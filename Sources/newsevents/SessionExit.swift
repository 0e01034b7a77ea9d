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
        /// failed, or any did and `failOnArticleErrors` is set.
        case batch(failOnArticleErrors: Bool, summaryJSON: String?)
    }

    static func run(_ request: SessionRequest, logger: Logger, logFormat: LogFormat, policy: Policy) throws {
        let summary: RunSummary
        do {
            summary = try PipelineSession.execute(request, logger: logger, logFormat: logFormat)
        } catch {
            logger.critical("\(error.description)")
            if case .locked(.held) = error { throw ExitCode(75) }  // EX_TEMPFAIL: cron tries again next time
            throw ExitCode(1)
        }
        var failOnAny = false
        switch policy {
        case .filter:
            logger.info("\(summary.line)")
        case .batch(let failOnArticleErrors, let summaryJSON):
            failOnAny = failOnArticleErrors
            if let path = summaryJSON {
                let data = Data((summary.json.serialized() + "\n").utf8)
                if !FileManager.default.createFile(atPath: path, contents: data) {
                    logger.error("cannot write the summary to '\(path)'")
                }
            }
            if summary.failureCount > 0 && summary.cancelledBySignal == nil {
                logger.warning("\(summary.line)")
            } else {
                logger.info("\(summary.line)")
            }
        }
        if let signal = summary.cancelledBySignal { throw ExitCode(128 + signal) }
        let allFailed = summary.failureCount > 0 && summary.failureCount == summary.inputs
        if allFailed || (failOnAny && summary.failureCount > 0) { throw ExitCode(1) }
    }
}
