import NewsLanguage

/// A trie over token keys that finds gazetteer phrases in tokenized text.
///
/// Built once and immutable, so every worker shares it. Matching is leftmost-longest and non-overlapping;
/// its cost is O(tokens × longest phrase), independent of the number of phrases.
package struct PhraseTrie<Payload: Sendable>: Sendable {
    /// The edges of every node in one table (a dictionary per node would be thousands of allocations at each
    /// start of the program). An edge whose key is ASCII (nearly all) is found by hashing the key's bytes with
    /// FNV-1a; `String`'s own hashing, with its normalization checks, was 4 % of the extract stage's
    /// instructions (callgrind, pipeline benchmark). An ASCII key equals only the same bytes; any other key is
    /// kept in a dictionary, so that a key equals what `String` says it equals.
    private var edgeFrom: [Int32] = []
    private var edgeTo: [Int32] = []
    private var edgeHash: [UInt64] = []
    /// The ASCII keys' bytes: edge `i`'s key is `keyBytes[keyOffsets[i] ..< keyOffsets[i + 1]]`.
    private var keyBytes: [UInt8] = []
    private var keyOffsets: [Int32] = [0]
    /// Open addressing, at most half full: 0 for an empty slot, else an edge's index plus one.
    private var slots = [Int32](repeating: 0, count: 16)
    private struct Edge: Hashable {
        var node: Int32
        var key: String
    }
    private var otherEdges: [Edge: Int32] = [:]
    /// Whether a node has an edge in `otherEdges` (most have none: a word outside ASCII is not looked up there).
    private var hasOtherEdges: [Bool] = [false]
    private var payloads: [[Payload]] = [[]]

    package init() {}

    /// Adds a phrase given as token keys. Several payloads may share a phrase; they are returned in the
    /// order added.
    package mutating func insert(_ keys: [String], payload: Payload) {
        guard !keys.isEmpty else { return }
        var node: Int32 = 0
        for key in keys {
            if let next = self.next(from: node, key) {
                node = next
                continue
            }
            payloads.append([])
            hasOtherEdges.append(false)
            let target = Int32(payloads.count - 1)
            let (hash, isASCII) = ByteHash.hash(key, seed: ByteHash.seed(node))
            if isASCII {
                edgeFrom.append(node)
                edgeTo.append(target)
                edgeHash.append(hash)
                keyBytes.append(contentsOf: key.utf8)
                keyOffsets.append(Int32(keyBytes.count))
                if edgeFrom.count * 2 > slots.count {
                    slots = [Int32](repeating: 0, count: slots.count * 2)
                    for edge in edgeFrom.indices { place(edge) }
                } else {
                    place(edgeFrom.count - 1)
                }
            } else {
                otherEdges[Edge(node: node, key: key)] = target
                hasOtherEdges[Int(node)] = true
            }
            node = target
        }
        payloads[Int(node)].append(payload)
    }

    private mutating func place(_ edge: Int) {
        var slot = Int(truncatingIfNeeded: edgeHash[edge]) & (slots.count - 1)
        while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
        slots[slot] = Int32(edge + 1)
    }

    /// The node reached from `node` by the edge of `key`. O(key).
    @inline(__always)
    private func next(from node: Int32, _ key: String) -> Int32? {
        var utf8 = key
        return utf8.withUTF8 { bytes in
            let (hash, isASCII) = ByteHash.hash(bytes, seed: ByteHash.seed(node))
            guard isASCII else { return hasOtherEdges[Int(node)] ? otherEdges[Edge(node: node, key: key)] : nil }
            var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
            while slots[slot] != 0 {
                let edge = Int(slots[slot]) - 1
                if edgeFrom[edge] == node && edgeHash[edge] == hash {
                    let start = Int(keyOffsets[edge])
                    let end = Int(keyOffsets[edge + 1])
                    if end - start == bytes.count
                        && keyBytes.withUnsafeBufferPointer({
                            UnsafeBufferPointer(rebasing: $0[start..<end]).elementsEqual(bytes)
                        })
                    {
                        return edgeTo[edge]
                    }
                }
                slot = (slot + 1) & (slots.count - 1)
            }
            return nil
        }
    }

    /// Whether the phrase `keys` is in the trie. O(keys).
    package func contains(_ keys: [String]) -> Bool {
        var node: Int32 = 0
        for key in keys {
            guard let next = next(from: node, key) else { return false }
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
        while index < tokens.count, let next = next(from: node, tokens[index].key) {
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
