/// A trie over token keys that finds gazetteer phrases in tokenized text.
///
/// Built once and immutable, so every worker shares it. Matching is leftmost-longest and non-overlapping;
/// its cost is O(tokens × longest phrase), independent of the number of phrases.
package struct PhraseTrie<Payload: Sendable>: Sendable {
    private var children: [[String: Int32]] = [[:]]
    private var payloads: [[Payload]] = [[]]

    package init() {}

    /// Adds a phrase given as token keys. Several payloads may share a phrase; they are returned in the
    /// order added.
    package mutating func insert(_ keys: [String], payload: Payload) {
        guard !keys.isEmpty else { return }
        var node = 0
        for key in keys {
            if let next = children[node][key] {
                node = Int(next)
            } else {
                children.append([:])
                payloads.append([])
                children[node][key] = Int32(children.count - 1)
                node = children.count - 1
            }
        }
        payloads[node].append(payload)
    }

    /// Whether the phrase `keys` is in the trie. O(keys).
    package func contains(_ keys: [String]) -> Bool {
        var node = 0
        for key in keys {
            guard let next = children[node][key] else { return false }
            node = Int(next)
        }
        return !payloads[node].isEmpty
    }

    /// A match: tokens `start ..< end` and the payloads of the phrase.
    package struct Match {
        package var start: Int
        package var end: Int
        package var payloads: [Payload]
    }

    /// The leftmost-longest matches in `tokens` for which `accept` holds, not overlapping.
    package func matches(in tokens: [Token], accept: (Match) -> Bool = { _ in true }) -> [Match] {
        var result: [Match] = []
        var start = 0
        while start < tokens.count {
            var node = 0
            var best: Match?
            var index = start
            while index < tokens.count, let next = children[node][tokens[index].key] {
                node = Int(next)
                index += 1
                if !payloads[node].isEmpty {
                    let candidate = Match(start: start, end: index, payloads: payloads[node])
                    if accept(candidate) { best = candidate }
                }
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
