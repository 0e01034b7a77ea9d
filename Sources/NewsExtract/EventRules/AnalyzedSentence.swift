import NewsLanguage
import NewsModel

/// A sentence's language analysis seen from the event coder, whose tokens are NewsExtract's word tokens:
/// which clause a cue verb heads, and which participants stand in that clause's subject, objects and agent.
/// Words of both are matched by their scalar offsets.
struct AnalyzedSentence {
    let analysis: SentenceAnalysis
    /// The clause each verb-group word (and particle) belongs to, by word index; -1 for other words.
    private let clauseByWord: [Int32]
    /// Where the marks that separate parts (`EventCoder.partMarks`) start; empty in most sentences.
    private let partMarkStarts: [Int]

    init(_ analysis: SentenceAnalysis) {
        self.analysis = analysis
        var clauses = [Int32](repeating: -1, count: analysis.words.count)
        for (index, clause) in analysis.clauses.enumerated() {
            let group = analysis.verbGroups[clause.verbGroup]
            for word in group.range { clauses[word] = Int32(index) }
            if let particle = group.particle { clauses[particle] = Int32(index) }
        }
        clauseByWord = clauses
        partMarkStarts = analysis.words.filter { $0.tag == .punctuation && EventCoder.partMarks.contains($0.form) }
            .map(\.start)
    }

    /// The clause whose verb group holds the word starting at `offset`, if that word is a verb of one.
    func clause(atWordStarting offset: Int) -> Clause? {
        guard let word = analysis.words.index(where: \.start, is: offset), clauseByWord[word] >= 0 else { return nil }
        return analysis.clauses[Int(clauseByWord[word])]
    }

    /// Which part of the sentence the scalar at `offset` stands in, parts being separated by the marks in
    /// `EventCoder.partMarks`: the number of such marks before it. A part set off by dashes stays in the part
    /// around it, since its names are often the participants of that part ("the five companies — Blue Origin,
    /// SpaceX ... — had been selected"). O(marks in the sentence).
    func part(containing offset: Int) -> Int {
        partMarkStarts.reduce(0) { $0 + ($1 < offset ? 1 : 0) }
    }

    /// The scalar range of a noun phrase.
    func span(ofPhrase phrase: Int) -> Range<Int> {
        let range = analysis.nounPhrases[phrase].range
        return analysis.words[range.lowerBound].start..<analysis.words[range.upperBound - 1].end
    }

    /// The participants named in the phrases, in order, each once: for each phrase, the one that covers the
    /// phrase's head ("Iran's foreign minister" gives the minister when the minister is a participant), else
    /// the ones inside it ("the Iranian government" gives Iran).
    func participants(
        in phrases: [Int], among occurrences: [EventCoder.Occurrence], text: TokenizedText
    ) -> [Participant] {
        var found: [Participant] = []
        for phrase in phrases {
            let span = span(ofPhrase: phrase)
            let head = analysis.words[analysis.nounPhrases[phrase].head]
            let inside = occurrences.filter {
                text.tokens[$0.firstToken].start >= span.lowerBound
                    && text.tokens[$0.endToken - 1].end <= span.upperBound
            }
            let atHead = inside.filter {
                text.tokens[$0.firstToken].start <= head.start && head.end <= text.tokens[$0.endToken - 1].end
            }
            for occurrence in atHead.isEmpty ? inside : atHead
            where !found.contains(where: { $0.id == occurrence.participant.id }) {
                found.append(occurrence.participant)
            }
        }
        return found
    }
}
