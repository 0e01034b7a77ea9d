import Foundation

/// An HTML page found in a WARC file, with what the archive says about its capture.
public struct WARCPage: Sendable, Equatable {
    /// Where its record starts in the file.
    public var offset: Int
    /// `WARC-Target-URI`.
    public var url: String?
    /// `WARC-Date`: when the page was captured.
    public var date: String?
    public var recordID: String?
    /// The HTTP body, de-chunked and inflated (gzip or deflate Content-Encoding).
    public var bytes: [UInt8]
    /// The charset of the HTTP Content-Type.
    public var charset: String?
    /// What was cut, in words, when the page was longer than the limit or the crawler cut it; nil otherwise.
    public var cut: String?
}

/// What one WARC record gave.
public enum WARCEntry: Sendable, Equatable {
    case page(WARCPage)
    /// A record that holds no article: another record type (`warc-request`, `warc-metadata`, ...), a response
    /// that is not HTML (`not-html`) or not a success (`http-status`).
    case skipped(offset: Int, url: String?, reason: String)
    /// A record that should hold a page but cannot be read: `corrupt-warc` (the reader resynchronized after
    /// it), `bad-http`, `unsupported-encoding`, `corrupt-gzip`, `too-large`.
    case failed(offset: Int, url: String?, reason: String, message: String)
}

/// Reads the HTML pages of a WARC file: `response` records with a 2xx HTTP status and an HTML (or no)
/// Content-Type, and `resource` records of HTML. Streaming, like ``WARCReader``: memory is one kept block
/// (at most `maxBytes` of body plus its HTTP header) and the read chunks.
public final class WARCPageReader {
    private let reader: WARCReader
    private let maxBytes: Int

    /// - Parameter maxBytes: the largest page kept, before and after decoding; a longer one is cut there.
    public init(descriptor: Int32, path: String, maxBytes: Int) {
        self.maxBytes = maxBytes
        reader = WARCReader(
            descriptor: descriptor, path: path, maxBlockBytes: maxBytes + WARCReader.maxHeaderBytes,
            keepBlock: { $0 == "response" || $0 == "resource" })
    }

    /// The next entry; nil at the end of the file.
    public func next() throws(FetchError) -> WARCEntry? {
        switch try reader.next() {
        case nil: return nil
        case .corrupt(let offset, let message)?:
            return .failed(offset: offset, url: nil, reason: "corrupt-warc", message: message)
        case .record(let record)?:
            return Self.entry(for: record, maxBytes: maxBytes)
        }
    }

    /// The entry of one record.
    static func entry(for record: WARCRecord, maxBytes: Int) -> WARCEntry {
        let offset = record.offset
        let url = record.targetURI
        func failed(_ reason: String, _ message: String) -> WARCEntry {
            .failed(offset: offset, url: url, reason: reason, message: message)
        }
        let blockCut = record.block.count < record.blockLength
        var body: ArraySlice<UInt8>
        var charset: String?
        switch record.type {
        case "response":
            guard let response = HTTPResponseHead(record.block) else {
                return failed("bad-http", "the response record does not hold an HTTP response head")
            }
            guard (200..<300).contains(response.status) else {
                return .skipped(offset: offset, url: url, reason: "http-status")
            }
            let type = response.field("content-type") ?? ""
            let mime = type.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            if let mime, !mime.isEmpty, !HTTPFetcher.accepts(mime, as: .html) {
                return .skipped(offset: offset, url: url, reason: "not-html")
            }
            charset = HTTPFetcher.charset(type)
            body = record.block[response.bodyStart...]
            if response.field("transfer-encoding")?.lowercased().contains("chunked") == true,
                let joined = Self.dechunked(body)
            {
                body = joined[...]
            }
            let encoding = (response.field("content-encoding") ?? "").lowercased().trimmingCharacters(
                in: .whitespaces)
            switch encoding {
            case "", "identity":
                break
            case "gzip", "x-gzip", "deflate":
                guard !blockCut else {
                    return failed(
                        "too-large", "the compressed page is larger than the input limit of \(maxBytes) bytes")
                }
                do {
                    let (inflated, complete) = try GzipDecoder.inflatePrefix(Array(body), limit: maxBytes)
                    guard complete else {
                        return failed("too-large", "the page inflates to more than \(maxBytes) bytes")
                    }
                    body = inflated[...]
                } catch {
                    return failed("corrupt-gzip", "the page's \(encoding) Content-Encoding: \(error)")
                }
            default:
                return failed("unsupported-encoding", "the page's Content-Encoding '\(encoding)' is not supported")
            }
        case "resource":
            let mime = (record.contentType ?? "").split(separator: ";").first.map {
                $0.trimmingCharacters(in: .whitespaces).lowercased()
            }
            guard let mime, HTTPFetcher.accepts(mime, as: .html) else {
                return .skipped(offset: offset, url: url, reason: "not-html")
            }
            charset = HTTPFetcher.charset(record.contentType ?? "")
            body = record.block[...]
        default:
            let type = record.type.isEmpty ? "untyped" : String(record.type.prefix(24))
            return .skipped(offset: offset, url: url, reason: "warc-\(type)")
        }
        var cut: String?
        if blockCut || body.count > maxBytes {
            cut = "the WARC record's page is longer than the input limit; only its first \(maxBytes) bytes were read"
            body = body.prefix(maxBytes)
        } else if let truncated = record.truncated {
            cut = "the crawler cut the page (WARC-Truncated: \(truncated))"
        }
        return .page(
            WARCPage(
                offset: offset, url: url, date: record.date, recordID: record.recordID, bytes: Array(body),
                charset: charset, cut: cut))
    }

    /// The body of a chunked transfer: the chunks joined, up to a missing or malformed chunk (a capture cut
    /// short keeps what it has); nil when not even the first chunk header parses (then the body is not
    /// chunked after all, and is taken as it is).
    static func dechunked(_ body: ArraySlice<UInt8>) -> [UInt8]? {
        var output: [UInt8] = []
        var index = body.startIndex
        var chunks = 0
        while index < body.endIndex {
            guard let lineEnd = body[index...].firstIndex(of: 0x0A) else { break }
            var sizeText = body[index..<lineEnd]
            if let semicolon = sizeText.firstIndex(of: 0x3B) { sizeText = sizeText[..<semicolon] }
            let digits = String(decoding: sizeText, as: UTF8.self).trimmingCharacters(in: .whitespaces)
                .trimmingCharacters(in: ["\r"])
            guard let size = Int(digits, radix: 16), size >= 0 else { break }
            chunks += 1
            if size == 0 { break }
            let dataStart = lineEnd + 1
            let dataEnd = min(dataStart + size, body.endIndex)
            output.append(contentsOf: body[dataStart..<dataEnd])
            index = dataEnd
            // The CR LF after the chunk's data.
            if index < body.endIndex, body[index] == 0x0D { index += 1 }
            if index < body.endIndex, body[index] == 0x0A { index += 1 }
        }
        return chunks == 0 ? nil : output
    }
}

/// The status line and header fields of an HTTP response held in a WARC block.
struct HTTPResponseHead {
    var status: Int
    /// Field names lowercased; repeated fields joined with ", ".
    var fields: [String: String]
    /// Where the body starts in the block.
    var bodyStart: Int

    func field(_ name: String) -> String? { fields[name] }

    init?(_ block: [UInt8]) {
        guard block.starts(with: Array("HTTP/".utf8)) else { return nil }
        var index = 0
        var end: Int?
        let limit = min(block.count, WARCReader.maxHeaderBytes)
        while index < limit {
            if block[index] == 0x0A {
                if index + 1 < block.count, block[index + 1] == 0x0A {
                    end = index + 2
                    break
                }
                if index + 2 < block.count, block[index + 1] == 0x0D, block[index + 2] == 0x0A {
                    end = index + 3
                    break
                }
            }
            index += 1
        }
        // A head with no body after it ends with the block.
        let headEnd = end ?? (block.count <= limit ? block.count : -1)
        guard headEnd >= 0 else { return nil }
        // Split on the line-feed byte: as Characters, CR LF is one grapheme and would not split on "\n".
        let lines = block[0..<headEnd].split(separator: 0x0A).map {
            String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard let statusLine = lines.first else { return nil }
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, let status = Int(parts[1]) else { return nil }
        var fields: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
            fields[name] = fields[name].map { "\($0), \(value)" } ?? value
        }
        self.status = status
        self.fields = fields
        self.bodyStart = headEnd
    }
}
