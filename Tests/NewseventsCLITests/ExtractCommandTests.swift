import Foundation
import Testing

struct ExtractCommandTests {
    @Test func theSeedArticleOnStandardInputNamesAlbaniaAndIranWithItsDate() throws {
        let html = try Data(
            contentsOf: URL(fileURLWithPath: CommandRunner.fixture("seed-techmonitor-albania-iran.html")))
        let result = try CommandRunner.run(["extract"], stdin: html)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "", "the output ends with a newline")
        let records = result.records
        #expect(records.count == lines.count - 1, "every line is a JSON object")
        #expect(records.allSatisfy { $0["schema"] as? String == "newsevents.event/3" })
        let ids = records.flatMap { record in
            [record["actor"], record["target"]].compactMap { ($0 as? [String: Any])?["id"] as? String }
        }
        #expect(ids.contains("ALB") && ids.contains("IRN"))
        let articles = records.compactMap { $0["article"] as? [String: Any] }
        #expect(articles.allSatisfy { $0["published"] as? String == "2022-09-12" })
    }

    @Test func publishedOverridesThePageDateAndURLIsRecorded() throws {
        let result = try CommandRunner.run([
            "extract", "--emit", "articles", "--published", "2022-09-13", "--url", "https://example.org/a",
            CommandRunner.fixture("seed-techmonitor-albania-iran.html"),
        ])
        #expect(result.status == 0)
        let record = try #require(result.records.first)
        #expect(result.records.count == 1)
        #expect(record["schema"] as? String == "newsevents.article/2")
        #expect(record["published"] as? String == "2022-09-13")
        #expect(record["published_source"] as? String == "given")
        #expect(record["url"] as? String == "https://example.org/a")
    }

    @Test func aBinaryFileAloneFailsWithAClearErrorAndNoOutput() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/image.html"
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0, count: 64)).write(
            to: URL(fileURLWithPath: path))
        let result = try CommandRunner.run(["extract", path])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(
            result.stderr
                == "newsevents: error: \(path): input is not HTML text: it starts like a PNG image (reason=not-text stage=clean)\n"
        )
    }

    @Test func jsonLinesInputKeepsOrderCarriesIDsAndReportsABadLine() throws {
        let input = """
            {"id":"first","published":"2022-09-12","text":"On Friday, Albania blamed Iran for the attack."}
            {"id":"broken",
            {"id":"third","published":"2023-03-17","text":"The US and UK condemned Russia."}

            """
        let result = try CommandRunner.run(["extract", "--input", "jsonl"], stdin: Data(input.utf8))
        #expect(result.status == 0)
        let records = result.records
        #expect(records.map { $0["input_id"] as? String ?? "-" } == ["first", "-", "third", "third"])
        #expect(
            records.map { $0["schema"] as? String ?? "" } == [
                "newsevents.event/3", "newsevents.error/1", "newsevents.event/3", "newsevents.event/3",
            ])
        #expect(records[1]["message"] as? String == "line 2 is not valid JSON")
        #expect(records[1]["origin"] as? String == "stdin:2")
        let first = try #require(records.first)
        #expect((first["date"] as? [String: Any])?["value"] as? String == "2022-09-09")
        #expect(result.stderr.contains("stdin:2: line 2 is not valid JSON"))
    }

    @Test func everyJSONLinesInputGivesARecordEvenARepeatedAnEmptyOrAnEventlessOne() throws {
        let input = """
            {"id":"a","published":"2022-09-12","text":"Albania blamed Iran for the attack."}
            {"id":"b","published":"2022-09-12","text":"Albania blamed Iran for the attack."}
            {"id":"c","published":"2022-09-12","text":"Albania blamed Iran for the attack."}
            {"id":"d","text":""}
            {"id":"e","text":"   "}
            {"id":"f","text":"The weather was fine."}
            {"id":"g","text":7}

            """
        let result = try CommandRunner.run(["extract", "--input", "jsonl"], stdin: Data(input.utf8))
        #expect(result.status == 0)
        let records = result.records
        #expect(records.map { $0["input_id"] as? String ?? "-" } == ["a", "b", "c", "d", "e", "f", "g"])
        #expect(
            records.map { "\($0["schema"] as? String ?? "") \($0["status"] as? String ?? "-")" } == [
                "newsevents.event/3 -", "newsevents.status/1 duplicate", "newsevents.status/1 duplicate",
                "newsevents.status/1 empty", "newsevents.status/1 empty", "newsevents.status/1 no-events",
                "newsevents.error/1 -",
            ])
        #expect(records[1]["duplicate_of"] as? String == "a" && records[2]["duplicate_of"] as? String == "a")
        #expect(records[1]["article_id"] as? String == (records[0]["article"] as? [String: Any])?["id"] as? String)
        #expect(records[1]["message"] as? String == "the same article as input 'a'; its records were written for it")
        #expect(records[3]["message"] as? String == "no article text: the input is empty")
        #expect(records[5]["message"] as? String == "the article tells no event the coder knows")
        // Its twin: three different articles give their own events and no status record.
        let distinct = try CommandRunner.run(
            ["extract", "--input", "jsonl"],
            stdin: Data(
                """
                {"id":"a","text":"Albania blamed Iran for the attack."}
                {"id":"b","text":"France blamed Russia for the attack."}
                {"id":"c","text":"Japan blamed China for the attack."}

                """.utf8))
        #expect(
            distinct.records.map { $0["schema"] as? String ?? "" } == Array(repeating: "newsevents.event/3", count: 3))
        #expect(distinct.records.map { $0["input_id"] as? String ?? "" } == ["a", "b", "c"])
    }

    @Test func aFullDiskIsOneErrorLineAndStatusOneForEveryPrintingCommand() throws {
        let page = CommandRunner.fixture("seed-techmonitor-albania-iran.html")
        let commands: [([String], Data)] = [
            (["clean", page], Data()), (["clean", "--format", "json", page], Data()), (["extract", page], Data()),
            (["extract", "--input", "jsonl"], Data(#"{"id":"a","text":"Albania blamed Iran."}"#.utf8)),
            (["dates", "--dct", "2022-09-12"], Data("The minister resigned on Friday.".utf8)),
            (["analyze"], Data("Iran denied the accusations.".utf8)),
            (
                ["check-config", "--config", CommandRunner.repository.appendingPathComponent("pipeline.conf").path],
                Data()
            ),
        ]
        for (arguments, input) in commands {
            let full = try CommandRunner.run(arguments, stdin: input, stdoutPath: "/dev/full")
            #expect(full.status == 1, "\(arguments)")
            #expect(
                full.stderr.hasSuffix("newsevents: error: cannot write to standard output: No space left on device\n"),
                "\(arguments)")
            #expect(full.stderr.components(separatedBy: "cannot write").count == 2, "reported once: \(arguments)")
            // Its twin: the same command with room to write succeeds.
            #expect(try CommandRunner.run(arguments, stdin: input).status == 0, "\(arguments)")
        }
    }

    @Test func cleanTakesSeveralFilesAsRecordsAndOneAsText() throws {
        let pages = ["seed-techmonitor-albania-iran.html", "wordpress-nato-summit-comments.html"].map(
            CommandRunner.fixture)
        let json = try CommandRunner.run(["clean", "--format", "json"] + pages)
        #expect(json.status == 0)
        #expect(json.records.map { $0["origin"] as? String ?? "" } == pages)
        let text = try CommandRunner.run(["clean"] + pages)
        #expect(text.status == 64)
        #expect(text.stderr.hasPrefix("Error: --format text prints one page; use --format json for 2 files\n"))
    }

    @Test func anArticleInALanguageTheRulesDoNotReadSaysSoInsteadOfGivingNothingSilently() throws {
        let spanish =
            "El gobierno de España anunció el viernes que la reunión con los ministros de Francia se celebrará en"
            + " Madrid, y que los acuerdos sobre la energía y el comercio serán firmados por los dos países."
        let text = try CommandRunner.run(["extract", "--input", "text"], stdin: Data(spanish.utf8))
        #expect(text.status == 0 && text.stdout.isEmpty)
        #expect(
            text.stderr.contains(
                "newsevents: warning: stdin: the article is in 'es'; the extract stage reads English only\n"))
        let line = #"{"id":"es1","text":"\#(spanish)"}"# + "\n"
        let stream = try CommandRunner.run(["extract", "--input", "jsonl"], stdin: Data(line.utf8))
        #expect(stream.records.first?["status"] as? String == "no-events")
        #expect(
            stream.records.first?["message"] as? String
                == "the article is in 'es'; the extract stage reads English only")
        // Its twin: an English text with no event gives no language warning.
        let english = try CommandRunner.run(
            ["extract", "--input", "text"],
            stdin: Data("The weather in the capital was fine on Friday, and the markets were calm all day.".utf8))
        #expect(english.status == 0 && !english.stderr.contains("reads English only"))
    }

    @Test func cleanPrintsTheMainTextAndExplainsAnEmptyPage() throws {
        let text = try CommandRunner.run([
            "clean", "--format", "text", CommandRunner.fixture("seed-techmonitor-albania-iran.html"),
        ])
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("Albania has blamed Iran for a second cyberattack"))
        let empty = try CommandRunner.run(["clean", CommandRunner.fixture("section-front-no-article.html")])
        #expect(empty.status == 0)
        #expect(empty.stdout == "")
        #expect(empty.stderr.contains("no article text found"))
    }

    @Test func badFlagsExitWithUsageStatus() throws {
        let result = try CommandRunner.run(["extract", "--emit", "everything"])
        #expect(result.status == 64)
        // The values offered are the values accepted.
        #expect(
            result.stderr.hasPrefix(
                "Error: The value 'everything' is invalid for '--emit <emit>'. Please provide one of 'events' and"
                    + " 'articles'.\n"))
        #expect(result.stderr.contains("\nUsage: newsevents extract [<files> ...] [--emit <emit>]"))
        #expect(result.stdout.isEmpty)
        let accepted = try CommandRunner.run(["extract", "--emit", "articles", "--input", "text"], stdin: Data())
        #expect(accepted.status == 0)
    }

    @Test func helpShowsExamples() throws {
        let result = try CommandRunner.run(["extract", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Examples:"))
        #expect(result.stdout.contains("newsevents extract --url"))
    }

    @Test func plainTextOnStandardInputIsExtractedWithoutCleaning() throws {
        let result = try CommandRunner.run(
            ["extract", "--input", "text", "--published", "2022-09-12"],
            stdin: Data("Albania blamed Iran for the diplomatic row.\n".utf8))
        #expect(result.status == 0)
        let record = try #require(result.records.first)
        #expect(record["type"] as? String == "ACCUSE")
        #expect((record["actor"] as? [String: Any])?["id"] as? String == "ALB")
        #expect((record["target"] as? [String: Any])?["id"] as? String == "IRN")
        let withFiles = try CommandRunner.run(["extract", "--input", "text", "a.txt"])
        #expect(withFiles.status == 64)
        #expect(withFiles.stderr.contains("--input text reads standard input only"))
    }

    @Test func gdeltFormatWritesSixtyOneTabSeparatedColumnsPerEvent() throws {
        let result = try CommandRunner.run([
            "extract", "--format", "gdelt", "--published", "2022-09-12",
            CommandRunner.fixture("seed-techmonitor-albania-iran.html"),
        ])
        #expect(result.status == 0)
        let rows = result.stdout.split(separator: "\n").map {
            $0.split(separator: "\t", omittingEmptySubsequences: false)
        }
        let events = try CommandRunner.run([
            "extract", "--published", "2022-09-12", CommandRunner.fixture("seed-techmonitor-albania-iran.html"),
        ]).records
        #expect(rows.count == events.count && !rows.isEmpty)
        #expect(rows.allSatisfy { $0.count == 61 })
        let first = try #require(rows.first)
        // GLOBALEVENTID, SQLDATE, Actor1Code, Actor2Code, EventCode, EventRootCode, QuadClass, SOURCEURL.
        #expect(first[0] == (events.first?["id"] as? String ?? "")[...])
        #expect(first[1] == "20220912")
        #expect(first[5] == "ALB" && first[15] == "IRN")
        #expect(first[26] == "112" && first[28] == "11" && first[29] == "3")
        #expect(first[60] == "https://techmonitor.ai/technology/cybersecurity/albania-iran-cyberattack-tims")
        // QuadClass follows the codebook by root: a denial (CAMEO 016, root 01) is verbal cooperation (1), as its
        // event record's quad_class says.
        let denial = try CommandRunner.run(
            ["extract", "--format", "gdelt", "--input", "text", "--published", "2022-09-12"],
            stdin: Data("Iran denied the accusations.".utf8))
        let row = try #require(
            denial.stdout.split(separator: "\n").first?.split(separator: "\t", omittingEmptySubsequences: false))
        #expect(row[26] == "016" && row[28] == "01" && row[29] == "1")
        let mixed = try CommandRunner.run(["extract", "--format", "gdelt", "--emit", "articles", "x.html"])
        #expect(mixed.status == 64)
        #expect(mixed.stderr.contains("--format gdelt writes events"))
    }
}
