import ArgumentParser
import Foundation
import NewsPipeline

/// `newsevents report`: one static HTML page of what a run found.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Draw the events of JSON Lines outputs as one self-contained HTML page.",
        discussion: """
            Examples:
              newsevents report out/events.jsonl -o report.html
              newsevents extract fixtures/*.html | newsevents report -o report.html
              newsevents report monday.jsonl tuesday.jsonl -o week.html --top 25

            The page holds the run's numbers (lines, articles, events, failures by reason), a timeline of events
            by PLOVER type in the quad class colours (by day, by week over 90 days, by month over two years),
            the network of the most active countries and groups, and tables of the top actors, targets, pairs,
            officials and groups, each row linking to its evidence sentences with the article's title and URL.
            Inline CSS and SVG only: it opens offline. Event and article records are read; the same input gives
            the same bytes. Memory grows with the distinct days, names, pairs and articles, not with the events.
            """)

    @Argument(help: "JSON Lines files of newsevents records. None or '-' reads standard input.")
    var files: [String] = []

    @Option(name: .shortAndLong, help: "The HTML file to write; '-' is standard output.")
    var output: String = "-"

    @Option(help: "Rows in each table.")
    var top: Int = 15

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be at least 1") }
    }

    func run() throws {
        let report: EventReport
        do {
            report = try EventReport.read(paths: files.isEmpty ? ["-"] : files)
        } catch {
            FileHandle.standardError.write(Data("newsevents: error: \(error)\n".utf8))
            throw ExitCode(1)
        }
        let html = report.html(top: top)
        if output == "-" {
            try Output.write(html)
            return
        }
        do {
            try EventReport.write(html, to: output)
        } catch {
            FileHandle.standardError.write(Data("newsevents: error: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
