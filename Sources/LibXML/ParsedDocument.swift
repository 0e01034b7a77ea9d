import CLibXML2

/// A document parsed by libxml2, HTML or XML, with the network disabled.
///
/// - HTML is read in a known encoding (an IANA name such as "UTF-8"), with no DTD entity expansion.
/// - XML (an RSS or Atom feed, a sitemap) takes its encoding from the XML declaration or a BOM, as XML
///   requires, with every external reach disabled: no entity substitution (XXE reads local files with it), no
///   DTD loading or attribute defaults, no XInclude. Entity bombs are then refused quickly by libxml2's own
///   amplification checks.
///
/// Creates and frees its parser context, hands libxml2 the bytes within ``ParseLimits``, and frees the
/// document (in `deinit`); no libxml2 pointer escapes. The clean stage parses HTML with ``HTMLTreeBuilder``
/// instead (no libxml2 tree); for HTML this type is the benchmarks' parse floor and the reference that builder
/// is tested against. Not thread-safe: parse and flatten on one
/// thread, then share the ``DOMTree`` value.
public final class ParsedDocument {
    public enum Syntax: Sendable, Equatable {
        case html(encoding: String)
        case xml
    }

    private let document: xmlDocPtr
    private let syntax: Syntax
    private let limits: ParseLimits

    /// Parses `bytes`. Cost: O(input); libxml2 keeps about 10-80× the input in memory. An empty XML input is
    /// ``LibXMLError/noDocument``; an empty HTML input is an empty document.
    public init(bytes: [UInt8], syntax: Syntax, limits: ParseLimits = ParseLimits()) throws(LibXMLError) {
        if syntax == .xml, bytes.isEmpty { throw .noDocument }
        // Before any context exists: xmlInitParser is not reentrant.
        LibXML2.initialize()
        let context: xmlParserCtxtPtr?
        switch syntax {
        case .html: context = htmlNewParserCtxt()
        case .xml: context = xmlNewParserCtxt()
        }
        guard let context else { throw .noParserContext }
        defer {
            switch syntax {
            case .html: htmlFreeParserCtxt(context)
            case .xml: xmlFreeParserCtxt(context)
            }
        }
        let parsed = try limits.withParserBuffer(bytes) { base, count in
            switch syntax {
            case .html(let encoding):
                return htmlCtxtReadMemory(context, base, count, nil, encoding, newsevents_htmlParseOptions())
            case .xml:
                return xmlCtxtReadMemory(context, base, count, nil, nil, newsevents_xmlParseOptions())
            }
        }
        guard let parsed else { throw .noDocument }
        self.document = parsed
        self.syntax = syntax
        self.limits = limits
    }

    deinit {
        xmlFreeDoc(document)
    }

    /// Flattens the document into a ``DOMTree``: elements with their names and attributes, text and CDATA
    /// nodes. Comments, processing instructions and DTD nodes are left out. Iterative, O(nodes). HTML names
    /// are lower-case (libxml2's HTML parser already lower-cases them); XML names are local names as written
    /// (XML is case-sensitive), without namespace prefixes. Subtrees deeper than ``ParseLimits/maxDepth``
    /// are skipped and counted in `cutSubtrees`.
    public func flatten() throws(LibXMLError) -> (tree: DOMTree, cutSubtrees: Int) {
        try TreeFlattener.flatten(
            first: document.pointee.children, limits: limits, lowercaseNames: false,
            onlyReadAttributes: syntax != .xml)
    }
}

extension ParsedDocument {
    /// Appends the text of every text and CDATA node outside `script` and `style` elements to `buffer`, in
    /// document order, and returns the number of bytes appended. The benchmarks' parse floor: the least any
    /// extractor must do with a parsed page. Iterative, O(nodes), no tree copied.
    @discardableResult
    public func appendVisibleText(to buffer: inout [UInt8]) -> Int {
        let before = buffer.count
        var node = document.pointee.children
        while let current = node {
            var descend = false
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    buffer.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
                }
            case XML_ELEMENT_NODE:
                descend = !Self.isScriptOrStyle(current.pointee.name)
            default:
                break
            }
            if descend, let child = current.pointee.children {
                node = child
                continue
            }
            // The next sibling, else the next sibling of the nearest ancestor that has one.
            var climb: xmlNodePtr? = current
            node = nil
            while let step = climb {
                if let next = step.pointee.next {
                    node = next
                    break
                }
                climb = step.pointee.parent
                if climb == nil || climb?.pointee.type == XML_DOCUMENT_NODE
                    || climb?.pointee.type == XML_HTML_DOCUMENT_NODE
                {
                    break
                }
            }
        }
        return buffer.count - before
    }

    private static func isScriptOrStyle(_ name: UnsafePointer<xmlChar>?) -> Bool {
        guard let name else { return false }
        return xmlStrEqual(name, "script") != 0 || xmlStrEqual(name, "style") != 0
    }
}
