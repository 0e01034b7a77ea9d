import Foundation
import Testing

@testable import NewsFetch

struct LocalInputReaderTests {
    private func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "newsevents-reader-\(UUID().uuidString).html"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func readsAFile() throws {
        let path = try temporaryFile(Array("<p>hello</p>".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try LocalInputReader(maxBytes: 1024).read(path: path) == Array("<p>hello</p>".utf8))
    }

    @Test func refusesAFileOverTheLimit() throws {
        let path = try temporaryFile([UInt8](repeating: 0x61, count: 2000))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: FetchError.tooLarge(path: path, limit: 1000)) {
            _ = try LocalInputReader(maxBytes: 1000).read(path: path)
        }
    }

    @Test func readsTheFirstBytesOfAFileOverTheLimitAndSaysSo() throws {
        let path = try temporaryFile(Array(String(repeating: "<p>abc</p>", count: 200).utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let input = try LocalInputReader(maxBytes: 1000).readPrefix(path: path)
        #expect(input.bytes == Array(String(repeating: "<p>abc</p>", count: 100).utf8))
        #expect(input.cut == "the input has 2000 bytes; only the first 1000 were read")
        // Its twin: a file within the limit is read whole, and nothing is said.
        let whole = try LocalInputReader(maxBytes: 2000).readPrefix(path: path)
        #expect(whole.bytes.count == 2000 && whole.cut == nil)
    }

    @Test func refusesGzipDataOverTheLimitEvenWhenCutting() throws {
        let path = try temporaryFile([0x1F, 0x8B] + [UInt8](repeating: 0x78, count: 2000))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: FetchError.tooLarge(path: path, limit: 1000)) {
            _ = try LocalInputReader(maxBytes: 1000).readPrefix(path: path)
        }
    }

    @Test func explainsAMissingFile() {
        let error = #expect(throws: FetchError.self) {
            _ = try LocalInputReader(maxBytes: 1000).read(path: "/nonexistent/page.html")
        }
        #expect(error?.description == "cannot open '/nonexistent/page.html': No such file or directory")
        #expect(error?.reason == "unreadable")
    }

    @Test func refusesADirectory() {
        #expect(throws: FetchError.notRegularFile(path: "/tmp")) {
            _ = try LocalInputReader(maxBytes: 1000).read(path: "/tmp")
        }
    }
}
