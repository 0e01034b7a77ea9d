import Foundation
import NewsModel

/// Ids that are the same for the same article and event on every run and every machine.
public enum StableID {
    /// Hex characters kept from the SHA-256 digest (80 bits: collisions stay negligible for billions of records).
    static let length = 20

    /// The article's id: from its canonical address when it has one (so re-fetches and copies agree), else
    /// from the address it was given, else from its cleaned text.
    public static func article(canonicalURL: String?, url: String?, text: String) -> String {
        let key: String
        if let canonical = canonicalURL.flatMap(absoluteHTTP) {
            key = "url:" + canonical
        } else if let url = url.flatMap(absoluteHTTP) {
            key = "url:" + url
        } else {
            key = "text:" + text
        }
        return "a" + ContentHash.sha256Hex(of: key).prefix(length)
    }

    /// The event's id: its article, type, code, participants and date. The sentence is not part of it, so
    /// the same event told twice in an article is one record.
    public static func event(articleID: String, event: Event) -> String {
        let parts = [
            articleID, event.type, event.mode ?? "", event.cameo, event.actor?.id ?? "", event.target?.id ?? "",
            event.date?.value ?? "",
        ]
        return "e" + ContentHash.sha256Hex(of: parts.joined(separator: "\u{1F}")).prefix(length)
    }

    /// `value` when it is an absolute http(s) URL, lower-casing the scheme and host; nil otherwise.
    static func absoluteHTTP(_ value: String) -> String? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard let schemeEnd = trimmed.range(of: "://") else { return nil }
        let scheme = trimmed[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let rest = trimmed[schemeEnd.upperBound...]
        let hostEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        let host = rest[..<hostEnd].lowercased()
        guard !host.isEmpty else { return nil }
        var path = String(rest[hostEnd...])
        if let fragment = path.firstIndex(of: "#") { path = String(path[..<fragment]) }
        return scheme + "://" + host + path
    }
}
