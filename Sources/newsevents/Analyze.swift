import ArgumentParser
import Foundation
import NewsPipeline

/// `newsevents analyze`: the language layer's analysis of plain text, to inspect why an extractor saw what it
/// saw, and for the syntax benchmark (`scripts/bench/language-cmd`).
struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Show the word classes, lemmas, phrases and clauses the extract stage finds in plain text.",
        discussion: """
            Examples:
              echo "Iran denied the accusations." | newsevents analyze | jq '.words[] | [.form, .upos]'
              newsevents analyze --lines --format conllu sentences.txt

            JSON Lines, one object per sentence: "start", "end", "text", "words" (form, lemma, upos, start, end),
            "noun_phrases" and "verb_groups" (word indices, end exclusive), "clauses" (phrase indices) and
            "relations" (nsubj, nsubj:pass, obj, iobj, obl:agent between word indices). Offsets in Unicode code
            points. With --format conllu: CoNLL-U with UPOS, LEMMA, and HEAD/DEPREL for those relations.
            """)

    @Argument(help: "A UTF-8 text file. None or '-' reads standard input.")
    var file: String?

    @Option(help: "Output: json (JSON Lines) or conllu.")
    var format: TextInspection.AnalysisFormat = .json

    @Flag(help: "Each input line is one sentence (no sentence splitting); an empty line gives an empty sentence.")
    var lines = false

    func run() throws {
        let text = try PlainTextInput.read(file)
        try Output.reporting {
            try TextInspection.analyze(text, format: format, oneSentencePerLine: lines) { chunk in
                try StandardOutput.write(chunk)
            }
        }
    }
}

extension TextInspection.AnalysisFormat: ExpressibleByArgument {}
