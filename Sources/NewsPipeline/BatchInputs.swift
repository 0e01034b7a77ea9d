import Dispatch
import NewsClean
import NewsFetch

/// The inputs of a batch run as the configuration names them: local sources first, then the HTTP ones (URLs,
/// URL files, feeds) through one fetcher whose validators persist in the state folder. ``close()`` ends the
/// fetcher's connections; call it once the session is over.
package final class BatchInputs {
    package let jobs: JobSource
    /// Saves the conditional-GET validators and the WARC files read whole (run it while the run's lock is
    /// held).
    package let saveFetchState: @Sendable () throws(StateError) -> Void
    /// Remembers a WARC file read whole (the sink calls it once the file's records are written).
    package let warcFileRead: @Sendable (_ path: String, _ stamp: String) -> Void
    private let fetcher: HTTPFetcher?

    /// - Parameter retryFailed: fetch again the addresses that answered 404 or 410 in earlier runs.
    package init(config: PipelineConfig, retryFailed: Bool = false) {
        let sources = config.sources
        let hasHTTP =
            !(sources.urls.isEmpty && sources.urlFiles.isEmpty && sources.feeds.isEmpty
            && sources.sitemaps.isEmpty)
        let fetcher = hasHTTP ? HTTPFetcher(settings: config.fetch.settings) : nil
        let fetchState = hasHTTP ? FetchState(directory: config.state.dir) : nil
        fetchState?.retryGone = retryFailed
        let http = fetcher.map { fetcher in
            HTTPSource(
                urls: sources.urls, urlFiles: sources.urlFiles, feeds: sources.feeds, sitemaps: sources.sitemaps,
                fetcher: fetcher,
                state: fetchState, concurrency: config.fetch.concurrency, capacity: config.scheduler.maxInFlight)
        }
        self.fetcher = fetcher
        let warcState = sources.warcFiles.isEmpty ? nil : WARCSourceState(directory: config.state.dir)
        warcState?.rereadAll = retryFailed
        jobs = JobSources.configured(sources, http: http, maxBytes: config.fetch.maxBytes, warcState: warcState)
        saveFetchState = { () throws(StateError) in
            try fetchState?.save()
            try warcState?.save()
        }
        warcFileRead = { path, stamp in warcState?.markRead(path, stamp: stamp) }
    }

    /// Closes the fetcher's connections, waiting for them (the commands are synchronous).
    package func close() {
        fetcher.map(Self.shutdown)
    }

    static func shutdown(_ fetcher: HTTPFetcher) {
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            await fetcher.shutdown()
            done.signal()
        }
        done.wait()
    }

    /// One job: the page at `url`, fetched with a run's default fetch settings but no delay (one request), and
    /// `published` as its date.
    package static func fetchedPage(url: String, published: String?, allowPrivateAddresses: Bool) -> JobSource {
        var done = false
        return JobSource {
            guard !done else { return nil }
            done = true
            var settings = PipelineConfig().fetch.settings
            settings.allowPrivateAddresses = allowPrivateAddresses
            settings.minDelay = 0
            let fetcher = HTTPFetcher(settings: settings)
            let finished = DispatchSemaphore(value: 0)
            let result = JobBox()
            Task.detached {
                result.job = await HTTPSource.job(
                    for: URLCanonicalizer.canonical(url) ?? url, fetcher: fetcher, state: nil)
                await fetcher.shutdown()
                finished.signal()
            }
            finished.wait()
            guard case .input(var input) = result.job else { return result.job }
            input.published = published
            return .input(input)
        }
    }

    private final class JobBox: @unchecked Sendable {
        var job: ArticleJob?
    }
}

extension PipelineConfig {
    /// The clean stage's bounds from `[fetch] max_bytes` and `[clean]`.
    package var cleanLimits: CleanLimits {
        CleanLimits(
            maxInputBytes: fetch.maxBytes, maxNodes: clean.maxNodes, maxDepth: clean.maxDepth,
            seconds: Double(clean.maxSeconds), maxTextLength: clean.maxTextChars)
    }
}
