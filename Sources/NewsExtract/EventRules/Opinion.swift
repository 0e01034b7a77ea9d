import NewsLanguage

/// Rule `speech.opinion`: a verb of arguing at its CAMEO dictionary default (110: "argue", "contend")
/// that has no object and reports a clause states an opinion, not a disapproval of anyone: "Austria argued for
/// decades that it was the first victim", "McKinley argued that the United States needs stronger border
/// security" code no event; "argued with the mayor" keeps its object and its code.
enum OpinionRule {
    static let id = "speech.opinion"
    /// The verbs of arguing (lemmas); "alleged that" and "complained that" still accuse.
    static let opinionLemmas: WordSet = ["argue", "contend"]

    static func statesOpinion(_ cue: EventCue, clause: Clause, analyzed: AnalyzedSentence) -> Bool {
        let analysis = analyzed.analysis
        let group = analysis.verbGroups[clause.verbGroup]
        guard cue.verbDefault, cue.cameo == "110", clause.objects.isEmpty, opinionLemmas.contains(group.lemma) else {
            return false
        }
        if let own = analysis.clauses.firstIndex(where: { $0.verbGroup == clause.verbGroup }),
            analysis.clauses.contains(where: { $0.complementOf == own })
        {
            return true
        }
        // "argued for decades that": "that" within a few words, with no verb or punctuation before it.
        var index = (group.particle ?? group.range.upperBound - 1) + 1
        while index < min(analysis.words.count, group.range.upperBound + 6) {
            let word = analysis.words[index]
            if word.lower == "that" { return true }
            if [.verb, .auxiliary, .punctuation].contains(word.tag) { return false }
            index += 1
        }
        return false
    }
}
