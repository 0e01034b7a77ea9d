import Testing

@testable import NewsFetch

struct URLCanonicalizerTests {
    @Test func lowerCasesDropsDefaultPortsFragmentsAndTrackingParameters() {
        #expect(
            URLCanonicalizer.canonical("HTTPS://News.Example.ORG:443/a/b?utm_source=x&id=7&fbclid=y#top")
                == "https://news.example.org/a/b?id=7")
        #expect(URLCanonicalizer.canonical("http://example.org") == "http://example.org/")
        #expect(URLCanonicalizer.canonical("http://example.org:8080/x") == "http://example.org:8080/x")
        #expect(URLCanonicalizer.canonical("ftp://example.org/x") == nil)
        #expect(URLCanonicalizer.canonical("/relative") == nil)
    }

    @Test func resolvesRelativeLinksAgainstTheFeed() {
        #expect(
            URLCanonicalizer.resolve("../story/1#c", against: "https://example.org/feeds/news.xml")
                == "https://example.org/story/1")
        #expect(URLCanonicalizer.resolve("mailto:x@example.org", against: "https://example.org/") == nil)
    }
}

struct RobotsTxtTests {
    let text = """
        User-agent: *
        Disallow: /private/
        Allow: /private/open
        Crawl-delay: 2

        User-agent: newsevents
        Disallow: /no-bots
        Disallow: /*.pdf$
        Crawl-delay: 3
        """

    @Test func theMostSpecificGroupAndTheLongestRuleWin() {
        let ours = RobotsTxt(text, userAgent: "newsevents/0.1.0 (+https://example.org/bot)")
        #expect(!ours.allows("/no-bots/page"))
        #expect(ours.allows("/private/x"), "our own group replaces the * group")
        #expect(!ours.allows("/files/a.pdf"))
        #expect(ours.allows("/files/a.pdf?x=1"))
        #expect(ours.crawlDelay == 3)
        let other = RobotsTxt(text, userAgent: "otherbot")
        #expect(!other.allows("/private/x"))
        #expect(other.allows("/private/open/1"), "Allow wins with the longer match")
        #expect(other.crawlDelay == 2)
    }

    @Test func emptyDisallowAndUnreachableFiles() {
        #expect(RobotsTxt("User-agent: *\nDisallow:\n", userAgent: "newsevents").allows("/anything"))
        #expect(RobotsTxt.allowAll.allows("/x"))
        #expect(!RobotsTxt.disallowAll.allows("/x"))
    }
}

struct AddressPolicyTests {
    @Test func nonPublicAddressesAreRefusedAndLinkLocalAlways() {
        #expect(AddressPolicy.isNonPublic("127.0.0.1"))
        #expect(AddressPolicy.isNonPublic("10.1.2.3"))
        #expect(AddressPolicy.isNonPublic("172.20.0.1"))
        #expect(AddressPolicy.isNonPublic("192.168.1.1"))
        #expect(AddressPolicy.isNonPublic("169.254.169.254"))
        #expect(AddressPolicy.isNonPublic("100.64.0.1"))
        #expect(AddressPolicy.isNonPublic("::1"))
        #expect(AddressPolicy.isNonPublic("fd00::1"))
        #expect(!AddressPolicy.isNonPublic("93.184.216.34"))
        #expect(!AddressPolicy.isNonPublic("2606:2800:220:1::1"))
        #expect(AddressPolicy.refusal(host: "127.0.0.1", allowPrivate: false) != nil)
        #expect(AddressPolicy.refusal(host: "127.0.0.1", allowPrivate: true) == nil)
        #expect(AddressPolicy.refusal(host: "169.254.169.254", allowPrivate: true) != nil)
    }

    @Test func retryAfterAndCharsetHeaders() {
        #expect(HTTPFetcher.retryAfter("5") == 5)
        #expect(HTTPFetcher.charset("text/html; charset=\"ISO-8859-1\"") == "ISO-8859-1")
        #expect(HTTPFetcher.charset("text/html") == nil)
    }
}
