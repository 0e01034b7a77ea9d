import Foundation
import NewsClean
import Testing

struct StructureTortureTests {
    @Test func threeHundredLayoutDivsBeforeTheArticleLoseNothing() {
        let html = HostileInput.page(
            body: HostileInput.article, before: String(repeating: "<div class=\"layout\">", count: 300),
            after: String(repeating: "</div>", count: 300))
        let outcome = HostileInput.run(html)
        #expect(outcome.text.hasPrefix("The foreign ministers"))
    }

    @Test func aHundredThousandNestedDivsAfterTheArticleAreCutNotFollowed() {
        let html = HostileInput.page(
            body: HostileInput.article,
            after: String(repeating: "<div>", count: 100_000) + "deep" + String(repeating: "</div>", count: 100_000))
        let outcome = HostileInput.run(html)
        #expect(outcome.text.hasPrefix("The foreign ministers"))
        #expect(!outcome.text.contains("deep"))
        #expect(outcome.seconds < HostileInput.secondsLimit)
    }

    @Test func aFiftyMegabytePageIsReadUpToTheSizeBudgetAndItsOneHugeBlockSkipped() {
        let outcome = HostileInput.run([UInt8](repeating: UInt8(ascii: "a"), count: 50 << 20))
        #expect(outcome.text == "")
        #expect(outcome.article?.cleaned.emptyReason == "the page has no visible text")
        #expect(
            outcome.article?.cleaned.warnings.map(\.message) == [
                "the page has 52428800 bytes as UTF-8; only the first 10485760 were read",
                "1 text block longer than 100000 characters (10485760) skipped",
            ])
        #expect(HostileInput.linesAreValidJSON(outcome))
    }

    @Test func aTwentyMegabyteTextNodeIsKeptWholeWhenTheLimitsAllowIt() throws {
        let words = String(repeating: "word ", count: 4 << 20)  // 20 MiB
        let html = Array("<html><body><pre>".utf8) + Array(words.utf8) + Array("</pre></body></html>".utf8)
        // With the limits raised, libxml2 does not cut it (XML_PARSE_HUGE); the block limit then skips it as no
        // paragraph (DegradeTortureTests has it after an article).
        let raised = ArticleCleanerFactory.cleaner(maxBytes: 32 << 20, maxText: 2_000_000)
        let cleaned = try raised.clean(bytes: html)
        #expect(cleaned.warnings.map(\.message) == ["1 text block longer than 100000 characters (20971519) skipped"])
    }

    @Test func aTenMegabyteAttributeIsHandled() {
        let html =
            "<html><body><div class=\"" + String(repeating: "x", count: 10_000_000) + "\"><article><p>"
            + HostileInput.article + "</p></article></div></body></html>"
        let outcome = HostileInput.run(html)
        #expect(outcome.text.hasPrefix("The foreign ministers"))
        #expect(outcome.seconds < HostileInput.secondsLimit)
    }

    @Test func pathologicalAttributeCountsAreCutBeforeParsing() {
        let attributes = (0..<5000).map { "a\($0)=\"1\"" }.joined(separator: " ")
        let outcome = HostileInput.run("<html><body><div \(attributes)>x</div></body></html>")
        #expect(
            outcome.article?.cleaned.warnings.map(\.message) == [
                "4000 attributes beyond the first 1000 of a tag were dropped (1 tag)"
            ])
        #expect(outcome.seconds < HostileInput.secondsLimit)
    }

    @Test func unterminatedCommentScriptAndCDATANeverLeakFakeText() {
        for opener in ["<!-- ", "<script>", "<![CDATA[", "<style>"] {
            let html = HostileInput.page(body: HostileInput.article) + opener + "<p>FAKE ARTICLE TEXT planted here</p>"
            let outcome = HostileInput.run(html)
            #expect(!outcome.text.contains("FAKE"), "leaked after \(opener)")
        }
    }

    @Test func aScriptHoldingClosingTagsAndFakeTextStaysOut() {
        let html = HostileInput.page(
            body: HostileInput.article, after: "<script>var s = '</p><p>FAKE ARTICLE TEXT</p>';</script>")
        #expect(!HostileInput.run(html).text.contains("FAKE"))
    }

    @Test func tagSoupDuplicateTitlesAndXHTMLNamespaces() {
        let soup =
            "<html><body><article><p>" + HostileInput.article + "<b><i>bold italic</b></i><p>Second<div>para</article>"
        #expect(HostileInput.run(soup).text.contains("The foreign ministers"))
        let titles =
            "<html><head><title>First</title><title>Second</title></head><body><h1>One</h1><h1>Two</h1><article><p>"
            + HostileInput.article + "</p></article></body></html>"
        #expect(HostileInput.run(titles).article?.cleaned.title == "One")
        let xhtml =
            "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:x=\"urn:x\"><body><article><p>"
            + HostileInput.article + "</p><x:note>extension</x:note></article></body></html>"
        #expect(HostileInput.run(xhtml).text.hasPrefix("The foreign ministers"))
    }
}

/// Cleaners with budgets other than the shipped defaults.
enum ArticleCleanerFactory {
    static func cleaner(maxBytes: Int, maxText: Int) -> ArticleCleaner {
        ArticleCleaner(limits: CleanLimits(maxInputBytes: maxBytes, seconds: 60, maxTextLength: maxText))
    }
}
