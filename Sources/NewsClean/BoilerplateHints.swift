/// The element-level signals that decide whether a subtree is page furniture.
///
/// Tokens come from `class` and `id`, split on white space, `-` and `_`, lower-cased, so that
/// `newsletter-banner` gives `newsletter` and `banner`. The lists encode the conventions of common CMS
/// templates, never a particular site.
enum BoilerplateHints {
    /// Elements whose whole subtree is never article text.
    static let droppedTags: Set<String> = [
        "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "select", "option",
        "button", "iframe", "svg", "canvas", "object", "embed", "input", "textarea", "label", "head", "title",
        "meta", "link", "menu", "dialog", "audio", "video", "map", "figure", "figcaption",
    ]

    /// Tags that start and end a text block.
    static let blockTags: Set<String> = [
        "p", "div", "section", "article", "main", "body", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
        "blockquote", "pre", "figcaption", "figure", "td", "th", "tr", "table", "tbody", "thead", "dd", "dt", "dl",
        "address", "center", "details", "summary", "hr", "br",
    ]

    /// Tokens that mark furniture even inside an element that also looks like content
    /// (`partner-content`, `related-stories`).
    static let strongNegative: Set<String> = [
        "comment", "comments", "share", "partner", "partners", "ad", "ads", "readmore", "popular", "signup", "byline",
        "tags", "close", "updated", "timestamp", "slidecount",
        "dateline", "author", "banner", "modal", "popup", "recirculation",
    ]

    /// Word stems that mark furniture wherever they occur in a token (`jp-relatedposts`, `sharedaddy`,
    /// `newsletter-promo`). Only stems that never start an article-body class name are listed: "comment"
    /// is not, since opinion pages use `commentary`.
    static let negativeStems = [
        "related", "newsletter", "social", "cookie", "promo", "breadcrumb", "subscri", "sponsor", "advert", "outbrain",
        "taboola", "recommend", "trending", "paywall", "disqus", "sharing", "sharedaddy", "mostread", "consent", "gdpr",
        "privacy", "cookiebar", "caption", "credit", "gallery", "slideshow", "copyright", "offscreen", "off-screen",
        "sr-only", "visually-hidden", "screen-reader", "screenreader",
        // The same furniture in other languages: comments, related, bylines, most read.
        "comentario", "commentaire", "kommentar", "relacionad", "correlat", "verwandt", "firma", "autor", "masleido",
        "mas-leido", "plus-lus",
    ]

    /// Tokens that mark furniture unless a content token is present too.
    static let weakNegative: Set<String> = [
        "nav", "navbar", "navigation", "menu", "footer", "header", "masthead", "sidebar", "aside", "meta", "toolbar",
        "pagination", "pager", "skip", "hidden", "print", "login", "more", "links", "utility", "widget", "time",
    ]

    /// Tokens that mark the article container.
    static let positive: Set<String> = [
        "article", "content", "entry", "story", "body", "post", "text", "main", "articlebody", "prose",
    ]

    /// The stems as bytes, for a substring search without Foundation (whose `contains` is slow on Linux).
    static let negativeStemBytes: [[UInt8]] = negativeStems.map { Array($0.utf8) }

    /// Splits `class` and `id` values into lower-case tokens at white space, "-" and "_". O(length of the
    /// values); works on bytes, and tokens of up to 15 bytes are held inline by `String`, so it rarely allocates.
    static func tokens(_ values: String?...) -> [String] {
        var result: [String] = []
        var buffer: [UInt8] = []
        buffer.reserveCapacity(32)
        for value in values {
            guard let value, !value.isEmpty else { continue }
            var whole: [UInt8] = []
            // Real class and id values are short; a megabyte of them is an attack, and its head says enough.
            let head = value.utf8.prefix(1024)
            whole.reserveCapacity(head.count)
            for byte in head {
                let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                whole.append(lower)
                if lower == 0x20 || lower == 0x2D || lower == 0x5F || lower == 0x09 || lower == 0x0A {
                    if !buffer.isEmpty { result.append(String(decoding: buffer, as: UTF8.self)) }
                    buffer.removeAll(keepingCapacity: true)
                } else {
                    buffer.append(lower)
                }
            }
            if !buffer.isEmpty { result.append(String(decoding: buffer, as: UTF8.self)) }
            buffer.removeAll(keepingCapacity: true)
            // "read-more" and "readMore" both mean the same furniture.
            if contains(whole, readMoreBytes) { result.append("readmore") }
        }
        return result
    }

    static let readMoreBytes: [[UInt8]] = ["read-more", "readmore", "read_more"].map { Array($0.utf8) }

    /// Whether `token` contains one of ``negativeStemBytes``, without copying it.
    static func containsStem(_ token: String) -> Bool {
        var token = token
        return token.withUTF8 { bytes in
            for needle in negativeStemBytes where needle.count <= bytes.count {
                var start = 0
                while start + needle.count <= bytes.count {
                    if bytes[start] == needle[0] {
                        var offset = 1
                        while offset < needle.count, bytes[start + offset] == needle[offset] { offset += 1 }
                        if offset == needle.count { return true }
                    }
                    start += 1
                }
            }
            return false
        }
    }

    /// Whether `haystack` contains any of `needles`. Naive search: class tokens are short.
    static func contains(_ haystack: [UInt8], _ needles: [[UInt8]]) -> Bool {
        for needle in needles where needle.count <= haystack.count {
            var start = 0
            while start + needle.count <= haystack.count {
                if haystack[start] == needle[0] {
                    var matched = true
                    for offset in 1..<needle.count where haystack[start + offset] != needle[offset] {
                        matched = false
                        break
                    }
                    if matched { return true }
                }
                start += 1
            }
        }
        return false
    }

    /// What class/id tokens say about an element.
    enum Verdict {
        case neutral
        /// Article-container hints ("content", "story", "entry").
        case content
        /// Furniture only when nothing says otherwise ("sidebar", "widget").
        case weakFurniture
        /// Furniture whatever else the element is called ("comments", "newsletter", "related").
        case strongFurniture
    }

    static func verdict(_ tokens: [String]) -> Verdict {
        var hasWeak = false
        var hasPositive = false
        for token in tokens {
            if strongNegative.contains(token) { return .strongFurniture }
            if token.utf8.count >= 4, containsStem(token) { return .strongFurniture }
            if weakNegative.contains(token) { hasWeak = true }
            if positive.contains(token) { hasPositive = true }
        }
        if hasPositive { return .content }
        return hasWeak ? .weakFurniture : .neutral
    }
}
