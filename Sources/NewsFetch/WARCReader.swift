#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One record of a WARC file (WARC/1.0 or 1.1): its named header fields and its block, or as much of the block
/// as the reader was asked to keep.
public struct WARCRecord: Sendable, Equatable {
    /// Where the record starts in the file: the start of its gzip member in a compressed file.
    public var offset: Int
    /// `WARC-Type`, lowercased ("response", "request", "metadata", "warcinfo", "resource", "revisit", ...).
    public var type: String
    /// `WARC-Target-URI`, without the angle brackets some WARC/1.0 writers put around it.
    public var targetURI: String?
    /// `WARC-Date`, as written (ISO 8601, UTC).
    public var date: String?
    public var recordID: String?
    /// The block's `Content-Type` (for a response, `application/http; msgtype=response`).
    public var contentType: String?
    /// `WARC-Truncated`: the crawler cut the block, and why ("length", "time", ...).
    public var truncated: String?
    /// `Content-Length`: the block's size in the file.
    public var blockLength: Int
    /// The block, or its first bytes when it is longer than the reader keeps (then shorter than
    /// ``blockLength``); empty for the types the reader does not keep.
    public var block: [UInt8]
}

/// What the reader found at one place of the file.
public enum WARCItem: Sendable, Equatable {
    case record(WARCRecord)
    /// Bytes that are not a whole record (a corrupt gzip member, a header that does not parse, a block that
    /// the file cuts short) starting at `offset`; the reader goes on at the next record it can find.
    case corrupt(offset: Int, message: String)
}

/// Reads the records of a WARC file in order, streaming: memory is the kept blocks plus a few read chunks,
/// whatever the file's size. Plain and gzip-compressed files are read alike (the first bytes decide). After
/// corrupt bytes it resynchronizes at the next gzip member and the next line starting with `WARC/`.
///
/// Not thread-safe: the scheduler calls ``next()`` under its lock.
public final class WARCReader {
    /// The longest header accepted.
    static let maxHeaderBytes = 64 * 1024

    private let input: WARCByteStream
    private let keepBlock: (String) -> Bool
    private let maxBlockBytes: Int
    private var buffer: [UInt8] = []
    private var start = 0
    /// The stream position of `buffer[0]`.
    private var base = 0
    private var atEnd = false
    /// A corruption the byte stream reported, given before anything else.
    private var pending: WARCItem?
    /// Whether the reader is looking for the next record after corrupt bytes.
    private var resynchronizing = false

    /// - Parameters:
    ///   - keepBlock: whether the block of a record of this type (lowercased `WARC-Type`) is kept; other
    ///     blocks are skipped unread into memory.
    ///   - maxBlockBytes: the most bytes of one block kept; the rest is skipped.
    public init(descriptor: Int32, path: String, maxBlockBytes: Int, keepBlock: @escaping (String) -> Bool) {
        input = WARCByteStream(descriptor: descriptor, path: path)
        self.maxBlockBytes = maxBlockBytes
        self.keepBlock = keepBlock
    }

    /// The next record or corrupt stretch; nil at the end of the file.
    public func next() throws(FetchError) -> WARCItem? {
        while true {
            if let pending {
                self.pending = nil
                return pending
            }
            if resynchronizing {
                guard try resynchronize() else { continue }
            }
            // Records are separated by CR LF CR LF; be lenient about how many line ends there are.
            while true {
                guard try ensure(1) else { break }
                let byte = buffer[start]
                guard byte == 0x0D || byte == 0x0A else { break }
                start += 1
            }
            if pending != nil { continue }
            guard start < buffer.count else { return nil }
            compact()
            let recordStart = base + start
            switch try readRecord(at: recordStart) {
            case .record(let record): return .record(record)
            case .corrupt(let message):
                if let pending {
                    // The gzip member under the record broke: that report says more than the parse failure, and
                    // the stream goes on at the next member, where the next record should start.
                    self.pending = nil
                    return pending
                }
                // Look for the next record after this one's first byte.
                start = min(start + 1, buffer.count)
                if recordStart >= base { start = max(start, recordStart - base + 1) }
                resynchronizing = true
                return .corrupt(offset: input.fileOffset(ofStreamPosition: recordStart), message: message)
            case .interrupted:
                continue
            }
        }
    }

    private enum Parse {
        case record(WARCRecord)
        case corrupt(String)
        /// The byte stream reported a corruption (now in `pending`) before the record was whole.
        case interrupted
    }

    private func readRecord(at recordStart: Int) throws(FetchError) -> Parse {
        guard let headerEnd = try findHeaderEnd() else {
            if pending != nil { return .interrupted }
            if buffer.count - start >= Self.maxHeaderBytes {
                return .corrupt("no WARC header ends within \(Self.maxHeaderBytes) bytes")
            }
            return .corrupt("the file ends inside a record header")
        }
        let header = buffer[start..<headerEnd.fieldsEnd]
        guard header.starts(with: Array("WARC/".utf8)) else {
            let line = header.prefix { $0 != 0x0D && $0 != 0x0A }.prefix(40)
            return .corrupt("not a WARC record: the line starts '\(Self.printable(line))'")
        }
        var fields: [String: String] = [:]
        var lines = header.split(separator: 0x0A, omittingEmptySubsequences: true).dropFirst()[...]
        while let line = lines.popFirst() {
            var text = String(decoding: line, as: UTF8.self)
            if text.hasSuffix("\r") { text.removeLast() }
            guard let colon = text.firstIndex(of: ":") else { continue }
            let name = text[..<colon].trimmingSpaces.lowercased()
            fields[name] = String(text[text.index(after: colon)...].trimmingSpaces)
        }
        guard let lengthText = fields["content-length"], let length = Int(lengthText), length >= 0 else {
            return .corrupt("the record has no valid Content-Length")
        }
        let type = (fields["warc-type"] ?? "").lowercased()
        start = headerEnd.blockStart
        let keep = keepBlock(type) ? min(length, maxBlockBytes) : 0
        guard try ensure(keep) else {
            return pending != nil
                ? .interrupted
                : .corrupt("the file ends inside the record's block (\(buffer.count - start) of \(length) bytes)")
        }
        let block = Array(buffer[start..<start + keep])
        start += keep
        let skipped = try skip(length - keep)
        guard skipped == length - keep else {
            return pending != nil
                ? .interrupted
                : .corrupt("the file ends inside the record's block (\(keep + skipped) of \(length) bytes)")
        }
        var target = fields["warc-target-uri"]
        if let uri = target, uri.hasPrefix("<"), uri.hasSuffix(">") { target = String(uri.dropFirst().dropLast()) }
        return .record(
            WARCRecord(
                offset: input.fileOffset(ofStreamPosition: recordStart), type: type, targetURI: target,
                date: fields["warc-date"], recordID: fields["warc-record-id"], contentType: fields["content-type"],
                truncated: fields["warc-truncated"], blockLength: length, block: block))
    }

    /// Where the header at `start` ends: the end of its fields and the start of the block (after the blank
    /// line, CR LF or LF alone); nil when no blank line comes within the header limit or before the end.
    private func findHeaderEnd() throws(FetchError) -> (fieldsEnd: Int, blockStart: Int)? {
        var from = start
        while true {
            let limit = min(buffer.count, start + Self.maxHeaderBytes)
            var index = from
            while index < limit {
                if buffer[index] == 0x0A {
                    if index + 1 < buffer.count, buffer[index + 1] == 0x0A { return (index, index + 2) }
                    if index + 2 < buffer.count, buffer[index + 1] == 0x0D, buffer[index + 2] == 0x0A {
                        return (index, index + 3)
                    }
                    if index + 2 >= buffer.count { break }
                }
                index += 1
            }
            from = index
            if buffer.count - start >= Self.maxHeaderBytes { return nil }
            guard try more() else { return nil }
        }
    }

    /// After corrupt bytes: drops bytes up to the next `WARC/1.x` version line (wherever it starts: garbage
    /// need not end with a line feed). True when one was found; false at the end of the stream or when it
    /// broke (then `pending` says how).
    private func resynchronize() throws(FetchError) -> Bool {
        let marker = Array("WARC/1.".utf8)
        // The marker, a digit and a line end.
        let span = marker.count + 2
        while true {
            var index = start
            while index + span < buffer.count {
                if buffer[index] == 0x57, buffer[index..<index + marker.count].elementsEqual(marker),
                    (0x30...0x39).contains(buffer[index + marker.count]),
                    buffer[index + marker.count + 1] == 0x0D || buffer[index + marker.count + 1] == 0x0A
                {
                    start = index
                    resynchronizing = false
                    return true
                }
                index += 1
            }
            // Keep the last bytes: a marker may straddle the chunk boundary.
            start = max(start, buffer.count - span)
            guard try more() else {
                start = buffer.count
                resynchronizing = false
                return false
            }
        }
    }

    /// Makes at least `count` unread bytes available; false when the stream ends or breaks first.
    private func ensure(_ count: Int) throws(FetchError) -> Bool {
        while buffer.count - start < count {
            guard try more() else { return false }
        }
        return true
    }

    /// Skips `count` bytes without keeping them: the number skipped (less when the stream ends or breaks).
    private func skip(_ count: Int) throws(FetchError) -> Int {
        var skipped = 0
        while skipped < count {
            if start == buffer.count {
                compact()
                guard try more() else { return skipped }
            }
            let step = min(count - skipped, buffer.count - start)
            start += step
            skipped += step
        }
        return skipped
    }

    /// Reads the next chunk of the stream; false at its end or at a corruption (which is then `pending`, and
    /// the bytes held are dropped: they belong to the broken member).
    private func more() throws(FetchError) -> Bool {
        if atEnd { return false }
        if start == buffer.count { compact() }
        switch try input.read(into: &buffer) {
        case .data:
            return true
        case .end:
            atEnd = true
            return false
        case .corrupt(let offset, let message):
            pending = .corrupt(offset: offset, message: message)
            base += buffer.count
            buffer.removeAll(keepingCapacity: true)
            start = 0
            return false
        }
    }

    /// Drops the consumed bytes once they are most of the buffer.
    private func compact() {
        guard start > 0, start == buffer.count || start >= 1 << 20 else { return }
        base += start
        buffer.removeFirst(start)
        start = 0
    }

    private static func printable(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.map { $0 >= 0x20 && $0 < 0x7F ? $0 : 0x3F }, as: UTF8.self)
    }
}

extension StringProtocol {
    /// Without the leading and trailing spaces and tabs.
    fileprivate var trimmingSpaces: String {
        guard let first = firstIndex(where: { $0 != " " && $0 != "\t" }),
            let last = lastIndex(where: { $0 != " " && $0 != "\t" })
        else { return "" }
        return String(self[first...last])
    }
}
