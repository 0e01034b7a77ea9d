/// Groups tagged words into noun phrases, verb groups and prepositional phrases: a shallow parse in the
/// manner of TABARI, one left-to-right pass per kind. Cost: O(words).
struct PhraseChunker: Sendable {
    let lists: WordLists

    /// Pronouns that stand before a noun as its possessor ("his", "their").
    private static let possessivePronouns: Set<String> = ["my", "your", "his", "its", "our", "their", "her"]

    // MARK: Noun phrases

    func nounPhrases(_ words: [Word]) -> [NounPhrase] {
        Self.scan(words.count, { nounPhrase(startingAt: $0, words) }, resumeAfter: { $0.range.upperBound })
    }

    /// The chunks that `chunk` finds left to right: where one starts, the scan resumes at `resumeAfter(chunk)`;
    /// elsewhere at the next word.
    private static func scan<Chunk>(
        _ count: Int, _ chunk: (Int) -> Chunk?, resumeAfter: (Chunk) -> Int
    ) -> [Chunk] {
        var chunks: [Chunk] = []
        var index = 0
        while index < count {
            guard let found = chunk(index) else {
                index += 1
                continue
            }
            chunks.append(found)
            index = resumeAfter(found)
        }
        return chunks
    }

    /// The noun phrase that starts at `start`, or nil. A possessor ("Iran 's", "the ministry's") and a
    /// possessive pronoun open a phrase that goes on after them.
    private func nounPhrase(startingAt start: Int, _ words: [Word]) -> NounPhrase? {
        let first = words[start]
        if first.tag == .pronoun && !Self.possessivePronouns.contains(first.lower) {
            return NounPhrase(range: start..<(start + 1), head: start)
        }
        guard canOpen(first, at: start, words) else { return nil }
        var end = start
        var possessor: Range<Int>?
        var bodyStart = start
        while end < words.count {
            let word = words[end]
            if end > bodyStart && isPossessiveMark(word) {
                // "Iran 's foreign minister": the words so far are the possessor.
                guard end + 1 < words.count, canContinue(words[end + 1], at: end + 1, words, afterPossessive: true)
                else { break }
                possessor = bodyStart..<end
                end += 1
                bodyStart = end
                continue
            }
            if end == start || canContinue(word, at: end, words, afterPossessive: end == bodyStart) {
                end += 1
                continue
            }
            break
        }
        // A phrase never ends on a hyphen or an adverb; back off to its last nominal or adjective.
        while end > bodyStart, [.punctuation, .adverb, .determiner].contains(words[end - 1].tag) { end -= 1 }
        guard end > bodyStart else { return nil }
        let body = bodyStart..<end
        guard let head = body.last(where: { words[$0].tag.isNominal }) ?? headlessHead(body, words) else { return nil }
        let determiner = (start..<end).first { words[$0].tag == .determiner }
        var properName: Range<Int>?
        if words[head].tag == .properNoun {
            var nameStart = head
            while nameStart > body.lowerBound, words[nameStart - 1].tag == .properNoun { nameStart -= 1 }
            properName = nameStart..<(head + 1)
        }
        return NounPhrase(
            range: start..<(head + 1), head: head, determiner: determiner, possessor: possessor,
            properName: properName)
    }

    /// A phrase of determiners and adjectives only ("this", "the poor") has its last word as head when that
    /// is a determiner standing alone.
    private func headlessHead(_ body: Range<Int>, _ words: [Word]) -> Int? {
        body.count == 1 && words[body.lowerBound].tag == .determiner && body.upperBound < words.count
            && ![.noun, .properNoun, .adjective].contains(words[body.upperBound].tag) ? body.lowerBound : nil
    }

    private func canOpen(_ word: Word, at index: Int, _ words: [Word]) -> Bool {
        switch word.tag {
        case .determiner, .numeral, .noun, .properNoun: return true
        case .adjective: return true
        case .pronoun: return Self.possessivePronouns.contains(word.lower)
        case .other:
            // "pro - Israel hackers": a prefix joined by a hyphen.
            return index + 1 < words.count && words[index + 1].form == "-" && words[index + 1].start == word.end
        case .adverb:
            // "very large crowds", "nearly 200 people", "long - awaited talks"
            return index + 1 < words.count
                && ([.adjective, .numeral].contains(words[index + 1].tag) || Self.isJoiningHyphen(at: index + 1, words))
        default: return false
        }
    }

    private func canContinue(_ word: Word, at index: Int, _ words: [Word], afterPossessive: Bool) -> Bool {
        let previous = words[index - 1]
        let next = index + 1 < words.count ? words[index + 1] : nil
        switch word.tag {
        case .noun, .properNoun, .numeral, .adjective: return true
        case .determiner: return afterPossessive || previous.tag == .determiner && word.lower != "that"
        case .adverb:
            return next.map { [.adjective, .numeral].contains($0.tag) } ?? false
                || Self.isJoiningHyphen(at: index + 1, words)
        case .punctuation:
            // "pro - Israel hackers", "state - backed group": a hyphen between words of the phrase.
            guard word.form == "-", let next, word.start == previous.end, next.start == word.end else { return false }
            return [.noun, .properNoun, .adjective, .numeral, .verb, .other].contains(next.tag)
        case .verb:
            // "the ruling party", "a state - backed group": a participle before a noun.
            guard let next, [.noun, .properNoun].contains(next.tag) else { return false }
            return [.determiner, .adjective, .punctuation].contains(previous.tag)
                && (word.lower.hasSuffix("ing") || word.lower.hasSuffix("ed"))
        case .other: return previous.form == "-"
        case .coordinatingConjunction:
            // "the Bolivian and Chilean ministers": adjectives joined before one noun.
            guard previous.tag == .adjective, let next, next.tag == .adjective, index + 2 < words.count else {
                return false
            }
            return [.noun, .properNoun, .adjective].contains(words[index + 2].tag)
        default: return false
        }
    }

    /// A hyphen written between two words with no space ("long-awaited", "state-backed").
    static func isJoiningHyphen(at index: Int, _ words: [Word]) -> Bool {
        guard index > 0, index + 1 < words.count, words[index].form == "-" else { return false }
        return words[index - 1].end == words[index].start && words[index].end == words[index + 1].start
    }

    private func isPossessiveMark(_ word: Word) -> Bool {
        word.tag == .particle && (word.lower == "'s" || word.lower == "’s" || word.form == "'" || word.form == "’")
    }

    // MARK: Verb groups

    func verbGroups(_ words: [Word]) -> [VerbGroup] {
        Self.scan(
            words.count, { verbGroup(startingAt: $0, words) },
            resumeAfter: { max($0.range.upperBound, ($0.particle ?? 0) + 1) })
    }

    private func verbGroup(startingAt start: Int, _ words: [Word]) -> VerbGroup? {
        let first = words[start]
        let infinitive = first.lower == "to" && first.tag == .particle
        guard first.tag == .verb || first.tag == .auxiliary || infinitive else { return nil }
        var end = start + 1
        var head = infinitive ? nil : Optional(start)
        var mainVerb: Int? = first.tag == .verb ? start : nil
        while mainVerb == nil, end < words.count {
            let word = words[end]
            if word.tag == .auxiliary {
                head = end
            } else if word.tag == .verb {
                head = end
                mainVerb = end
            } else if word.tag == .adverb || (word.tag == .particle && lists.negations.contains(word.lower)) {
                // adverbs and "not" inside the group: "has not yet been"
                let rest = (end + 1)..<min(words.count, end + 4)
                guard rest.contains(where: { [.verb, .auxiliary].contains(words[$0].tag) }) else { break }
            } else {
                break
            }
            end += 1
        }
        guard let head else { return nil }
        end = head + 1
        let range = start..<end
        let auxiliaries = range.filter { words[$0].tag == .auxiliary }
        let headWord = words[head]
        let participle = isPastParticiple(headWord)
        let passive =
            mainVerb != nil && participle
            && auxiliaries.last.map { lists.passiveAuxiliaries.contains(words[$0].lemma) } == true
        let perfect = auxiliaries.contains { words[$0].lemma == "have" } && participle
        let progressive = headWord.lower.hasSuffix("ing") && auxiliaries.contains { words[$0].lemma == "be" }
        let modal = auxiliaries.first { lists.modals.contains(words[$0].lemma) }.map { words[$0].lemma }
        let negated = range.contains { lists.negations.contains(words[$0].lower) }
        let isCopula = mainVerb == nil && lists.copulas.contains(headWord.lemma)
        var particle: Int?
        if mainVerb != nil, end < words.count, lists.particles.contains(words[end].lower),
            [.adposition, .adverb].contains(words[end].tag)
        {
            particle = end
        }
        let firstWord = words[range.lowerBound]
        let nonFinite =
            infinitive
            || (auxiliaries.isEmpty && mainVerb != nil
                && (firstWord.lower.hasSuffix("ing") || startsParticiple(start, words)))
        return VerbGroup(
            range: range, head: head, lemma: headWord.lemma, tense: tense(range, words, modal: modal),
            voice: passive ? .passive : .active, negated: negated, modal: modal, perfect: perfect,
            progressive: progressive, particle: particle, isCopula: isCopula,
            predicate: isCopula ? predicate(after: end, words) : nil, isNonFinite: nonFinite)
    }

    /// A participle right after a noun phrase and before "by" describes the noun ("a cyberattack thought to
    /// be instigated by", "the attack launched by hackers").
    private func startsParticiple(_ index: Int, _ words: [Word]) -> Bool {
        guard isPastParticiple(words[index]), index > 0 else { return false }
        let before = words[index - 1]
        guard before.tag.isNominal || before.form == "," else { return false }
        let after = (index + 1)..<min(words.count, index + 3)
        return after.contains { words[$0].lower == "by" }
    }

    func isPastParticiple(_ word: Word) -> Bool {
        guard word.tag == .verb, !word.lower.hasSuffix("ing") else { return false }
        if word.lower == word.lemma {
            return ["put", "set", "hit", "cut", "let", "shut", "spread", "cast"].contains(word.lower)
        }
        return !(word.lower.hasSuffix("s") && String(word.lower.dropLast()) == word.lemma)
            && !(word.lower.hasSuffix("es") && String(word.lower.dropLast(2)) == word.lemma)
    }

    private func tense(_ range: Range<Int>, _ words: [Word], modal: String?) -> VerbGroup.Tense {
        if modal == "will" || modal == "shall" { return .future }
        let first = words[range.lowerBound]
        if ["was", "were", "had", "did", "been"].contains(first.lower) { return .past }
        if first.tag == .verb, first.lower != first.lemma, !first.lower.hasSuffix("ing"),
            !(first.lower.hasSuffix("s") && first.lower.dropLast().hasPrefix(first.lemma.prefix(3))
                && first.lower.count <= first.lemma.count + 2)
        {
            return .past
        }
        return .present
    }

    /// The head of a copula's predicate: an adjective, a noun phrase's head, or the object of a preposition.
    private func predicate(after end: Int, _ words: [Word]) -> Int? {
        var index = end
        while index < words.count, words[index].tag == .adverb || words[index].tag == .particle { index += 1 }
        guard index < words.count else { return nil }
        if words[index].tag == .adjective {
            var last = index
            while last + 1 < words.count, words[last + 1].tag == .adjective { last += 1 }
            if last + 1 < words.count, [.noun, .properNoun].contains(words[last + 1].tag) {
                return nounPhrase(startingAt: index, words)?.head
            }
            return index
        }
        if words[index].tag == .adposition, index + 1 < words.count {
            return nounPhrase(startingAt: index + 1, words)?.head
        }
        return nounPhrase(startingAt: index, words)?.head
    }

    // MARK: Prepositional phrases

    func prepositionalPhrases(_ words: [Word], nounPhrases: [NounPhrase]) -> [PrepositionalPhrase] {
        // The noun phrase starting at each word (the last one given, should two start at one word), -1 for none.
        var byStart = [Int](repeating: -1, count: words.count + 1)
        for (index, phrase) in nounPhrases.enumerated() where phrase.range.lowerBound <= words.count {
            byStart[phrase.range.lowerBound] = index
        }
        return words.indices.compactMap { index in
            guard words[index].tag == .adposition, byStart[index + 1] >= 0 else { return nil }
            let object = byStart[index + 1]
            return PrepositionalPhrase(preposition: index, object: object)
        }
    }

    // MARK: Coordination

    /// Noun phrases joined by "and", "or" and commas before a final "and" ("the UK, the US and Nato").
    func coordinations(_ words: [Word], nounPhrases: [NounPhrase]) -> [[Int]] {
        var groups: [[Int]] = []
        var current: [Int] = []
        for index in nounPhrases.indices {
            if let last = current.last, joins(nounPhrases[last], nounPhrases[index], words) {
                current.append(index)
                continue
            }
            if current.count > 1 { groups.append(current) }
            current = [index]
        }
        if current.count > 1 { groups.append(current) }
        // A comma list counts only when it closes with a conjunction ("A, B and C"), not "Paris, France".
        return groups.filter { group in
            zip(group, group.dropFirst()).contains { pair in
                (nounPhrases[pair.0].range.upperBound..<nounPhrases[pair.1].range.lowerBound).contains {
                    words[$0].tag == .coordinatingConjunction
                }
            }
        }
    }

    private func joins(_ left: NounPhrase, _ right: NounPhrase, _ words: [Word]) -> Bool {
        let gap = Array(words[left.range.upperBound..<right.range.lowerBound])
        // "denied the claims and Albania condemned": an object and the next clause's subject are no pair.
        let objectBefore =
            left.range.lowerBound > 0 && [.verb, .auxiliary].contains(words[left.range.lowerBound - 1].tag)
        let verbAfter =
            right.range.upperBound < words.count
            && [.verb, .auxiliary].contains(words[right.range.upperBound].tag)
        if objectBefore && verbAfter { return false }
        switch gap.count {
        case 1: return gap[0].tag == .coordinatingConjunction && gap[0].lower != "but" || gap[0].form == ","
        case 2: return gap[0].form == "," && gap[1].tag == .coordinatingConjunction && gap[1].lower != "but"
        default: return false
        }
    }
}
