import Foundation
import LibXML
import NewsClean
import NewsExtract
import NewsModel
import NewsPipeline
import NewsSink

/// One stage of the pipeline benchmark: a name and a pass over every page that returns a checksum (bytes of
/// text, events, bytes written), so that the work cannot be skipped and the output shows what was done.
struct PipelineStage {
    var name: String
    var pass: ([[UInt8]]) -> Int
}

/// The whole pipeline against the libxml2 parse floor, in one process over the same pages held in memory:
/// (a) parse each page through `LibXML` and collect its text outside script and style (the floor), (b) the
/// clean stage, (c) clean + extract, (d) the whole pipeline as `newsevents run` does it for one article (hash,
/// clean, extract, render the event records, check their ids against the run's set, append them to a JSON
/// Lines file: /dev/null). The four passes run one after another in every round, `rounds` rounds, so that a
/// neighbour's burst on a shared machine hits all of them alike; each stage's CPU time is the median over the
/// rounds, and its ratio to the floor is the median of the per-round ratios.
func benchPipeline(folder: String, rounds: Int) {
    let pages = loadPages(folder)
    guard !pages.isEmpty else {
        FileHandle.standardError.write(Data("newsevents-bench: no .html or .html.gz files in \(folder)\n".utf8))
        exit(2)
    }
    let rssBefore = peakRSSMegabytes()
    LibXML2.initialize()
    let processor = ArticleProcessor(limits: CleanLimits(), now: { Date(timeIntervalSince1970: 1_767_225_600) })
    let cleaner = processor.cleaner
    let extractor = processor.extractor
    let sink: JSONLinesWriter
    do {
        sink = try JSONLinesWriter(path: "/dev/null")
    } catch {
        FileHandle.standardError.write(Data("newsevents-bench: cannot open /dev/null: \(error)\n".utf8))
        exit(1)
    }
    let stages = [
        PipelineStage(name: "(a) parse floor: libxml2 parse + text walk") { pages in
            var text: [UInt8] = []
            var total = 0
            for page in pages {
                guard let document = try? ParsedDocument(bytes: page, syntax: .html(encoding: "UTF-8")) else {
                    continue
                }
                text.removeAll(keepingCapacity: true)
                total &+= document.appendVisibleText(to: &text)
            }
            return total
        },
        PipelineStage(name: "(b) clean") { pages in
            var total = 0
            for page in pages {
                if let cleaned = try? cleaner.clean(bytes: page) { total &+= cleaned.text.utf8.count }
            }
            return total
        },
        PipelineStage(name: "(c) clean + extract") { pages in
            var total = 0
            for page in pages {
                guard let cleaned = try? cleaner.clean(bytes: page) else { continue }
                let anchor = cleaned.published.flatMap(PublicationDate.day(of:)) ?? "2026-01-01"
                total &+= extractor.extract(text: cleaned.text, anchor: anchor, language: cleaned.language).events.count
            }
            return total
        },
        PipelineStage(name: "(d) whole pipeline to JSON Lines") { pages in
            var total = 0
            var written = Set<String>()
            for (index, page) in pages.enumerated() {
                let input = ArticleInput(
                    url: "https://bench.example/\(index)", origin: "bench",
                    content: .html(bytes: page, transportCharset: nil))
                guard case .article(let article) = processor.process(input) else { continue }
                let lines = RecordRenderer.events.records(for: article).filter { written.insert($0.id).inserted }
                    .map(\.line)
                try? sink.append(lines)
                total &+= lines.reduce(0) { $0 + $1.utf8.count + 1 }
            }
            return total
        },
    ]
    // Warm-up: every stage once, so that tables built on first use are not counted.
    for stage in stages { _ = stage.pass(pages) }
    var seconds = [[Double]](repeating: [], count: stages.count)
    var checksums = [Int](repeating: 0, count: stages.count)
    for _ in 0..<rounds {
        for (index, stage) in stages.enumerated() {
            let start = cpuSeconds()
            checksums[index] = stage.pass(pages)
            seconds[index].append(cpuSeconds() - start)
        }
    }
    func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1
            ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
    let bytes = Double(pages.reduce(0) { $0 + $1.count })
    let count = Double(pages.count)
    print(
        String(
            format: "pages: %d, %.1f MB of HTML (median page %.0f KB), %d rounds (stages interleaved), libxml2 %@",
            pages.count, bytes / 1_048_576, Double(pages.map(\.count).sorted()[pages.count / 2]) / 1024, rounds,
            LibXML2.version))
    print("stage                                        CPU ms/page   pages/s    MB/s   x floor (range)")
    for (index, stage) in stages.enumerated() {
        let perRound = median(seconds[index])
        let ratios = zip(seconds[index], seconds[0]).map { $0 / max($1, 1e-9) }
        print(
            String(
                format: "%@ %11.3f %9.0f %7.1f   %.2f (%.2f-%.2f)",
                stage.name.padding(toLength: 44, withPad: " ", startingAt: 0), perRound * 1000 / count,
                count / perRound, bytes / 1_048_576 / perRound, median(ratios), ratios.min() ?? 0, ratios.max() ?? 0))
    }
    print(
        "checksums per round: text bytes (floor) \(checksums[0]), text bytes (clean) \(checksums[1]), events "
            + "\(checksums[2]), JSON Lines bytes \(checksums[3])")
    print(String(format: "peak RSS: %.1f MB (%.1f MB after loading the pages)", peakRSSMegabytes(), rssBefore))
}
