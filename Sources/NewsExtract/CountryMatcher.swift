import NewsModel

/// Finds countries in text: names, aliases, demonyms, and capitals standing for their government.
///
/// Rules (each has a test):
/// - Case: abbreviations match only in capitals ("US", not "us"); other forms need their capitalized words
///   capitalized ("Turkey", not "turkey"; "Chad" the country, not "chad").
/// - A capital stands for its country's government ("Tehran denied", "cut ties with Tehran") unless it is
///   used as a place: after a locative preposition ("in Tehran", "from Kabul") or before a place noun
///   ("Tehran's streets", "Washington suburbs").
/// - Forms inside hyphenated words count ("pro-Israel", "Iran-backed", "US-led"), since tokens split at "-".
/// - Phrases that contain a country word but name something else ("New Jersey", "Washington Post") are
///   matched as blocked phrases and dropped.
struct CountryMatcher: Sendable {
    let gazetteer: CountryGazetteer

    static let locativePrepositions: Set<String> = [
        "in", "at", "near", "outside", "inside", "around", "across", "into", "from", "within", "throughout", "via",
        "downtown", "central", "northern", "southern", "eastern", "western", "suburban", "greater", "visit", "visited",
        "visiting", "arrived", "landed", "flew",
    ]

    static let placeNouns: Set<String> = [
        "street", "streets", "airport", "residents", "resident", "university", "mayor", "city", "suburb", "suburbs",
        "metro", "subway", "hotel", "hospital", "stock", "exchange", "marathon", "district", "neighborhood",
        "neighbourhood", "area", "region", "province", "zoo", "museum", "fc", "club", "team", "police", "traffic",
        "office", "offices", "bureau", "correspondent", "based",
    ]

    func match(_ text: TokenizedText) -> [Entity] {
        let tokens = text.tokens
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

    private func isGovernmentUse(_ text: TokenizedText, start: Int, end: Int) -> Bool {
        if start > 0, Self.locativePrepositions.contains(text.tokens[start - 1].key) { return false }
        var next = end
        // Skip a possessive "'s".
        if next < text.tokens.count, text.tokens[next].key == "s",
            text.tokens[next].start == text.tokens[next - 1].end + 1
        {
            next += 1
        }
        if next < text.tokens.count, Self.placeNouns.contains(text.tokens[next].key) { return false }
        return true
    }
}
