import NewsModel
import NewsSink

/// What the sink writes for each article.
package enum RecordRenderer: String, Sendable, CaseIterable {
    /// One `newsevents.event/3` record per event.
    case events
    /// One `newsevents.article/2` record per article.
    case articles
    /// One `newsevents.clean/1` record per article (metadata and text, no extraction).
    case clean
    /// One tab-separated line per event in the 61 columns of the GDELT 2.0 event table.
    case gdelt

    /// Whether the extract stage must run for this output.
    package var needsExtraction: Bool { self != .clean }

    /// The lines for one article, each with its record's stable id.
    package func records(for article: ProcessedArticle) -> [(id: String, line: String)] {
        switch self {
        case .events: return RecordEncoder.eventRecords(article).map { ($0.id, $0.json.serialized()) }
        case .articles: return [RecordEncoder.articleRecord(article)].map { ($0.id, $0.json.serialized()) }
        case .clean: return [RecordEncoder.cleanRecord(article)].map { ($0.id, $0.json.serialized()) }
        case .gdelt: return GDELTEncoder.rows(article)
        }
    }
}
