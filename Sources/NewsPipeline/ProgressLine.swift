import Dispatch
import Foundation
import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A live progress line on an interactive standard error: articles done/total, rate and time left, redrawn
/// twice a second and erased at the end. Never used when standard error is not a terminal (cron, pipes,
/// files), so logs stay clean.
package final class ProgressLine: @unchecked Sendable {
    private let timer: any DispatchSourceTimer
    private let started = Date()

    /// Whether a progress line makes sense: standard error is a terminal and logs are text.
    package static func isWanted(logFormat: LogFormat) -> Bool {
        logFormat == .text && isatty(STDERR_FILENO) == 1
    }

    /// Starts redrawing; `done` is read from the timer's queue and must be thread-safe.
    package init(total: Int, done: @escaping @Sendable () -> Int) {
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "newsevents.ProgressLine"))
        let started = self.started
        timer.schedule(deadline: .now() + 0.5, repeating: 0.5)
        timer.setEventHandler {
            StderrLogHandler.writeStderr("\r\u{1B}[K" + Self.text(done: done(), total: total, since: started))
        }
        timer.resume()
    }

    /// Stops and erases the line.
    package func finish() {
        timer.cancel()
        StderrLogHandler.writeStderr("\r\u{1B}[K")
    }

    /// "1200/5000 articles, 812/s, 5s left".
    static func text(done: Int, total: Int, since start: Date) -> String {
        let seconds = max(Date().timeIntervalSince(start), 0.001)
        let rate = Double(done) / seconds
        var line = "newsevents: \(done)/\(total) articles, \(Int(rate.rounded()))/s"
        if rate > 0, total > done { line += ", \(Int((Double(total - done) / rate).rounded(.up)))s left" }
        return line
    }
}
