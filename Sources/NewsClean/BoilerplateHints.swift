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
    ]

    /// Tokens that mark furniture unless a content token is present too.
    static let weakNegative: Set<String> = [
        "nav", "navbar", "navigation", "menu", "footer", "header", "masthead", "sidebar", "aside", "meta", "toolbar",
        "pagination", "pager", "skip", "hidden", "print", "login", "more", "links", "utility", "widget",
    ]

    /// Tokens that mark the article container.
    static let positive: Set<String> = [
        "article", "content", "entry", "story", "body", "post", "text", "main", "articlebody", "prose",
    ]

    /// Splits `class` and `id` values into lower-case tokens.
    static func tokens(_ values: String?...) -> [Substring] {
        var result: [Substring] = []
        for value in values {
            guard let value, !value.isEmpty else { continue }
            let lower = value.lowercased()
            result.append(
                contentsOf: lower.split(whereSeparator: {
                    $0 == " " || $0 == "-" || $0 == "_" || $0 == "\t" || $0 == "\n"
                }))
            // "read-more" and "readMore" both mean the same furniture.
            if lower.contains("read-more") || lower.contains("readmore") || lower.contains("read_more") {
                result.append("readmore")
            }
        }
        return result
    }

    /// Whether the class/id tokens mark furniture.
    static func isFurniture(_ tokens: [Substring]) -> Bool {
        var hasWeak = false
        var hasPositive = false
        for token in tokens {
            if strongNegative.contains(String(token)) { return true }
            if negativeStems.contains(where: { token.contains($0) }) { return true }
            if weakNegative.contains(String(token)) { hasWeak = true }
            if positive.contains(String(token)) { hasPositive = true }
        }
        return hasWeak && !hasPositive
    }

    /// Whether the class/id tokens mark the article container.
    static func isContentHint(_ tokens: [Substring]) -> Bool {
        tokens.contains { positive.contains(String($0)) }
    }
}
