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
    /// Commas in `text` (Latin, Arabic and CJK ones), counted while the text was collected.
    var commas = 0

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
            let text = buffer.finishCounting()
            if !text.text.isEmpty, let owner = openBlocks.last {
                blocks.append(
                    TextBlock(
                        text: text.text, linkCharacters: text.linkCharacters, element: owner.index,
                        tag: tree.names[owner.index], length: text.length, commas: text.commas))
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

/// Collects text with white space collapsed to single spaces, counting link characters (in scalars).
///
/// Works on UTF-8 bytes and builds the `String` once per block: appending scalar by scalar to a `String` was
/// the clean stage's largest cost.
struct TextAccumulator {
    private var bytes: [UInt8] = []
    private var linkCharacters = 0
    private var scalarCount = 0
    private var commaCount = 0
    private var pendingSpace = false

    mutating func appendSpace() {
        pendingSpace = true
    }

    mutating func append(_ piece: String, inLink: Bool) {
        var piece = piece
        piece.withUTF8 { utf8 in
            var index = 0
            let count = utf8.count
            while index < count {
                let lead = utf8[index]
                // A run of printable ASCII (no space, no control) is copied whole: most text is words of it.
                if lead > 0x20 && lead < 0x7F {
                    var end = index + 1
                    var commas = lead == 0x2C ? 1 : 0
                    while end < count, utf8[end] > 0x20, utf8[end] < 0x7F {
                        if utf8[end] == 0x2C { commas += 1 }
                        end += 1
                    }
                    if pendingSpace, !bytes.isEmpty {
                        bytes.append(0x20)
                        scalarCount += 1
                        if inLink { linkCharacters += 1 }
                    }
                    pendingSpace = false
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[index..<end]))
                    scalarCount += end - index
                    commaCount += commas
                    if inLink { linkCharacters += end - index }
                    index = end
                    continue
                }
                // Decode one scalar (the input is valid UTF-8: it comes from a Swift String).
                let length: Int
                let value: UInt32
                if lead < 0x80 {
                    length = 1
                    value = UInt32(lead)
                } else if lead < 0xE0 {
                    length = 2
                    value = UInt32(lead & 0x1F) << 6 | UInt32(utf8[index + 1] & 0x3F)
                } else if lead < 0xF0 {
                    length = 3
                    value =
                        UInt32(lead & 0x0F) << 12 | UInt32(utf8[index + 1] & 0x3F) << 6 | UInt32(utf8[index + 2] & 0x3F)
                } else {
                    length = 4
                    value =
                        UInt32(lead & 0x07) << 18 | UInt32(utf8[index + 1] & 0x3F) << 12 | UInt32(
                            utf8[index + 2] & 0x3F) << 6
                        | UInt32(utf8[index + 3] & 0x3F)
                }
                defer { index += length }
                if Self.isCollapsibleSpace(value) {
                    pendingSpace = true
                    continue
                }
                if Self.isInvisible(value) { continue }
                if pendingSpace, !bytes.isEmpty {
                    bytes.append(0x20)
                    scalarCount += 1
                    if inLink { linkCharacters += 1 }
                }
                pendingSpace = false
                for offset in 0..<length { bytes.append(utf8[index + offset]) }
                scalarCount += 1
                if value == 0x2C || value == 0x60C || value == 0x3001 || value == 0xFF0C { commaCount += 1 }
                if inLink { linkCharacters += 1 }
            }
        }
    }

    /// Returns the text collected so far and starts afresh.
    mutating func finish() -> (text: String, linkCharacters: Int) {
        let result = finishCounting()
        return (result.text, result.linkCharacters)
    }

    /// Returns the text with its length in scalars and its commas, and starts afresh.
    mutating func finishCounting() -> (text: String, linkCharacters: Int, length: Int, commas: Int) {
        defer {
            bytes.removeAll(keepingCapacity: true)
            linkCharacters = 0
            scalarCount = 0
            commaCount = 0
            pendingSpace = false
        }
        return (String(decoding: bytes, as: UTF8.self), linkCharacters, scalarCount, commaCount)
    }

    /// The Unicode White_Space characters (no-break spaces included) fold into one space.
    @inline(__always)
    static func isCollapsibleSpace(_ value: UInt32) -> Bool {
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        switch value {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Soft hyphens, zero-width spaces, word joiners, BOMs, C0/C1 controls and bidirectional embedding and
    /// override controls (U+202A–U+202E, U+2066–U+2069: they can make text display differently from what it
    /// says) are dropped. ZWJ and ZWNJ stay: they shape emoji and several scripts; right-to-left text itself is
    /// untouched.
    @inline(__always)
    static func isInvisible(_ value: UInt32) -> Bool {
        switch value {
        case 0x00AD, 0x200B, 0x2060, 0xFEFF, 0x202A...0x202E, 0x2066...0x2069: return true
        case 0x00...0x1F, 0x7F...0x9F: return true
        default: return false
        }
    }
}
