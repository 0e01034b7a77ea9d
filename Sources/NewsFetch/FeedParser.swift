import Foundation
import LibXML

/// One entry of a feed or sitemap: the article's address and the hints the document gives about it.
public struct FeedItem: Sendable, Equatable {
    public var url: String
    public var title: String?
    /// The item's date as the document wrote it (RFC 822 in RSS, ISO 8601 in Atom; a sitemap's `lastmod`).
    public var published: String?
    /// Whether the entry is another sitemap (an entry of a sitemap index), not an article.
    public var isSitemap: Bool

    public init(url: String, title: String?, published: String?, isSitemap: Bool = false) {
        self.url = url
        self.title = title
        self.published = published
        self.isSitemap = isSitemap
    }
}

/// Why a feed could not be read.
public enum FeedError: Error, Equatable, CustomStringConvertible {
    case notXML(detail: String)
    case notAFeed(root: String)

    public var description: String {
        switch self {
        case .notXML(let detail): return "the feed is not well-formed XML: \(detail)"
        case .notAFeed(let root):
            return "the document is not an RSS or Atom feed or a sitemap (its root element is <\(root)>)"
        }
    }
}

/// Reads RSS 2.0 and Atom feeds and sitemaps (sitemaps.org 0.9: a `urlset` of pages with `lastmod`, or a
/// `sitemapindex` of further sitemaps) through the project's libxml2 wrapper (no entities, no DTD, no XInclude,
/// no network). Item links resolve against the document's address; http(s) links only, duplicates collapse.
public enum FeedParser {
    public static func parse(
        _ bytes: [UInt8], feedURL: String?, limits: ParseLimits = ParseLimits()
    ) throws(FeedError) -> [FeedItem] {
        let tree: DOMTree
        do {
            tree = try ParsedDocument(bytes: bytes, syntax: .xml, limits: limits).flatten().tree
        } catch {
            throw .notXML(detail: error.description)
        }
        guard let root = (0..<tree.count).first(where: { tree.kinds[$0] == .element }) else {
            throw .notAFeed(root: "")
        }
        let base = feedURL.flatMap { URL(string: $0) }
        var items: [FeedItem] = []
        var seen = Set<String>()
        func add(_ link: String?, title: String?, published: String?, isSitemap: Bool = false) {
            guard let link = link?.trimmingCharacters(in: .whitespacesAndNewlines), !link.isEmpty,
                let url = URL(string: link, relativeTo: base)?.absoluteURL,
                let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https"
            else { return }
            let absolute = url.absoluteString
            guard seen.insert(absolute).inserted else { return }
            items.append(FeedItem(url: absolute, title: title, published: published, isSitemap: isSitemap))
        }
        func child(_ element: Int, named name: String) -> Int? {
            tree.children(of: element).first { tree.kinds[$0] == .element && tree.names[$0] == name }
        }
        func text(_ element: Int?) -> String? {
            element.map { tree.textContent(of: $0).trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap {
                $0.isEmpty ? nil : $0
            }
        }
        switch tree.names[root] {
        case "rss", "RDF":
            for item in tree.elements(named: "item") {
                var link = text(child(item, named: "link"))
                if link == nil, let guid = child(item, named: "guid"),
                    tree.attribute("isPermaLink", of: guid) != "false"
                {
                    link = text(guid)
                }
                add(
                    link, title: text(child(item, named: "title")),
                    published: text(child(item, named: "pubDate")) ?? text(child(item, named: "date")))
            }
        case "feed":
            for entry in tree.elements(named: "entry") {
                let links = tree.children(of: entry).filter { tree.kinds[$0] == .element && tree.names[$0] == "link" }
                let alternate =
                    links.first { (tree.attribute("rel", of: $0) ?? "alternate") == "alternate" } ?? links.first
                add(
                    alternate.flatMap { tree.attribute("href", of: $0) }, title: text(child(entry, named: "title")),
                    published: text(child(entry, named: "published")) ?? text(child(entry, named: "updated")))
            }
        case "urlset", "sitemapindex":
            let isIndex = tree.names[root] == "sitemapindex"
            for entry in tree.elements(named: isIndex ? "sitemap" : "url") {
                add(
                    text(child(entry, named: "loc")), title: nil, published: text(child(entry, named: "lastmod")),
                    isSitemap: isIndex)
            }
        default:
            throw .notAFeed(root: tree.names[root])
        }
        return items
    }
}
