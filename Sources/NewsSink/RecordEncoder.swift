import NewsModel

/// Turns processed articles and failures into JSON Lines records with a fixed key order.
///
/// Record kinds and their versions: `newsevents.event/3`, `newsevents.article/2`, `newsevents.error/1`,
/// `newsevents.retraction/1`, `newsevents.status/1`.
/// event/2 is event/1 with `rules` (the ids of the rules that made the event) before `article`; event/3 and
/// article/2 give an event's `date` its ISO 8601 form as `value` and its TimeML value as `timex`.
/// The key order below is the documented order; changing it is a schema change.
public enum RecordEncoder {
    public static let eventSchema = "newsevents.event/3"
    public static let articleSchema = "newsevents.article/2"
    public static let errorSchema = "newsevents.error/1"
    public static let cleanSchema = "newsevents.clean/1"
    public static let retractionSchema = "newsevents.retraction/1"

    /// The `coder` member every record that carries events names: this program and its version.
    static let coder = JSONValue.object([
        ("name", .string("newsevents")), ("version", .string(NewsEventsVersion.string)),
    ])
    public static let statusSchema = "newsevents.status/1"

    /// A `newsevents.status/1` record: what became of an input that gave no other record (`--input jsonl`).
    /// `status` is "empty" (no article text), "no-events", or "duplicate" (`duplicateOf` names the earlier
    /// input whose records are the same article's).
    public static func statusRecord(
        input: ArticleInputSummary, articleID: String?, status: String, duplicateOf: String?, message: String
    ) -> JSONValue {
        .object([
            ("schema", .string(statusSchema)), ("input_id", .optional(input.inputID)),
            ("origin", .string(input.origin)), ("url", .optional(input.url)), ("article_id", .optional(articleID)),
            ("status", .string(status)), ("duplicate_of", .optional(duplicateOf)), ("message", .string(message)),
        ])
    }

    /// What an article's events are extracted from, as a SHA-256: its text and the date that anchors its
    /// relative dates. The same version gives the same events; the run state skips an article whose version
    /// it already wrote, whatever else changed in the page's bytes (a timestamp, an advertisement).
    public static func articleVersion(text: String, anchor: String?) -> String {
        ContentHash.sha256Hex(of: text + "\u{1F}" + (anchor ?? ""))
    }

    /// The version of a processed article (``articleVersion(text:anchor:)``).
    public static func articleVersion(_ article: ProcessedArticle) -> String {
        articleVersion(text: article.cleaned.text, anchor: article.anchorDate)
    }

    /// A `newsevents.retraction/1` record: event `eventID` of article `articleID`, written by an earlier run, is
    /// not found in the article's new version (`contentHash`, the new bytes' SHA-256). Its own id is derived
    /// from both, so that the output never holds an id twice.
    public static func retractionRecord(
        eventID: String, articleID: String, contentHash: String, version: String
    )
        -> (id: String, json: JSONValue)
    {
        let id = "r" + ContentHash.sha256Hex(of: eventID + "\u{1F}" + version).prefix(StableID.length)
        return (
            id,
            .object([
                ("schema", .string(retractionSchema)), ("id", .string(id)), ("event_id", .string(eventID)),
                ("article_id", .string(articleID)), ("reason", .string("article-changed")),
                ("content_sha256", .string(contentHash)),
                ("coder", coder),
            ])
        )
    }

    /// The article's stable id.
    public static func articleID(_ article: ProcessedArticle) -> String {
        StableID.article(canonicalURL: article.cleaned.canonicalURL, url: article.input.url, text: article.cleaned.text)
    }

    /// One `newsevents.event/3` record per event, in the order the extractor found them.
    public static func eventRecords(_ article: ProcessedArticle) -> [(id: String, json: JSONValue)] {
        let articleID = articleID(article)
        let articleObject = JSONValue.object([
            ("id", .string(articleID)), ("url", .optional(article.cleaned.canonicalURL ?? article.input.url)),
            ("title", .optional(article.cleaned.title)), ("published", .optional(article.publishedDate)),
            ("content_sha256", .string(article.input.contentHash)),
        ])
        return article.extraction.events.map { event in
            let id = StableID.event(articleID: articleID, event: event)
            var members: [(String, JSONValue)] = [("schema", .string(eventSchema)), ("id", .string(id))]
            members.append(("input_id", .optional(article.input.inputID)))
            members += eventBody(event)
            members.append(("rules", .array(event.rules.map { .string($0) })))
            members.append(("article", articleObject))
            members.append(
                ("coder", coder))
            return (id, .object(members))
        }
    }

    /// The `newsevents.article/2` record: metadata, text, entities, dates and events.
    public static func articleRecord(_ article: ProcessedArticle) -> (id: String, json: JSONValue) {
        let id = articleID(article)
        let events: [JSONValue] = article.extraction.events.map { event in
            .object([("id", .string(StableID.event(articleID: id, event: event)))] + eventBody(event))
        }
        var members: [(String, JSONValue)] = [("schema", .string(articleSchema))] + articleMembers(article, id: id)
        members += [
            ("entities", .array(article.extraction.entities.map(entity))),
            ("dates", .array(article.extraction.dates.map(timex))), ("events", .array(events)),
            ("coder", coder),
        ]
        return (id, .object(members))
    }

    /// The `newsevents.clean/1` record: what the clean stage found, with no extraction.
    public static func cleanRecord(_ article: ProcessedArticle) -> (id: String, json: JSONValue) {
        let id = articleID(article)
        return (id, .object([("schema", .string(cleanSchema))] + articleMembers(article, id: id)))
    }

    /// The metadata and text members shared by article and clean records, in their documented order.
    static func articleMembers(_ article: ProcessedArticle, id: String) -> [(String, JSONValue)] {
        let cleaned = article.cleaned
        return [
            ("id", .string(id)), ("input_id", .optional(article.input.inputID)),
            ("url", .optional(article.input.url)), ("canonical_url", .optional(cleaned.canonicalURL)),
            ("origin", .string(article.input.origin)), ("content_sha256", .string(article.input.contentHash)),
            ("title", .optional(cleaned.title)), ("authors", .array(cleaned.authors.map(JSONValue.string))),
            ("published", .optional(article.publishedDate)), ("published_source", .optional(article.publishedSource)),
            ("published_raw", .optional(cleaned.published)), ("modified", .optional(cleaned.modified)),
            ("site_name", .optional(cleaned.siteName)), ("description", .optional(cleaned.description)),
            ("language", .optional(cleaned.language)), ("section", .optional(cleaned.section)),
            ("charset", .optional(cleaned.charset)), ("charset_source", .optional(cleaned.charsetSource)),
            ("text", .string(cleaned.text)), ("empty_reason", .optional(cleaned.emptyReason)),
            (
                "warnings",
                .array(
                    cleaned.warnings.map {
                        .object([("code", .string($0.code.rawValue)), ("message", .string($0.message))])
                    })
            ),
            ("captions", .array(cleaned.captions.map(JSONValue.string))), ("anchor", .optional(article.anchorDate)),
            ("anchor_source", .optional(article.anchorSource)),
        ]
    }

    /// A `newsevents.error/1` record for an input that failed.
    public static func errorRecord(
        inputID: String?, origin: String, url: String?, stage: String, reason: String, message: String,
        httpStatus: Int? = nil
    ) -> JSONValue {
        .object([
            ("schema", .string(errorSchema)), ("input_id", .optional(inputID)), ("origin", .string(origin)),
            ("url", .optional(url)), ("stage", .string(stage)), ("reason", .string(reason)),
            ("message", .string(message)), ("http_status", httpStatus.map { .int($0) } ?? .null),
        ])
    }

    static func eventBody(_ event: Event) -> [(String, JSONValue)] {
        [
            ("type", .string(event.type)), ("mode", .optional(event.mode)),
            ("context", .array(event.context.map(JSONValue.string))),
            ("cameo", .string(event.cameo)), ("quad_class", .int(event.quadClass)), ("actor", participant(event.actor)),
            ("target", participant(event.target)),
            (
                "date",
                event.date.map { date in
                    .object([
                        ("value", .optional(ISODate.from(timex: date.value))), ("timex", .string(date.value)),
                        ("precision", .optional(date.granularity)), ("text", .string(date.text)),
                    ])
                } ?? .null
            ),
            ("mentions", .int(event.mentionCount)), ("certainty", .string(event.certainty)),
            (
                "evidence",
                .object([
                    ("sentence", .string(event.sentence)), ("start", .int(event.sentenceStart)),
                    ("end", .int(event.sentenceEnd)),
                    ("cue", .string(event.cue)),
                ])
            ),
        ]
    }

    static func participant(_ participant: Participant?) -> JSONValue {
        guard let participant else { return .null }
        return .object([
            ("text", .string(participant.text)), ("kind", .string(participant.kind.rawValue)),
            ("id", .string(participant.id)),
            ("country", .optional(participant.country)),
        ])
    }

    static func entity(_ entity: Entity) -> JSONValue {
        .object([
            ("id", .string(entity.id)), ("kind", .string(entity.kind.rawValue)), ("name", .string(entity.name)),
            ("country", .optional(entity.country)), ("type", .optional(entity.type)),
            ("title", .optional(entity.title)), ("affiliation", .optional(entity.affiliation)),
            (
                "mentions",
                .array(
                    entity.mentions.map { mention in
                        .object([
                            ("text", .string(mention.text)), ("start", .int(mention.start)), ("end", .int(mention.end)),
                            ("rule", .string(mention.rule)),
                        ])
                    })
            ),
        ])
    }

    /// A temporal expression as written in article records and by `newsevents dates`.
    public static func timex(_ timex: TimeExpression) -> JSONValue {
        .object([
            ("text", .string(timex.text)), ("start", .int(timex.start)), ("end", .int(timex.end)),
            ("type", .string(timex.type.rawValue)),
            ("value", .string(timex.value)), ("granularity", .optional(timex.granularity)),
            ("anchor", .optional(timex.anchor)),
            ("rule", .string(timex.rule)),
        ])
    }
}
