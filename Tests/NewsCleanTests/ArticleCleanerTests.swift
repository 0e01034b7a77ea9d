import Testing

@testable import NewsClean

struct ArticleCleanerTests {
    let cleaner = ArticleCleaner()

    @Test func seedArticleKeepsEveryBodyParagraphAndNoFurniture() throws {
        let cleaned = try cleaner.clean(bytes: FixturePaths.bytes("seed-techmonitor-albania-iran.html"))
        let text = cleaned.text
        for paragraph in [
            "Albania has blamed Iran for a second cyberattack on its public sector",
            "Iran denies it is behind Albania cyberattacks",
            "Tirana cuts ties with Tehran",
            "It believes MuddyWater is a collection of subgroups rather than a single entity.",
            "US Treasury under secretary Brian Nelson said",
        ] {
            #expect(text.contains(paragraph), "missing: \(paragraph)")
        }
        for furniture in [
            "View all newsletters", "Receive our newsletter", "Content from our partners", "Scan and deliver",
            "Read more", "Altahrea Team", "Websites in our network", "CISO", "privacy policy", "Cybersecurity Policy",
        ] {
            #expect(!text.contains(furniture), "furniture leaked: \(furniture)")
        }
        #expect(
            !text.hasPrefix("Albania blames Iran for second cyberattack"), "the headline is metadata, not body text")
        // 12 body paragraphs and the two subheadings; the figure caption is kept apart, without its credit.
        #expect(text.components(separatedBy: "\n\n").count == 14)
        #expect(cleaned.captions == ["Iran has denied responsibility for recent cyberattacks on Albania."])
        #expect(!text.contains("vanchai tan"))
        #expect(cleaned.title == "Albania blames Iran for second cyberattack as Tehran denies involvement")
        #expect(cleaned.authors == ["Claudia Glover"])
        #expect(cleaned.published == "2022-09-12T11:45:03+00:00")
        #expect(cleaned.publishedSource == "meta:article:published_time")
        #expect(cleaned.canonicalURL == "https://techmonitor.ai/technology/cybersecurity/albania-iran-cyberattack-tims")
        #expect(cleaned.siteName == "Tech Monitor")
        #expect(cleaned.language == "en-gb")
        #expect(cleaned.section == "Cybersecurity")
        #expect(cleaned.charset == "UTF-8")
        #expect(cleaned.charsetSource == "meta")
    }

    @Test func decodesUndeclaredWindows1252WithoutMojibake() throws {
        let cleaned = try cleaner.clean(bytes: FixturePaths.bytes("legacy-table-niger-coup-windows1252.html"))
        #expect(cleaned.charset == "WINDOWS-1252")
        #expect(cleaned.charsetSource == "fallback")
        #expect(cleaned.text.contains("Paris “does not recognise the authorities resulting from the putsch”"))
        #expect(cleaned.text.contains("€73 million"))
        #expect(!cleaned.text.contains("â€"))
        #expect(!cleaned.text.contains("Les plus lus"))
        #expect(!cleaned.text.contains("droits réservés"))
        #expect(cleaned.authors == ["Hélène Dubois"])
        #expect(cleaned.title == "France and Germany condemn coup in Niger")
    }

    @Test func aLyingMetaCharsetDoesNotProduceMojibake() throws {
        let cleaned = try cleaner.clean(bytes: FixturePaths.bytes("meta-lies-utf8-bytes-windows1252.html"))
        #expect(cleaned.text.contains("“This is a historic step for the ‘lithium triangle’,”"))
        #expect(!cleaned.text.contains("\u{FFFD}"))
    }

    @Test func usesJSONLDArticleBodyWhenThePageIsAnAppShell() throws {
        let cleaned = try cleaner.clean(bytes: FixturePaths.bytes("app-shell-jsonld-body.html"))
        #expect(cleaned.text.hasPrefix("Japan and the Philippines signed a reciprocal access agreement"))
        #expect(cleaned.text.components(separatedBy: "\n\n").count == 3)
        #expect(cleaned.authors == ["Kenji Watanabe"], "'Staff' is byline noise")
        #expect(cleaned.published == "2024-07-08T09:30:00+09:00")
    }

    @Test func dropsCommentsSharingAndRelatedPostsBelowTheArticle() throws {
        let cleaned = try cleaner.clean(bytes: FixturePaths.bytes("wordpress-nato-summit-comments.html"))
        #expect(cleaned.text.hasPrefix("VILNIUS — NATO leaders on Wednesday agreed"))
        #expect(cleaned.text.contains("“Ukraine’s future is in NATO,” the leaders wrote"))
        #expect(cleaned.text.contains("A council instead of a calendar"))
        for furniture in [
            "Share this", "Related", "Sweden and Turkey resume talks", "The Netherlands should send", "Leave a Reply",
            "Recent Posts",
        ] {
            #expect(!cleaned.text.contains(furniture), "furniture leaked: \(furniture)")
        }
        #expect(cleaned.modified == "2023-07-13T08:02:11+03:00")
        #expect(cleaned.title == "NATO leaders pledge new air defences for Ukraine at Vilnius summit")
    }

    @Test func dropsInlineRelatedLinksAndNewsletterBoxesInsideTheBody() throws {
        let cleaned = try cleaner.clean(bytes: FixturePaths.bytes("newsroom-divs-japan-korea-talks.html"))
        #expect(cleaned.text.components(separatedBy: "\n\n").count == 5)
        #expect(!cleaned.text.contains("Seoul unveils plan"))
        #expect(!cleaned.text.contains("Sign up for Asia Briefing"))
        #expect(!cleaned.text.contains("Advertisement"))
        #expect(cleaned.published == "2023-03-17T06:00:00Z")
        #expect(cleaned.publishedSource == "time:datetime")
    }

    @Test func controlsAndCombiningRunsAreFoundAtEveryPositionOfAWord() {
        // Each control at each of 24 positions (the scan reads eight bytes at a time): removed, the rest kept.
        let line = Array("abcdefghijklmnopqrstuvwx".utf8)
        for control in [[0x01], [0x1B], [0x7F], [0xC2, 0x85]] as [[UInt8]] {
            for position in 0...line.count {
                var bytes = Array(line[..<position]) + control + Array(line[position...])
                #expect(BinarySniffer.removeControls(&bytes) == 1)
                #expect(bytes == line, "\(control) at \(position)")
            }
        }
        // NUL becomes a space; tab, line feed, form feed, carriage return and other non-ASCII text stay.
        var kept = Array("a\0b\tc\nd\u{C}e\rf café".utf8)
        #expect(BinarySniffer.removeControls(&kept) == 0)
        #expect(kept == Array("a b\tc\nd\u{C}e\rf café".utf8))
        // The eight-byte test flags exactly the bytes the scan must look at, whatever their neighbours (a sum
        // carried into the next byte would flag or hide one).
        for fill in [0x0A, 0xC3, 0x20, 0x7E, 0x00, 0xFF] as [UInt8] {
            for byte in 0...255 {
                for position in 0..<8 {
                    var bytes = [UInt8](repeating: fill, count: 8)
                    bytes[position] = UInt8(byte)
                    let flags = bytes.withUnsafeBytes { BinarySniffer.needsLook($0.loadUnaligned(as: UInt64.self)) }
                    let flagged = (0..<8).filter { flags.littleEndian >> UInt64($0 * 8) & 0x80 != 0 }
                    let expected = (0..<8).filter {
                        let value = bytes[$0]
                        return value < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D].contains(value) || value == 0x7F
                            || value == 0xC2
                    }
                    #expect(flagged == expected, "\(byte) at \(position) among \(fill)")
                }
            }
        }
        for position in 0...line.count {
            let marks = Array(String(repeating: "\u{301}", count: 40).utf8)
            var bytes = Array(line[..<position]) + marks + Array(line[position...])
            #expect(TextRepair.capCombiningRuns(&bytes) == 10)
            #expect(bytes == Array(line[..<position]) + marks.prefix(60) + Array(line[position...]))
        }
    }

    @Test func collectedTextFoldsSpacesDropsInvisiblesAndCountsScalarsCommasAndLinkText() {
        // Pieces that mix runs of printable ASCII (copied whole) with spaces, controls, soft hyphens, commas of
        // three scripts and text outside ASCII; the same pieces read one scalar at a time give the reference.
        let pieces: [(String, Bool)] = [
            ("  Hello,\tworld ", false), ("caf\u{E9}\u{AD} au lait,x", true), ("\u{1}\u{7F}a\u{A0}\u{A0}b", false),
            ("", true), ("\n", false), ("\u{3001}\u{60C}\u{FF0C},,", true), ("end.", false), ("\u{200B}", true),
        ]
        var accumulator = TextAccumulator()
        var text = ""
        var length = 0
        var commas = 0
        var links = 0
        var pending = false
        for (piece, inLink) in pieces {
            accumulator.append(piece, inLink: inLink)
            for scalar in piece.unicodeScalars {
                if TextAccumulator.isCollapsibleSpace(scalar.value) {
                    pending = true
                    continue
                }
                if TextAccumulator.isInvisible(scalar.value) { continue }
                if pending, !text.isEmpty {
                    text += " "
                    length += 1
                    if inLink { links += 1 }
                }
                pending = false
                text.unicodeScalars.append(scalar)
                length += 1
                if [",", "\u{60C}", "\u{3001}", "\u{FF0C}"].contains(scalar) { commas += 1 }
                if inLink { links += 1 }
            }
        }
        let result = accumulator.finishCounting()
        #expect(result.text == "Hello, world caf\u{E9} au lait,xa b \u{3001}\u{60C}\u{FF0C},,end.")
        #expect(result.text == text && result.length == length && result.commas == commas)
        #expect(result.linkCharacters == links && links == 21 && commas == 7)
    }

    @Test func markupRepairKeepsATagsFirstAttributesAndItsEnd() {
        let page = Array("<div a=\"1\" b='2' c=\"3\">x</div>".utf8)
        let attributes = (0..<1002).map { "a\($0)=\"\($0)\"" }.joined(separator: " ")
        let repaired = BinarySniffer.repairMarkup(Array("<div \(attributes)>x</div><p>y".utf8), maxTags: 100)
        let kept = (0..<1000).map { "a\($0)=\"\($0)\"" }.joined(separator: " ")
        #expect(String(decoding: repaired.bytes, as: UTF8.self) == "<div \(kept) >x</div><p>y")
        #expect(repaired.warnings.map(\.code) == [.attributesDropped])
        // Its twin: a page within the limits is passed through untouched.
        let untouched = BinarySniffer.repairMarkup(page, maxTags: 100)
        #expect(untouched.bytes == page && untouched.warnings.isEmpty)
        // Over the tag budget: inline tags go first, then the markup after the budget is cut.
        let spans = BinarySniffer.repairMarkup(Array("<p>a<span>b</span><b>c</b></p><p>d</p>".utf8), maxTags: 4)
        #expect(String(decoding: spans.bytes, as: UTF8.self) == "<p>abc</p><p>d</p>")
        // A script's "<" is code, not a tag, up to its end tag in any case.
        let script = BinarySniffer.repairMarkup(
            Array("<script>if (a<b) x='<p>'</SCRIPT><p>a</p><p>b</p>".utf8), maxTags: 4)
        #expect(String(decoding: script.bytes, as: UTF8.self) == "<script>if (a<b) x='<p>'</SCRIPT><p>a</p>")
        let cut = BinarySniffer.repairMarkup(Array("<p>a</p><p>b</p><p>c</p>".utf8), maxTags: 4)
        #expect(String(decoding: cut.bytes, as: UTF8.self) == "<p>a</p><p>b</p>")
        #expect(
            cut.warnings.map(\.message) == [
                "the page has more than 4 tags; the 8 bytes after the last tag within the budget were not parsed"
            ])
    }

    @Test func aPageWithNoArticleGivesAnEmptyBodyAndSaysWhy() throws {
        let cleaned = try cleaner.clean(bytes: FixturePaths.bytes("section-front-no-article.html"))
        #expect(cleaned.text == "")
        #expect(
            cleaned.emptyReason
                == "no article text found: the main candidate has 51 characters and the longest block 52")
    }

    @Test func refusesBinaryInput() {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        bytes += [UInt8](repeating: 0, count: 100)
        #expect(throws: CleanError.notText(detail: "it starts like a PNG image")) {
            _ = try cleaner.clean(bytes: bytes)
        }
        var random = SystemRandomNumberGenerator()
        let noise = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &random) }
        #expect(throws: CleanError.self) { _ = try cleaner.clean(bytes: noise) }
    }

    @Test func emptyAndWhitespaceInputGiveAnEmptyArticle() throws {
        #expect(try cleaner.clean(bytes: []).emptyReason == "the input is empty")
        #expect(try cleaner.clean(bytes: Array(" \n\t ".utf8)).emptyReason == "the input is empty")
    }

    @Test func removesSoftHyphensAndZeroWidthSpacesAndNormalizesToNFC() throws {
        let body = String(
            repeating: "Ministers met in Brussels on Tuesday to discuss the sanctions package. ", count: 3)
        let html =
            "<html><body><article><p>Co\u{00AD}ope\u{200B}ration e\u{0301}tait \(body)</p></article></body></html>"
        let cleaned = try cleaner.clean(bytes: Array(html.utf8))
        #expect(cleaned.text.hasPrefix("Cooperation \u{00E9}tait Ministers"))
    }

    @Test func cleansPlainTextIntoParagraphs() {
        let cleaned = cleaner.clean(text: "First  line.\r\n\r\nSecond\tparagraph.\n\n\n")
        #expect(cleaned.text == "First line.\n\nSecond paragraph.")
    }
}

struct ArticleCleanerMetadataTests {
    let cleaner = ArticleCleaner()

    @Test func aLiveBlogKeepsEveryEntryInPageOrderWithoutTimestampsOrSharing() throws {
        let cleaned = try cleaner.clean(bytes: FixturePaths.bytes("live-blog-un-climate-talks.html"))
        let paragraphs = cleaned.text.components(separatedBy: "\n\n")
        #expect(paragraphs.count == 5)
        #expect(paragraphs.first?.hasPrefix("The European Union has called the latest draft text") == true)
        #expect(paragraphs.last?.hasPrefix("The United Arab Emirates, which holds the presidency") == true)
        for furniture in ["GMT", "Key events", "Share on", "Older posts", "Summit in Dubai enters extra time"] {
            #expect(!cleaned.text.contains(furniture), "furniture leaked: \(furniture)")
        }
        #expect(cleaned.published == "2023-12-12T07:05:00Z")
        #expect(cleaned.authors == ["Fiona Harvey"])
    }

    @Test func aNonEnglishPageWithoutADeclaredLanguageIsGuessedAndItsDatelineRead() throws {
        let cleaned = try cleaner.clean(bytes: FixturePaths.bytes("spanish-regional-election-no-lang.html"))
        #expect(cleaned.language == "es")
        #expect(cleaned.published == "2023-11-14")
        #expect(cleaned.publishedSource == "dateline")
        #expect(cleaned.text.hasPrefix("Las delegaciones del Gobierno de Colombia"))
        #expect(cleaned.text.components(separatedBy: "\n\n").count == 4)
        for furniture in ["Por Lucía Méndez", "Te puede interesar", "Comentarios", "Ojalá", "Lo más leído", "derechos"]
        {
            #expect(!cleaned.text.contains(furniture), "furniture leaked: \(furniture)")
        }
    }

    @Test func theURLsDateIsAPublicationDateSource() throws {
        let html =
            "<html><body><article><p>\(String(repeating: "The ministry said on Tuesday that talks would resume. ", count: 4))</p></article></body></html>"
        let cleaned = try cleaner.clean(
            bytes: Array(html.utf8), pageURL: "https://example.org/world/2019/11/18/talks-resume/")
        #expect(cleaned.published == "2019-11-18")
        #expect(cleaned.publishedSource == "url")
    }

    @Test func aPublicationDateAfterTheFetchIsRejected() throws {
        let html = """
            <html><head><meta property="article:published_time" content="2031-01-01T00:00:00Z"></head>
            <body><time datetime="2022-09-12">12 September 2022</time><p>x</p></body></html>
            """
        let cleaned = try cleaner.clean(bytes: Array(html.utf8), fetchedDay: "2024-05-01")
        #expect(cleaned.published == "2022-09-12")
        #expect(cleaned.publishedSource == "time:datetime")
    }

    @Test func visibleDatesInSeveralLanguages() {
        #expect(VisibleDateParser.day(from: "PARIS, 28 July 2023") == "2023-07-28")
        #expect(VisibleDateParser.day(from: "Updated Sept. 12, 2022 11:45 am") == "2022-09-12")
        #expect(VisibleDateParser.day(from: "14 de noviembre de 2023") == "2023-11-14")
        #expect(VisibleDateParser.day(from: "12. März 2021") == "2021-03-12")
        #expect(VisibleDateParser.day(from: "no date here") == nil)
        #expect(VisibleDateParser.day(fromURL: "https://x.example/2019/11/18/story") == "2019-11-18")
        #expect(VisibleDateParser.day(fromURL: "https://x.example/news/20191118-story.html") == "2019-11-18")
        #expect(VisibleDateParser.day(fromURL: "https://x.example/2019/13/45/story") == nil)
    }

    @Test func languageGuessesFromScriptsAndFunctionWords() {
        #expect(
            LanguageGuesser.guess(
                String(
                    repeating: "The minister said that the talks in the capital were over and it was time. ", count: 3))
                == "en")
        #expect(
            LanguageGuesser.guess(
                String(
                    repeating:
                        "Der Minister sagte, dass die Gespräche in der Hauptstadt nicht beendet sind und die Lage ist ernst. ",
                    count: 2)) == "de")
        #expect(LanguageGuesser.guess(String(repeating: "東京では今日、政府が新しい方針を発表しました。", count: 4)) == "ja")
        #expect(LanguageGuesser.guess("Short") == nil)
    }

    @Test func aPageOverTheTimeBudgetFailsWithTheBudgetNamed() {
        let slow = ArticleCleaner(limits: CleanLimits(seconds: 0))
        #expect(throws: CleanError.self) {
            _ = try slow.clean(bytes: Array("<p>\(String(repeating: "text ", count: 1000))</p>".utf8))
        }
    }
}
