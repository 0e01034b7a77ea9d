import Foundation
import NewsClean
import NewsExtract
import NewsFetch
import NewsModel
import NewsSink

/// One unit of work for the scheduler.
package enum ArticleJob: Sendable {
    /// A local file to read, with the address and publication date the caller gave for it.
    case file(String, url: String? = nil, published: String? = nil)
    /// An input already in memory (standard input, a `--input jsonl` line).
    case input(ArticleInput)
    /// Something that failed before it could become an input (a bad JSON line, an unlistable folder, a
    /// fetch that failed or was refused).
    case failed(ArticleFailure)
    /// Nothing to do, with the reason ("not-modified": a 304 to a conditional GET).
    case skipped(origin: String, reason: String)
    /// The end of a source file read whole (a WARC file, `stamp` its size and modification time): once the sink
    /// has consumed every job before it, the file can be remembered and skipped unread while it is unchanged.
    case sourceRead(path: String, stamp: String)
}

/// A per-input failure: it becomes an error record and a counter; the batch goes on.
package struct ArticleFailure: Sendable, Equatable, Error {
    package var inputID: String?
    package var origin: String
    package var url: String?
    /// "read", "fetch", "clean", "extract" or "input".
    package var stage: String
    /// Short machine-readable reason, e.g. "not-text", "too-large", "bad-json", "robots".
    package var reason: String
    package var message: String
    /// The HTTP status of a fetch that failed by status.
    package var httpStatus: Int?
    /// Set when the failure is permanent for this very input: the SHA-256 of the bytes that failed to clean,
    /// or the size and modification time of a file that could not be read (too large, corrupt gzip). A batch
    /// run remembers it and skips the same input quietly until it changes.
    package var fingerprint: String?

    package init(
        inputID: String? = nil, origin: String, url: String? = nil, stage: String, reason: String, message: String,
        httpStatus: Int? = nil
    ) {
        self.httpStatus = httpStatus
        self.inputID = inputID
        self.origin = origin
        self.url = url
        self.stage = stage
        self.reason = reason
        self.message = message
    }

    /// The `newsevents.error/1` record.
    package var record: JSONValue {
        RecordEncoder.errorRecord(
            inputID: inputID, origin: origin, url: url, stage: stage, reason: reason, message: message,
            httpStatus: httpStatus)
    }
}

/// What processing one job gave.
package enum ArticleOutcome: Sendable {
    case article(ProcessedArticle)
    case failure(ArticleFailure)
    /// Skipped without work, with the reason ("seen": the same bytes were processed in an earlier run).
    case skipped(origin: String, reason: String)
    /// Read and cleaned, but the run state already holds this version of the article (new bytes, same text):
    /// nothing is extracted or written; the state learns the new bytes.
    case unchanged(ArticleInputSummary, articleID: String)
    /// A source file read whole (``ArticleJob/sourceRead(path:stamp:)``), passed on to the sink in order.
    case sourceRead(path: String, stamp: String)
}

/// The fetch → clean → extract stages for one job. Immutable and `Sendable`: one instance serves every
/// worker.
package struct ArticleProcessor: Sendable {
    package let reader: LocalInputReader
    package let cleaner: ArticleCleaner
    package let extractor: Extractor
    /// Content hashes to skip (already processed in an earlier run).
    package let alreadySeen: @Sendable (String) -> Bool
    /// Whether an earlier run recorded this input (origin, fingerprint) as failed for good.
    package let failedBefore: @Sendable (_ origin: String, _ fingerprint: String) -> Bool
    /// The version (``RecordEncoder/articleVersion(text:anchor:)``) the run state holds for an article id; nil
    /// without a run state (then no article id or version is computed here).
    package let knownVersion: (@Sendable (String) -> String?)?
    /// Whether the extract stage runs (the `clean` command skips it).
    package let runsExtraction: Bool
    /// The clock that dates the fetch, the anchor of last resort for relative dates (tests fix it).
    package let now: @Sendable () -> Date

    package init(
        limits: CleanLimits, runsExtraction: Bool = true,
        extractor: Extractor = Extractor(),
        now: @escaping @Sendable () -> Date = { Date() },
        alreadySeen: @escaping @Sendable (String) -> Bool = { _ in false },
        knownVersion: (@Sendable (String) -> String?)? = nil,
        failedBefore: @escaping @Sendable (String, String) -> Bool = { _, _ in false }
    ) {
        self.failedBefore = failedBefore
        self.knownVersion = knownVersion
        self.now = now
        self.reader = LocalInputReader(maxBytes: limits.maxInputBytes)
        self.cleaner = ArticleCleaner(limits: limits)
        self.extractor = extractor
        self.alreadySeen = alreadySeen
        self.runsExtraction = runsExtraction
    }

    package func process(_ job: ArticleJob) -> ArticleOutcome {
        let input: ArticleInput
        switch job {
        case .failed(let failure):
            if let fingerprint = failure.fingerprint, failedBefore(failure.origin, fingerprint) {
                return .skipped(origin: failure.origin, reason: "failed-before")
            }
            return .failure(failure)
        case .skipped(let origin, let reason):
            return .skipped(origin: origin, reason: reason)
        case .sourceRead(let path, let stamp):
            return .sourceRead(path: path, stamp: stamp)
        case .input(let given):
            input = given
        case .file(let path, let url, let published):
            let stamp = Self.fileStamp(path)
            if let stamp, failedBefore(path, stamp) { return .skipped(origin: path, reason: "failed-before") }
            do {
                let read = try reader.readPrefix(path: path)
                var given = ArticleInput(
                    url: url, published: published, origin: path,
                    content: .html(bytes: read.bytes, transportCharset: nil))
                if let cut = read.cut { given.warnings.append(ArticleWarning(.inputCut, cut)) }
                input = given
            } catch {
                var failure = ArticleFailure(
                    origin: path, url: url, stage: "read", reason: error.reason, message: error.description)
                if ["too-large", "corrupt-gzip"].contains(error.reason) { failure.fingerprint = stamp }
                return .failure(failure)
            }
        }
        return process(input)
    }

    /// Cleans and extracts one input in memory.
    package func process(_ input: ArticleInput) -> ArticleOutcome {
        // The day the input was read: its capture date when it has one, else today.
        let readDay = input.captured.flatMap(PublicationDate.day(of:)) ?? Self.utcDay(now())
        let hash: String
        var cleaned: CleanedArticle
        switch input.content {
        case .html(let bytes, let charset):
            hash = ContentHash.sha256Hex(of: bytes)
            if alreadySeen(hash) { return .skipped(origin: input.origin, reason: "seen") }
            if failedBefore(input.origin, hash) { return .skipped(origin: input.origin, reason: "failed-before") }
            do {
                cleaned = try cleaner.clean(
                    bytes: bytes, transportCharset: charset, pageURL: input.url, fetchedDay: readDay)
            } catch {
                var failure = ArticleFailure(
                    inputID: input.inputID, origin: input.origin, url: input.url, stage: "clean", reason: error.reason,
                    message: error.description)
                // The same bytes fail the same way again; only a time budget depends on the machine's load.
                if error.reason != "time-budget" { failure.fingerprint = hash }
                return .failure(failure)
            }
        case .text(let text):
            hash = ContentHash.sha256Hex(of: text)
            if alreadySeen(hash) { return .skipped(origin: input.origin, reason: "seen") }
            cleaned = cleaner.clean(text: text)
        }
        cleaned.warnings = input.warnings + cleaned.warnings
        var published: String?
        var publishedSource: String?
        if let given = input.published {
            guard let day = PublicationDate.day(of: given) else {
                return .failure(
                    ArticleFailure(
                        inputID: input.inputID, origin: input.origin, url: input.url, stage: "input",
                        reason: "bad-published",
                        message: "the publication date '\(given)' is not an ISO 8601 date (YYYY-MM-DD)"))
            }
            published = day
            publishedSource = "given"
        } else if let found = cleaned.published, let day = PublicationDate.day(of: found) {
            published = day
            publishedSource = cleaned.publishedSource
        }
        // Without a publication date, relative dates resolve against the day the input was read, and the
        // record says so.
        let anchor = published ?? readDay
        let anchorSource = published == nil ? "fetch-time" : publishedSource
        let summary = ArticleInputSummary(
            inputID: input.inputID, url: input.url, origin: input.origin, contentHash: hash)
        if let knownVersion {
            let articleID = StableID.article(canonicalURL: cleaned.canonicalURL, url: input.url, text: cleaned.text)
            if let known = knownVersion(articleID),
                known == RecordEncoder.articleVersion(text: cleaned.text, anchor: anchor)
            {
                return .unchanged(summary, articleID: articleID)
            }
        }
        let extraction =
            runsExtraction
            ? extractor.extract(text: cleaned.text, anchor: anchor, language: cleaned.language)
            : Extraction(entities: [], dates: [], events: [])
        return .article(
            ProcessedArticle(
                input: summary, cleaned: cleaned, publishedDate: published, publishedSource: publishedSource,
                anchorDate: anchor, anchorSource: anchorSource, extraction: extraction))
    }

    /// A file's size and modification time ("size:seconds.nanoseconds"), which change when it is rewritten;
    /// nil when it cannot be read.
    static func fileStamp(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        #else
        let modified = info.st_mtim
        #endif
        return "\(info.st_size):\(modified.tv_sec).\(modified.tv_nsec)"
    }

    /// The UTC calendar day of `date`, `YYYY-MM-DD`, by arithmetic: Foundation's calendar loaded ICU's time-zone
    /// data at every start of `newsevents extract`.
    static func utcDay(_ date: Date) -> String {
        CalendarDay(utcSecondsSince1970: date.timeIntervalSince1970).isoString
    }
}
