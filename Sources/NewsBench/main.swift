import Foundation
import NewsExtract

// newsevents-bench: speed benchmarks of the stages, each against a baseline run in the same invocation.
//
//   newsevents-bench dates TEXT_DIR [ROUNDS]   date tagging vs tokenization alone, per 5 KB of text
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
    let baseline = measure(texts, rounds: rounds) { TokenizedText($0).tokens.count }
    let tagging = measure(texts, rounds: rounds) { tagger.tag(TokenizedText($0), anchor: anchor).count }
    let per5KB = { (seconds: Double) in seconds * 1000 / (Double(bytes * rounds) / 5120) }
    print("texts: \(texts.count), \(bytes) bytes, \(rounds) rounds")
    print(String(format: "baseline (tokenize only): %.4f ms per 5 KB", per5KB(baseline.seconds)))
    print(String(format: "date tagging (tokenize + tag): %.4f ms per 5 KB", per5KB(tagging.seconds)))
    print(String(format: "ratio tagging / baseline: %.2f", tagging.seconds / max(baseline.seconds, 1e-9)))
    print("timexes per round: \(tagging.checksum / rounds)")
}

let arguments = CommandLine.arguments
switch arguments.count > 1 ? arguments[1] : "" {
case "dates" where arguments.count >= 3:
    benchDates(folder: arguments[2], rounds: arguments.count > 3 ? Int(arguments[3]) ?? 20 : 20)
default:
    FileHandle.standardError.write(Data("usage: newsevents-bench dates TEXT_DIR [ROUNDS]\n".utf8))
    exit(64)
}
