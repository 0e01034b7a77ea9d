import Foundation
import Testing

/// The batch run as cron uses it: the lock, crashes at any moment, a damaged state and its repair, torn
/// lines, dated output paths and SIGHUP.
@Suite(.serialized)
struct CronRunTests {
    /// A folder with `count` small distinct articles and a pipeline.conf writing to `output`; `sink` adds lines to
    /// its `[sink]` section; `series` makes the articles (their addresses and texts) differ from another series'.
    static func batch(
        _ count: Int, output: String = "out/events.jsonl", sink: String = "", series: String = ""
    )
        throws -> String
    {
        let folder = try CommandRunner.temporaryFolder()
        let pages = folder + "/pages"
        try FileManager.default.createDirectory(atPath: pages, withIntermediateDirectories: true)
        let countries = ["Albania", "Iran", "France", "Japan", "Brazil", "Kenya", "Canada", "India", "Peru", "Chile"]
        for index in 0..<count {
            let actor = countries[index % countries.count]
            let target = countries[(index / countries.count + 1 + index) % countries.count]
            let page = """
                <html><head><title>Story \(index)</title>
                <link rel="canonical" href="https://cron.example/story/\(series)\(index)">
                <meta property="article:published_time" content="2022-09-12"></head>
                <body><article><h1>Story \(index)</h1>
                <p>On Friday, \(actor) blamed \(target) for incident number \(series)\(index) at the border, officials said.</p>
                <p>\(target) rejected the accusation and said it would respond to case \(index) in court.</p>
                </article></body></html>
                """
            try page.write(toFile: pages + "/\(String(format: "%05d", index)).html", atomically: false, encoding: .utf8)
        }
        try
            "[sources]\ndirectories = [\"pages\"]\n[sink]\npath = \"\(output)\"\nfsync = true\n\(sink)[state]\ndir = \"state\"\n"
            .write(toFile: folder + "/pipeline.conf", atomically: false, encoding: .utf8)
        return folder
    }

    /// Starts `run --config config` and SIGKILLs it after a random number of microseconds in `after`, up to
    /// `times` times or until a run finishes first; `afterEach` runs after each kill. Returns the kills.
    static func killRuns(
        config: String, times: Int, after: ClosedRange<UInt32>, afterEach: () throws -> Void = {}
    ) throws -> Int {
        var generator = SystemRandomNumberGenerator()
        var kills = 0
        while kills < times {
            let process = try start(["run", "--config", config])
            usleep(UInt32.random(in: after, using: &generator))
            guard process.isRunning else {
                process.waitUntilExit()
                break  // the batch finished before this kill
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            kills += 1
            try afterEach()
        }
        return kills
    }

    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandRunner.binary)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// The record ids of a JSON Lines file, and how many of its lines are not JSON objects (a torn last
    /// line counts only when `allowTornEnd` is false).
    static func ids(_ path: String, allowTornEnd: Bool = false) throws -> (ids: [String], invalid: Int) {
        guard let data = FileManager.default.contents(atPath: path) else { return ([], 0) }
        var lines = data.split(separator: 0x0A, omittingEmptySubsequences: true)
        if allowTornEnd, data.last != 0x0A, !lines.isEmpty { lines.removeLast() }
        var ids: [String] = []
        var invalid = 0
        for line in lines {
            if let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                let id = object["id"] as? String
            {
                ids.append(id)
            } else {
                invalid += 1
            }
        }
        return (ids, invalid)
    }

    @Test func twentySIGKILLsDuringA5000ArticleBatchLoseAndDuplicateNothing() throws {
        let folder = try Self.batch(5000)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = folder + "/pipeline.conf"
        let output = folder + "/out/events.jsonl"
        // The reference: the same batch, uninterrupted, in a copy of the folder.
        let reference = folder + "-reference"
        try FileManager.default.copyItem(atPath: folder, toPath: reference)
        defer { try? FileManager.default.removeItem(atPath: reference) }
        let uninterrupted = try CommandRunner.run(["run", "--config", reference + "/pipeline.conf"])
        #expect(uninterrupted.status == 0)
        let expected = Set(try Self.ids(reference + "/out/events.jsonl").ids)
        #expect(expected.count >= 5000, "every story gives at least one event")

        let kills = try Self.killRuns(config: config, times: 20, after: 50_000...400_000) { () throws in
            // Whole lines are always valid; only the last one may be torn, and the next run cuts it.
            #expect(try Self.ids(output, allowTornEnd: true).invalid == 0)
        }
        #expect(kills >= 10, "the batch outlasted most of the kills")
        let final = try CommandRunner.run(["run", "--config", config])
        #expect(final.status == 0)
        let (written, invalid) = try Self.ids(output)
        #expect(invalid == 0)
        #expect(written.count == Set(written).count, "no record id is written twice")
        #expect(Set(written) == expected)
    }

    @Test func aSecondRunOnTheSameStateExitsSeventyFiveAndTheFirstFinishes() throws {
        let folder = try Self.batch(1500)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = folder + "/pipeline.conf"
        let first = try Self.start(["run", "--config", config])
        // Wait until the first run holds the lock (it writes its PID into the lock file).
        let lockFile = folder + "/state/lock"
        let started = Date()
        while Date().timeIntervalSince(started) < 20,
            (try? String(contentsOfFile: lockFile, encoding: .utf8))?.isEmpty ?? true
        {
            usleep(10_000)
        }
        // At the default level the expected overlap says nothing (cron would mail it); at notice it says why.
        let second = try CommandRunner.run(["run", "--config", config])
        let told = try CommandRunner.run(["run", "--config", config, "--log-level", "notice"])
        first.waitUntilExit()
        #expect(second.status == 75 && second.stderr.isEmpty)
        #expect(told.status == 75)
        #expect(
            told.stderr
                == "newsevents: notice: another run (process \(first.processIdentifier)) holds the lock '\(folder)/state/lock'; not starting\n"
        )
        #expect(first.terminationStatus == 0)
        let (written, invalid) = try Self.ids(folder + "/out/events.jsonl")
        #expect(invalid == 0 && written.count == Set(written).count && !written.isEmpty)
        // With --wait, a second run waits for the lock and then finds nothing new.
        let waiting = try CommandRunner.run([
            "run", "--config", config, "--wait", "10", "--summary-json", folder + "/s.json",
        ])
        #expect(waiting.status == 0)
        let summary = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/s.json")))
                as? [String: Any])
        #expect(summary["records"] as? Int == 0)
    }

    @Test func aTruncatedStateIsAClearErrorAndTheRepairAvoidsReprocessing() throws {
        let folder = try Self.batch(300)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = folder + "/pipeline.conf"
        #expect(try CommandRunner.run(["run", "--config", config]).status == 0)
        let output = folder + "/out/events.jsonl"
        let before = try Self.ids(output).ids
        let snapshot = folder + "/state/seen.tsv"
        let size = try #require(try FileManager.default.attributesOfItem(atPath: snapshot)[.size] as? Int)
        #expect(truncate(snapshot, off_t(size / 2)) == 0)

        let damaged = try CommandRunner.run(["run", "--config", config])
        #expect(damaged.status == 1)
        #expect(damaged.stderr.contains("seen.tsv': has no end line (truncated"))
        #expect(damaged.stderr.contains("run 'newsevents state repair --config"))
        #expect(try Self.ids(output).ids == before, "the refused run wrote nothing")

        let repair = try CommandRunner.run(["state", "repair", "--config", config])
        #expect(repair.status == 0)
        #expect(repair.stderr.contains("state repaired:"))
        let rerun = try CommandRunner.run(["run", "--config", config, "--summary-json", folder + "/s.json"])
        #expect(rerun.status == 0)
        let summary = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/s.json")))
                as? [String: Any])
        // Every story has events, so every one was recovered from the output: nothing is processed again.
        #expect(summary["articles"] as? Int == 0)
        #expect((summary["skipped"] as? [String: Any])?["seen"] as? Int == 300)
        #expect(try Self.ids(output).ids == before)
    }

    @Test func aTornLastLineIsCutAndTheRunGoesOn() throws {
        let folder = try Self.batch(20)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = folder + "/pipeline.conf"
        let output = folder + "/out/events.jsonl"
        #expect(try CommandRunner.run(["run", "--config", config]).status == 0)
        let handle = try #require(FileHandle(forWritingAtPath: output))
        handle.seekToEndOfFile()
        handle.write(Data("{\"schema\":\"newsevents.event/2\",\"id\":\"e0000".utf8))
        try handle.close()
        try FileManager.default.removeItem(atPath: folder + "/pages/00000.html")
        try "<html><body><article><p>On Friday, Peru blamed Chile for the new dispute.</p></article></body></html>"
            .write(toFile: folder + "/pages/new.html", atomically: false, encoding: .utf8)
        let rerun = try CommandRunner.run(["run", "--config", config])
        #expect(rerun.status == 0)
        #expect(rerun.stderr.contains("cut a torn last line"))
        let (written, invalid) = try Self.ids(output)
        #expect(invalid == 0)
        #expect(written.count == Set(written).count)
    }

    @Test func aDatedOutputPathWritesTodaysFile() throws {
        let folder = try Self.batch(5, output: "out/events-%Y-%m-%d.jsonl")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try CommandRunner.run(["run", "--config", folder + "/pipeline.conf"]).status == 0)
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "UTC")
        let today = formatter.string(from: Date())
        let (written, invalid) = try Self.ids(folder + "/out/events-\(today).jsonl")
        #expect(!written.isEmpty && invalid == 0)
    }

    @Test func sighupReopensTheOutputAfterItWasMovedAway() throws {
        let folder = try Self.batch(3000)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = folder + "/out/events.jsonl"
        let process = try Self.start(["run", "--config", folder + "/pipeline.conf"])
        let started = Date()
        while Date().timeIntervalSince(started) < 30 {
            if let size = try? FileManager.default.attributesOfItem(atPath: output)[.size] as? Int, size > 20_000 {
                break
            }
            usleep(10_000)
        }
        try FileManager.default.moveItem(atPath: output, toPath: output + ".1")
        kill(process.processIdentifier, SIGHUP)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let (rotated, rotatedInvalid) = try Self.ids(output + ".1")
        let (fresh, freshInvalid) = try Self.ids(output)
        #expect(rotatedInvalid == 0 && freshInvalid == 0)
        #expect(!rotated.isEmpty && !fresh.isEmpty, "lines went to the moved file, then to a new one")
        #expect(Set(rotated).isDisjoint(with: fresh))
    }

    @Test func aRunRedrawsTheReportOfTheWholeOutput() throws {
        let folder = try Self.batch(4)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = folder + "/pipeline.conf"
        let plain = try String(contentsOfFile: config, encoding: .utf8)
        try (plain + "[report]\npath = \"out/report.html\"\n").write(toFile: config, atomically: false, encoding: .utf8)
        let first = try CommandRunner.run(["run", "--config", config])
        #expect(first.status == 0 && first.stderr.isEmpty)
        let report = try String(contentsOfFile: folder + "/out/report.html", encoding: .utf8)
        // The same page as `newsevents report` over the output file, byte for byte.
        let direct = try CommandRunner.run(["report", folder + "/out/events.jsonl"])
        #expect(direct.stdout == report)
        #expect(report.contains("<tr><th>events</th><td class=\"n\">8</td></tr>"))
        // A second run with nothing new draws the same report; a report that cannot be written fails the run
        // with status 1, its records written all the same.
        #expect(try CommandRunner.run(["run", "--config", config]).status == 0)
        #expect(try String(contentsOfFile: folder + "/out/report.html", encoding: .utf8) == report)
        try FileManager.default.createDirectory(atPath: folder + "/blocked", withIntermediateDirectories: true)
        try (plain + "[report]\npath = \"blocked\"\n").write(toFile: config, atomically: false, encoding: .utf8)
        let blocked = try CommandRunner.run(["run", "--config", config])
        #expect(blocked.status == 1)
        #expect(blocked.stderr.contains("newsevents: error: cannot write the report: cannot write '\(folder)/blocked'"))
    }

    @Test func anInputThatFailsForGoodIsReportedOnceAndTheCrontabLineStaysSilentForTenRuns() throws {
        let folder = try Self.batch(3)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = folder + "/pipeline.conf"
        try (String(contentsOfFile: config, encoding: .utf8) + "[fetch]\nmax_bytes = 20000\n").write(
            toFile: config, atomically: false, encoding: .utf8)
        let image = folder + "/pages/image.html"
        let big = folder + "/pages/big.html"
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]).write(to: URL(fileURLWithPath: image))
        // Gzip data over the input limit: a plain page that long is read in part (and says so), but cut
        // compressed data cannot be inflated.
        try Data([0x1F, 0x8B] + [UInt8](repeating: 0x78, count: 25_000)).write(to: URL(fileURLWithPath: big))
        let pngError =
            "newsevents: error: \(image): input is not HTML text: it starts like a PNG image (reason=not-text stage=clean)\n"
        let sizeError =
            "newsevents: error: \(big): '\(big)' is larger than the input limit of 20000 bytes (reason=too-large stage=read)\n"
        let first = try CommandRunner.run(["run", "--config", config])
        #expect(first.status == 0)
        #expect(first.stderr.hasPrefix(sizeError + pngError) || first.stderr.hasPrefix(pngError + sizeError))
        #expect(first.stderr.contains("newsevents: warning: run finished: 5 inputs, 3 articles"))
        // The README's crontab line, nine more times: nothing on standard error, nothing new in the output.
        for _ in 2...10 {
            let quiet = try CommandRunner.run(["run", "--config", config])
            #expect(quiet.status == 0 && quiet.stderr.isEmpty)
        }
        let inspect = try CommandRunner.run(["state", "inspect", "--config", config])
        #expect(inspect.status == 0)
        #expect(inspect.stdout.contains("state \(folder)/state: 3 articles recorded\n"))
        #expect(inspect.stdout.contains("failed for good: 2 "))
        #expect(inspect.stdout.contains("  \(big)\tread/too-large\tsince "))
        #expect(inspect.stdout.contains("  \(image)\tclean/not-text\tsince "))
        // Its twins: a changed input is tried (and reported) again; --retry-failed tries every one again.
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 1, 1, 0x0D]).write(to: URL(fileURLWithPath: image))
        let changed = try CommandRunner.run(["run", "--config", config])
        #expect(changed.stderr.hasPrefix(pngError) && !changed.stderr.contains(sizeError))
        let retried = try CommandRunner.run(["run", "--config", config, "--retry-failed"])
        #expect(retried.stderr.contains(pngError) && retried.stderr.contains(sizeError))
        // A failed input that is fixed is processed and forgotten.
        try FileManager.default.removeItem(atPath: big)
        try
            "<html><body><article><p>On Friday, Kenya blamed Peru for the attack at the border, officials said in a long statement.</p></article></body></html>"
            .write(toFile: big, atomically: false, encoding: .utf8)
        let fixed = try CommandRunner.run(["run", "--config", config, "--log-level", "error"])
        #expect(fixed.status == 0 && fixed.stderr.isEmpty)
        let after = try CommandRunner.run(["state", "inspect", "--config", config])
        #expect(after.stdout.contains("failed for good: 1 ") && !after.stdout.contains(big))
    }
}
