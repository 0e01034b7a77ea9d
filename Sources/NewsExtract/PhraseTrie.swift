/// A trie over token keys that finds gazetteer phrases in tokenized text.
///
/// Built once and immutable, so every worker shares it. Matching is leftmost-longest and non-overlapping;
/// its cost is O(tokens × longest phrase), independent of the number of phrases.
package struct PhraseTrie<Payload: Sendable>: Sendable {
    /// The edges of every node in one table (a dictionary per node would be thousands of allocations at each
    /// start of the program).
    private struct Edge: Hashable {
        var node: Int32
        var key: String
    }
    private var edges: [Edge: Int32] = [:]
    private var payloads: [[Payload]] = [[]]

    package init() {}

    /// Adds a phrase given as token keys. Several payloads may share a phrase; they are returned in the
    /// order added.
    package mutating func insert(_ keys: [String], payload: Payload) {
        guard !keys.isEmpty else { return }
        var node: Int32 = 0
        for key in keys {
            let edge = Edge(node: node, key: key)
            if let next = edges[edge] {
                node = next
            } else {
                payloads.append([])
                node = Int32(payloads.count - 1)
                edges[edge] = node
            }
        }
        payloads[Int(node)].append(payload)
    }

    /// Whether the phrase `keys` is in the trie. O(keys).
    package func contains(_ keys: [String]) -> Bool {
        var node: Int32 = 0
        for key in keys {
            guard let next = edges[Edge(node: node, key: key)] else { return false }
            node = next
        }
        return !payloads[Int(node)].isEmpty
    }

    /// A match: tokens `start ..< end` and the payloads of the phrase.
    package struct Match {
        package var start: Int
        package var end: Int
        package var payloads: [Payload]
    }

    /// The leftmost-longest matches in `tokens` for which `accept` holds, not overlapping.
    package func matches(in tokens: [Token], accept: (Match) -> Bool = { _ in true }) -> [Match] {
        Self.leftmostLongest(tokenCount: tokens.count, accept: accept) { start, found in
            phrases(in: tokens, from: start, found)
        }
    }

    /// Calls `found` with each `end` such that `tokens[start..<end]` is a phrase, and its payloads, shortest
    /// first.
    @inline(__always)
    package func phrases(in tokens: [Token], from start: Int, _ found: (Int, [Payload]) -> Void) {
        var node: Int32 = 0
        var index = start
        while index < tokens.count, let next = edges[Edge(node: node, key: tokens[index].key)] {
            node = next
            index += 1
            if !payloads[Int(node)].isEmpty { found(index, payloads[Int(node)]) }
        }
    }

    /// Leftmost-longest matching over any phrase source: at each start, `phrases` reports the phrases that begin
    /// there (end and payloads, shortest first); the longest that `accept` takes is kept and matching resumes
    /// after it, else at the next token.
    @inline(__always)
    package static func leftmostLongest(
        tokenCount: Int, accept: (Match) -> Bool, phrases: (Int, (Int, [Payload]) -> Void) -> Void
    ) -> [Match] {
        // `accept` runs only inside `phrases`, which returns before the next start.
        withoutActuallyEscaping(accept) { accept in
            var result: [Match] = []
            var start = 0
            while start < tokenCount {
                var best: Match?
                phrases(start) { end, payloads in
                    let candidate = Match(start: start, end: end, payloads: payloads)
                    if accept(candidate) { best = candidate }
                }
                if let best {
                    result.append(best)
                    start = best.end
                } else {
                    start += 1
                }
            }
            return result
        }
    }
}
