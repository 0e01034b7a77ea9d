import Foundation
import Testing

@testable import NewsPipeline

/// The run state's format: one entry per article, and an upgrade from the first format that recovers what the
/// output holds.
struct RunStateTests {
    private let bytesA = String(repeating: "a", count: 64)
    private let bytesB = String(repeating: "b", count: 64)
    private let bytesC = String(repeating: "c", count: 64)

    /// An output file: two events of article a1 (then a retraction of the first), one of a2.
    private func output(in folder: String) throws -> (path: String, size: Int) {
        let path = folder + "/events.jsonl"
        let lines = [
            #"{"schema":"newsevents.event/2","id":"e1","article":{"id":"a1","content_sha256":"\#(bytesA)"}}"#,
            #"{"schema":"newsevents.event/2","id":"e2","article":{"id":"a1","content_sha256":"\#(bytesA)"}}"#,
            #"{"schema":"newsevents.event/2","id":"e3","article":{"id":"a2","content_sha256":"\#(bytesB)"}}"#,
            #"{"schema":"newsevents.retraction/1","id":"r1","event_id":"e1","article_id":"a1"}"#,
        ]
        let text = lines.joined(separator: "\n") + "\n"
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        return (path, text.utf8.count)
    }

    @Test func aFirstFormatStateIsReadAndItsArticlesEventsAreRecoveredFromTheOutputOnce() throws {
        let folder = try temporaryFolder("runstate")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (events, size) = try output(in: folder)
        let body = ["\(bytesA)\ta1\t\(events)\t100\tpage-1.html", "\(bytesB)\ta2\t\(events)\t\(size)\tpage-2.html"]
        let snapshot = ([RunState.firstHeader] + body + ["# end 2 \(RunState.digest(body))"]).joined(separator: "\n")
        try (snapshot + "\n").write(toFile: folder + "/seen.tsv", atomically: false, encoding: .utf8)

        let state = try RunState(directory: folder)
        #expect(try state.entry("a1")?.events == ["e2"], "e1 was retracted in the output")
        #expect(try state.entry("a2")?.events == ["e3"])
        #expect(try state.entry("a1")?.version == "", "the first format knew no versions")
        #expect(try state.contains(bytesA) && state.contains(bytesB) && !state.contains(bytesC))
        #expect(state.outputOffsets[events] == size)
        // The upgrade is written at the first checkpoint, in the current format.
        try state.checkpoint()
        let rewritten = try String(contentsOfFile: folder + "/seen.tsv", encoding: .utf8).split(separator: "\n")
        #expect(rewritten.first == Substring(RunState.header))
        #expect(rewritten[1] == Substring("\(bytesA)\ta1\t\(events)\t100\tpage-1.html\t-\te2"))

        // Its twin: a state of the current format is taken as it is; the output is not read for it.
        let current = try temporaryFolder("runstate") + "/state"
        defer { try? FileManager.default.removeItem(atPath: (current as NSString).deletingLastPathComponent) }
        try FileManager.default.createDirectory(atPath: current, withIntermediateDirectories: true)
        let line = "\(bytesA)\ta1\t\(events)\t100\tpage-1.html\t\(bytesC)\tx1,x2"
        try ([RunState.header, line, "# end 1 \(RunState.digest([line]))"].joined(separator: "\n") + "\n")
            .write(toFile: current + "/seen.tsv", atomically: false, encoding: .utf8)
        let loaded = try RunState(directory: current)
        #expect(try loaded.entry("a1")?.events == ["x1", "x2"])
        #expect(try loaded.entry("a1")?.version == bytesC)
        #expect(try loaded.entry("a2") == nil)
    }

    @Test func anArticleKeepsOneEntryHoweverOftenItsBytesChange() throws {
        let folder = try temporaryFolder("runstate")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let state = try RunState(directory: folder)
        for (index, bytes) in [bytesA, bytesB, bytesC].enumerated() {
            try state.markDone(
                StateEntry(
                    bytesHash: bytes, articleID: "a1", output: "out.jsonl", offset: 10 * (index + 1), origin: "feed",
                    version: bytesA, events: ["e1"]),
                sync: false)
        }
        try state.markDone(
            StateEntry(
                bytesHash: bytesA, articleID: "a2", output: "out.jsonl", offset: 40, origin: "feed", version: bytesB,
                events: []),
            sync: false)
        #expect(state.count == 2)
        // Before the checkpoint the journal holds four lines; the next load folds them to one per article.
        let reloaded = try RunState(directory: folder)
        #expect(
            try reloaded.count == 2 && reloaded.entry("a1")?.bytesHash == bytesC && reloaded.entry("a2")?.events == [])
        #expect(reloaded.outputOffsets["out.jsonl"] == 40)
        try reloaded.checkpoint(force: true)
        let lines = try String(contentsOfFile: folder + "/seen.tsv", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 4, "header, two articles, end line")
        #expect(try String(contentsOfFile: folder + "/seen.journal", encoding: .utf8).isEmpty)
    }

    private func entry(_ bytes: String, _ id: String, offset: Int) -> StateEntry {
        StateEntry(
            bytesHash: bytes, articleID: id, output: "out.jsonl", offset: offset, origin: "page-\(id).html",
            version: bytesC, events: ["\(id)-e\(offset)"])
    }

    @Test func theCheckpointKeepsEachArticleAtItsFirstPlaceWithItsLastLineAndLookUpsGoOnAfterIt() throws {
        let folder = try temporaryFolder("runstate")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let hashes = (0..<6).map { String(repeating: String($0), count: 64) }
        let first = try RunState(directory: folder)
        try first.markDone(entry(hashes[0], "a1", offset: 10), sync: false)
        try first.markDone(entry(hashes[1], "a2", offset: 20), sync: false)
        try first.checkpoint(force: true)
        // A second run: a2 changes, a3 is new, a2 changes again (all in the journal, over the snapshot).
        let second = try RunState(directory: folder)
        try second.markDone(entry(hashes[2], "a2", offset: 30), sync: false)
        try second.markDone(entry(hashes[3], "a3", offset: 40), sync: false)
        try second.markDone(entry(hashes[4], "a2", offset: 50), sync: false)
        #expect(try second.entry("a2")?.offset == 50)
        let third = try RunState(directory: folder)
        #expect(third.count == 3)
        #expect(try third.entry("a2")?.events == ["a2-e50"])
        // Only each article's last bytes are known; bytes a later version replaced are read again.
        #expect(try third.contains(hashes[4]) && third.contains(hashes[0]) && third.contains(hashes[3]))
        #expect(try !third.contains(hashes[1]) && !third.contains(hashes[2]))
        try third.checkpoint(force: true)
        let lines = try String(contentsOfFile: folder + "/seen.tsv", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 5, "header, three articles, end line")
        #expect(lines[1].hasPrefix(hashes[0] + "\ta1\t"))
        #expect(lines[2] == Substring(entry(hashes[4], "a2", offset: 50).line), "a2 at its first place, last line")
        #expect(lines[3].hasPrefix(hashes[3] + "\ta3\t"))
        #expect(lines[4] == Substring("# end 3 \(RunState.digest(lines[1...3].map(String.init)))"))
        // After the checkpoint the journal is empty and the index reads the new snapshot.
        #expect(try third.entry("a3")?.offset == 40 && third.entry("a1")?.offset == 10)
        try third.markDone(entry(hashes[5], "a4", offset: 60), sync: false)
        #expect(try third.entry("a4")?.offset == 60 && third.entry("a2")?.offset == 50 && third.count == 4)
        #expect(try RunState(directory: folder).entry("a4")?.bytesHash == hashes[5])
    }

    @Test func aDamagedSnapshotLineIsNamedAndAnEditedOneFailsItsEndLine() throws {
        let folder = try temporaryFolder("runstate")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let good = entry(bytesA, "a1", offset: 10).line
        let body = [good, "not a state line"]
        try ([RunState.header] + body + ["# end 2 \(RunState.digest(body))"]).joined(separator: "\n")
            .appending("\n").write(toFile: folder + "/seen.tsv", atomically: false, encoding: .utf8)
        #expect {
            try RunState(directory: folder)
        } throws: { error in
            "\(error)".hasSuffix("seen.tsv': line 3 is not a state line; \(StateError.repairHint)")
        }
        // The same lines with an end line that does not match them.
        try
            ([
                RunState.header, good, good.replacingOccurrences(of: "a1", with: "a2"),
                "# end 2 \(RunState.digest([good]))",
            ])
            .joined(separator: "\n").appending("\n").write(
                toFile: folder + "/seen.tsv", atomically: false, encoding: .utf8)
        #expect {
            try RunState(directory: folder)
        } throws: { error in
            "\(error)".contains("its end line does not match its 2 lines (damaged)")
        }
        // Its twin: the same two articles with a matching end line load.
        let lines = [good, good.replacingOccurrences(of: "a1", with: "a2")]
        try ([RunState.header] + lines + ["# end 2 \(RunState.digest(lines))"]).joined(separator: "\n")
            .appending("\n").write(toFile: folder + "/seen.tsv", atomically: false, encoding: .utf8)
        let state = try RunState(directory: folder)
        #expect(state.count == 2)
        #expect(try state.entry("a2")?.origin == "page-a2.html")
    }
}
