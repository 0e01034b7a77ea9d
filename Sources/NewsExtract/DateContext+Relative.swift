import NewsModel

/// Rule families for expressions resolved against the anchor: relative days, weeks, months and years,
/// weekdays, clock times and parts of the day.
extension DateContext {
    /// today, yesterday, tomorrow, the day before yesterday; last/this/next/coming week, weekend, month,
    /// quarter, year; earlier/later this month; N units ago; the weekend; the end of the year.
    func relative(_ index: Int) -> DateMatch? {
        guard let anchor, let word = key(index) else { return nil }
        func day(_ offset: Int, _ last: Int, _ rule: String) -> DateMatch {
            DateMatch(
                first: index, last: last, type: .date, value: anchor.adding(days: offset).isoString, granularity: "day",
                rule: rule, relative: true)
        }
        switch word {
        case "today":
            if dayPart(after: index) != nil { return nil }
            return day(0, index, "today")
        case "yesterday":
            if dayPart(after: index) != nil { return nil }
            return day(-1, index, "yesterday")
        case "tomorrow":
            if dayPart(after: index) != nil { return nil }
            return day(1, index, "tomorrow")
        case "the":
            if key(index + 1) == "day", key(index + 3) == "yesterday" || key(index + 3) == "tomorrow" {
                if key(index + 2) == "before", key(index + 3) == "yesterday" {
                    return day(-2, index + 3, "day-before-yesterday")
                }
                if key(index + 2) == "after", key(index + 3) == "tomorrow" {
                    return day(2, index + 3, "day-after-tomorrow")
                }
            }
            if key(index + 1) == "weekend" {
                let future = direction(before: index) == .future
                return weekend(first: index, last: index + 1, step: future ? 1 : -1, rule: "the-weekend")
            }
            if ["end", "beginning", "start", "middle"].contains(key(index + 1) ?? ""), key(index + 2) == "of" {
                return periodEdge(index)
            }
            return nil
        case "last", "this", "next", "coming", "past":
            guard let unit = key(index + 1) else { return nil }
            // "the past week" is a duration; "last week" is a date.
            if word == "past" || (word == "last" && key(index - 1) == "the") { return nil }
            if word == "this", unit == "past" { return nil }
            let step = word == "last" ? -1 : word == "this" ? 0 : 1
            return calendarUnit(first: index, unitIndex: index + 1, step: step, rule: "\(word)-\(unit)")
        case "earlier", "later":
            // "later today", "earlier this afternoon".
            if key(index + 1) == "today", dayPart(after: index + 1) == nil { return day(0, index + 1, "\(word)-today") }
            if key(index + 1) == "this", let part = dayPart(after: index + 1), part != "NI" {
                return DateMatch(
                    first: index, last: index + 2, type: .time, value: anchor.isoString + "T" + part,
                    granularity: "time", rule: "\(word)-this-part-of-day", relative: true)
            }
            guard key(index + 1) == "this" || key(index + 1) == "last" || key(index + 1) == "next" else { return nil }
            let step = key(index + 1) == "last" ? -1 : key(index + 1) == "next" ? 1 : 0
            return calendarUnit(first: index, unitIndex: index + 2, step: step, rule: "\(word)-\(key(index + 1)!)")
        default:
            return ago(index)
        }
    }

    /// The calendar unit at `unitIndex` moved `step` units from the anchor's.
    private func calendarUnit(first: Int, unitIndex: Int, step: Int, rule: String) -> DateMatch? {
        guard let anchor, let unit = key(unitIndex) else { return nil }
        switch unit {
        case "week":
            return DateMatch(
                first: first, last: unitIndex, type: .date, value: anchor.adding(days: 7 * step).weekString,
                granularity: "week", rule: rule, relative: true)
        case "weekend":
            // "this weekend" without a future cue is the weekend just past on Monday to Friday.
            var resolved = step
            if step == 0, direction(before: first) != .future, anchor.weekday < 6 { resolved = -1 }
            return weekend(first: first, last: unitIndex, step: resolved, rule: rule)
        case "month":
            guard let value = month(offset: step) else { return nil }
            return DateMatch(
                first: first, last: unitIndex, type: .date, value: value, granularity: "month", rule: rule,
                relative: true)
        case "year":
            return DateMatch(
                first: first, last: unitIndex, type: .date, value: String(anchor.year + step), granularity: "year",
                rule: rule, relative: true)
        case "quarter":
            let total = anchor.year * 4 + (anchor.month - 1) / 3 + step
            return DateMatch(
                first: first, last: unitIndex, type: .date, value: "\(total / 4)-Q\(total % 4 + 1)",
                granularity: "quarter", rule: rule, relative: true)
        case "decade":
            return DateMatch(
                first: first, last: unitIndex, type: .date, value: String(anchor.year / 10 + step),
                granularity: "decade", rule: rule, relative: true)
        default:
            return nil
        }
    }

    /// The weekend `step` weekends away: -1 the most recent (the current one on a Saturday or Sunday), 0 this
    /// week's, 1 the next.
    private func weekend(first: Int, last: Int, step: Int, rule: String) -> DateMatch? {
        guard let anchor else { return nil }
        let saturday = anchor.adding(days: 6 - anchor.weekday)
        let chosen: CalendarDay
        switch step {
        case ..<0: chosen = anchor.weekday >= 6 ? saturday : saturday.adding(days: -7)
        case 0: chosen = saturday
        default: chosen = anchor.weekday >= 6 ? saturday.adding(days: 7) : saturday
        }
        return DateMatch(
            first: first, last: last, type: .date, value: chosen.weekString + "-WE", granularity: "week", rule: rule,
            relative: true)
    }

    /// "the end of the year", "the beginning of next month", "the end of September", "the middle of October
    /// 2019", "the end of 2022".
    private func periodEdge(_ index: Int) -> DateMatch? {
        let target = index + 3
        if let month = monthAt(target) {
            if let year = integer(target + 1), key(target + 1)!.count == 4 {
                return DateMatch(
                    first: index, last: target + 1, type: .date, value: Self.monthValue(year, month),
                    granularity: "month", rule: "period-edge-month-year", relative: false)
            }
            guard let year = year(month: month, direction: direction(before: index)) else { return nil }
            return DateMatch(
                first: index, last: target, type: .date, value: Self.monthValue(year, month), granularity: "month",
                rule: "period-edge-month", relative: true, trailing: abbreviationPeriod(target))
        }
        if let inner = calendarUnit(
            first: index, unitIndex: target + 1, step: stepWord(target) ?? 99, rule: "period-edge"),
            stepWord(target) != nil
        {
            return DateMatch(
                first: index, last: inner.last, type: .date, value: inner.value, granularity: inner.granularity,
                rule: "period-edge", relative: true)
        }
        if let year = integer(target), key(target)!.count == 4 {
            return DateMatch(
                first: index, last: target, type: .date, value: String(year), granularity: "year",
                rule: "period-edge-year", relative: false)
        }
        return nil
    }

    /// -1 for "last"/"the" (past), 0 for "this"/"the", 1 for "next".
    private func stepWord(_ index: Int) -> Int? {
        switch key(index) {
        case "this", "the": return 0
        case "last", "previous": return -1
        case "next", "coming": return 1
        default: return nil
        }
    }

    /// "two months ago", "a year ago", "nearly a year ago", "three weeks ago", "a week or so ago".
    private func ago(_ index: Int) -> DateMatch? {
        guard let anchor else { return nil }
        var position = index
        if ["nearly", "almost", "about", "roughly", "some", "around", "over", "just"].contains(key(index) ?? "") {
            position += 1
            if key(position) == "over" || key(position) == "under" { position += 1 }
        }
        guard let amount = quantity(at: position), let unit = DateLexicon.units[key(amount.next) ?? ""],
            let count = amount.value
        else { return nil }
        var last = amount.next + 1
        if key(last) == "or", key(last + 1) == "so" { last += 2 }
        guard key(last) == "ago" else { return nil }
        let value: String
        let granularity: String
        switch unit {
        case .day:
            (value, granularity) = (anchor.adding(days: -count).isoString, "day")
        case .week:
            (value, granularity) = (anchor.adding(days: -7 * count).weekString, "week")
        case .month:
            guard let month = month(offset: -count) else { return nil }
            (value, granularity) = (month, "month")
        case .year, .decade, .century:
            (value, granularity) = (String(anchor.year - count * unit.multiplier), "year")
        case .hour, .minute, .second:
            return nil
        }
        return DateMatch(
            first: index, last: last, type: .date, value: value, granularity: granularity, rule: "ago", relative: true)
    }

    /// A count: digits, a number word ("three", "twenty-four"), "a"/"an", "a couple of"; vague quantities
    /// ("several", "a few") give a nil value. `next` is the token after the count.
    func quantity(at index: Int) -> (value: Int?, next: Int)? {
        guard let word = key(index) else { return nil }
        if word == "a" || word == "an" {
            if key(index + 1) == "few" { return (nil, index + 2) }
            if key(index + 1) == "dozen" { return (12, index + 2) }
            if key(index + 1) == "couple", key(index + 2) == "of" { return (2, index + 3) }
            return (1, index + 1)
        }
        if DateLexicon.vagueQuantities.contains(word) { return (nil, index + 1) }
        if let number = integer(index),
            !gap(after: index).contains(where: { ".,:/".contains($0) }) || gap(after: index) == ", "
        {
            return (number, index + 1)
        }
        if var number = DateLexicon.numberWords[word], word != "a", word != "an" {
            var next = index + 1
            // "twenty-four", "twenty four"
            if number >= 20, number < 100, let unit = DateLexicon.numberWords[key(next) ?? ""], unit < 10 {
                number += unit
                next += 1
            }
            return (number, next)
        }
        return nil
    }

    /// A weekday, with "last"/"this"/"next", "early"/"late" and a part of the day: "Friday", "last Tuesday",
    /// "this Friday", "Sunday evening", "early Tuesday", "late Monday night".
    func weekday(_ index: Int) -> DateMatch? {
        guard let anchor else { return nil }
        var position = index
        var modifier = key(index)
        if modifier == "early" || modifier == "late" {
            position += 1
            modifier = key(position)
        }
        if ["last", "this", "next", "past", "coming"].contains(modifier ?? "") { position += 1 }
        guard let name = key(position), DateLexicon.fullWeekdays.contains(name),
            let weekday = DateLexicon.weekdays[name], isCapitalized(position)
        else {
            return nil
        }
        let day: CalendarDay
        let rule: String
        switch position == index || DateLexicon.weekdays[modifier ?? ""] != nil ? nil : modifier {
        case "last", "past":
            let back = (anchor.weekday - weekday + 7) % 7
            day = anchor.adding(days: back == 0 ? -7 : -back)
            rule = "weekday-last"
        case "this":
            day = anchor.adding(days: weekday - anchor.weekday)
            rule = "weekday-this"
        case "next", "coming":
            let ahead = (weekday - anchor.weekday + 7) % 7
            day = anchor.adding(days: ahead == 0 ? 7 : ahead)
            rule = "weekday-next"
        default:
            let direction = self.direction(before: index)
            let forward = direction == .future || direction == .modal
            day = resolve(weekday: weekday, direction: forward ? .future : .past)!
            rule = forward ? "weekday-future" : "weekday-past"
        }
        if let part = dayPart(after: position) {
            return DateMatch(
                first: index, last: position + 1, type: .time, value: day.isoString + "T" + part, granularity: "time",
                rule: rule + "-part", relative: true)
        }
        return DateMatch(
            first: index, last: position, type: .date, value: day.isoString, granularity: "day", rule: rule,
            relative: true)
    }

    /// The TIMEX3 code of a part-of-day word right after `index` ("Friday night").
    func dayPart(after index: Int) -> String? {
        guard let word = key(index + 1), let code = DateLexicon.dayParts[word], gap(after: index) == " " else {
            return nil
        }
        return code
    }

    /// Clock times and parts of days: "8 pm", "2:50 a.m.", "around 7:15 p.m.", "noon", "this morning",
    /// "tonight", "last night", "yesterday morning".
    func clockTime(_ index: Int) -> DateMatch? {
        guard let anchor, let word = key(index) else { return nil }
        switch word {
        case "around", "about", "approximately", "roughly":
            // The approximation belongs to the time (TIMEX3 mod APPROX).
            guard var time = clockTime(index + 1), time.rule.hasPrefix("clock") else { return nil }
            time.first = index
            return time
        case "tonight":
            return DateMatch(
                first: index, last: index, type: .time, value: anchor.isoString + "TNI", granularity: "time",
                rule: "tonight", relative: true)
        case "this", "yesterday", "today", "tomorrow", "last":
            guard let part = dayPart(after: index) else { return nil }
            if word == "last", part != "NI" { return nil }
            if word == "this", part == "NI" { return nil }
            let offset = word == "yesterday" || word == "last" ? -1 : word == "tomorrow" ? 1 : 0
            return DateMatch(
                first: index, last: index + 1, type: .time, value: anchor.adding(days: offset).isoString + "T" + part,
                granularity: "time", rule: "\(word)-part-of-day", relative: true)
        case "noon", "midday", "midnight":
            guard ["at", "by", "until", "before", "after", "around", "from", "to"].contains(key(index - 1) ?? "") else {
                return nil
            }
            return DateMatch(
                first: index, last: index, type: .time,
                value: anchor.isoString + (word == "midnight" ? "T24:00" : "T12:00"), granularity: "time",
                rule: "clock-named", relative: true)
        default:
            break
        }
        // "8 pm", "8pm", "8 p.m.", "2:50 a.m.", "20:00 GMT".
        var hour: Int
        var minute = 0
        var position = index
        if word.hasSuffix("am") || word.hasSuffix("pm"), let digits = Int(word.dropLast(2)),
            word.dropLast(2).allSatisfy(\.isNumber)
        {
            hour = digits
            guard (1...12).contains(hour) else { return nil }
            hour = hour % 12 + (word.hasSuffix("pm") ? 12 : 0)
            return DateMatch(
                first: index, last: index, type: .time,
                value: anchor.isoString + "T" + CalendarDay.pad(hour, 2) + ":00", granularity: "time",
                rule: "clock-12h", relative: true)
        }
        guard let first = integer(index), key(index)!.count <= 2 else { return nil }
        hour = first
        if gap(after: index) == ":", let minutes = integer(index + 1), key(index + 1)!.count == 2, minutes < 60 {
            minute = minutes
            position = index + 1
        }
        let meridiem = key(position + 1)
        var last = position
        var trailing = 0
        var pm: Bool?
        if meridiem == "am" || meridiem == "pm" {
            pm = meridiem == "pm"
            last = position + 1
        } else if (meridiem == "a" || meridiem == "p"), key(position + 2) == "m", gap(after: position + 1) == "." {
            pm = meridiem == "p"
            last = position + 2
            if tokens[last].end < text.scalars.count, text.scalars[tokens[last].end] == "." { trailing = 1 }
        }
        if let pm {
            guard (1...12).contains(hour) else { return nil }
            hour = hour % 12 + (pm ? 12 : 0)
        } else {
            // A 24-hour time needs its colon and a zone or "at" ("at 20:00", "14:30 GMT").
            guard position == index + 1, hour < 24,
                ["gmt", "utc", "bst", "cet", "est", "edt", "pst", "pdt"].contains(key(position + 1) ?? "")
                    || key(index - 1) == "at"
            else {
                return nil
            }
            if ["gmt", "utc", "bst", "cet", "est", "edt", "pst", "pdt"].contains(key(position + 1) ?? "") {
                last = position + 1
            }
        }
        return DateMatch(
            first: index, last: last, type: .time,
            value: anchor.isoString + "T" + CalendarDay.pad(hour, 2) + ":" + CalendarDay.pad(minute, 2),
            granularity: "time", rule: "clock", relative: true, trailing: trailing)
    }
}
