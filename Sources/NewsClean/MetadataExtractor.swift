import Foundation
import LibXML

/// Reads the page's metadata: title, authors, dates, canonical URL, site name, description, language and
/// section, from `<meta>`, `<link>`, JSON-LD, `<time>` and the document itself.
struct MetadataExtractor {
    let tree: DOMTree

    struct Metadata {
        var title: String?
        var authors: [String] = []
        var published: String?
        var publishedSource: String?
        var modified: String?
        var canonicalURL: String?
        var siteName: String?
        var description: String?
        var language: String?
        var section: String?
        var jsonLDBody: String?
    }

    /// - Parameters:
    ///   - pageURL: the address the page was fetched from, for a date in its path.
    ///   - latestDay: the fetch day (`YYYY-MM-DD`); a publication date after it is rejected as implausible
    ///     and the next source is tried.
    func extract(pageURL: String? = nil, latestDay: String? = nil) -> Metadata {
        var metadata = Metadata()
        var meta: [String: String] = [:]
        var titleElement: String?
        var firstH1: String?
        var firstTime: String?
        var dateline: String?
        var relAuthors: [String] = []
        var jsonLD = JSONLDArticle()
        for index in 0..<tree.count where tree.kinds[index] == .element {
            switch tree.names[index] {
            case "meta":
                let key =
                    (tree.attribute("property", of: index) ?? tree.attribute("name", of: index) ?? tree.attribute(
                        "itemprop", of: index)
                    ?? tree.attribute("http-equiv", of: index))?.lowercased()
                if let key, let content = tree.attribute("content", of: index)?.trimmingSpaces(), !content.isEmpty,
                    meta[key] == nil
                {
                    meta[key] = content
                }
            case "link":
                let rel = tree.attribute("rel", of: index)?.lowercased() ?? ""
                if rel.split(separator: " ").contains("canonical"), metadata.canonicalURL == nil,
                    let href = tree.attribute("href", of: index)?.trimmingSpaces(), !href.isEmpty
                {
                    metadata.canonicalURL = href
                }
            case "title":
                if titleElement == nil { titleElement = Self.collapse(tree.textContent(of: index)) }
            case "h1":
                if firstH1 == nil { firstH1 = Self.collapse(tree.textContent(of: index)) }
            case "time":
                if firstTime == nil { firstTime = tree.attribute("datetime", of: index)?.trimmingSpaces() }
                if dateline == nil { dateline = VisibleDateParser.day(from: tree.textContent(of: index)) }
            case "a":
                if tree.attribute("rel", of: index)?.lowercased() == "author" {
                    let name = Self.collapse(tree.textContent(of: index))
                    if !name.isEmpty { relAuthors.append(name) }
                }
            case "script":
                if tree.attribute("type", of: index)?.lowercased().contains("ld+json") == true {
                    jsonLD.merge(json: tree.textContent(of: index))
                }
            case "html":
                if let lang = tree.attribute("lang", of: index) ?? tree.attribute("xml:lang", of: index) {
                    metadata.language = Self.languageTag(lang)
                }
            default:
                if dateline == nil, var hint = tree.attribute("class", of: index),
                    hint.withUTF8({ BoilerplateHints.contains($0, Self.datelineHints) })
                {
                    let text = tree.textContent(of: index)
                    if text.utf8.count < 160 { dateline = VisibleDateParser.day(from: text) }
                }
            }
        }
        metadata.siteName = meta["og:site_name"] ?? jsonLD.publisher
        metadata.title = [
            meta["og:title"], jsonLD.headline, firstH1,
            titleElement.map { Self.stripSiteSuffix($0, siteName: metadata.siteName) },
        ]
        .compactMap { $0.map(Self.collapse) }.first { !$0.isEmpty }
        let published: [(String?, String)] = [
            (meta["article:published_time"], "meta:article:published_time"),
            (jsonLD.datePublished, "json-ld:datePublished"),
            (meta["datepublished"], "meta:datePublished"), (meta["pubdate"], "meta:pubdate"),
            (meta["publishdate"], "meta:publishdate"), (meta["date"], "meta:date"), (meta["dc.date"], "meta:dc.date"),
            (meta["dc.date.issued"], "meta:dc.date.issued"), (meta["sailthru.date"], "meta:sailthru.date"),
            (firstTime, "time:datetime"),
            ((metadata.canonicalURL ?? meta["og:url"] ?? pageURL).flatMap(VisibleDateParser.day(fromURL:)), "url"),
            (dateline, "dateline"),
        ]
        for (value, source) in published {
            guard let value, let day = PublicationDate.day(of: value) else { continue }
            // Never after the fetch: a future date is a template's or an event's, not the publication's.
            if let latestDay, day > latestDay { continue }
            metadata.published = value
            metadata.publishedSource = source
            break
        }
        metadata.modified = meta["article:modified_time"] ?? jsonLD.dateModified ?? meta["og:updated_time"]
        metadata.canonicalURL = metadata.canonicalURL ?? meta["og:url"]
        // Only web addresses: javascript:, data: and file: values are never passed on.
        if let canonical = metadata.canonicalURL?.lowercased(), !canonical.hasPrefix("http://"),
            !canonical.hasPrefix("https://")
        {
            metadata.canonicalURL = nil
        }
        metadata.description = meta["og:description"] ?? meta["description"]
        metadata.section = meta["article:section"] ?? jsonLD.section
        if metadata.language == nil, let language = meta["content-language"] ?? meta["og:locale"] {
            metadata.language = Self.languageTag(language)
        }
        var authors: [String] = []
        for name in [meta["author"], meta["article:author"]].compactMap({ $0 }) + jsonLD.authors + relAuthors {
            let cleaned = Self.collapse(name)
            if BylineFilter.isPlausibleAuthor(cleaned), !authors.contains(cleaned) { authors.append(cleaned) }
        }
        metadata.authors = authors
        metadata.jsonLDBody = jsonLD.articleBody
        return metadata
    }

    /// Class names of elements that show the publication date.
    static let datelineHints: [[UInt8]] = ["date", "Date", "publish", "posted", "fecha", "datum"].map { Array($0.utf8) }

    /// "Headline - Site" and "Headline | Site" lose the site suffix.
    static func stripSiteSuffix(_ title: String, siteName: String?) -> String {
        for separator in [" | ", " - ", " – ", " — ", " :: "] {
            if let range = title.range(of: separator, options: .backwards) {
                let suffix = title[range.upperBound...]
                if let siteName, suffix.lowercased() == siteName.lowercased() {
                    return String(title[..<range.lowerBound])
                }
                if siteName == nil, suffix.split(separator: " ").count <= 4 {
                    return String(title[..<range.lowerBound])
                }
            }
        }
        return title
    }

    static func languageTag(_ value: String) -> String? {
        let tag = value.trimmingSpaces().replacingOccurrences(of: "_", with: "-").lowercased()
        guard !tag.isEmpty, tag.count <= 35, tag.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
            return nil
        }
        return tag
    }

    static func collapse(_ text: String) -> String {
        var accumulator = TextAccumulator()
        accumulator.append(text, inLink: false)
        return accumulator.finish().text
    }
}

/// Accepts author names and rejects byline noise.
enum BylineFilter {
    static func isPlausibleAuthor(_ name: String) -> Bool {
        let lower = name.lowercased()
        guard name.count >= 3, name.count <= 80, !lower.hasPrefix("http") else { return false }
        if PublicationDate.day(of: name) != nil { return false }
        let noise = ["staff", "admin", "editor", "newsroom", "news desk", "reporter", "contributor", "guest"]
        if noise.contains(where: { lower == $0 || lower == "by \($0)" || lower.hasSuffix(" \($0)") && lower.count < 20 }
        ) {
            return false
        }
        return name.contains(where: \.isLetter)
    }
}

/// The parts of JSON-LD `Article`-like objects that the clean stage uses.
struct JSONLDArticle {
    var headline: String?
    var datePublished: String?
    var dateModified: String?
    var authors: [String] = []
    var publisher: String?
    var section: String?
    var articleBody: String?

    /// Reads one `<script type="application/ld+json">` payload. Invalid JSON is ignored: it is page data,
    /// not a failure of the article.
    mutating func merge(json: String) {
        guard let data = json.data(using: .utf8),
            let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        else { return }
        visit(value, depth: 0)
    }

    private mutating func visit(_ value: Any, depth: Int) {
        guard depth < 8 else { return }
        if let array = value as? [Any] {
            for item in array { visit(item, depth: depth + 1) }
            return
        }
        guard let object = value as? [String: Any] else { return }
        if let graph = object["@graph"] { visit(graph, depth: depth + 1) }
        let types: [String] = (object["@type"] as? String).map { [$0] } ?? (object["@type"] as? [String]) ?? []
        guard
            types.contains(where: {
                $0.hasSuffix("Article") || $0 == "BlogPosting" || $0 == "Report" || $0 == "LiveBlogPosting"
            })
        else {
            return
        }
        headline = headline ?? object["headline"] as? String
        datePublished = datePublished ?? object["datePublished"] as? String
        dateModified = dateModified ?? object["dateModified"] as? String
        section = section ?? object["articleSection"] as? String
        articleBody = articleBody ?? object["articleBody"] as? String
        if let publisher = object["publisher"] as? [String: Any] {
            self.publisher = self.publisher ?? publisher["name"] as? String
        }
        let authorValues: [Any] = (object["author"] as? [Any]) ?? (object["author"].map { [$0] } ?? [])
        for author in authorValues {
            if let name = (author as? [String: Any])?["name"] as? String {
                authors.append(name)
            } else if let name = author as? String {
                authors.append(name)
            }
        }
    }
}
