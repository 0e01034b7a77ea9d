/// The clean stage's result: the main text and the page's metadata.
public struct CleanedArticle: Sendable, Equatable {
    /// Main text, paragraphs separated by one blank line, NFC-normalised. Empty when no article was found.
    public var text: String
    /// Why `text` is empty, when it is (e.g. "no block of article text found").
    public var emptyReason: String?
    /// Figure captions of the article, credits removed; not part of `text`.
    public var captions: [String]
    public var title: String?
    public var authors: [String]
    /// Publication date-time as found (ISO 8601), and where it came from.
    public var published: String?
    public var publishedSource: String?
    public var modified: String?
    public var canonicalURL: String?
    public var siteName: String?
    public var description: String?
    /// BCP 47 language tag, lower-case primary subtag (e.g. "en", "en-gb").
    public var language: String?
    public var section: String?
    /// The charset the bytes were decoded from, and how it was chosen ("bom", "nul-pattern", "transport", "meta", "utf-8-valid",
    /// "fallback"); nil for plain-text input.
    public var charset: String?
    public var charsetSource: String?
    /// What was cut, skipped or repaired on the way (empty for an input read whole).
    public var warnings: [ArticleWarning]

    public init(
        text: String, emptyReason: String? = nil, captions: [String] = [], title: String? = nil, authors: [String] = [],
        published: String? = nil, publishedSource: String? = nil, modified: String? = nil,
        canonicalURL: String? = nil, siteName: String? = nil, description: String? = nil,
        language: String? = nil, section: String? = nil, charset: String? = nil, charsetSource: String? = nil,
        warnings: [ArticleWarning] = []
    ) {
        self.text = text
        self.emptyReason = emptyReason
        self.captions = captions
        self.title = title
        self.authors = authors
        self.published = published
        self.publishedSource = publishedSource
        self.modified = modified
        self.canonicalURL = canonicalURL
        self.siteName = siteName
        self.description = description
        self.language = language
        self.section = section
        self.charset = charset
        self.charsetSource = charsetSource
        self.warnings = warnings
    }
}
