import NewsLanguage

/// Organisations that no gazetteer lists and whose names do not say what they are, recognised by the
/// context the language layer finds them in: a proper-name phrase that a class noun describes ("Vistra, a
/// Texas-based utility", "the airline Ryanair", "gas company Naftogaz"), that owns a company's role or assets
/// ("Wedbush's chief executive", "shares of Vistra"), that people speak for or work at ("a spokeswoman for
/// Acme", "analysts at Wedbush"), or that speaks in a statement ("Vistra said in a statement").
///
/// Not an organisation: a name that starts with a given name or follows "Mr", "Ms", "Dr"; a word that ends
/// a person's name elsewhere in the text (a surname); a name any earlier rule has taken (countries, listed
/// groups, officials). The words of the contexts live in `Data/organization-context.tsv`.
struct OrganizationContext: Sendable {
    /// What a context found: the proper name's token range, the group type it implies, and the rule id.
    struct Found: Equatable {
        var range: Range<Int>
        var type: String
        var rule: String
    }

    /// Context words by list ("class", "possessive", "of", "for", "at", "statement"), each with the group
    /// type it implies ("" for none).
    let lists: [String: [String: String]]
    let givenNames: WordSet
    /// Every context word, in the forms a token may take (singular and plural), to choose the sentences to read.
    let cueKeys: WordSet

    static let shared = OrganizationContext(
        table: EmbeddedData.organizationContext, givenNames: EmbeddedData.givenNames)

    init(table: String, givenNames: String) {
        var lists: [String: [String: String]] = [:]
        for row in CountryGazetteer.rows(table) where row.count >= 2 && row[0] != "list" {
            lists[row[0], default: [:]][row[1]] = row.count > 2 ? row[2] : ""
        }
        self.lists = lists
        cueKeys = WordSet(
            Self.contextLists.compactMap { lists[$0] }.flatMap(\.keys).flatMap { [$0, $0 + "s", $0 + "es"] })
        self.givenNames = WordSet(
            CountryGazetteer.rows(givenNames).compactMap { $0.first?.lowercased() }.filter { $0 != "name" })
    }

    /// The lists whose words `find` reads in a sentence's phrases.
    static let contextLists = ["class", "possessive", "of", "for", "at", "statement"]

    static let personMarks: WordSet = ["mr", "mrs", "ms", "dr", "miss", "sir", "dame", "lord", "lady"]

    /// Whether the list `name` holds the noun `key`, as written or without a plural "s" ("lawmakers").
    func list(_ name: String, holdsNoun key: String) -> Bool {
        guard let list = lists[name] else { return false }
        return list[key] != nil || key.hasSuffix("s") && list[String(key.dropLast())] != nil
    }

    /// Whether a sentence is worth analysing: one of its tokens is a context word. O(tokens).
    func mayHold(_ tokens: ArraySlice<Token>) -> Bool {
        tokens.contains { cueKeys.contains($0) || $0.keyEnds(with: "maker") || $0.keyEnds(with: "makers") }
    }

    /// The organisations that contexts name in one analysed sentence. `taken` marks tokens earlier rules took;
    /// `surnames` holds the keys of words that end a person's name in the text. O(phrases of the sentence).
    func find(
        in analysis: SentenceAnalysis, text: TokenizedText, taken: [Bool], surnames: Set<String>
    ) -> [Found] {
        let words = analysis.words
        var found: [Found] = []
        /// The tokens of a proper name, when it is one that may be an organisation.
        func candidate(_ wordRange: Range<Int>?) -> Range<Int>? {
            guard var range = wordRange, !range.isEmpty else { return nil }
            while range.count > 1,
                words[range.upperBound - 1].lower == "'s" || words[range.upperBound - 1].lower == "’s"
            {
                range = range.lowerBound..<(range.upperBound - 1)
            }
            guard range.allSatisfy({ words[$0].tag == .properNoun && words[$0].isCapitalized }),
                let first = text.token(startingAt: words[range.lowerBound].start)
            else { return nil }
            var end = first
            while end < text.tokens.count, text.tokens[end].end <= words[range.upperBound - 1].end { end += 1 }
            guard end > first, (first..<end).allSatisfy({ !taken[$0] }) else { return nil }
            // A title before a name ("CEO Andy Vesey") is no part of it; a name that is only a legal form
            // ("Corp") names nothing.
            if OfficialMatcher.titleWords.contains(text.tokens[first]) { return nil }
            if (first..<end).allSatisfy({ Self.legalForms.contains(text.tokens[$0]) }) { return nil }
            let firstKey = text.tokens[first].key
            if givenNames.contains(firstKey) || end - first == 1 && surnames.contains(firstKey) { return nil }
            if range.lowerBound > 0, Self.personMarks.contains(words[range.lowerBound - 1].lower) { return nil }
            if OrganizationPattern.notNameStarts.contains(firstKey) || Self.calendarWords.contains(firstKey) {
                return nil
            }
            return first..<end
        }
        func add(_ range: Range<Int>?, _ type: String?, _ rule: String) {
            guard let range, !found.contains(where: { $0.range.overlaps(range) }) else { return }
            found.append(
                Found(range: range, type: type.flatMap { $0.isEmpty ? nil : $0 } ?? "organization", rule: rule))
        }
        func classType(_ word: Word) -> String? {
            guard word.tag == .noun else { return nil }
            if let type = lists["class"]?[word.lemma] ?? lists["class"]?[word.lower] { return type }
            return word.lower.hasSuffix("maker") ? "company" : nil
        }
        let phrases = analysis.nounPhrases
        for (index, phrase) in phrases.enumerated() {
            // "Wedbush's chief executive", "Vistra's shares".
            // Any word after the possessor may be the role: the tagger takes "executive" for an adjective at times.
            if let possessor = phrase.possessor,
                (possessor.upperBound..<phrase.range.upperBound).contains(where: {
                    lists["possessive"]?[words[$0].lemma] != nil || lists["possessive"]?[words[$0].lower] != nil
                })
            {
                add(candidate(possessor), nil, "context.possessive-role")
            }
            // "the airline Ryanair", "gas company Naftogaz": a class noun right before the name, inside one phrase.
            if let name = phrase.properName, name.upperBound == phrase.range.upperBound,
                name.lowerBound > phrase.range.lowerBound,
                let type = classType(words[name.lowerBound - 1])
            {
                add(candidate(name), type, "context.class-noun")
            }
            // "a Chinese front company, Dalian Yuxin Trading, that ...": the name after a comma closes the
            // class noun's phrase, and a comma or the sentence's end closes the name.
            if let determiner = phrase.determiner, ["a", "an"].contains(words[determiner].lower),
                phrase.head == phrase.range.upperBound - 1, let type = classType(words[phrase.head]),
                index + 1 < phrases.count
            {
                let next = phrases[index + 1]
                let after = next.range.upperBound
                if next.range.lowerBound == phrase.range.upperBound + 1, words[phrase.range.upperBound].form == ",",
                    let name = next.properName, name == next.range,
                    after == words.count || [",", ".", ";"].contains(words[after].form)
                {
                    add(candidate(name), type, "context.apposition-before")
                }
            }
            // "Vistra, a Texas-based utility": an indefinite phrase of a class noun after the name and a comma.
            if let name = phrase.properName, name.upperBound == phrase.range.upperBound, index + 1 < phrases.count {
                let next = phrases[index + 1]
                if next.range.lowerBound == phrase.range.upperBound + 1, words[phrase.range.upperBound].form == ",",
                    let determiner = next.determiner, ["a", "an"].contains(words[determiner].lower),
                    let type = classType(words[next.head])
                {
                    add(candidate(name), type, "context.apposition")
                }
            }
        }
        // "shares of Vistra", "a spokeswoman for Acme", "analysts at Wedbush".
        for preposition in analysis.prepositionalPhrases {
            let lower = words[preposition.preposition].lower
            guard let list = lists[lower], preposition.preposition > 0,
                let before = analysis.nounPhrase(containing: preposition.preposition - 1),
                phrases[before].range.upperBound == preposition.preposition,
                list[words[phrases[before].head].lemma] != nil
            else { continue }
            let object = phrases[preposition.object]
            guard let name = object.properName, name.upperBound == object.range.upperBound, object.possessor == nil
            else { continue }
            add(candidate(name), nil, "context.\(lower)-role")
        }
        // "Vistra said in a statement": the subject of "say" in a sentence with "in a statement".
        if let statement = words.indices.first(where: {
            $0 >= 2 && lists["statement"]?[words[$0].lower] != nil && words[$0 - 2].lower == "in"
                && ["a", "an"].contains(words[$0 - 1].lower)
        }) {
            for clause in analysis.clauses where clause.subjectSource == .direct {
                let group = analysis.verbGroups[clause.verbGroup]
                guard group.lemma == "say", group.head < statement, let subject = clause.subjects.first,
                    clause.subjects.count == 1
                else { continue }
                let phrase = phrases[subject]
                guard let name = phrase.properName,
                    name == phrase.range
                        || name.upperBound == phrase.range.upperBound
                            && phrase.determiner != nil && name.lowerBound == phrase.determiner! + 1
                else { continue }
                add(candidate(name), nil, "context.statement")
            }
        }
        return found
    }

    /// The words of a company's legal form.
    static let legalForms: WordSet = [
        "corp", "corporation", "inc", "co", "ltd", "llc", "plc", "ag", "sa", "nv", "gmbh", "group", "company",
        "holdings",
    ]

    /// Month and weekday names, capitalised but never organisations.
    static let calendarWords: WordSet = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
        "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ]
}
