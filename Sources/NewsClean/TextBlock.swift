import LibXML

/// A run of text between two block boundaries, the unit that main-content extraction scores and keeps.
struct TextBlock {
    /// White-space-collapsed text.
    var text: String
    /// Characters of `text` that sit inside links.
    var linkCharacters: Int
    /// The nearest enclosing block element (its tree index) and that element's tag.
    var element: Int
    var tag: String

    /// Length of `text` in Unicode scalars.
    var length: Int

    var linkDensity: Double {
        length == 0 ? 0 : Double(linkCharacters) / Double(length)
    }
}

/// Splits a subtree into ``TextBlock``s in document order, skipping dropped subtrees. Iterative, O(nodes).
struct TextBlockBuilder {
    let tree: DOMTree
    /// `dropped[i]` is true when node `i` starts a subtree that is furniture.
    let dropped: [Bool]

    func blocks(in root: Int) -> [TextBlock] {
        var blocks: [TextBlock] = []
        var buffer = TextAccumulator()
        // Open block elements, as (subtree end, index) pairs; the innermost is last.
        var openBlocks: [(end: Int, index: Int)] = [(Int(tree.subtreeEnds[root]), root)]
        var linkEnd = -1

        func flush() {
            let text = buffer.finish()
            if !text.text.isEmpty, let owner = openBlocks.last {
                blocks.append(
                    TextBlock(
                        text: text.text, linkCharacters: text.linkCharacters, element: owner.index,
                        tag: tree.names[owner.index], length: text.text.unicodeScalars.count))
            }
        }

        var index = root + 1
        let end = Int(tree.subtreeEnds[root])
        while index < end {
            while let last = openBlocks.last, index >= last.end, openBlocks.count > 1 {
                flush()
                openBlocks.removeLast()
            }
            if dropped[index] {
                // A dropped block still separates the text around it.
                flush()
                index = Int(tree.subtreeEnds[index])
                continue
            }
            switch tree.kinds[index] {
            case .text:
                buffer.append(tree.texts[index], inLink: index < linkEnd)
            case .element:
                let name = tree.names[index]
                if name == "br" || name == "hr" {
                    buffer.appendSpace()
                } else if BoilerplateHints.blockTags.contains(name) {
                    flush()
                    openBlocks.append((Int(tree.subtreeEnds[index]), index))
                } else if name == "a", index >= linkEnd {
                    linkEnd = Int(tree.subtreeEnds[index])
                } else if name == "img" || name == "td" {
                    buffer.appendSpace()
                }
            }
            index += 1
        }
        while openBlocks.count > 0 {
            flush()
            openBlocks.removeLast()
        }
        return blocks
    }
}

/// Collects text with white space collapsed to single spaces, counting link characters.
struct TextAccumulator {
    private var text = ""
    private var linkCharacters = 0
    private var pendingSpace = false

    mutating func appendSpace() {
        pendingSpace = true
    }

    mutating func append(_ piece: String, inLink: Bool) {
        for scalar in piece.unicodeScalars {
            if Self.isCollapsibleSpace(scalar) {
                pendingSpace = true
                continue
            }
            if Self.isInvisible(scalar) { continue }
            if pendingSpace, !text.isEmpty {
                text.unicodeScalars.append(" ")
                if inLink { linkCharacters += 1 }
            }
            pendingSpace = false
            text.unicodeScalars.append(scalar)
            if inLink { linkCharacters += 1 }
        }
    }

    /// Returns the text collected so far and starts afresh.
    mutating func finish() -> (text: String, linkCharacters: Int) {
        defer {
            text = ""
            linkCharacters = 0
            pendingSpace = false
        }
        return (text, linkCharacters)
    }

    /// White space of any kind (including no-break spaces) folds into one space.
    static func isCollapsibleSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.value == 0xA0
    }

    /// Soft hyphens, zero-width spaces, word joiners, BOMs and C0/C1 controls are dropped. ZWJ and ZWNJ stay:
    /// they shape emoji and several scripts.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD, 0x200B, 0x2060, 0xFEFF: return true
        case 0x00...0x1F, 0x7F...0x9F: return true
        default: return false
        }
    }
}
