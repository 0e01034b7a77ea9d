import Foundation
import NewsClean
import NewsModel
import NewsPipeline
import Testing

/// Issue 18's table, a test per row: every input gets its best outcome, the text and events whenever a person
/// could read them, with a warning saying what was cut; a refusal only when nothing can be read.
struct DegradeTortureTests {
    static let sentence =
        "The foreign ministers of France and Germany met in Berlin on Tuesday to discuss the sanctions package."
    static let accusation = "Russia accused Ukraine of shelling a power plant near the border on Monday."

    /// The events of an outcome as "CAMEO ACTOR>TARGET", sorted.
    static func events(_ outcome: HostileInput.Outcome) -> [String] {
        (outcome.article?.extraction.events ?? []).map {
            "\($0.cameo) \($0.actor?.id ?? "-")>\($0.target?.id ?? "-")"
        }.sorted()
    }

    static func warnings(_ outcome: HostileInput.Outcome) -> [String] {
        outcome.article?.cleaned.warnings.map { "\($0.code.rawValue): \($0.message)" } ?? []
    }

    /// The reference: the same article on an ordinary page.
    static let reference = HostileInput.run(
        HostileInput.page(body: sentence + " " + accusation))

    @Test func theReferencePageHasEventsAndNoWarning() {
        #expect(Self.events(Self.reference) == ["040 DEU>-", "040 FRA>-", "112 RUS>UKR"])
        #expect(Self.warnings(Self.reference) == [])
    }

    // Row 1: shortness alone is no reason to give nothing.
    @Test func aOneParagraphPageGivesItsTextAndEvents() {
        let outcome = HostileInput.run(
            "<html><head><title>Ministers meet</title></head><body><p>\(Self.sentence)</p></body></html>")
        #expect(outcome.text == Self.sentence)
        #expect(Self.events(outcome) == ["040 DEU>-", "040 FRA>-"])
    }

    @Test func aListingWithTheSameSentenceIsStillNoArticle() {
        let links = (1...5).map { "<li><a href=\"/story/\($0)\">Ministers meet again in city number \($0)</a></li>" }
        let outcome = HostileInput.run(
            "<html><head><title>World</title></head><body><ul>\(links.joined())</ul><p>\(Self.sentence)</p></body></html>"
        )
        #expect(outcome.text == "")
        #expect(outcome.article?.cleaned.emptyReason?.hasPrefix("no article text found") == true)
    }

    @Test func aShortLineThatIsNoSentenceIsStillNoArticle() {
        let outcome = HostileInput.run("<html><body><p>Sign up for our newsletter</p></body></html>")
        #expect(outcome.text == "")
    }

    // Row 2: UTF-32 by its byte order mark.
    @Test func utf32PagesAreDecodedByTheirByteOrderMark() {
        let html = HostileInput.page(body: "Le café. " + Self.sentence)
        for (bom, littleEndian, name) in [
            ([0xFF, 0xFE, 0x00, 0x00] as [UInt8], true, "UTF-32LE"), ([0x00, 0x00, 0xFE, 0xFF], false, "UTF-32BE"),
        ] {
            var bytes = bom
            for scalar in html.unicodeScalars {
                let value = scalar.value
                let units = [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), 0]
                bytes += littleEndian ? units : units.reversed()
            }
            let outcome = HostileInput.run(bytes)
            #expect(outcome.text == "Le café. " + Self.sentence, "\(name)")
            #expect(outcome.article?.cleaned.charset == name)
        }
    }

    @Test func utf16AndUTF32WithoutAByteOrderMarkAreToldByTheirNULBytes() {
        let html = HostileInput.page(body: "Le café. " + Self.sentence, head: "<meta charset=\"utf-16\">")
        for (width, littleEndian, name) in [(2, true, "UTF-16LE"), (2, false, "UTF-16BE"), (4, true, "UTF-32LE")] {
            var bytes: [UInt8] = []
            for scalar in html.unicodeScalars {
                let units = (0..<width).map { UInt8(truncatingIfNeeded: scalar.value >> (8 * $0)) }
                bytes += littleEndian ? units : units.reversed()
            }
            let outcome = HostileInput.run(bytes)
            #expect(outcome.text == "Le café. " + Self.sentence, "\(name)")
            #expect(outcome.article?.cleaned.charset == name)
            #expect(outcome.article?.cleaned.charsetSource == "nul-pattern")
        }
        // Its twin: the same page in UTF-8 is read as UTF-8 (its meta names UTF-16, which browsers ignore too).
        #expect(HostileInput.run(html).article?.cleaned.charset == "UTF-8")
    }

    // Row 3: the oversized part is cut or skipped, the article kept, and the record says what was cut.
    @Test func aTwentyMegabyteTextNodeAfterTheArticleIsSkipped() {
        let words = String(repeating: "word ", count: 4 << 20)
        let outcome = HostileInput.run(
            HostileInput.page(body: Self.sentence + " " + Self.accusation, after: "<div><p>" + words + "</p></div>"))
        #expect(outcome.text == Self.sentence + " " + Self.accusation)
        #expect(Self.events(outcome) == Self.events(Self.reference))
        #expect(
            Self.warnings(outcome) == [
                "input-cut: the page has 20971800 bytes as UTF-8; only the first 10485760 were read",
                "block-skipped: 1 text block longer than 100000 characters (10485504) skipped",
            ])
        #expect(HostileInput.linesAreValidJSON(outcome))
    }

    @Test func aTenMegabyteOneLinePageKeepsItsSmallArticle() {
        let filler = String(repeating: "<span>filler</span>", count: 450_000)
        let html = HostileInput.page(
            body: Self.sentence + " " + Self.accusation, before: "<div class=\"nav\">" + filler + "</div>")
        #expect(!html.contains("\n"))
        let outcome = HostileInput.run(html)
        #expect(outcome.text == Self.sentence + " " + Self.accusation)
        #expect(
            Self.warnings(outcome) == [
                "markup-cut: the page has more than 499984 tags; its 900000 inline formatting tags were removed",
                "block-skipped: 1 text block longer than 100000 characters (2700000) skipped",
            ])
        #expect(outcome.seconds < HostileInput.secondsLimit)
    }

    @Test func aMillionUnclosedParagraphsAreCutAtTheNodeBudget() {
        let outcome = HostileInput.run(
            HostileInput.page(
                body: Self.sentence + " " + Self.accusation, after: String(repeating: "<p>x", count: 1_000_000)))
        #expect(outcome.text.hasPrefix(Self.sentence + " " + Self.accusation))
        #expect(Self.events(outcome) == Self.events(Self.reference))
        #expect(
            Self.warnings(outcome) == [
                "markup-cut: the page has more than 499984 tags; the 2000118 bytes after the last tag within the budget were not parsed"
            ])
        #expect(outcome.seconds < HostileInput.secondsLimit)
    }

    @Test func aTagWithAHundredAndTwentyThousandAttributesKeepsItsFirstThousand() {
        let attributes = (0..<120_000).map { "a\($0)=\"1\"" }.joined(separator: " ")
        let outcome = HostileInput.run(
            HostileInput.page(body: Self.sentence + " " + Self.accusation, before: "<div \(attributes)>x</div>"))
        #expect(outcome.text == Self.sentence + " " + Self.accusation)
        #expect(
            Self.warnings(outcome) == [
                "attributes-dropped: 119000 attributes beyond the first 1000 of a tag were dropped (1 tag)"
            ])
    }

    // Row 4: control characters are removed; binary input is still refused.
    @Test func scatteredControlCharactersAreRemoved() {
        let controls: [Character] = ["\u{01}", "\u{08}", "\u{0B}", "\u{1B}", "\u{7F}", "\u{85}", "\u{9C}"]
        var noisy = ""
        for (index, character) in (Self.sentence + " " + Self.accusation).enumerated() {
            noisy.append(character)
            if index % 9 == 4 { noisy.append(controls[index % controls.count]) }
        }
        let outcome = HostileInput.run(HostileInput.page(body: noisy))
        #expect(outcome.text == Self.sentence + " " + Self.accusation)
        #expect(Self.events(outcome) == Self.events(Self.reference))
        #expect(Self.warnings(outcome) == ["control-characters-removed: 20 control characters were removed"])
    }

    @Test func randomBytesWithAsManyControlsAreStillRefused() {
        let outcome = HostileInput.run(HostileInput.randomBytes(64 * 1024, seed: 7))
        #expect(outcome.failure?.reason == "not-text")
    }

    // Row 5: a page that repeats itself.
    @Test func theSameParagraphTenThousandTimesGivesItsEventsOnce() {
        let text = Self.sentence + " " + Self.accusation + " The talks went on until late in the evening."
        let outcome = HostileInput.run(
            "<html><head><title>x</title></head><body><article>"
                + String(repeating: "<p>" + text + "</p>", count: 10_000) + "</article></body></html>")
        #expect(outcome.text == text)
        #expect(Self.events(outcome) == Self.events(HostileInput.run(HostileInput.page(body: text))))
        #expect(Self.events(outcome).contains("112 RUS>UKR"))
        let length = text.count * 10_000 + 2 * 9_999
        #expect(length > 2_000_000)
        #expect(
            Self.warnings(outcome) == [
                "text-cut: the main text has \(length) characters, over the limit of 2000000: 9999 repeated paragraphs "
                    + "were dropped; \(text.count) characters kept"
            ])
    }

    // Row 6: runs of thousands of combining marks.
    @Test func runsOfThousandsOfCombiningMarksAreCutToThirty() {
        let marks = String(repeating: "\u{301}\u{302}\u{303}", count: 1000)
        let words = (Self.sentence + " " + Self.accusation).split(separator: " ")
        // Words that name no participant and are no event's verb: "foreign", "ministers", "sanctions", "power",
        // "plant", "border".
        let noisy = words.enumerated().map {
            [1, 2, 15, 23, 24, 27].contains($0.offset) ? $0.element + marks : String($0.element)
        }
        let outcome = HostileInput.run(HostileInput.page(body: noisy.joined(separator: " ")))
        let longestRun = outcome.text.unicodeScalars.reduce((run: 0, longest: 0)) { state, scalar in
            let run = scalar.properties.canonicalCombiningClass.rawValue == 0 ? 0 : state.run + 1
            return (run, max(state.longest, run))
        }.longest
        #expect(longestRun == 30)
        #expect(outcome.text.hasPrefix("The foreig") && outcome.text.contains(" of France and Germany met in Berlin "))
        #expect(Self.events(outcome) == Self.events(Self.reference))
        #expect(
            Self.warnings(outcome) == ["combining-marks-dropped: 17820 combining marks beyond 30 in a row were dropped"]
        )
        #expect(outcome.seconds < HostileInput.secondsLimit)
    }

    // Row 7: plain text gets the same text limit as a page.
    @Test func plainTextIsCutToTheTextLimitAtAParagraphBreak() {
        let paragraphs = (0..<400).map { "\(Self.sentence) Paragraph \($0)." }
        let processor = ArticleProcessor(
            limits: CleanLimits(maxInputBytes: 1 << 20, maxTextLength: 10_000),
            now: { Date(timeIntervalSince1970: 1_700_000_000) })
        let outcome = processor.process(
            ArticleInput(origin: "text", content: .text(paragraphs.joined(separator: "\n\n"))))
        guard case .article(let article) = outcome else {
            Issue.record("no article: \(outcome)")
            return
        }
        #expect(article.cleaned.text.unicodeScalars.count == 9_900)
        #expect(article.cleaned.text.hasSuffix("Paragraph 83."))
        #expect(
            article.cleaned.warnings.map(\.message) == [
                "the main text has 47488 characters, over the limit of 10000: the text was cut at a paragraph break; "
                    + "9900 characters kept"
            ])
        #expect(article.extraction.events.count == 2)
    }
}

struct ArticleWarningSchemaTests {
    /// The published schema lists exactly the warning codes the pipeline writes.
    @Test func theSchemaNamesEveryWarningCode() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("schema/newsevents.common-1.schema.json")
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: path)) as? [String: Any])
        let definitions = try #require(schema["$defs"] as? [String: Any])
        let members = try #require(definitions["articleMembers"] as? [String: Any])
        let properties = try #require(members["properties"] as? [String: Any])
        let warnings = try #require(properties["warnings"] as? [String: Any])
        let items = try #require(warnings["items"] as? [String: Any])
        let itemProperties = try #require(items["properties"] as? [String: Any])
        let code = try #require(itemProperties["code"] as? [String: Any])
        #expect(code["enum"] as? [String] == ArticleWarning.Code.allCases.map(\.rawValue))
    }
}
