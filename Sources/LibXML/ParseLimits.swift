/// Bounds on what a parse may produce. A document over a bound is refused with ``LibXMLError``, never
/// truncated silently.
public struct ParseLimits: Sendable, Hashable {
    /// The largest input accepted, in bytes.
    public var maxInputBytes: Int
    /// The most nodes (elements and text) the flattened tree may hold.
    public var maxNodes: Int
    /// The deepest nesting walked. Deeper subtrees are not copied, and the walk records that it cut them.
    public var maxDepth: Int

    public init(maxInputBytes: Int = 50 << 20, maxNodes: Int = 1_000_000, maxDepth: Int = 512) {
        self.maxInputBytes = maxInputBytes
        self.maxNodes = maxNodes
        self.maxDepth = maxDepth
    }
}

/// Why libxml2 could not give a usable tree.
public enum LibXMLError: Error, Equatable, CustomStringConvertible {
    /// The input is larger than ``ParseLimits/maxInputBytes``.
    case inputTooLarge(bytes: Int, limit: Int)
    /// The tree has more nodes than ``ParseLimits/maxNodes``.
    case tooManyNodes(limit: Int)
    /// libxml2 returned no document at all.
    case noDocument
    /// libxml2 could not allocate a parser context.
    case noParserContext

    public var description: String {
        switch self {
        case .inputTooLarge(let bytes, let limit):
            return "input is \(bytes) bytes, over the limit of \(limit) bytes"
        case .tooManyNodes(let limit):
            return "document has more than \(limit) nodes"
        case .noDocument:
            return "libxml2 produced no document"
        case .noParserContext:
            return "libxml2 could not create a parser context"
        }
    }
}
