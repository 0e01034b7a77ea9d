/// The extract stage's result for one article.
public struct Extraction: Sendable, Equatable {
    public var entities: [Entity]
    public var dates: [TimeExpression]
    public var events: [Event]

    public init(entities: [Entity], dates: [TimeExpression], events: [Event]) {
        self.entities = entities
        self.dates = dates
        self.events = events
    }
}

/// Everything the pipeline learned about one article, ready for the sink.
public struct ProcessedArticle: Sendable, Equatable {
    public var input: ArticleInputSummary
    public var cleaned: CleanedArticle
    /// The publication day (YYYY-MM-DD) and where it came from: "given" (`--published`, a JSON line) or the
    /// page metadata that gave it. Nil when neither had one.
    public var publishedDate: String?
    public var publishedSource: String?
    /// The day relative dates were resolved against: the publication day, else the day the input was read
    /// (`anchorSource` "fetch-time").
    public var anchorDate: String?
    public var anchorSource: String?
    public var extraction: Extraction

    public init(
        input: ArticleInputSummary, cleaned: CleanedArticle, publishedDate: String?, publishedSource: String?,
        anchorDate: String?, anchorSource: String?, extraction: Extraction
    ) {
        self.input = input
        self.cleaned = cleaned
        self.publishedDate = publishedDate
        self.publishedSource = publishedSource
        self.anchorDate = anchorDate
        self.anchorSource = anchorSource
        self.extraction = extraction
    }
}

/// What the sink needs to know of an input once its bytes are gone.
public struct ArticleInputSummary: Sendable, Equatable {
    public var inputID: String?
    public var url: String?
    public var origin: String
    /// SHA-256 of the input bytes (or text), hex.
    public var contentHash: String

    public init(inputID: String?, url: String?, origin: String, contentHash: String) {
        self.inputID = inputID
        self.url = url
        self.origin = origin
        self.contentHash = contentHash
    }
}
