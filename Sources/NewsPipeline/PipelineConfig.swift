import Foundation

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
        /// HTTP sources; read by the fetch stage, which is not part of this version.
        public var urls: [String] = []
        public var urlFiles: [String] = []
        public var feeds: [String] = []
        public var sitemaps: [String] = []
        public var warcFiles: [String] = []
    }

    public struct Fetch: Sendable, Equatable {
        /// The largest input accepted, in bytes, before and after gzip decompression.
        public var maxBytes: Int = 10 * 1024 * 1024
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
