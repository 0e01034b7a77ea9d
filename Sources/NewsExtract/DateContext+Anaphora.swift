import NewsLanguage
import NewsModel

/// A point in time the text established, which anaphoric expressions resolve against: the first day of the
/// period and how long the period is.
struct ReferencePoint {
    enum Grain {
        case day, week, month, quarter, half, season, year
    }

    var day: CalendarDay
    var grain: Grain
    /// The season's TIMEX3 code ("SU") for a season.
    var season: String?

    /// The point a match established, or nil when it established none (durations, sets, vague references,
    /// decades, fiscal years).
    init?(_ match: DateMatch) {
        let value = match.value
        if match.type == .time {
            guard let day = CalendarDay(iso: value) else { return nil }
            (self.day, grain) = (day, .day)
            return
        }
        guard match.type == .date, let granularity = match.granularity else { return nil }
        let parts = value.split(separator: "-")
        guard let first = parts.first, first.utf8.count == 4, let year = Int(first) else { return nil }
        switch granularity {
        case "day":
            guard let day = CalendarDay(iso: value) else { return nil }
            (self.day, grain) = (day, .day)
        case "week":
            guard parts.count >= 2, parts[1].hasPrefix("W"), let week = Int(parts[1].dropFirst()) else { return nil }
            // ISO week 1 holds January 4.
            let fourth = CalendarDay(year: year, month: 1, day: 4)
            (day, grain) = (fourth.adding(days: 1 - fourth.weekday + 7 * (week - 1)), .week)
        case "month":
            guard parts.count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return nil }
            (day, grain) = (CalendarDay(year: year, month: month, day: 1), .month)
        case "quarter", "half":
            guard parts.count == 2, let number = Int(parts[1].dropFirst()) else { return nil }
            let quarter = granularity == "quarter"
            guard (1...(quarter ? 4 : 2)).contains(number) else { return nil }
            let month = (number - 1) * (quarter ? 3 : 6) + 1
            (day, grain) = (CalendarDay(year: year, month: month, day: 1), quarter ? .quarter : .half)
        case "season":
            guard parts.count == 2 else { return nil }
            (day, grain, season) = (CalendarDay(year: year, month: 1, day: 1), .season, String(parts[1]))
        case "year":
            guard parts.count == 1 else { return nil }
            (day, grain) = (CalendarDay(year: year, month: 1, day: 1), .year)
        default:
            return nil
        }
    }

    init(day: CalendarDay) {
        (self.day, grain) = (day, .day)
    }

    var quarter: Int { (day.month - 1) / 3 + 1 }

    /// Whether the point is a reporting period (a quarter, half or month) that "the same period" and "the
    /// year-ago quarter" can name again in another year.
    var isPeriod: Bool { grain == .quarter || grain == .half || grain == .month }

    /// The point `count` units away. With `keepingPeriod`, a year's shift keeps a quarter, half, month or
    /// season ("a year earlier" after "the third quarter" is the third quarter of the year before);
    /// otherwise the value has the unit's granularity ("the following year" is a year). Nil when the point is
    /// coarser than the unit ("two days later" after "in March").
    func shifted(by count: Int, _ unit: DateLexicon.Unit, keepingPeriod: Bool) -> (value: String, granularity: String)?
    {
        switch unit {
        case .day:
            guard grain == .day else { return nil }
            return (day.adding(days: count).isoString, "day")
        case .week:
            guard grain == .day || grain == .week else { return nil }
            return (day.adding(days: 7 * count).weekString, "week")
        case .month:
            guard grain == .day || grain == .month else { return nil }
            let total = day.year * 12 + day.month - 1 + count
            return (DateContext.monthValue(total / 12, total % 12 + 1), "month")
        case .year, .decade, .century:
            let year = day.year + count * unit.multiplier
            guard keepingPeriod else { return (CalendarDay.pad(year, 4), "year") }
            switch grain {
            case .quarter: return ("\(CalendarDay.pad(year, 4))-Q\(quarter)", "quarter")
            case .half: return ("\(CalendarDay.pad(year, 4))-H\((day.month - 1) / 6 + 1)", "half")
            case .month: return (DateContext.monthValue(year, day.month), "month")
            case .season: return ("\(CalendarDay.pad(year, 4))-\(season ?? "")", "season")
            case .day, .week, .year: return (CalendarDay.pad(year, 4), "year")
            }
        case .hour, .minute, .second:
            return nil
        }
    }

    /// The quarter `count` quarters away from this point's quarter.
    func quarter(shiftedBy count: Int) -> String {
        let total = day.year * 4 + quarter - 1 + count
        return "\(CalendarDay.pad(total / 4, 4))-Q\(total % 4 + 1)"
    }
}

/// Rule families for expressions resolved against the text's last point in time rather than the article's
/// date ("the following day", "a year earlier", "the previous quarter"), and for the reporting periods of
/// financial news ("the latest quarter", "the year-ago quarter", "the 1988 period").
extension DateContext {
    /// The point anaphoric expressions resolve against: the text's last, else the anchor.
    private var point: ReferencePoint? {
        reference.flatMap(ReferencePoint.init) ?? anchor.map { ReferencePoint(day: $0) }
    }

    private func match(
        _ first: Int, _ last: Int, _ result: (value: String, granularity: String)?, _ rule: String
    )
        -> DateMatch?
    {
        guard let result else { return nil }
        return DateMatch(
            first: first, last: last, type: .date, value: result.value, granularity: result.granularity, rule: rule,
            relative: true)
    }

    /// Whether the expression ending at token `last` ends there: the text ends or punctuation follows.
    private func standsAlone(_ last: Int) -> Bool {
        last + 1 >= tokens.count || gap(after: last).contains(where: { ",.;:!?)".contains($0) })
    }

    /// The point `count` units of the word at `unitIndex` away: "day", "week", "month", "year", "quarter";
    /// "period" is the point itself.
    private func shifted(_ unitIndex: Int, by count: Int, keepingPeriod: Bool) -> (value: String, granularity: String)?
    {
        guard let point, let word = key(unitIndex) else { return nil }
        switch word {
        case "quarter":
            if point.grain == .quarter { return (point.quarter(shiftedBy: count), "quarter") }
            // Without a quarter in the text, the quarter of the anchor.
            guard let anchor else { return nil }
            return (ReferencePoint(day: anchor).quarter(shiftedBy: count), "quarter")
        case "period":
            guard count == 0, point.isPeriod else { return nil }
            return point.shifted(by: 0, .year, keepingPeriod: true)
        default:
            guard let unit = DateLexicon.units[word], !word.hasSuffix("s"), !unit.isTime else { return nil }
            return point.shifted(by: count, unit, keepingPeriod: keepingPeriod)
        }
    }

    /// The words after "the" that can start an anaphoric expression; any other is passed over at once.
    private static let afterThe: WordSet = [
        "following", "next", "previous", "prior", "preceding", "same", "day", "week", "month", "year",
    ]

    /// "the following ...", "the previous ...": the direction of each.
    private static let steps: [String: Int] = ["following": 1, "next": 1, "previous": -1, "prior": -1, "preceding": -1]

    /// "the following day", "the previous week", "the next year", "the same day", "the same period last
    /// year", "the year before", "that day", "for the day", "two months later", "a year earlier".
    func anaphoric(_ index: Int) -> DateMatch? {
        guard let word = key(index) else { return nil }
        switch word {
        case "the":
            guard let next = key(index + 1), Self.afterThe.contains(next) else { return nil }
            if let step = Self.steps[next] {
                // "over the next year", "for the previous two weeks" are durations.
                let before = key(index - 1) ?? ""
                if ["over", "for", "during", "within", "throughout"].contains(before)
                    || before == "in" && next == "next"
                {
                    return nil
                }
                return match(index, index + 2, shifted(index + 2, by: step, keepingPeriod: false), "anaphoric-\(next)")
            }
            if next == "same" {
                // "the same period last year", "the same quarter a year earlier".
                if key(index + 3) == "last", key(index + 4) == "year" {
                    return match(index, index + 4, periodOfYear(before: index + 2), "anaphoric-same-last-year")
                }
                if key(index + 3) == "a", key(index + 4) == "year",
                    ["earlier", "ago", "before"].contains(key(index + 5) ?? "")
                {
                    return match(
                        index, index + 5, periodOfYear(before: index + 2), "anaphoric-same-year-earlier")
                }
                return match(index, index + 2, shifted(index + 2, by: 0, keepingPeriod: false), "anaphoric-same")
            }
            // "the year before", "the day after", when nothing follows that they would be relative to.
            let after = key(index + 2)
            if after == "before" || after == "after", standsAlone(index + 2) {
                let step = after == "before" ? -1 : 1
                return match(index, index + 2, shifted(index + 1, by: step, keepingPeriod: false), "anaphoric-before")
            }
            // Market reports: "fell 12 points for the day", "rose 50 cents on the day".
            if next == "day", ["for", "on"].contains(key(index - 1) ?? ""), standsAlone(index + 1) {
                return match(index, index + 1, shifted(index + 1, by: 0, keepingPeriod: false), "anaphoric-the-day")
            }
            return nil
        case "that":
            // "that night", "that morning": the part of the reference's day.
            if let part = dayPart(after: index), let point, point.grain == .day {
                return DateMatch(
                    first: index, last: index + 1, type: .time, value: point.day.isoString + "T" + part,
                    granularity: "time", rule: "anaphoric-that-part-of-day", relative: true)
            }
            guard ["day", "week", "month", "year"].contains(key(index + 1) ?? ""), standsAlone(index + 1) else {
                return nil
            }
            return match(index, index + 1, shifted(index + 1, by: 0, keepingPeriod: false), "anaphoric-that")
        default:
            // "two months later", "a year earlier": the count is one or two words.
            let second = key(index + 2)
            let third = key(index + 3)
            guard second == "earlier" || second == "later" || third == "earlier" || third == "later",
                let amount = quantity(at: index), let count = amount.value,
                let shift = key(amount.next + 1), shift == "earlier" || shift == "later",
                DateLexicon.units[key(amount.next) ?? ""] != nil
            else { return nil }
            let direction = shift == "earlier" ? -1 : 1
            let unitWord = key(amount.next)!
            let singular = unitWord.hasSuffix("s") ? String(unitWord.dropLast()) : unitWord
            guard let unit = DateLexicon.units[singular], let point else { return nil }
            return match(
                index, amount.next + 1, point.shifted(by: direction * count, unit, keepingPeriod: true),
                "anaphoric-shift")
        }
    }

    /// The reference's period a year before ("the same period last year"); "period" and "quarter" need a
    /// reference that is one.
    private func periodOfYear(before unitIndex: Int) -> (value: String, granularity: String)? {
        guard let point else { return nil }
        if key(unitIndex) == "period" || key(unitIndex) == "quarter" {
            guard point.isPeriod else { return nil }
        }
        return point.shifted(by: -1, .year, keepingPeriod: true)
    }

    private static let periods: WordSet = ["quarter", "period", "half", "month"]

    /// "the latest quarter", "the most recent quarter", "the current quarter", "the current fiscal year",
    /// "the year-ago quarter", "the year-earlier period", "the 1988 period".
    func financialPeriod(_ index: Int) -> DateMatch? {
        guard key(index) == "the", let anchor, let next = key(index + 1),
            next == "latest" || next == "most" || next == "current" || next == "year" || integer(index + 1) != nil
        else { return nil }
        let now = ReferencePoint(day: anchor)
        // The latest reported quarter is the one before the article's.
        if next == "latest", key(index + 2) == "quarter" {
            return match(index, index + 2, (now.quarter(shiftedBy: -1), "quarter"), "latest-quarter")
        }
        if next == "most", key(index + 2) == "recent", key(index + 3) == "quarter" {
            return match(index, index + 3, (now.quarter(shiftedBy: -1), "quarter"), "latest-quarter")
        }
        if next == "current" {
            switch key(index + 2) {
            case "quarter": return match(index, index + 2, (now.quarter(shiftedBy: 0), "quarter"), "current-quarter")
            case "year": return match(index, index + 2, (String(anchor.year), "year"), "current-year")
            case "month": return match(index, index + 2, (anchor.monthString, "month"), "current-month")
            case "week": return match(index, index + 2, (anchor.weekString, "week"), "current-week")
            case "fiscal" where key(index + 3) == "year":
                return match(index, index + 3, ("FY\(anchor.year)", "year"), "current-fiscal-year")
            default: return nil
            }
        }
        // "the year-ago quarter", "the year-earlier period": the reference's period a year before.
        if next == "year", ["ago", "earlier"].contains(key(index + 2) ?? ""), gap(after: index + 1) == "-",
            let period = key(index + 3), Self.periods.contains(period)
        {
            if let reference = reference.flatMap(ReferencePoint.init),
                reference.isPeriod
            {
                return match(index, index + 3, reference.shifted(by: -1, .year, keepingPeriod: true), "year-ago-period")
            }
            guard period == "quarter" else { return nil }
            return match(index, index + 3, (now.quarter(shiftedBy: -5), "quarter"), "year-ago-period")
        }
        // "the 1988 period": the reference's period in that year.
        if let year = integer(index + 1), key(index + 1)!.utf8.count == 4, Self.periods.contains(key(index + 2) ?? ""),
            let reference = reference.flatMap(ReferencePoint.init), reference.isPeriod
        {
            return match(
                index, index + 2, reference.shifted(by: year - reference.day.year, .year, keepingPeriod: true),
                "year-period")
        }
        return nil
    }
}
