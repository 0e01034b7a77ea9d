import ArgumentParser
import Foundation
import NewsPipeline

/// The configuration for the commands that only read it (`check-config`, `state`): one line on standard error
/// and exit status 2 when it is not valid.
enum ConfigFile {
    static func load(_ path: String) throws -> PipelineConfig {
        do {
            return try PipelineConfig.load(path: path)
        } catch {
            FileHandle.standardError.write(Data("newsevents: \(error.description)\n".utf8))
            throw ExitCode(2)
        }
    }
}

/// What the printing commands write to standard output: a write that fails (a full disk) is reported once on
/// standard error and exits with status 1, never a crash.
enum Output {
    static func write(_ text: String) throws {
        try reporting { try StandardOutput.write(text) }
    }

    /// Runs `body`, turning its write failure into the one error line and exit status 1.
    static func reporting(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch {
            FileHandle.standardError.write(Data("newsevents: error: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
