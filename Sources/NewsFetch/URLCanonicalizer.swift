import Foundation

/// Canonical form of an article address, for de-duplication: scheme and host lower-cased, default ports,
/// fragments and tracking parameters (`utm_*`, `fbclid`, `gclid`, ...) dropped, an empty path written `/`.
/// Anything that is not an absolute http(s) URL gives nil.
public enum URLCanonicalizer {
    static let trackingParameters: Set<String> = [
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "mc_cid", "mc_eid", "igshid", "_ga",
        "_hsenc", "_hsmi", "mkt_tok", "ref_src", "cmpid", "ncid", "ocid", "spm", "sr_share",
    ]

    public static func canonical(_ text: String) -> String? {
        guard var parts = URLComponents(string: text.trimmingCharacters(in: .whitespacesAndNewlines)),
            let scheme = parts.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = parts.host, !host.isEmpty
        else { return nil }
        parts.scheme = scheme
        parts.host = host.lowercased()
        if (scheme == "http" && parts.port == 80) || (scheme == "https" && parts.port == 443) { parts.port = nil }
        parts.fragment = nil
        if parts.percentEncodedPath.isEmpty { parts.percentEncodedPath = "/" }
        if let items = parts.queryItems {
            let kept = items.filter { item in
                let name = item.name.lowercased()
                return !name.hasPrefix("utm_") && !trackingParameters.contains(name)
            }
            parts.queryItems = kept.isEmpty ? nil : kept
        }
        parts.user = nil
        parts.password = nil
        return parts.string
    }

    /// `link` resolved against `base` (a relative link in a feed or a redirect), canonical; nil when it is
    /// not http(s).
    public static func resolve(_ link: String, against base: String?) -> String? {
        let trimmed = link.trimmingCharacters(in: .whitespacesAndNewlines)
        if let base, let baseURL = URL(string: base), let resolved = URL(string: trimmed, relativeTo: baseURL) {
            return canonical(resolved.absoluteString)
        }
        return canonical(trimmed)
    }
}
