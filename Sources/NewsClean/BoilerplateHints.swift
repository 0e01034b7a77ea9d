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

    static let readMoreBytes: [[UInt8]] = ["read-more", "readmore", "read_more"].map { Array($0.utf8) }

    /// What one `class` or `id` value says. The value is split into tokens at white space, "-" and "_" and
    /// lower-cased (`newsletter-banner` gives `newsletter` and `banner`), and read on its bytes: no token is
    /// copied into a string, since a page has thousands of values and most are read once. "read-more",
    /// "readmore" and "read_more" anywhere in the value mean the same furniture. Real values are short; a
    /// megabyte of them is an attack, and its first 1,024 bytes say enough. O(length of the value).
    static func flags(ofValue value: String) -> Flags {
        var value = value
        return value.withUTF8 { all in
            let count = min(all.count, 1024)
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(count, 1)) { lower in
                for index in 0..<count {
                    let byte = all[index]
                    lower[index] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                }
                let whole = UnsafeBufferPointer(rebasing: lower[0..<count])
                if contains(whole, readMoreBytes) { return .strong }
                var flags: Flags = []
                var start = 0
                for index in 0...count {
                    guard index == count || isSeparator(whole[index]) else { continue }
                    if index > start {
                        let found = tokenFlags(whole[start..<index])
                        if found.contains(.strong) { return .strong }
                        flags.formUnion(found)
                    }
                    start = index + 1
                }
                return flags
            }
        }
    }

    static func isSeparator(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x2D || byte == 0x5F || byte == 0x09 || byte == 0x0A
    }

    /// One lower-case token's flags: a strong word, or a negative stem in a token of 4 bytes or more, makes it
    /// strong whatever else it is; else the weak and positive words it is.
    static func tokenFlags(_ token: Slice<UnsafeBufferPointer<UInt8>>) -> Flags {
        let found = token.count <= 16 ? wordFlags[WordKey(token)] ?? [] : []
        if found.contains(.strong) || token.count >= 4 && contains(token, negativeStemBytes) { return .strong }
        return found
    }

    /// A token of up to 16 bytes as two integers and its length: a cheap key for ``wordFlags``.
    struct WordKey: Hashable {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var count: Int

        init<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
            count = bytes.count
            for (index, byte) in bytes.enumerated() {
                if index < 8 { low |= UInt64(byte) << (8 * index) } else { high |= UInt64(byte) << (8 * (index - 8)) }
            }
        }
    }

    /// The flags of the strong, weak and positive words.
    static let wordFlags: [WordKey: Flags] = {
        var table: [WordKey: Flags] = [:]
        for (words, flag) in [(strongNegative, Flags.strong), (weakNegative, .weak), (positive, .positive)] {
            for word in words { table[WordKey(word.utf8), default: []].insert(flag) }
        }
        return table
    }()

    /// Whether `haystack` contains any of `needles`. Naive search: class tokens are short.
    static func contains<Bytes: RandomAccessCollection>(_ haystack: Bytes, _ needles: [[UInt8]]) -> Bool
    where Bytes.Element == UInt8, Bytes.Index == Int {
        for needle in needles where needle.count <= haystack.count {
            var start = haystack.startIndex
            while start + needle.count <= haystack.endIndex {
                if haystack[start] == needle[0] {
                    var offset = 1
                    while offset < needle.count, haystack[start + offset] == needle[offset] { offset += 1 }
                    if offset == needle.count { return true }
                }
                start += 1
            }
        }
        return false
    }

    /// What `class` and `id` tokens say about an element.
    enum Verdict {
        case neutral
        /// Article-container hints ("content", "story", "entry").
        case content
        /// Furniture only when nothing says otherwise ("sidebar", "widget").
        case weakFurniture
        /// Furniture whatever else the element is called ("comments", "newsletter", "related").
        case strongFurniture
    }

    /// What an element's `class` and `id` values say together: the verdict of the union of their flags.
    static func verdict(class classValue: String?, id idValue: String?) -> Verdict {
        verdict((classValue.map(flags(ofValue:)) ?? []).union(idValue.map(flags(ofValue:)) ?? []))
    }

    /// What tokens say, as flags: the verdict of several `class` and `id` values is that of the union of their
    /// flags, so that each distinct value is read once per page and the values of an element combined.
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        /// A strong token, or a token holding a negative stem: furniture whatever else is named.
        static let strong = Flags(rawValue: 1)
        static let weak = Flags(rawValue: 2)
        static let positive = Flags(rawValue: 4)
    }

    static func verdict(_ flags: Flags) -> Verdict {
        if flags.contains(.strong) { return .strongFurniture }
        if flags.contains(.positive) { return .content }
        return flags.contains(.weak) ? .weakFurniture : .neutral
    }
}
