extension SentenceAnalysis {
    /// One relation the layer found between two words: a subject, object, indirect object or passive agent and
    /// the word its clause hangs on, named as Universal Dependencies names them.
    package struct Relation: Sendable, Equatable {
        package var dependent: Int
        package var head: Int
        package var label: String
    }

    /// The subject, object and agent relations of every clause, in the UD convention: the first conjunct of
    /// a coordinated phrase carries the relation; a copula's subject hangs on its predicate; a shared subject
    /// is not repeated on the second verb.
    package var relations: [Relation] {
        var relations: [Relation] = []
        for clause in clauses {
            let group = verbGroups[clause.verbGroup]
            let head = group.clauseHead
            if let subject = clause.subjects.first, !clause.subjectIsShared {
                relations.append(
                    Relation(
                        dependent: nounPhrases[subject].head, head: head,
                        label: group.voice == .passive ? "nsubj:pass" : "nsubj"))
            }
            if let object = clause.objects.first {
                relations.append(Relation(dependent: nounPhrases[object].head, head: head, label: "obj"))
            }
            if let indirect = clause.indirectObject {
                relations.append(Relation(dependent: nounPhrases[indirect].head, head: head, label: "iobj"))
            }
            if let agent = clause.agents.first {
                relations.append(Relation(dependent: nounPhrases[agent].head, head: head, label: "obl:agent"))
            }
        }
        return relations
    }

    /// The sentence in CoNLL-U (https://universaldependencies.org/format.html): FORM, LEMMA, UPOS, and HEAD
    /// and DEPREL for the relations above; MISC holds `TokenRange=start:end` (Unicode-scalar offsets) and
    /// `SpaceAfter=No`. Comment lines come first; a blank line ends the sentence.
    package func conllu(comments: [String]) -> String {
        var byDependent: [Int: Relation] = [:]
        for relation in relations where byDependent[relation.dependent] == nil {
            byDependent[relation.dependent] = relation
        }
        var lines = comments
        for (index, word) in words.enumerated() {
            let relation = byDependent[index]
            var misc = ["TokenRange=\(word.start):\(word.end)"]
            if index + 1 < words.count, words[index + 1].start == word.end { misc.append("SpaceAfter=No") }
            let columns = [
                String(index + 1), word.form, word.lemma.isEmpty ? "_" : word.lemma, word.tag.rawValue, "_", "_",
                relation.map { String($0.head + 1) } ?? "_", relation?.label ?? "_", "_", misc.joined(separator: "|"),
            ]
            lines.append(columns.joined(separator: "\t"))
        }
        return lines.joined(separator: "\n") + "\n\n"
    }
}
