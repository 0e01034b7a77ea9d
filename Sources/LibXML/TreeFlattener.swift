import CLibXML2

/// Copies a libxml2 node list into a ``DOMTree`` without recursion.
enum TreeFlattener {
    /// - Parameter onlyReadAttributes: copy only the attributes the HTML stages read (``keptAttributes``).
    static func flatten(
        first: xmlNodePtr?, limits: ParseLimits, lowercaseNames: Bool, onlyReadAttributes: Bool = false
    ) throws(LibXMLError) -> (tree: DOMTree, cutSubtrees: Int) {
        var tree = DOMTree()
        var cut = 0
        // Each stack entry is the tree index of an open element; its depth is the stack height.
        var openIndices: [Int] = []
        var node = first
        while let current = node {
            var descend = false
            let depth = openIndices.count
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                guard tree.count < limits.maxNodes else { throw .tooManyNodes(limit: limits.maxNodes) }
                if depth >= limits.maxDepth {
                    cut += 1
                    break
                }
                var name = string(fromXML: current.pointee.name)
                if lowercaseNames { name = name.lowercased() }
                let elementAttributes = attributes(of: current, lowercase: lowercaseNames, onlyRead: onlyReadAttributes)
                let index = tree.append(
                    kind: .element, name: name, text: "", attributes: elementAttributes, parent: openIndices.last ?? -1,
                    depth: depth)
                if onlyReadAttributes, isCode(element: name, attributes: elementAttributes) {
                    // Leave the element childless.
                } else if current.pointee.children != nil {
                    openIndices.append(index)
                    descend = true
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                guard tree.count < limits.maxNodes else { throw .tooManyNodes(limit: limits.maxNodes) }
                // Runs of white space between tags are frequent and only ever separate words: keep one space
                // instead of copying them.
                let content = current.pointee.content
                let blank = content.map { isBlank(UnsafeBufferPointer(start: $0, count: Int(xmlStrlen($0)))) } ?? true
                let text = blank ? " " : string(fromXML: content)
                if !text.isEmpty {
                    _ = tree.append(
                        kind: .text, name: "", text: text, attributes: [], parent: openIndices.last ?? -1, depth: depth)
                }
            default:
                break
            }
            if descend {
                node = current.pointee.children
                continue
            }
            // Move to the next sibling, closing finished elements on the way up.
            var next = current
            while true {
                if let sibling = next.pointee.next {
                    node = sibling
                    break
                }
                guard let parent = next.pointee.parent, let open = openIndices.last,
                    parent.pointee.type == XML_ELEMENT_NODE
                else {
                    node = nil
                    break
                }
                tree.close(open)
                openIndices.removeLast()
                next = parent
            }
        }
        for open in openIndices.reversed() { tree.close(open) }
        return (tree, cut)
    }

    /// Whether an HTML element's content is code that no stage reads: scripts (except JSON, which the metadata
    /// stage reads as JSON-LD), styles, templates, noscript. Not copying it saves a large share of the
    /// flattening on script-heavy pages. Runs at every element of a page: a few comparisons of short strings
    /// rather than a hashed look-up of the name.
    static func isCode(element name: String, attributes: [DOMTree.Attribute]) -> Bool {
        switch name {
        case "style", "template", "noscript": return true
        case "script":
            return !attributes.contains { attribute in
                // Most scripts are "text/javascript": their bytes rule "json" out before any string is made.
                guard attribute.name == "type" else { return false }
                var value = attribute.value
                return value.withUTF8 { ASCIIText.contains($0, lowercaseWord: "json") }
                    && attribute.value.lowercased().contains("json")
            }
        default: return false
        }
    }

    /// Whether text is only ASCII white space (or empty).
    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes {
            guard byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C else { return false }
        }
        return true
    }

    /// The attributes the stages read. Others (src, data-*, event handlers, styling) are not copied, which
    /// saves most of the flattening's allocations.
    static let keptAttributes: Set<String> = [
        "class", "id", "style", "hidden", "aria-hidden", "rel", "href", "property", "name", "content", "itemprop",
        "type", "lang", "xml:lang", "datetime", "http-equiv", "charset", "role",
    ]

    /// ``keptAttributes`` as bytes, to find an attribute's name among them without making a string of it.
    private static let keptAttributeBytes: [(name: String, bytes: [UInt8])] = keptAttributes.sorted().map {
        ($0, Array($0.utf8))
    }

    /// The kept attribute a libxml2 name is (with `foldCase`, ignoring ASCII case: a kept name is ASCII, and no
    /// other letter lower-cases to one of its letters), or nil: most attributes of a page (`src`, `data-*`,
    /// `width`) are not kept, and are passed over without a string made or hashed.
    static func keptName(_ pointer: UnsafePointer<xmlChar>?, foldCase: Bool) -> String? {
        guard let pointer else { return nil }
        for (name, bytes) in keptAttributeBytes {
            var index = 0
            while index < bytes.count {
                let byte = pointer[index]
                let folded = foldCase && byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                guard byte != 0, folded == bytes[index] else { break }
                index += 1
            }
            if index == bytes.count, pointer[index] == 0 { return name }
        }
        return nil
    }

    private static func attributes(of node: xmlNodePtr, lowercase: Bool, onlyRead: Bool) -> [DOMTree.Attribute] {
        var result: [DOMTree.Attribute] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            let name: String
            if onlyRead {
                guard let kept = keptName(current.pointee.name, foldCase: lowercase) else {
                    attribute = current.pointee.next
                    continue
                }
                name = kept
            } else {
                let raw = string(fromXML: current.pointee.name)
                name = lowercase ? raw.lowercased() : raw
            }
            var value = ""
            var child = current.pointee.children
            while let text = child {
                value += string(fromXML: text.pointee.content)
                child = text.pointee.next
            }
            result.append(DOMTree.Attribute(name: name, value: value))
            attribute = current.pointee.next
        }
        return result
    }
}
