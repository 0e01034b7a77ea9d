import Foundation
import Testing

/// `--input warc` and `[sources] warc_files`, run as a user would, on the files `scripts/make-warc.py fixtures`
/// builds.
struct WARCInputTests {
    static func warc(_ name: String) -> String {
        CommandRunner.repository.appendingPathComponent("Tests/Data/warc/\(name)").path
    }

    private func eventIDs(_ result: CommandRunner.Result) -> Set<String> {
        Set(result.records.compactMap { $0["id"] as? String })
    }

    @Test func aCompressedAPlainAndAPipedWARCGiveTheSameEvents() throws {
        let compressed = try CommandRunner.run(["extract", "--input", "warc", Self.warc("fixtures.warc.gz")])
        #expect(compressed.status == 0)
        let urls = Set(compressed.records.compactMap { ($0["article"] as? [String: Any])?["url"] as? String })
        // A page without a canonical link of its own is known by its WARC-Target-URI.
        #expect(urls.contains("https://fixtures.example/legacy-table-niger-coup-windows1252"))
        #expect(eventIDs(compressed).count > 20)
        // Only what a page itself deserves is said; the records that hold no article are counted, not reported.
        let origin = Self.warc("fixtures.warc.gz")
        #expect(
            compressed.stderr.split(separator: "\n").map { String($0).replacingOccurrences(of: origin, with: "W") } == [
                "newsevents: warning: W@9714: no article text: no article text found: the main candidate has 51 characters and the longest block 52",
                "newsevents: warning: W@15835: the article is in 'es'; the extract stage reads English only",
            ])
        let plain = try CommandRunner.run(["extract", "--input", "warc", Self.warc("fixtures.warc")])
        #expect(plain.status == 0)
        #expect(eventIDs(plain) == eventIDs(compressed))
        let piped = try CommandRunner.run(
            ["extract", "--input", "warc"], stdin: try Data(contentsOf: URL(fileURLWithPath: origin)))
        #expect(piped.status == 0)
        #expect(piped.stdout == compressed.stdout)
        #expect(piped.stderr.contains("stdin@9714: no article text"))
    }

    @Test func aDamagedWARCReportsEachFaultAndGivesTheEventsOfItsGoodPages() throws {
        let path = Self.warc("damaged.warc.gz")
        let result = try CommandRunner.run(["extract", "--input", "warc", path])
        #expect(result.status == 0)
        #expect(
            result.stderr.split(separator: "\n").map(String.init) == [
                "newsevents: error: \(path)@882: the gzip member is corrupt (incorrect data check) (reason=corrupt-warc stage=read)",
                "newsevents: error: \(path)@2487: the record has no valid Content-Length (reason=corrupt-warc stage=read)",
                "newsevents: error: \(path)@4536: no gzip member starts here (reason=corrupt-warc stage=read)",
                "newsevents: error: \(path)@7561: the gzip member is truncated (the file ends inside it) (reason=corrupt-warc stage=read)",
            ])
        let articles = Set(result.records.compactMap { ($0["article"] as? [String: Any])?["url"] as? String })
        // The three whole pages; not the one in the corrupt member (the live blog) nor the cut one.
        #expect(articles.count == 3)
        #expect(!articles.contains { $0.contains("planetdesk") })
    }

    @Test func wrongFlagsAndAMissingFileAreClearErrors() throws {
        let flags = try CommandRunner.run(["extract", "--input", "warc", "--url", "https://example.org/", "a.warc"])
        #expect(flags.status == 64)
        #expect(
            flags.stderr.contains(
                "--url and --published apply to one page; a WARC file gives each page's address and capture date"))
        let text = try CommandRunner.run(["clean", "--input", "warc", Self.warc("fixtures.warc")])
        #expect(text.status == 64)
        #expect(text.stderr.contains("--format text prints one page; use --format json for the pages of WARC input"))
        let missing = try CommandRunner.run(["extract", "--input", "warc", "/nonexistent/cc.warc.gz"])
        #expect(missing.status == 1)
        #expect(
            missing.stderr.hasPrefix(
                "newsevents: error: /nonexistent/cc.warc.gz: cannot open '/nonexistent/cc.warc.gz': No such file or directory"
            ))
    }

    @Test func aBatchRunReadsTheConfiguredWARCFilesOnceAndIsQuietTheNextTime() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/cc", withIntermediateDirectories: true)
        for name in ["fixtures.warc.gz", "damaged.warc.gz"] {
            try FileManager.default.copyItem(atPath: Self.warc(name), toPath: folder + "/cc/" + name)
        }
        try Data("[sources]\nwarc_files = [\"cc\"]\n[sink]\npath = \"out/events.jsonl\"\n".utf8).write(
            to: URL(fileURLWithPath: folder + "/pipeline.conf"))
        let first = try CommandRunner.run([
            "run", "--config", folder + "/pipeline.conf", "--summary-json", folder + "/first.json",
        ])
        #expect(first.status == 0)
        #expect(first.stderr.components(separatedBy: "reason=corrupt-warc").count - 1 == 4)
        let output = try String(contentsOfFile: folder + "/out/events.jsonl", encoding: .utf8)
        let summary = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/first.json")))
                as? [String: Any])
        #expect((summary["failures"] as? [String: Int]) == ["corrupt-warc": 4])
        let skipped = try #require(summary["skipped"] as? [String: Int])
        #expect(skipped["warc-request"] == 12 && skipped["warc-metadata"] == 12 && skipped["warc-warcinfo"] == 1)
        #expect(skipped["http-status"] == 2 && skipped["not-html"] == 1)
        // The same WARC run as a filter gives the same events.
        let filter = try CommandRunner.run([
            "extract", "--input", "warc", folder + "/cc/damaged.warc.gz", folder + "/cc/fixtures.warc.gz",
        ])
        #expect(
            Set(
                output.split(separator: "\n").compactMap { line in
                    (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String
                }) == eventIDs(filter))

        // The next run skips both files unread: nothing in them changed.
        let again = try CommandRunner.run([
            "run", "--config", folder + "/pipeline.conf", "--summary-json", folder + "/again.json",
        ])
        #expect(again.status == 0)
        #expect(again.stderr.isEmpty)
        #expect(try String(contentsOfFile: folder + "/out/events.jsonl", encoding: .utf8) == output)
        let second = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/again.json")))
                as? [String: Any])
        #expect(second["records"] as? Int == 0)
        #expect((second["skipped"] as? [String: Int]) == ["warc-read-before": 2])
        let inspect = try CommandRunner.run(["state", "inspect", "--config", folder + "/pipeline.conf"])
        #expect(inspect.stdout.contains("WARC files read whole: 2 ("))
        #expect(inspect.stdout.contains("  \(folder)/cc/damaged.warc.gz\t"))

        // A file that changed (a new modification time) is read again, its pages skipped by their bytes; the
        // unchanged damaged file stays unread.
        let touched = folder + "/cc/fixtures.warc.gz"
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: touched)
        let third = try CommandRunner.run([
            "run", "--config", folder + "/pipeline.conf", "--summary-json", folder + "/third.json",
        ])
        #expect(third.status == 0)
        #expect(third.stderr.isEmpty)
        let thirdSummary = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/third.json")))
                as? [String: Any])
        let thirdSkipped = try #require(thirdSummary["skipped"] as? [String: Int])
        #expect(thirdSkipped["warc-read-before"] == 1)
        #expect(thirdSkipped["seen"] == 10 && thirdSkipped["warc-request"] == 12)
        #expect(thirdSummary["records"] as? Int == 0)
        // --retry-failed reads every file again, and the damaged records are reported again.
        let retry = try CommandRunner.run(["run", "--config", folder + "/pipeline.conf", "--retry-failed"])
        #expect(retry.status == 0)
        #expect(retry.stderr.components(separatedBy: "reason=corrupt-warc").count - 1 == 4)
    }
}
