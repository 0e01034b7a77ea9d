import NewsLanguage

/// Rule `clause.event-subject`: a coercion (CAMEO 17) whose subject is itself an event noun reports what that
/// event did, not a coercion by anyone: "The new hack on Friday forced the government to shut its systems" is
/// the hack (a cyberattack) on the government; "The strike forced the airline to cancel flights" the strike.
/// The clause keeps its roles (the object is the target); the event is the subject's.
enum EventSubjectRule {
    static let id = "clause.event-subject"

    /// The subject's nominal cue to code instead of `cue`, or nil when the rule does not apply. `matches` are the
    /// sentence's cues over `tokens` (token indices relative to the sentence).
    static func cue(
        for cue: EventCue, clause: Clause, analyzed: AnalyzedSentence,
        matches: [(start: Int, end: Int, cue: EventCue)], tokens: [Token]
    ) -> EventCue? {
        guard cue.cameo.hasPrefix("17"), clause.subjectSource == .direct, let subject = clause.subjects.first else {
            return nil
        }
        let analysis = analyzed.analysis
        let head = analysis.words[analysis.nounPhrases[subject].head]
        guard
            let match = matches.first(where: { match in
                match.cue.nominal && tokens[match.start].start <= head.start && head.end <= tokens[match.end - 1].end
            })
        else { return nil }
        var event = match.cue
        event.nominal = false
        event.rules = cue.rules + [id]
        return event
    }
}
