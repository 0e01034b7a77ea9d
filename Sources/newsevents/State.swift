import ArgumentParser
import Foundation
import NewsPipeline

/// `newsevents state`: maintenance of a batch run's state folder.
struct State: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Inspect or repair the run state of a pipeline configuration.",
        subcommands: [Repair.self])

    struct Repair: ParsableCommand {
        static let configuration = CommandConfiguration(
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
            let settings: PipelineConfig
            do {
                settings = try PipelineConfig.load(path: config)
            } catch {
                FileHandle.standardError.write(Data("newsevents: \(error.description)\n".utf8))
                throw ExitCode(2)
            }
            let lock: RunLock
            do {
                lock = try RunLock(directory: settings.state.dir)
            } catch {
                FileHandle.standardError.write(Data("newsevents: \(error.description)\n".utf8))
                if case .held = error { throw ExitCode(75) }
                throw ExitCode(1)
            }
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
