import NewsModel

/// Finds officials: a person's name next to an official title ("UK foreign secretary James Cleverly", "Gov.
/// Kristi Noem", "Letitia James, New York's attorney general"), with the country or body the title names, and
/// later mentions by surname ("Cleverly added").
///
/// Only titles of public office, diplomacy, the military, parties and company leadership count, so authors,
/// analysts, athletes and photographers are never officials. People named without a title are not reported
/// (the time-bounded officeholder gazetteer of the entity issue will add them).
struct OfficialMatcher: Sendable {
    /// Title words, lower-case; multi-word titles are runs of these ("foreign secretary", "under secretary").
    static let titleWords: Set<String> = [
        "president", "vice", "prime", "minister", "premier", "chancellor", "secretary", "foreign", "defence", "defense",
        "interior", "finance", "treasury", "state", "general", "attorney", "senator", "sen", "representative", "rep",
        "governor", "gov", "mayor", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "gen", "admiral",
        "adm", "king", "queen", "prince", "crown", "speaker", "chairman", "chairwoman", "chair", "ceo", "chief",
        "executive", "director", "commissioner", "under", "deputy", "leader", "supreme", "ayatollah", "sheikh", "emir",
        "judge", "justice", "prosecutor", "minority", "majority", "lt", "col", "colonel", "commander", "trade",
        "health", "economy", "energy", "home", "security", "national", "adviser", "advisor", "founder", "pope",
        "cardinal", "archbishop", "inspector", "police", "senior", "former", "acting", "u", "s",
    ]
    /// A title needs one of these heads; the other words only modify them.
    static let titleHeads: Set<String> = [
        "president", "minister", "premier", "chancellor", "secretary", "senator", "sen", "representative", "rep",
        "governor", "gov", "mayor", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "general", "gen",
        "admiral", "adm", "king", "queen", "prince", "speaker", "chairman", "chairwoman", "chair", "ceo", "director",
        "commissioner", "leader", "ayatollah", "sheikh", "emir", "judge", "justice", "prosecutor", "colonel", "col",
        "commander", "adviser", "advisor", "founder", "pope", "cardinal", "archbishop", "inspector",
    ]
    /// Capitalised words that are not given names or surnames.
    static let notNames: Set<String> = [
        "the", "a", "an", "and", "of", "in", "on", "mr", "mrs", "ms", "dr", "he", "she", "it", "they", "we", "but",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
        "april", "may", "june", "july", "august", "september", "october", "november", "december", "said", "says",
    ]

    struct Found {
        var name: String
        var title: String
        var country: String?
        var first: Int
        var end: Int
    }

    func match(_ text: TokenizedText, countries: [Entity], groups: [Entity]) -> [Entity] {
        let tokens = text.tokens
        // Country or group of each token covered by a country/group mention.
        var affiliation = [String?](repeating: nil, count: tokens.count)
        var covered = [Bool](repeating: false, count: tokens.count)
        var tokenAt: [Int: Int] = [:]
        for (index, token) in tokens.enumerated() { tokenAt[token.start] = index }
        for entity in countries + groups {
            for mention in entity.mentions {
                guard var index = tokenAt[mention.start] else { continue }
                while index < tokens.count, tokens[index].start < mention.end {
                    affiliation[index] = entity.country ?? (entity.kind == .group ? entity.name : nil)
                    covered[index] = true
                    index += 1
                }
            }
        }
        var found: [Found] = []
        var index = 0
        while index < tokens.count {
            // A title: a run of title words with a head, not inside a group's or country's name.
            guard Self.titleWords.contains(tokens[index].key), !covered[index] else {
                index += 1
                continue
            }
            var end = index
            var hasHead = false
            while end < tokens.count,
                Self.titleWords.contains(tokens[end].key) || tokens[end].key == "of" && end > index, !covered[end]
            {
                if Self.titleHeads.contains(tokens[end].key) { hasHead = true }
                end += 1
            }
            guard hasHead, let name = nameRun(at: end, in: text, covered: covered) else {
                index = max(end, index + 1)
                continue
            }
            // The affiliation: a country or group right before the title ("UK foreign secretary").
            var country: String?
            var titleStart = index
            if index > 0, let owner = affiliation[index - 1] {
                country = owner
                var start = index - 1
                while start > 0, affiliation[start - 1] == owner { start -= 1 }
                titleStart = start
            }
            let title = text.text(from: tokens[titleStart].start, to: tokens[end - 1].end)
            found.append(
                Found(
                    name: text.text(from: tokens[end].start, to: tokens[name - 1].end), title: title, country: country,
                    first: end, end: name))
            index = name
        }
        // Without a stated affiliation, an official serves the country the article is most about (a domestic
        // story names its governors and senators without "US").
        let mainCountry = countries.max { $0.mentions.count < $1.mentions.count }?.id
        for position in found.indices where found[position].country == nil { found[position].country = mainCountry }
        // Entities, with surname back-references.
        var order: [String] = []
        var entities: [String: Entity] = [:]
        var surnames: [String: String] = [:]
        for person in found {
            let key = "person:" + tokens[person.first..<person.end].map(\.key).joined(separator: "-")
            let start = tokens[person.first].start
            let end = tokens[person.end - 1].end
            let mention = Mention(text: person.name, start: start, end: end, rule: "titled-name")
            if entities[key] == nil {
                order.append(key)
                entities[key] = Entity(
                    id: key, kind: .official, name: person.name, country: person.country, title: person.title,
                    mentions: [])
                surnames[tokens[person.end - 1].key] = key
            }
            entities[key]!.mentions.append(mention)
        }
        let firstMention = entities.mapValues { $0.mentions.first!.start }
        for (index, token) in tokens.enumerated() where token.isCapitalized && !covered[index] {
            guard let key = surnames[token.key], token.start > firstMention[key]!,
                !entities[key]!.mentions.contains(where: { $0.start <= token.start && token.end <= $0.end })
            else { continue }
            entities[key]!.mentions.append(
                Mention(
                    text: text.text(from: token.start, to: token.end), start: token.start, end: token.end,
                    rule: "surname"))
        }
        return order.compactMap { entities[$0] }
    }

    /// The end of a personal name starting at `start`: two to four capitalised words (initials allowed).
    private func nameRun(at start: Int, in text: TokenizedText, covered: [Bool]) -> Int? {
        let tokens = text.tokens
        var end = start
        while end < tokens.count, end - start < 4, tokens[end].isCapitalized, !covered[end],
            !Self.notNames.contains(tokens[end].key), !Self.titleHeads.contains(tokens[end].key)
        {
            if end > start {
                let gap = text.scalars[tokens[end - 1].end..<tokens[end].start]
                guard gap.allSatisfy({ $0 == " " || $0 == "." || $0 == "-" }), gap.count <= 2 else { break }
            }
            end += 1
        }
        // At least two words, the last of them longer than an initial.
        guard end - start >= 2, tokens[end - 1].end - tokens[end - 1].start > 1 else { return nil }
        return end
    }
}
