import Dispatch
import Foundation
import NewsFetch
import NewsModel

/// What the fetcher remembers per URL, in `<state>/http.tsv` (`url`, `etag`, `last-modified`, `gone`, `read`),
/// replaced atomically at the end of a run: the validators of conditional GET, the status of an address that
/// answered 404 or 410, which later runs skip quietly (counted as `failed-before`) until `--retry-failed`, and
/// when a sitemap was last read (Unix seconds), so that its pages whose `lastmod` is older are not requested
/// again.
package final class FetchState: @unchecked Sendable {
    package let path: String
    private let directory: String
    private let lock = NSLock()
    // Guarded by `lock`.
    private var validators: [String: Validators]
    private var gone: [String: Int]
    private var reads: [String: Double]
    /// Whether addresses that were gone are fetched again.
    package var retryGone = false

    package init(directory: String) {
        self.directory = directory
        path = (directory as NSString).appendingPathComponent("http.tsv")
        var loaded: [String: Validators] = [:]
        var gone: [String: Int] = [:]
        var reads: [String: Double] = [:]
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard (3...5).contains(fields.count) else { continue }
                if fields.count >= 4, let status = Int(fields[3]) { gone[fields[0]] = status }
                if fields.count == 5, let read = Double(fields[4]) { reads[fields[0]] = read }
                guard !fields[1].isEmpty || !fields[2].isEmpty else { continue }
                loaded[fields[0]] = Validators(
                    etag: fields[1].isEmpty ? nil : fields[1], lastModified: fields[2].isEmpty ? nil : fields[2])
            }
        }
        validators = loaded
        self.gone = gone
        self.reads = reads
    }

    /// When the sitemap at `url` was last read whole (Unix seconds), if ever.
    package func sitemapRead(_ url: String) -> Double? {
        lock.withLock { reads[url] }
    }

    /// Remembers that the sitemap at `url` was read whole, at `time` (when its fetch started).
    package func recordSitemapRead(_ url: String, at time: Double) {
        lock.withLock { reads[url] = time }
    }

    package func validators(for url: String) -> Validators? { lock.withLock { validators[url] } }

    package func record(_ url: String, etag: String?, lastModified: String?) {
        lock.withLock {
            gone[url] = nil
            if etag != nil || lastModified != nil {
                validators[url] = Validators(etag: etag, lastModified: lastModified)
            }
        }
    }

    /// The status (404, 410) an address answered when it was last fetched, unless retrying; nil otherwise.
    package func goneStatus(_ url: String) -> Int? {
        lock.withLock { retryGone ? nil : gone[url] }
    }

    /// Remembers that an address answered 404 or 410.
    package func recordGone(_ url: String, status: Int) {
        lock.withLock { gone[url] = status }
    }

    /// Addresses that answered 404 or 410, with the status.
    package var goneList: [(url: String, status: Int)] {
        lock.withLock { gone.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
    }

    package func save() throws(StateError) {
        let clean = { (text: String?) in String((text ?? "").map { $0 == "\t" || $0 == "\n" ? " " : $0 }) }
        let lines = lock.withLock {
            Set(validators.keys).union(gone.keys).union(reads.keys).sorted().map { url in
                [
                    clean(url), clean(validators[url]?.etag), clean(validators[url]?.lastModified),
                    gone[url].map(String.init) ?? "", reads[url].map { String(Int($0)) } ?? "",
                ].joined(separator: "\t")
            }
        }
        try RunState.replace(
            path, with: (["# url\tetag\tlast-modified\tgone\tread"] + lines).joined(separator: "\n") + "\n",
            directory: directory)
    }
}

/// The HTTP sources of a run as jobs: feeds are fetched and their item links join the configured URLs and
/// URL files (canonical, duplicates collapsed); each article URL is then fetched, up to `concurrency` at a
/// time, with the fetcher's per-host limits, robots.txt and conditional GET. At most `capacity` fetched pages
/// wait for the scheduler, so a fast network never fills memory.
package final class HTTPSource: @unchecked Sendable {
    private let lock = NSLock()
    private let available = DispatchSemaphore(value: 0)
    private let credits: DispatchSemaphore
    // Guarded by `lock`.
    private var queue: [ArticleJob] = []
    private var finished = false
    private var producer: Task<Void, Never>?
    private let start: @Sendable (HTTPSource) -> Task<Void, Never>

    /// Prepares the sources; nothing is fetched before the first ``next()`` (after the run took its lock).
    package init(
        urls: [String], urlFiles: [String], feeds: [String], sitemaps: [String] = [], fetcher: HTTPFetcher,
        state: FetchState?, concurrency: Int, capacity: Int
    ) {
        credits = DispatchSemaphore(value: max(1, capacity))
        start = { source in
            Task.detached {
                await Self.produce(
                    urls: urls, urlFiles: urlFiles, feeds: feeds, sitemaps: sitemaps, fetcher: fetcher, state: state,
                    concurrency: max(1, concurrency), emit: { source.push($0) }, credit: { source.credit() })
                source.finish()
            }
        }
    }

    /// The next job, waiting for a fetch to finish; nil when every source is done.
    package func next() -> ArticleJob? {
        lock.withLock {
            if producer == nil { producer = start(self) }
        }
        available.wait()
        return lock.withLock {
            if queue.isEmpty {
                available.signal()  // finished: every later call returns nil at once too
                return nil
            }
            credits.signal()
            return queue.removeFirst()
        }
    }

    /// Waits until every fetch is done (the run is over or cancelled).
    package func wait() async {
        await producer?.value
    }

    private func push(_ job: ArticleJob) {
        lock.withLock { queue.append(job) }
        available.signal()
    }

    /// Waits for room in the queue (called off the cooperative pool through a continuation).
    private func credit() {
        credits.wait()
    }

    private func finish() {
        lock.withLock { finished = true }
        available.signal()
    }

    static func produce(
        urls: [String], urlFiles: [String], feeds: [String], sitemaps: [String] = [], fetcher: HTTPFetcher,
        state: FetchState?, concurrency: Int, emit: @escaping @Sendable (ArticleJob) -> Void,
        credit: @escaping @Sendable () -> Void
    ) async {
        var seen = Set<String>()
        var targets: [String] = []
        func add(_ url: String, origin: String) {
            guard let canonical = URLCanonicalizer.canonical(url) else {
                emit(
                    .failed(
                        ArticleFailure(
                            origin: origin, url: url, stage: "input", reason: "bad-url",
                            message: "'\(url)' is not an http(s) address")))
                return
            }
            if seen.insert(canonical).inserted { targets.append(canonical) }
        }
        for url in urls { add(url, origin: url) }
        for file in urlFiles {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                emit(
                    .failed(
                        ArticleFailure(
                            origin: file, stage: "read", reason: "unreadable", message: "cannot read '\(file)'")))
                continue
            }
            for line in text.split(whereSeparator: \.isNewline) {
                let entry = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
                    .trimmingCharacters(in: .whitespaces)
                if !entry.isEmpty { add(entry, origin: file) }
            }
        }
        for feed in feeds {
            switch await fetcher.fetch(feed, accept: .feed) {
            case .page(let finalURL, let bytes, _, _, _):
                do {
                    for item in try FeedParser.parse(bytes, feedURL: finalURL) { add(item.url, origin: feed) }
                } catch {
                    emit(
                        .failed(
                            ArticleFailure(
                                origin: feed, url: feed, stage: "fetch", reason: "bad-feed",
                                message: "\(feed): \(error)")))
                }
            case .notModified:
                break
            case .refused(let reason, let message):
                emit(.failed(ArticleFailure(origin: feed, url: feed, stage: "fetch", reason: reason, message: message)))
            case .failed(let reason, let status, let message):
                emit(
                    .failed(
                        ArticleFailure(
                            origin: feed, url: feed, stage: "fetch", reason: reason, message: message,
                            httpStatus: status)))
            }
        }
        await readSitemaps(sitemaps, fetcher: fetcher, state: state, emit: emit, add: add)
        await withTaskGroup(of: Void.self) { group in
            var running = 0
            for url in interleavedByHost(targets) {
                if running >= concurrency {
                    await group.next()
                    running -= 1
                }
                await waitForCredit(credit)
                running += 1
                group.addTask {
                    emit(await job(for: url, fetcher: fetcher, state: state))
                }
            }
        }
    }

    /// The largest sitemap read, uncompressed (the sitemaps.org limit), and how many sitemaps one run reads.
    static let sitemapBytes = 50 << 20
    static let sitemapLimit = 1000

    /// Reads the configured sitemaps and the sitemaps their indexes name (each once, at most ``sitemapLimit``),
    /// gzip-compressed or not, and hands each page to `add`; a page whose `lastmod` is older than the last time
    /// its sitemap was read is skipped unrequested (`sitemap-unchanged`). A sitemap that cannot be fetched or
    /// read is a failed job (`bad-sitemap`, or the fetch's reason).
    static func readSitemaps(
        _ sitemaps: [String], fetcher: HTTPFetcher, state: FetchState?, emit: @Sendable (ArticleJob) -> Void,
        add: (String, String) -> Void
    ) async {
        let formats = lastmodFormats()
        var queue = sitemaps.map { URLCanonicalizer.canonical($0) ?? $0 }
        var visited = Set(queue)
        while !queue.isEmpty {
            let sitemap = queue.removeFirst()
            let readAt = Date().timeIntervalSince1970
            func fail(_ reason: String, _ message: String, status: Int? = nil) {
                emit(
                    .failed(
                        ArticleFailure(
                            origin: sitemap, url: sitemap, stage: "fetch", reason: reason, message: message,
                            httpStatus: status)))
            }
            switch await fetcher.fetch(sitemap, accept: .feed) {
            case .page(let finalURL, let bytes, _, _, _):
                let body: [UInt8]
                do {
                    body = GzipDecoder.isGzip(bytes) ? try GzipDecoder.inflate(bytes, limit: sitemapBytes) : bytes
                } catch {
                    fail("bad-sitemap", "\(sitemap): \(error)")
                    continue
                }
                let entries: [FeedItem]
                do {
                    entries = try FeedParser.parse(body, feedURL: finalURL)
                } catch {
                    fail("bad-sitemap", "\(sitemap): \(error)")
                    continue
                }
                let since = state?.sitemapRead(sitemap)
                for entry in entries {
                    if entry.isSitemap {
                        let next = URLCanonicalizer.canonical(entry.url) ?? entry.url
                        if visited.count < sitemapLimit, visited.insert(next).inserted { queue.append(next) }
                    } else if let since, let modified = entry.published.flatMap({ Self.lastmod($0, formats: formats) }),
                        modified < since
                    {
                        emit(.skipped(origin: entry.url, reason: "sitemap-unchanged"))
                    } else {
                        add(entry.url, sitemap)
                    }
                }
                state?.recordSitemapRead(sitemap, at: readAt)
            case .notModified:
                break
            case .refused(let reason, let message):
                fail(reason, message)
            case .failed(let reason, let status, let message):
                fail(reason, message, status: status)
            }
        }
    }

    /// Parsers of the three forms a sitemap `lastmod` takes (W3C datetime: `2024-05-01T10:00:00+02:00`, with
    /// fractional seconds, `2024-05-01`); made once per run, as a sitemap may list 50,000 pages.
    static func lastmodFormats() -> [ISO8601DateFormatter] {
        let options: [ISO8601DateFormatter.Options] = [
            [.withInternetDateTime], [.withInternetDateTime, .withFractionalSeconds], [.withFullDate],
        ]
        return options.map { option in
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = option
            return formatter
        }
    }

    /// A sitemap `lastmod` as Unix seconds, read with ``lastmodFormats()``.
    static func lastmod(_ text: String, formats: [ISO8601DateFormatter]) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        for (formatter, form) in zip(formats, [trimmed, trimmed, String(trimmed.prefix(10))]) {
            if let date = formatter.date(from: form) { return date.timeIntervalSince1970 }
        }
        return nil
    }

    /// The URLs reordered round-robin over their hosts, each host's own order kept: with per-host limits,
    /// a run of one host's URLs would otherwise hold every slot while the other hosts wait.
    static func interleavedByHost(_ urls: [String]) -> [String] {
        var order: [String] = []
        var byHost: [String: [String]] = [:]
        for url in urls {
            let host = URLComponents(string: url).map { "\($0.host ?? ""):\($0.port ?? 0)" } ?? ""
            if byHost[host] == nil { order.append(host) }
            byHost[host, default: []].append(url)
        }
        var result: [String] = []
        result.reserveCapacity(urls.count)
        var round = 0
        while result.count < urls.count {
            for host in order where round < byHost[host]!.count { result.append(byHost[host]![round]) }
            round += 1
        }
        return result
    }

    /// Waits for queue room without blocking a thread of the cooperative pool.
    private static func waitForCredit(_ credit: @escaping @Sendable () -> Void) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                credit()
                continuation.resume()
            }
        }
    }

    /// A fetcher message without the address it starts with (the error record names the URL already).
    static func detail(_ message: String, _ url: String) -> String {
        message.hasPrefix(url + ": ") ? String(message.dropFirst(url.count + 2)) : message
    }

    /// The job for one article URL: its page, a 304 skip, or a failure with its reason.
    package static func job(for url: String, fetcher: HTTPFetcher, state: FetchState?) async -> ArticleJob {
        if state?.goneStatus(url) != nil { return .skipped(origin: url, reason: "failed-before") }
        switch await fetcher.fetch(url, validators: state?.validators(for: url)) {
        case .page(let finalURL, let bytes, let charset, let etag, let lastModified):
            state?.record(url, etag: etag, lastModified: lastModified)
            return .input(
                ArticleInput(url: finalURL, origin: url, content: .html(bytes: bytes, transportCharset: charset)))
        case .notModified:
            return .skipped(origin: url, reason: "not-modified")
        case .refused(let reason, let message):
            return .failed(
                ArticleFailure(origin: url, url: url, stage: "fetch", reason: reason, message: detail(message, url)))
        case .failed(let reason, let status, let message):
            if let status, status == 404 || status == 410 { state?.recordGone(url, status: status) }
            return .failed(
                ArticleFailure(
                    origin: url, url: url, stage: "fetch", reason: reason, message: detail(message, url),
                    httpStatus: status))
        }
    }
}
