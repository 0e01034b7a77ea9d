import Foundation
import NewsFetch
import Testing

#if canImport(Glibc)
import Glibc
#endif

struct ReferenceTortureTests {
    @Test func characterReferencesAreDecoded() {
        let outcome = HostileInput.run(
            HostileInput.page(body: "caf&eacute; &mdash; &#8220;quoted&#x201D; &amp; more. " + HostileInput.article))
        #expect(outcome.text.hasPrefix("café — “quoted” & more."))
    }

    @Test func doctypeEntitiesAreNeverExpanded() {
        let html = """
            <!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">
            <!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
            <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">]>
            <html><body><article><p>&xxe; &e; \(HostileInput.article)</p></article></body></html>
            """
        let outcome = HostileInput.run(html)
        #expect(!outcome.lines.joined().contains("root:"))
        #expect(!outcome.text.contains("aaaaaaaaaaaaaaaaaaaa"))
        #expect(outcome.seconds < HostileInput.secondsLimit)
    }

    @Test func nothingIsFetchedWhileParsing() throws {
        let listener = try LoopbackListener()
        defer { listener.close() }
        let address = "http://127.0.0.1:\(listener.port)"
        let html = """
            <html><head><meta http-equiv="refresh" content="0; url=\(address)/refresh"><base href="\(address)/">
            <link rel="stylesheet" href="\(address)/style.css"><script src="\(address)/app.js"></script></head>
            <body><iframe src="\(address)/frame"></iframe><img src="\(address)/pixel.gif">
            <article><p><a href="\(address)/link">link</a> \(HostileInput.article)</p></article></body></html>
            """
        let outcome = HostileInput.run(html)
        #expect(outcome.text.contains("The foreign ministers"))
        #expect(listener.acceptedConnections() == 0)
    }

    @Test func baseAndCanonicalAddressesThatAreNotWebAddressesAreDropped() {
        for address in ["javascript:alert(1)", "data:text/html,x", "file:///etc/passwd"] {
            let html = HostileInput.page(
                body: HostileInput.article,
                head: "<base href=\"\(address)\"><link rel=\"canonical\" href=\"\(address)\">")
            let outcome = HostileInput.run(html)
            #expect(outcome.article?.cleaned.canonicalURL == nil)
            #expect(!outcome.lines.joined().contains(address))
        }
    }

    @Test func feedsNeverReadLocalFilesOrExpandEntityBombs() throws {
        let xxe = """
            <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <rss version="2.0"><channel><item><title>&xxe;</title><link>https://example.org/a</link></item></channel></rss>
            """
        let items = try FeedParser.parse(Array(xxe.utf8), feedURL: "https://example.org/feed")
        #expect(items.map(\.url) == ["https://example.org/a"])
        #expect(items.allSatisfy { !($0.title ?? "").contains("root:") })

        let xinclude = """
            <?xml version="1.0"?><rss version="2.0" xmlns:xi="http://www.w3.org/2001/XInclude"><channel><item>
            <title><xi:include href="file:///etc/passwd" parse="text"/></title><link>https://example.org/b</link></item></channel></rss>
            """
        let included = try FeedParser.parse(Array(xinclude.utf8), feedURL: nil)
        #expect(included.allSatisfy { !($0.title ?? "").contains("root:") })

        let bomb = """
            <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
            <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
            <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
            <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>
            <rss version="2.0"><channel><item><title>&h;</title><link>https://example.org/c</link></item></channel></rss>
            """
        let started = Date()
        let bombed = try? FeedParser.parse(Array(bomb.utf8), feedURL: nil)
        #expect(Date().timeIntervalSince(started) < HostileInput.secondsLimit)
        #expect((bombed ?? []).allSatisfy { ($0.title ?? "").count < 1_000_000 })
    }

    @Test func feedLinksResolveCollapseAndStayOnTheWeb() throws {
        let rss = """
            <?xml version="1.0"?><rss version="2.0"><channel>
            <item><title>A</title><link>/news/a.html</link><pubDate>Mon, 12 Sep 2022 10:00:00 GMT</pubDate></item>
            <item><title>B</title><link>https://example.org/news/a.html</link></item>
            <item><title>C</title><guid>https://example.org/c</guid></item>
            <item><title>D</title><link>javascript:alert(1)</link></item></channel></rss>
            """
        let items = try FeedParser.parse(Array(rss.utf8), feedURL: "https://example.org/feeds/all.xml")
        #expect(items.map(\.url) == ["https://example.org/news/a.html", "https://example.org/c"])
        #expect(items.first?.published == "Mon, 12 Sep 2022 10:00:00 GMT")
        let atom = """
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><title>E</title><link rel="alternate" href="e.html"/>
            <updated>2022-09-12T10:00:00Z</updated></entry></feed>
            """
        #expect(
            try FeedParser.parse(Array(atom.utf8), feedURL: "https://example.org/feeds/").map(\.url) == [
                "https://example.org/feeds/e.html"
            ])
        #expect(throws: FeedError.notAFeed(root: "html")) {
            _ = try FeedParser.parse(Array("<html><body/></html>".utf8), feedURL: nil)
        }
    }
}

/// A TCP listener on 127.0.0.1 that counts the connections it receives, to prove nothing was fetched.
final class LoopbackListener: @unchecked Sendable {
    private let socketDescriptor: Int32
    let port: UInt16

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard bound == 0, listen(descriptor, 16) == 0 else { throw POSIXError(.EADDRINUSE) }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        // Non-blocking, so that counting never waits.
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        socketDescriptor = descriptor
        port = UInt16(bigEndian: address.sin_port)
    }

    /// Connections waiting to be accepted (each is accepted and closed).
    func acceptedConnections() -> Int {
        var count = 0
        while true {
            let connection = accept(socketDescriptor, nil, nil)
            guard connection >= 0 else { return count }
            count += 1
            Glibc.close(connection)
        }
    }

    func close() {
        Glibc.close(socketDescriptor)
    }
}
