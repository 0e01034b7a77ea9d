/// A parsed document flattened into preorder arrays, so that stages can walk it with plain indices and no
/// pointer ever leaves the ``ParsedDocument`` that produced it.
///
/// Node `i`'s subtree is the index range `i + 1 ..< subtreeEnd[i]`; its children are found by following
/// `firstChild` and `nextSibling`. Every array has one entry per node. Walking the whole tree is O(n) and
/// needs no recursion.
public struct DOMTree: Sendable, Equatable {
    /// What a node is.
    public enum Kind: UInt8, Sendable, Equatable {
        case element
        case text
    }

    /// One attribute as written in the source, with its name lower-cased.
    public struct Attribute: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Node kinds, in preorder.
    public internal(set) var kinds: [Kind] = []
    /// Lower-cased element names; empty for text nodes.
    public internal(set) var names: [String] = []
    /// Text content of text nodes (CDATA included); empty for elements.
    public internal(set) var texts: [String] = []
    /// Attributes of elements; empty for text nodes.
    public internal(set) var attributes: [[Attribute]] = []
    /// Parent index, or -1 for a top-level node.
    public internal(set) var parents: [Int32] = []
    /// One past the last index of the node's subtree.
    public internal(set) var subtreeEnds: [Int32] = []
    /// Nesting depth: 0 for top-level nodes.
    public internal(set) var depths: [Int32] = []

    public init() {}

    /// The number of nodes.
    public var count: Int { kinds.count }

    /// The value of the first attribute named `name` (lower-case) on node `index`, if any.
    public func attribute(_ name: String, of index: Int) -> String? {
        for attribute in attributes[index] where attribute.name == name {
            return attribute.value
        }
        return nil
    }

    /// Indices of the direct children of `index`, in document order. O(size of the subtree).
    public func children(of index: Int) -> [Int] {
        var result: [Int] = []
        var child = index + 1
        let end = Int(subtreeEnds[index])
        while child < end {
            result.append(child)
            child = Int(subtreeEnds[child])
        }
        return result
    }

    /// Indices of the elements named `name` (lower-case), in document order. O(n).
    public func elements(named name: String) -> [Int] {
        var result: [Int] = []
        for index in 0..<count where kinds[index] == .element && names[index] == name {
            result.append(index)
        }
        return result
    }

    /// The concatenated text of a subtree, with no separators added. O(size of the subtree).
    public func textContent(of index: Int) -> String {
        if kinds[index] == .text { return texts[index] }
        var result = ""
        for node in (index + 1)..<Int(subtreeEnds[index]) where kinds[node] == .text {
            result += texts[node]
        }
        return result
    }

    mutating func append(
        kind: Kind, name: String, text: String, attributes: [Attribute], parent: Int, depth: Int
    )
        -> Int
    {
        kinds.append(kind)
        names.append(name)
        texts.append(text)
        self.attributes.append(attributes)
        parents.append(Int32(parent))
        subtreeEnds.append(Int32(kinds.count))
        depths.append(Int32(depth))
        return kinds.count - 1
    }

    mutating func close(_ index: Int) {
        subtreeEnds[index] = Int32(kinds.count)
    }
}
