/// Finds each verb group's subject, objects and passive agent, relative and participle clauses, the clauses
/// that report what another says, and coordinated verbs that share a subject. Rules, in the order they apply:
///
/// 1. A clause never reaches across ";", ":" or a dash (`word-lists.tsv`, clause-marks).
/// 2. Subject: walking left from the verb group over adverbs, commas and prepositional phrases ("the president
///    of France said"), the first noun phrase not governed by a preposition, or governed by one that also opens
///    clauses when the verb follows the phrase at once ("after the government in Tehran denied"); a relative pronoun right before
///    the verb is the subject and the phrase before it is what the clause describes. A verb group, a
///    subordinating conjunction or any other word stops the walk. An infinitive, or a participle or gerund with
///    no auxiliary, has no subject of its own. A verb joined by "and"/"or" to an earlier verb with no subject
///    between (that verb's object and its prepositional phrases aside) shares that verb's subject
///    (`subjectIsShared`). A phrase set off by commas right before the verb that opens with an article is an
///    apposition: the phrase before it is the subject ("Pakistan, a key U.S. ally, has refused"). A participle
///    used as a preposition ("including") or an "-ing" participle right after a noun ("troops carrying rifles")
///    governs the phrase after it like a preposition.
/// 3. Object: the noun phrase right after an active verb group (adverbs and its particle between), unless it
///    names a time ("last week") or is followed by a finite verb of its own (then it is that verb's subject and
///    the clause is a complement: "said Iran attacked"; not after a participle of rule 2's kind). A pronoun object followed by a second noun phrase is
///    the indirect object ("gave him the files").
/// 4. Agent: "by" and a noun phrase within a few words after a passive verb group or participle.
/// 5. Reported speech: a clause right after "that" or a complement subject is the complement of the verb
///    before it; a clause with no object that closes the sentence after a comma ("..., officials said")
///    reports the clause before it.
///
/// Cost: O(words × verb groups) in the worst case; sentences are short.
struct ClauseAnalyzer: Sendable {
    let lists: WordLists
    static let openingQuotes: Set<String> = ["“", "\"", "‘", "'"]

    /// `segments`: `segmentIndices(words)`, which the caller keeps in the analysis too.
    func clauses(
        _ words: [Word], segments: [Int], nounPhrases: [NounPhrase], verbGroups: [VerbGroup], coordinations: [[Int]]
    ) -> [Clause] {
        var phraseAt = [Int?](repeating: nil, count: words.count)
        for (index, phrase) in nounPhrases.enumerated() {
            for word in phrase.range { phraseAt[word] = index }
        }
        let groupAt = verbGroupIndices(words.count, verbGroups)
        let context = Context(
            words: words, phrases: nounPhrases, groups: verbGroups, coordinations: coordinations, segments: segments,
            phraseAt: phraseAt, groupAt: groupAt)
        var clauses: [Clause] = []
        for (index, group) in verbGroups.enumerated() {
            var clause = Clause(verbGroup: index, segment: segments[group.range.lowerBound])
            subject(of: &clause, group: group, context, previous: clauses)
            objects(of: &clause, group: group, context)
            agents(of: &clause, group: group, context)
            clauses.append(clause)
        }
        reportedSpeech(&clauses, context)
        return clauses
    }

    private struct Context {
        var words: [Word]
        var phrases: [NounPhrase]
        var groups: [VerbGroup]
        var coordinations: [[Int]]
        var segments: [Int]
        var phraseAt: [Int?]
        var groupAt: [Int?]

        func conjuncts(_ phrase: Int) -> [Int] { coordinations.first { $0.contains(phrase) } ?? [phrase] }

        /// The words of a phrase together with the phrases coordinated with it ("the US and the UK").
        func span(_ phrase: Int) -> Range<Int> {
            let group = conjuncts(phrase)
            return phrases[group[0]].range.lowerBound..<phrases[group[group.count - 1]].range.upperBound
        }

        /// The end of the phrase at `phrase` with its coordination and the prepositional phrases after it
        /// ("the accusations of the US and the UK").
        func spanWithModifiers(_ phrase: Int) -> Int {
            var end = span(phrase).upperBound
            while end + 1 < words.count, words[end].tag == .adposition, let next = phraseAt[end + 1],
                phrases[next].range.lowerBound == end + 1
            {
                end = span(next).upperBound
            }
            return end
        }

        /// A verb group that can take a subject of its own.
        func isFinite(_ group: Int) -> Bool { !groups[group].isNonFinite }
    }

    /// For each word, which part of the sentence it stands in. ";" and ":" start a new part; a pair of dashes
    /// sets off a part of its own, after which the sentence goes on in the part before it ("Albania — a Nato
    /// member — cut ties": "Albania" and "cut ties" stand in one part); a lone dash starts a new part.
    func segmentIndices(_ words: [Word]) -> [Int] {
        var segments = [Int](repeating: 0, count: words.count)
        var next = 0
        var current = 0
        var resume: Int?
        for (index, word) in words.enumerated() {
            guard word.tag == .punctuation, lists.clauseMarks.contains(word.form) else {
                segments[index] = current
                continue
            }
            next += 1
            let isDash = !(word.form == ";" || word.form == ":")
            if isDash, let before = resume {
                current = before  // the closing dash of a pair
                resume = nil
            } else if isDash, words[(index + 1)...].contains(where: { $0.form == word.form }) {
                resume = current  // an opening dash with its closing one ahead
                current = next
            } else {
                resume = nil
                current = next
            }
            segments[index] = current
        }
        return segments
    }

    private func verbGroupIndices(_ count: Int, _ groups: [VerbGroup]) -> [Int?] {
        var at = [Int?](repeating: nil, count: count)
        for (index, group) in groups.enumerated() {
            for word in group.range { at[word] = index }
            if let particle = group.particle { at[particle] = index }
        }
        return at
    }

    // MARK: Subject

    private func subject(of clause: inout Clause, group: VerbGroup, _ c: Context, previous: [Clause]) {
        let segment = c.segments[group.range.lowerBound]
        var index = group.range.lowerBound - 1
        if let relative = relativePronoun(before: index, c) {
            clause.subjects = [relative]
            clause.subjectSource = .relativePronoun
            clause.modifies = describedPhrase(before: c.phrases[relative].range.lowerBound - 1, c)
            return
        }
        if group.isNonFinite {
            if group.voice == .passive || c.words[group.head].tag == .verb {
                clause.modifies = describedPhrase(before: group.range.lowerBound - 1, c)
            }
            return
        }
        while index >= 0, c.segments[index] >= segment {
            let word = c.words[index]
            // A part set off by dashes inside ours ("Albania — a Nato member — cut ties"), and its dashes.
            if c.segments[index] > segment || lists.clauseMarks.contains(word.form) && word.tag == .punctuation {
                index -= 1
                continue
            }
            if let phrase = c.phraseAt[index] {
                let start = c.span(phrase).lowerBound
                let reach = c.spanWithModifiers(phrase)
                let opensClause =
                    start > 0 && lists.subordinators.contains(c.words[start - 1].lower)
                    && !(start > 1 && c.words[start - 2].lower == "such")  // "such as": examples, no clause
                    && reach <= group.range.lowerBound
                    && c.words[reach..<group.range.lowerBound].allSatisfy { $0.tag == .adverb }
                if start > 0, c.words[start - 1].tag == .adposition || takesPhraseOnly(at: start - 1, c), !opensClause {
                    index = start - 2  // a prepositional phrase: the subject is further left
                    continue
                }
                if start > 0, let relative = relativeClause(endingAt: start - 1, c, previous) {
                    // "The hackers who attacked the ministry were arrested": the relative clause's object is
                    // not the subject; the phrase the clause describes is.
                    clause.subjects = c.conjuncts(relative)
                    clause.subjectSource = .acrossRelativeClause
                    return
                }
                if lists.expletives.contains(c.words[c.phrases[phrase].head].lower) { return }
                if let named = appositionOwner(of: phrase, before: group, c) {
                    clause.subjects = c.conjuncts(named)
                    clause.subjectSource = .direct
                    return
                }
                clause.subjects = c.conjuncts(phrase)
                clause.subjectSource = .direct
                return
            }
            if word.tag == .adverb || word.form == "," {
                index -= 1
                continue
            }
            if let relative = relativeClause(endingAt: index, c, previous) {
                clause.subjects = c.conjuncts(relative)
                clause.subjectSource = .acrossRelativeClause
                return
            }
            if word.tag == .coordinatingConjunction, let shared = sharedSubject(before: index - 1, c, previous) {
                clause.subjects = shared
                clause.subjectSource = .shared
            }
            return
        }
    }

    /// The phrase that an apposition set off by commas right before the verb describes: "Pakistan, a key U.S.
    /// ally in the war against terrorism, has refused" has Pakistan as subject. The apposition opens with an
    /// article and stands in no list; the phrase before it is no object of a preposition.
    private func appositionOwner(of phrase: Int, before group: VerbGroup, _ c: Context) -> Int? {
        let start = c.span(phrase).lowerBound
        var end = group.range.lowerBound - 1
        while end > start, c.words[end].tag == .adverb { end -= 1 }
        guard start >= 2, c.words[end].form == ",", c.words[start - 1].form == ",", c.conjuncts(phrase).count == 1,
            ["a", "an", "the"].contains(c.words[start].lower), let owner = c.phraseAt[start - 2],
            c.phrases[owner].range.upperBound == start - 1, c.conjuncts(owner).count == 1
        else { return nil }
        let ownerStart = c.phrases[owner].range.lowerBound
        if ownerStart > 0, c.words[ownerStart - 1].tag == .adposition || c.words[ownerStart - 1].form == "," {
            return nil
        }
        return owner
    }

    /// The phrase described by the relative clause whose verb group holds word `index`, if it is one.
    private func relativeClause(endingAt index: Int, _ c: Context, _ previous: [Clause]) -> Int? {
        guard let group = c.groupAt[index], group < previous.count else { return nil }
        let clause = previous[group]
        guard let described = clause.modifies, let subject = clause.subjects.first,
            lists.relativePronouns.contains(c.words[c.phrases[subject].head].lower)
        else { return nil }
        return described
    }

    /// A relative pronoun right before the verb group (adverbs between): "hackers who attacked".
    private func relativePronoun(before index: Int, _ c: Context) -> Int? {
        var index = index
        while index >= 0, c.words[index].tag == .adverb { index -= 1 }
        guard index > 0, lists.relativePronouns.contains(c.words[index].lower),
            [.pronoun, .determiner, .subordinatingConjunction].contains(c.words[index].tag),
            let phrase = c.phraseAt[index], c.phrases[phrase].range.count == 1,
            c.phraseAt[index - 1] != nil || c.words[index - 1].form == ","
        else { return nil }
        return phrase
    }

    /// The noun phrase right before `index` (a comma between allowed).
    private func describedPhrase(before index: Int, _ c: Context) -> Int? {
        var index = index
        if index >= 0, c.words[index].form == "," { index -= 1 }
        guard index >= 0 else { return nil }
        return c.phraseAt[index]
    }

    /// The subject of the verb group that ends right before "and"/"or" at `index + 1`.
    private func sharedSubject(before index: Int, _ c: Context, _ previous: [Clause]) -> [Int]? {
        var index = index
        while index >= 0, c.words[index].form == "," { index -= 1 }
        // Skip the earlier verb's object with the prepositional phrases after it: "Iran denied the claims and
        // condemned ...", "We received an inquiry from the office of the attorney general and are cooperating".
        if index >= 0, let phrase = c.phraseAt[index] {
            index = c.phrases[phrase].range.lowerBound - 1
            while index > 0, c.words[index].tag == .adposition, let before = c.phraseAt[index - 1] {
                index = c.phrases[before].range.lowerBound - 1
            }
        }
        // A copula's adjective predicate, with its adverbs: "settlements are illegal and threaten ...".
        var beforePredicate = index
        while beforePredicate >= 0, [.adjective, .adverb].contains(c.words[beforePredicate].tag) {
            beforePredicate -= 1
        }
        if beforePredicate < index, beforePredicate >= 0, let group = c.groupAt[beforePredicate],
            c.groups[group].isCopula
        {
            index = beforePredicate
        }
        guard index >= 0, let group = c.groupAt[index], group < previous.count else { return nil }
        let earlier = previous[group]
        return earlier.subjects.isEmpty ? nil : earlier.subjects
    }

    // MARK: Objects

    private func objects(of clause: inout Clause, group: VerbGroup, _ c: Context) {
        guard group.voice == .active, !group.isCopula, c.words[group.head].tag == .verb else { return }
        var index = (group.particle ?? group.head) + 1
        // Adverbs, and an opening quotation mark: "rejected “the baseless accusations”".
        while index < c.words.count, c.words[index].tag == .adverb || Self.openingQuotes.contains(c.words[index].form) {
            index += 1
        }
        guard index < c.words.count, let first = c.phraseAt[index], c.phrases[first].range.lowerBound == index,
            c.segments[index] == clause.segment
        else { return }
        if lists.timeNouns.contains(c.words[c.phrases[first].head].lower) { return }
        let after = c.phrases[first].range.upperBound
        if !takesPhraseOnly(at: group.head, c),
            startsFiniteClause(at: c.spanWithModifiers(first), c)
                || lists.relativePronouns.contains(c.words[index].lower)
        {
            return
        }
        if c.words[c.phrases[first].head].tag == .pronoun, after < c.words.count, let second = c.phraseAt[after],
            c.phrases[second].range.lowerBound == after, c.words[c.phrases[first].head].lower != "it"
        {
            clause.indirectObject = first
            clause.objects = c.conjuncts(second)
            return
        }
        clause.objects = c.conjuncts(first)
    }

    /// Whether the word at `index` is a participle whose object is a noun phrase, never a clause: one that
    /// news uses as a preposition ("aircraft including helicopter gunships killed"), or an "-ing" participle
    /// right after the noun phrase it describes ("British aircraft using guided missiles killed 4 Iraqis"; after
    /// a comma, "saying Iran attacked" may report a clause).
    private func takesPhraseOnly(at index: Int, _ c: Context) -> Bool {
        guard let group = c.groupAt[index], c.groups[group].head == index, c.groups[group].isNonFinite,
            c.words[index].tag == .verb
        else { return false }
        let word = c.words[index].lower
        if lists.prepositionalParticiples.contains(word) { return true }
        return word.hasSuffix("ing") && c.groups[group].range.lowerBound == index && index > 0
            && c.phraseAt[index - 1] != nil
    }

    /// Whether a finite verb group starts at `index` (adverbs before it allowed).
    private func startsFiniteClause(at index: Int, _ c: Context) -> Bool {
        var index = index
        while index < c.words.count, c.words[index].tag == .adverb { index += 1 }
        guard index < c.words.count, let group = c.groupAt[index], c.groups[group].range.lowerBound == index else {
            return false
        }
        return c.isFinite(group)
    }

    // MARK: Agents

    private func agents(of clause: inout Clause, group: VerbGroup, _ c: Context) {
        guard group.voice == .passive || (group.isNonFinite && c.words[group.head].tag == .verb) else { return }
        let limit = min(c.words.count - 1, group.range.upperBound + 4)
        var index = group.range.upperBound
        while index < limit {
            if c.groupAt[index] != nil || c.segments[index] != clause.segment { return }
            if c.words[index].lower == "by", let phrase = c.phraseAt[index + 1],
                c.phrases[phrase].range.lowerBound == index + 1
            {
                clause.agents = c.conjuncts(phrase)
                return
            }
            index += 1
        }
    }

    // MARK: Reported speech

    private func reportedSpeech(_ clauses: inout [Clause], _ c: Context) {
        for index in clauses.indices.dropLast() {
            let group = c.groups[clauses[index].verbGroup]
            guard clauses[index].objects.isEmpty, !group.isCopula else { continue }
            var next = (group.particle ?? group.range.upperBound - 1) + 1
            if next < c.words.count, c.words[next].lower == "that",
                c.words[next].tag == .subordinatingConjunction
            {
                next += 1
            }
            let following = clauses[index + 1]
            let start =
                following.subjects.first.map { c.phrases[$0].range.lowerBound }
                ?? c.groups[following.verbGroup].range.lowerBound
            if start == next, !following.subjects.isEmpty, !following.subjectIsShared {
                clauses[index + 1].complementOf = index
            }
        }
        // "..., officials said." — a speech clause closing the sentence reports the clause before it.
        for index in clauses.indices.dropFirst() {
            let clause = clauses[index]
            let group = c.groups[clause.verbGroup]
            guard clause.objects.isEmpty, let subject = clause.subjects.first, !clause.subjectIsShared else { continue }
            let subjectStart = c.phrases[subject].range.lowerBound
            guard subjectStart > 0, c.words[subjectStart - 1].form == "," else { continue }
            let end = (group.particle ?? group.range.upperBound - 1) + 1
            let rest = c.words[end...].drop { $0.tag == .adverb }
            guard rest.first.map({ $0.tag == .punctuation && $0.form != "," }) ?? true else { continue }
            for target in 0..<index
            where clauses[target].complementOf == nil && clauses[target].segment == clause.segment {
                clauses[target].complementOf = index
            }
        }
    }
}
