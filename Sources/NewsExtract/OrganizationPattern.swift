import NewsLanguage

/// Organisations that no gazetteer lists, recognised by the shape of their names: a run of capitalised words
/// (with "of", "for", "and", "on", "&" inside) that ends in an organisation noun ("Department of Health and
/// Human Services", "California Public Utilities Commission", "Ceres Robotics", "American Enterprise
/// Institute"), or that starts with one and continues with "of" ("University of Miami", "Ministry of
/// Commerce").
enum OrganizationPattern {
    static let headNouns: WordSet = [
        "agency", "administration", "association", "assembly", "authority", "board", "bureau", "coalition",
        "college", "commission", "committee", "company", "corporation", "corp", "council", "court", "department",
        "directorate", "exchange", "federation", "forum", "foundation", "garrison", "group", "inc", "institute",
        "league", "ministry", "network", "office", "organization", "organisation", "party", "police", "school",
        "service", "services", "society", "systems", "university", "robotics", "aerospace", "airlines",
        "motors", "technologies", "laboratories", "labs", "partners", "capital", "holdings", "industries",
        "academy", "tribunal", "parliament", "senate", "guard", "command", "corps", "sheriff", "airways",
        "hospital", "clinic", "club", "fc", "pharmaceuticals", "therapeutics", "biosciences", "securities",
        "investments", "ventures", "logistics", "petroleum", "communications", "electronics", "establishment",
    ]
    static let connectors: WordSet = ["of", "for", "and", "on", "the", "de", "del"]
    /// Capitalised words that start sentences or titles rather than names.
    static let notNameStarts: WordSet = [
        "the", "a", "an", "in", "on", "at", "for", "and", "but", "or", "as", "by", "this", "that", "these", "those",
        "his", "her", "its", "their", "our", "my", "your", "when", "while", "after", "before", "if", "mr", "mrs", "ms",
        "dr", "former", "new", "said", "says", "president", "minister", "secretary", "senator", "governor",
    ]

    /// "New York State Attorney General", "California Attorney General": a state's attorney general is its
    /// office, where "Attorney General Letitia James" is a title.
    static func isStateAttorneyGeneral(_ tokens: [Token], at last: Int, from start: Int) -> Bool {
        guard tokens[last].key == "general", last - 2 >= start, tokens[last - 1].key == "attorney" else { return false }
        let before = tokens[last - 2].key
        return before == "state" || OfficialMatcher.usStates.contains(before)
            || last - 3 >= start && OfficialMatcher.usStates.contains(tokens[last - 3].key + " " + before)
    }

    /// One-word US states as addresses write them ("Kent, Washington"): the states of `OfficialMatcher`, which
    /// leaves out Washington, a capital too.
    static let addressStates = WordSet(Array(OfficialMatcher.usStates) + ["washington"])

    /// Owners whose possessive stays inside an office's name: "Governor's Office", "Sheriff's Department",
    /// "Attorney's Office", "Children's Hospital".
    static let possessiveOwners: WordSet = [
        "governor", "sheriff", "attorney", "attorneys", "mayor", "president", "prosecutor", "comptroller",
        "controller", "auditor", "commissioner", "chancellor", "coroner", "marshal", "marshals", "treasurer", "clerk",
        "children", "women", "people", "veterans", "workers",
    ]

    /// Whether token `index` is the "s" of an owner's possessive inside a name: an owner word before it, an
    /// apostrophe between, and a capitalised word after it.
    static func isOwnerPossessive(at index: Int, in text: TokenizedText) -> Bool {
        let tokens = text.tokens
        guard tokens[index].key == "s", index >= 1,
            index + 1 < tokens.count,
            possessiveOwners.contains(tokens[index - 1]), tokens[index - 1].isCapitalized,
            tokens[index + 1].isCapitalized
        else { return false }
        let gap = text.scalars[tokens[index - 1].end..<tokens[index].start]
        return gap.count == 1 && (gap.first == "'" || gap.first == "’")
            && text.onlySpaceBetween(tokens[index].end, tokens[index + 1].start)
    }

    /// Nouns that a name may modify without being an organisation: "the X program", "X contracts", "the X Act".
    static let nonOrganizationHeads: WordSet = [
        "program", "programs", "programme", "programmes", "contract", "contracts", "mission", "missions", "project",
        "projects", "initiative", "initiatives", "scheme", "schemes", "award", "awards", "prize", "grant", "grants",
        "bill", "law", "index", "standard", "standards", "effort", "efforts",
    ]

    /// Whether the name `range` modifies a lower-case noun of a programme, contract or law, with its acronym
    /// in parentheses between or not: "Commercial Lunar Payload Services (CLPS) contracts".
    static func namesNonOrganization(_ range: Range<Int>, in text: TokenizedText) -> Bool {
        let tokens = text.tokens
        var next = range.upperBound
        if next + 1 < tokens.count, tokens[next].isAllCaps,
            text.scalars[tokens[next - 1].end..<tokens[next].start].contains("("),
            text.scalars[tokens[next].end..<tokens[next + 1].start].contains(")")
        {
            next += 1
        }
        guard next < tokens.count, !tokens[next].isCapitalized,
            text.scalars[tokens[next - 1].end..<tokens[next].start].allSatisfy({ $0 == " " || $0 == ")" })
        else { return false }
        return nonOrganizationHeads.contains(tokens[next])
    }

    /// Plural nouns after which capitalised names are companies: "companies Astrobotic, Intuitive Machines and
    /// Orbit Beyond".
    static let companyClassNouns: WordSet = [
        "companies", "firms", "startups", "start-ups", "carriers", "contractors", "manufacturers", "automakers",
        "lenders", "insurers", "retailers", "providers", "suppliers", "rivals", "competitors",
    ]

    /// Names listed right after a plural noun of companies, each one to three capitalised words, the list joined
    /// by commas and a final "and" or "or" (or a single name): "to companies Astrobotic, Intuitive Machines and
    /// Orbit Beyond", or after a colon that ends the noun's phrase ("nine companies selected a year ago:
    /// Astrobotic, Draper and Moon Express"). Ranges overlapping `covered` end the list.
    static func listedCompanies(in text: TokenizedText, covered: [Bool]) -> [Range<Int>] {
        let tokens = text.tokens
        var result: [Range<Int>] = []
        for index in tokens.indices where companyClassNouns.contains(tokens[index]) && !tokens[index].isCapitalized {
            var position = index + 1
            // "the nine companies selected by NASA a year ago: Astrobotic, Draper, ...": the list after a colon
            // that closes the noun's phrase.
            if let colon = (index + 1..<min(tokens.count, index + 12)).first(where: {
                text.scalars[tokens[$0 - 1].end..<tokens[$0].start].contains(":")
            }),
                !(index + 1..<colon).contains(where: {
                    text.scalars[tokens[$0 - 1].end..<tokens[$0].start].contains { ".;!?".unicodeScalars.contains($0) }
                })
            {
                position = colon
            }
            var names: [Range<Int>] = []
            while position < tokens.count, names.count < 10 {
                var end = position
                // A name already known ("Masten Space Systems") is an item of the list too.
                let known = covered[position]
                while known, end < tokens.count, covered[end] { end += 1 }
                while !known, end < tokens.count, end - position < 3, tokens[end].isCapitalized, !covered[end],
                    !notNameStarts.contains(tokens[end]),
                    end == position || text.scalars[tokens[end - 1].end..<tokens[end].start].allSatisfy({ $0 == " " })
                {
                    end += 1
                }
                guard end > position else { break }
                if !known { names.append(position..<end) }
                guard end < tokens.count else { break }
                let gap = String(scalars: text.scalars[tokens[end - 1].end..<tokens[end].start])
                if gap == ", " || gap == "," {
                    position = end
                } else if ["and", "or"].contains(tokens[end].key), gap == " " {
                    position = end + 1
                } else {
                    break
                }
            }
            result += names
        }
        return result
    }

    /// Token ranges of organisation names, not overlapping `covered`.
    static func find(in text: TokenizedText, covered: [Bool]) -> [Range<Int>] {
        let tokens = text.tokens
        var result: [Range<Int>] = []
        var index = 0
        while index < tokens.count {
            // "New" starts a name only before a place's second word ("New York State Attorney General").
            let placeNew =
                tokens[index].key == "new" && index + 1 < tokens.count
                && ["york", "jersey", "mexico", "hampshire", "zealand", "south"].contains(tokens[index + 1].key)
            guard tokens[index].isCapitalized, !covered[index], placeNew || !notNameStarts.contains(tokens[index])
            else {
                index += 1
                continue
            }
            // Extend over capitalised words and inner connectors, staying inside one phrase.
            var end = index + 1
            var lastCapital = index
            while end < tokens.count, !covered[end] {
                let gap = text.scalars[tokens[end - 1].end..<tokens[end].start]
                // A period stays inside a name only after an abbreviation or initial ("U.S. Forest Service",
                // "Sierra Nevada Corp."), not at a sentence's end ("Inspector General. The Office ...").
                guard gap.count <= 3,
                    gap.allSatisfy({ $0 == " " || $0 == "&" || $0 == "-" || $0 == "'" || $0 == "’" || $0 == "." }),
                    !gap.contains(".") || tokens[end - 1].end - tokens[end - 1].start <= 4
                else {
                    break
                }
                if tokens[end].isCapitalized {
                    lastCapital = end
                } else if isOwnerPossessive(at: end, in: text) {
                    // "Governor's Office of Emergency Services": the office's owner is part of its name.
                } else if !connectors.contains(tokens[end]) || tokens[end].key == "s" {
                    break
                }
                end += 1
            }
            var run = index..<(lastCapital + 1)
            // "Kent, Washington Ceres Robotics": in a list of "City, State" addresses, the state ends the address.
            if run.count >= 3, index >= 1,
                addressStates.contains(tokens[index]), tokens[index - 1].isCapitalized,
                text.scalars[tokens[index - 1].end..<tokens[index].start].elementsEqual(", ".unicodeScalars)
            {
                run = (index + 1)..<run.upperBound
            }
            // "Ceres Robotics and Tyvak Systems" is two names: a head noun followed by "and" ends the first.
            if let split = run.dropLast().firstIndex(where: {
                headNouns.contains(tokens[$0]) && tokens[$0 + 1].key == "and"
            }),
                split > run.lowerBound
            {
                run = run.lowerBound..<(split + 1)
            }
            var accepted: Range<Int>?
            // Ends in a head noun ("... Commission"), with at least one word before it; a complement after the
            // noun ("Institute on Drug Abuse", "Office of Inspector General") belongs to the name.
            for last in stride(from: run.upperBound - 1, to: run.lowerBound, by: -1)
            where headNouns.contains(tokens[last]) || isStateAttorneyGeneral(tokens, at: last, from: run.lowerBound) {
                let complement = last + 1 < run.upperBound && ["of", "on", "for"].contains(tokens[last + 1].key)
                accepted = run.lowerBound..<(complement ? run.upperBound : last + 1)
                break
            }
            // Starts with a head noun followed by "of" ("University of Miami", "Ministry of Commerce").
            if accepted == nil, run.count >= 3, headNouns.contains(tokens[run.lowerBound]),
                tokens[run.lowerBound + 1].key == "of"
            {
                accepted = run
            }
            // "the Commercial Lunar Payload Services program (CLPS)": a name that modifies a programme, contract
            // or law names that, not an organisation.
            if let range = accepted, namesNonOrganization(range, in: text) {
                accepted = nil
            }
            // "WILL SOMEONE STAND UP FOR THE ESTABLISHMENT?": a heading written in capitals has no name's shape.
            if let range = accepted, range.count >= 3, range.allSatisfy({ tokens[$0].isAllCaps }) {
                accepted = nil
            }
            if let accepted {
                result.append(accepted)
                index = accepted.upperBound
            } else {
                index = run.upperBound
            }
        }
        return result
    }
}
