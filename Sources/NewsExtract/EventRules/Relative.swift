import NewsLanguage
import NewsModel

/// Rule `clause.relative`: a verb cue of a relative clause ("Greece, which hosts 40,000 migrants, accused
/// Turkey") tells of its phrase in passing. It is no main event of the sentence, so the verb of the main clause
/// around it codes its own ("accused Turkey" is Greece's accusation); it takes no target named only where the
/// main clause resumes (Greece hosts no one named); and with no actor of its own it acts through the phrase it
/// describes ("referred the case to the Turkish police, who arrested two suspects": the police arrest).
enum RelativeClauseRule {
    static let id = "clause.relative"

    /// The clause's described phrase when `clause` is a relative clause opened by a relative pronoun.
    static func described(by clause: Clause) -> Int? {
        clause.subjectSource == .relativePronoun ? clause.modifies : nil
    }

    /// Where the verb of the main clause whose subject is the phrase `clause` describes starts (a scalar
    /// offset), when it comes after the relative clause: "accused" in "Greece, which hosts ..., accused Turkey".
    static func mainVerbStart(after clause: Clause, analyzed: AnalyzedSentence) -> Int? {
        guard let described = described(by: clause) else { return nil }
        let analysis = analyzed.analysis
        let ownStart = analysis.verbGroups[clause.verbGroup].range.lowerBound
        let main = analysis.clauses.first { other in
            let start = analysis.verbGroups[other.verbGroup].range.lowerBound
            return start > ownStart && other.subjectSource == .acrossRelativeClause
                && other.subjects.contains(described)
        }
        return main.map { analysis.words[analysis.verbGroups[$0.verbGroup].range.lowerBound].start }
    }

    /// Where the relative clause inside the subject of the verb starting at `verbStart` runs (scalar offsets,
    /// from its relative pronoun to the verb): "who visited Norway" in "Analysts who visited Norway said ...".
    /// A name in it is no subject of that verb, so no speaker of what the verb reports.
    static func span(beforeVerbAt verbStart: Int, analyzed: AnalyzedSentence) -> Range<Int>? {
        let analysis = analyzed.analysis
        guard let main = analyzed.clause(atWordStarting: verbStart), main.subjectSource == .acrossRelativeClause
        else { return nil }
        let relative = analysis.clauses.last { clause in
            guard let described = described(by: clause), main.subjects.contains(described),
                let pronoun = clause.subjects.first
            else { return false }
            return analyzed.span(ofPhrase: pronoun).lowerBound < verbStart
        }
        guard let pronoun = relative?.subjects.first else { return nil }
        return analyzed.span(ofPhrase: pronoun).lowerBound..<verbStart
    }
}
