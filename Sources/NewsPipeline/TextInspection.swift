import NewsClean
import NewsExtract
import NewsLanguage
import NewsSink

/// The inspection commands' work (`newsevents analyze`, `newsevents dates`): what the extract stage sees in
/// plain text, as JSON or CoNLL-U.
package enum TextInspection {
    package enum AnalysisFormat: String, CaseIterable, Sendable {
        case json, conllu
    }

    /// Writes the analysis of every sentence of `text` through `write`, in chunks of about 64 KB: JSON Lines,
    /// one object per sentence, or CoNLL-U. With `oneSentencePerLine` each line is one sentence (no splitting;
    /// an empty line gives an empty sentence).
    package static func analyze(
        _ text: String, format: AnalysisFormat, oneSentencePerLine lines: Bool,
        write flush: (String) throws -> Void
    ) rethrows {
        var output = ""
        var number = 0
        func write(_ analysis: SentenceAnalysis, scalars: [Unicode.Scalar], range: Range<Int>) throws {
            number += 1
            let sentence = String(scalars: scalars[range])
            switch format {
            case .json: output += Self.json(analysis, text: sentence, range: range).serialized() + "\n"
            case .conllu:
                let flat = sentence.replacingOccurrences(of: "\n", with: " ")
                output += analysis.conllu(comments: ["# sent_id = \(number)", "# text = \(flat)"])
            }
            if output.utf8.count > 1 << 16 {
                try flush(output)
                output = ""
            }
        }
        let scalars = Array(text.unicodeScalars)
        if lines {
            var start = 0
            for index in 0...scalars.count where index == scalars.count || scalars[index] == "\n" {
                if index == scalars.count && start == index { break }
                try write(
                    LanguageAnalyzer.shared.analyze(scalars, in: start..<index), scalars: scalars, range: start..<index)
                start = index + 1
            }
        } else {
            for analysis in Extractor().analyses(text: text) {
                guard let first = analysis.words.first, let last = analysis.words.last else { continue }
                try write(analysis, scalars: scalars, range: first.start..<last.end)
            }
        }
        try flush(output)
    }

    package static func json(_ analysis: SentenceAnalysis, text: String, range: Range<Int>) -> JSONValue {
        func span(_ range: Range<Int>) -> [(String, JSONValue)] {
            [("start", .int(range.lowerBound)), ("end", .int(range.upperBound))]
        }
        let words = analysis.words.map { word in
            JSONValue.object([
                ("form", .string(word.form)), ("lemma", .string(word.lemma)), ("upos", .string(word.tag.rawValue)),
                ("start", .int(word.start)), ("end", .int(word.end)),
            ])
        }
        let phrases = analysis.nounPhrases.map { phrase in
            JSONValue.object(
                span(phrase.range) + [
                    ("head", .int(phrase.head)),
                    ("possessor", phrase.possessor.map { .object(span($0)) } ?? .null),
                    ("proper_name", phrase.properName.map { .object(span($0)) } ?? .null),
                ])
        }
        let groups = analysis.verbGroups.map { group in
            JSONValue.object(
                span(group.range) + [
                    ("head", .int(group.head)), ("lemma", .string(group.lemma)),
                    ("tense", .string(group.tense.rawValue)),
                    ("voice", .string(group.voice.rawValue)), ("negated", .bool(group.negated)),
                    ("modal", .optional(group.modal)), ("perfect", .bool(group.perfect)),
                    ("progressive", .bool(group.progressive)), ("particle", group.particle.map { .int($0) } ?? .null),
                    ("copula", .bool(group.isCopula)), ("predicate", group.predicate.map { .int($0) } ?? .null),
                    ("non_finite", .bool(group.isNonFinite)),
                ])
        }
        let clauses = analysis.clauses.map { clause in
            JSONValue.object([
                ("verb_group", .int(clause.verbGroup)), ("subjects", .array(clause.subjects.map { .int($0) })),
                ("subject_shared", .bool(clause.subjectIsShared)), ("objects", .array(clause.objects.map { .int($0) })),
                ("indirect_object", clause.indirectObject.map { .int($0) } ?? .null),
                ("agents", .array(clause.agents.map { .int($0) })),
                ("modifies", clause.modifies.map { .int($0) } ?? .null),
                ("complement_of", clause.complementOf.map { .int($0) } ?? .null), ("segment", .int(clause.segment)),
            ])
        }
        let relations = analysis.relations.map { relation in
            JSONValue.object([
                ("dependent", .int(relation.dependent)), ("head", .int(relation.head)),
                ("label", .string(relation.label)),
            ])
        }
        return .object(
            span(range) + [
                ("text", .string(text)), ("words", .array(words)), ("noun_phrases", .array(phrases)),
                ("verb_groups", .array(groups)), ("clauses", .array(clauses)), ("relations", .array(relations)),
            ])
    }

    /// The temporal expressions of `text` as a JSON array; `dct` (a date or ISO 8601 time) anchors relative
    /// expressions, `language` (BCP 47) decides how all-numeric dates are read.
    /// With `lines`, one JSON object per line (JSON Lines, nothing for a text with none) instead of one array.
    package static func dates(_ text: String, dct: String?, language: String?, lines: Bool = false) -> String {
        let timexes = Extractor().dates(text: text, anchor: dct.flatMap(PublicationDate.day(of:)), language: language)
        let values = timexes.map(RecordEncoder.timex)
        if lines { return values.map { $0.serialized() + "\n" }.joined() }
        return JSONValue.array(values).serialized() + "\n"
    }

    /// Whether `text` is a date the `dct` of ``dates(_:dct:language:)`` accepts.
    package static func isDocumentDate(_ text: String) -> Bool {
        PublicationDate.day(of: text) != nil
    }
}
