import NewsModel
import NewsSink

/// What the sink writes for each article.
public enum RecordRenderer: String, Sendable, CaseIterable {
    /// One `newsevents.event/1` record per event.
    case events
    /// One `newsevents.article/1` record per article.
    case articles
    /// One `newsevents.clean/1` record per article (metadata and text, no extraction).
    case clean

    /// Whether the extract stage must run for this output.
    public var needsExtraction: Bool { self != .clean }

    /// The records for one article, each with its stable id.
    public func records(for article: ProcessedArticle) -> [(id: String, json: JSONValue)] {
        switch self {
        case .events: return RecordEncoder.eventRecords(article)
        case .articles: return [RecordEncoder.articleRecord(article)]
        case .clean: return [RecordEncoder.cleanRecord(article)]
        }
    }
}
