import ArgumentParser
import Foundation
import NewsPipeline

/// `newsevents check-config`: validate pipeline.conf and print the effective configuration.
struct CheckConfig: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract:
            "Validate a pipeline configuration and print the effective settings (defaults applied, paths resolved).",
        discussion: """
            Examples:
              newsevents check-config --config pipeline.conf

            Exit status: 0 when the configuration is valid, 2 when it is not (one line on standard error naming
            the file, line and key).
            """)

    @Option(help: "The pipeline configuration (TOML).")
    var config: String = "pipeline.conf"

    func run() throws {
        try Output.write(try ConfigFile.load(config).effectiveTOML)
    }
}
