/// A temporal expression found in text, TIMEX3-style.
public struct TimeExpression: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case date = "DATE"
        case time = "TIME"
        case duration = "DURATION"
        case set = "SET"
    }

    public var text: String
    /// Offsets in Unicode scalars into the cleaned text, end exclusive.
    public var start: Int
    public var end: Int
    public var type: Kind
    /// The normalised TIMEX3 value: "2022-09-09", "2022-07", "2022-W36", "PXM", ...
    public var value: String
    /// "day", "month", "year", "week", ... for dates; nil otherwise.
    public var granularity: String?
    /// The anchor used to resolve a relative expression (an ISO date), or nil for absolute ones.
    public var anchor: String?
    /// The rule that fired.
    public var rule: String

    public init(
        text: String, start: Int, end: Int, type: Kind, value: String, granularity: String?, anchor: String?,
        rule: String
    ) {
        self.text = text
        self.start = start
        self.end = end
        self.type = type
        self.value = value
        self.granularity = granularity
        self.anchor = anchor
        self.rule = rule
    }
}
