import Foundation
import NewsFetch
import NewsModel

/// The effective configuration of a batch run: pipeline.conf with defaults applied and relative paths
/// resolved against the config file's folder.
public struct PipelineConfig: Sendable, Equatable {
    public struct Sources: Sendable, Equatable {
        /// Article files (HTML, optionally gzip-compressed).
        public var files: [String] = []
        /// Folders searched recursively for `*.html`, `*.htm` and their `.gz` forms.
        public var directories: [String] = []
        /// Files that list one input path per line (`#` starts a comment; relative paths resolve against
        /// the list file's folder).
        public var listFiles: [String] = []
        /// Article addresses (http, https).
        public var urls: [String] = []
        /// Files with one address per line (`#` starts a comment).
        public var urlFiles: [String] = []
        /// RSS 2.0 and Atom feeds whose item links are articles.
        public var feeds: [String] = []
        /// Not supported yet (an error names it).
        public var sitemaps: [String] = []
        public var warcFiles: [String] = []
    }

    public struct Fetch: Sendable, Equatable {
        /// The largest input accepted, in bytes, before and after gzip decompression.
        public var maxBytes: Int = 10 * 1024 * 1024
        /// Sent with every request; name the operator and a contact URL.
        public var userAgent = "newsevents/\(NewsEventsVersion.string) (+https://example.org/newsevents-bot)"
        /// Seconds to connect, between bytes, and for a whole request (redirects and body included).
        public var connectTimeout: Double = 10
        public var readTimeout: Double = 20
        public var totalTimeout: Double = 60
        public var maxRedirects = 5
        /// Retries of a timeout, a reset connection, a 5xx, 408 or 429, with exponential backoff and jitter.
        public var retries = 2
        /// The longest Retry-After honoured, in seconds.
        public var maxRetryAfter: Double = 60
        /// Requests in flight over all hosts, and to one host.
        public var concurrency = 8
        public var perHostConcurrency = 2
        /// Seconds between the starts of two requests to one host (a robots.txt Crawl-delay can raise it).
        public var minDelay: Double = 1
        public var respectRobots = true
        /// Whether hosts that resolve to loopback, private or link-local addresses may be fetched (tests).
        public var allowPrivateAddresses = false
    }

    public struct Clean: Sendable, Equatable {
        /// The most DOM nodes a page may have.
        public var maxNodes: Int = 1_000_000
        /// The deepest nesting copied out of libxml2.
        public var maxDepth: Int = 512
        /// Seconds of wall time one article's cleaning may take.
        public var maxSeconds: Int = 10
        /// The longest main text accepted, in characters (Unicode scalars).
        public var maxTextChars: Int = 2_000_000
    }

    public struct Extract: Sendable, Equatable {
        /// What the sink writes: "events" (one record per event) or "articles" (one record per article).
        public var emit: String = "events"
    }

    public struct Sink: Sendable, Equatable {
        /// Output JSON Lines file; `-` is standard output.
        public var path: String = "out/events.jsonl"
        /// Whether each article's lines are fsync'ed before the article is marked done.
        public var fsync: Bool = true
    }

    public struct Scheduler: Sendable, Equatable {
        /// Worker threads for the fetch, clean and extract stages.
        public var workers: Int = ProcessInfo.processInfo.activeProcessorCount
        /// Articles read but not yet written; bounds memory whatever the number of inputs.
        public var maxInFlight: Int = 64
    }

    public struct State: Sendable, Equatable {
        /// Folder for the run state (what was already processed).
        public var dir: String = "state"
    }

    public var sources = Sources()
    public var fetch = Fetch()
    public var clean = Clean()
    public var extract = Extract()
    public var sink = Sink()
    public var scheduler = Scheduler()
    public var state = State()
    /// The config file this came from, if any.
    public var file: String?

    public init() {}
}

extension PipelineConfig.Fetch {
    /// The fetcher's settings.
    public var settings: FetchSettings {
        var settings = FetchSettings(userAgent: userAgent)
        settings.connectTimeout = connectTimeout
        settings.readTimeout = readTimeout
        settings.totalTimeout = totalTimeout
        settings.maxBytes = maxBytes
        settings.maxRedirects = maxRedirects
        settings.retries = retries
        settings.maxRetryAfter = maxRetryAfter
        settings.perHostConcurrency = perHostConcurrency
        settings.minDelay = minDelay
        settings.respectRobots = respectRobots
        settings.allowPrivateAddresses = allowPrivateAddresses
        return settings
    }
}
