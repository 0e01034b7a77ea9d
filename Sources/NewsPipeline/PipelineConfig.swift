import Foundation
import NewsFetch
import NewsModel

/// The effective configuration of a batch run: pipeline.conf with defaults applied and relative paths
/// resolved against the config file's folder.
package struct PipelineConfig: Sendable, Equatable {
    package struct Sources: Sendable, Equatable {
        /// Article files (HTML, optionally gzip-compressed).
        package var files: [String] = []
        /// Folders searched recursively for `*.html`, `*.htm` and their `.gz` forms.
        package var directories: [String] = []
        /// Files that list one input path per line (`#` starts a comment; relative paths resolve against
        /// the list file's folder).
        package var listFiles: [String] = []
        /// Article addresses (http, https).
        package var urls: [String] = []
        /// Files with one address per line (`#` starts a comment).
        package var urlFiles: [String] = []
        /// RSS 2.0 and Atom feeds whose item links are articles.
        package var feeds: [String] = []
        /// Sitemaps and sitemap indexes (plain or gzip) whose page addresses are articles.
        package var sitemaps: [String] = []
        /// WARC files (plain or gzip), and folders standing for their `*.warc` and `*.warc.gz` files: their
        /// HTML responses are read after the local files.
        package var warcFiles: [String] = []
    }

    package struct Fetch: Sendable, Equatable {
        /// The largest input accepted, in bytes, before and after gzip decompression.
        package var maxBytes: Int = 10 * 1024 * 1024
        /// Sent with every request; name the operator and a contact URL.
        package var userAgent = "newsevents/\(NewsEventsVersion.string) (+https://example.org/newsevents-bot)"
        /// Seconds to connect, between bytes, and for a whole request (redirects and body included).
        package var connectTimeout: Double = 10
        package var readTimeout: Double = 20
        package var totalTimeout: Double = 60
        package var maxRedirects = 5
        /// Retries of a timeout, a reset connection, a 5xx, 408 or 429, with exponential backoff and jitter.
        package var retries = 2
        /// The longest Retry-After honoured, in seconds.
        package var maxRetryAfter: Double = 60
        /// Requests in flight over all hosts, and to one host.
        package var concurrency = 8
        package var perHostConcurrency = 2
        /// Seconds between the starts of two requests to one host (a robots.txt Crawl-delay can raise it).
        package var minDelay: Double = 1
        package var respectRobots = true
        /// Whether hosts that resolve to loopback, private or link-local addresses may be fetched (tests).
        package var allowPrivateAddresses = false
        /// `allow_private_addresses` given as a list: the private hosts, addresses and networks let through.
        package var allowedPrivateNetworks: [String] = []
    }

    package struct Clean: Sendable, Equatable {
        /// The most DOM nodes a page may have.
        package var maxNodes: Int = 1_000_000
        /// The deepest nesting copied out of libxml2.
        package var maxDepth: Int = 512
        /// Seconds of wall time one article's cleaning may take.
        package var maxSeconds: Int = 10
        /// The longest main text accepted, in characters (Unicode scalars).
        package var maxTextChars: Int = 2_000_000
    }

    package struct Extract: Sendable, Equatable {
        /// What the sink writes: "events" (one record per event) or "articles" (one record per article).
        package var emit: String = "events"
    }

    package struct Sink: Sendable, Equatable {
        /// Output JSON Lines file; `-` is standard output.
        package var path: String = "out/events.jsonl"
        /// Whether each article's lines are fsync'ed before the article is marked done.
        package var fsync: Bool = true
        /// A PostgreSQL URL (`postgresql://user@host:port/database?sslmode=...`): each article's records also go
        /// to the database, in one transaction, before the article is marked done. Empty for none.
        package var postgres: String = ""
        /// The file whose first line is the database password (when `PGPASSWORD` is not set).
        package var passwordFile: String = ""
        /// Seconds a lost database connection is retried before the run stops.
        package var postgresRetrySeconds: Double = 60
    }

    package struct Report: Sendable, Equatable {
        /// An HTML report of the whole output, rewritten after each run; empty for none.
        package var path: String = ""
    }

    package struct Scheduler: Sendable, Equatable {
        /// Worker threads for the fetch, clean and extract stages.
        package var workers: Int = ProcessInfo.processInfo.activeProcessorCount
        /// Articles read but not yet written; bounds memory whatever the number of inputs.
        package var maxInFlight: Int = 64
    }

    package struct State: Sendable, Equatable {
        /// Folder for the run state (what was already processed).
        package var dir: String = "state"
    }

    package var sources = Sources()
    package var fetch = Fetch()
    package var clean = Clean()
    package var extract = Extract()
    package var sink = Sink()
    package var report = Report()
    package var scheduler = Scheduler()
    package var state = State()
    /// The config file this came from, if any.
    package var file: String?

    package init() {}
}

extension PipelineConfig.Fetch {
    /// The fetcher's settings.
    package var settings: FetchSettings {
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
        settings.allowedPrivateNetworks = allowedPrivateNetworks
        return settings
    }
}
