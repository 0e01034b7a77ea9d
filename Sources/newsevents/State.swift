import ArgumentParser
import Foundation
import NewsPipeline

/// `newsevents state`: maintenance of a batch run's state folder.
struct State: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "state",
        abstract: "Inspect or repair the run state of a pipeline configuration.",
        subcommands: [Inspect.self, Repair.self])

    /// Loads the configuration and takes the run lock, or exits with the documented status.
    static func open(_ config: String) throws -> (PipelineConfig, RunLock) {
        let settings = try ConfigFile.load(config)
        do {
            return (settings, try RunLock(directory: settings.state.dir))
        } catch {
            FileHandle.standardError.write(Data("newsevents: \(error.description)\n".utf8))
            if case .held = error { throw ExitCode(75) }
            throw ExitCode(1)
        }
    }

    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "inspect",
            abstract: "Show what the run state holds: articles, the last run, and the inputs that failed for good.",
            discussion: """
                Examples:
                  newsevents state inspect --config pipeline.conf

                Prints, on standard output: the number of articles recorded, the last run's summary, each input
                that failed for good (origin, reason, first failure, message; skipped by later runs until it
                changes or 'run --retry-failed'), and each address that answered 404 or 410. Takes the run lock
                (exit status 75 when a run holds it). Exit status: 0, 1 when the state cannot be read, 2 for a
                configuration error.
                """)

        @Option(help: "The pipeline configuration (TOML).")
        var config: String = "pipeline.conf"

        func run() throws {
            let (settings, lock) = try State.open(config)
            let report: String
            do {
                report = try StateInspection.report(directory: settings.state.dir)
            } catch {
                FileHandle.standardError.write(Data("newsevents: \(error.description)\n".utf8))
                throw ExitCode(1)
            }
            try Output.write(report)
            withExtendedLifetime(lock) {}
        }
    }

    struct Repair: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "repair",
            abstract: "Rebuild a damaged run state from what survives of it and from the output files.",
            discussion: """
                Examples:
                  newsevents state repair --config pipeline.conf

                Keeps every whole state line, adds every input whose records are in the output (each record
                carries its article's content hash), cuts torn lines, and replaces the state atomically; the next
                run neither reprocesses what was written nor writes it twice. Takes the run lock (exit status 75
                when a run holds it). Exit status: 0 repaired, 1 failed, 2 configuration error.
                """)

        @Option(help: "The pipeline configuration (TOML).")
        var config: String = "pipeline.conf"

        func run() throws {
            let (settings, lock) = try State.open(config)
            do {
                let report = try StateRepair.repair(directory: settings.state.dir, output: settings.sink.path)
                FileHandle.standardError.write(Data("newsevents: \(report.line)\n".utf8))
            } catch {
                FileHandle.standardError.write(Data("newsevents: state repair failed: \(error)\n".utf8))
                throw ExitCode(1)
            }
            withExtendedLifetime(lock) {}
        }
    }
}
