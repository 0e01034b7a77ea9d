import Foundation
import Testing

struct RunCommandTests {
    private func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test func aMalformedConfigGivesOneLineNamingTheKey() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try write(
            "[sources]\ndirectories = [\"pages\"]\n\n[sink]\npaht = \"out.jsonl\"\n", to: folder + "/pipeline.conf")
        let result = try CommandRunner.run(["run", "--config", folder + "/pipeline.conf"])
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(
            result.stderr
                == "newsevents: critical: \(folder)/pipeline.conf:5: unknown key 'sink.paht'; did you mean 'sink.path'?\n"
        )
        let check = try CommandRunner.run(["check-config", "--config", folder + "/pipeline.conf"])
        #expect(check.status == 2)
        #expect(
            check.stderr
                == "newsevents: \(folder)/pipeline.conf:5: unknown key 'sink.paht'; did you mean 'sink.path'?\n")
    }

    @Test func aBinaryInputGivesAnErrorRecordAndTheBatchGoesOn() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/pages", withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: CommandRunner.fixture("seed-techmonitor-albania-iran.html"), toPath: folder + "/pages/b-seed.html")
        var noise = [UInt8](repeating: 0, count: 4096)
        for index in noise.indices { noise[index] = UInt8(truncatingIfNeeded: index &* 7919 &+ index >> 3) }
        try Data(noise).write(to: URL(fileURLWithPath: folder + "/pages/a-binary.html"))
        try write(
            "[sources]\ndirectories = [\"pages\"]\n[sink]\npath = \"out/events.jsonl\"\n", to: folder + "/pipeline.conf"
        )

        let result = try CommandRunner.run(["run", "--config", folder + "/pipeline.conf", "--log-format", "json"])
        #expect(result.status == 0)
        let errorLines = result.stderr.split(separator: "\n")
        // A JSON log line has its time, level and message, the failure's stage, reason and input as fields,
        // and the error record itself.
        let error = try #require(try JSONSerialization.jsonObject(with: Data(errorLines[0].utf8)) as? [String: Any])
        #expect(
            Array(error.keys).sorted() == [
                "http_status", "input", "input_id", "level", "message", "reason", "record", "stage", "time", "url",
            ])
        #expect((error["time"] as? String)?.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil)
        #expect(error["level"] as? String == "error")
        #expect(error["input"] as? String == folder + "/pages/a-binary.html")
        #expect(error["stage"] as? String == "clean")
        #expect(error["reason"] as? String == "not-text")
        let record = try #require(error["record"] as? [String: Any])
        #expect(
            record["schema"] as? String == "newsevents.error/1"
                && record["origin"] as? String == error["input"] as? String)
        // The summary line carries the counters as numbers.
        let summaryLine = try #require(
            try JSONSerialization.jsonObject(with: Data(errorLines[errorLines.count - 1].utf8)) as? [String: Any])
        #expect(summaryLine["level"] as? String == "warning")
        #expect((summaryLine["summary"] as? [String: Any])?["failed"] as? Int == 1)
        let output = try String(contentsOfFile: folder + "/out/events.jsonl", encoding: .utf8)
        #expect(output.split(separator: "\n").count > 5, "the seed article after the binary file was processed")

        // A second run skips what the first one processed and writes nothing new.
        let again = try CommandRunner.run([
            "run", "--config", folder + "/pipeline.conf", "--summary-json", folder + "/summary.json",
        ])
        #expect(again.status == 0)
        #expect(try String(contentsOfFile: folder + "/out/events.jsonl", encoding: .utf8) == output)
        let summary = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/summary.json")))
                as? [String: Any])
        // The binary file was reported by the first run; the second skips it without a word.
        #expect((summary["skipped"] as? [String: Int]) == ["seen": 1, "failed-before": 1])
        #expect(again.stderr.isEmpty)
        #expect(summary["records"] as? Int == 0)
        // The summary's numbers are JSON numbers, and it says whether a signal stopped the run.
        #expect(summary["seconds"] is Double || summary["seconds"] is Int)
        #expect(summary["interrupted_by_signal"] is NSNull)
        // A summary that cannot be written fails the run (its records are written all the same).
        let missing = folder + "/no-such-folder/summary.json"
        let unwritable = try CommandRunner.run([
            "run", "--config", folder + "/pipeline.conf", "--summary-json", missing,
        ])
        #expect(unwritable.status == 1)
        #expect(unwritable.stderr == "newsevents: error: cannot write the summary to '\(missing)'\n")
    }

    @Test func everyInputFailingExitsWithStatusOne() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try write("[sources]\nfiles = [\"missing.html\"]\n", to: folder + "/pipeline.conf")
        let result = try CommandRunner.run(["run", "--config", folder + "/pipeline.conf"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot open '\(folder)/missing.html': No such file or directory"))
        #expect(result.stderr.contains("run finished: 1 inputs, 0 articles"))
    }

    @Test func sigtermStopsTheRunWithinFiveSecondsLeavingOnlyWholeLines() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pages = folder + "/pages"
        try FileManager.default.createDirectory(atPath: pages, withIntermediateDirectories: true)
        let seed = try String(
            contentsOfFile: CommandRunner.fixture("seed-techmonitor-albania-iran.html"), encoding: .utf8)
        for index in 0..<3000 {
            // Distinct canonical URLs, so that every copy is a distinct article with its own event ids.
            let page = seed.replacingOccurrences(
                of: "albania-iran-cyberattack-tims\"", with: "albania-iran-cyberattack-tims-\(index)\"")
            try write(page, to: pages + "/\(String(format: "%05d", index)).html")
        }
        try write(
            "[sources]\ndirectories = [\"pages\"]\n[sink]\npath = \"out/events.jsonl\"\n", to: folder + "/pipeline.conf"
        )

        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandRunner.binary)
        process.arguments = ["run", "--config", folder + "/pipeline.conf", "--summary-json", folder + "/s.json"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the run is under way, then ask it to stop.
        let outputPath = folder + "/out/events.jsonl"
        let started = Date()
        while Date().timeIntervalSince(started) < 30 {
            if let size = try? FileManager.default.attributesOfItem(atPath: outputPath)[.size] as? Int, size > 50_000 {
                break
            }
            usleep(20_000)
        }
        let signalled = Date()
        process.terminate()
        process.waitUntilExit()
        let stopSeconds = Date().timeIntervalSince(signalled)
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 143)
        #expect(stopSeconds < 5)
        let output = try String(contentsOfFile: outputPath, encoding: .utf8)
        #expect(output.hasSuffix("\n"))
        let lines = output.split(separator: "\n")
        #expect(lines.count < 3000 * 20, "the run stopped before the end")
        // The summary says the run was interrupted, and by which signal.
        let summary = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/s.json")))
                as? [String: Any])
        #expect(summary["interrupted_by_signal"] as? Int == 15)
        for line in lines {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) is [String: Any])
        }
    }
}
