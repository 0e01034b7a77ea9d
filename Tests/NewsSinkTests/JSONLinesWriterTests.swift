import Foundation
import Testing

@testable import NewsSink

struct JSONLinesWriterTests {
    @Test func appendsWholeLinesAndKeepsWhatWasThere() throws {
        let path = NSTemporaryDirectory() + "newsevents-writer-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("{\"old\":1}\n".utf8).write(to: URL(fileURLWithPath: path))
        let writer = try JSONLinesWriter(path: path)
        try writer.append(["{\"a\":1}", "{\"b\":2}"])
        try writer.append([])
        try writer.sync()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{\"old\":1}\n{\"a\":1}\n{\"b\":2}\n")
    }

    @Test func aDatedPathMovesToTheNextFileWhenTheDayChanges() throws {
        let folder = NSTemporaryDirectory() + "newsevents-dated-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let clock = Clock(1_668_470_000)  // 2022-11-14T23:53:20Z
        let writer = try JSONLinesWriter(path: folder + "/out/events-%Y-%m-%d.jsonl", clock: { clock.now })
        try writer.append(["{\"day\":14}"])
        clock.now += 3600  // past midnight UTC
        try writer.append(["{\"day\":15}"])
        #expect(writer.path == folder + "/out/events-2022-11-15.jsonl")
        #expect(
            try String(contentsOfFile: folder + "/out/events-2022-11-14.jsonl", encoding: .utf8) == "{\"day\":14}\n")
        #expect(
            try String(contentsOfFile: folder + "/out/events-2022-11-15.jsonl", encoding: .utf8) == "{\"day\":15}\n")
        #expect(writer.offset == 11)
    }

    @Test func concurrentWritersNeverInterleaveLines() throws {
        let path = NSTemporaryDirectory() + "newsevents-writer-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let long = String(repeating: "x", count: 20_000)
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            let writer = try! JSONLinesWriter(path: path)
            for index in 0..<50 { try! writer.append(["{\"w\":\(worker),\"i\":\(index),\"pad\":\"\(long)\"}"]) }
        }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 200)
        for line in lines { #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any]) }
    }

    @Test func explainsAnOutputThatCannotBeOpened() {
        // A folder that cannot be created (a path through a regular file).
        #expect(throws: SinkError.open(path: "/dev/null/dir/out.jsonl", errno: ENOTDIR)) {
            _ = try JSONLinesWriter(path: "/dev/null/dir/out.jsonl")
        }
        #expect(
            SinkError.open(path: "/x", errno: ENOENT).description
                == "cannot open output '/x': No such file or directory")
    }
}

/// A settable clock for dated paths.
private final class Clock: @unchecked Sendable {
    var now: Int
    init(_ now: Int) { self.now = now }
}
