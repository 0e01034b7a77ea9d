import CLibXML2

/// Parses HTML straight into a ``DOMTree`` through libxml2's SAX interface: the same parser, so the same
/// elements (implied ones included), text and attributes as ``ParsedDocument/flatten()`` gives, but libxml2
/// builds no tree of its own that would be copied and freed afterwards (building, copying and freeing it was
/// about a third of the clean stage's time over the parse: 1.70× the parse floor before, 1.47× after,
/// `newsevents-bench pipeline`). What libxml2's tree builder adds to the
/// parse is done here as it does it: adjacent text is one node (character data and CDATA each merged; a
/// comment or processing instruction, which the tree keeps and the flattener leaves out, ends a run), white
/// space the parser calls ignorable is text all the same, and text outside every element has no node.
/// `HTMLTreeBuilderTests` checks that the two trees are equal on every fixture page and on pages made for
/// these rules.
public enum HTMLTreeBuilder {
    /// Parses `bytes`, in `encoding` (an IANA name such as "UTF-8"), with the options and within the limits
    /// ``ParsedDocument`` uses for HTML. Attributes no stage reads are not kept, nor the content of scripts
    /// (except JSON), styles, templates and noscript. O(input); memory is the tree's.
    public static func parse(
        bytes: [UInt8], encoding: String, limits: ParseLimits = ParseLimits()
    ) throws(LibXMLError) -> (tree: DOMTree, cutSubtrees: Int) {
        LibXML2.initialize()
        guard let context = htmlNewParserCtxt() else { throw .noParserContext }
        defer { htmlFreeParserCtxt(context) }
        // The context owns a copy of the default HTML handler; its tree-building callbacks are replaced.
        guard let handler = context.pointee.sax else { throw .noParserContext }
        installCallbacks(handler)
        let builder = SAXTreeBuilder(limits: limits)
        let unmanaged = Unmanaged.passRetained(builder)
        defer { unmanaged.release() }
        context.pointee._private = unmanaged.toOpaque()
        let document = try limits.withParserBuffer(bytes) { base, count in
            htmlCtxtReadMemory(context, base, count, nil, encoding, newsevents_htmlParseOptions())
        }
        // No start-document callback ran, so libxml2 made no document; free one should that ever change.
        if let document { xmlFreeDoc(document) }
        if let failure = builder.failure { throw failure }
        return builder.finish()
    }

    private static func installCallbacks(_ handler: UnsafeMutablePointer<xmlSAXHandler>) {
        handler.pointee.startDocument = nil
        handler.pointee.endDocument = nil
        handler.pointee.reference = nil
        // The doctype would go to a document that is never made.
        handler.pointee.internalSubset = nil
        handler.pointee.externalSubset = nil
        handler.pointee.startElement = { context, name, attributes in
            HTMLTreeBuilder.builder(context)?.startElement(name, attributes)
        }
        handler.pointee.endElement = { context, _ in
            HTMLTreeBuilder.builder(context)?.endElement()
        }
        handler.pointee.characters = { context, characters, length in
            HTMLTreeBuilder.builder(context)?.characters(characters, Int(length), cdata: false)
        }
        // White space the parser calls ignorable (in head, between blocks) is text in libxml2's tree too.
        handler.pointee.ignorableWhitespace = handler.pointee.characters
        handler.pointee.cdataBlock = { context, characters, length in
            HTMLTreeBuilder.builder(context)?.characters(characters, Int(length), cdata: true)
        }
        handler.pointee.comment = { context, _ in
            HTMLTreeBuilder.builder(context)?.endTextRun()
        }
        handler.pointee.processingInstruction = { context, _, _ in
            HTMLTreeBuilder.builder(context)?.endTextRun()
        }
    }

    /// The builder a callback's context carries.
    private static func builder(_ context: UnsafeMutableRawPointer?) -> SAXTreeBuilder? {
        guard let parser = context?.assumingMemoryBound(to: xmlParserCtxt.self),
            let state = parser.pointee._private
        else { return nil }
        let builder = Unmanaged<SAXTreeBuilder>.fromOpaque(state).takeUnretainedValue()
        if builder.failure != nil {
            xmlStopParser(parser)
            return nil
        }
        return builder
    }
}

/// The state of one SAX parse: the tree so far, the open elements, the text run being gathered.
private final class SAXTreeBuilder {
    let limits: ParseLimits
    var tree = DOMTree()
    var cut = 0
    /// Tree indices of the open elements that are copied; the depth of a new node is the count.
    var open: [Int] = []
    /// Elements opened inside a subtree that is not copied (too deep, or code), the root of it included.
    var skipping = 0
    /// The text run not yet made a node, and whether it is CDATA (script or style content).
    var run: [UInt8] = []
    var runIsCDATA = false
    var failure: LibXMLError?

    init(limits: ParseLimits) {
        self.limits = limits
    }

    func startElement(
        _ name: UnsafePointer<xmlChar>?, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        if skipping > 0 {
            skipping += 1
            return
        }
        endTextRun()
        guard failure == nil else { return }
        guard tree.count < limits.maxNodes else {
            failure = .tooManyNodes(limit: limits.maxNodes)
            return
        }
        if open.count >= limits.maxDepth {
            cut += 1
            skipping = 1
            return
        }
        let elementName = string(fromXML: name)
        var kept: [DOMTree.Attribute] = []
        if let attributes {
            var index = 0
            while let attributeName = attributes[index] {
                if let keptName = TreeFlattener.keptName(attributeName, foldCase: false) {
                    // libxml2's tree gives a boolean attribute written bare its own name as its value.
                    let value =
                        attributes[index + 1].map { string(fromXML: $0) }
                        ?? (htmlIsBooleanAttr(attributeName) != 0 ? keptName : "")
                    kept.append(DOMTree.Attribute(name: keptName, value: value))
                }
                index += 2
            }
        }
        let index = append(kind: .element, name: elementName, text: "", attributes: kept)
        if TreeFlattener.isCode(element: elementName, attributes: kept) {
            skipping = 1
        } else {
            open.append(index)
        }
    }

    func endElement() {
        if skipping > 0 {
            skipping -= 1
            return
        }
        endTextRun()
        guard let last = open.popLast() else { return }
        tree.close(last)
    }

    func characters(_ characters: UnsafePointer<xmlChar>?, _ length: Int, cdata: Bool) {
        guard skipping == 0, let characters, length > 0, failure == nil else { return }
        // Text outside every element has no node in libxml2's tree.
        guard !open.isEmpty else { return }
        if !run.isEmpty, runIsCDATA != cdata { endTextRun() }
        run.append(contentsOf: UnsafeBufferPointer(start: characters, count: length))
        runIsCDATA = cdata
    }

    /// Makes the gathered text run one text node: a single space when it is only white space, as the
    /// flattener does.
    func endTextRun() {
        guard !run.isEmpty else { return }
        defer { run.removeAll(keepingCapacity: true) }
        guard failure == nil else { return }
        guard tree.count < limits.maxNodes else {
            failure = .tooManyNodes(limit: limits.maxNodes)
            return
        }
        let text = run.withUnsafeBufferPointer { bytes in
            TreeFlattener.isBlank(bytes) ? " " : String(decoding: bytes, as: UTF8.self)
        }
        _ = append(kind: .text, name: "", text: text, attributes: [])
    }

    private func append(kind: DOMTree.Kind, name: String, text: String, attributes: [DOMTree.Attribute]) -> Int {
        tree.append(
            kind: kind, name: name, text: text, attributes: attributes, parent: open.last ?? -1, depth: open.count)
    }

    func finish() -> (tree: DOMTree, cutSubtrees: Int) {
        endTextRun()
        for index in open.reversed() { tree.close(index) }
        open.removeAll()
        return (tree, cut)
    }
}
