import ArgumentParser
import NewsModel

/// Every command of the tool states its `commandName`: without it, ArgumentParser derives the name from the
/// type's description at every start, a scan of all the binary's protocol conformances per command type.
@main
struct NewsEvents: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsevents",
        abstract: "Turn news articles into normalized events as JSON Lines.",
        discussion: """
            Examples:
              newsevents run --config pipeline.conf
              curl -s URL | newsevents extract --url URL
              newsevents extract --emit articles fixtures/*.html | jq .title
              newsevents clean --format text page.html
              newsevents check-config --config pipeline.conf

            Logs go to standard error; standard output carries nothing but records.
            """,
        version: NewsEventsVersion.string,
        subcommands: [
            Extract.self, Clean.self, Run.self, CheckConfig.self, State.self, Dates.self, Analyze.self, Report.self,
            Load.self,
            Database.self,
        ]
    )
}
