import Foundation
import LibXML
import NewsFetch

/// Every page of the WARC file at `path`, read with the project's reader: (pages, records of any kind read).
func readWARC(_ path: String) -> (pages: [[UInt8]], entries: Int) {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
        FileHandle.standardError.write(Data("newsevents-bench: cannot open \(path)\n".utf8))
        exit(2)
    }
    defer { close(descriptor) }
    let reader = WARCPageReader(descriptor: descriptor, path: path, maxBytes: 10 << 20)
    var pages: [[UInt8]] = []
    var entries = 0
    while let entry = try? reader.next() {
        entries += 1
        if case .page(let page) = entry { pages.append(page.bytes) }
    }
    return (pages, entries)
}

/// The WARC reader (decompression, records, HTTP heads, de-chunking) against the libxml2 parse floor over the
/// same pages, CPU time of this thread, fastest of 5 alternating trials of `rounds` passes each.
func benchWARC(path: String, rounds: Int) {
    LibXML2.initialize()
    let (pages, entries) = readWARC(path)
    guard !pages.isEmpty else {
        FileHandle.standardError.write(Data("newsevents-bench: no HTML pages in \(path)\n".utf8))
        exit(2)
    }
    let htmlBytes = pages.reduce(0) { $0 + $1.count }
    let fileBytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    var parseSeconds = Double.infinity
    var readSeconds = Double.infinity
    var checksum = 0
    for _ in 0..<5 {
        parseSeconds = min(parseSeconds, parseOnlySeconds(pages, rounds: rounds))
        let start = cpuSeconds()
        for _ in 0..<rounds { checksum &+= readWARC(path).pages.count }
        readSeconds = min(readSeconds, cpuSeconds() - start)
    }
    let count = Double(pages.count * rounds)
    let megabytes = Double(htmlBytes * rounds) / 1e6
    print(
        "WARC: \(entries) records, \(pages.count) HTML pages, \(htmlBytes / 1_000_000) MB of HTML in a "
            + "\(fileBytes / 1_000_000) MB file; \(rounds) rounds per trial, fastest of 5 trials")
    print(
        String(
            format: "parse only (libxml2 through LibXML): %.3f ms per page, %.0f MB/s of HTML",
            parseSeconds * 1000 / count, megabytes / parseSeconds))
    print(
        String(
            format: "WARC reader (inflate, records, HTTP): %.3f ms per page, %.0f MB/s of HTML",
            readSeconds * 1000 / count, megabytes / readSeconds))
    print(String(format: "ratio WARC reader / parse only: %.2f", readSeconds / max(parseSeconds, 1e-9)))
    print(String(format: "peak RSS: %.1f MB (the pages are held in memory for the parse pass)", peakRSSMegabytes()))
    if checksum != pages.count * rounds * 5 { print("checksum mismatch: \(checksum)") }
}
