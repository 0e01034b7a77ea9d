import Foundation
import Testing

@testable import NewsFetch

struct GzipDecoderTests {
    /// Compresses with the system's gzip, the reference implementation.
    private func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-c", "-n"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let writer = Thread {
            input.fileHandleForWriting.write(Data(bytes))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Array(data)
    }

    @Test func inflatesGzipData() throws {
        let text = Array(String(repeating: "<p>Albania blames Iran.</p>", count: 100).utf8)
        let compressed = try gzip(text)
        #expect(GzipDecoder.isGzip(compressed))
        #expect(try GzipDecoder.inflate(compressed, limit: 1 << 20) == text)
    }

    @Test func inflatesConcatenatedMembers() throws {
        let first = try gzip(Array("first ".utf8))
        let second = try gzip(Array("second".utf8))
        #expect(try GzipDecoder.inflate(first + second, limit: 1024) == Array("first second".utf8))
    }

    @Test func cutsABombOffAtTheLimit() throws {
        let bomb = try gzip([UInt8](repeating: 0, count: 8 << 20))
        #expect(bomb.count < 100_000)
        #expect(throws: GzipError.tooLarge(limit: 1 << 20)) {
            _ = try GzipDecoder.inflate(bomb, limit: 1 << 20)
        }
    }

    @Test func inflatesABombsFirstBytesWhenAskedForAPrefix() throws {
        let bomb = try gzip([UInt8](repeating: 0, count: 8 << 20))
        let (prefix, complete) = try GzipDecoder.inflatePrefix(bomb, limit: 1 << 20)
        #expect(prefix == [UInt8](repeating: 0, count: 1 << 20) && !complete)
        let small = try gzip(Array("news".utf8))
        let (whole, wholeComplete) = try GzipDecoder.inflatePrefix(small, limit: 1 << 20)
        #expect(whole == Array("news".utf8) && wholeComplete)
    }

    @Test func reportsTruncatedData() throws {
        let compressed = try gzip(Array(String(repeating: "news ", count: 1000).utf8))
        #expect(throws: GzipError.corrupt(detail: "the data ends early")) {
            _ = try GzipDecoder.inflate(Array(compressed.prefix(compressed.count / 2)), limit: 1 << 20)
        }
    }
}
