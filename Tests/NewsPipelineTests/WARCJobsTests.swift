import Foundation
import Logging
import NewsModel
import NewsSink
import Testing

@testable import NewsPipeline

/// WARC files as jobs: each page gives the records its bytes give as a file with the same address, and its
/// capture date (not the day of the run) anchors an undated page.
struct WARCJobsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    private func jobs(_ paths: [String], maxBytes: Int = 10 << 20) -> [ArticleJob] {
        let source = JobSources.warc(paths, maxBytes: maxBytes)
        var result: [ArticleJob] = []
        while let job = source.next() { result.append(job) }
        return result
    }

    private func lines(_ outcome: ArticleOutcome) -> String {
        guard case .article(let article) = outcome else { return "no article: \(outcome)" }
        return (RecordRenderer.events.records(for: article) + RecordRenderer.articles.records(for: article))
            .map(\.line).joined(separator: "\n")
    }

    @Test func aWARCPageGivesTheRecordsOfItsBytesGivenAsAFileCapturedThatDay() throws {
        // The run happens on 2030-06-15; the pages were captured on 2026-01-01 (their WARC-Date).
        let laterRun = ArticleProcessor(
            limits: .init(maxInputBytes: 10 << 20), now: { Date(timeIntervalSince1970: 1_907_712_000) })
        let captureDay = ArticleProcessor(
            limits: .init(maxInputBytes: 10 << 20), now: { Date(timeIntervalSince1970: 1_767_225_600) })
        let warc = Self.root.appendingPathComponent("Tests/Data/warc/fixtures.warc.gz").path
        var compared = 0
        var anchoredOnCapture = 0
        for case .input(let input) in jobs([warc]) where input.url?.hasPrefix("https://fixtures.example/") == true {
            let name = String(input.url!.dropFirst("https://fixtures.example/".count)) + ".html"
            let bytes = Array(try Data(contentsOf: Self.root.appendingPathComponent("fixtures/\(name)")))
            guard case .html(_, let charset) = input.content else { continue }
            let file = ArticleInput(
                url: input.url, origin: input.origin, content: .html(bytes: bytes, transportCharset: charset))
            let fromWARC = laterRun.process(input)
            #expect(lines(fromWARC) == lines(captureDay.process(file)), "\(name)")
            if case .article(let article) = fromWARC, article.anchorSource == "fetch-time" {
                #expect(article.anchorDate == "2026-01-01")
                anchoredOnCapture += 1
            }
            compared += 1
        }
        // Every page that is HTML text (the PNG one fails to clean), and at least one with no date of its own.
        #expect(compared == 9)
        #expect(anchoredOnCapture >= 1)
    }

    @Test func recordsWithoutArticlesAreSkippedAndDamageFailsForGoodWhileTheFileIsUnchanged() {
        let damaged = Self.root.appendingPathComponent("Tests/Data/warc/damaged.warc.gz").path
        var failures: [ArticleFailure] = []
        var pages = 0
        for job in jobs([damaged]) {
            switch job {
            case .failed(let failure): failures.append(failure)
            case .input: pages += 1
            default: break
            }
        }
        #expect(pages == 3)
        #expect(failures.map(\.origin) == [882, 2487, 4536, 7561].map { "\(damaged)@\($0)" })
        #expect(failures.allSatisfy { $0.stage == "read" && $0.reason == "corrupt-warc" && $0.fingerprint != nil })
        // A batch run that recorded them skips them quietly.
        let processor = ArticleProcessor(
            limits: .init(maxInputBytes: 1 << 20), failedBefore: { origin, _ in origin.hasSuffix("@4536") })
        if case .skipped(_, let reason) = processor.process(.failed(failures[2])) {
            #expect(reason == "failed-before")
        } else {
            Issue.record("a failure recorded before was not skipped")
        }
        guard case .failure = processor.process(.failed(failures[1])) else {
            Issue.record("a failure not recorded before was skipped")
            return
        }
    }

    @Test func aFolderStandsForItsWARCFilesAndAMissingFileFailsAlone() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("warcs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["fixtures.warc.gz", "damaged.warc"] {
            try FileManager.default.copyItem(
                at: Self.root.appendingPathComponent("Tests/Data/warc/\(name)"), to: folder.appendingPathComponent(name)
            )
        }
        try Data("not listed".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let all = jobs([folder.path, "/nonexistent/cc.warc.gz"])
        let origins = all.compactMap { job -> String? in
            switch job {
            case .input(let input): return input.origin
            case .failed(let failure): return failure.origin
            case .skipped(let origin, _): return origin
            default: return nil
            }
        }
        // damaged.warc sorts before fixtures.warc.gz; the missing file comes last, as one failure.
        #expect(origins.first == folder.appendingPathComponent("damaged.warc").path + "@0")
        #expect(origins.last == "/nonexistent/cc.warc.gz")
        guard case .failed(let missing) = all.last else { throw TestFailure(item: all.count) }
        #expect(missing.message == "cannot open '/nonexistent/cc.warc.gz': No such file or directory")
        #expect(origins.contains { $0.hasPrefix(folder.appendingPathComponent("fixtures.warc.gz").path + "@") })
        #expect(!origins.contains { $0.contains("notes.txt") })
    }

    @Test func aFileIsRememberedAsReadOnlyWhenNoneOfItsPagesMayPassAnotherTime() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("sink-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: output) }
        final class Calls: @unchecked Sendable {
            var files: [String] = []
        }
        let calls = Calls()
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let sink = RecordSink(
            writer: try JSONLinesWriter(path: output.path), renderer: .events, fsyncEachArticle: false, state: nil,
            logger: logger, logFormat: .text, errorsToOutput: false,
            onSourceRead: { path, _ in calls.files.append(path) },
            onFatal: {})
        // a.warc: a page ran out of its time budget (no fingerprint: it may pass another time).
        sink.consume(
            .failure(
                ArticleFailure(origin: "a.warc@10", stage: "clean", reason: "time-budget", message: "over 10 s")))
        sink.consume(.sourceRead(path: "a.warc", stamp: "1:1"))
        // b.warc: a damaged record, the same every time (fingerprinted): the file is done all the same.
        var damaged = ArticleFailure(origin: "b.warc@5", stage: "read", reason: "corrupt-warc", message: "bad")
        damaged.fingerprint = "2:2"
        sink.consume(.failure(damaged))
        sink.consume(.sourceRead(path: "b.warc", stamp: "2:2"))
        // a.warc read again without trouble.
        sink.consume(.sourceRead(path: "a.warc", stamp: "1:1"))
        #expect(calls.files == ["b.warc", "a.warc"])
        // The end-of-file marks are not inputs.
        #expect(sink.summary.inputs == 2)
    }
}
