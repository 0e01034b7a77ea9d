import NewsModel

/// One event of an article named more than once: the coder's key of sameness, and how a second mention is
/// counted. Shared by the coder's own collapsing of identical events and by the article-level rules (halves,
/// attribution, subsumed events) that can make two events one.
extension Event {
    /// Whether the two are one event for the article's count of mentions: type, mode, CAMEO code, actor,
    /// target and date.
    func isSameEvent(as other: Event) -> Bool {
        type == other.type && mode == other.mode && cameo == other.cameo && actor?.id == other.actor?.id
            && target?.id == other.target?.id && date?.value == other.date?.value
    }

    /// Counts `other`'s mentions as this event's, with the rules that made them.
    mutating func absorb(_ other: Event) {
        mentionCount += other.mentionCount
        rules = Array(Set(rules + other.rules)).sorted()
    }
}
