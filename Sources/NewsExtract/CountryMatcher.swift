import NewsLanguage
import NewsModel

/// Finds countries in text: names, aliases, demonyms, and capitals standing for their government.
///
/// Rules (each has a test):
/// - Case: abbreviations match only in capitals ("US", not "us"); other forms need their capitalized words
///   capitalized ("Turkey", not "turkey"; "Chad" the country, not "chad").
/// - A capital stands for its country's government ("Tehran denied", "cut ties with Tehran") unless it is
///   used as a place: after a locative preposition ("in Tehran", "from Kabul"), as a later item of a list of
///   places after one ("via Moscow and Paris"), or before a place noun ("Tehran's streets", "Washington
///   suburbs").
/// - Forms inside hyphenated words count ("pro-Israel", "Iran-backed", "US-led"), since tokens split at "-".
/// - A country's name that is also a personal name is a person's next to a capitalised name ("Chad Wolf",
///   "Michael Jordan"); "Georgia" is the US state in a text that names other US states and not Georgia's
///   capital or people.
/// - Phrases that contain a country word but name something else ("New Jersey", "Washington Post") are
///   matched as blocked phrases and dropped.
struct CountryMatcher: Sendable {
    let gazetteer: CountryGazetteer

    static let locativePrepositions: WordSet = [
        "in", "at", "near", "outside", "inside", "around", "across", "into", "from", "within", "throughout", "via",
        "downtown", "central", "northern", "southern", "eastern", "western", "suburban", "greater", "visit", "visited",
        "visiting", "arrived", "landed", "flew",
    ]

    /// Nouns for a state's rulers, before "in" and a capital ("the government in Tehran").
    static let governmentNouns: WordSet = [
        "government", "governments", "authorities", "regime", "leadership", "administration", "rulers",
        "officials",
    ]
    static let placeNouns: WordSet = [
        "street", "streets", "airport", "residents", "resident", "university", "mayor", "city", "suburb", "suburbs",
        "metro", "subway", "hotel", "hospital", "stock", "exchange", "marathon", "district", "neighborhood",
        "neighbourhood", "area", "region", "province", "zoo", "museum", "fc", "club", "team", "police", "traffic",
        "office", "offices", "bureau", "correspondent", "based",
    ]

    /// Country names that are also given names or surnames.
    static let personalNames: WordSet = ["chad", "jordan", "georgia", "india", "kenya", "israel"]

    func match(_ text: TokenizedText) -> [Entity] {
        let tokens = text.tokens
        let georgiaIsAState =
            tokens.contains { $0.isCapitalized && $0.key != "georgia" && OfficialMatcher.usStates.contains($0) }
            && !tokens.contains { ["tbilisi", "georgian", "georgians"].contains($0.key) }
        let matches = gazetteer.trie.matches(in: tokens) { candidate in
            accepts(candidate, in: text)
        }
        var order: [String] = []
        var mentions: [String: [Mention]] = [:]
        for found in matches {
            guard let form = found.payloads.first(where: { caseMatches($0, tokens: tokens, start: found.start) }),
                form.kind != .blocked
            else { continue }
            if form.kind == .capital, !isGovernmentUse(text, start: found.start, end: found.end) { continue }
            if found.end - found.start == 1, Self.personalNames.contains(tokens[found.start]) {
                if isPersonalName(text, at: found.start) { continue }
                if georgiaIsAState, tokens[found.start].key == "georgia" { continue }
            }
            let start = tokens[found.start].start
            let end = tokens[found.end - 1].end
            let mention = Mention(
                text: text.text(from: start, to: end), start: start, end: end, rule: form.kind.rawValue)
            if mentions[form.alpha3] == nil { order.append(form.alpha3) }
            mentions[form.alpha3, default: []].append(mention)
        }
        return order.map { code in
            Entity(
                id: code, kind: .country, name: gazetteer.names[code] ?? code, country: code,
                mentions: mentions[code] ?? [])
        }
    }

    /// A candidate phrase is whole when its words are separated only by spaces, hyphens, periods or
    /// apostrophes (so "U.S." matches, "Iran, Iraq" does not become one phrase), and some form's case fits.
    private func accepts(_ match: PhraseTrie<CountryGazetteer.Form>.Match, in text: TokenizedText) -> Bool {
        for index in match.start..<(match.end - 1) {
            let gap = text.scalars[text.tokens[index].end..<text.tokens[index + 1].start]
            guard gap.count <= 2, gap.allSatisfy({ $0 == " " || $0 == "." || $0 == "-" || $0 == "'" || $0 == "’" })
            else {
                return false
            }
        }
        return match.payloads.contains { caseMatches($0, tokens: text.tokens, start: match.start) }
    }

    private func caseMatches(_ form: CountryGazetteer.Form, tokens: [Token], start: Int) -> Bool {
        for (offset, rule) in form.caseRules.enumerated() {
            let token = tokens[start + offset]
            switch rule {
            case 2 where !token.isAllCaps: return false
            case 1 where !token.isCapitalized: return false
            default: continue
            }
        }
        // "US" in a text written in capitals ("US TROOPS") still counts; "Us" at a sentence start does not.
        return true
    }

    /// "Chad Wolf", "Jordan Peterson", "Michael Jordan": next to a capitalised word across one space (a word
    /// that does not open a sentence, and one that can be a name).
    private func isPersonalName(_ text: TokenizedText, at index: Int) -> Bool {
        let tokens = text.tokens
        // "Israel Friday reimposed": a weekday, month or other word that is no name makes none.
        if index + 1 < tokens.count, tokens[index + 1].isCapitalized, !tokens[index + 1].isAllCaps,
            !OfficialMatcher.notNames.contains(tokens[index + 1]),
            text.scalars[tokens[index].end..<tokens[index + 1].start].elementsEqual([" "])
        {
            return true
        }
        guard index > 0, tokens[index - 1].isCapitalized, !tokens[index - 1].isAllCaps,
            text.scalars[tokens[index - 1].end..<tokens[index].start].elementsEqual([" "]),
            !OfficialMatcher.notNames.contains(tokens[index - 1])
        else { return false }
        // The word before must not open a sentence ("Visiting Jordan, ...").
        guard index > 1 else { return false }
        let before = text.scalars[tokens[index - 2].end..<tokens[index - 1].start]
        return !before.contains { $0 == "." || $0 == "!" || $0 == "?" || $0 == "\n" || $0 == "\"" || $0 == "“" }
    }

    private func isGovernmentUse(_ text: TokenizedText, start: Int, end: Int) -> Bool {
        // "the government in Tehran", "the authorities in Beijing": the capital names whose government it is.
        if start > 1, text.tokens[start - 1].key == "in", Self.governmentNouns.contains(text.tokens[start - 2]) {
            return true
        }
        if start > 0, Self.locativePrepositions.contains(text.tokens[start - 1]) { return false }
        // "via Moscow and Paris", "in Berlin, Paris or Rome": a later item of a list of places is one too.
        var back = start - 1
        while back > 0, start - back < 12,
            ["and", "or"].contains(text.tokens[back].key)
                || text.tokens[back].isCapitalized
                    && text.scalars[text.tokens[back].end..<text.tokens[back + 1].start].contains(",")
                || text.tokens[back].isCapitalized && ["and", "or"].contains(text.tokens[back + 1].key)
        {
            back -= 1
        }
        if back < start - 1, back >= 0, text.tokens[back + 1].isCapitalized,
            Self.locativePrepositions.contains(text.tokens[back])
        {
            // "the governments in Berlin and Paris": rulers, as for one capital.
            return back > 0 && text.tokens[back].key == "in"
                && Self.governmentNouns.contains(text.tokens[back - 1])
        }
        var next = end
        // Skip a possessive "'s".
        if next < text.tokens.count, text.tokens[next].key == "s",
            text.tokens[next].start == text.tokens[next - 1].end + 1
        {
            next += 1
        }
        if next < text.tokens.count, Self.placeNouns.contains(text.tokens[next]) { return false }
        return true
    }
}
