import Foundation
import NewsFetch
import Testing

struct EmptyAndBinaryInputTests {
    @Test func emptyInputIsAnEmptyArticleThatSaysWhy() {
        for input in ["", "   \n\t  \r\n"] {
            let outcome = HostileInput.run(input)
            #expect(outcome.article?.cleaned.emptyReason == "the input is empty")
            #expect(HostileInput.linesAreValidJSON(outcome))
        }
    }

    @Test func unicodeWhitespaceOnlyIsAPageWithNoText() {
        let outcome = HostileInput.run("\u{3000}\u{00A0}\u{2003}\u{2029}")
        #expect(outcome.text == "")
        #expect(outcome.article?.cleaned.emptyReason == "the page has no visible text")
    }

    @Test func aMebibyteOfRandomBytesIsRefusedAsNotText() {
        let outcome = HostileInput.run(HostileInput.randomBytes(1 << 20))
        #expect(outcome.failure?.reason == "not-text")
        #expect(outcome.failure?.stage == "clean")
        #expect(outcome.seconds < HostileInput.secondsLimit)
        #expect(HostileInput.linesAreValidJSON(outcome))
    }

    @Test func aJSONDocumentIsRefusedWithAReason() {
        let outcome = HostileInput.run(#"{"articles": [{"title": "Albania blames Iran", "body": "text"}]}"#)
        #expect(outcome.failure?.message == "input is not HTML text: it looks like a JSON document")
    }

    @Test func gzipIsInflatedWithABoundWhenReadFromAFileAndRefusedInMemory() throws {
        let html = Array(HostileInput.page(body: HostileInput.article).utf8)
        let folder = NSTemporaryDirectory() + "newsevents-gzip-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(html).write(to: URL(fileURLWithPath: folder + "/page.html"))
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = ["-n", folder + "/page.html"]
        try gzip.run()
        gzip.waitUntilExit()
        let compressed = try Array(Data(contentsOf: URL(fileURLWithPath: folder + "/page.html.gz")))
        // From a file (or standard input): inflated, bounded by the input limit.
        guard case .article(let article) = HostileInput.processor.process(.file(folder + "/page.html.gz")) else {
            Issue.record("the gzip file did not give an article")
            return
        }
        #expect(article.cleaned.text.hasPrefix("The foreign ministers"))
        // In memory (a JSON line's "html"): refused, never inflated.
        #expect(HostileInput.run(compressed).failure?.message == "input is not HTML text: it starts like gzip data")
    }
}
