import CLibXML2

/// An HTML document parsed by libxml2 from bytes in a known encoding.
///
/// Owns the `htmlDocPtr` and frees it in `deinit`; no libxml2 pointer escapes. Not thread-safe: parse and
/// flatten on one thread, then share the ``DOMTree`` value.
public final class HTMLDocument {
    private let document: htmlDocPtr
    private let limits: ParseLimits

    /// Parses `bytes` as HTML in `encoding` (an IANA name such as "UTF-8"), with the network disabled and
    /// no DTD entity expansion. Cost: O(input); libxml2 keeps about 10-80× the input in memory.
    public init(bytes: [UInt8], encoding: String, limits: ParseLimits = ParseLimits()) throws(LibXMLError) {
        // Before any context exists: xmlInitParser is not reentrant.
        LibXML2.initialize()
        guard let context = htmlNewParserCtxt() else { throw .noParserContext }
        defer { htmlFreeParserCtxt(context) }
        let parsed = try limits.withParserBuffer(bytes) { base, count in
            htmlCtxtReadMemory(context, base, count, nil, encoding, newsevents_htmlParseOptions())
        }
        guard let parsed else { throw .noDocument }
        self.document = parsed
        self.limits = limits
    }

    deinit {
        xmlFreeDoc(document)
    }

    /// Flattens the document into a ``DOMTree``: elements with lower-cased names and attributes, text and
    /// CDATA nodes. Comments, processing instructions and DTD nodes are left out. Iterative, O(nodes).
    /// Subtrees deeper than ``ParseLimits/maxDepth`` are skipped and counted in `cutSubtrees`.
    public func flatten() throws(LibXMLError) -> (tree: DOMTree, cutSubtrees: Int) {
        // libxml2's HTML parser already lower-cases element and attribute names.
        try TreeFlattener.flatten(
            first: document.pointee.children, limits: limits, lowercaseNames: false, onlyReadAttributes: true)
    }
}
