import NewsLanguage
import NewsModel

/// Roles from the clause a verb cue heads, where the coder's word-window search left them open:
/// - `clause.subject-actor`: no actor found: the participants of the clause's subject (every conjunct), or of
///   an "in", "of" or "from" phrase right after it ("the government in Tehran denied", "the president of
///   France said").
/// - `clause.object-target`: an actor but no target found: the participants of the clause's object (every
///   conjunct), or of the "of" phrase after it ("rejects the accusations of the US and the UK" targets both).
/// - `coordination.objects`: one target found that is one of coordinated objects: every conjunct is a target
///   ("accuse the UK, the US and Nato" accuses each).
/// Active clauses only: the passive's roles come from its own rules.
enum ClauseRoles {
    static let subjectActor = "clause.subject-actor"
    static let objectTarget = "clause.object-target"
    static let coordinatedObjects = "coordination.objects"

    /// `coded` with the open roles filled from `clause`, and the ids of the rules that filled them.
    static func filled(
        _ coded: [(Participant?, Participant?)], clause: Clause, analyzed: AnalyzedSentence,
        participants: [EventCoder.Occurrence], text: TokenizedText
    ) -> (pairs: [(Participant?, Participant?)], rules: [String]) {
        let analysis = analyzed.analysis
        let group = analysis.verbGroups[clause.verbGroup]
        guard group.voice == .active, !group.isCopula, !coded.isEmpty else { return (coded, []) }
        var pairs = coded
        var rules: [String] = []
        // Only a subject found right before its verb, or the phrase a relative pronoun stands for: one found
        // across a relative clause or taken from an earlier verb rests on more of the analysis than a role should.
        let described = RelativeClauseRule.described(by: clause)
        if pairs.allSatisfy({ $0.0 == nil }), clause.subjectSource == .direct || described != nil {
            var actors = named(
                described.map { analysis.conjuncts(of: $0) } ?? clause.subjects, prepositions: ["in", "of", "from"],
                analyzed, participants, text)
            var rule = described == nil ? subjectActor : RelativeClauseRule.id
            if actors.isEmpty, let speaker = speaker(of: clause, analyzed) {
                actors = named(speaker.subjects, prepositions: ["in", "of", "from"], analyzed, participants, text)
                rule = pronounSpeaker
            }
            if !actors.isEmpty {
                rules.append(rule)
                let targets = Array(Set(pairs.compactMap { $0.1?.id })).compactMap { id in
                    pairs.first { $0.1?.id == id }?.1
                }
                pairs = actors.flatMap { actor -> [(Participant?, Participant?)] in
                    targets.isEmpty ? [(actor, nil)] : targets.filter { $0.id != actor.id }.map { (actor, $0) }
                }
            }
        }
        let objects = named(clause.objects, prepositions: ["of"], analyzed, participants, text)
        let actorIDs = Set(pairs.compactMap { $0.0?.id })
        let objectTargets = objects.filter { !actorIDs.contains($0.id) }
        // Precision first: a target alone makes no event the coder had not already made.
        if pairs.allSatisfy({ $0.1 == nil }), pairs.contains(where: { $0.0 != nil }), !objectTargets.isEmpty {
            pairs = pairs.flatMap { pair in objectTargets.map { (pair.0, Optional($0)) } }
            rules.append(objectTarget)
        } else if clause.objects.count > 1, objectTargets.count > 1,
            let only = Set(pairs.compactMap { $0.1?.id }).first, Set(pairs.compactMap { $0.1?.id }).count == 1,
            objectTargets.contains(where: { $0.id == only })
        {
            rules.append(coordinatedObjects)
            pairs =
                pairs.allSatisfy({ $0.0 == nil })
                ? objectTargets.map { (nil, Optional($0)) }
                : pairs.filter { $0.1?.id == only }.flatMap { pair in objectTargets.map { (pair.0, Optional($0)) } }
        }
        return (pairs, rules)
    }

    /// Rule `clause.subject-over-window`: the word window took as actor a participant outside the subject that
    /// the analysis found for the cue's clause, and that subject names participants: they act ("Pakistan, a key
    /// U.S. ally, has refused": Pakistan, not the US). Rule `clause.subject-names-none`: that subject names no
    /// participant, and the clause is reported or relative ("Kennedy said free speech does not protect ...",
    /// "besieged by police, who fired"): the window reached past the clause's own subject into another clause, so
    /// the act has no named actor. Pronoun subjects are left to the window's pronoun rules, but for the next one.
    static let subjectOverWindow = "clause.subject-over-window"
    static let subjectNamesNone = "clause.subject-names-none"
    /// Rule `coordination.shared-pronoun`: a verb that shares an earlier verb's pronoun subject has no actor
    /// named inside that verb's object ("We received an inquiry from the NYAG and are cooperating").
    static let sharedPronoun = "coordination.shared-pronoun"

    /// Rule `coordination.verb-ends-roles`: a verb coordinated after the cue's ("promised to protect Medicaid and
    /// hammered Bevin") starts a clause of its own: a target named only after it is that verb's, not the cue's.
    static let verbEndsRoles = "coordination.verb-ends-roles"

    static func targetsBeforeNextVerb(
        _ coded: [(Participant?, Participant?)], cueEnd: Int, analyzed: AnalyzedSentence,
        participants: [EventCoder.Occurrence], text: TokenizedText
    ) -> (pairs: [(Participant?, Participant?)], rule: String)? {
        let analysis = analyzed.analysis
        // A finite verb right after "and", "but" or "or" (or one that shares an earlier verb's subject).
        let coordinated = analysis.clauses.lazy.filter { clause in
            let group = analysis.verbGroups[clause.verbGroup]
            let first = group.range.lowerBound
            return clause.subjectSource == .shared
                || !group.isNonFinite && first > 0 && analysis.words[first - 1].tag == .coordinatingConjunction
        }
        guard
            let boundary = coordinated.map({ analysis.words[analysis.verbGroups[$0.verbGroup].range.lowerBound].start })
                .first(where: { $0 >= cueEnd })
        else { return nil }
        return dropping(coded, namedOnlyAfter: boundary, cueEnd: cueEnd, participants: participants, text: text)
            .map { ($0, verbEndsRoles) }
    }

    /// `coded` without the targets whose every occurrence after the cue (which ends at `cueEnd`) starts at or
    /// after `boundary`; nil when no target was dropped. A pair left with neither actor nor target goes.
    static func dropping(
        _ coded: [(Participant?, Participant?)], namedOnlyAfter boundary: Int, cueEnd: Int,
        participants: [EventCoder.Occurrence], text: TokenizedText
    ) -> [(Participant?, Participant?)]? {
        var changed = false
        var pairs: [(Participant?, Participant?)] = []
        for (actor, target) in coded {
            var kept = target
            if let target {
                let starts = Self.starts(of: target.id, among: participants, text: text).filter { $0 >= cueEnd }
                if !starts.isEmpty, starts.allSatisfy({ $0 >= boundary }) {
                    kept = nil
                    changed = true
                }
            }
            if actor == nil && kept == nil { continue }
            if !pairs.contains(where: { $0.0?.id == actor?.id && $0.1?.id == kept?.id }) { pairs.append((actor, kept)) }
        }
        return changed ? pairs : nil
    }

    /// Where each occurrence of the participant `id` starts (scalar offsets).
    private static func starts(
        of id: String, among participants: [EventCoder.Occurrence], text: TokenizedText
    )
        -> [Int]
    {
        participants.filter { $0.participant.id == id }.map { text.tokens[$0.firstToken].start }
    }

    /// Verbs (lemmas) whose complement clause reports what someone said, thought or showed.
    static let reportingLemmas: WordSet = [
        "say", "tell", "think", "believe", "argue", "claim", "insist", "warn", "announce", "state", "add", "note",
        "suggest", "fear", "hope", "expect", "know", "predict", "acknowledge", "admit", "assert", "contend",
        "maintain", "allege", "write", "conclude", "find", "reveal", "explain", "indicate", "show", "demonstrate",
        "report", "mean", "feel", "realize", "recognize", "understand", "assume", "suspect", "doubt",
    ]

    /// Heads of a definite phrase that names the institution a speaker belongs to ("the government").
    static let institutionNouns: WordSet = [
        "government", "administration", "ministry", "company", "country", "nation", "state", "department",
        "agency", "authorities", "army", "military", "police", "regime", "cabinet", "council", "party", "group",
        "firm", "bank", "court", "office", "organization", "organisation", "alliance", "bloc", "coalition",
    ]

    static func checkedActors(
        _ coded: [(Participant?, Participant?)], clause: Clause, analyzed: AnalyzedSentence,
        participants: [EventCoder.Occurrence], text: TokenizedText
    ) -> (pairs: [(Participant?, Participant?)], rule: String)? {
        let analysis = analyzed.analysis
        let group = analysis.verbGroups[clause.verbGroup]
        guard group.voice == .active, !group.isCopula else { return nil }
        let phrases: [Int]
        switch clause.subjectSource {
        case .direct?, .acrossRelativeClause?: phrases = clause.subjects
        // A subject shared with an earlier verb is trusted only as a pronoun, below.
        case .shared?
        where clause.subjects.contains(where: {
            analysis.words[analysis.nounPhrases[$0].head].tag == .pronoun
        }):
            phrases = clause.subjects
        case .relativePronoun?:
            guard let described = clause.modifies else { return nil }
            phrases = analysis.conjuncts(of: described)
        default: return nil
        }
        let actorIDs = Set(coded.compactMap { $0.0?.id })
        guard !phrases.isEmpty, !actorIDs.isEmpty else { return nil }
        let spans = phrases.map { analyzed.span(ofPhrase: $0) }
        var targets: [Participant] = []
        for pair in coded {
            if let target = pair.1, !targets.contains(where: { $0.id == target.id }) { targets.append(target) }
        }
        if phrases.contains(where: { analysis.words[analysis.nounPhrases[$0].head].tag == .pronoun }) {
            // "We received an inquiry from the NYAG and are cooperating": the second verb shares the pronoun
            // subject; a name inside the first verb's object does not act.
            guard clause.subjectSource == .shared, let subjectEnd = spans.map(\.upperBound).max() else { return nil }
            let verbStart = analysis.words[group.range.lowerBound].start
            let actorsInObject = actorIDs.allSatisfy { id in
                let starts = Self.starts(of: id, among: participants, text: text).filter { $0 < verbStart }
                return !starts.isEmpty && starts.allSatisfy { $0 >= subjectEnd }
            }
            guard actorsInObject else { return nil }
            return (targets.filter { !actorIDs.contains($0.id) }.map { (nil, Optional($0)) }, sharedPronoun)
        }
        let inside = Set(
            participants.filter { occurrence in
                let start = text.tokens[occurrence.firstToken].start
                let end = text.tokens[occurrence.endToken - 1].end
                return spans.contains { $0.lowerBound <= start && end <= $0.upperBound }
            }.map(\.participant.id))
        guard !actorIDs.isSubset(of: inside) else { return nil }
        let subjects = named(phrases, prepositions: ["in", "of", "from"], analyzed, participants, text)
        if subjects.contains(where: { actorIDs.contains($0.id) }) { return nil }
        if subjects.isEmpty {
            let reported = clause.complementOf.map {
                reportingLemmas.contains(analysis.verbGroups[analysis.clauses[$0].verbGroup].lemma)
            }
            guard reported == true || clause.subjectSource == .relativePronoun else { return nil }
            // "the minister said the government would ask": a definite institution stands for the speaker's.
            if phrases.contains(where: { phrase in
                let words = analysis.nounPhrases[phrase].range.map { analysis.words[$0] }
                return words.first?.lower == "the"
                    && institutionNouns.contains(analysis.words[analysis.nounPhrases[phrase].head].lower)
            }) {
                return nil
            }
            let remaining = targets.filter { !actorIDs.contains($0.id) }
            return (remaining.map { (nil, Optional($0)) }, subjectNamesNone)
        }
        let pairs = subjects.flatMap { actor -> [(Participant?, Participant?)] in
            let others = targets.filter { target in !subjects.contains(where: { $0.id == target.id }) }
            return others.isEmpty ? [(actor, nil)] : others.map { (actor, Optional($0)) }
        }
        return (pairs, subjectOverWindow)
    }

    /// Rule `speech.pronoun-speaker`: a pronoun subject of reported speech is the speaker ("the mission said it
    /// rejected", "Iran said they would respond"): the clause that reports this one, when its subject was found
    /// right before its verb.
    static let pronounSpeaker = "speech.pronoun-speaker"

    private static func speaker(of clause: Clause, _ analyzed: AnalyzedSentence) -> Clause? {
        let analysis = analyzed.analysis
        guard let subject = clause.subjects.first, clause.subjects.count == 1,
            ["it", "they", "he", "she"].contains(analysis.words[analysis.nounPhrases[subject].head].lower),
            let reporting = clause.complementOf
        else { return nil }
        let speaker = analysis.clauses[reporting]
        return speaker.subjectSource == .direct ? speaker : nil
    }

    /// The participants of `phrases` (each conjunct); when they name none, those of the prepositional phrase
    /// right after the last one, if its preposition is one of `prepositions`. A relative pronoun names none.
    private static func named(
        _ phrases: [Int], prepositions: Set<String>, _ analyzed: AnalyzedSentence,
        _ occurrences: [EventCoder.Occurrence], _ text: TokenizedText
    ) -> [Participant] {
        let analysis = analyzed.analysis
        var found = analyzed.participants(in: phrases, among: occurrences, text: text)
        if found.isEmpty, let last = phrases.last {
            let end = analysis.nounPhrases[last].range.upperBound
            if let pp = analysis.prepositionalPhrases.first(where: { $0.preposition == end }),
                prepositions.contains(analysis.words[end].lower)
            {
                found = analyzed.participants(in: analysis.conjuncts(of: pp.object), among: occurrences, text: text)
            }
        }
        return found
    }
}
