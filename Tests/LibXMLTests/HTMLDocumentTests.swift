import Testing

@testable import LibXML

struct HTMLDocumentTests {
    private func tree(_ html: String, limits: ParseLimits = ParseLimits()) throws -> (tree: DOMTree, cutSubtrees: Int) {
        try ParsedDocument(bytes: Array(html.utf8), syntax: .html(encoding: "UTF-8"), limits: limits).flatten()
    }

    @Test func flattensElementsTextAndAttributesInDocumentOrder() throws {
        let (tree, cut) = try tree("<html><body><p class='Lead' ID=x>Hello <b>world</b></p><!-- gone --></body></html>")
        #expect(cut == 0)
        let paragraph = try #require(tree.elements(named: "p").first)
        #expect(tree.attribute("class", of: paragraph) == "Lead")
        #expect(tree.attribute("id", of: paragraph) == "x")
        #expect(tree.textContent(of: paragraph) == "Hello world")
        #expect(tree.children(of: paragraph).map { tree.kinds[$0] } == [.text, .element])
        #expect(!tree.texts.contains(" gone "))
    }

    @Test func subtreeEndsBoundEveryChild() throws {
        let (tree, _) = try tree("<div><ul><li>a</li><li>b</li></ul><p>c</p></div>")
        for index in 0..<tree.count {
            let parent = Int(tree.parents[index])
            guard parent >= 0 else { continue }
            #expect(index > parent && index < Int(tree.subtreeEnds[parent]))
        }
    }

    @Test func keepsTextAfterThreeHundredNestedDivs() throws {
        // libxml2 without XML_PARSE_HUGE stops at depth 256 and drops the rest of the page.
        let html =
            String(repeating: "<div>", count: 300) + "<p>deep article text</p>"
            + String(repeating: "</div>", count: 300)
        let (tree, cut) = try tree(html)
        #expect(cut == 0)
        #expect(tree.texts.contains("deep article text"))
    }

    @Test func cutsSubtreesDeeperThanTheLimitAndCountsThem() throws {
        let html =
            "<p>shallow</p>" + String(repeating: "<div>", count: 50) + "deep" + String(repeating: "</div>", count: 50)
        let (tree, cut) = try tree(html, limits: ParseLimits(maxDepth: 20))
        #expect(cut == 1)
        #expect(tree.texts.contains("shallow"))
        #expect(!tree.texts.contains("deep"))
    }

    @Test func refusesInputOverTheByteLimit() {
        #expect(throws: LibXMLError.inputTooLarge(bytes: 2048, limit: 1024)) {
            _ = try ParsedDocument(
                bytes: [UInt8](repeating: 0x41, count: 2048), syntax: .html(encoding: "UTF-8"),
                limits: ParseLimits(maxInputBytes: 1024))
        }
    }

    @Test func refusesTreesOverTheNodeLimit() {
        let html = String(repeating: "<p>x</p>", count: 100)
        #expect(throws: LibXMLError.tooManyNodes(limit: 50)) {
            _ = try self.tree(html, limits: ParseLimits(maxNodes: 50))
        }
    }

    @Test func neverExpandsDoctypeEntities() throws {
        let html = """
            <!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY lol "lol">]>
            <html><body><p>&xxe; &lol;</p></body></html>
            """
        let (tree, _) = try tree(html)
        let text = tree.texts.joined()
        #expect(!text.contains("root:"))
    }

    @Test func parsesAnEmptyDocument() throws {
        let (tree, _) = try tree("")
        #expect(tree.elements(named: "p").isEmpty)
    }

    @Test func reportsTheLinkedLibraryVersion() {
        #expect(LibXML2.version.hasPrefix("2."))
    }

    /// The benchmark floor's text walk: the text outside script and style, in document order, across nested
    /// elements, siblings after a deep subtree, and the head.
    @Test func collectsTheTextOutsideScriptAndStyleInDocumentOrder() throws {
        let html = """
            <html><head><title>T</title><style>p { color: red }</style></head><body><div><p>One <b>two</b></p>
            <script>var x = "hidden";</script><ul><li>three</li></ul></div>four<noscript>five</noscript></body></html>
            """
        let document = try ParsedDocument(bytes: Array(html.utf8), syntax: .html(encoding: "UTF-8"))
        var buffer: [UInt8] = Array("start:".utf8)
        let appended = document.appendVisibleText(to: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == "start:TOne two\nthreefourfive")
        #expect(appended == buffer.count - 6)
        let empty = try ParsedDocument(bytes: [], syntax: .html(encoding: "UTF-8"))
        var none: [UInt8] = []
        #expect(empty.appendVisibleText(to: &none) == 0)
    }
}
