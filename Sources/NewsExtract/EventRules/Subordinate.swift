import NewsLanguage
import NewsModel

/// Rule `clause.subordinate`: a subordinate clause that opens a sentence and ends at a comma ("After Iran denied
/// the claims, Albania cut ties with Tehran"; "Eighteen years after Washington invaded Iraq, Britain ...") is a
/// clause of its own. Its verb is no main event of the sentence, so the main clause's verb codes its own; and no
/// role crosses the comma: the subordinate verb takes no participant of the main clause, and the main verb none
/// of the subordinate clause ("When Russia invaded Ukraine, Poland condemned Moscow": Ukraine condemns no one)
/// when its subject, found right before it, names a participant (a pronoun may stand for a name before the comma).
enum SubordinateClauseRule {
    static let id = "clause.subordinate"

    /// The most words a subordinate conjunction may follow at the start of a sentence ("Eighteen years after",
    /// "Just two days before").
    static let maxWordsBefore = 4

    /// The tokens of the subordinate clause that opens the sentence `sentence` (token indices), from its
    /// conjunction up to the comma that ends it, if the sentence opens with one: the conjunction is among the
    /// first words, with no participant, comma or quotation mark before it.
    static func leadingClause(
        in sentence: Range<Int>, text: TokenizedText, participants: [EventCoder.Occurrence]
    ) -> Range<Int>? {
        let limit = min(sentence.upperBound, sentence.lowerBound + maxWordsBefore + 1)
        guard
            let opener = (sentence.lowerBound..<limit).first(where: {
                EventCoder.subordinators.contains(text.tokens[$0])
            }),
            !participants.contains(where: { $0.firstToken < opener }),
            !text.scalars[text.tokens[sentence.lowerBound].start..<text.tokens[opener].start].contains(where: {
                ",\"“”‘’".unicodeScalars.contains($0)
            }),
            let comma = (opener + 1..<sentence.upperBound).first(where: { index in
                // A comma with a space after it: not the one inside a number ("1,500").
                let end = text.tokens[index].end
                return end + 1 < text.scalars.count && text.scalars[end] == ","
                    && text.scalars[end + 1].properties.isWhitespace
            })
        else { return nil }
        return opener..<(comma + 1)
    }

    /// The participants a cue starting at token `cue` may take roles from: those on its own side of the leading
    /// subordinate clause's comma.
    static func sameSide(
        of cue: Int, clause: Range<Int>, participants: [EventCoder.Occurrence]
    ) -> [EventCoder.Occurrence] {
        clause.contains(cue)
            ? participants.filter { clause.contains($0.firstToken) }
            : participants.filter { !clause.contains($0.firstToken) }
    }

    /// Whether `clause` (the cue's, if its word is a verb of one) has a subject found right before its verb that
    /// names one of `participants`.
    static func namesItsSubject(
        _ clause: Clause?, analyzed: AnalyzedSentence?, participants: [EventCoder.Occurrence], text: TokenizedText
    ) -> Bool {
        guard let analyzed, let clause, clause.subjectSource == .direct else { return false }
        return !analyzed.participants(in: clause.subjects, among: participants, text: text).isEmpty
    }
}
