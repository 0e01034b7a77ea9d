import LibXML
import NewsModel

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
        /// Figure captions inside the article container, photo credits removed. Kept out of the body text:
        /// they repeat it, and their credits name photographers, not actors.
        var captions: [String] = []
        /// Blocks skipped as too long to be paragraphs.
        var warnings: [ArticleWarning] = []
    }

    /// Elements whose text is code, not prose.
    static let codeElements: Set<String> = ["script", "style", "noscript", "template"]
    /// Blocks that vote for their container.
    static let votingTags: Set<String> = ["p", "div", "pre", "section", "blockquote", "td", "article"]
    static let tableTags: Set<String> = ["td", "th", "tr", "tbody", "thead", "table"]

    /// Minimum characters for a block to vote as a paragraph.
    static let minimumParagraphLength = 25
    /// Below this many characters of body text the page is treated as having no article, unless the text is
    /// prose on a page that is no listing (``isBrief(_:)``).
    static let minimumArticleLength = 120
    /// A block longer than this is no paragraph a person wrote (a text node of megabytes, a menu written on
    /// one line): it is skipped, with a warning, so that it can neither win nor swamp the article.
    static let maximumBlockLength = 100_000

    func extract(title: String?) -> Result {
        let root = bodyIndex() ?? -1
        let dropped = furnitureMap()
        let builder = TextBlockBuilder(tree: tree, dropped: dropped)
        var blocks = root >= 0 ? builder.blocks(in: root) : []
        var warnings: [ArticleWarning] = []
        let overlong = blocks.filter(Self.isOverlong)
        if !overlong.isEmpty {
            blocks.removeAll(where: Self.isOverlong)
            let sizes = overlong.prefix(3).map { String($0.length) }.joined(separator: ", ")
            warnings.append(
                ArticleWarning(
                    .blockSkipped,
                    "\(overlong.count) text \(overlong.count == 1 ? "block" : "blocks") longer than "
                        + "\(Self.maximumBlockLength) characters (\(sizes)\(overlong.count > 3 ? ", ..." : "")) skipped"
                ))
        }
        guard !blocks.isEmpty else {
            return Result(paragraphs: [], emptyReason: "the page has no visible text", warnings: warnings)
        }

        let container = bestContainer(blocks: blocks, root: root)
        let end = Int(tree.subtreeEnds[container])
        let kept = blocks.filter { $0.element >= container && $0.element < end && keep($0, title: title) }
        var paragraphs = Self.contextFilter(kept).map(\.text)
        var total = paragraphs.reduce(0) { $0 + $1.unicodeScalars.count }
        if total < Self.minimumArticleLength {
            // Fallback: the page's paragraph-like blocks wherever they are (long, few links), when together
            // they make an article. A menu or a list of teasers never passes this filter.
            let prose = blocks.filter { $0.length >= 80 && $0.linkDensity < 0.2 && keep($0, title: title) }
            let proseTotal = prose.reduce(0) { $0 + $1.length }
            if prose.count >= 2, proseTotal >= Self.minimumArticleLength * 2 {
                paragraphs = prose.map(\.text)
                total = proseTotal
            }
        }
        if total < Self.minimumArticleLength, !isBrief(paragraphs) {
            let longest = blocks.map(\.length).max() ?? 0
            return Result(
                paragraphs: [],
                emptyReason:
                    "no article text found: the main candidate has \(total) characters and the longest block \(longest)",
                warnings: warnings)
        }
        return Result(
            paragraphs: paragraphs, emptyReason: nil, captions: captions(in: container), warnings: warnings)
    }

    /// Whether a block is longer than ``maximumBlockLength``, counting its characters without their
    /// combining marks (which the clean stage has already cut to short runs).
    static func isOverlong(_ block: TextBlock) -> Bool {
        guard block.length > maximumBlockLength else { return false }
        let marks = block.text.unicodeScalars.reduce(0) { count, scalar in
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark: return count + 1
            default: return count
            }
        }
        return block.length - marks > maximumBlockLength
    }

    /// Whether a short main text is still an article: a brief of one or two sentences. It must hold a
    /// sentence (eight words or more, ending in a full stop, "!" or "?", perhaps inside quotes), and the
    /// page must not be a listing or a section front: those link to other articles by their headlines, so a
    /// page with four or more links of four words or more is none.
    func isBrief(_ paragraphs: [String]) -> Bool {
        let sentence = paragraphs.contains { paragraph in
            let words = paragraph.split(whereSeparator: { $0 == " " }).count
            let end = paragraph.unicodeScalars.last { !"\"'”’)»".unicodeScalars.contains($0) }
            return words >= 8 && end.map { ".!?".unicodeScalars.contains($0) } == true
        }
        guard sentence else { return false }
        var headlineLinks = 0
        for index in 0..<tree.count where tree.kinds[index] == .element && tree.names[index] == "a" {
            if tree.textContent(of: index).split(whereSeparator: { $0 == " " || $0 == "\n" }).count >= 4 {
                headlineLinks += 1
                if headlineLinks >= 4 { return false }
            }
        }
        return true
    }

    /// The `<figcaption>` texts of the container, each without its trailing credit ("(Photo by ...)",
    /// "Credit: ...", "Photo: ...").
    private func captions(in container: Int) -> [String] {
        var result: [String] = []
        for index in container..<Int(tree.subtreeEnds[container])
        where tree.kinds[index] == .element && tree.names[index] == "figcaption" {
            var accumulator = TextAccumulator()
            accumulator.append(tree.textContent(of: index), inLink: false)
            var text = accumulator.finish().text
            for marker in [
                "(Photo by", "(Photo:", "(Image credit", "Photo:", "Credit:", "Image copyright", "(Getty", "(AP",
            ] {
                if let range = text.range(of: marker) { text = String(text[..<range.lowerBound]) }
            }
            text = text.trimmingSpaces()
            if text.count >= 15, !result.contains(text) { result.append(text) }
        }
        return result
    }

    /// The `<body>` element, else `<html>`. One pass that stops at the body (it comes early in preorder).
    private func bodyIndex() -> Int? {
        var html: Int?
        for index in 0..<tree.count where tree.kinds[index] == .element {
            if tree.names[index] == "body" { return index }
            if html == nil, tree.names[index] == "html" { html = index }
        }
        return html
    }

    /// Marks the nodes that start a furniture subtree. One top-down pass. An element marked only by its
    /// class/id (or a `<form>`, which ASP.NET pages wrap around everything) is kept when it holds half or
    /// more of the page's text: hints such as "rail" or "widget" also name the wrappers of whole pages.
    private func furnitureMap() -> [Bool] {
        var dropped = [Bool](repeating: false, count: tree.count)
        let (textLength, paragraphLength) = textPerNode()
        let roots = (0..<tree.count).filter { tree.parents[$0] == -1 }
        let total = max(1, roots.reduce(0) { $0 + textLength[$1] })
        let paragraphTotal = max(1, roots.reduce(0) { $0 + paragraphLength[$1] })
        // Templates repeat the same class names many times: read each distinct value once (an element's verdict
        // is that of its class's and its id's flags together, so unique ids do not defeat the cache of classes).
        var cache: [String: BoilerplateHints.Flags] = [:]
        func flags(_ value: String?) -> BoilerplateHints.Flags {
            guard let value, !value.isEmpty else { return [] }
            if let known = cache[value] { return known }
            let found = BoilerplateHints.flags(ofValue: value)
            // A megabyte of class names is an attack: it is read from its head (`flags(ofValue:)`), and not
            // hashed again as a key.
            if value.utf8.count <= 2048 { cache[value] = found }
            return found
        }
        var verdicts = [BoilerplateHints.Verdict](repeating: .neutral, count: tree.count)
        // Elements with a content-hinted descendant holding real text ("widget Blog" around "post-body").
        var holdsContent = [Bool](repeating: false, count: tree.count)
        for index in 0..<tree.count where tree.kinds[index] == .element {
            let classValue = tree.attribute("class", of: index)
            let idValue = tree.attribute("id", of: index)
            guard classValue != nil || idValue != nil else { continue }
            let verdict = BoilerplateHints.verdict(flags(classValue).union(flags(idValue)))
            verdicts[index] = verdict
            if verdict == .content, textLength[index] >= 200 {
                var ancestor = Int(tree.parents[index])
                while ancestor >= 0, !holdsContent[ancestor] {
                    holdsContent[ancestor] = true
                    ancestor = Int(tree.parents[ancestor])
                }
            }
        }
        for index in 0..<tree.count where tree.kinds[index] == .element {
            let name = tree.names[index]
            // Half of all visible text, or half of the text in <p> elements (pages whose menus and scripts
            // outweigh the article).
            let holdsMostText = textLength[index] * 2 >= total || paragraphLength[index] * 2 >= paragraphTotal
            if BoilerplateHints.droppedTags.contains(name) {
                if name == "form" && holdsMostText { continue }
                dropped[index] = true
                continue
            }
            if name == "article" || name == "main" || name == "body" || name == "html" { continue }
            if isHidden(index) {
                dropped[index] = true
                continue
            }
            switch verdicts[index] {
            case .strongFurniture: dropped[index] = !holdsMostText
            case .weakFurniture: dropped[index] = !holdsMostText && !holdsContent[index]
            case .neutral, .content: break
            }
        }
        return dropped
    }

    private func isHidden(_ index: Int) -> Bool {
        if tree.attributes[index].isEmpty { return false }
        if tree.attribute("hidden", of: index) != nil { return true }
        if tree.attribute("aria-hidden", of: index) == "true" { return true }
        if let style = tree.attribute("style", of: index)?.lowercased().filter({ $0 != " " }),
            style.contains("display:none") || style.contains("visibility:hidden")
        {
            return true
        }
        return false
    }

    /// UTF-8 bytes of visible text per subtree (scripts, styles and templates left out), and of the text
    /// directly inside `<p>` elements. O(n): children come after their parent in preorder, so one backward pass
    /// adds every node into its parent.
    private func textPerNode() -> (all: [Int], paragraphs: [Int]) {
        var counts = [Int](repeating: 0, count: tree.count)
        var paragraphs = [Int](repeating: 0, count: tree.count)
        for index in stride(from: tree.count - 1, through: 0, by: -1) {
            let parent = Int(tree.parents[index])
            if tree.kinds[index] == .text {
                if parent >= 0, Self.codeElements.contains(tree.names[parent]) { continue }
                counts[index] = tree.texts[index].utf8.count
                if parent >= 0, tree.names[parent] == "p" { paragraphs[index] = counts[index] }
            }
            if parent >= 0 {
                counts[parent] += counts[index]
                paragraphs[parent] += paragraphs[index]
            }
        }
        return (counts, paragraphs)
    }

    /// The element holding the article. Falls back to the body when no block votes. Per-node tallies live in
    /// arrays indexed like the tree (no hashing on this hot path).
    private func bestContainer(blocks: [TextBlock], root: Int) -> Int {
        var scores = [Double](repeating: 0, count: tree.count)
        var voted = [Bool](repeating: false, count: tree.count)
        var textLength = [Int](repeating: 0, count: tree.count)
        var linkLength = [Int](repeating: 0, count: tree.count)
        // Text of paragraph-like blocks (long enough, few links) per ancestor.
        var goodText = [Int](repeating: 0, count: tree.count)
        for block in blocks {
            // Every ancestor learns how much of its text is links.
            let good =
                block.length >= 40 && block.linkDensity < 0.3
                && (block.tag == "p" || block.tag == "blockquote" || block.tag == "pre" || block.tag == "td")
            var node = block.element
            while node >= 0 {
                textLength[node] += block.length
                linkLength[node] += block.linkCharacters
                if good { goodText[node] += block.length }
                node = Int(tree.parents[node])
            }
            guard block.length >= Self.minimumParagraphLength,
                Self.votingTags.contains(block.tag)
            else { continue }
            var commas = 0
            for scalar in block.text.unicodeScalars
            where scalar == "," || scalar == "،" || scalar == "、" || scalar == "，" {
                commas += 1
            }
            let score = (1 + Double(commas) + min(Double(block.length) / 100, 3)) * (1 - block.linkDensity)
            // A paragraph votes for its parent; a table cell for the table's parent (statistics tables are
            // article text); a block that is itself a container (text directly in a <div>) for itself.
            var parent = block.tag == "p" ? Int(tree.parents[block.element]) : block.element
            if block.tag == "td" || block.tag == "th" {
                while parent >= 0, Self.tableTags.contains(tree.names[parent]) {
                    parent = Int(tree.parents[parent])
                }
            }
            guard parent >= 0 else { continue }
            scores[parent] += score
            voted[parent] = true
            let grandparent = Int(tree.parents[parent])
            if grandparent >= 0 {
                scores[grandparent] += score / 2
                voted[grandparent] = true
            }
        }
        guard voted.contains(true) else { return max(root, 0) }
        var best = -1
        var bestScore = -Double.infinity
        for node in 0..<tree.count where voted[node] {
            let score = scores[node]
            let links = Double(linkLength[node]) / Double(max(1, textLength[node]))
            var value = score * (1 - links)
            let verdict = BoilerplateHints.verdict(
                class: tree.attribute("class", of: node), id: tree.attribute("id", of: node))
            if verdict == .content || tree.attribute("itemprop", of: node) == "articleBody" {
                value *= 1.25
            }
            if value > bestScore || (value == bestScore && node < best) {
                best = node
                bestScore = value
            }
        }
        // Widen while the parent holds substantially more paragraph-like text than the candidate (pages that
        // split the body into several sections or around inline boxes), as long as the parent is not mostly
        // links and is not the whole page.
        let body = max(root, 0)
        var candidate = best
        var candidateText = goodText[candidate]
        while true {
            let parent = Int(tree.parents[candidate])
            guard parent >= 0, parent != body else { break }
            let parentText = goodText[parent]
            let links = Double(linkLength[parent]) / Double(max(1, textLength[parent]))
            guard Double(parentText) >= Double(candidateText) * 1.2 + 40, links < 0.35 else {
                // A parent that only adds headings or captions is still worth taking when it adds nothing bad.
                if parentText >= candidateText, textLength[parent] <= textLength[candidate] + 200, links < 0.35 {
                    candidate = parent
                    candidateText = parentText
                    continue
                }
                break
            }
            candidate = parent
            candidateText = parentText
        }
        return candidate
    }

    /// Block quality in the spirit of jusText: a block is good when long and not link-heavy. Short blocks
    /// that are not good (labels, dates, "Comments", "Related Articles") are trimmed from both ends of the
    /// article; inside it, lists and tables of short items stay.
    static func contextFilter(_ blocks: [TextBlock]) -> [TextBlock] {
        func isGood(_ block: TextBlock) -> Bool { block.length >= 70 && block.linkDensity < 0.3 }
        func isJunk(_ block: TextBlock) -> Bool { !isGood(block) && (block.length < 40 || block.linkDensity > 0.5) }
        var start = 0
        var end = blocks.count
        while start < end, isJunk(blocks[start]) { start += 1 }
        while end > start, isJunk(blocks[end - 1]) { end -= 1 }
        return Array(blocks[start..<end])
    }

    /// Rights notices that end many templates' article cells, as bytes for a Foundation-free search.
    static let rightsNotices: [[UInt8]] = ["all rights reserved", "droits réservés", "derechos reservados"].map {
        Array($0.utf8)
    }

    /// Whether a block inside the container is article text.
    private func keep(_ block: TextBlock, title: String?) -> Bool {
        if block.tag == "h1" { return false }
        if let title, block.text == title { return false }
        if block.linkDensity > 0.5 && block.length < 300 { return false }
        guard block.length < 200 else { return true }
        // Only short blocks can be labels, so only they are lower-cased and compared.
        let lower = block.text.lowercased()
        for prefix in [
            "read more", "read also", "related:", "see also", "advertisement", "sign up", "subscribe", "share this",
        ] where lower.hasPrefix(prefix) {
            return false
        }
        if block.length < 60, lower.hasPrefix("by "), !block.text.contains(".") { return false }
        // Copyright and rights lines close many templates' article cells.
        if lower.hasPrefix("©") || lower.hasPrefix("copyright")
            || BoilerplateHints.contains(Array(lower.utf8), Self.rightsNotices)
        {
            return false
        }
        return true
    }
}
