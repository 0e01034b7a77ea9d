import Foundation

/// Runs the built `newsevents` binary as a user would, capturing its output and exit status.
struct CommandRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String

        /// Standard output parsed as JSON Lines; fails the caller's expectations if a line is not a JSON object.
        var records: [[String: Any]] {
            stdout.split(separator: "\n").compactMap { line in
                try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            }
        }
    }

    /// `$NEWSEVENTS_BIN` when set, else the binary beside the test bundle in the build folder.
    static let binary: String = {
        if let path = ProcessInfo.processInfo.environment["NEWSEVENTS_BIN"], !path.isEmpty { return path }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("newsevents").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/newsevents").path
    }()

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func fixture(_ name: String) -> String {
        repository.appendingPathComponent("fixtures").appendingPathComponent(name).path
    }

    /// Runs the binary with `arguments`, feeding `stdin`, in `directory`. With `stdoutPath`, standard output
    /// goes to that file (e.g. /dev/full) and `stdout` is empty.
    static func run(
        _ arguments: [String], stdin: Data = Data(), directory: String? = nil, stdoutPath: String? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        if let stdoutPath {
            process.standardOutput = FileHandle(forWritingAtPath: stdoutPath)
            try? output.fileHandleForWriting.close()
        }
        process.standardError = errors
        try process.run()
        let writer = Thread {
            input.fileHandleForWriting.write(stdin)
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let errorCollector = DataCollector(errors.fileHandleForReading)
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
            stderr: String(decoding: errorCollector.finish(), as: UTF8.self))
    }

    static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "newsevents-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

/// Reads a pipe to its end on a background thread.
final class DataCollector: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written by the reading thread before `done` is signalled, read after it.
    private var data = Data()

    init(_ handle: FileHandle) {
        Thread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }.start()
    }

    func finish() -> Data {
        done.wait()
        return data
    }
}
