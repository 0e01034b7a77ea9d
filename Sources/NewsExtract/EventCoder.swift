import NewsModel

/// Codes events sentence by sentence: a cue from ``EventLexicon`` and participants from the entities
/// around it.
///
/// Rules of this first version:
/// - Active voice: the actors are the participants before the cue, nearest first, with coordination
///   ("the US and UK condemned" gives one event per actor); the target is the first participant after it.
/// - Passive voice ("was hit by", "were attacked by") swaps them: the participant after "by" acts.
/// - Nominal cues ("a cyberattack on Albania"): the target follows "on", "against" or "targeting"; the
///   actor follows "by" or comes before as the sentence's subject.
/// - Not coded: questions, negated cues ("did not condemn"), hypotheticals ("if", "could", "would" before
///   the cue), and sentences with no participant at all.
/// - The date is the first date expression inside the sentence, or none.
struct EventCoder: Sendable {
    static let negations: Set<String> = ["not", "never", "no", "nor"]
    static let hypotheticals: Set<String> = ["if", "could", "might", "whether", "unless"]
    /// Words before a verb that make it an intention: "will allow", "would meet", "plans to visit".
    static let intentMarkers: Set<String> = ["will", "would", "ll", "shall", "plans", "planned", "ready", "intends"]
    static let passiveAuxiliaries: Set<String> = ["was", "were", "been", "being", "is", "are", "be"]
    static let targetMarkers: Set<String> = ["on", "against", "targeting", "at"]
    /// Words after which a verb form of the CAMEO dictionary is a noun or a gerund ("the forces", "of control",
    /// "for supplies"), not the sentence's verb.
    static let nounContext: Set<String> = [
        "of", "for", "with", "by", "from", "against", "about", "in", "on", "at", "into", "under", "between", "amid",
        "over", "after", "before", "without", "its", "their", "his", "her", "our", "s", "the", "a", "an", "this",
        "that", "these", "those", "new", "more", "further", "any", "no",
    ]
    /// Verb forms that news uses as prepositions or adjectives ("according to", "armed forces").
    static let notVerbs: Set<String> = [
        "according", "armed", "united", "concerned", "based", "including", "following", "regarding", "given",
        "led", "backed", "forces", "force", "supplies", "measures", "plans", "expected", "added", "issued", "bill",
        "thought", "believed", "allies", "ally",
        "links",
    ]
    static let pronouns: Set<String> = ["he", "she", "it", "they", "we"]
    static let locatives: Set<String> = ["in", "at", "near", "inside", "across", "throughout", "within"]
    /// Words that hedge what a sentence reports.
    static let hedges: Set<String> = [
        "allegedly", "alleged", "reportedly", "suspected", "purportedly", "apparently", "believed", "thought",
        "likely", "possibly", "presumably", "unconfirmed",
    ]
    /// Auxiliaries, modals and adverbs between a subject and its verb ("it will not", "they are willing to").
    static let verbGroupWords: Set<String> = [
        "will", "would", "shall", "has", "have", "had", "is", "are", "was", "were", "be", "been", "not", "also", "now",
        "still", "to", "willing", "ready", "can", "may", "must", "should", "already", "never", "s", "ll", "d",
    ]
    /// Words after which a verb form is the verb of a clause ("he says", "which threatens").
    static let subjectWords: Set<String> = [
        "he", "she", "it", "they", "we", "who", "which", "that", "also", "now", "still", "has", "have", "had",
        "government", "officials", "authorities", "ministry", "police", "army", "forces", "troops", "leaders",
        "rebels", "president", "minister",
    ]
    /// Verbs of striking that, in a sentence about computers, are a cyberattack.
    static let strikeVerbs: Set<String> = ["hit", "targeted", "struck", "breached", "hacked", "disrupted", "crippled"]
    /// Words that put an attack on computers ("websites", "systems", "servers").
    static let computerWords: Set<String> = [
        "website", "websites", "systems", "servers", "network", "networks", "computer", "computers", "data",
        "online", "offline", "ddos", "infrastructure",
    ]
    /// Verbs that carry little event meaning of their own: their object names the event.
    static let lightVerbs: Set<String> = [
        "launch", "launched", "launches", "hold", "held", "holds", "mount", "mounted", "stage", "staged", "conduct",
        "conducted", "open", "opened", "renew", "renewed", "resume", "resumed", "begin", "began", "begun", "start",
        "started", "undertake", "undertook", "complete", "completed", "announce", "announced", "call", "called",
        "order", "ordered", "carry", "carried", "speeded", "sped", "end", "ended", "go", "went", "join", "joined",
    ]
    static let determiners: Set<String> = [
        "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "s",
    ]

    /// A participant occurrence in the text.
    struct Occurrence {
        var participant: Participant
        var firstToken: Int
        var endToken: Int
    }

    func code(
        _ text: TokenizedText, sentences: [Sentence], participants: [Occurrence], dates: [TimeExpression]
    ) -> [Event] {
        var events: [Event] = []
        var index: [String: Int] = [:]
        for sentence in sentences {
            let sentenceText = text.text(from: sentence.start, to: sentence.end)
            if sentenceText.hasSuffix("?") || sentenceText.hasSuffix("?\"") || sentenceText.hasSuffix("?”") { continue }
            let inSentence = participants.filter {
                $0.firstToken >= sentence.firstToken && $0.endToken <= sentence.endToken
            }
            guard !inSentence.isEmpty else { continue }
            let tokens = Array(text.tokens[sentence.firstToken..<sentence.endToken])
            let sentenceDates = dates.filter {
                $0.start >= sentence.start && $0.end <= sentence.end && ($0.type == .date || $0.type == .time)
                    && $0.granularity != nil
            }
            let cueMatches = Self.cues(in: tokens)
            let hedged = tokens.contains { Self.hedges.contains($0.key) }
            let cueOffsets = cueMatches.map { match in
                text.tokens[sentence.firstToken + match.start]
                    .start..<text.tokens[sentence.firstToken + match.end - 1].end
            }
            // The sentence's main event is the first verb cue that finds an actor (one event per actor); the
            // project's nominal cues ("a cyberattack on Albania") add the events the sentence reports in passing.
            var mainFound = false
            for cueMatch in cueMatches {
                let cue = cueMatch.cue
                guard cue.nominal || !mainFound else { continue }
                let cueStart = sentence.firstToken + cueMatch.start
                let cueEnd = sentence.firstToken + cueMatch.end
                // A cue inside a participant's name ("Attack Team") is not a cue.
                if inSentence.contains(where: { $0.firstToken < cueEnd && cueStart < $0.endToken }) { continue }
                if cue.fromVerbDictionary,
                    isNounUse(text, cue: cueStart, cueEnd: cueEnd, sentence: sentence, participants: inSentence)
                {
                    continue
                }
                guard var cue = modulated(cue, by: modality(text, sentence: sentence, cue: cueStart)) else { continue }
                // An attack in a sentence about computers is a cyberattack (CAMEO 176, PLOVER COERCE cyber).
                let cueWord = text.tokens[cueStart].key
                if cue.type == "ASSAULT" || cueWord.hasPrefix("attack") || Self.strikeVerbs.contains(cueWord),
                    cue.type != "COERCE",
                    tokens.contains(where: {
                        GroupMatcher.cyberWords.contains($0.key) || Self.computerWords.contains($0.key)
                    })
                {
                    cue = EventCue(
                        type: "COERCE", mode: "cyber", context: ["cyber"], cameo: "176", quadClass: 4,
                        nominal: cue.nominal, fromVerbDictionary: cue.fromVerbDictionary, governed: cue.governed)
                }
                let date = clauseDate(
                    for: cueStart, cueEnd: cueEnd, in: text, among: sentenceDates, cueOffsets: cueOffsets)
                var coded = false
                for (actor, target) in roles(
                    cue: cue, cueStart: cueStart, cueEnd: cueEnd, text: text, participants: inSentence)
                {
                    guard actor != nil || target != nil, actor?.id != target?.id || actor == nil else { continue }
                    coded = coded || actor != nil
                    let event = Event(
                        type: cue.type, mode: cue.mode, context: cue.context, cameo: cue.cameo,
                        quadClass: cue.quadClass,
                        actor: actor, target: target, date: date, sentence: sentenceText, sentenceStart: sentence.start,
                        sentenceEnd: sentence.end,
                        cue: text.text(from: text.tokens[cueStart].start, to: text.tokens[cueEnd - 1].end),
                        certainty: hedged ? "alleged" : "asserted")
                    let key = [
                        event.type, event.mode ?? "", event.cameo, actor?.id ?? "", target?.id ?? "", date?.value ?? "",
                    ].joined(separator: "|")
                    if let existing = index[key] {
                        events[existing].mentionCount += 1
                    } else {
                        index[key] = events.count
                        events.append(event)
                    }
                }
                if coded && !cue.nominal { mainFound = true }
            }
        }
        return events
    }

    /// Whether a verb form of the CAMEO dictionary stands as a noun or gerund here: after a determiner,
    /// possessive or preposition, before "of", or a form that news uses as a preposition or adjective.
    private func isNounUse(
        _ text: TokenizedText, cue: Int, cueEnd: Int, sentence: Sentence, participants: [Occurrence]
    ) -> Bool {
        let word = text.tokens[cue].key
        if cueEnd - cue == 1, Self.notVerbs.contains(word) { return true }
        let previous = cue > sentence.firstToken ? text.tokens[cue - 1].key : ""
        if Self.nounContext.contains(previous) { return true }
        if cueEnd < sentence.endToken && text.tokens[cueEnd].key == "of" { return true }
        let afterParticipant = participants.contains { $0.endToken == cue }
        // "-s" forms are plural nouns ("threat campaigns", "Nato allies") unless a subject comes right before.
        if cueEnd - cue == 1, word.hasSuffix("s"), !word.hasSuffix("ss"), !afterParticipant,
            !Self.subjectWords.contains(previous)
        {
            return true
        }
        // "-ing" forms modify a noun ("cyberattacks targeting Iran") unless a form of "be" makes them a verb.
        if word.hasSuffix("ing"), !Self.passiveAuxiliaries.contains(previous), !afterParticipant,
            !Self.subjectWords.contains(previous)
        {
            return true
        }
        return false
    }

    /// The cues of a sentence's tokens, in order: CAMEO verbs (a pattern around the verb first, then the
    /// project's own cue at the same words, then the verb's code), and the project's own cues elsewhere.
    static func cues(in tokens: [Token]) -> [(start: Int, end: Int, cue: EventCue)] {
        var result: [(start: Int, end: Int, cue: EventCue)] = []
        let own = EventLexicon.trie.matches(in: tokens)
        var claimed = [Bool](repeating: false, count: tokens.count)
        for verb in EventLexicon.verbs.matches(in: tokens) {
            let entry = verb.payloads[0]
            // Verbs of saying ("said", "announced", CAMEO 01) report an event; they are not one, except when
            // what is said is an obligation of another ("Russia said Sudan must return the helicopter").
            if entry.code.hasPrefix("01") {
                let window = tokens[verb.end..<min(tokens.count, verb.end + 8)]
                if window.contains(where: { $0.key == "must" || $0.key == "should" }) {
                    for index in verb.start..<verb.end { claimed[index] = true }
                    result.append(
                        (
                            verb.start, verb.end,
                            EventCue(
                                type: "REQUEST", mode: nil, context: [], cameo: "100", quadClass: 1, nominal: false,
                                fromVerbDictionary: true)
                        ))
                }
                continue
            }
            if let code = EventLexicon.patternCode(block: entry.block, tokens: tokens, start: verb.start, end: verb.end)
            {
                for index in verb.start..<verb.end { claimed[index] = true }
                if let cue = EventLexicon.cue(code: code) { result.append((verb.start, verb.end, cue)) }
                continue
            }
            if own.contains(where: { $0.start < verb.end && verb.start < $0.end }) { continue }
            for index in verb.start..<verb.end { claimed[index] = true }
            if let cue = EventLexicon.cue(code: entry.code) { result.append((verb.start, verb.end, cue)) }
        }
        for match in own where !(match.start..<match.end).contains(where: { claimed[$0] }) {
            result.append((match.start, match.end, match.payloads[0]))
        }
        result.sort { $0.start < $1.start }
        // A light verb before a nominal cue ("renewed negotiations", "launched a mediation effort", "mounted
        // its invasion") hands the event to the noun, with the verb's subject as actor.
        var governedVerbs = Set<Int>()
        for position in result.indices where result[position].cue.nominal {
            let start = result[position].start
            guard
                let verb = (max(0, start - 4)..<start).last(where: { Self.lightVerbs.contains(tokens[$0].key) }),
                !result.contains(where: { $0.start > verb && $0.start < start })
            else { continue }
            result[position].cue.nominal = false
            result[position].cue.governed = true
            governedVerbs.insert(verb)
        }
        return result.filter { !governedVerbs.contains($0.start) }
    }

    /// The date expression of the cue's clause: the nearest one with no comma, semicolon, colon, dash or
    /// parenthesis between it and the cue; else a date in a fronted phrase that only commas separate from
    /// the cue and that holds no other cue ("In June, Iran's steel industry was hit ..."). Vague references
    /// and durations are never event dates.
    private func clauseDate(
        for cueStart: Int, cueEnd: Int, in text: TokenizedText, among dates: [TimeExpression], cueOffsets: [Range<Int>]
    ) -> TimeExpression? {
        let cueStartOffset = text.tokens[cueStart].start
        let cueEndOffset = text.tokens[cueEnd - 1].end
        var sameClause: (date: TimeExpression, distance: Int)?
        var fronted: (date: TimeExpression, distance: Int)?
        for date in dates {
            let (from, to) = date.end <= cueStartOffset ? (date.end, cueStartOffset) : (cueEndOffset, date.start)
            guard from <= to else { continue }
            let between = text.scalars[from..<to]
            let distance = to - from
            if !between.contains(where: { ",;:()—–".unicodeScalars.contains($0) }) {
                if sameClause == nil || distance < sameClause!.distance { sameClause = (date, distance) }
                continue
            }
            guard date.end <= cueStartOffset, !between.contains(where: { ";:()—–".unicodeScalars.contains($0) }),
                let comma = between.firstIndex(of: ",")
            else { continue }
            // The fronted phrase runs from the date to the first comma after it; another cue there owns the date.
            let phrase = date.start..<comma
            if cueOffsets.contains(where: { $0.overlaps(phrase) }) { continue }
            if fronted == nil || distance < fronted!.distance { fronted = (date, distance) }
        }
        return sameClause?.date ?? fronted?.date
    }

    enum Modality {
        case asserted, negated, hypothetical, intended
    }

    /// How the clause holds the cue: negated ("did not condemn", "will not accept"), hypothetical ("if",
    /// "could" before it), intended ("will allow", "would meet", "plans to visit"), or asserted.
    private func modality(_ text: TokenizedText, sentence: Sentence, cue: Int) -> Modality {
        let from = max(sentence.firstToken, cue - 4)
        var intended = false
        for position in from..<cue {
            let key = text.tokens[position].key
            if Self.negations.contains(key)
                || key == "t" && position > 0 && text.tokens[position - 1].key.hasSuffix("n")
            {
                return .negated
            }
            if Self.intentMarkers.contains(key) { intended = true }
        }
        for position in sentence.firstToken..<cue where Self.hypotheticals.contains(text.tokens[position].key) {
            return .hypothetical
        }
        return intended ? .intended : .asserted
    }

    /// The cue as the clause's modality makes it: a cooperative act that is intended is an AGREE (CAMEO 03,
    /// intent to cooperate), a conflictual one a THREATEN (13); a cooperative act refused is a REJECT (12).
    /// Nil: not coded (hypotheticals; negated conflict, which is not an event).
    private func modulated(_ cue: EventCue, by modality: Modality) -> EventCue? {
        var result = cue
        switch modality {
        case .asserted: return cue
        case .hypothetical: return nil
        case .intended:
            guard cue.type != "AGREE", cue.type != "THREATEN", cue.type != "REQUEST", !cue.nominal else { return cue }
            (result.type, result.cameo, result.quadClass) =
                cue.quadClass <= 2 ? ("AGREE", "030", 1) : ("THREATEN", "130", 3)
        case .negated:
            guard cue.quadClass <= 2, !cue.nominal else { return nil }
            (result.type, result.cameo, result.quadClass) = ("REJECT", "120", 3)
        }
        result.mode = nil
        result.context = []
        return result
    }

    private func roles(
        cue: EventCue, cueStart: Int, cueEnd: Int, text: TokenizedText, participants: [Occurrence]
    ) -> [(Participant?, Participant?)] {
        let before = participants.filter { $0.endToken <= cueStart }
        let after = participants.filter { $0.firstToken >= cueEnd }
        let previous = cueStart > 0 ? text.tokens[cueStart - 1].key : ""
        // Passive: a form of "be" before a participle ("was hit", "were attacked"); "is providing" is active.
        let cueWord = text.tokens[cueEnd - 1].key
        let passive = Self.passiveAuxiliaries.contains(previous) && !cueWord.hasSuffix("ing")
        // A verb cue after a determiner or a possessive is used as a noun ("the attack", "Iran's attack").
        // A past-tense form is a verb whatever precedes it ("its allies demanded").
        let pastTense = cueWord.hasSuffix("ed") && cueEnd - cueStart == 1
        let nominal =
            !cue.governed
            && (cue.nominal
                || !pastTense && (Self.determiners.contains(previous) || adjectiveRunBefore(cueStart, in: text)))
        if nominal || passive {
            let target: Participant?
            if let marker = markerIndex(after: cueEnd, in: text, markers: Self.targetMarkers),
                let found = after.first(where: { $0.firstToken >= marker && $0.firstToken <= marker + 3 })
            {
                target = found.participant
            } else if passive {
                target = before.last?.participant
            } else {
                target = nil
            }
            var actor: Participant?
            if let by = markerIndex(after: cueEnd, in: text, markers: ["by"]) {
                actor = after.first(where: { $0.firstToken >= by && $0.firstToken <= by + 3 })?.participant
            }
            if actor == nil, !passive, let owner = possessor(before: cueStart, in: text, participants: before),
                owner.id != target?.id
            {
                actor = owner
            }
            return [(actor, target)]
        }
        // A participant in a locative phrase after the subject ("The Red Cross operating in Iraq said") is not
        // the actor when someone comes before it.
        var subjects = before
        while subjects.count > 1, let last = subjects.last, last.firstToken > 0,
            Self.locatives.contains(text.tokens[last.firstToken - 1].key)
        {
            subjects.removeLast()
        }
        var actors = coordinatedGroup(endingBefore: cueStart, in: subjects, text: text)
        // A pronoun subject ("Nigeria announced that it will withdraw") stands for the nearest participant
        // before it, the subject of the reporting clause.
        var scan = cueStart - 1
        while scan >= 0, cueStart - scan <= 4, Self.verbGroupWords.contains(text.tokens[scan].key) { scan -= 1 }
        if scan >= 0, Self.pronouns.contains(text.tokens[scan].key),
            let subject = before.last(where: { $0.endToken <= scan })
        {
            actors = [subject.participant]
        }
        if actors.isEmpty { return [(nil, after.first?.participant)] }
        // The target: the first participant after the cue that is not the actor itself ("Israel threatened to
        // ban voting in East Jerusalem": Jerusalem is Israel's; no target).
        return actors.map { actor in (actor, after.first { $0.participant.id != actor.id }?.participant) }
    }

    /// The participant that owns the cue: "Iran's cyberattack", "Iran's major cyberattack".
    private func possessor(before cue: Int, in text: TokenizedText, participants: [Occurrence]) -> Participant? {
        for occurrence in participants.reversed() {
            let end = occurrence.endToken
            guard end < cue, text.tokens[end].key == "s", cue - end <= 3 else { continue }
            return occurrence.participant
        }
        return nil
    }

    /// Whether one or two words between a determiner and the cue precede it ("a major attack").
    private func adjectiveRunBefore(_ cue: Int, in text: TokenizedText) -> Bool {
        for distance in 2...3 where cue - distance >= 0 {
            if Self.determiners.contains(text.tokens[cue - distance].key) {
                return text.tokens[(cue - distance + 1)..<cue].allSatisfy { !$0.isCapitalized }
            }
        }
        return false
    }

    /// The first token at or after `start` whose key is one of `markers`, within six tokens.
    private func markerIndex(after start: Int, in text: TokenizedText, markers: Set<String>) -> Int? {
        var position = start
        while position < min(text.tokens.count, start + 6) {
            if markers.contains(text.tokens[position].key) { return position }
            position += 1
        }
        return nil
    }

    /// The participants joined by "and" or commas that end nearest before the cue.
    private func coordinatedGroup(endingBefore cue: Int, in before: [Occurrence], text: TokenizedText) -> [Participant]
    {
        guard var current = before.last else { return [] }
        var group = [current.participant]
        for previous in before.dropLast().reversed() {
            guard previous.endToken <= current.firstToken else { break }
            let between = text.tokens[previous.endToken..<current.firstToken].map(\.key)
            let gapIsCoordination = between.allSatisfy { $0 == "and" || $0 == "the" } && between.count <= 2
            guard gapIsCoordination else { break }
            group.insert(previous.participant, at: 0)
            current = previous
        }
        var seen = Set<String>()
        return group.filter { seen.insert($0.id).inserted }
    }
}
