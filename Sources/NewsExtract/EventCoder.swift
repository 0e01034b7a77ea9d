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
    static let hypotheticals: Set<String> = ["if", "could", "would", "might", "whether", "unless"]
    static let passiveAuxiliaries: Set<String> = ["was", "were", "been", "being", "is", "are", "be"]
    static let targetMarkers: Set<String> = ["on", "against", "targeting", "at"]
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
            let cueMatches = EventLexicon.trie.matches(in: tokens)
            let cueOffsets = cueMatches.map { match in
                text.tokens[sentence.firstToken + match.start]
                    .start..<text.tokens[sentence.firstToken + match.end - 1].end
            }
            for cueMatch in cueMatches {
                let cueStart = sentence.firstToken + cueMatch.start
                let cueEnd = sentence.firstToken + cueMatch.end
                // A cue inside a participant's name ("Attack Team") is not a cue.
                if inSentence.contains(where: { $0.firstToken < cueEnd && cueStart < $0.endToken }) { continue }
                if isNegatedOrHypothetical(text, sentence: sentence, cue: cueStart) { continue }
                let cue = cueMatch.payloads[0]
                let date = clauseDate(
                    for: cueStart, cueEnd: cueEnd, in: text, among: sentenceDates, cueOffsets: cueOffsets)
                for (actor, target) in roles(
                    cue: cue, cueStart: cueStart, cueEnd: cueEnd, text: text, participants: inSentence)
                {
                    guard actor != nil || target != nil, actor?.id != target?.id || actor == nil else { continue }
                    let event = Event(
                        type: cue.type, mode: cue.mode, context: cue.context, cameo: cue.cameo,
                        quadClass: cue.quadClass,
                        actor: actor, target: target, date: date, sentence: sentenceText, sentenceStart: sentence.start,
                        sentenceEnd: sentence.end,
                        cue: text.text(from: text.tokens[cueStart].start, to: text.tokens[cueEnd - 1].end))
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
            }
        }
        return events
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

    private func isNegatedOrHypothetical(_ text: TokenizedText, sentence: Sentence, cue: Int) -> Bool {
        let from = max(sentence.firstToken, cue - 4)
        for position in from..<cue {
            let key = text.tokens[position].key
            if Self.negations.contains(key)
                || key == "t" && position > 0 && text.tokens[position - 1].key.hasSuffix("n")
            {
                return true
            }
        }
        for position in sentence.firstToken..<cue where Self.hypotheticals.contains(text.tokens[position].key) {
            return true
        }
        return false
    }

    private func roles(
        cue: EventCue, cueStart: Int, cueEnd: Int, text: TokenizedText, participants: [Occurrence]
    ) -> [(Participant?, Participant?)] {
        let before = participants.filter { $0.endToken <= cueStart }
        let after = participants.filter { $0.firstToken >= cueEnd }
        let previous = cueStart > 0 ? text.tokens[cueStart - 1].key : ""
        let passive = Self.passiveAuxiliaries.contains(previous)
        // A verb cue after a determiner or a possessive is used as a noun ("the attack", "Iran's attack").
        let nominal = cue.nominal || Self.determiners.contains(previous) || adjectiveRunBefore(cueStart, in: text)
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
        let actors = coordinatedGroup(endingBefore: cueStart, in: before, text: text)
        let target = after.first?.participant
        if actors.isEmpty { return [(nil, target)] }
        return actors.map { ($0, target) }
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
