import Foundation
import NewsClean
import NewsModel
import NewsPipeline
import NewsSink

/// Runs hostile inputs through the clean and extract stages with the shipped default budgets, and checks that
/// every outcome renders to valid JSON Lines.
enum HostileInput {
    static let maxBytes = 10 * 1024 * 1024

    /// The wall-time budget a case must meet: 20 s, or `$NEWSEVENTS_TORTURE_SECONDS` (the sanitizer runs,
    /// which are several times slower, raise it).
    static let secondsLimit = Double(ProcessInfo.processInfo.environment["NEWSEVENTS_TORTURE_SECONDS"] ?? "") ?? 20

    static let processor = ArticleProcessor(
        limits: CleanLimits(maxInputBytes: maxBytes, seconds: 10),
        now: { Date(timeIntervalSince1970: 1_700_000_000) })

    /// The outcome of one input, with the seconds it took.
    struct Outcome {
        var article: ProcessedArticle?
        var failure: ArticleFailure?
        var seconds: Double
        /// Every line the sink would write (article record, event records or the error record).
        var lines: [String]

        var text: String { article?.cleaned.text ?? "" }
    }

    static func run(_ bytes: [UInt8]) -> Outcome {
        let started = Date()
        let outcome = processor.process(
            ArticleInput(origin: "torture", content: .html(bytes: bytes, transportCharset: nil)))
        let seconds = Date().timeIntervalSince(started)
        switch outcome {
        case .article(let article):
            let lines = (RecordRenderer.articles.records(for: article) + RecordRenderer.events.records(for: article))
                .map(\.line)
            return Outcome(article: article, failure: nil, seconds: seconds, lines: lines)
        case .failure(let failure):
            return Outcome(article: nil, failure: failure, seconds: seconds, lines: [failure.record.serialized()])
        case .skipped, .unchanged, .sourceRead:
            return Outcome(article: nil, failure: nil, seconds: seconds, lines: [])
        }
    }

    static func run(_ html: String) -> Outcome { run(Array(html.utf8)) }

    /// Whether every line is one valid JSON object with no raw line break.
    static func linesAreValidJSON(_ outcome: Outcome) -> Bool {
        outcome.lines.allSatisfy { line in
            !line.contains("\n") && !line.contains("\u{2028}")
                && (try? JSONSerialization.jsonObject(with: Data(line.utf8))) is [String: Any]
        }
    }

    /// A page with one article paragraph long enough to be the main text.
    static func page(body: String, head: String = "", before: String = "", after: String = "") -> String {
        "<html><head>\(head)<title>Test</title></head><body>\(before)<article><p>\(body)</p></article>\(after)</body></html>"
    }

    static let sentence =
        "The foreign ministers of France and Germany met in Berlin on Tuesday to discuss the sanctions package. "
    static let article = String(repeating: sentence, count: 3)

    /// Deterministic pseudo-random bytes (xorshift), so that a failure can be reproduced.
    static func randomBytes(_ count: Int, seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return UInt8(truncatingIfNeeded: state)
        }
    }
}
