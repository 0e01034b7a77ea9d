import NewsModel

/// Finds temporal expressions and resolves them against the article's date, TIMEX3-style.
///
/// This first version covers the forms news uses most: full dates ("September 12, 2022", "12 September
/// 2022", "Sept. 12"), ISO dates, month-and-year, bare months after a preposition ("in July"), years after a
/// preposition ("in 2021"), weekdays ("on Friday"), "yesterday"/"today"/"tomorrow", and "last/this/next
/// week/month/year/weekend", "over the weekend". Tense decides the direction of weekdays and bare months:
/// past by default, future when a future cue ("will", "next", "is due to") comes shortly before.
struct DateTagger: Sendable {
    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]
    static let weekdays: [String: Int] = [
        "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
    ]
    /// Words before a bare month or year that make it a date ("in July", "since 2019").
    static let datePrepositions: Set<String> = [
        "in", "since", "until", "till", "by", "during", "from", "of", "before", "after", "early", "late", "mid",
        "last", "this", "next", "through", "between", "and", "to",
    ]
    static let futureCues: Set<String> = [
        "will", "shall", "next", "upcoming", "coming", "due", "plans", "planned", "scheduled", "expected",
    ]

    func tag(_ text: TokenizedText, anchor: CalendarDay?) -> [TimeExpression] {
        let tokens = text.tokens
        var result: [TimeExpression] = []
        var index = 0
        while index < tokens.count {
            if let found = match(at: index, in: text, anchor: anchor) {
                result.append(found.expression)
                index = found.nextToken
            } else {
                index += 1
            }
        }
        return result
    }

    private struct Found {
        var expression: TimeExpression
        var nextToken: Int
    }

    private func make(
        _ text: TokenizedText, _ first: Int, _ last: Int, type: TimeExpression.Kind = .date, value: String,
        granularity: String?, anchor: CalendarDay?, rule: String
    ) -> Found {
        let start = text.tokens[first].start
        var end = text.tokens[last].end
        // Keep an abbreviation's period ("Sept.") only when the expression ends with the abbreviation.
        if end < text.scalars.count, text.scalars[end] == ".", text.tokens[last].key.count <= 4,
            Self.months[text.tokens[last].key] != nil, text.tokens[last].key != "may"
        {
            end += 1
        }
        return Found(
            expression: TimeExpression(
                text: text.text(from: start, to: end), start: start, end: end, type: type, value: value,
                granularity: granularity, anchor: anchor?.isoString, rule: rule),
            nextToken: last + 1)
    }

    private func match(at index: Int, in text: TokenizedText, anchor: CalendarDay?) -> Found? {
        let tokens = text.tokens
        let token = tokens[index]
        func key(_ offset: Int) -> String? {
            let position = index + offset
            return position >= 0 && position < tokens.count ? tokens[position].key : nil
        }
        func number(_ offset: Int) -> Int? { key(offset).flatMap { Int($0) } }

        // ISO date: 2022-09-12.
        if token.key.count == 4, let year = Int(token.key), let month = number(1), let day = number(2),
            key(1)?.count == 2, key(2)?.count == 2, separated(text, index, by: "-"),
            separated(text, index + 1, by: "-"),
            (1...12).contains(month), day >= 1, day <= CalendarDay.daysIn(month: month, year: year)
        {
            return make(
                text, index, index + 2, value: CalendarDay(year: year, month: month, day: day).isoString,
                granularity: "day", anchor: nil, rule: "iso-date")
        }

        // Month-first: "September 12, 2022", "Sept. 12", "September 2022", "in July".
        if let month = Self.months[token.key], token.isCapitalized {
            let isMay = token.key == "may" || token.key == "march"
            if let day = number(1), (1...31).contains(day), key(1)!.count <= 2 {
                if let year = number(2), key(2)!.count == 4, (1000...2999).contains(year),
                    day <= CalendarDay.daysIn(month: month, year: year)
                {
                    return make(
                        text, index, index + 2, value: CalendarDay(year: year, month: month, day: day).isoString,
                        granularity: "day", anchor: nil, rule: "month-day-year")
                }
                if let anchor {
                    let year = resolveYear(month: month, anchor: anchor, future: isFuture(text, before: index))
                    guard day <= CalendarDay.daysIn(month: month, year: year) else { return nil }
                    return make(
                        text, index, index + 1, value: CalendarDay(year: year, month: month, day: day).isoString,
                        granularity: "day", anchor: anchor, rule: "month-day")
                }
                return nil
            }
            if let year = number(1), key(1)!.count == 4, (1000...2999).contains(year),
                !isMay || hasDatePreposition(index, tokens)
            {
                return make(
                    text, index, index + 1, value: "\(CalendarDay.pad(year, 4))-\(CalendarDay.pad(month, 2))",
                    granularity: "month", anchor: nil, rule: "month-year")
            }
            if hasDatePreposition(index, tokens), let anchor, token.key.count > 3 || token.key == "may" {
                let year = resolveYear(month: month, anchor: anchor, future: isFuture(text, before: index))
                return make(
                    text, index, index, value: "\(CalendarDay.pad(year, 4))-\(CalendarDay.pad(month, 2))",
                    granularity: "month", anchor: anchor, rule: "bare-month")
            }
            if index > 0, tokens[index - 1].key == "the", let anchor, token.key.count > 3, !isMay {
                // "the July attack"
                let year = resolveYear(month: month, anchor: anchor, future: false)
                return make(
                    text, index, index, value: "\(CalendarDay.pad(year, 4))-\(CalendarDay.pad(month, 2))",
                    granularity: "month", anchor: anchor, rule: "bare-month")
            }
        }

        // Day-first: "12 September 2022", "12 Sep".
        if let day = Int(token.key), token.key.count <= 2, (1...31).contains(day), let monthKey = key(1),
            let month = Self.months[monthKey], tokens[index + 1].isCapitalized
        {
            if let year = number(2), key(2)!.count == 4, (1000...2999).contains(year),
                day <= CalendarDay.daysIn(month: month, year: year)
            {
                return make(
                    text, index, index + 2, value: CalendarDay(year: year, month: month, day: day).isoString,
                    granularity: "day", anchor: nil, rule: "day-month-year")
            }
            if let anchor {
                let year = resolveYear(month: month, anchor: anchor, future: isFuture(text, before: index))
                guard day <= CalendarDay.daysIn(month: month, year: year) else { return nil }
                return make(
                    text, index, index + 1, value: CalendarDay(year: year, month: month, day: day).isoString,
                    granularity: "day", anchor: anchor, rule: "day-month")
            }
        }

        // A year after a preposition: "in 2021".
        if token.key.count == 4, let year = Int(token.key), (1900...2099).contains(year),
            hasDatePreposition(index, tokens),
            !(index + 1 < tokens.count && tokens[index + 1].start == token.end)
        {
            return make(text, index, index, value: String(year), granularity: "year", anchor: nil, rule: "year")
        }

        guard let anchor else { return nil }

        // Weekdays: "on Friday", "Friday".
        if let weekday = Self.weekdays[token.key], token.isCapitalized {
            let future = isFuture(text, before: index) || key(-1) == "next"
            var first = index
            if key(-1) == "on" || key(-1) == "last" || key(-1) == "next" || key(-1) == "this" { first = index - 1 }
            let delta: Int
            if future {
                delta = (weekday - anchor.weekday + 7) % 7 == 0 ? 7 : (weekday - anchor.weekday + 7) % 7
            } else {
                delta = -((anchor.weekday - weekday + 7) % 7)
            }
            let day = anchor.adding(days: delta)
            return make(
                text, first, index, value: day.isoString, granularity: "day", anchor: anchor,
                rule: future ? "weekday-future" : "weekday-past")
        }

        switch token.key {
        case "yesterday":
            return make(
                text, index, index, value: anchor.adding(days: -1).isoString, granularity: "day", anchor: anchor,
                rule: "yesterday")
        case "today":
            return make(text, index, index, value: anchor.isoString, granularity: "day", anchor: anchor, rule: "today")
        case "tomorrow":
            return make(
                text, index, index, value: anchor.adding(days: 1).isoString, granularity: "day", anchor: anchor,
                rule: "tomorrow")
        case "last", "this", "next", "past":
            guard let unit = key(1) else { return nil }
            let step = token.key == "last" || token.key == "past" ? -1 : token.key == "next" ? 1 : 0
            switch unit {
            case "week":
                return make(
                    text, index, index + 1, value: anchor.adding(days: 7 * step).weekString, granularity: "week",
                    anchor: anchor, rule: "relative-week")
            case "weekend":
                let saturday = weekendSaturday(anchor: anchor, step: step)
                return make(
                    text, index, index + 1, value: saturday.weekString + "-WE", granularity: "week", anchor: anchor,
                    rule: "relative-weekend")
            case "month":
                var month = anchor.month + step
                var year = anchor.year
                if month < 1 { month += 12; year -= 1 }
                if month > 12 { month -= 12; year += 1 }
                return make(
                    text, index, index + 1, value: "\(CalendarDay.pad(year, 4))-\(CalendarDay.pad(month, 2))",
                    granularity: "month", anchor: anchor, rule: "relative-month")
            case "year":
                return make(
                    text, index, index + 1, value: String(anchor.year + step), granularity: "year", anchor: anchor,
                    rule: "relative-year")
            default:
                return nil
            }
        case "weekend":
            // "over the weekend", "at the weekend": the most recent one in past context.
            guard key(-1) == "the", let preposition = key(-2),
                ["over", "at", "on", "during", "this"].contains(preposition)
            else { return nil }
            let future = isFuture(text, before: index)
            let saturday = weekendSaturday(anchor: anchor, step: future ? 1 : -1)
            return make(
                text, index - 2, index, value: saturday.weekString + "-WE", granularity: "week", anchor: anchor,
                rule: "the-weekend")
        default:
            return nil
        }
    }

    /// The Saturday of the weekend `step` weekends away (-1: the most recent one, ending on or before the
    /// anchor; 0: this week's; 1: the next one).
    private func weekendSaturday(anchor: CalendarDay, step: Int) -> CalendarDay {
        let thisSaturday = anchor.adding(days: 6 - anchor.weekday)
        switch step {
        case ..<0: return anchor.weekday >= 6 ? thisSaturday : thisSaturday.adding(days: -7)
        case 0: return thisSaturday
        default: return anchor.weekday >= 6 ? thisSaturday.adding(days: 7) : thisSaturday
        }
    }

    /// The year of a month named without one: the most recent such month in past context, the next one in
    /// future context, the anchor's own month either way.
    private func resolveYear(month: Int, anchor: CalendarDay, future: Bool) -> Int {
        if future { return month < anchor.month ? anchor.year + 1 : anchor.year }
        return month > anchor.month ? anchor.year - 1 : anchor.year
    }

    private func hasDatePreposition(_ index: Int, _ tokens: [Token]) -> Bool {
        index > 0 && Self.datePrepositions.contains(tokens[index - 1].key)
    }

    /// Whether a future cue appears among the five tokens before `index`, in the same clause.
    private func isFuture(_ text: TokenizedText, before index: Int) -> Bool {
        var position = index - 1
        while position >= 0, position >= index - 5 {
            if Self.futureCues.contains(text.tokens[position].key) { return true }
            let gap = text.scalars[text.tokens[position].end..<text.tokens[position + 1].start]
            if gap.contains(where: { $0 == "." || $0 == ";" || $0 == "," }) { break }
            position -= 1
        }
        return false
    }

    private func separated(_ text: TokenizedText, _ index: Int, by separator: Unicode.Scalar) -> Bool {
        guard index + 1 < text.tokens.count else { return false }
        let gap = text.scalars[text.tokens[index].end..<text.tokens[index + 1].start]
        return gap.count == 1 && gap.first == separator
    }
}
