import NewsLanguage
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
        let split = sentences.split(tokenized)
        let analyses = SentenceAnalyses(text: tokenized, sentences: split)
        let countryEntities = countries.match(tokenized)
        let groupEntities = groups.match(tokenized, countries: countryEntities, analyses: analyses)
        let entities =
            countryEntities + groupEntities
            + officials.match(tokenized, countries: countryEntities, groups: groupEntities, day: anchor)
        let timexes = dates.tag(
            tokenized, anchor: anchor.flatMap(CalendarDay.init(iso:)),
            order: DateTagger.NumericOrder(language: language))
        var occurrences: [EventCoder.Occurrence] = []
        for entity in entities {
            // A party named by its adjective ("Democratic lawmakers") names the people's side, not an actor.
            for mention in entity.mentions where mention.rule != "party.adjective" {
                guard let first = tokenized.token(startingAt: mention.start),
                    let last = tokenized.token(endingAt: mention.end)
                else { continue }
                let end = last + 1
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
        participants = Self.withoutCountryGlosses(participants, in: tokenized)
        occurrences = Self.withCompanyReferences(participants, in: tokenized, entities: entities)
        let coded = events.code(
            tokenized, sentences: split, participants: occurrences, dates: timexes,
            companies: Self.companiesAndOfficers(entities), analyses: analyses)
        return Extraction(entities: entities, dates: timexes, events: coded)
    }

    /// The ids of the companies and of the officials who run one: those whose affiliation names a company, or
    /// whose title is a company's ("founder", "CEO").
    static func companiesAndOfficers(_ entities: [Entity]) -> Set<String> {
        let companies = companyEntities(entities)
        let names = Set(companies.map(\.name))
        let officers = entities.filter { entity in
            guard entity.kind == .official else { return false }
            if let affiliation = entity.affiliation, names.contains(affiliation) { return true }
            let words = (entity.title ?? "").lowercased().split(whereSeparator: { !$0.isLetter && $0 != "-" })
            return words.contains { corporateTitleWords.contains(String($0)) }
        }
        return Set((companies + officers).map(\.id))
    }

    static func companyEntities(_ entities: [Entity]) -> [Entity] {
        entities.filter { $0.kind == .group && $0.type == "company" }
    }

    static let corporateTitleWords: WordSet = [
        "ceo", "cfo", "coo", "cto", "founder", "co-founder", "cofounder", "chairman", "chairwoman", "executive",
        "shareholder", "investor",
    ]

    /// "SoftBank attempts to rescue the company": "the company" and "the firm" stand for the company the text
    /// has named most before them, so that events find it as a participant.
    /// Leaves out a country named in parentheses right after a person or group ("Xi Jinping (China) met ...",
    /// "Mohamed Bazoum (Niger)"): it says where that participant is from and is no participant of its own.
    static func withoutCountryGlosses(
        _ occurrences: [EventCoder.Occurrence], in text: TokenizedText
    )
        -> [EventCoder.Occurrence]
    {
        var result: [EventCoder.Occurrence] = []
        for occurrence in occurrences {
            if occurrence.participant.kind == .country, let previous = result.last,
                previous.participant.kind != .country,
                previous.endToken == occurrence.firstToken, occurrence.endToken < text.tokens.count
            {
                let before = text.text(
                    from: text.tokens[previous.endToken - 1].end, to: text.tokens[occurrence.firstToken].start)
                let after = text.text(
                    from: text.tokens[occurrence.endToken - 1].end, to: text.tokens[occurrence.endToken].start)
                if before.trimmingPrefix(" ") == "(", after.hasPrefix(")") { continue }
            }
            result.append(occurrence)
        }
        return result
    }

    static func withCompanyReferences(
        _ occurrences: [EventCoder.Occurrence], in text: TokenizedText, entities: [Entity]
    ) -> [EventCoder.Occurrence] {
        let companies = Set(companyEntities(entities).map(\.id))
        guard !companies.isEmpty else { return occurrences }
        var result = occurrences
        var next = 0
        var counts: [String: (count: Int, first: Int, participant: Participant)] = [:]
        for index in text.tokens.indices.dropLast() {
            while next < occurrences.count, occurrences[next].firstToken <= index {
                let participant = occurrences[next].participant
                if companies.contains(participant.id) {
                    counts[participant.id] = (
                        (counts[participant.id]?.count ?? 0) + 1, counts[participant.id]?.first ?? next, participant
                    )
                }
                next += 1
            }
            let noun = text.tokens[index + 1]
            // The company the text has named most so far, the first named of equals: the story's company.
            guard text.tokens[index].key == "the", ["company", "firm"].contains(noun.key), !noun.isCapitalized,
                var company = counts.values.max(by: { ($0.count, $1.first) < ($1.count, $0.first) })?.participant
            else { continue }
            company.text = text.text(from: text.tokens[index].start, to: noun.end)
            result.append(EventCoder.Occurrence(participant: company, firstToken: index, endToken: index + 2))
        }
        return result.sorted { $0.firstToken < $1.firstToken }
    }
}

extension Extractor {
    /// The language layer's analysis of every sentence of `text`, split as the extract stage splits it.
    /// O(length of text).
    package func analyses(text: String) -> [SentenceAnalysis] {
        let tokenized = TokenizedText(text)
        return sentences.split(tokenized).map { sentence in
            LanguageAnalyzer.shared.analyze(tokenized.scalars, in: sentence.start..<sentence.end)
        }
    }
}
