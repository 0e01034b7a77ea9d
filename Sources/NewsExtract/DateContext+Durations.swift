import NewsModel

/// Rule families for durations, sets and vague references.
extension DateContext {
    /// "24 hours", "three consecutive months", "the past two weeks", "several months", "nearly six hours",
    /// "for a decade".
    func duration(_ index: Int) -> DateMatch? {
        guard let word = key(index) else { return nil }
        var position = index
        var requireArticleContext = true
        if word == "the", ["past", "last", "next", "coming", "previous", "first"].contains(key(index + 1) ?? "") {
            position = index + 2
            requireArticleContext = false
            // "the past week" (no number) is one unit.
            if let unit = DateLexicon.units[key(position) ?? ""], !key(position)!.hasSuffix("s") {
                return DateMatch(
                    first: index, last: position, type: .duration, value: Self.durationValue(1, unit), granularity: nil,
                    rule: "duration-the-past", relative: false)
            }
        } else if ["nearly", "almost", "about", "roughly", "around", "some", "over", "under", "just"].contains(word) {
            position = index + 1
            if ["over", "under"].contains(key(position) ?? "") { position += 1 }
            requireArticleContext = false
        } else if word == "more" || word == "less" || word == "fewer", key(index + 1) == "than" {
            position = index + 2
            requireArticleContext = false
        }
        guard let amount = quantity(at: position) else { return nil }
        var unitIndex = amount.next
        if ["consecutive", "straight", "successive", "full", "long", "more", "additional", "whole", "entire"].contains(
            key(unitIndex) ?? "")
        {
            unitIndex += 1
        }
        guard let unit = DateLexicon.units[key(unitIndex) ?? ""] else { return nil }
        // "a day" only counts after a word that makes it a length of time ("for a day", "within a week").
        if ["a", "an"].contains(key(position) ?? ""), requireArticleContext,
            !["for", "within", "over", "in", "than", "nearly", "almost", "about", "past", "last", "next"].contains(
                key(index - 1) ?? "")
        {
            return nil
        }
        // Ages ("five years old") and relative dates ("two days ago", "three years earlier") are not durations.
        if ["old", "ago", "earlier", "later", "younger", "older"].contains(key(unitIndex + 1) ?? "") { return nil }
        // "a second cyberattack": an ordinal-looking unit word followed by a noun is not a duration.
        if unit == .second, key(unitIndex) == "second", amount.value == 1, ["a", "an"].contains(key(position) ?? "") {
            return nil
        }
        let value = amount.value.map { Self.durationValue($0, unit) } ?? Self.vagueDurationValue(unit)
        return DateMatch(
            first: index, last: unitIndex, type: .duration, value: value, granularity: nil, rule: "duration",
            relative: false)
    }

    static func durationValue(_ count: Int, _ unit: DateLexicon.Unit) -> String {
        (unit.isTime ? "PT" : "P") + String(count * unit.multiplier) + unit.letter
    }

    static func vagueDurationValue(_ unit: DateLexicon.Unit) -> String {
        unit == .decade || unit == .century ? "PXY" : (unit.isTime ? "PTX" : "PX") + unit.letter
    }

    /// "every Monday", "every day", "each year", "daily", "weekly", "annually".
    func set(_ index: Int) -> DateMatch? {
        guard let word = key(index) else { return nil }
        switch word {
        case "daily", "weekly", "monthly", "annually", "yearly", "nightly":
            // Only as adverbs ("published weekly"), not adjectives before a noun ("the daily briefing").
            if index + 1 < tokens.count, !gap(after: index).contains(where: { ",.;".contains($0) }),
                !isCapitalized(index + 1),
                !["and", "or", "basis", "since", "until", "for", "in", "at", "on"].contains(key(index + 1) ?? "")
            {
                return nil
            }
            let value = [
                "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
            ][word]!
            return DateMatch(
                first: index, last: index, type: .set, value: value, granularity: nil, rule: "set-adverb",
                relative: false)
        case "every", "each":
            guard let next = key(index + 1) else { return nil }
            if let weekday = DateLexicon.weekdays[next], DateLexicon.fullWeekdays.contains(next) {
                return DateMatch(
                    first: index, last: index + 1, type: .set, value: "XXXX-WXX-\(weekday)", granularity: nil,
                    rule: "set-weekday", relative: false)
            }
            if let unit = DateLexicon.units[next], !next.hasSuffix("s") {
                return DateMatch(
                    first: index, last: index + 1, type: .set, value: Self.durationValue(1, unit), granularity: nil,
                    rule: "set-unit", relative: false)
            }
            return nil
        default:
            return nil
        }
    }

    /// now, currently, recently, the past, the future, in recent years, in the coming weeks.
    func vagueReference(_ index: Int) -> DateMatch? {
        guard let word = key(index) else { return nil }
        switch word {
        case "now":
            // "now-defunct" is an adjective.
            if gap(after: index) == "-" { return nil }
            return DateMatch(
                first: index, last: index, type: .date, value: "PRESENT_REF", granularity: nil, rule: "now",
                relative: false)
        case "currently", "nowadays":
            return DateMatch(
                first: index, last: index, type: .date, value: "PRESENT_REF", granularity: nil, rule: word,
                relative: false)
        case "recently":
            return DateMatch(
                first: index, last: index, type: .date, value: "PAST_REF", granularity: nil, rule: word, relative: false
            )
        case "these" where key(index + 1) == "days":
            return DateMatch(
                first: index, last: index + 1, type: .date, value: "PRESENT_REF", granularity: nil, rule: "these-days",
                relative: false)
        case "recent" where ["years", "months", "weeks", "days", "decades"].contains(key(index + 1) ?? ""):
            return DateMatch(
                first: index, last: index + 1, type: .date, value: "PAST_REF", granularity: nil, rule: "recent-units",
                relative: false)
        case "the":
            if key(index + 1) == "past", ["in", "than"].contains(key(index - 1) ?? ""),
                DateLexicon.units[key(index + 2) ?? ""] == nil,
                quantity(at: index + 2) == nil
            {
                return DateMatch(
                    first: index, last: index + 1, type: .date, value: "PAST_REF", granularity: nil, rule: "the-past",
                    relative: false)
            }
            if key(index + 1) == "future", ["in", "near", "foreseeable"].contains(key(index - 1) ?? "") {
                return DateMatch(
                    first: index, last: index + 1, type: .date, value: "FUTURE_REF", granularity: nil,
                    rule: "the-future", relative: false)
            }
            if key(index + 1) == "coming", ["days", "weeks", "months", "years"].contains(key(index + 2) ?? "") {
                return DateMatch(
                    first: index, last: index + 2, type: .date, value: "FUTURE_REF", granularity: nil,
                    rule: "the-coming-units", relative: false)
            }
            return nil
        default:
            return nil
        }
    }
}
