import Foundation
import Testing

@testable import NewsFetch

/// The WARC reader on the files `scripts/make-warc.py fixtures` builds (Tests/Data/warc/, faults listed in its
/// README.md) and on small files written here.
struct WARCReaderTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let folder = root.appendingPathComponent("Tests/Data/warc")

    /// Every entry of the file at `path`.
    private func entries(_ path: String, maxBytes: Int = 10 << 20) throws -> [WARCEntry] {
        let descriptor = open(path, O_RDONLY)
        #expect(descriptor >= 0, "cannot open \(path)")
        defer { close(descriptor) }
        let reader = WARCPageReader(descriptor: descriptor, path: path, maxBytes: maxBytes)
        var result: [WARCEntry] = []
        while let entry = try reader.next() { result.append(entry) }
        return result
    }

    /// Writes `bytes` to a temporary file and reads its entries.
    private func entries(of bytes: [UInt8], maxBytes: Int = 10 << 20) throws -> [WARCEntry] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("warc-\(UUID().uuidString).warc")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try entries(url.path, maxBytes: maxBytes)
    }

    private func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: Self.root.appendingPathComponent("fixtures/\(name)")))
    }

    /// One line per entry: "page URL", "skipped REASON" or "REASON @OFFSET: MESSAGE".
    private func describe(_ entry: WARCEntry) -> String {
        switch entry {
        case .page(let page): return "page \(page.url ?? "-")"
        case .skipped(_, _, let reason): return "skipped \(reason)"
        case .failed(let offset, _, let reason, let message): return "\(reason) @\(offset): \(message)"
        }
    }

    private func pages(_ entries: [WARCEntry]) -> [WARCPage] {
        entries.compactMap { if case .page(let page) = $0 { page } else { nil } }
    }

    private func skipped(_ entries: [WARCEntry]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for case .skipped(_, _, let reason) in entries { counts[reason, default: 0] += 1 }
        return counts
    }

    /// A WARC record as bytes.
    private func record(_ fields: [(String, String)], block: String, newline: String = "\r\n") -> [UInt8] {
        var head = "WARC/1.0" + newline
        for (name, value) in fields { head += "\(name): \(value)\(newline)" }
        head += "Content-Length: \(block.utf8.count)\(newline)\(newline)"
        return Array((head + block + newline + newline).utf8)
    }

    @Test(arguments: ["fixtures.warc.gz", "fixtures.warc"])
    func everyFixturePageComesOutWithItsBytesAddressAndCaptureDate(file: String) throws {
        let all = try entries(Self.folder.appendingPathComponent(file).path)
        let found = pages(all)
        let names = try FileManager.default.contentsOfDirectory(
            atPath: Self.root.appendingPathComponent("fixtures").path
        )
        .filter { $0.hasSuffix(".html") }.sorted()
        // One response per fixture page, then the resource record of the first one.
        #expect(found.count == names.count + 1)
        for (page, name) in zip(found, names) {
            #expect(page.url == "https://fixtures.example/" + name.dropLast(".html".count))
            // The seed page is stored chunked and gzip-compressed: it comes out as the file's bytes.
            #expect(page.bytes == (try fixture(name)), "\(name)")
            #expect(page.date == "2026-01-01T00:00:00Z")
            #expect(page.cut == nil)
            #expect(page.recordID?.hasPrefix("<urn:uuid:") == true)
        }
        #expect(found.first { $0.url?.contains("legacy-table") == true }?.charset == "windows-1252")
        #expect(found.last?.url == "file:///archive/\(names[0])")
        #expect(found.last?.bytes == (try fixture(names[0])))
        #expect(
            skipped(all) == [
                "warc-warcinfo": 1, "warc-request": names.count + 3, "warc-metadata": names.count + 3,
                "http-status": 2, "not-html": 1,
            ])
        #expect(!all.contains { if case .failed = $0 { true } else { false } })
    }

    @Test func offsetsInACompressedFileAreThoseOfTheRecordsGzipMembers() throws {
        let path = Self.folder.appendingPathComponent("fixtures.warc.gz").path
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        for page in pages(try entries(path)) {
            // Each offset starts a gzip member holding a WARC record for the page's address.
            #expect(bytes[page.offset] == 0x1F && bytes[page.offset + 1] == 0x8B)
            let member = try GzipDecoder.inflatePrefix(Array(bytes[page.offset...]), limit: 4096).0
            let head = String(decoding: member.prefix(400), as: UTF8.self)
            #expect(head.hasPrefix("WARC/1.0\r\n"))
            #expect(head.contains("WARC-Target-URI: \(page.url ?? "?")\r\n"))
        }
    }

    @Test func aDamagedCompressedFileGivesEveryGoodPageAndOneFailurePerFault() throws {
        let all = try entries(Self.folder.appendingPathComponent("damaged.warc.gz").path)
        let summary = all.map(describe)
        #expect(
            summary == [
                "page https://fixtures.example/app-shell-jsonld-body",
                "corrupt-warc @882: the gzip member is corrupt (incorrect data check)",
                "corrupt-warc @2487: the record has no valid Content-Length",
                "page https://fixtures.example/newsroom-divs-japan-korea-talks",
                "corrupt-warc @4536: no gzip member starts here",
                "page https://fixtures.example/wordpress-nato-summit-comments",
                "corrupt-warc @7561: the gzip member is truncated (the file ends inside it)",
            ])
        // The pages after each fault are whole.
        for page in pages(all) {
            let name = String(page.url!.dropFirst("https://fixtures.example/".count)) + ".html"
            #expect(page.bytes == (try fixture(name)))
        }
    }

    @Test func aDamagedPlainFileGivesEveryGoodPageAndOneFailurePerFault() throws {
        let all = try entries(Self.folder.appendingPathComponent("damaged.warc").path)
        let summary = all.map(describe)
        #expect(
            summary == [
                "page https://fixtures.example/app-shell-jsonld-body",
                "corrupt-warc @1698: not a WARC record: the line starts 'this line is not a WARC record'",
                "corrupt-warc @1732: the record has no valid Content-Length",
                "page https://fixtures.example/newsroom-divs-japan-korea-talks",
                "corrupt-warc @5989: not a WARC record: the line starts '?garbage between records??garbage betwee'",
                "page https://fixtures.example/wordpress-nato-summit-comments",
                "corrupt-warc @13175: the file ends inside the record's block (1087 of 2385 bytes)",
            ])
    }

    @Test func aPageOverTheLimitIsCutAndSaysSo() throws {
        let body = String(repeating: "<p>Albania blamed Iran.</p>", count: 100)
        let bytes = record(
            [("WARC-Type", "response"), ("WARC-Target-URI", "https://example.org/a")],
            block: "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body)
        let found = pages(try entries(of: bytes, maxBytes: 1000))
        #expect(found.count == 1)
        #expect(found.first?.bytes == Array(body.utf8.prefix(1000)))
        #expect(
            found.first?.cut
                == "the WARC record's page is longer than the input limit; only its first 1000 bytes were read")
        // Its twin under the limit is whole.
        #expect(pages(try entries(of: bytes, maxBytes: 10_000)).first?.bytes == Array(body.utf8))
    }

    @Test func bareLineFeedsAngleBracketsAndTruncationMarksAreRead() throws {
        let bytes =
            record(
                [
                    ("WARC-Type", "response"), ("WARC-Target-URI", "<https://example.org/b>"),
                    ("WARC-Truncated", "length"),
                ], block: "HTTP/1.0 200 OK\nContent-Type: TEXT/HTML;charset=ISO-8859-1\n\n<p>caf\u{e9}</p>",
                newline: "\n")
            + record([("WARC-Type", "response")], block: "HTTP/1.1 200 OK\r\n\r\n<p>no type</p>")
        let found = pages(try entries(of: bytes))
        #expect(found.map(\.url) == ["https://example.org/b", nil])
        #expect(found.first?.charset == "ISO-8859-1")
        #expect(found.first?.cut == "the crawler cut the page (WARC-Truncated: length)")
        #expect(found.last?.bytes == Array("<p>no type</p>".utf8))
    }

    @Test func aBrokenChunkedBodyKeepsItsWholeChunksAndAnUnchunkedOneIsTakenAsItIs() {
        #expect(
            WARCPageReader.dechunked(Array("5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n".utf8)[...])
                == Array("hello world".utf8))
        #expect(WARCPageReader.dechunked(Array("5;ext=1\r\nhello\r\nzz\r\n".utf8)[...]) == Array("hello".utf8))
        #expect(WARCPageReader.dechunked(Array("<html>not chunked</html>".utf8)[...]) == nil)
    }

    @Test func anUnsupportedContentEncodingAndABadResponseHeadFail() throws {
        let bytes =
            record(
                [("WARC-Type", "response"), ("WARC-Target-URI", "https://example.org/br")],
                block: "HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\n\u{1}\u{2}")
            + record(
                [("WARC-Type", "response"), ("WARC-Target-URI", "https://example.org/dns")],
                block: "20260101000000\n1.2.3.4\n")
        let all = try entries(of: bytes)
        #expect(
            all == [
                .failed(
                    offset: 0, url: "https://example.org/br", reason: "unsupported-encoding",
                    message: "the page's Content-Encoding 'br' is not supported"),
                .failed(
                    offset: 141, url: "https://example.org/dns", reason: "bad-http",
                    message: "the response record does not hold an HTTP response head"),
            ])
    }

    @Test func zeroPaddingAfterTheLastGzipMemberIsTheEndAndOtherBytesAreNot() throws {
        let page = record(
            [("WARC-Type", "response"), ("WARC-Target-URI", "https://example.org/c")],
            block: "HTTP/1.1 200 OK\r\n\r\n<p>c</p>")
        let member = try gzipMember(page)
        let padded = try entries(of: member + [UInt8](repeating: 0, count: 512))
        #expect(pages(padded).count == 1 && padded.count == 1)
        let trailing = try entries(of: member + Array("trailing".utf8))
        #expect(pages(trailing).count == 1)
        #expect(
            trailing.last
                == .failed(
                    offset: member.count, url: nil, reason: "corrupt-warc", message: "no gzip member starts here"))
    }

    @Test func randomDamageNeverHangsAndEveryUntouchedRecordSurvivesIt() throws {
        let path = Self.folder.appendingPathComponent("fixtures.warc.gz").path
        let original = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let clean = try entries(of: original)
        // Every record is one gzip member: the entries' offsets are the members' starts.
        func offset(_ entry: WARCEntry) -> Int {
            switch entry {
            case .page(let page): return page.offset
            case .skipped(let offset, _, _), .failed(let offset, _, _, _): return offset
            }
        }
        let starts = clean.map(offset) + [original.count]
        var generator = SeededGenerator(seed: 21)
        var survivors = 0
        for _ in 0..<60 {
            var damaged = original
            var hit = Set<Int>()
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let position = Int.random(in: 0..<damaged.count, using: &generator)
                damaged[position] ^= UInt8.random(in: 1...255, using: &generator)
                hit.insert(starts.lastIndex { $0 <= position }!)
            }
            let found = try entries(of: damaged)
            #expect(found.count <= clean.count + 3 * 2)
            var pagesAt: [Int: WARCPage] = [:]
            for case .page(let page) in found { pagesAt[page.offset] = page }
            // Each page in a member no flip touched comes out whole, at its offset.
            for (index, entry) in clean.enumerated() where !hit.contains(index) {
                guard case .page(let page) = entry else { continue }
                let same = pagesAt[page.offset] == page
                #expect(same, "page at \(page.offset) lost after damage in members \(hit.sorted())")
                if same { survivors += 1 }
            }
        }
        #expect(survivors > 400)
    }

    @Test func anEmptyFileHasNoEntries() throws {
        #expect(try entries(of: []).isEmpty)
    }

    /// One gzip member from the system's gzip.
    private func gzipMember(_ bytes: [UInt8]) throws -> [UInt8] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("member-\(UUID().uuidString)")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-c", "-n", url.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Array(data)
    }
}

/// A small deterministic generator (SplitMix64), so that the random damage is the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
