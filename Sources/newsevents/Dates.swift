import ArgumentParser
import Foundation
import NewsPipeline

/// `newsevents dates`: the temporal expressions of plain text, for inspection and for date benchmarks.
struct Dates: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dates",
        abstract:
            "Tag and normalize the temporal expressions of plain text (standard input or a file) as JSON.",
        discussion: """
            Examples:
              echo "The minister resigned on Friday." | newsevents dates --dct 2022-09-12
              newsevents dates --dct 2023-03-16 --language en-gb article.txt | jq '.[].value'
              newsevents dates --format jsonl --dct 2022-09-12 article.txt | jq -c '[.text, .value]'

            A JSON array (--format json) or one object per line (--format jsonl), each {"start", "end", "text",
            "type", "value", "granularity", "anchor", "rule"}, offsets in Unicode code points, end exclusive.
            Without --dct only absolute dates resolve.
            """)

    @Argument(help: "A UTF-8 text file. None or '-' reads standard input.")
    var file: String?

    @Option(help: "The document's date (YYYY-MM-DD or ISO 8601), the anchor for relative expressions.")
    var dct: String?

    @Option(help: "The text's language (BCP 47), which decides how all-numeric dates are read (en: month first).")
    var language: String?

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, jsonl
    }

    @Option(help: "Output: json (one array) or jsonl (one expression per line, like the other commands).")
    var format: Format = .json

    func validate() throws {
        if let dct, !TextInspection.isDocumentDate(dct) {
            throw ValidationError("--dct must be a date such as 2022-09-12, not '\(dct)'")
        }
    }

    func run() throws {
        try Output.write(
            TextInspection.dates(try PlainTextInput.read(file), dct: dct, language: language, lines: format == .jsonl))
    }
}
