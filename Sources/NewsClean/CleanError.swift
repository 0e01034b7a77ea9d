import Foundation

/// Why the clean stage could not produce an article from an input.
public enum CleanError: Error, Equatable, CustomStringConvertible {
    /// The bytes are not text (e.g. an image, an archive, random bytes).
    case notText(detail: String)
    /// libxml2 could not parse the page, or the page is over a parse budget.
    case parse(detail: String)
    /// The page took longer than the per-article time budget.
    case timeBudget(seconds: Double, limit: Double)

    public var description: String {
        switch self {
        case .notText(let detail): return "input is not HTML text: \(detail)"
        case .parse(let detail): return "cannot parse HTML: \(detail)"
        case .timeBudget(let seconds, let limit):
            return
                "cleaning took \(String(format: "%.1f", seconds)) s, over the per-article budget of \(String(format: "%.1f", limit)) s"
        }
    }

    /// A short machine-readable reason, used for counters and error records.
    public var reason: String {
        switch self {
        case .notText: return "not-text"
        case .parse: return "parse"
        case .timeBudget: return "time-budget"
        }
    }
}
