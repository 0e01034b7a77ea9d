import Foundation
import NewsClean
import NewsModel
import NewsPipeline

/// The clean + extract path as a libFuzzer target. `scripts/fuzz.sh` links this module with libFuzzer and
/// AddressSanitizer; the test suite replays the regression corpus through ``FuzzEntry/run(_:)``.
///
/// Each input goes through the same processor as `newsevents extract`, and every record it gives must
/// serialise to one line of valid JSON; anything else traps, which libFuzzer reports as a crash.
public enum FuzzEntry {
    static let processor = ArticleProcessor(
        limits: CleanLimits(maxInputBytes: 1 << 20, seconds: 5), now: { Date(timeIntervalSince1970: 1_700_000_000) })

    /// Runs one input; returns the number of records it gave.
    @discardableResult
    public static func run(_ bytes: [UInt8]) -> Int {
        let outcome = processor.process(
            ArticleInput(origin: "fuzz", content: .html(bytes: bytes, transportCharset: nil)))
        var lines: [String] = []
        switch outcome {
        case .article(let article):
            lines = (RecordRenderer.articles.records(for: article) + RecordRenderer.events.records(for: article)).map(
                \.line)
            for row in RecordRenderer.gdelt.records(for: article) {
                precondition(!row.line.contains("\n"), "a GDELT row spans lines")
                precondition(row.line.split(separator: "\t", omittingEmptySubsequences: false).count == 61)
            }
        case .failure(let failure):
            lines = [failure.record.serialized()]
        case .skipped, .unchanged, .sourceRead:
            break
        }
        for line in lines {
            precondition(!line.contains("\n"), "a record spans lines")
            precondition(
                (try? JSONSerialization.jsonObject(with: Data(line.utf8))) is [String: Any],
                "a record is not a JSON object")
        }
        return lines.count
    }
}

/// libFuzzer's entry point.
@_cdecl("LLVMFuzzerTestOneInput")
public func newseventsFuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzEntry.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}
