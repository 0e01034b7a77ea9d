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
        #expect(throws: SinkError.open(path: "/nonexistent/dir/out.jsonl", errno: ENOENT)) {
            _ = try JSONLinesWriter(path: "/nonexistent/dir/out.jsonl")
        }
        #expect(
            SinkError.open(path: "/x", errno: ENOENT).description
                == "cannot open output '/x': No such file or directory")
    }
}
