import Foundation
import NewsModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the `--input jsonl` streaming contract from a file descriptor: one JSON object per line,
/// `{"id", "url", "published", "html"}` or `{..., "text"}`. Every non-empty line becomes exactly one job,
/// a bad line a failed job, so that outputs line up with inputs.
///
/// Not thread-safe: the scheduler calls ``next()`` under its lock. Memory is one line plus one read chunk.
package final class JSONLInputReader {
    private let descriptor: Int32
    private let maxLineBytes: Int
    private var buffer: [UInt8] = []
    private var bufferStart = 0
    private var atEnd = false
    private var lineNumber = 0
    private var chunk = [UInt8](repeating: 0, count: 256 * 1024)

    /// - Parameter maxLineBytes: longer lines are consumed and reported as failures, never held whole.
    package init(descriptor: Int32 = STDIN_FILENO, maxLineBytes: Int) {
        self.descriptor = descriptor
        self.maxLineBytes = maxLineBytes
    }

    package func next() -> ArticleJob? {
        while true {
            guard let line = readLine() else { return nil }
            lineNumber += 1
            switch line {
            case .tooLong(let length):
                return .failed(
                    ArticleFailure(
                        origin: "stdin:\(lineNumber)", stage: "input", reason: "too-large",
                        message: "line \(lineNumber) is \(length) bytes, over the limit of \(maxLineBytes) bytes"))
            case .line(let bytes):
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                return Self.job(from: bytes, lineNumber: lineNumber)
            }
        }
    }

    /// Parses one line into a job. Public for tests and for callers with lines in memory.
    package static func job(from bytes: [UInt8], lineNumber: Int) -> ArticleJob {
        let origin = "stdin:\(lineNumber)"
        func failure(_ reason: String, _ message: String, id: String? = nil, url: String? = nil) -> ArticleJob {
            .failed(
                ArticleFailure(inputID: id, origin: origin, url: url, stage: "input", reason: reason, message: message))
        }
        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
                return failure("bad-json", "line \(lineNumber) is not a JSON object")
            }
            object = parsed
        } catch {
            return failure("bad-json", "line \(lineNumber) is not valid JSON")
        }
        let id: String? = (object["id"] as? String) ?? (object["id"] as? NSNumber)?.stringValue
        let url = object["url"] as? String
        let published = object["published"] as? String
        if let html = object["html"] as? String {
            return .input(
                ArticleInput(
                    inputID: id, url: url, published: published, origin: origin,
                    content: .html(bytes: Array(html.utf8), transportCharset: "UTF-8")))
        }
        if let text = object["text"] as? String {
            return .input(
                ArticleInput(inputID: id, url: url, published: published, origin: origin, content: .text(text)))
        }
        return failure(
            "bad-input", "line \(lineNumber) has neither an \"html\" nor a \"text\" string", id: id, url: url)
    }

    private enum Line {
        case line([UInt8])
        case tooLong(Int)
    }

    private func readLine() -> Line? {
        var skipping = 0
        // Where the search for a newline resumes, so that a long line is scanned once.
        var searchFrom = bufferStart
        while true {
            if let newline = buffer[max(searchFrom, bufferStart)...].firstIndex(of: 0x0A) {
                let line = Array(buffer[bufferStart..<newline])
                bufferStart = newline + 1
                compact()
                if skipping > 0 { return .tooLong(skipping + line.count) }
                return line.count > maxLineBytes ? .tooLong(line.count) : .line(line)
            }
            if buffer.count - bufferStart > maxLineBytes {
                // Drop what we hold of an overlong line and keep reading to its end.
                skipping += buffer.count - bufferStart
                buffer.removeAll(keepingCapacity: true)
                bufferStart = 0
            }
            searchFrom = buffer.count
            if atEnd {
                guard bufferStart < buffer.count || skipping > 0 else { return nil }
                let line = Array(buffer[bufferStart...])
                buffer.removeAll()
                bufferStart = 0
                if skipping > 0 { return .tooLong(skipping + line.count) }
                return .line(line)
            }
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                atEnd = true
            } else if count == 0 {
                atEnd = true
            } else {
                buffer.append(contentsOf: chunk[0..<count])
            }
        }
    }

    private func compact() {
        if bufferStart > 1 << 20 || bufferStart == buffer.count {
            buffer.removeFirst(bufferStart)
            bufferStart = 0
        }
    }
}
