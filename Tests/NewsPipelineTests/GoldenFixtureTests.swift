import Foundation
import NewsModel
import NewsSink
import Testing

@testable import NewsPipeline

/// Runs every `fixtures/*.html` through the clean and extract stages and compares the records with the
/// golden files beside it: `<name>.expected.jsonl` (event records) and `<name>.article.expected.jsonl`
/// (the article record). `NEWSEVENTS_RECORD=1 swift test` rewrites the golden files that differ and fails (recording checks nothing);
/// review the diff, then run the tests again without it.
struct GoldenFixtureTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures")

    static var fixtureNames: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".html") }.sorted()
    }

    private func records(for name: String) throws -> (events: String, article: String) {
        let bytes = Array(try Data(contentsOf: Self.folder.appendingPathComponent(name)))
        // A fixed fetch time (2026-01-01), the anchor for pages without a publication date.
        let processor = ArticleProcessor(
            limits: .init(maxInputBytes: 10 << 20), now: { Date(timeIntervalSince1970: 1_767_225_600) })
        let input = ArticleInput(origin: "fixtures/\(name)", content: .html(bytes: bytes, transportCharset: nil))
        guard case .article(let article) = processor.process(input) else {
            Issue.record("fixture \(name) did not give an article")
            return ("", "")
        }
        let events = RecordRenderer.events.records(for: article).map { $0.line + "\n" }.joined()
        let articleLine = RecordRenderer.articles.records(for: article).map { $0.line + "\n" }.joined()
        return (events, articleLine)
    }

    /// A short description of the first line that differs, or nil when the texts are equal.
    private func firstDifference(_ actual: String, _ expected: String) -> String? {
        guard actual != expected else { return nil }
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(actualLines.count, expectedLines.count) {
            let got = index < actualLines.count ? actualLines[index] : "<none>"
            let want = index < expectedLines.count ? expectedLines[index] : "<none>"
            guard got != want else { continue }
            let common = zip(got, want).prefix { $0 == $1 }.count
            return "line \(index + 1), from character \(common): got '\(got.dropFirst(common).prefix(120))', "
                + "expected '\(want.dropFirst(common).prefix(120))'"
        }
        return "the texts differ"
    }

    @Test func thereAreAtLeastSixFixtures() {
        #expect(Self.fixtureNames.count >= 6)
        #expect(Self.fixtureNames.contains("seed-techmonitor-albania-iran.html"))
    }

    @Test(arguments: GoldenFixtureTests.fixtureNames)
    func outputMatchesTheGoldenFiles(name: String) throws {
        let base = String(name.dropLast(".html".count))
        let (events, article) = try records(for: name)
        let eventsURL = Self.folder.appendingPathComponent("\(base).expected.jsonl")
        let articleURL = Self.folder.appendingPathComponent("\(base).article.expected.jsonl")
        if ProcessInfo.processInfo.environment["NEWSEVENTS_RECORD"] == "1" {
            // Recording checks nothing, so it never passes: the run that writes the files fails, and the run
            // after the diff was reviewed checks them.
            let changed = [(events, eventsURL), (article, articleURL)].filter { output, url in
                (try? String(contentsOf: url, encoding: .utf8)) != output
            }
            for (output, url) in changed { try Data(output.utf8).write(to: url) }
            Issue.record(
                "recorded \(base): \(changed.isEmpty ? "no change" : changed.map(\.1.lastPathComponent).joined(separator: ", ") + " rewritten"); review the diff and run again without NEWSEVENTS_RECORD"
            )
            return
        }
        let expectedEvents = try String(contentsOf: eventsURL, encoding: .utf8)
        let expectedArticle = try String(contentsOf: articleURL, encoding: .utf8)
        #expect(
            firstDifference(events, expectedEvents) == nil, "event records differ from \(eventsURL.lastPathComponent)")
        #expect(
            firstDifference(article, expectedArticle) == nil,
            "article record differs from \(articleURL.lastPathComponent)")
    }

    @Test func theSeedArticleNamesAlbaniaAndIranWithItsPublicationDate() throws {
        let (events, article) = try records(for: "seed-techmonitor-albania-iran.html")
        let record = try #require(try JSONSerialization.jsonObject(with: Data(article.utf8)) as? [String: Any])
        #expect(record["published"] as? String == "2022-09-12")
        let countries = (record["entities"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(countries.contains("ALB") && countries.contains("IRN"))
        #expect(events.contains(#""type":"ACCUSE""#))
    }

    /// The dates listed in ../shared/seed/README.md, in text order. The dateline "September 12, 2022" is page
    /// furniture outside the body; it is the article's `published` value.
    @Test func theSeedArticleHasExactlyTheDatesOfItsREADME() throws {
        let (_, article) = try records(for: "seed-techmonitor-albania-iran.html")
        let record = try #require(try JSONSerialization.jsonObject(with: Data(article.utf8)) as? [String: Any])
        let dates = (record["dates"] as? [[String: Any]] ?? []).map {
            "\($0["text"] as? String ?? "")=\($0["value"] as? String ?? "")"
        }
        #expect(
            dates == [
                "the weekend=2022-W36-WE", "July=2022-07", "Friday=2022-09-09", "Saturday=2022-09-10", "July=2022-07",
                "July=2022-07", "last week=2022-W36", "recent months=PXM", "June=2022-06",
            ])
        #expect(record["published"] as? String == "2022-09-12")
    }

    /// The groups listed in ../shared/seed/README.md, and nothing from the page furniture; the typed but unnamed
    /// groups apart.
    @Test func theSeedArticleHasExactlyTheGroupsOfItsREADME() throws {
        let (_, article) = try records(for: "seed-techmonitor-albania-iran.html")
        let record = try #require(try JSONSerialization.jsonObject(with: Data(article.utf8)) as? [String: Any])
        let all = (record["entities"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "group" }
        let unnamed = all.filter { ($0["id"] as? String ?? "").hasPrefix("unnamed:") }
        #expect(
            unnamed.map { $0["id"] as? String ?? "" }.sorted() == ["unnamed:irn-apt-actors", "unnamed:pro-isr-hackers"])
        let groups = all.filter { !($0["id"] as? String ?? "").hasPrefix("unnamed:") }
        let described = groups.map { "\($0["name"] as? String ?? "")/\($0["country"] as? String ?? "-")" }.sorted()
        #expect(
            described == [
                "Albanian Parliament/ALB", "Cisco Talos/USA", "Cybersecurity and Infrastructure Security Agency/USA",
                "MuddyWater/IRN", "NATO/-", "Tech Monitor/GBR", "US Treasury/USA", "United Nations/-",
            ])
        let muddyWater = try #require(groups.first { $0["name"] as? String == "MuddyWater" })
        #expect(muddyWater["id"] as? String == "G0069")
        // The officials of the README, with their countries; the author and the photo credit are not officials.
        let officials = (record["entities"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "official" }
        #expect(
            officials.map { "\($0["name"] as? String ?? "")/\($0["country"] as? String ?? "-")" }.sorted() == [
                "Brian Nelson/USA", "Edi Rama/ALB", "James Cleverly/GBR",
            ])
    }

    @Test func processingTheSameInputTwiceGivesByteIdenticalRecords() throws {
        let first = try records(for: "seed-techmonitor-albania-iran.html")
        let second = try records(for: "seed-techmonitor-albania-iran.html")
        #expect(first.events == second.events)
        #expect(first.article == second.article)
    }
}
