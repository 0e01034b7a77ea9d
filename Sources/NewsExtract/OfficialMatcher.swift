import NewsLanguage
import NewsModel

/// Finds officials: people named next to an official title, before the name ("UK foreign secretary James
/// Cleverly", "Gov. Kristi Noem", "Sens. Cory Booker and Kamala Harris") or in an apposition after it ("Chris
/// Tang, Hong Kong's new police commissioner", "Gwynne Shotwell, president and chief operating officer of
/// SpaceX"); and people of the officeholder gazetteer, as of the article's date ("Edi Rama said" in 2022).
/// Later mentions by surname ("Cleverly added") join the person.
///
/// Affiliation, first that applies: the country or body the text attaches to the title ("UK", "Hong Kong's",
/// "of SpaceX"); the gazetteer's role on the article's date; the country the article is most about (a domestic
/// story names its governors and senators without "US"). Bodies that are the government itself (ministries,
/// parliaments, militaries, parties) give their country; companies, international bodies and agencies give
/// their own name.
///
/// Only titles of public office, diplomacy, the military, parties and company leadership count, so authors,
/// analysts, athletes and photographers are never officials.
struct OfficialMatcher: Sendable {
    let officeholders: OfficeholderGazetteer

    init(officeholders: OfficeholderGazetteer = .shared) {
        self.officeholders = officeholders
    }

    /// Title words, lower-case; multi-word titles are runs of these ("foreign secretary", "under secretary").
    static let titleWords = WordSet(
        Array(titleHeads) + [
            "vice", "prime", "crown", "foreign", "defence", "defense", "interior", "finance", "treasury", "state",
            "attorney", "executive", "under", "deputy", "supreme", "minority", "majority", "lt", "trade", "health",
            "economy", "energy", "home", "security", "national", "senior", "former", "acting", "u", "s", "chief",
            "associate", "assistant", "special", "press", "operating", "financial", "technology", "police", "top",
            "incumbent", "new", "interim", "principal", "first", "second", "federal", "district", "regional",
            "provincial", "military", "army", "navy", "air", "force", "intelligence", "affairs", "communications",
            "presidential", "policy",
        ])
    /// A title needs one of these heads; the other words only modify them.
    static let titleHeads: WordSet = [
        "president", "minister", "premier", "chancellor", "secretary", "senator", "sen", "sens", "senators",
        "representative", "rep", "reps", "representatives", "congressman", "congresswoman", "governor", "gov",
        "mayor", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "general", "gen", "admiral", "adm",
        "king", "queen", "prince", "princess", "speaker", "chairman", "chairwoman", "chair", "ceo", "coo", "cfo", "cto",
        "director", "commissioner", "leader", "ayatollah", "sheikh", "emir", "judge", "justice", "prosecutor",
        "colonel", "col", "commander", "adviser", "advisor", "founder", "pope", "cardinal", "archbishop", "inspector",
        "administrator", "superintendent", "negotiator", "officer", "aide", "ministers", "lawmaker", "diplomat",
        "attorney", "chief", "chiefs", "executive", "nominee", "candidate", "hopeful",
    ]
    /// Abbreviated titles, written with a period before the name.
    static let abbreviations: WordSet = [
        "gov", "sen", "sens", "rep", "reps", "gen", "adm", "col", "lt", "sgt", "capt", "cmdr", "supt", "u", "s", "pres",
    ]
    /// Heads in the plural: "Sens. Cory Booker and Kamala Harris" gives both people the title.
    static let pluralHeads: WordSet = ["sens", "senators", "reps", "representatives", "ministers", "chiefs"]
    /// Heads that are part of a royal's name with a single given name ("Prince Andrew").
    static let royalHeads: WordSet = ["king", "queen", "prince", "princess"]
    /// Capitalised words that are not given names or surnames.
    static let notNames: WordSet = [
        "the", "a", "an", "and", "of", "in", "on", "mr", "mrs", "ms", "dr", "he", "she", "it", "they", "we", "but",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
        "april", "may", "june", "july", "august", "september", "october", "november", "december", "said", "says",
        "this", "that", "these", "those", "his", "her", "their", "its", "as", "at", "for", "with", "by", "from",
    ]
    /// Words between an apposition's comma and its title ("Name, the former ...", "Name, who was the ...").
    static let appositionLeads: WordSet = ["the", "a", "an", "another", "who", "is", "was", "now", "then", "also"]
    /// Prepositions that attach a body to a title ("chief executive of Full Fact", "vice president at SNC").
    static let complementWords: WordSet = ["of", "at", "for", "to", "in", "on"]

    private struct Found {
        var first: Int
        var end: Int
        var title: String?
        var affiliation: String?
        var country: String?
        var person: Int?
        var rule: String
        /// The country an envoy or ambassador is sent to ("ambassador to Britain"): not the one they serve.
        var hostCountry: String? = nil
    }

    /// The body a token belongs to, as an affiliation.
    private struct Owner {
        /// nil: the body is the state itself, and the affiliation is its country.
        var affiliation: String?
        var country: String?
        var first: Int
    }

    func match(_ text: TokenizedText, countries: [Entity], groups: [Entity], day: String? = nil) -> [Entity] {
        let tokens = text.tokens
        var owners = [Owner?](repeating: nil, count: tokens.count)
        var votes: [String: Int] = [:]
        for entity in countries { votes[entity.id, default: 0] += entity.mentions.count }
        for entity in countries + groups {
            // Bodies that are the state itself serve their country; other bodies are the affiliation themselves.
            let affiliation = entity.kind == .country ? entity.id : Self.isStateBody(entity) ? nil : entity.name
            for mention in entity.mentions {
                guard let first = text.token(startingAt: mention.start) else { continue }
                var index = first
                while index < tokens.count, tokens[index].start < mention.end {
                    owners[index] = Owner(affiliation: affiliation, country: entity.country, first: first)
                    index += 1
                }
            }
        }
        // US states: "Kentucky GOP Gov. Matt Bevin", "New York State Attorney General Letitia James".
        var index = 0
        while index < tokens.count {
            let length = Self.usStateLength(at: index, in: tokens)
            guard length > 0, (index..<(index + length)).allSatisfy({ owners[$0] == nil }) else {
                index += 1
                continue
            }
            for position in index..<(index + length) {
                owners[position] = Owner(affiliation: "USA", country: "USA", first: index)
            }
            votes["USA", default: 0] += 1
            index += length
        }
        // The country the article is about: the most named one, and only when it has more than half of the
        // country mentions; an article about several countries gives an unstated affiliation none of them.
        // Countries by how often the article names them, the most named first.
        let ranked = votes.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
        var found = titledNames(text, owners: owners, day: day)
        var used = [Bool](repeating: false, count: tokens.count)
        for person in found { for index in person.first..<person.end { used[index] = true } }
        for person in appositions(text, owners: owners, used: used) {
            found.append(person)
            for index in person.first..<person.end { used[index] = true }
        }
        gazetteerNames(text, owners: owners, day: day, found: &found, used: &used)
        // Without a stated affiliation, the gazetteer's role, else the country the article is most about (not
        // the one an envoy is sent to).
        for position in found.indices where found[position].affiliation == nil {
            if found[position].country == nil, let person = found[position].person,
                let role = officeholders.role(of: person, on: day)
            {
                found[position].affiliation = role.affiliation
                found[position].country = Self.isCountryCode(role.affiliation) ? role.affiliation : nil
            } else if let country = found[position].country {
                found[position].affiliation = country
            } else if Self.isTitle(found[position].title, in: Self.corporateTitleWords),
                tokens[max(0, found[position].first - 4)..<found[position].first].contains(where: {
                    ["company", "firm"].contains($0.key)
                }),
                let company = Self.company(before: tokens[found[position].first].start, groups)
            {
                // A company officer whose company the text names as "the company" or "the firm" right before
                // ("company CEO Andy Vesey", "the company's founder Jeff Bezos"): the company named last.
                found[position].affiliation = company
            } else if Self.isTitle(found[position].title, in: Self.corporateTitleWords),
                let company = Self.onlyCompany(before: tokens[found[position].first].start, groups)
            {
                // "Chief Executive Mark Delaney said" in a story that has named one company: its chief executive.
                found[position].affiliation = company
            } else if let type = Self.referredType(around: found[position].first..<found[position].end, in: text),
                let body = Self.group(ofType: type, before: tokens[found[position].first].start, groups)
            {
                // "the bloc's climate commissioner, Wopke Hoekstra": the bloc the text named last.
                found[position].affiliation = body
            } else if Self.isTitle(found[position].title, in: Self.internationalTitleWords) {
                // An international body's official: no country from elsewhere in the text.
                continue
            } else {
                // The country the article names most (not the one an envoy is sent to), passing over countries
                // whose office of that title another person held on the day ("President Mohamed Bazoum" in an
                // article that names France most is not France's president).
                let person = found[position]
                let candidates = ranked.filter { $0 != person.hostCountry }
                let country =
                    candidates.first { country in
                        !officeholders.office(person.title, of: country, isHeldByOtherThan: person.person, on: day)
                    } ?? candidates.first
                found[position].affiliation = country
                found[position].country = country
            }
        }
        return entities(found, in: text, owners: owners)
    }

    /// Title words of company officers.
    static let corporateTitleWords: WordSet = [
        "ceo", "cfo", "coo", "cto", "founder", "co-founder", "cofounder", "chairman", "chairwoman", "executive",
    ]
    /// Title words of officials of international bodies.
    static let internationalTitleWords: WordSet = ["commissioner", "secretary-general"]

    /// Whether `title` has one of `words` ("chief executive", "climate commissioner").
    static func isTitle(_ title: String?, in words: WordSet) -> Bool {
        guard let title else { return false }
        return title.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "-" }).contains {
            words.contains(String($0))
        }
    }

    /// The name of the company that `groups` mention last before scalar offset `offset`; nil when none is.
    static func company(before offset: Int, _ groups: [Entity]) -> String? {
        group(ofType: "company", before: offset, groups)
    }

    /// The name of the one company that `groups` mention before scalar offset `offset`; nil when none or
    /// several are.
    static func onlyCompany(before offset: Int, _ groups: [Entity]) -> String? {
        let named = groups.filter { $0.type == "company" && $0.mentions.contains { $0.start < offset } }
        return named.count == 1 ? named[0].name : nil
    }

    /// The name of the group of `type` that `groups` mention last before scalar offset `offset`; nil when none is.
    static func group(ofType type: String, before offset: Int, _ groups: [Entity]) -> String? {
        groups.filter { $0.type == type }.compactMap { group in
            group.mentions.last { $0.start < offset }.map { (group.name, $0.start) }
        }.max { $0.1 < $1.1 }?.0
    }

    /// Nouns that refer back to an international body in a possessive before or after a name ("the bloc's
    /// climate commissioner, Wopke Hoekstra", "Mark Rutte, the alliance's secretary-general"), with the group
    /// type they refer to.
    static let referringNouns: [String: String] = ["bloc": "intergov", "alliance": "intergov", "union": "intergov"]

    /// The group type that "the <noun>'s" names within six tokens before or after the name `range`.
    static func referredType(around range: Range<Int>, in text: TokenizedText) -> String? {
        let tokens = text.tokens
        let window = max(1, range.lowerBound - 6)..<min(tokens.count - 1, range.upperBound + 6)
        for index in window where !range.contains(index) {
            guard let type = referringNouns[tokens[index].key], tokens[index - 1].key == "the",
                tokens[index + 1].key == "s", !tokens[index].isCapitalized
            else { continue }
            return type
        }
        return nil
    }

    /// "<owner> <title> <Name>": a run of title words with a head, then a name.
    private func titledNames(_ text: TokenizedText, owners: [Owner?], day: String?) -> [Found] {
        let tokens = text.tokens
        var found: [Found] = []
        var index = 0
        while index < tokens.count {
            guard Self.titleWords.contains(tokens[index]), owners[index] == nil else {
                index += 1
                continue
            }
            var end = index
            var head: String?
            var host: String?
            while end < tokens.count {
                let key = tokens[end].key
                // A title's words stand together: a comma, quotation mark or line break between ends it
                // ("... American justice," Assistant Attorney General X).
                if end > index, !Self.joinsTitle(text, end - 1, end) { break }
                if Self.titleWords.contains(tokens[end]), owners[end] == nil {
                    if Self.titleHeads.contains(tokens[end]) { head = key }
                    end += 1
                } else if end > index, key == "and", end + 1 < tokens.count,
                    Self.titleWords.contains(tokens[end + 1])
                {
                    end += 1  // "founder and former CEO"
                } else if end > index, key == "of" || key == "to", end + 1 < tokens.count,
                    Self.titleWords.contains(tokens[end + 1]) || owners[end + 1] != nil
                {
                    // "ambassador to Britain", "Secretary of State": the body joins the title, not the owner.
                    end += 1
                    if let owner = owners[end] {
                        if key == "to" { host = owner.country ?? owner.affiliation }
                        while end < tokens.count, owners[end]?.first == owner.first { end += 1 }
                    }
                } else {
                    break
                }
            }
            // The name follows the title after spaces, or after the period of an abbreviation ("Gov. Kristi Noem").
            if let head, end < tokens.count {
                let between = text.scalars[tokens[end - 1].end..<tokens[end].start]
                let abbreviation = Self.abbreviations.contains(tokens[end - 1])
                let spaces = between.allSatisfy { $0 == " " }
                let period = abbreviation && between.first == "." && between.dropFirst().allSatisfy { $0 == " " }
                // "their nominee for governor, Jim Hood": a comma, when the name is followed by another or by a
                // dash, or when the title opens its sentence ("Senate Leader, Ahmad Lawan raised a motion").
                // The title's start, past its owner and capitalised words ("Senate Leader").
                var runStart = index > 0 ? owners[index - 1]?.first ?? index : index
                while runStart > 0, index - runStart < 4, tokens[runStart - 1].isCapitalized,
                    text.onlySpaceBetween(tokens[runStart - 1].end, tokens[runStart].start)
                {
                    runStart -= 1
                }
                let comma =
                    between.filter { $0 != " " }.elementsEqual([","]) && end + 2 < tokens.count
                    && nameRun(at: end, in: text, owners: owners).map {
                        gap(text, $0 - 1) == "," || dashAfter(text, $0 - 1) || text.opens(runStart, after: ".!?\n—")
                    } == true
                if !(spaces || period || comma) || head.isEmpty {
                    index = end
                    continue
                }
            }
            guard let head else {
                index = max(end, index + 1)
                continue
            }
            // The owner right before the title ("UK foreign secretary", "China's ambassador").
            var owner: Owner?
            var titleStart = index
            if index > 0, let before = owners[index - 1], Self.joinsTitle(text, index - 1, index) {
                owner = before
                titleStart = before.first
            } else if index > 1, tokens[index - 1].key == "s", let before = owners[index - 2] {
                owner = before
                titleStart = before.first
            }
            let title = text.text(from: tokens[titleStart].start, to: tokens[end - 1].end)
            var names: [Range<Int>] = []
            if let name = nameRun(at: end, in: text, owners: owners) {
                names.append(end..<name)
                // Coordinated names under a plural title.
                var next = name
                while Self.pluralHeads.contains(head), next + 1 < tokens.count,
                    tokens[next].key == "and" || text.scalars[tokens[next - 1].end..<tokens[next].start].contains(","),
                    let start = Optional(tokens[next].key == "and" ? next + 1 : next),
                    let more = nameRun(at: start, in: text, owners: owners)
                {
                    names.append(start..<more)
                    next = more
                }
            } else if Self.royalHeads.contains(head), end == index + 1, end < tokens.count, tokens[end].isCapitalized,
                owners[end] == nil, !Self.notNames.contains(tokens[end]),
                end + 1 >= tokens.count || !tokens[end + 1].isCapitalized
            {
                // "Prince Andrew": a royal named by title and given name.
                names.append(index..<(end + 1))
            } else if end < tokens.count, tokens[end].isCapitalized, owners[end] == nil,
                !Self.notNames.contains(tokens[end]),
                end + 1 >= tokens.count || !tokens[end + 1].isCapitalized
                    || !text.onlySpaceBetween(tokens[end].end, tokens[end + 1].start),
                let known = officeholders.titledSurname(tokens[end].key, on: day)
            {
                // "President Bush": a surname after a title, when every office-holder of that name served the
                // same country on the article's date.
                let title = text.text(from: tokens[titleStart].start, to: tokens[end - 1].end)
                found.append(
                    Found(
                        first: end, end: end + 1, title: title, affiliation: owner?.affiliation ?? known.affiliation,
                        country: owner?.country
                            ?? (Self.isCountryCode(known.affiliation) ? known.affiliation : nil),
                        person: known.person, rule: "titled-surname", hostCountry: host))
                index = end + 1
                continue
            }
            for name in names {
                found.append(
                    Found(
                        first: name.lowerBound, end: name.upperBound, title: title, affiliation: owner?.affiliation,
                        country: owner?.country, person: nil, rule: "titled-name", hostCountry: host))
            }
            index = names.last?.upperBound ?? max(end, index + 1)
        }
        return found
    }

    /// "<Name>, [the|who was the] [<owner>['s]] <title> [of|at <body>]".
    private func appositions(_ text: TokenizedText, owners: [Owner?], used: [Bool]) -> [Found] {
        let tokens = text.tokens
        var found: [Found] = []
        var index = 0
        while index < tokens.count {
            let startsName =
                !used[index] && tokens[index].isCapitalized
                && (index == 0 || !tokens[index - 1].isCapitalized
                    || !text.onlySpaceBetween(tokens[index - 1].end, tokens[index].start))
            guard startsName, let end = nameRun(at: index, in: text, owners: owners), end < tokens.count,
                !used[end - 1], let afterLead = gap(text, end - 1) == "," ? end : appointmentEnd(at: end, in: text)
            else {
                index += 1
                continue
            }
            var position = afterLead
            var leads = 0
            while position < tokens.count, Self.appositionLeads.contains(tokens[position]), leads < 3 {
                position += 1
                leads += 1
            }
            let titleStart = position
            var owner: Owner?
            if position < tokens.count, let before = owners[position] {
                owner = before
                while position < tokens.count, owners[position]?.first == before.first { position += 1 }
                if position < tokens.count, tokens[position].key == "s" { position += 1 }
            } else if let possessive = possessiveEnd(at: position, in: text) {
                // "PG&E's senior director": a body no gazetteer lists; "the company's chief operating officer".
                if tokens[position].isCapitalized {
                    owner = Owner(
                        affiliation: text.text(from: tokens[position].start, to: tokens[possessive - 2].end),
                        country: nil, first: position)
                }
                position = possessive
            }
            var hasHead = false
            var titleEnd = position
            while titleEnd < tokens.count, titleEnd - position < 7 {
                if let body = owners[titleEnd], owner == nil, titleEnd > position {
                    // "another top NSC aide"
                    owner = body
                    while titleEnd < tokens.count, owners[titleEnd]?.first == body.first { titleEnd += 1 }
                    continue
                }
                guard owners[titleEnd] == nil,
                    Self.titleWords.contains(tokens[titleEnd]) || tokens[titleEnd].key == "and"
                else { break }
                if Self.titleHeads.contains(tokens[titleEnd]) { hasHead = true }
                titleEnd += 1
                if gap(text, titleEnd - 1) != nil { break }
            }
            while titleEnd > position, tokens[titleEnd - 1].key == "and" { titleEnd -= 1 }
            guard hasHead else {
                index = end
                continue
            }
            // The body the title belongs to: "of SpaceX", "at SNC", "of the Department of Homeland Security".
            var complementEnd = titleEnd
            if owner == nil, gap(text, titleEnd - 1) == nil {
                var scan = titleEnd
                while scan < tokens.count, scan - titleEnd < 8 {
                    if Self.complementWords.contains(tokens[scan]), scan + 1 < tokens.count {
                        var next = scan + 1
                        if tokens[next].key == "the", next + 1 < tokens.count { next += 1 }
                        if let body = owners[next] {
                            owner = body
                            complementEnd = next
                            while complementEnd < tokens.count, owners[complementEnd]?.first == body.first {
                                complementEnd += 1
                            }
                            break
                        }
                        if tokens[next].isCapitalized, !Self.notNames.contains(tokens[next]),
                            !["to", "in", "on"].contains(tokens[scan].key)
                        {
                            var last = next + 1
                            while last < tokens.count, last - next < 5,
                                tokens[last].isCapitalized || tokens[last].key == "of",
                                text.onlySpaceBetween(tokens[last - 1].end, tokens[last].start)
                            {
                                last += 1
                            }
                            while tokens[last - 1].key == "of" { last -= 1 }
                            complementEnd = last
                            if last < tokens.count, Self.placeNouns.contains(tokens[last]) {
                                complementEnd = last + 1  // a place, not a body: the country applies
                                break
                            }
                            let body = text.text(from: tokens[next].start, to: tokens[last - 1].end)
                            let stateBody = tokens[next..<last].contains { Self.stateBodyWords.contains($0) }
                            owner = Owner(affiliation: stateBody ? nil : body, country: nil, first: next)
                            break
                        }
                    }
                    guard !tokens[scan].isCapitalized || Self.complementWords.contains(tokens[scan]),
                        gap(text, scan) == nil
                    else { break }
                    scan += 1
                }
            }
            let title = text.text(
                from: tokens[titleStart].start, to: tokens[max(complementEnd, titleEnd) - 1].end)
            found.append(
                Found(
                    first: index, end: end, title: title, affiliation: owner?.affiliation, country: owner?.country,
                    person: nil, rule: "apposition"))
            index = max(complementEnd, titleEnd)
        }
        return found
    }

    /// Names of the officeholder gazetteer. A full name always counts; a surname alone only while its
    /// holder is in office. Names standing inside longer capitalised runs ("Trump Tower") do not.
    private func gazetteerNames(
        _ text: TokenizedText, owners: [Owner?], day: String?, found: inout [Found], used: inout [Bool]
    ) {
        let tokens = text.tokens
        let byFirst = Dictionary(
            found.enumerated().map { ($0.element.first, $0.offset) }, uniquingKeysWith: { a, _ in a })
        for match in officeholders.matches(in: tokens, accept: { accepts($0, in: text, owners: owners, day: day) }) {
            guard
                let form = match.payloads.first(where: {
                    !$0.surnameOnly || officeholders.holdsCuratedOffice($0.person, on: day)
                })
            else { continue }
            if let known = byFirst[match.start], found[known].end == match.end {
                found[known].person = form.person
                continue
            }
            guard !(match.start..<match.end).contains(where: { used[$0] }) else { continue }
            found.append(
                Found(
                    first: match.start, end: match.end, title: nil, affiliation: nil, country: nil, person: form.person,
                    rule: form.surnameOnly ? "officeholder-surname" : "officeholder"))
            for index in match.start..<match.end { used[index] = true }
        }
    }

    private func accepts(
        _ match: PhraseTrie<OfficeholderGazetteer.Form>.Match, in text: TokenizedText, owners: [Owner?], day: String?
    ) -> Bool {
        let tokens = text.tokens
        guard tokens[match.start].isCapitalized, !(match.start..<match.end).contains(where: { owners[$0] != nil })
        else { return false }
        for index in match.start..<(match.end - 1) {
            let between = gap(text, index, allowing: " .-'’")
            guard between != nil || text.onlySpaceBetween(tokens[index].end, tokens[index + 1].start) else {
                return false
            }
        }
        let last = match.end - 1
        if !tokens[last].isCapitalized, last == match.start || gap(text, last - 1, allowing: "-") != "-" {
            return false
        }
        // Not part of a longer capitalised run, except after a title ("President Trump").
        if match.start > 0, tokens[match.start - 1].isCapitalized,
            text.onlySpaceBetween(tokens[match.start - 1].end, tokens[match.start].start),
            !Self.titleWords.contains(tokens[match.start - 1]), !Self.notNames.contains(tokens[match.start - 1])
        {
            return false
        }
        if match.end < tokens.count, tokens[match.end].isCapitalized,
            text.onlySpaceBetween(tokens[match.end - 1].end, tokens[match.end].start)
        {
            return false
        }
        return match.payloads.contains { !$0.surnameOnly || officeholders.holdsCuratedOffice($0.person, on: day) }
    }

    /// The entities, in order of first mention, with surname back-references.
    private func entities(_ found: [Found], in text: TokenizedText, owners: [Owner?]) -> [Entity] {
        let tokens = text.tokens
        var order: [String] = []
        var entities: [String: Entity] = [:]
        var surnames: [String: String] = [:]
        for person in found.sorted(by: { $0.first < $1.first }) {
            let known = person.person.map { officeholders.person($0) }
            let key = known?.id ?? "person:" + tokens[person.first..<person.end].map(\.key).joined(separator: "-")
            let start = tokens[person.first].start
            let end = tokens[person.end - 1].end
            let written = text.text(from: start, to: end)
            let mention = Mention(text: written, start: start, end: end, rule: person.rule)
            if entities[key] == nil {
                order.append(key)
                // Named by surname alone ("Trump said", "President Bush"): the gazetteer's full name.
                let name = person.end - person.first == 1 ? known?.name ?? written : written
                entities[key] = Entity(
                    id: key, kind: .official, name: name, country: person.country, title: person.title,
                    affiliation: person.affiliation, mentions: [])
                surnames[tokens[person.end - 1].key] = key
            } else if entities[key]!.title == nil, let title = person.title {
                entities[key]!.title = title
            }
            if !entities[key]!.mentions.contains(where: { $0.start == start }) {
                entities[key]!.mentions.append(mention)
            }
        }
        let firstMention = entities.mapValues { $0.mentions.first!.start }
        for (index, token) in tokens.enumerated() where token.isCapitalized && owners[index] == nil {
            guard let key = surnames[token.key], token.start > firstMention[key]!,
                !entities[key]!.mentions.contains(where: { $0.start <= token.start && token.end <= $0.end })
            else { continue }
            entities[key]!.mentions.append(
                Mention(
                    text: text.text(from: token.start, to: token.end), start: token.start, end: token.end,
                    rule: "surname"))
        }
        for key in order { entities[key]!.mentions.sort { $0.start < $1.start } }
        return order.compactMap { entities[$0] }
    }

    /// The end of a personal name starting at `start`: two to four capitalised words (initials, "Jr.",
    /// hyphenated parts such as "Ing-wen" and "O'Rourke" allowed), not crossing a sentence's end.
    private func nameRun(at start: Int, in text: TokenizedText, owners: [Owner?]) -> Int? {
        let tokens = text.tokens
        var end = start
        var words = 0
        while end < tokens.count, words < 4, owners[end] == nil, !Self.notNames.contains(tokens[end]),
            !Self.titleHeads.contains(tokens[end])
        {
            if end > start {
                let between = text.scalars[tokens[end - 1].end..<tokens[end].start]
                let previousIsLetter = tokens[end - 1].end - tokens[end - 1].start == 1
                if between.count == 1,
                    between.first == "-" || (previousIsLetter && (between.first == "'" || between.first == "’"))
                {
                    end += 1  // one word: "Ing-wen", "O'Rourke"
                    continue
                }
                guard tokens[end].isCapitalized,
                    between.allSatisfy({ $0 == " " }) && between.count == 1
                        || previousIsLetter && between.first == "." && between.count <= 2 && between.last != "-"
                else { break }
            } else if !tokens[end].isCapitalized {
                break
            }
            end += 1
            words += 1
        }
        // At least two words, the last of them longer than an initial.
        guard words >= 2, tokens[end - 1].end - tokens[end - 1].start > 1 else { return nil }
        return end
    }

    /// Whether tokens `left` and `right` may stand in one title: spaces, a hyphen, a possessive's apostrophe or
    /// an abbreviation's period between them ("Lt. Gen.", "vice-president", "China's"), no comma, quotation mark
    /// or line break.
    static func joinsTitle(_ text: TokenizedText, _ left: Int, _ right: Int) -> Bool {
        let gap = text.scalars[text.tokens[left].end..<text.tokens[right].start]
        if text.tokens[right].key == "s", gap.count == 1, gap.first == "'" || gap.first == "’" { return true }
        if gap.allSatisfy({ $0 == " " || $0 == "-" }) { return true }
        return abbreviations.contains(text.tokens[left]) && gap.allSatisfy { $0 == " " || $0 == "." }
    }

    /// Auxiliaries before a verb of appointment, and the verbs: "has been named", "was appointed".
    static let appointmentAuxiliaries: WordSet = ["has", "have", "had", "was", "were", "is", "been"]
    static let appointmentVerbs: WordSet = ["named", "appointed", "elected", "nominated", "confirmed"]

    /// After a name, the end of a passive verb of appointment ("has been named", "was elected", "was
    /// appointed as"), or "became", where the title follows as an apposition's would; nil when none is there.
    /// The active "named" ("Trump named Chad Wolf") makes the name the one who appoints, so it needs its
    /// auxiliary.
    private func appointmentEnd(at start: Int, in text: TokenizedText) -> Int? {
        let tokens = text.tokens
        var position = start
        var auxiliaries = 0
        while position < tokens.count, auxiliaries < 2, Self.appointmentAuxiliaries.contains(tokens[position]) {
            position += 1
            auxiliaries += 1
        }
        guard position < tokens.count,
            auxiliaries > 0 && Self.appointmentVerbs.contains(tokens[position])
                || auxiliaries == 0 && tokens[position].key == "became"
        else { return nil }
        position += 1
        if position < tokens.count, tokens[position].key == "as" { position += 1 }
        return position < tokens.count && text.onlySpaceBetween(tokens[start - 1].end, tokens[start].start)
            ? position : nil
    }

    /// The end of a possessive of up to four words at `start` ("PG&E's", "the company's"), past its "s".
    private func possessiveEnd(at start: Int, in text: TokenizedText) -> Int? {
        let tokens = text.tokens
        var index = start
        while index < tokens.count, index - start < 5 {
            if tokens[index].key == "s", index > start, tokens[index].start == tokens[index - 1].end + 1,
                text.scalars[tokens[index - 1].end] == "'" || text.scalars[tokens[index - 1].end] == "’"
            {
                return index + 1
            }
            if index > start,
                !(gap(text, index - 1, allowing: "&-") != nil
                    || text.onlySpaceBetween(tokens[index - 1].end, tokens[index].start))
            {
                return nil
            }
            index += 1
        }
        return nil
    }

    /// Whether a dash follows token `index` across spaces: "the Democratic candidate, Andy Beshear — whose
    /// father ...": the name closes an apposition, as before a comma.
    private func dashAfter(_ text: TokenizedText, _ index: Int) -> Bool {
        let tokens = text.tokens
        let end = index + 1 < tokens.count ? tokens[index + 1].start : text.scalars.count
        let marks = text.scalars[tokens[index].end..<end].filter { $0 != " " }
        return marks.count == 1 && (marks.first == "—" || marks.first == "–")
    }

    /// The single punctuation mark after token `index` ("," or "." ...), ignoring spaces, if the gap holds one
    /// of `allowing` and nothing else; nil for a gap of spaces only or anything else.
    private func gap(_ text: TokenizedText, _ index: Int, allowing: String = ",.;:()") -> Character? {
        let tokens = text.tokens
        let end = index + 1 < tokens.count ? tokens[index + 1].start : text.scalars.count
        var mark: Character?
        for scalar in text.scalars[tokens[index].end..<end] where scalar != " " {
            guard mark == nil, allowing.unicodeScalars.contains(scalar) else { return nil }
            mark = Character(scalar)
        }
        return mark
    }

    /// Words that make a body part of the state: its officials serve the country ("House of Representatives
    /// Speaker", "acting director of the Department of Homeland Security").
    static let stateBodyWords: WordSet = [
        "department", "ministry", "house", "senate", "parliament", "congress", "assembly", "cabinet", "government",
        "council", "army", "navy", "police", "administration", "legislature", "state", "federal",
    ]
    /// Nouns after a capitalised name that make it a place ("commander of Kowloon West district").
    static let placeNouns: WordSet = [
        "district", "region", "province", "county", "city", "state", "area", "village", "town", "island", "islands",
    ]

    /// Whether a group is the state itself: the government, its militaries and parties, or a body whose name
    /// says it is a part of the state ("Department of Homeland Security"; an agency such as NASA is its own body).
    static func isStateBody(_ entity: Entity) -> Bool {
        switch entity.type {
        case "government", "military", "political_party": return true
        case "organization", "government_agency":
            return TokenizedText.keys(of: entity.name).contains { stateBodyWords.contains($0) }
        default: return false
        }
    }

    static let usStates: WordSet = [
        "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware", "florida",
        "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine", "maryland",
        "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada",
        "new hampshire", "new jersey", "new mexico", "new york", "north carolina", "north dakota", "ohio", "oklahoma",
        "oregon", "pennsylvania", "rhode island", "south carolina", "south dakota", "tennessee", "texas", "utah",
        "vermont", "virginia", "west virginia", "wisconsin", "wyoming",
    ]

    /// The number of tokens of a capitalised US state's name at `index` (one or two), or 0.
    static func usStateLength(at index: Int, in tokens: [Token]) -> Int {
        guard tokens[index].isCapitalized else { return 0 }
        if index + 1 < tokens.count, tokens[index + 1].isCapitalized,
            usStates.contains(tokens[index].key + " " + tokens[index + 1].key)
        {
            return 2
        }
        return usStates.contains(tokens[index]) ? 1 : 0
    }

    static func isCountryCode(_ value: String) -> Bool {
        value.utf8.count == 3 && value.utf8.allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
    }
}
