import Foundation
import NewsFetch
import NewsModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Job sources for the commands.
package enum JobSources {
    /// The configured local sources of a batch run; unlistable folders and list files become failed jobs.
    package static func configured(_ sources: PipelineConfig.Sources) -> JobSource {
        let enumerator = SourceEnumerator(sources: sources)
        return JobSource {
            switch enumerator.next() {
            case .none: return nil
            case .file(let path): return .file(path)
            case .unlistable(let path, let message):
                return .failed(ArticleFailure(origin: path, stage: "read", reason: "unlistable", message: message))
            }
        }
    }

    /// The configured sources of a batch run: local files first, then the pages of the WARC files, then the
    /// HTTP ones through `http` (nil when none is configured).
    package static func configured(
        _ sources: PipelineConfig.Sources, http: HTTPSource?, maxBytes: Int = PipelineConfig.Fetch().maxBytes,
        warcState: WARCSourceState? = nil
    ) -> JobSource {
        var stages = [configured(sources)]
        if !sources.warcFiles.isEmpty {
            stages.append(warc(sources.warcFiles, maxBytes: maxBytes, state: warcState))
        }
        if let http { stages.append(JobSource { http.next() }) }
        var current = 0
        return JobSource {
            while current < stages.count {
                if let job = stages[current].next() { return job }
                current += 1
            }
            return nil
        }
    }

    /// The pages of WARC files (`-` is standard input), file after file, in record order: one job per record
    /// (a page, a skipped record with its reason, or a failure). A folder stands for its `*.warc` and
    /// `*.warc.gz` files, in name order. Memory is one record at a time, whatever the files' sizes. With a
    /// `state`, a file an earlier run read whole is skipped unread while unchanged (`warc-read-before`), and the
    /// end of each file read whole is a ``ArticleJob/sourceRead(path:stamp:)`` job.
    package static func warc(_ paths: [String], maxBytes: Int, state: WARCSourceState? = nil) -> JobSource {
        var pending = paths[...]
        var reader: WARCPageReader?
        var path = ""
        var stamp: String?
        var descriptor: Int32 = -1
        func closeFile() {
            if descriptor > STDIN_FILENO { close(descriptor) }
            descriptor = -1
            reader = nil
        }
        return JobSource {
            while true {
                if let current = reader {
                    do throws(FetchError) {
                        guard let entry = try current.next() else {
                            closeFile()
                            if state != nil, let stamp { return .sourceRead(path: path, stamp: stamp) }
                            continue
                        }
                        return job(for: entry, path: path, stamp: stamp)
                    } catch {
                        closeFile()
                        return .failed(
                            ArticleFailure(
                                origin: path, stage: "read", reason: error.reason, message: error.description))
                    }
                }
                guard let next = pending.popFirst() else { return nil }
                if next != "-", let files = warcFiles(inFolder: next) {
                    pending = files[...] + pending
                    continue
                }
                path = next == "-" ? "stdin" : next
                descriptor = next == "-" ? STDIN_FILENO : open(next, O_RDONLY | O_CLOEXEC)
                guard descriptor >= 0 else {
                    let error = FetchError.open(path: next, errno: errno)
                    return .failed(
                        ArticleFailure(origin: next, stage: "read", reason: error.reason, message: error.description))
                }
                stamp = next == "-" ? nil : ArticleProcessor.fileStamp(next)
                if let state, let stamp, state.wasRead(next, stamp: stamp) {
                    closeFile()
                    return .skipped(origin: next, reason: "warc-read-before")
                }
                reader = WARCPageReader(descriptor: descriptor, path: path, maxBytes: maxBytes)
            }
        }
    }

    /// The WARC files of a folder, sorted by name; nil when `path` is not a folder.
    static func warcFiles(inFolder path: String) -> [String]? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { !$0.hasPrefix(".") && ($0.hasSuffix(".warc") || $0.hasSuffix(".warc.gz")) }.sorted()
            .map { (path as NSString).appendingPathComponent($0) }
    }

    /// The job of one WARC entry. A record's origin is `FILE@OFFSET`, the offset of the record (of its gzip
    /// member) in the file; a record that cannot be read fails for good while the file is unchanged.
    static func job(for entry: WARCEntry, path: String, stamp: String?) -> ArticleJob {
        switch entry {
        case .page(let page):
            var input = ArticleInput(
                url: page.url, origin: "\(path)@\(page.offset)",
                content: .html(bytes: page.bytes, transportCharset: page.charset))
            input.captured = page.date
            if let cut = page.cut { input.warnings.append(ArticleWarning(.inputCut, cut)) }
            return .input(input)
        case .skipped(let offset, _, let reason):
            return .skipped(origin: "\(path)@\(offset)", reason: reason)
        case .failed(let offset, let url, let reason, let message):
            let origin = "\(path)@\(offset)"
            var failure = ArticleFailure(origin: origin, url: url, stage: "read", reason: reason, message: message)
            failure.fingerprint = stamp
            return .failed(failure)
        }
    }

    /// How many inputs the configured local sources hold (a listing pass, for the progress line).
    package static func count(_ sources: PipelineConfig.Sources) -> Int {
        let enumerator = SourceEnumerator(sources: sources)
        var total = 0
        while enumerator.next() != nil { total += 1 }
        return total
    }

    /// Files named on the command line (`-` is standard input), each with the same address and date.
    package static func files(_ paths: [String], url: String?, published: String?, maxBytes: Int) -> JobSource {
        var index = 0
        return JobSource {
            guard index < paths.count else { return nil }
            defer { index += 1 }
            let path = paths[index]
            return path == "-"
                ? standardInputJob(url: url, published: published, maxBytes: maxBytes)
                : .file(path, url: url, published: published)
        }
    }

    /// Standard input as one article.
    package static func standardInput(
        url: String?, published: String?, maxBytes: Int, plainText: Bool = false
    )
        -> JobSource
    {
        var done = false
        return JobSource {
            guard !done else { return nil }
            done = true
            return standardInputJob(url: url, published: published, maxBytes: maxBytes, plainText: plainText)
        }
    }

    /// Standard input as JSON Lines, one job per line.
    package static func jsonLines(maxLineBytes: Int) -> JobSource {
        let reader = JSONLInputReader(descriptor: STDIN_FILENO, maxLineBytes: maxLineBytes)
        return JobSource { reader.next() }
    }

    private static func standardInputJob(
        url: String?, published: String?, maxBytes: Int, plainText: Bool = false
    )
        -> ArticleJob
    {
        do {
            let read = try LocalInputReader(maxBytes: maxBytes).readStandardInputPrefix()
            // Plain text is already the article's text (UTF-8; invalid bytes become U+FFFD): no cleaning.
            let content: ArticleInput.Content =
                plainText
                ? .text(String(decoding: read.bytes, as: UTF8.self)) : .html(bytes: read.bytes, transportCharset: nil)
            var input = ArticleInput(url: url, published: published, origin: "stdin", content: content)
            if let cut = read.cut { input.warnings.append(ArticleWarning(.inputCut, cut)) }
            return .input(input)
        } catch {
            return .failed(
                ArticleFailure(
                    origin: "stdin", url: url, stage: "read", reason: error.reason, message: error.description))
        }
    }
}
