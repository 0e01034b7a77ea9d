import NewsLanguage

/// Rule `pattern.object-head`: a verb's patterns (the CAMEO patterns and the project's phrases) are matched
/// against the verb and the head of its object, with the object's other modifiers set aside: "signed a gas
/// deal", "signed a long-awaited energy deal" and "signed a deal" are one pattern. The cue then spans the verb
/// through the object's head.
enum ObjectHeadRule {
    static let id = "pattern.object-head"

    /// `matches` (from `EventCoder.cues(in:)` over `tokens`, the sentence's tokens) with, for each verb whose
    /// object has words between its determiner and its head, the match the condensed phrase finds, where the
    /// sentence's own tokens found no pattern longer than the verb.
    static func merged(
        _ matches: [(start: Int, end: Int, cue: EventCue)], tokens: [Token], analyzed: AnalyzedSentence
    ) -> [(start: Int, end: Int, cue: EventCue)] {
        func byStart(_ offset: Int) -> Int? { tokens.index(where: \.start, is: offset) }
        let analysis = analyzed.analysis
        var result = matches
        for clause in analysis.clauses {
            let group = analysis.verbGroups[clause.verbGroup]
            guard group.voice == .active, let object = clause.objects.first,
                let verb = byStart(analysis.words[group.head].start)
            else { continue }
            let phrase = analysis.nounPhrases[object]
            let body = phrase.possessor.map { $0.upperBound + 1 } ?? phrase.range.lowerBound
            let determiner = phrase.determiner.flatMap { byStart(analysis.words[$0].start) }
            guard let head = byStart(analysis.words[phrase.head].start) else { continue }
            let first = determiner.map { $0 + 1 } ?? byStart(analysis.words[body].start) ?? head
            // Only objects with modifiers before the head: elsewhere the tokens say the same.
            guard first < head, verb < first else { continue }
            if matches.contains(where: { $0.start == verb && $0.end > verb + 1 }) { continue }
            // The verb, its particle and anything up to the object, the determiner, the head and what follows.
            var kept = Array(verb..<first)
            kept += Array(head..<min(tokens.count, head + 6))
            let condensed = kept.map { tokens[$0] }
            guard
                let match = EventCoder.cues(in: condensed).first(where: { $0.start == 0 }),
                match.end > first - verb
            else { continue }
            let end = kept[match.end - 1] + 1
            result.removeAll { $0.start >= verb && $0.start < end }
            var cue = match.cue
            cue.rules.append(id)
            result.append((verb, end, cue))
        }
        return result.sorted { $0.start < $1.start }
    }
}
