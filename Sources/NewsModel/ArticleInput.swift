/// One article as it enters the pipeline: raw HTML bytes or plain text, with what is known about it.
public struct ArticleInput: Sendable, Equatable {
    /// The article body before cleaning.
    public enum Content: Sendable, Equatable {
        /// HTML bytes, with the charset named by the transport (HTTP header) when there was one.
        case html(bytes: [UInt8], transportCharset: String?)
        /// Plain text that skips the clean stage.
        case text(String)
    }

    /// An identifier the caller supplied (the `id` of a `--input jsonl` line); carried into every record.
    public var inputID: String?
    /// The article's address, used for ids and provenance.
    public var url: String?
    /// A publication date that overrides the one found in the page (ISO 8601 date or date-time).
    public var published: String?
    /// Where the input came from, for error messages: a path, `stdin`, or `stdin:LINE`.
    public var origin: String
    public var content: Content
    /// What reading the input already cut (an input over the size limit), carried into the cleaned article.
    public var warnings: [ArticleWarning] = []
    /// When the input was captured, ISO 8601 (a WARC record's `WARC-Date`); nil for an input read now. An
    /// undated page's relative dates resolve against this day rather than the day of the run.
    public var captured: String?

    public init(inputID: String? = nil, url: String? = nil, published: String? = nil, origin: String, content: Content)
    {
        self.inputID = inputID
        self.url = url
        self.published = published
        self.origin = origin
        self.content = content
    }
}
