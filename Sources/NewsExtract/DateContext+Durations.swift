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
        } else if word.utf8.count == 2 {
            // "no more than", "up to", "at least", "at most".
            if word == "no", ["more", "less", "fewer"].contains(key(index + 1) ?? ""), key(index + 2) == "than" {
                position = index + 3
                requireArticleContext = false
            } else if word == "up" && key(index + 1) == "to"
                || word == "at" && ["least", "most"].contains(key(index + 1) ?? "")
            {
                position = index + 2
                requireArticleContext = false
            }
        }
        guard let amount = quantity(at: position) else { return nil }
        var unitIndex = amount.next
        if ["consecutive", "straight", "successive", "full", "long", "more", "additional", "whole", "entire"].contains(
            key(unitIndex) ?? "")
        {
            unitIndex += 1
        }
        // "the past three summers": seasons counted.
        if let season = DateLexicon.seasonPlurals[key(unitIndex) ?? ""], let count = amount.value, count > 1 {
            return DateMatch(
                first: index, last: unitIndex, type: .duration, value: "P\(count)\(season)", granularity: nil,
                rule: "duration-seasons", relative: false)
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

    /// "every Monday", "every day", "each year", "each July", "every spring", "every three months", "every
    /// other day", "twice a year", "daily", "hourly", "annually".
    func set(_ index: Int) -> DateMatch? {
        guard let word = key(index) else { return nil }
        switch word {
        case "daily", "weekly", "monthly", "annually", "yearly", "nightly", "hourly", "quarterly":
            // Only as adverbs ("published weekly"), not adjectives before a noun ("the daily briefing").
            if index + 1 < tokens.count, !gap(after: index).contains(where: { ",.;".contains($0) }),
                !isCapitalized(index + 1),
                !["and", "or", "basis", "since", "until", "for", "in", "at", "on", "by", "from", "through", "to"]
                    .contains(key(index + 1) ?? "")
            {
                return nil
            }
            let value = [
                "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
                "hourly": "PT1H", "quarterly": "P3M",
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
            // "each July", "every December".
            if let month = monthAt(index + 1), !DateLexicon.ambiguousMonths.contains(next) || next == "may" {
                return DateMatch(
                    first: index, last: index + 1, type: .set, value: "XXXX-" + CalendarDay.pad(month, 2),
                    granularity: nil, rule: "set-month", relative: false)
            }
            if let season = DateLexicon.seasons[next] {
                return DateMatch(
                    first: index, last: index + 1, type: .set, value: "XXXX-" + season, granularity: nil,
                    rule: "set-season", relative: false)
            }
            // "every other day", "every three months".
            if next == "other", let unit = DateLexicon.units[key(index + 2) ?? ""], !key(index + 2)!.hasSuffix("s") {
                return DateMatch(
                    first: index, last: index + 2, type: .set, value: Self.durationValue(2, unit), granularity: nil,
                    rule: "set-other", relative: false)
            }
            if word == "every", let amount = quantity(at: index + 1), let count = amount.value, count > 1,
                let unit = DateLexicon.units[key(amount.next) ?? ""]
            {
                return DateMatch(
                    first: index, last: amount.next, type: .set, value: Self.durationValue(count, unit),
                    granularity: nil, rule: "set-every-n", relative: false)
            }
            return nil
        case "once", "twice":
            // "twice a year", "once a month", "once per week".
            guard ["a", "per", "every", "each"].contains(key(index + 1) ?? ""), let unitWord = key(index + 2),
                let unit = DateLexicon.units[unitWord], !unitWord.hasSuffix("s")
            else { return nil }
            return DateMatch(
                first: index, last: index + 2, type: .set, value: Self.durationValue(1, unit), granularity: nil,
                rule: "set-frequency", relative: false)
        default:
            // "three times a year", "10 times per day".
            guard key(index + 1) == "times" || key(index + 2) == "times", let amount = quantity(at: index),
                amount.value != nil, key(amount.next) == "times",
                ["a", "per", "every", "each"].contains(key(amount.next + 1) ?? ""), let unitWord = key(amount.next + 2),
                let unit = DateLexicon.units[unitWord], !unitWord.hasSuffix("s")
            else { return nil }
            return DateMatch(
                first: index, last: amount.next + 2, type: .set, value: Self.durationValue(1, unit), granularity: nil,
                rule: "set-frequency", relative: false)
        }
    }

    /// now, currently, recently, the past, the future, in recent years, in the coming weeks.
    func vagueReference(_ index: Int) -> DateMatch? {
        guard let word = key(index) else { return nil }
        switch word {
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
            // "the near future", "the foreseeable future", "the distant past", "the recent past".
            if let noun = key(index + 2), noun == "future" || noun == "past", let adjective = key(index + 1),
                ["near", "foreseeable", "distant", "immediate", "recent"].contains(adjective),
                noun == "future" || adjective != "foreseeable"
            {
                return DateMatch(
                    first: index, last: index + 2, type: .date, value: noun == "future" ? "FUTURE_REF" : "PAST_REF",
                    granularity: nil, rule: "the-adjective-\(noun)", relative: false)
            }
            if key(index + 1) == "coming", ["days", "weeks", "months", "years"].contains(key(index + 2) ?? "") {
                return DateMatch(
                    first: index, last: index + 2, type: .date, value: "FUTURE_REF", granularity: nil,
                    rule: "the-coming-units", relative: false)
            }
            return nil
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
            // A stretch of time up to now: TimeML's duration with an unknown count ("in recent months" is PXM).
            return DateMatch(
                first: index, last: index + 1, type: .duration,
                value: Self.vagueDurationValue(DateLexicon.units[key(index + 1)!]!), granularity: nil,
                rule: "recent-units", relative: false)
        case "years", "months", "weeks", "decades":
            guard ["for", "in", "over", "within"].contains(key(index - 1) ?? ""), gap(after: index) != "-" else {
                return nil
            }
            // "for years", "the worst in decades": an unknown number of them.
            return DateMatch(
                first: index, last: index, type: .duration,
                value: Self.vagueDurationValue(DateLexicon.units[word]!), granularity: nil, rule: "bare-units",
                relative: false)
        case "coming"
        where ["in", "over", "during"].contains(key(index - 1) ?? "")
            && ["days", "weeks", "months", "years"].contains(key(index + 1) ?? ""):
            return DateMatch(
                first: index, last: index + 1, type: .date, value: "FUTURE_REF", granularity: nil, rule: "coming-units",
                relative: false)
        case "current":
            // "the current slump", "at current prices": the present, where a noun follows. Not "the current
            // account" (a balance), nor the noun ("a strong current swept ...").
            guard let next = key(index + 1), !isCapitalized(index + 1), gap(after: index) == " ",
                next.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }), !DateLexicon.notAfterCurrent.contains(next),
                !next.hasSuffix("ed"),
                index == 0 || DateLexicon.beforeCurrent.contains(key(index - 1)!)
            else { return nil }
            return DateMatch(
                first: index, last: index, type: .date, value: "PRESENT_REF", granularity: nil, rule: "current",
                relative: false)
        default:
            return nil
        }
    }
}
