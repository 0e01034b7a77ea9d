import Foundation
import NewsModel
import Testing

@testable import NewsPipeline

struct ArticleProcessorTests {
    /// 2023-11-14T22:13:20Z.
    let processor = ArticleProcessor(
        limits: .init(maxInputBytes: 1 << 20), now: { Date(timeIntervalSince1970: 1_700_000_000) })

    private func article(_ input: ArticleInput) throws -> ProcessedArticle {
        guard case .article(let article) = processor.process(input) else {
            Issue.record("no article")
            throw TestFailure(item: 0)
        }
        return article
    }

    @Test func withoutAPublicationDateRelativeDatesResolveAgainstTheFetchDayAndSaySo() throws {
        let result = try article(ArticleInput(origin: "t", content: .text("Albania blamed Iran yesterday.")))
        #expect(result.publishedDate == nil)
        #expect(result.anchorDate == "2023-11-14")
        #expect(result.anchorSource == "fetch-time")
        #expect(result.extraction.dates.map(\.value) == ["2023-11-13"])
    }

    @Test func aGivenDateWinsOverThePageAndTheFetchTime() throws {
        let html =
            "<html><head><meta property='article:published_time' content='2022-09-12T10:00:00Z'></head><body></body></html>"
        let page = try article(
            ArticleInput(origin: "p", content: .html(bytes: Array(html.utf8), transportCharset: nil)))
        #expect(page.publishedDate == "2022-09-12")
        #expect(page.anchorSource == "meta:article:published_time")
        let given = try article(
            ArticleInput(
                published: "2022-09-13", origin: "p", content: .html(bytes: Array(html.utf8), transportCharset: nil)))
        #expect(given.publishedDate == "2022-09-13")
        #expect(given.anchorSource == "given")
    }

    @Test func aMalformedGivenDateIsAnInputError() {
        guard
            case .failure(let failure) = processor.process(
                ArticleInput(published: "12/09/2022", origin: "t", content: .text("x")))
        else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.reason == "bad-published")
        #expect(failure.message == "the publication date '12/09/2022' is not an ISO 8601 date (YYYY-MM-DD)")
    }
}
