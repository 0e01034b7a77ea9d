import CLibXML2

/// An XML document (an RSS or Atom feed, a sitemap) parsed by libxml2 with every external reach disabled:
/// no entity substitution (XXE reads local files with it), no DTD loading or attribute defaults, no
/// XInclude, no network. Entity bombs are then refused quickly by libxml2's own amplification checks.
///
/// Owns the `xmlDocPtr` and frees it in `deinit`; no libxml2 pointer escapes.
public final class XMLDocument {
    private let document: xmlDocPtr
    private let limits: ParseLimits

    /// Parses `bytes`; the encoding comes from the XML declaration or a BOM, as XML requires. O(input).
    public init(bytes: [UInt8], limits: ParseLimits = ParseLimits()) throws(LibXMLError) {
        guard !bytes.isEmpty else { throw .noDocument }
        // Before any context exists: xmlInitParser is not reentrant.
        LibXML2.initialize()
        guard let context = xmlNewParserCtxt() else { throw .noParserContext }
        defer { xmlFreeParserCtxt(context) }
        let parsed = try limits.withParserBuffer(bytes) { base, count in
            xmlCtxtReadMemory(context, base, count, nil, nil, newsevents_xmlParseOptions())
        }
        guard let parsed else { throw .noDocument }
        self.document = parsed
        self.limits = limits
    }

    deinit {
        xmlFreeDoc(document)
    }

    /// Flattens the document like ``HTMLDocument/flatten()``; element names are local names as written
    /// (XML is case-sensitive), without namespace prefixes.
    public func flatten() throws(LibXMLError) -> (tree: DOMTree, cutSubtrees: Int) {
        try TreeFlattener.flatten(first: document.pointee.children, limits: limits, lowercaseNames: false)
    }
}
