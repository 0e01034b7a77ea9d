import LibXML

/// Finds the article's main text in a flattened page.
///
/// The rules, in order: furniture subtrees are dropped by tag and by class/id hints (``BoilerplateHints``);
/// the remaining text is split into blocks; paragraph-like blocks vote for their parent (full score) and
/// grandparent (half), weighted by length and commas, as Readability does; the best-scoring container wins,
/// widened to its parent when a sibling container scores close to it; inside it, link-heavy, byline-like
/// and "read more" blocks are left out. The headline (`<h1>`) is metadata and never body text.
struct MainContentExtractor {
    let tree: DOMTree

    /// The body text as paragraphs, or an empty list and the reason.
    struct Result {
        var paragraphs: [String]
        var emptyReason: String?
    }

    /// Minimum characters for a block to vote as a paragraph.
    static let minimumParagraphLength = 25
    /// Below this many characters of body text the page is treated as having no article.
    static let minimumArticleLength = 120

    func extract(title: String?) -> Result {
        let root = bodyIndex() ?? -1
        let dropped = furnitureMap()
        let builder = TextBlockBuilder(tree: tree, dropped: dropped)
        let blocks = root >= 0 ? builder.blocks(in: root) : []
        guard !blocks.isEmpty else { return Result(paragraphs: [], emptyReason: "the page has no visible text") }

        let container = bestContainer(blocks: blocks)
        let end = Int(tree.subtreeEnds[container])
        var paragraphs: [String] = []
        for block in blocks where block.element >= container && block.element < end {
            if keep(block, title: title) { paragraphs.append(block.text) }
        }
        let total = paragraphs.reduce(0) { $0 + $1.unicodeScalars.count }
        if total < Self.minimumArticleLength {
            let longest = blocks.map(\.length).max() ?? 0
            return Result(
                paragraphs: [],
                emptyReason:
                    "no article text found: the main candidate has \(total) characters and the longest block \(longest)"
            )
        }
        return Result(paragraphs: paragraphs, emptyReason: nil)
    }

    private func bodyIndex() -> Int? {
        if let body = tree.elements(named: "body").first { return body }
        if let html = tree.elements(named: "html").first { return html }
        return nil
    }

    /// Marks the nodes that start a furniture subtree. One top-down pass; an element marked by class/id is
    /// kept when it holds most of the page's paragraph text (a wrapper such as `<div class="comments-on">`).
    private func furnitureMap() -> [Bool] {
        var dropped = [Bool](repeating: false, count: tree.count)
        let paragraphText = paragraphTextPerNode()
        let allParagraphText = max(
            1, paragraphText.enumerated().filter { tree.parents[$0.offset] == -1 }.reduce(0) { $0 + $1.element })
        for index in 0..<tree.count where tree.kinds[index] == .element {
            let name = tree.names[index]
            if BoilerplateHints.droppedTags.contains(name) {
                dropped[index] = true
                continue
            }
            if name == "article" || name == "main" || name == "body" || name == "html" { continue }
            if isHidden(index) {
                dropped[index] = true
                continue
            }
            let tokens = BoilerplateHints.tokens(tree.attribute("class", of: index), tree.attribute("id", of: index))
            if BoilerplateHints.isFurniture(tokens), paragraphText[index] * 10 < allParagraphText * 6 {
                dropped[index] = true
            }
        }
        return dropped
    }

    private func isHidden(_ index: Int) -> Bool {
        if tree.attribute("hidden", of: index) != nil { return true }
        if tree.attribute("aria-hidden", of: index) == "true" { return true }
        if let style = tree.attribute("style", of: index)?.lowercased().filter({ $0 != " " }),
            style.contains("display:none") || style.contains("visibility:hidden")
        {
            return true
        }
        return false
    }

    /// Characters of text inside `<p>` elements per subtree (scripts and styles excluded). O(n · depth).
    private func paragraphTextPerNode() -> [Int] {
        var counts = [Int](repeating: 0, count: tree.count)
        for index in 0..<tree.count where tree.kinds[index] == .text {
            let parent = Int(tree.parents[index])
            guard parent >= 0, tree.names[parent] == "p" else { continue }
            let length = tree.texts[index].utf8.count
            var node = index
            while node >= 0 {
                counts[node] += length
                node = Int(tree.parents[node])
            }
        }
        return counts
    }

    /// The element holding the article. Falls back to the body when no block votes.
    private func bestContainer(blocks: [TextBlock]) -> Int {
        var scores: [Int: Double] = [:]
        var textLength: [Int: Int] = [:]
        var linkLength: [Int: Int] = [:]
        for block in blocks {
            // Every ancestor learns how much of its text is links.
            var node = block.element
            while node >= 0 {
                textLength[node, default: 0] += block.length
                linkLength[node, default: 0] += block.linkCharacters
                node = Int(tree.parents[node])
            }
            guard block.length >= Self.minimumParagraphLength,
                block.tag == "p" || block.tag == "div" || block.tag == "pre" || block.tag == "section"
                    || block.tag == "blockquote" || block.tag == "td" || block.tag == "article"
            else { continue }
            let commas = block.text.reduce(0) { $0 + ($1 == "," || $1 == "،" || $1 == "、" || $1 == "，" ? 1 : 0) }
            let score = (1 + Double(commas) + min(Double(block.length) / 100, 3)) * (1 - block.linkDensity)
            // A block that is itself a container (text directly in a <div>) votes for itself too.
            let parent = block.tag == "p" ? Int(tree.parents[block.element]) : block.element
            guard parent >= 0 else { continue }
            scores[parent, default: 0] += score
            let grandparent = Int(tree.parents[parent])
            if grandparent >= 0 { scores[grandparent, default: 0] += score / 2 }
        }
        guard !scores.isEmpty else { return bodyIndex() ?? 0 }
        var best = -1
        var bestScore = -Double.infinity
        var adjusted: [Int: Double] = [:]
        for (node, score) in scores {
            let links = Double(linkLength[node] ?? 0) / Double(max(1, textLength[node] ?? 0))
            var value = score * (1 - links)
            let tokens = BoilerplateHints.tokens(tree.attribute("class", of: node), tree.attribute("id", of: node))
            if BoilerplateHints.isContentHint(tokens) || tree.attribute("itemprop", of: node) == "articleBody" {
                value *= 1.25
            }
            adjusted[node] = value
            if value > bestScore || (value == bestScore && node < best) {
                best = node
                bestScore = value
            }
        }
        // Widen to the parent when a sibling container also carries a good share of the article (pages that
        // split the body around an inline box).
        let parent = Int(tree.parents[best])
        if parent >= 0 {
            for sibling in tree.children(of: parent) where sibling != best {
                if let score = adjusted[sibling], score >= max(3, bestScore * 0.3) { return parent }
            }
        }
        return best
    }

    /// Whether a block inside the container is article text.
    private func keep(_ block: TextBlock, title: String?) -> Bool {
        if block.tag == "h1" { return false }
        if let title, block.text == title { return false }
        if block.linkDensity > 0.5 && block.length < 300 { return false }
        let lower = block.text.lowercased()
        for prefix in [
            "read more", "read also", "related:", "see also", "advertisement", "sign up", "subscribe", "share this",
        ]
        where lower.hasPrefix(prefix) && block.length < 200 {
            return false
        }
        if block.length < 60, lower.hasPrefix("by "), !block.text.contains(".") { return false }
        // Copyright and rights lines close many templates' article cells.
        if block.length < 200,
            lower.hasPrefix("©") || lower.hasPrefix("copyright") || lower.contains("all rights reserved")
                || lower.contains("droits réservés")
        {
            return false
        }
        return true
    }
}
