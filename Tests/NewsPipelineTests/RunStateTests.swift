import Foundation
import Testing

@testable import NewsPipeline

/// The run state's format: one entry per article, and an upgrade from the first format that recovers what the
/// output holds.
struct RunStateTests {
    private func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "runstate-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

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
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (events, size) = try output(in: folder)
        let body = ["\(bytesA)\ta1\t\(events)\t100\tpage-1.html", "\(bytesB)\ta2\t\(events)\t\(size)\tpage-2.html"]
        let snapshot = ([RunState.firstHeader] + body + ["# end 2 \(RunState.digest(body))"]).joined(separator: "\n")
        try (snapshot + "\n").write(toFile: folder + "/seen.tsv", atomically: false, encoding: .utf8)

        let state = try RunState(directory: folder)
        #expect(state.entry("a1")?.events == ["e2"], "e1 was retracted in the output")
        #expect(state.entry("a2")?.events == ["e3"])
        #expect(state.entry("a1")?.version == "", "the first format knew no versions")
        #expect(state.contains(bytesA) && state.contains(bytesB) && !state.contains(bytesC))
        #expect(state.outputOffsets[events] == size)
        // The upgrade is written at the first checkpoint, in the current format.
        try state.checkpoint()
        let rewritten = try String(contentsOfFile: folder + "/seen.tsv", encoding: .utf8).split(separator: "\n")
        #expect(rewritten.first == Substring(RunState.header))
        #expect(rewritten[1] == Substring("\(bytesA)\ta1\t\(events)\t100\tpage-1.html\t-\te2"))

        // Its twin: a state of the current format is taken as it is; the output is not read for it.
        let current = try temporaryFolder() + "/state"
        defer { try? FileManager.default.removeItem(atPath: (current as NSString).deletingLastPathComponent) }
        try FileManager.default.createDirectory(atPath: current, withIntermediateDirectories: true)
        let line = "\(bytesA)\ta1\t\(events)\t100\tpage-1.html\t\(bytesC)\tx1,x2"
        try ([RunState.header, line, "# end 1 \(RunState.digest([line]))"].joined(separator: "\n") + "\n")
            .write(toFile: current + "/seen.tsv", atomically: false, encoding: .utf8)
        let loaded = try RunState(directory: current)
        #expect(loaded.entry("a1")?.events == ["x1", "x2"])
        #expect(loaded.entry("a1")?.version == bytesC)
        #expect(loaded.entry("a2") == nil)
    }

    @Test func anArticleKeepsOneEntryHoweverOftenItsBytesChange() throws {
        let folder = try temporaryFolder()
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
        #expect(reloaded.count == 2 && reloaded.entry("a1")?.bytesHash == bytesC && reloaded.entry("a2")?.events == [])
        #expect(reloaded.outputOffsets["out.jsonl"] == 40)
        try reloaded.checkpoint(force: true)
        let lines = try String(contentsOfFile: folder + "/seen.tsv", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 4, "header, two articles, end line")
        #expect(try String(contentsOfFile: folder + "/seen.journal", encoding: .utf8).isEmpty)
    }
}
