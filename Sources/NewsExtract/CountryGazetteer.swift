import NewsLanguage

/// Country names, aliases, demonyms and capitals, normalized to ISO 3166-1 alpha-3.
///
/// Built once from the embedded data (`Data/countries-iso.tsv` and `Data/countries-common.tsv`) and
/// shared, immutable, by every worker.
struct CountryGazetteer: Sendable {
    /// How a form names its country; decides which context rules apply.
    enum FormKind: String, Sendable {
        case name
        case demonym
        case capital
        /// A phrase that contains a country form but names something else ("New Jersey").
        case blocked
    }

    struct Form: Sendable {
        var alpha3: String
        var kind: FormKind
        /// Per token of the form: 2 when the text must be all capitals (abbreviations such as "US"),
        /// 1 when it must start with a capital, 0 when any case will do ("of", "the").
        var caseRules: [UInt8]
    }

    let trie: PhraseTrie<Form>
    /// Canonical (common) name per alpha-3 code.
    let names: [String: String]
    /// The first demonym of each country ("Russian"), for the canonical names of its bodies.
    let demonyms: [String: String]

    /// Phrases that contain a country form but are not about the country. They are matched like forms and
    /// then dropped, so that the longest-match rule shields their parts.
    static let blockedPhrases = [
        "New Jersey", "New Mexico", "New South Wales", "Washington Post", "Washington Times", "Washington state",
        "Washington State", "George Washington", "University of Washington", "Jersey City", "Guinea pig",
        "Georgia Tech", "Paris Hilton", "Paris Agreement", "Paris Climate Agreement", "Turkey Day", "Chad Smith",
        "Jordan Peterson", "Michael Jordan", "Jordan River", "Indian Ocean", "American Express", "American Airlines",
        "Lima beans", "Hong Kong dollar", "North America", "South America", "Latin America", "Central America",
        "North American", "South American", "Latin American", "Central American", "Inner Mongolia",
    ]

    /// The shared instance, parsed from the embedded data on first use.
    static let shared = CountryGazetteer(iso: EmbeddedData.countriesISO, common: EmbeddedData.countriesCommon)

    init(iso: String, common: String) {
        var trie = PhraseTrie<Form>()
        var names: [String: String] = [:]
        var demonyms: [String: String] = [:]
        var seen = Set<String>()
        func add(_ form: String, _ alpha3: String, _ kind: FormKind) {
            let trimmed = form.trimmingCharacters()
            guard !trimmed.isEmpty, seen.insert(trimmed + "\u{1F}" + alpha3).inserted else { return }
            let tokens = TokenizedText.tokens(of: trimmed)
            let rules: [UInt8] = tokens.map { token in
                if token.isAllCaps && (token.end - token.start <= 4) { return 2 }
                return token.isCapitalized ? 1 : 0
            }
            trie.insert(tokens.map(\.key), payload: Form(alpha3: alpha3, kind: kind, caseRules: rules))
        }
        // The common layer first: its names are the canonical ones.
        for row in Self.rows(common) where row.count >= 3 {
            let kind = FormKind(rawValue: row[1]) ?? .name
            if kind == .name, names[row[0]] == nil { names[row[0]] = row[2] }
            if kind == .demonym, demonyms[row[0]] == nil { demonyms[row[0]] = row[2] }
            add(row[2], row[0], kind)
        }
        for row in Self.rows(iso) where row.count >= 5 {
            let alpha3 = row[0]
            // ISO's inverted names ("Korea, Republic of") and qualified ones ("Virgin Islands (British)") are
            // not how text names a country; its official names and common names are.
            for form in [row[2], row[3], row[4]] where !form.contains(",") && !form.contains("(") {
                add(form, alpha3, .name)
            }
            if names[alpha3] == nil { names[alpha3] = row[4].isEmpty ? row[2] : row[4] }
        }
        for phrase in Self.blockedPhrases { add(phrase, "", .blocked) }
        self.trie = trie
        self.names = names
        self.demonyms = demonyms
    }

    /// Data rows of a TSV with `#` comments and a header line.
    static func rows(_ tsv: String) -> [[String]] { TableRows.rows(tsv, skippingHeader: true) }
}

extension String {
    func trimmingCharacters() -> String {
        var view = Substring(self)
        while let first = view.first, first.isWhitespace { view = view.dropFirst() }
        while let last = view.last, last.isWhitespace { view = view.dropLast() }
        return String(view)
    }
}
