import Foundation
import Testing

/// `newsevents run` against a real HTTP server on 127.0.0.1 (scripts/testing/http-server.py, started and
/// stopped by each test): feeds, conditional GET, robots.txt, per-host limits and every hostile behaviour.
@Suite(.serialized)
struct FetchRunTests {
    /// A running test server and its base address.
    final class Server {
        let process = Process()
        let base: String

        init(_ arguments: [String] = []) throws {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments =
                ["python3", CommandRunner.repository.appendingPathComponent("scripts/testing/http-server.py").path]
                + arguments
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            var line = Data()
            while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8)
            {
                line.append(byte)
            }
            base = "http://127.0.0.1:" + String(decoding: line, as: UTF8.self)
        }

        /// What the server saw (read with Python: Foundation has no HTTP client without FoundationNetworking).
        func stats() throws -> [String: Any] {
            let reader = Process()
            reader.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            reader.arguments = [
                "python3", "-c",
                "import sys, urllib.request; sys.stdout.write(urllib.request.urlopen(sys.argv[1]).read().decode())",
                base + "/_stats",
            ]
            let output = Pipe()
            reader.standardOutput = output
            try reader.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            reader.waitUntilExit()
            return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        }

        deinit {
            // SIGKILL: a process started from a test thread inherits its blocked signals, SIGTERM among them.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// A folder with a pipeline.conf for `sources` (TOML lines of `[sources]`) that reaches the test server
    /// (loopback allowed, no spacing) with `fetch` as further `[fetch]` lines.
    private func folder(sources: String, fetch: String = "", allowPrivate: String = "true") throws -> String {
        let folder = try CommandRunner.temporaryFolder()
        let config = """
            [sources]
            \(sources)
            [fetch]
            allow_private_addresses = \(allowPrivate)
            min_delay = 0
            \(fetch)
            [sink]
            path = "out/events.jsonl"
            """
        try config.write(toFile: folder + "/pipeline.conf", atomically: false, encoding: .utf8)
        return folder
    }

    private func summary(_ path: String) throws -> [String: Any] {
        try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    }

    @Test func aFeedOf200ArticlesIsFetchedOnceThenAnsweredWith304s() throws {
        let server = try Server(["--articles", "200"])
        let folder = try folder(sources: "feeds = [\"\(server.base)/feed.xml\"]")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = folder + "/pipeline.conf"
        let first = try CommandRunner.run(["run", "--config", config, "--summary-json", folder + "/1.json"])
        #expect(first.status == 0)
        let one = try summary(folder + "/1.json")
        #expect(one["articles"] as? Int == 200, "201 feed links, one a duplicate once canonical")
        let lines = try String(contentsOfFile: folder + "/out/events.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count >= 200)

        let second = try CommandRunner.run(["run", "--config", config, "--summary-json", folder + "/2.json"])
        #expect(second.status == 0)
        let two = try summary(folder + "/2.json")
        #expect(two["records"] as? Int == 0)
        #expect((two["skipped"] as? [String: Any])?["not-modified"] as? Int == 200)
        #expect(
            try String(contentsOfFile: folder + "/out/events.jsonl", encoding: .utf8).split(separator: "\n").count
                == lines.count)

        let stats = try server.stats()
        let requests = try #require(stats["requests"] as? [String: Int])
        // Each article twice (200, then a conditional 304), the feed and robots.txt once per run.
        #expect((0..<200).allSatisfy { requests["/article/\($0)"] == 2 })
        #expect(requests["/feed.xml"] == 2)
        #expect(requests["/robots.txt"] == 2)
        let perHost = try #require(stats["max_in_flight"] as? [String: Int])
        #expect(perHost.values.allSatisfy { $0 <= 2 }, "per-host concurrency (2) is never exceeded")
    }

    @Test func aHostileServerIsSurvivedWithinTimeoutsAndEveryFailureReported() throws {
        let server = try Server(["--articles", "5"])
        let base = server.base
        let paths = [
            "slow-headers", "slow-body", "endless", "bomb", "redirect-loop", "redirect-private", "private/1",
            "retry-after", "storm", "wrong-type", "big", "missing", "reset", "article/1",
        ]
        let folder = try folder(
            sources: "urls = [\(paths.map { "\"\(base)/\($0)\"" }.joined(separator: ", "))]",
            fetch: """
                connect_timeout = 2
                read_timeout = 2
                total_timeout = 6
                retries = 1
                max_retry_after = 2
                """)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let started = Date()
        let result = try CommandRunner.run([
            "run", "--config", folder + "/pipeline.conf", "--summary-json", folder + "/s.json",
        ])
        let seconds = Date().timeIntervalSince(started)
        #expect(result.status == 0, "partial failures exit 0")
        #expect(seconds < 40, "every request ends within its timeouts (took \(seconds) s)")
        let failures = try #require(try summary(folder + "/s.json")["failures"] as? [String: Int])
        #expect(failures["robots"] == 1)
        #expect(failures["private-address"] == 1)
        #expect(failures["redirect-loop"] == 1)
        #expect(failures["too-large"] == 3, "big, endless and the gzip bomb")
        #expect(failures["wrong-type"] == 1)
        #expect(
            (failures["timeout"] ?? 0) + (failures["connection"] ?? 0) == 3,
            "slow headers, a stalled body and a connection reset mid-body")
        #expect(failures["http-status"] == 2, "a 429 storm and a 404")
        #expect(try summary(folder + "/s.json")["articles"] as? Int == 2, "retry-after and article/1 succeed")
        for reason in ["robots", "private-address", "too-large", "wrong-type", "timeout", "http-status"] {
            #expect(result.stderr.contains("reason=\(reason) stage=fetch"))
        }
        let requested = try #require(try server.stats()["paths"] as? [String])
        #expect(!requested.contains { $0.hasSuffix("/private/1") }, "a robots-disallowed path is never requested")
        #expect(!requested.contains { $0.contains("169.254") })
    }

    @Test func aRobotsCrawlDelaySpacesTheRequestsToAHost() throws {
        let server = try Server(["--articles", "4", "--crawl-delay", "0.5"])
        let folder = try folder(
            sources: "urls = [\((0..<4).map { "\"\(server.base)/article/\($0)\"" }.joined(separator: ", "))]")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let started = Date()
        #expect(try CommandRunner.run(["run", "--config", folder + "/pipeline.conf"]).status == 0)
        // robots.txt, then four articles at least 0.5 s apart: 1.5 s at the least.
        #expect(Date().timeIntervalSince(started) >= 1.5)
        let perHost = try #require(try server.stats()["max_in_flight"] as? [String: Int])
        #expect(perHost.values.allSatisfy { $0 == 1 }, "spaced requests never overlap")
    }

    @Test func extractFetchesOnePageAndRefusesPrivateAddressesByDefault() throws {
        let server = try Server(["--articles", "3"])
        let fetched = try CommandRunner.run([
            "extract", "--fetch", "--url", server.base + "/article/2", "--allow-private-addresses",
        ])
        #expect(fetched.status == 0)
        #expect(fetched.records.contains { $0["type"] as? String == "ACCUSE" })
        let refused = try CommandRunner.run(["extract", "--fetch", "--url", server.base + "/article/2"])
        #expect(refused.status == 1)
        #expect(
            refused.stderr.contains(
                "resolves to the non-public address 127.0.0.1; to fetch from private networks set"
                    + " allow_private_addresses = true in [fetch] (run) or pass --allow-private-addresses (extract --fetch)"
                    + " (reason=private-address stage=fetch)"))
    }

    /// The JSON Lines records of a file.
    private func records(_ path: String) throws -> [[String: Any]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test func pagesWhoseBytesChangeButNotTheirTextAreWrittenOnceAndAnEditedPageIsRetractedAndAdded() throws {
        let server = try Server(["--articles", "5"])
        let edited = server.base + "/edited/0"
        let urls = (0..<5).map { "\"\(server.base)/stamped/\($0)\"" } + ["\"\(edited)\""]
        let folder = try folder(sources: "urls = [\(urls.joined(separator: ", "))]")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = folder + "/out/events.jsonl"
        var written: [Int] = []
        for run in 1...3 {
            let result = try CommandRunner.run([
                "run", "--config", folder + "/pipeline.conf", "--summary-json", folder + "/\(run).json",
            ])
            #expect(result.status == 0)
            #expect(result.stderr.isEmpty, "a cron run that found nothing wrong says nothing")
            written.append(try records(output).count)
        }
        let all = try records(output)
        let ids = all.compactMap { $0["id"] as? String }
        #expect(ids.count == all.count && Set(ids).count == ids.count, "no id twice in the output")

        // Run 1: every page written. Run 2: the stamped pages are unchanged (new bytes, same text); the edited
        // page's new version adds its new event and retracts the one it lost, and writes nothing it kept.
        // Run 3: nothing changed (the edited page sends its second version's very bytes again: skipped unread).
        let one = try summary(folder + "/1.json")
        let two = try summary(folder + "/2.json")
        let three = try summary(folder + "/3.json")
        #expect(one["articles"] as? Int == 6 && (one["skipped"] as? [String: Int])?.isEmpty == true)
        #expect((two["skipped"] as? [String: Int]) == ["unchanged": 5])
        #expect((three["skipped"] as? [String: Int]) == ["unchanged": 5, "seen": 1])
        #expect(three["records"] as? Int == 0 && written[2] == written[1])

        let firstRun = all.prefix(written[0])
        let secondRun = all[written[0]..<written[1]]
        let editedBefore = Set(
            firstRun.filter { (($0["article"] as? [String: Any])?["url"] as? String) == edited }.compactMap {
                $0["id"] as? String
            })
        let retracted = secondRun.filter { $0["schema"] as? String == "newsevents.retraction/1" }
        let added = secondRun.filter { $0["schema"] as? String == "newsevents.event/3" }
        #expect(two["retractions"] as? Int == retracted.count && !retracted.isEmpty && !added.isEmpty)
        #expect(retracted.allSatisfy { editedBefore.contains($0["event_id"] as? String ?? "") })
        #expect(retracted.allSatisfy { $0["reason"] as? String == "article-changed" })
        // What the output now holds for the edited article is exactly what the new version codes.
        let current = editedBefore.subtracting(retracted.compactMap { $0["event_id"] as? String })
            .union(added.compactMap { $0["id"] as? String })
        let fresh = try CommandRunner.run(["extract", "--fetch", "--url", edited, "--allow-private-addresses"])
        #expect(Set(fresh.records.compactMap { $0["id"] as? String }) == current)
        #expect(added.allSatisfy { !editedBefore.contains($0["id"] as? String ?? "") })

        // One state line per article, however often its bytes changed.
        let state = try String(contentsOfFile: folder + "/state/seen.tsv", encoding: .utf8)
        #expect(state.split(separator: "\n").filter { !$0.hasPrefix("#") }.count == 6)
    }

    @Test func anAddressThatAnswers404IsReportedOnceThenSkippedUnfetchedUntilRetried() throws {
        let server = try Server(["--articles", "2"])
        let missing = server.base + "/missing/1"
        let folder = try folder(sources: "urls = [\"\(server.base)/article/0\", \"\(missing)\"]")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = folder + "/pipeline.conf"
        let reported = "newsevents: error: \(missing): HTTP 404 (reason=http-status stage=fetch)\n"
        let first = try CommandRunner.run(["run", "--config", config])
        #expect(first.status == 0 && first.stderr.hasPrefix(reported))
        let second = try CommandRunner.run(["run", "--config", config, "--summary-json", folder + "/2.json"])
        #expect(second.status == 0 && second.stderr.isEmpty)
        #expect(
            (try summary(folder + "/2.json")["skipped"] as? [String: Int]) == ["failed-before": 1, "not-modified": 1])
        #expect(
            try server.stats()["requests"] as? [String: Int] == [
                "/robots.txt": 2, "/article/0": 2, "/missing/1": 1, "/_stats": 1,
            ])
        let inspect = try CommandRunner.run(["state", "inspect", "--config", config])
        #expect(inspect.stdout.contains("addresses gone (404 or 410): 1\n  \(missing)\t404\n"))
        // Its twin: --retry-failed fetches it again (and reports it again).
        let retried = try CommandRunner.run(["run", "--config", config, "--retry-failed"])
        #expect(retried.stderr.hasPrefix(reported))
        #expect((try server.stats()["requests"] as? [String: Int])?["/missing/1"] == 2)
    }

    /// A loopback port that nothing listens on (bound, read, closed).
    private func closedPort() throws -> UInt16 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(descriptor, generic, length) == 0 && getsockname(descriptor, generic, &length) == 0
            }
        }
        try #require(bound)
        return UInt16(bigEndian: address.sin_port)
    }

    @Test func aRefusedConnectionIsReportedAsSuchNotAsARobotsRefusal() throws {
        let url = "http://127.0.0.1:\(try closedPort())/story"
        let result = try CommandRunner.run(["extract", "--fetch", "--url", url, "--allow-private-addresses"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("newsevents: error: \(url): not fetched: http://127.0.0.1:"))
        #expect(result.stderr.contains("/robots.txt could not be fetched ("))
        #expect(result.stderr.hasSuffix("(reason=connection stage=fetch)\n"))
        #expect(!result.stderr.contains("disallowed"))
        // A name that does not resolve (.invalid never does, RFC 2606) is a DNS failure, said as such.
        let unknown = try CommandRunner.run(["extract", "--fetch", "--url", "http://no-such-host.invalid/story"])
        #expect(
            unknown.stderr
                == "newsevents: error: http://no-such-host.invalid/story: not fetched: http://no-such-host.invalid/robots.txt"
                + " could not be fetched (the host name no-such-host.invalid does not resolve) (reason=dns stage=fetch)\n"
        )
        // Its twin: a server that is there and whose robots.txt allows the page gives the page's events.
        let server = try Server(["--articles", "1"])
        let served = try CommandRunner.run([
            "extract", "--fetch", "--url", server.base + "/article/0", "--allow-private-addresses",
        ])
        #expect(served.status == 0 && !served.records.isEmpty)
    }

    @Test func aSitemapIndexIsFollowedGzipIncludedAndPagesOlderThanTheLastReadAreNotRequestedAgain() throws {
        let server = try Server(["--articles", "6"])
        let folder = try folder(sources: "sitemaps = [\"\(server.base)/sitemap-index.xml\"]")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = folder + "/pipeline.conf"
        let first = try CommandRunner.run(["run", "--config", config, "--summary-json", folder + "/1.json"])
        #expect(first.status == 0 && first.stderr.isEmpty)
        #expect(
            try summary(folder + "/1.json")["articles"] as? Int == 6, "three pages of each sitemap, the gzip one too")
        let second = try CommandRunner.run(["run", "--config", config, "--summary-json", folder + "/2.json"])
        #expect(second.status == 0 && second.stderr.isEmpty)
        // Five pages have a lastmod before the first read: not requested. Article 0's lastmod is the time of the
        // response, after it: requested again, and answered 304 by its ETag.
        #expect(
            (try summary(folder + "/2.json")["skipped"] as? [String: Int]) == [
                "sitemap-unchanged": 5, "not-modified": 1,
            ])
        let requests = try #require(try server.stats()["requests"] as? [String: Int])
        #expect(requests["/article/0"] == 2 && (1..<6).allSatisfy { requests["/article/\($0)"] == 1 })
        #expect(
            requests["/sitemap.xml"] == 2 && requests["/sitemap-2.xml.gz"] == 2 && requests["/sitemap-index.xml"] == 2)
    }

    @Test func privateAddressesCanBeAllowedByNameAddressOrNetworkAndARedirectLeavesNoGap() throws {
        let server = try Server(["--articles", "2"])
        let port = try #require(server.base.split(separator: ":").last)
        func run(_ url: String, allowing list: String) throws -> (CommandRunner.Result, [String: Any]) {
            let folder = try folder(sources: "urls = [\"\(url)\"]", allowPrivate: list)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let result = try CommandRunner.run([
                "run", "--config", folder + "/pipeline.conf", "--summary-json", folder + "/s.json",
            ])
            return (result, try summary(folder + "/s.json"))
        }
        // The address, or a network holding it: fetched.
        for list in [#"["127.0.0.1"]"#, #"["127.0.0.0/8"]"#] {
            let (allowed, counts) = try run(server.base + "/article/0", allowing: list)
            #expect(allowed.status == 0 && counts["articles"] as? Int == 1, "\(list)")
        }
        // Another network: refused, and the message names the list.
        let (refused, _) = try run(server.base + "/article/1", allowing: #"["10.0.0.0/8"]"#)
        #expect(refused.status == 1)
        #expect(
            refused.stderr.contains(
                "127.0.0.1 resolves to the non-public address 127.0.0.1, which is not in allow_private_addresses"
                    + " (10.0.0.0/8) (reason=private-address stage=fetch)"))
        // A listed host name that redirects to an address outside the list: the redirect is refused.
        let (redirected, _) = try run("http://localhost:\(port)/redirect-to-ip/1", allowing: #"["localhost"]"#)
        #expect(redirected.status == 1)
        #expect(
            redirected.stderr.contains(
                "http://127.0.0.1:\(port)/article/1: 127.0.0.1 resolves to the non-public address"))
        // A list entry that cannot mean anything is a configuration error.
        let bad = try folder(sources: "urls = []", allowPrivate: #"["10.0.0.0/99"]"#)
        defer { try? FileManager.default.removeItem(atPath: bad) }
        let check = try CommandRunner.run(["check-config", "--config", bad + "/pipeline.conf"])
        #expect(check.status == 2)
        #expect(
            check.stderr.contains(
                "'fetch.allow_private_addresses' must be true, false, or an array of host names, addresses and networks"
            ))
    }
}
