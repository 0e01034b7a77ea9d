import NewsLanguage
import NewsModel

/// Finds groups in text: gazetteer names and aliases, bodies named after a country ("the Albanian
/// Parliament", "China's commerce ministry", "Iranian foreign ministry"), and acronyms defined in the text
/// ("the Cybersecurity and Infrastructure Security Agency (CISA)").
///
/// Rules (each has a test):
/// - Case as for countries: abbreviations only in capitals, capitalised words capitalised.
/// - A threat-actor alias that is an ordinary word needs cyber vocabulary within 30 tokens.
/// - A country word followed by a body noun is that country's body, named as written.
struct GroupMatcher: Sendable {
    let gazetteer: GroupGazetteer

    static let cyberWords: WordSet = [
        "hack", "hacks", "hacked", "hacker", "hackers", "hacking", "cyber", "cyberattack", "cyberattacks", "apt",
        "malware", "ransomware", "phishing", "espionage", "threat", "actor", "actors", "intrusion", "intrusions",
        "exploit", "exploited", "breach", "breached", "spyware", "backdoor", "botnet", "ddos", "campaign", "campaigns",
        "attribution", "attributed",
    ]

    /// Nouns that make "<country> <noun>" a body of that country.
    static let bodyNouns: WordSet = [
        "parliament", "senate", "congress", "ministry", "military", "army", "navy", "police",
        "judiciary", "court", "treasury", "customs", "guard",
    ]
    static let militaryNouns: WordSet = ["military", "army", "navy"]
    /// Words between a country and a body noun ("foreign ministry", "defence ministry", "central bank").
    static let bodyModifiers: WordSet = [
        "foreign", "defence", "defense", "interior", "finance", "commerce", "trade", "justice", "health", "economy",
        "supreme", "central", "national", "federal", "armed", "state", "border", "coast", "air", "security",
    ]

    /// The country named right before a token, as a word ("German Foreign Office") or a possessive ("Germany's
    /// Foreign Office"), with only spaces between.
    private func countryBefore(_ start: Int, ends: [Int: String], in text: TokenizedText) -> String? {
        guard start > 0 else { return nil }
        var previous = start - 1
        if text.tokens[previous].key == "s", previous > 0 { previous -= 1 }
        guard let country = ends[text.tokens[previous].end],
            text.onlySpaceBetween(text.tokens[start - 1].end, text.tokens[start].start)
        else { return nil }
        return country
    }

    /// The groups of `text`. `analyses`: the language layer's analyses of its sentences, shared with the event
    /// coder; without them, the matcher analyses the sentences it reads itself.
    func match(_ text: TokenizedText, countries: [Entity], analyses: SentenceAnalyses? = nil) -> [Entity] {
        let tokens = text.tokens
        var order: [String] = []
        var found: [String: Entity] = [:]
        func record(
            _ id: String, _ name: String, _ country: String?, _ type: String, _ first: Int, _ end: Int, _ rule: String
        ) {
            let start = tokens[first].start
            let stop = tokens[end - 1].end
            let mention = Mention(text: text.text(from: start, to: stop), start: start, end: stop, rule: rule)
            if found[id] == nil {
                order.append(id)
                found[id] = Entity(id: id, kind: .group, name: name, country: country, type: type, mentions: [])
            }
            found[id]!.mentions.append(mention)
        }
        var covered = [Bool](repeating: false, count: tokens.count)
        let analyses = analyses ?? SentenceAnalyses(text: text, sentences: SentenceSplitter().split(text))
        // Where each country mention ends: "The German Foreign Office" is Germany's office, not the Foreign
        // Office of the gazetteer (the United Kingdom's).
        let countryEnds = Dictionary(
            countries.flatMap { entity in entity.mentions.map { ($0.end, entity.id) } }, uniquingKeysWith: { $1 })
        for match in gazetteer.matches(in: tokens, accept: { accepts($0, in: text) }) {
            guard let form = match.payloads.first(where: { fits($0, match: match, in: text) }) else { continue }
            if let country = form.country, let before = countryBefore(match.start, ends: countryEnds, in: text),
                before != country
            {
                continue
            }
            // A news outlet cited as a source ("told Reuters", "according to the AP", "CNN reported") is not a
            // party to the story; one that acts or publishes ("as reported by Tech Monitor") is.
            // Its words are no other group's either ("the state-run Xinhua News Agency" is no name-shaped agency).
            if form.kind == "media", isCitation(first: match.start, end: match.end, in: text) {
                for index in match.start..<match.end { covered[index] = true }
                continue
            }
            // "US military aid": a body's name before a noun for a thing modifies it.
            if form.kind == "military" || form.kind == "government",
                Self.bodyNouns.contains(tokens[match.end - 1]), modifiesThing(match.end - 1, analyses: analyses)
            {
                continue
            }
            record(form.id, form.name, form.country, form.kind, match.start, match.end, form.kind)
            for index in match.start..<match.end { covered[index] = true }
        }
        partiesByAdjective(text, covered: &covered, record: record)
        chambers(text, covered: &covered, known: order.compactMap { found[$0] }, record: record)
        // "<country> [modifiers] <body noun> [of <Name>]": the body, named as written.
        let countryStarts = Dictionary(
            countries.flatMap { entity in entity.mentions.map { ($0.start, (entity.id, $0.end)) } },
            uniquingKeysWith: { $1 })
        for (index, token) in tokens.enumerated() where !covered[index] {
            guard let (country, mentionEnd) = countryStarts[token.start] else { continue }
            var position = index
            while position < tokens.count, tokens[position].end <= mentionEnd { position += 1 }
            let possessive = position < tokens.count && tokens[position].key == "s"
            if possessive { position += 1 }
            var sawModifier = 0
            while position < tokens.count, Self.bodyModifiers.contains(tokens[position]), sawModifier < 2 {
                position += 1
                sawModifier += 1
            }
            // "office" and "guard" need their modifier: "the German Foreign Office", "Vietnam's coast guard", not
            // "Iran's office".
            let needsModifier = position < tokens.count && ["office", "guard"].contains(tokens[position].key)
            guard position < tokens.count, !covered[position],
                Self.bodyNouns.contains(tokens[position]) && !needsModifier || sawModifier > 0 && needsModifier,
                !modifiesThing(position, analyses: analyses)
            else {
                continue
            }
            var end = position + 1
            // "Ministry of Foreign Affairs": the capitalised complement belongs to the name.
            if end + 1 < tokens.count, tokens[end].key == "of", tokens[end + 1].isCapitalized {
                end += 2
                while end < tokens.count, tokens[end].isCapitalized || tokens[end].key == "and" { end += 1 }
            }
            // A possessive names the body as its country's: "Russia's foreign ministry" is the Russian Foreign
            // Ministry, the name "the Russian foreign ministry" gives too. Other forms stay as written.
            let written = text.text(from: tokens[index].start, to: tokens[end - 1].end)
            let body = tokens[(position - sawModifier)...position].map { text.text(from: $0.start, to: $0.end) }
            let name =
                possessive && end == position + 1
                ? CountryGazetteer.shared.demonyms[country].map { demonym in
                    ([demonym] + body.map { $0.prefix(1).uppercased() + $0.dropFirst() }).joined(separator: " ")
                } ?? written : written
            let type = Self.militaryNouns.contains(tokens[position]) ? "military" : "government"
            record("\(country.lowercased())-" + tokens[position].key, name, country, type, index, end, "country-body")
            for covering in index..<end { covered[covering] = true }
        }
        // Names shaped like organisations that no gazetteer lists, after country-named bodies have been taken.
        // Units named with their parent's acronym, by the name without it: "the Office of Inspector General"
        // after "the DHS Office of Inspector General" is that office.
        var units: [[String]: (id: String, name: String)] = [:]
        for var range in OrganizationPattern.find(in: text, covered: covered) {
            let unitKeys = tokens[range].map(\.key)
            var rule = "name-shape"
            // "the DHS Office of Inspector General": a unit's name starts with its parent's acronym.
            if Self.unitHeads.contains(tokens[range.lowerBound]), range.lowerBound > 0,
                covered[range.lowerBound - 1], tokens[range.lowerBound - 1].isAllCaps,
                text.onlySpaceBetween(tokens[range.lowerBound - 1].end, tokens[range.lowerBound].start)
            {
                range = (range.lowerBound - 1)..<range.upperBound
                rule = "name-shape.unit"
            }
            var name = text.text(from: tokens[range.lowerBound].start, to: tokens[range.upperBound - 1].end)
            var id = "org:" + tokens[range].map(\.key).joined(separator: "-")
            if rule == "name-shape.unit" {
                units[unitKeys] = units[unitKeys] ?? (id, name)
            } else if let unit = units[unitKeys] {
                (id, name) = unit
                rule = "name-shape.unit-again"
            }
            record(id, name, nil, "organization", range.lowerBound, range.upperBound, rule)
            for index in range { covered[index] = true }
        }
        // "companies Astrobotic, Intuitive Machines and Orbit Beyond": companies by the list they stand in.
        var named: [[String]: (id: String, name: String, type: String, rule: String)] = [:]
        for range in OrganizationPattern.listedCompanies(in: text, covered: covered) {
            let keys = tokens[range].map(\.key)
            let name = text.text(from: tokens[range.lowerBound].start, to: tokens[range.upperBound - 1].end)
            if named[keys] == nil { named[keys] = ("org:" + keys.joined(separator: "-"), name, "company", "listed") }
        }
        // Names that their context makes organisations ("Vistra, a Texas-based utility", "analysts at Wedbush").
        let context = OrganizationContext.shared
        let surnames = Self.surnames(in: text, givenNames: context.givenNames)
        for (index, sentence) in analyses.sentences.enumerated()
        where context.mayHold(tokens[sentence.firstToken..<sentence.endToken]) {
            let found = context.find(
                in: analyses.analysis(index), text: text, taken: covered, surnames: surnames)
            for organization in found {
                let keys = tokens[organization.range].map(\.key)
                // A name a gazetteer lists was judged by its entry (a news agency cited as a source, a country).
                guard !gazetteer.contains(keys), !CountryGazetteer.shared.trie.contains(keys) else { continue }
                let name = text.text(
                    from: tokens[organization.range.lowerBound].start, to: tokens[organization.range.upperBound - 1].end
                )
                let id = "org:" + keys.joined(separator: "-")
                record(
                    id, name, nil, organization.type, organization.range.lowerBound, organization.range.upperBound,
                    organization.rule)
                for index in organization.range { covered[index] = true }
                if named[keys] == nil { named[keys] = (id, name, organization.type, "context.repeat") }
            }
        }
        // A name of two or more words whose first word is no dictionary word stands for it alone later in the
        // text ("Tyvak Nano-Satellite Systems ... Tyvak"), and so do the initials of a name of three or more
        // capitalised words, written in capitals ("Commercial Orbital Transportation Services ... COTS"); a word
        // or acronym that two names share is left alone.
        var short: [String: (id: String, name: String, type: String, first: Int, initials: Bool)] = [:]
        var ambiguous = Set<String>()
        for id in order {
            let entity = found[id]!
            guard entity.id.hasPrefix("org:"), let mention = entity.mentions.first,
                let first = tokens.index(where: \.start, is: mention.start),
                let last = tokens.index(where: \.end, is: mention.end), last > first
            else { continue }
            let capitals = tokens[first...last].filter {
                $0.isCapitalized && !OrganizationPattern.connectors.contains($0)
            }
            var keys: [(String, Bool)] = []
            if !LanguageAnalyzer.shared.isDictionaryWord(tokens[first].key), tokens[first].key.count >= 3 {
                keys.append((tokens[first].key, false))
            }
            if capitals.count >= 3 { keys.append((String(capitals.compactMap { $0.key.first }), true)) }
            for (key, initials) in keys {
                if let other = short[key], other.id != id { ambiguous.insert(key) }
                short[key] = (id, entity.name, entity.type ?? "organization", last + 1, initials)
            }
        }
        for (index, token) in tokens.enumerated() where !covered[index] && token.isCapitalized {
            guard let group = short[token.key], !ambiguous.contains(token.key), index >= group.first,
                !group.initials || token.isAllCaps, Self.standsAlone(index..<(index + 1), in: text)
            else { continue }
            record(group.id, group.name, nil, group.type, index, index + 1, "alias.short-name")
            covered[index] = true
        }
        // The same names elsewhere in the text, capitalised as found and standing alone.
        if !named.isEmpty {
            for start in tokens.indices where tokens[start].isCapitalized && !covered[start] {
                for (keys, group) in named where start + keys.count <= tokens.count {
                    let range = start..<(start + keys.count)
                    guard range.allSatisfy({ !covered[$0] && tokens[$0].isCapitalized }),
                        zip(range, keys).allSatisfy({ tokens[$0].key == $1 }), Self.standsAlone(range, in: text)
                    else { continue }
                    record(group.id, group.name, nil, group.type, range.lowerBound, range.upperBound, group.rule)
                    for index in range { covered[index] = true }
                    break
                }
            }
        }
        // "the Cybersecurity and Infrastructure Security Agency (CISA)": the acronym names the group from then on.
        var acronyms: [String: (id: String, name: String, country: String?, type: String?)] = [:]
        for id in order {
            let entity = found[id]!
            for mention in entity.mentions {
                guard let last = tokens.index(where: \.end, is: mention.end), last + 1 < tokens.count else {
                    continue
                }
                let acronym = tokens[last + 1]
                guard acronym.isAllCaps, acronym.end - acronym.start >= 2, !covered[last + 1],
                    text.scalars[tokens[last].end..<acronym.start].contains("("),
                    last + 2 >= tokens.count || text.scalars[acronym.end..<tokens[last + 2].start].contains(")")
                        || acronym.end < text.scalars.count && text.scalars[acronym.end] == ")"
                else { continue }
                acronyms[acronym.key] = (entity.id, entity.name, entity.country, entity.type)
            }
        }
        if !acronyms.isEmpty {
            for (index, token) in tokens.enumerated() where !covered[index] && token.isAllCaps {
                guard let group = acronyms[token.key] else { continue }
                record(group.id, group.name, group.country, group.type ?? "organization", index, index + 1, "acronym")
                covered[index] = true
            }
        }
        for id in order where id.hasPrefix("org:") && found[id]?.type == "organization" {
            if let type = found[id]!.mentions.lazy.compactMap({ self.appositionType(after: $0, in: text) }).first {
                found[id]!.type = type
            }
        }
        unnamedGroups(text, countries: countries, covered: covered, record: record)
        return order.compactMap { found[$0] }.filter { !isVenueOnly($0, in: text) && !isMediumOnly($0, in: text) }
    }

    /// "Democratic lawmakers", "a Republican senator", "the Democratic-controlled House": a party's adjective
    /// (its name without "Party") before a word of the party's roles names the party; so does a member's
    /// noun ("Democrat", "Republican") before one. The adjective must not end a longer capitalised name
    /// ("Social Democratic lawmakers"), nor start a sentence, where any word is capitalised.
    private func partiesByAdjective(
        _ text: TokenizedText, covered: inout [Bool],
        record: (String, String, String?, String, Int, Int, String) -> Void
    ) {
        let tokens = text.tokens
        let context = OrganizationContext.shared
        for index in tokens.indices.dropFirst().dropLast() where tokens[index].isCapitalized && !covered[index] {
            let previous = tokens[index - 1]
            let next = tokens[index + 1]
            // "former Liberal Democrat leader Nick Clegg": a party's name of two words without "Party".
            if index + 2 < tokens.count, !previous.isCapitalized, next.isCapitalized, !covered[index + 1],
                !text.opens(index, after: Self.capitalizingMarks),
                text.onlySpaceBetween(tokens[index].end, next.start),
                text.onlySpaceBetween(next.end, tokens[index + 2].start),
                !tokens[index + 2].isCapitalized, context.list("party-role", holdsNoun: tokens[index + 2].key)
            {
                let keys = [tokens[index].key, next.key]
                let forms = (gazetteer.forms(of: keys + ["party"]) + gazetteer.forms(of: [keys[0], keys[1] + "s"]))
                    .filter { $0.kind == "political_party" }
                if let form = forms.first, forms.allSatisfy({ $0.id == form.id }) {
                    record(form.id, form.name, form.country, form.kind, index, index + 2, "party.adjective")
                    covered[index] = true
                    covered[index + 1] = true
                    continue
                }
            }
            // "Republican Gov. Eric Holcomb", "Democrat Andy Beshear": a party's word before a title and a name,
            // or before a given name, labels the person ("the Republican Governors Association" is another name).
            let labelsPerson =
                next.isCapitalized && text.onlySpaceBetween(tokens[index].end, next.start)
                && (context.givenNames.contains(next)
                    || context.list("party-title", holdsNoun: next.key) && !next.key.hasSuffix("s")
                        && index + 2 < tokens.count && tokens[index + 2].isCapitalized)
            guard !next.isCapitalized || labelsPerson, !text.opens(index, after: Self.capitalizingMarks),
                !previous.isCapitalized
                    || Self.partyQuantifiers.contains(previous)
                        && text.opens(index - 1, after: Self.capitalizingMarks)
            else { continue }
            let gap = text.scalars[tokens[index].end..<next.start]
            let role: Bool
            if labelsPerson {
                role = true
            } else if gap.elementsEqual(["-"]) {
                role = ["controlled", "led", "held", "dominated", "run", "majority"].contains(next.key)
            } else if gap.elementsEqual([" "]) {
                role = OrganizationContext.shared.list("party-role", holdsNoun: next.key)
            } else {
                role = false
            }
            guard role else { continue }
            // "Democratic" for "Democratic Party", "Democrat" for the members' "Democrats": one party only.
            let forms =
                (gazetteer.forms(of: [tokens[index].key, "party"]) + gazetteer.forms(of: [tokens[index].key + "s"]))
                .filter { $0.kind == "political_party" }
            guard let form = forms.first, forms.allSatisfy({ $0.id == form.id }) else { continue }
            record(form.id, form.name, form.country, form.kind, index, index + 1, "party.adjective")
            covered[index] = true
        }
    }

    /// "the Senate", "the House voted", "asked Parliament to": a legislature's chamber named by its noun alone
    /// (the context table's `chamber` list), capitalised, after "the" (or, but for "House", standing alone
    /// inside a sentence), with no capitalised word or "of" after it ("the House Intelligence Committee", "the
    /// House of Saud" are other names). It is the legislative body the text named in full with that noun ("the U.S.
    /// Senate ... the Senate", "the House of Representatives ... the House"); else a group of its own, whose
    /// country the text does not say.
    private func chambers(
        _ text: TokenizedText, covered: inout [Bool], known: [Entity],
        record: (String, String, String?, String, Int, Int, String) -> Void
    ) {
        let tokens = text.tokens
        let context = OrganizationContext.shared
        for index in tokens.indices where !covered[index] && tokens[index].isCapitalized && !tokens[index].isAllCaps {
            let key = tokens[index].key
            guard context.list("chamber", holdsNoun: key), !key.hasSuffix("s"),
                index + 1 >= tokens.count || !tokens[index + 1].isCapitalized && tokens[index + 1].key != "of"
            else { continue }
            let afterThe = index > 0 && tokens[index - 1].key == "the" && !tokens[index - 1].isCapitalized
            guard
                afterThe
                    || key != "house" && index > 0 && !tokens[index - 1].isCapitalized
                        && !text.opens(index, after: Self.capitalizingMarks)
            else { continue }
            let name = text.text(from: tokens[index].start, to: tokens[index].end)
            // A legislature's body (never "the White House", the executive) named as "... Senate" or "House of ...".
            if let whole = known.first(where: { entity in
                entity.type == "government_agency"
                    && ([entity.name] + entity.mentions.map(\.text)).contains { form in
                        let lower = form.lowercased()
                        return lower.hasSuffix(" " + key) || lower.hasPrefix(key + " of ")
                    }
            }) {
                record(
                    whole.id, whole.name, whole.country, whole.type ?? "government_agency", index, index + 1,
                    "chamber.named-before")
            } else {
                record("org:" + key, name, nil, "government_agency", index, index + 1, "chamber")
            }
            covered[index] = true
        }
    }

    /// The group type that an indefinite apposition's class noun gives a name found by its shape: "Jordan
    /// Health Partners, a hospital operator based in Georgia" is a company. The class noun is the first
    /// noun of the context table's classes within four words after "a" or "an".
    private func appositionType(after mention: Mention, in text: TokenizedText) -> String? {
        let tokens = text.tokens
        guard let classes = OrganizationContext.shared.lists["class"],
            let last = tokens.index(where: \.end, is: mention.end), last + 2 < tokens.count,
            text.scalars[tokens[last].end..<tokens[last + 1].start].elementsEqual(", ".unicodeScalars),
            ["a", "an"].contains(tokens[last + 1].key)
        else { return nil }
        for index in (last + 2)..<min(tokens.count, last + 6) {
            guard !tokens[index].isCapitalized || index == last + 2,
                text.scalars[tokens[index - 1].end..<tokens[index].start].allSatisfy({ $0 == " " || $0 == "-" })
            else { return nil }
            if let type = classes[tokens[index].key] { return type.isEmpty ? nil : type }
        }
        return nil
    }

    /// Words that may stand capitalised before a party's adjective at the start of a sentence: "Several
    /// Democratic lawmakers", "The Republican nominee".
    static let partyQuantifiers: WordSet = [
        "the", "a", "an", "several", "many", "some", "most", "all", "few", "both", "other", "two", "three", "four",
        "five", "dozens", "top", "senior", "leading",
    ]

    /// Marks after which any word is capitalised: a sentence's or clause's end, a line break, a quotation mark.
    static let capitalizingMarks = ".!?:;\n\"“"

    /// Whether the body noun at token `index` modifies a noun for a thing rather than naming the body: "US
    /// military aid", "Russian military equipment" (but "US military officials" names it: a person's noun).
    private func modifiesThing(_ index: Int, analyses: SentenceAnalyses) -> Bool {
        guard index + 1 < analyses.text.tokens.count else { return false }
        let next = analyses.text.tokens[index + 1]
        guard !next.isCapitalized, analyses.text.onlySpaceBetween(analyses.text.tokens[index].end, next.start),
            let sentence = analyses.sentences.firstIndex(where: {
                $0.firstToken <= index + 1 && index + 1 < $0.endToken
            })
        else { return false }
        let analysis = analyses.analysis(sentence)
        // The tagger's noun must be one in WordNet too: "urged" before a quotation mark is taken for a noun.
        guard let word = analysis.words.first(where: { $0.start == next.start }), word.tag == .noun,
            LanguageAnalyzer.shared.isDictionaryNoun(word.lemma)
        else {
            return false
        }
        return !Self.personNouns.contains(word.lemma) && !Self.personNouns.contains(word.lower)
    }

    /// Nouns for people, after which a body noun names the body ("military officials").
    static let personNouns: WordSet = [
        "official", "officer", "leader", "commander", "chief", "spokesman", "spokeswoman", "spokesperson", "source",
        "personnel", "staff", "member", "adviser", "advisor", "analyst", "expert", "general", "head", "figure",
    ]

    /// Heads of names that are places as well as bodies: a university, school, hospital or prison named only
    /// as where something happens ("inside the Polytechnic University") is a venue, not a party to the story.
    static let venueHeads: WordSet = [
        "university", "college", "school", "hospital", "clinic", "prison", "jail", "campus", "stadium", "airport",
        "academy", "centre", "center",
    ]
    static let venuePrepositions: WordSet = ["in", "inside", "outside", "near", "into", "around", "onto", "toward"]

    /// Whether every mention of a group whose name ends in a venue's head follows a preposition of place.
    private func isVenueOnly(_ entity: Entity, in text: TokenizedText) -> Bool {
        guard
            entity.mentions.contains(where: {
                Self.venueHeads.contains(($0.text.split(separator: " ").last.map { $0.lowercased() } ?? ""))
            })
        else { return false }
        return entity.mentions.allSatisfy { mention in
            guard let first = text.tokens.index(where: \.start, is: mention.start) else { return false }
            var before = first - 1
            if before >= 0, ["the", "a"].contains(text.tokens[before].key) { before -= 1 }
            return before >= 0 && Self.venuePrepositions.contains(text.tokens[before])
        }
    }

    /// Whether every mention of a social platform is the medium of what is said: "posted on Twitter", "via
    /// Facebook", "the Twitter handle of the Senate", "on Facebook, Twitter and Instagram".
    private func isMediumOnly(_ entity: Entity, in text: TokenizedText) -> Bool {
        let lists = OrganizationContext.shared.lists
        guard let platforms = lists["platform"],
            entity.mentions.contains(where: { platforms[$0.text.lowercased()] != nil })
        else { return false }
        let tokens = text.tokens
        return entity.mentions.allSatisfy { mention in
            guard let first = tokens.index(where: \.start, is: mention.start),
                let last = tokens.index(where: \.end, is: mention.end)
            else { return false }
            if last + 1 < tokens.count, !tokens[last + 1].isCapitalized,
                OrganizationContext.shared.list("medium", holdsNoun: tokens[last + 1].key)
            {
                return true
            }
            // Back over a list of platforms ("on Facebook, Twitter and Instagram") to its preposition.
            var before = first - 1
            while before >= 1,
                ["and", "or"].contains(tokens[before].key) || platforms[tokens[before].key] != nil
                    || tokens[before].key == "the"
            {
                before -= 1
            }
            return before >= 0 && ["on", "via", "onto", "across", "through"].contains(tokens[before].key)
        }
    }

    /// The first words of a unit's name, which its parent's acronym may precede ("DHS Office of Inspector
    /// General", "NASA Science Mission Directorate" does not start with one and keeps its own name).
    static let unitHeads: WordSet = [
        "office", "bureau", "division", "directorate", "department", "unit", "branch", "command", "center", "centre",
    ]

    /// Nouns for groups that a text types but does not name ("Iranian APT actors", "pro-Israel hackers").
    static let unnamedHeads: WordSet = ["hackers", "hacktivists", "attackers", "actors", "operators", "hacker"]
    static let unnamedModifiers: WordSet = [
        "state", "sponsored", "backed", "government", "apt", "threat", "cyber", "hacking", "ransomware", "criminal",
        "linked", "aligned", "nation",
    ]

    /// Groups that the text types without naming: a country's name or demonym, or "pro-<country>", then
    /// modifiers and a noun such as "hackers". They carry the country (or, for "pro-", none: a stance is not an
    /// origin) and their id says they are unnamed ("unnamed:irn-threat-actors"); no name is invented.
    private func unnamedGroups(
        _ text: TokenizedText, countries: [Entity], covered: [Bool],
        record: (String, String, String?, String, Int, Int, String) -> Void
    ) {
        let tokens = text.tokens
        var countryAt: [Int: (code: String, end: Int)] = [:]
        for entity in countries {
            for mention in entity.mentions {
                guard let first = tokens.index(where: \.start, is: mention.start),
                    let last = tokens.index(where: \.end, is: mention.end)
                else { continue }
                countryAt[first] = (entity.id, last + 1)
            }
        }
        for (first, country) in countryAt.sorted(by: { $0.key < $1.key }) {
            let stance = first > 0 && tokens[first - 1].key == "pro" && tokens[first - 1].end + 1 == tokens[first].start
            var position = country.end
            var modifiers = 0
            while position < tokens.count, Self.unnamedModifiers.contains(tokens[position]), modifiers < 3 {
                position += 1
                modifiers += 1
            }
            guard position < tokens.count, Self.unnamedHeads.contains(tokens[position]), !covered[position],
                tokens[position].key != "actors" || modifiers > 0
            else { continue }
            let start = stance ? first - 1 : first
            let id =
                "unnamed:" + (stance ? "pro-" : "") + country.code.lowercased() + "-"
                + tokens[country.end...position].map(\.key).joined(separator: "-")
            let name = text.text(from: tokens[start].start, to: tokens[position].end)
            record(id, name, stance ? nil : country.code, "threat_actor", start, position + 1, "unnamed-typed")
        }
    }

    /// Whether tokens `range` are not part of a longer capitalised name: no capitalised word joins them by a
    /// space on either side.
    static func standsAlone(_ range: Range<Int>, in text: TokenizedText) -> Bool {
        let tokens = text.tokens
        func joined(_ left: Int, _ right: Int) -> Bool {
            text.scalars[tokens[left].end..<tokens[right].start].allSatisfy { $0 == " " }
        }
        let after = range.upperBound
        let before = range.lowerBound - 1
        return (after == tokens.count || !tokens[after].isCapitalized || !joined(after - 1, after))
            && (before < 0 || !tokens[before].isCapitalized || !joined(before, before + 1))
    }

    /// The keys of words that end a person's name in the text: the last of two to four capitalised words,
    /// separated by single spaces, the first of which is a given name ("Sara Lin" makes "lin" a surname).
    static func surnames(in text: TokenizedText, givenNames: WordSet) -> Set<String> {
        let tokens = text.tokens
        var surnames = Set<String>()
        for start in tokens.indices where tokens[start].isCapitalized && givenNames.contains(tokens[start]) {
            var end = start + 1
            while end < tokens.count, end - start < 4, tokens[end].isCapitalized,
                text.scalars[tokens[end - 1].end..<tokens[end].start].elementsEqual(" ".unicodeScalars)
            {
                end += 1
            }
            if end - start >= 2 { surnames.insert(tokens[end - 1].key) }
        }
        return surnames
    }

    static let citationVerbs: WordSet = [
        "reported", "reports", "said", "says", "poll", "survey", "analysis", "found",
    ]

    /// Two words before an outlet that make it the reporter: "contacted by", "interview with", "spoke to".
    static let citationPhrases: Set<[String]> = [
        ["contacted", "by"], ["interview", "with"], ["interviews", "with"], ["spoke", "to"], ["speaking", "to"],
        ["talking", "to"], ["leaked", "to"], ["statement", "to"], ["comment", "to"], ["reviewed", "by"],
        ["seen", "by"], ["obtained", "by"],
    ]

    private func isCitation(first: Int, end: Int, in text: TokenizedText) -> Bool {
        let tokens = text.tokens
        let before = first > 0 ? tokens[first - 1].key : ""
        let twoBefore = first > 1 ? tokens[first - 2].key : ""
        if before == "told" || (before == "to" && twoBefore == "according") || (before == "the" && twoBefore == "told")
        {
            return true
        }
        // "when contacted by Reuters", "in an interview with the AP", "spoke to CNN", "leaked to the New York
        // Times", "an email seen by Reuters": the outlet reports, it is no party.
        let reached =
            first > 1 && before == "the" ? (twoBefore, first > 2 ? tokens[first - 3].key : "") : (before, twoBefore)
        if Self.citationPhrases.contains([reached.1, reached.0]) { return true }
        // "according to the state-run Xinhua News Agency": lower-case words between.
        var back = first - 1
        while back >= 1, first - back <= 4, !tokens[back].isCapitalized, tokens[back].key != "to" { back -= 1 }
        if back >= 1, tokens[back].key == "to", tokens[back - 1].key == "according" {
            return true
        }
        // A credit in parentheses: "WASHINGTON (AP) —", "(Reuters) —" opening the text.
        if text.scalars[(first > 0 ? tokens[first - 1].end : 0)..<tokens[first].start].contains("(") { return true }
        return end < tokens.count && Self.citationVerbs.contains(tokens[end])
    }

    /// Words separated only by spaces, hyphens, periods or apostrophes, and some form's case fits.
    private func accepts(_ match: PhraseTrie<GroupGazetteer.Form>.Match, in text: TokenizedText) -> Bool {
        for index in match.start..<(match.end - 1) {
            let gap = text.scalars[text.tokens[index].end..<text.tokens[index + 1].start]
            guard gap.count <= 2,
                gap.allSatisfy({ $0 == " " || $0 == "." || $0 == "-" || $0 == "'" || $0 == "’" || $0 == "&" })
            else {
                return false
            }
        }
        return match.payloads.contains { fits($0, match: match, in: text) }
    }

    private func fits(
        _ form: GroupGazetteer.Form, match: PhraseTrie<GroupGazetteer.Form>.Match, in text: TokenizedText
    ) -> Bool {
        for (offset, rule) in form.caseRules.enumerated() {
            let token = text.tokens[match.start + offset]
            if rule == 2 && !token.isAllCaps { return false }
            if rule == 1 && !token.isCapitalized { return false }
        }
        if form.needsCyberContext {
            let from = max(0, match.start - 30)
            let to = min(text.tokens.count, match.end + 30)
            return text.tokens[from..<to].contains { Self.cyberWords.contains($0) }
        }
        return true
    }
}
