import Foundation
import NewsPipeline
import Testing

struct EventReportTests {
    /// Records of our own: two accusations of Iran by Albania on one day, Iran's rejection the next day (by an
    /// official), an article record holding one event with no day, an error record and a line that is no record.
    static let lines = [
        #"{"schema":"newsevents.event/3","id":"e1","type":"ACCUSE","cameo":"112","quad_class":3,"actor":{"text":"Albania","kind":"country","id":"ALB","country":"ALB"},"target":{"text":"Iran","kind":"country","id":"IRN","country":"IRN"},"date":{"value":"2022-09-12","timex":"2022-09-12","precision":"day","text":"Monday"},"evidence":{"sentence":"Albania blamed Iran on Monday."},"article":{"id":"a1","url":"https://example.org/a1","title":"Albania blames Iran","published":"2022-09-13"}}"#,
        #"{"schema":"newsevents.event/3","id":"e2","type":"ACCUSE","cameo":"112","quad_class":3,"actor":{"text":"Tirana","kind":"country","id":"ALB","country":"ALB"},"target":{"text":"Tehran","kind":"country","id":"IRN","country":"IRN"},"date":null,"evidence":{"sentence":"Tirana accused Tehran <again> & more."},"article":{"id":"a2","url":"javascript:alert(1)","title":"Second <b>story</b>","published":"2022-09-12T08:00:00Z"}}"#,
        #"{"schema":"newsevents.event/3","id":"e3","type":"REJECT","cameo":"120","quad_class":3,"actor":{"text":"Nasser Kanaani","kind":"official","id":"person:nasser-kanaani","country":"IRN"},"target":{"text":"Albania","kind":"country","id":"ALB","country":"ALB"},"date":{"value":"2022-09-14","timex":"2022-09-14","precision":"day","text":"Wednesday"},"evidence":{"sentence":"Kanaani rejected the claims."},"article":{"id":"a3","url":null,"title":null,"published":null}}"#,
        #"{"schema":"newsevents.article/2","id":"a4","title":"Talks","url":"https://example.org/a4","published":null,"events":[{"id":"e4","type":"CONSULT","cameo":"040","quad_class":1,"actor":{"text":"Japan","kind":"country","id":"JPN","country":"JPN"},"target":null,"date":null,"evidence":{"sentence":"Japan held talks."}}]}"#,
        #"{"schema":"newsevents.error/1","origin":"x.html","stage":"clean","reason":"not-text","message":"m"}"#,
        "not json",
    ]

    static func report() -> EventReport {
        var report = EventReport()
        for line in lines { report.add(line: Array(line.utf8)) }
        return report
    }

    @Test func countsWhatTheRecordsHold() {
        let report = Self.report()
        #expect(report.lines == 6 && report.unreadableLines == 1)
        #expect(report.events == 4 && report.undatedEvents == 1)
        #expect(report.articles == 4)
        #expect(report.failures == ["not-text": 1])
        // The event's own day first, else the article's publication day; the official counts for Iran.
        #expect(report.perDay == ["2022-09-12": ["ACCUSE": 2], "2022-09-14": ["REJECT": 1]])
        #expect(report.nodeWeights == ["ALB": 3, "IRN": 3, "JPN": 1])
        #expect(report.edges == ["ALB\u{1}IRN": [0, 0, 0, 2, 0], "IRN\u{1}ALB": [0, 0, 0, 1, 0]])
    }

    @Test func thePageHasItsTablesEvidenceAndPictures() throws {
        let html = Self.report().html()
        // The most frequent name labels a row; ties go to the alphabetically first.
        #expect(html.contains("<td>Albania (ALB)</td><td class=\"n\">2</td><td><a href=\"#ev-actors-1\">sentences</a>"))
        #expect(html.contains("<td>ALB → IRN</td><td class=\"n\">2</td>"))
        #expect(html.contains("<td>Nasser Kanaani (person:nasser-kanaani)</td><td class=\"n\">1</td>"))
        // Evidence: escaped, linked to its article only by an http(s) address.
        #expect(
            html.contains(
                "<blockquote>“Tirana accused Tehran &lt;again&gt; &amp; more.”</blockquote><p>Second &lt;b&gt;story&lt;/b&gt;, 2022-09-12</p>"
            ))
        #expect(html.contains("<a href=\"https://example.org/a1\">Albania blames Iran</a>, 2022-09-12"))
        #expect(!html.contains("javascript:"))
        #expect(html.contains("<tr><th>failed: not-text</th><td class=\"n\">1</td></tr>"))
        // Every in-page link has its target; both pictures are drawn; nothing is loaded from elsewhere.
        let links = html.components(separatedBy: "href=\"#").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(!links.isEmpty)
        for link in links { #expect(html.contains("id=\"\(link)\""), "\(link)") }
        #expect(html.components(separatedBy: "<rect ").count - 1 == 2)
        #expect(html.contains("<svg id=\"network\"") && html.components(separatedBy: "<circle ").count - 1 == 3)
        #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("@import"))
    }

    @Test func theSameInputGivesTheSameBytesInAnyOrderOfReading() {
        var reversed = EventReport()
        for line in Self.lines.reversed() { reversed.add(line: Array(line.utf8)) }
        #expect(Self.report().html() == Self.report().html())
        #expect(reversed.html() == Self.report().html())
    }

    @Test func longSpansAreBinnedByWeekThenByMonth() {
        var report = EventReport()
        for day in ["2022-01-03", "2022-01-05", "2022-06-01"] {
            report.perDay[day] = ["ACCUSE": 1]
        }
        report.quadClassOfType = ["ACCUSE": 3]
        let weeks = report.timelineBins()
        #expect(weeks.first?.label == "2022-01-03" && weeks.first?.counts == ["ACCUSE": 2])
        #expect(weeks.count == 22)
        report.perDay["2024-06-01"] = ["ACCUSE": 1]
        let months = report.timelineBins()
        #expect(months.first?.label == "2022-01" && months.count == 30 && months.last?.label == "2024-06")
        // Its twin: within 90 days, a bar per day.
        report.perDay = ["2022-01-03": ["ACCUSE": 1], "2022-01-05": ["ACCUSE": 1]]
        #expect(report.timelineBins().map(\.label) == ["2022-01-03", "2022-01-04", "2022-01-05"])
    }
}
