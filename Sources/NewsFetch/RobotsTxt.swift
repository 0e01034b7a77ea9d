/// A parsed robots.txt (RFC 9309): the rules of the group that matches our user agent (else the `*` group),
/// longest match wins, `Allow` over `Disallow` on a tie, `*` and `$` wildcards; and `Crawl-delay`.
public struct RobotsTxt: Sendable, Equatable {
    struct Rule: Sendable, Equatable {
        var allow: Bool
        var pattern: String
    }

    var rules: [Rule]
    /// Seconds between requests the site asks for, if it says.
    public var crawlDelay: Double?

    /// Everything allowed (no robots.txt, or a 4xx for it).
    public static let allowAll = RobotsTxt(rules: [], crawlDelay: nil)
    /// Nothing allowed (a 5xx or an unreachable robots.txt: RFC 9309 says assume complete disallow).
    public static let disallowAll = RobotsTxt(rules: [Rule(allow: false, pattern: "/")], crawlDelay: nil)

    init(rules: [Rule], crawlDelay: Double?) {
        self.rules = rules
        self.crawlDelay = crawlDelay
    }

    /// Parses `text` for `userAgent` (its product token, e.g. "newsevents", matched case-insensitively).
    public init(_ text: String, userAgent: String) {
        let agent = userAgent.lowercased().split(separator: "/").first.map(String.init) ?? userAgent.lowercased()
        var groups: [(agents: [String], rules: [Rule], delay: Double?)] = []
        var lastWasAgent = false
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "user-agent":
                if !lastWasAgent || groups.isEmpty { groups.append(([], [], nil)) }
                groups[groups.count - 1].agents.append(value.lowercased())
                lastWasAgent = true
            case "allow", "disallow":
                lastWasAgent = false
                guard !groups.isEmpty else { continue }
                // An empty Disallow allows everything: no rule.
                if value.isEmpty { continue }
                groups[groups.count - 1].rules.append(Rule(allow: key == "allow", pattern: value))
            case "crawl-delay":
                lastWasAgent = false
                guard !groups.isEmpty, let seconds = Double(value), seconds >= 0 else { continue }
                groups[groups.count - 1].delay = seconds
            default:
                lastWasAgent = false
            }
        }
        let specific = groups.filter { $0.agents.contains { !$0.isEmpty && $0 != "*" && agent.hasPrefix($0) } }
        let chosen = specific.isEmpty ? groups.filter { $0.agents.contains("*") } : specific
        rules = chosen.flatMap(\.rules)
        crawlDelay = chosen.compactMap(\.delay).max()
    }

    /// Whether `path` (path and query of the URL) may be fetched.
    public func allows(_ path: String) -> Bool {
        var best: Rule?
        for rule in rules where Self.matches(rule.pattern, path) {
            guard let current = best else {
                best = rule
                continue
            }
            if rule.pattern.count > current.pattern.count || (rule.pattern.count == current.pattern.count && rule.allow)
            {
                best = rule
            }
        }
        return best?.allow ?? true
    }

    /// Robots pattern matching: `*` any run of characters, `$` the end of the path, else a prefix.
    static func matches(_ pattern: String, _ path: String) -> Bool {
        let anchored = pattern.hasSuffix("$")
        let body = Array(anchored ? pattern.dropLast() : Substring(pattern))
        let target = Array(path)
        // Iterative glob match with backtracking on the last star.
        var p = 0
        var t = 0
        var star = -1
        var mark = 0
        while t < target.count {
            if p < body.count, body[p] == "*" {
                star = p
                mark = t
                p += 1
            } else if p < body.count, body[p] == target[t] {
                p += 1
                t += 1
            } else if p == body.count, !anchored {
                return true
            } else if star >= 0 {
                p = star + 1
                mark += 1
                t = mark
            } else {
                return false
            }
        }
        while p < body.count, body[p] == "*" { p += 1 }
        return p == body.count
    }
}
