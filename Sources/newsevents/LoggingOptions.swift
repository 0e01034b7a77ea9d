import ArgumentParser
import Foundation
import Logging
import NewsPipeline

/// Options shared by every subcommand that logs.
struct LoggingOptions: ParsableArguments {
    @Option(
        help:
            "Log level: trace, debug, info, notice, warning, error, critical. (default: warning; info for 'run' on a terminal)"
    )
    var logLevel: Logger.Level?

    @Option(help: "Log format on standard error: text or json.")
    var logFormat: LogFormat = .text

    /// Installs the stderr handler. `interactiveDefault` is the level used when stderr is a terminal and
    /// no level was given.
    func bootstrap(interactiveDefault: Logger.Level = .warning) -> Logger {
        let level = logLevel ?? (isatty(STDERR_FILENO) == 1 ? interactiveDefault : .warning)
        let format = logFormat
        LoggingSystem.bootstrap { _ in StderrLogHandler(level: level, format: format) }
        return Logger(label: "newsevents")
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
extension LogFormat: ExpressibleByArgument {}
