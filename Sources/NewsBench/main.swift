import Foundation
import LibXML
import NewsClean
import NewsExtract
import NewsFetch
import NewsLanguage

// newsevents-bench: speed benchmarks of the stages, each against a baseline run in the same invocation.
//
//   newsevents-bench dates TEXT_DIR [ROUNDS]   date tagging vs tokenization alone, per 5 KB of text
//   newsevents-bench clean HTML_DIR [ROUNDS]   the clean stage vs a libxml2 parse-only pass, per page
//   newsevents-bench entities TEXT_DIR [ROUNDS] a 10,000-name gazetteer matched over 10 KB articles vs
//                                              tokenization alone, per KB; and the whole extract stage
//   newsevents-bench language TEXT_DIR [ROUNDS] the language layer (tagging; the whole analysis) vs its
//                                              tokenization alone, per KB
//   newsevents-bench warc FILE [ROUNDS]        the WARC reader (inflate, records, HTTP) vs a libxml2 parse-only
//                                              pass over the same pages, per page and MB/s
//   newsevents-bench pipeline HTML_DIR [ROUNDS] the libxml2 parse floor (parse + text walk), clean, clean +
//                                              extract and the whole pipeline to JSON Lines, interleaved
//                                              over rounds; per page, pages/s, MB/s and each as a ratio to
//                                              the floor (median of the rounds)
//   newsevents-bench scaling TEXT_DIR [ROUNDS]  the whole extract stage on one text 1, 4, 16 and 64 times as
//                                              long, per KB, against the 1x text in the same run
//
// Run it from scripts/bench/*.sh (release build); timings are CPU time of this one thread.

func cpuSeconds() -> Double {
    var usage = rusage()
    // RUSAGE_THREAD (1 on Linux) is not exported to Swift; the benchmark is single-threaded anyway.
    getrusage(__rusage_who_t(1), &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
        + Double(usage.ru_stime.tv_usec) / 1e6
}

/// Runs `body` over every text `rounds` times and returns CPU seconds.
func measure(_ texts: [String], rounds: Int, _ body: (String) -> Int) -> (seconds: Double, checksum: Int) {
    var checksum = 0
    let start = cpuSeconds()
    for _ in 0..<rounds {
        for text in texts { checksum &+= body(text) }
    }
    return (cpuSeconds() - start, checksum)
}

func loadTexts(_ folder: String) -> [String] {
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".txt") }
        .sorted()
    return names.compactMap {
        try? String(contentsOfFile: (folder as NSString).appendingPathComponent($0), encoding: .utf8)
    }
}

func benchDates(folder: String, rounds: Int) {
    let texts = loadTexts(folder)
    guard !texts.isEmpty else {
        FileHandle.standardError.write(Data("newsevents-bench: no .txt files in \(folder)\n".utf8))
        exit(2)
    }
    let bytes = texts.reduce(0) { $0 + $1.utf8.count }
    let tagger = DateTagger()
    let anchor = CalendarDay(iso: "2019-11-19")
    // Warm-up, so that first-use costs are not counted.
    _ = measure(texts, rounds: 1) { tagger.tag(TokenizedText($0), anchor: anchor).count }
    // Five trials each, alternating, keeping the fastest: on a shared 2-core machine the slower trials measure
    // the neighbours, not the code.
    var baseline = (seconds: Double.infinity, checksum: 0)
    var tagging = (seconds: Double.infinity, checksum: 0)
    for _ in 0..<5 {
        let base = measure(texts, rounds: rounds) { TokenizedText($0).tokens.count }
        if base.seconds < baseline.seconds { baseline = base }
        let tag = measure(texts, rounds: rounds) { tagger.tag(TokenizedText($0), anchor: anchor).count }
        if tag.seconds < tagging.seconds { tagging = tag }
    }
    let per5KB = { (seconds: Double) in seconds * 1000 / (Double(bytes * rounds) / 5120) }
    print("texts: \(texts.count), \(bytes) bytes, \(rounds) rounds, fastest of 5 trials")
    print(String(format: "baseline (tokenize only): %.4f ms per 5 KB", per5KB(baseline.seconds)))
    print(String(format: "date tagging (tokenize + tag): %.4f ms per 5 KB", per5KB(tagging.seconds)))
    print(String(format: "ratio tagging / baseline: %.2f", tagging.seconds / max(baseline.seconds, 1e-9)))
    print("timexes per round: \(tagging.checksum / rounds)")
}

/// Pages as bytes: `*.html` and `*.html.gz` files of a folder (gzip inflated up front, outside the timing).
func loadPages(_ folder: String) -> [[UInt8]] {
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
        $0.hasSuffix(".html") || $0.hasSuffix(".html.gz")
    }.sorted()
    let reader = LocalInputReader(maxBytes: 50 << 20)
    return names.compactMap { try? reader.read(path: (folder as NSString).appendingPathComponent($0)) }
}

/// CPU seconds of the parse floor: libxml2 parses each page from memory (as UTF-8, the encoding every benchmark
/// page has) and frees the tree, `rounds` times over; nothing else.
func parseOnlySeconds(_ pages: [[UInt8]], rounds: Int) -> Double {
    let start = cpuSeconds()
    for _ in 0..<rounds {
        for page in pages {
            if let document = try? ParsedDocument(bytes: page, syntax: .html(encoding: "UTF-8")) {
                withExtendedLifetime(document) {}
            }
        }
    }
    return cpuSeconds() - start
}

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(0), &usage)  // RUSAGE_SELF
    return Double(usage.ru_maxrss) / 1024
}

func benchClean(folder: String, rounds: Int) {
    let pages = loadPages(folder)
    guard !pages.isEmpty else {
        FileHandle.standardError.write(Data("newsevents-bench: no .html or .html.gz files in \(folder)\n".utf8))
        exit(2)
    }
    LibXML2.initialize()
    let cleaner = ArticleCleaner()
    // Warm-up.
    for page in pages { _ = try? cleaner.clean(bytes: page) }
    // The baseline: libxml2 parses each page from memory (as UTF-8, the encoding every benchmark page has)
    // and frees the tree; nothing else.
    // Five trials, each a parse-only pass then a clean pass over every page `rounds` times; the fastest
    // trial of each counts, so that a neighbour's burst on this shared machine is not measured as our cost.
    var parseSeconds = Double.infinity
    var cleanSeconds = Double.infinity
    var words = 0
    for _ in 0..<5 {
        parseSeconds = min(parseSeconds, parseOnlySeconds(pages, rounds: rounds))
        let start = cpuSeconds()
        words = 0
        for _ in 0..<rounds {
            for page in pages {
                if let cleaned = try? cleaner.clean(bytes: page) { words &+= cleaned.text.utf8.count }
            }
        }
        cleanSeconds = min(cleanSeconds, cpuSeconds() - start)
    }
    let count = Double(pages.count * rounds)
    print("pages: \(pages.count), \(rounds) rounds per trial, fastest of 5 trials")
    print(
        String(
            format: "parse only (libxml2 through LibXML): %.3f ms per page, %.0f pages/s", parseSeconds * 1000 / count,
            count / parseSeconds))
    print(
        String(format: "clean stage: %.3f ms per page, %.0f pages/s", cleanSeconds * 1000 / count, count / cleanSeconds)
    )
    print(String(format: "ratio clean / parse only: %.2f", cleanSeconds / max(parseSeconds, 1e-9)))
    print(String(format: "peak RSS: %.1f MB", peakRSSMegabytes()))
    print("text bytes per round: \(words / rounds)")
}

func benchEntities(folder: String, rounds: Int) {
    let texts = loadTexts(folder)
    guard !texts.isEmpty else {
        FileHandle.standardError.write(Data("newsevents-bench: no .txt files in \(folder)\n".utf8))
        exit(2)
    }
    // 10 KB articles: the benchmark texts joined and cut at 10,240 bytes (on a scalar boundary).
    let joined = Array(texts.joined(separator: "\n\n").unicodeScalars)
    var articles: [String] = []
    var start = 0
    var bytes = 0
    while start < joined.count {
        var end = start
        var size = 0
        while end < joined.count, size < 10_240 {
            size += String(joined[end]).utf8.count
            end += 1
        }
        if size >= 10_240 {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: joined[start..<end])
            articles.append(String(view))
            bytes += size
        }
        start = end
    }
    // A 10,000-entry gazetteer of real names (the first 10,000 officeholders of the Phoenix dictionaries).
    let names = OfficeholderGazetteer.phoenixNames(limit: 10_000)
    let buildStart = cpuSeconds()
    var trie = PhraseTrie<Int>()
    for (index, name) in names.enumerated() { trie.insert(TokenizedText(name).tokens.map(\.key), payload: index) }
    let buildSeconds = cpuSeconds() - buildStart
    let extractor = Extractor()
    _ = measure(articles, rounds: 1) { extractor.extract(text: $0, anchor: "2019-11-19").entities.count }
    var baseline = Double.infinity
    var matching = Double.infinity
    var extracting = Double.infinity
    var found = 0
    for _ in 0..<5 {
        baseline = min(baseline, measure(articles, rounds: rounds) { TokenizedText($0).tokens.count }.seconds)
        let match = measure(articles, rounds: rounds) { trie.matches(in: TokenizedText($0).tokens).count }
        matching = min(matching, match.seconds)
        found = match.checksum / rounds
        extracting = min(
            extracting,
            measure(articles, rounds: max(1, rounds / 5)) {
                extractor.extract(text: $0, anchor: "2019-11-19").entities.count
            }.seconds * 5)
    }
    let perKB = { (seconds: Double) in seconds * 1000 / (Double(bytes * rounds) / 1024) }
    print("articles: \(articles.count) of 10 KB, \(rounds) rounds, fastest of 5 trials")
    print("gazetteer: \(names.count) names, built in \(String(format: "%.1f", buildSeconds * 1000)) ms")
    print(String(format: "baseline (tokenize only): %.4f ms per KB", perKB(baseline)))
    print(String(format: "tokenize + match 10,000 names: %.4f ms per KB", perKB(matching)))
    print(String(format: "ratio match / baseline: %.2f", matching / max(baseline, 1e-9)))
    print(
        String(
            format: "whole extract stage (all gazetteers, officials, dates, events): %.4f ms per KB", perKB(extracting))
    )
    print("gazetteer matches per round: \(found)")
}

/// The language layer per KB of article text: tokenizing alone (the baseline), tokenizing and tagging with
/// lemmas, and the whole analysis (phrases and clauses too), each over the same sentences.
func benchLanguage(folder: String, rounds: Int) {
    let texts = loadTexts(folder)
    let bytes = texts.reduce(0) { $0 + $1.utf8.count }
    let analyzer = LanguageAnalyzer.shared
    let extractor = Extractor()
    // Sentences as the extract stage splits them, outside the timing.
    let sentences = texts.flatMap { text in
        extractor.analyses(text: text).compactMap { analysis -> String? in
            guard let first = analysis.words.first, let last = analysis.words.last else { return nil }
            let scalars = Array(text.unicodeScalars)[first.start..<last.end]
            return String(String.UnicodeScalarView(scalars))
        }
    }
    let tokenizer = WordTokenizer()
    _ = measure(sentences, rounds: 1) { analyzer.analyze($0).clauses.count }
    var baseline = Double.infinity
    var tagging = Double.infinity
    var whole = Double.infinity
    for _ in 0..<5 {
        baseline = min(baseline, measure(sentences, rounds: rounds) { tokenizer.tokenize($0).count }.seconds)
        tagging = min(tagging, measure(sentences, rounds: rounds) { analyzer.tagged($0).count }.seconds)
        whole = min(whole, measure(sentences, rounds: rounds) { analyzer.analyze($0).clauses.count }.seconds)
    }
    let perKB = { (seconds: Double) in seconds * 1000 / (Double(bytes * rounds) / 1024) }
    print(
        "texts: \(texts.count), \(bytes / 1024) KB, \(sentences.count) sentences, \(rounds) rounds, fastest of 5 trials"
    )
    print(String(format: "baseline (tokenize only): %.4f ms per KB", perKB(baseline)))
    print(String(format: "tokenize + tag + lemmas: %.4f ms per KB (ratio %.2f)", perKB(tagging), tagging / baseline))
    print(
        String(
            format: "whole analysis (+ phrases, clauses): %.4f ms per KB (ratio %.2f)", perKB(whole), whole / baseline))
}

/// The extract stage's cost against text length: the benchmark texts joined into one base article, then
/// articles 4, 16 and 64 times as long (the base's paragraphs repeated, each copy numbered so that no two
/// paragraphs are equal), each timed whole; per KB, and each size's cost per KB as a ratio to the base's.
/// Linear growth keeps the ratios near 1.
func benchScaling(folder: String, rounds: Int) {
    let texts = loadTexts(folder)
    guard !texts.isEmpty else {
        FileHandle.standardError.write(Data("newsevents-bench: no .txt files in \(folder)\n".utf8))
        exit(2)
    }
    let paragraphs = texts.flatMap { $0.components(separatedBy: "\n\n") }.filter { !$0.isEmpty }
    let extractor = Extractor()
    func article(times: Int) -> String {
        (0..<times).flatMap { copy in paragraphs.map { copy == 0 ? $0 : "\($0) (\(copy))" } }
            .joined(separator: "\n\n")
    }
    let sizes = [1, 4, 16, 64]
    let articles = sizes.map(article(times:))
    _ = measure([articles[0]], rounds: 1) { extractor.extract(text: $0, anchor: "2019-11-19").events.count }
    var seconds = [Double](repeating: .infinity, count: sizes.count)
    var events = [Int](repeating: 0, count: sizes.count)
    for _ in 0..<3 {
        for (index, text) in articles.enumerated() {
            // The same amount of text per trial for every size: the base article runs 64 times as often.
            let repeats = max(1, rounds * sizes.last! / sizes[index] / 16)
            let run = measure([text], rounds: repeats) {
                extractor.extract(text: $0, anchor: "2019-11-19").events.count
            }
            seconds[index] = min(seconds[index], run.seconds / Double(repeats))
            events[index] = run.checksum / repeats
        }
    }
    let base = seconds[0] / Double(articles[0].utf8.count)
    print("base article: \(texts.count) texts joined, \(articles[0].utf8.count / 1024) KB; fastest of 3 trials")
    for (index, size) in sizes.enumerated() {
        let kilobytes = Double(articles[index].utf8.count) / 1024
        let perByte = seconds[index] / Double(articles[index].utf8.count)
        print(
            String(
                format: "%2dx: %7.0f KB, %8.3f s, %.4f ms per KB, ratio to 1x %.2f, %d events", size, kilobytes,
                seconds[index], seconds[index] * 1000 / kilobytes, perByte / base, events[index]))
    }
}

let arguments = CommandLine.arguments
switch arguments.count > 1 ? arguments[1] : "" {
case "clean" where arguments.count >= 3:
    benchClean(folder: arguments[2], rounds: arguments.count > 3 ? Int(arguments[3]) ?? 20 : 20)
case "entities" where arguments.count >= 3:
    benchEntities(folder: arguments[2], rounds: arguments.count > 3 ? Int(arguments[3]) ?? 20 : 20)
case "language" where arguments.count >= 3:
    benchLanguage(folder: arguments[2], rounds: arguments.count > 3 ? Int(arguments[3]) ?? 20 : 20)
case "pipeline" where arguments.count >= 3:
    benchPipeline(folder: arguments[2], rounds: max(1, arguments.count > 3 ? Int(arguments[3]) ?? 7 : 7))
case "scaling" where arguments.count >= 3:
    benchScaling(folder: arguments[2], rounds: arguments.count > 3 ? Int(arguments[3]) ?? 8 : 8)
case "warc" where arguments.count >= 3:
    benchWARC(path: arguments[2], rounds: arguments.count > 3 ? Int(arguments[3]) ?? 2 : 2)
case "dates" where arguments.count >= 3:
    benchDates(folder: arguments[2], rounds: arguments.count > 3 ? Int(arguments[3]) ?? 20 : 20)
default:
    FileHandle.standardError.write(
        Data(
            "usage: newsevents-bench dates|entities|language|scaling TEXT_DIR [ROUNDS] | clean|pipeline HTML_DIR [ROUNDS] | warc FILE [ROUNDS]\n"
                .utf8))
    exit(64)
}
