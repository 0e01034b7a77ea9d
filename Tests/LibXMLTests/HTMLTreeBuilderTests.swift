import Foundation
import Testing

@testable import LibXML

/// The SAX-built tree against libxml2's own tree flattened: the same nodes, text, attributes and limits.
struct HTMLTreeBuilderTests {
    private func bothTrees(
        _ bytes: [UInt8], limits: ParseLimits = ParseLimits()
    ) throws -> (sax: (tree: DOMTree, cutSubtrees: Int), flattened: (tree: DOMTree, cutSubtrees: Int)) {
        let sax = try HTMLTreeBuilder.parse(bytes: bytes, encoding: "UTF-8", limits: limits)
        let flattened = try ParsedDocument(bytes: bytes, syntax: .html(encoding: "UTF-8"), limits: limits).flatten()
        return (sax, flattened)
    }

    /// Pages made for the tree builder's rules: white space between blocks and inline elements, in body under
    /// an HTML 4 doctype and under HTML5's, before an entity, split by comments; CDATA of scripts and styles;
    /// code elements; implied elements; attributes written bare.
    static let madePages: [String] = [
        "<html><body>\n  <div>one</div>\n  <div>two</div>\n  <p>a <b>bold</b> <i>word</i> here</p>\n</body></html>",
        """
        <!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd">
        <html><body>
          <p>one</p>
          <table> <tr> <td> cell </td> </tr> </table>
        </body></html>
        """,
        "<!DOCTYPE html><html><body>\n <p>one</p>\n <ul> <li>a</li> <li>b</li> </ul>\n</body></html>",
        "<div><span>x</span>\n&amp; more</div><div>\n&nbsp;</div>",
        "<p>before<!-- a comment -->after<?php echo 1 ?>end</p>",
        """
        <head><title>T &amp; U</title><script>var a = "<p>no</p>";</script>
        <script type="application/ld+json">{"headline": "Yes"}</script><style>p { color: red }</style></head>
        <body><noscript><p>enable scripts</p></noscript><template><p>later</p></template><p>text</p></body>
        """,
        "Loose text first<p>then a paragraph<p>and another",
        "<div hidden class=\"x\" id=main data-x=1 aria-hidden=true>hidden <a href=/x rel=nofollow>link</a></div>",
        "<body>  <div>   </div>  <span> </span>  text  <br>  </body>",
    ]

    @Test func codeElementsAreScriptsStylesTemplatesAndNoscriptButNotJSON() {
        let json = [DOMTree.Attribute(name: "type", value: "Application/LD+JSON")]
        let javascript = [DOMTree.Attribute(name: "type", value: "text/javascript")]
        for name in ["script", "style", "template", "noscript"] {
            #expect(TreeFlattener.isCode(element: name, attributes: []), "\(name)")
            #expect(TreeFlattener.isCode(element: name, attributes: javascript), "\(name)")
        }
        #expect(!TreeFlattener.isCode(element: "script", attributes: json))
        #expect(TreeFlattener.isCode(element: "style", attributes: json))
        for name in ["div", "scripts", "scrip", "SCRIPT", "p", ""] {
            #expect(!TreeFlattener.isCode(element: name, attributes: []), "\(name)")
        }
    }

    @Test func anASCIIWordIsFoundInBytesInAnyCase() {
        let value = Array("text/html; ChArSeT=koi8-r".utf8)
        #expect(ASCIIText.contains(value, lowercaseWord: "charset"))
        #expect(ASCIIText.contains(value[11...], lowercaseWord: "charset"))
        #expect(ASCIIText.contains(value, lowercaseWord: "koi8-r"))
        // Its twins: cut short by the slice, or another word.
        #expect(!ASCIIText.contains(value[..<17], lowercaseWord: "charset"))
        #expect(!ASCIIText.contains(value[12...], lowercaseWord: "charset"))
        #expect(!ASCIIText.contains(value, lowercaseWord: "json"))
        #expect(!ASCIIText.contains([UInt8](), lowercaseWord: "json"))
        // Only A-Z fold: "[" (0x5B) and "{" (0x7B) are not the same byte.
        #expect(!ASCIIText.contains(Array("A[".utf8), lowercaseWord: "a{"))
    }

    @Test(arguments: madePages) func madePageGivesTheFlattenedTree(_ page: String) throws {
        let (sax, flattened) = try bothTrees(Array(page.utf8))
        #expect(sax.tree == flattened.tree)
        #expect(sax.cutSubtrees == flattened.cutSubtrees)
        #expect(sax.tree.count > 2)
    }

    /// Every page of `fixtures/`, including the ones in windows-1252 (read as UTF-8 here, as both ways are).
    @Test func everyFixturePageGivesTheFlattenedTree() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("fixtures")
        let pages = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".html") }
        #expect(pages.count >= 9)
        for page in pages.sorted() {
            let bytes = try Array(Data(contentsOf: folder.appendingPathComponent(page)))
            let (sax, flattened) = try bothTrees(bytes)
            #expect(sax.tree == flattened.tree, "\(page)")
            #expect(sax.tree.count > 20, "\(page)")
        }
    }

    /// The rules, stated on the trees: white space between elements is a one-space text node, as libxml2's tree
    /// keeps it; comments split text; scripts keep JSON only; a bare attribute is kept with an empty value.
    @Test func whiteSpaceCommentsAndCodeAsLibXML2ShapesThem() throws {
        let blocks = try HTMLTreeBuilder.parse(bytes: Array(Self.madePages[0].utf8), encoding: "UTF-8").tree
        let body = try #require(blocks.elements(named: "body").first)
        #expect(blocks.children(of: body).map { blocks.names[$0] } == ["", "div", "", "div", "", "p", ""])
        #expect(blocks.children(of: body).map { blocks.texts[$0] } == [" ", "", " ", "", " ", "", " "])
        let paragraph = try #require(blocks.elements(named: "p").first)
        #expect(blocks.children(of: paragraph).map { blocks.texts[$0] } == ["a ", "", " ", "", " here"])

        let comments = try HTMLTreeBuilder.parse(bytes: Array(Self.madePages[4].utf8), encoding: "UTF-8").tree
        #expect(comments.texts.filter { !$0.isEmpty } == ["before", "after", "end"])

        let code = try HTMLTreeBuilder.parse(bytes: Array(Self.madePages[5].utf8), encoding: "UTF-8").tree
        #expect(code.texts.contains("{\"headline\": \"Yes\"}"))
        #expect(!code.texts.contains { $0.contains("var a") || $0.contains("color") || $0.contains("enable") })
        #expect(code.texts.contains("text"))

        let attributes = try HTMLTreeBuilder.parse(bytes: Array(Self.madePages[7].utf8), encoding: "UTF-8").tree
        let division = try #require(attributes.elements(named: "div").first)
        #expect(attributes.attributes[division].map(\.name) == ["hidden", "class", "id", "aria-hidden"])
        #expect(attributes.attribute("hidden", of: division) == "")
    }

    @Test func cutsDeepSubtreesAndRefusesTooManyNodesAsTheFlattenerDoes() throws {
        let deep =
            String(repeating: "<div>", count: 40) + "deep" + String(repeating: "</div>", count: 40) + "<p>after</p>"
        let limits = ParseLimits(maxDepth: 10)
        let (sax, flattened) = try bothTrees(Array(deep.utf8), limits: limits)
        #expect(sax.cutSubtrees == 1)
        #expect(sax.tree == flattened.tree)
        #expect(sax.tree.texts.contains("after"))
        #expect(!sax.tree.texts.contains("deep"))

        let many = "<ul>" + String(repeating: "<li>item</li>", count: 100) + "</ul>"
        let small = ParseLimits(maxNodes: 150)
        #expect(throws: LibXMLError.tooManyNodes(limit: 150)) {
            try HTMLTreeBuilder.parse(bytes: Array(many.utf8), encoding: "UTF-8", limits: small)
        }
        let enough = ParseLimits(maxNodes: 250)
        let (complete, completeFlattened) = try bothTrees(Array(many.utf8), limits: enough)
        #expect(complete.tree == completeFlattened.tree)
        #expect(complete.tree.count == 203)  // html, body, ul, and 100 items with their text
    }
}
