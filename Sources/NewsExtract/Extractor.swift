import NewsModel

/// The extract stage: countries, dates and events from cleaned text.
///
/// Immutable and `Sendable`: build one and share it between workers. The gazetteers are built on first
/// use and shared process-wide.
public struct Extractor: Sendable {
    private let countries = CountryMatcher(gazetteer: .shared)
    private let groups = GroupMatcher(gazetteer: .shared)
    private let officials = OfficialMatcher()
    private let dates = DateTagger()
    private let sentences = SentenceSplitter()
    private let events = EventCoder()

    public init() {}

    /// The temporal expressions of `text` alone, resolved against `anchor` (`YYYY-MM-DD`). O(length of text).
    public func dates(text: String, anchor: String?, language: String? = nil) -> [TimeExpression] {
        dates.tag(
            TokenizedText(text), anchor: anchor.flatMap(CalendarDay.init(iso:)),
            order: DateTagger.NumericOrder(language: language))
    }

    /// Extracts from `text`. `anchor` is the publication day (`YYYY-MM-DD`) that relative dates resolve
    /// against; without one, only absolute dates are found. `language` (a BCP 47 tag such as "en-gb")
    /// decides how all-numeric dates are read. Cost: O(length of text).
    public func extract(text: String, anchor: String?, language: String? = nil) -> Extraction {
        let tokenized = TokenizedText(text)
        let countryEntities = countries.match(tokenized)
        let groupEntities = groups.match(tokenized, countries: countryEntities)
        let entities =
            countryEntities + groupEntities
            + officials.match(tokenized, countries: countryEntities, groups: groupEntities, day: anchor)
        let timexes = dates.tag(
            tokenized, anchor: anchor.flatMap(CalendarDay.init(iso:)),
            order: DateTagger.NumericOrder(language: language))
        let split = sentences.split(tokenized)
        var occurrences: [EventCoder.Occurrence] = []
        let starts = Dictionary(
            uniqueKeysWithValues: tokenized.tokens.enumerated().map { ($0.element.start, $0.offset) })
        let ends = Dictionary(
            uniqueKeysWithValues: tokenized.tokens.enumerated().map { ($0.element.end, $0.offset + 1) })
        for entity in entities {
            for mention in entity.mentions {
                guard let first = starts[mention.start], let end = ends[mention.end] else { continue }
                occurrences.append(
                    EventCoder.Occurrence(
                        participant: Participant(
                            text: mention.text, kind: entity.kind, id: entity.id, country: entity.country),
                        firstToken: first, endToken: end))
            }
        }
        // A country inside a group's name ("the Albanian Parliament") yields the country as an entity, but in a
        // sentence the group is the participant: keep the longest of overlapping occurrences.
        occurrences.sort { $0.firstToken != $1.firstToken ? $0.firstToken < $1.firstToken : $0.endToken > $1.endToken }
        var participants: [EventCoder.Occurrence] = []
        for occurrence in occurrences {
            if let last = participants.last, occurrence.firstToken < last.endToken { continue }
            participants.append(occurrence)
        }
        occurrences = participants
        let coded = events.code(tokenized, sentences: split, participants: occurrences, dates: timexes)
        return Extraction(entities: entities, dates: timexes, events: coded)
    }
}
