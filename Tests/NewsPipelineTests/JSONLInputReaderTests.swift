import Foundation
import NewsModel
import Testing

@testable import NewsPipeline

struct JSONLInputReaderTests {
    private func jobs(_ text: String, maxLineBytes: Int = 1 << 20) throws -> [ArticleJob] {
        var descriptors: [Int32] = [0, 0]
        #expect(pipe(&descriptors) == 0)
        let data = Array(text.utf8)
        let writeEnd = descriptors[1]
        let writer = Thread {
            data.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = write(writeEnd, buffer.baseAddress! + offset, buffer.count - offset)
                    if written <= 0 { break }
                    offset += written
                }
            }
            close(writeEnd)
        }
        writer.start()
        let reader = JSONLInputReader(descriptor: descriptors[0], maxLineBytes: maxLineBytes)
        var result: [ArticleJob] = []
        while let job = reader.next() { result.append(job) }
        close(descriptors[0])
        return result
    }

    private func describe(_ job: ArticleJob) -> String {
        switch job {
        case .input(let input):
            switch input.content {
            case .html(let bytes, _): return "html \(input.inputID ?? "-") \(bytes.count)"
            case .text(let text): return "text \(input.inputID ?? "-") \(input.published ?? "-") \(text)"
            }
        case .failed(let failure): return "failed \(failure.origin) \(failure.reason): \(failure.message)"
        case .file(let path, _, _): return "file \(path)"
        case .skipped(let origin, let reason): return "skipped \(origin) \(reason)"
        case .sourceRead(let path, _): return "read \(path)"
        }
    }

    @Test func readsOneJobPerLineAndABadLineBecomesAFailure() throws {
        let text = """
            {"id":"a","url":"https://example.org/a","html":"<p>x</p>"}
            not json
            {"id":7,"published":"2022-09-12","text":"Albania blamed Iran."}

            {"id":"c"}
            [1,2]
            {"id":"last","text":"no newline at the end"}
            """
        #expect(
            try jobs(text).map(describe) == [
                "html a 8",
                "failed stdin:2 bad-json: line 2 is not valid JSON",
                "text 7 2022-09-12 Albania blamed Iran.",
                "failed stdin:5 bad-input: line 5 has neither an \"html\" nor a \"text\" string",
                "failed stdin:6 bad-json: line 6 is not a JSON object",
                "text last - no newline at the end",
            ])
    }

    @Test func anOverlongLineIsRefusedWithoutHoldingItAndTheStreamGoesOn() throws {
        let long = "{\"id\":\"big\",\"text\":\"" + String(repeating: "x", count: 3_000_000) + "\"}"
        let result = try jobs(long + "\n{\"id\":\"small\",\"text\":\"ok\"}\n", maxLineBytes: 1_000_000)
        #expect(
            result.map(describe) == [
                "failed stdin:1 too-large: line 1 is 3000022 bytes, over the limit of 1000000 bytes", "text small - ok",
            ])
    }
}
