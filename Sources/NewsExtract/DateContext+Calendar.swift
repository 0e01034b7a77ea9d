import NewsModel

/// Rule families for calendar dates: numeric, with month names, holidays, years, decades, centuries,
/// quarters, halves and seasons.
extension DateContext {
    /// 2022-09-12 (with an optional THH:MM), 9/12/2022, 12.09.2022.
    func numericDate(_ index: Int) -> DateMatch? {
        guard let first = integer(index), index + 2 < tokens.count, let second = integer(index + 1),
            let third = integer(index + 2)
        else { return nil }
        let separator = gap(after: index)
        guard separator == gap(after: index + 1), ["-", "/", "."].contains(separator) else { return nil }
        var year: Int
        var month: Int
        var day: Int
        var rule: String
        if key(index)!.count == 4, separator == "-" {
            (year, month, day, rule) = (first, second, third, "iso-date")
        } else if key(index + 2)!.count == 4, key(index)!.count <= 2, key(index + 1)!.count <= 2 {
            year = third
            let dayFirst = separator == "." || order == .dayFirst
            if first > 12 {
                (day, month, rule) = (first, second, "numeric-dmy")
            } else if second > 12 {
                (month, day, rule) = (first, second, "numeric-mdy")
            } else if dayFirst {
                (day, month, rule) = (first, second, first == second ? "numeric-dmy" : "numeric-dmy-ambiguous")
            } else {
                (month, day, rule) = (first, second, first == second ? "numeric-mdy" : "numeric-mdy-ambiguous")
            }
        } else {
            return nil
        }
        guard (1...12).contains(month), day >= 1, day <= CalendarDay.daysIn(month: month, year: year),
            (1000...2999).contains(year)
        else { return nil }
        // A following token glued on with another separator is a longer number, not a date ("1.2.2020.5").
        if index + 3 < tokens.count, ["-", "/", "."].contains(gap(after: index + 2)), integer(index + 3) != nil {
            return nil
        }
        let value = CalendarDay(year: year, month: month, day: day).isoString
        // An ISO date-time: 2022-09-12T10:30 tokenizes as "12t10", so it is left to the date.
        return DateMatch(
            first: index, last: index + 2, type: .date, value: value, granularity: "day", rule: rule, relative: false)
    }

    /// Dates with month names: "September 12, 2022", "Sept. 12", "12 September 2022", "the 12th of
    /// September", "September 2022", "Monday, Sept. 12", and bare months in date context ("in July",
    /// "early January", "mid-September", "this past May", "the July attack").
    func namedDate(_ index: Int) -> DateMatch? {
        guard let word = key(index) else { return nil }
        // A weekday in front of a full date belongs to it.
        if DateLexicon.weekdays[word] != nil, isCapitalized(index),
            gap(after: index).contains(",") || gap(after: index) == " ",
            let date = monthFirst(index + 1) ?? dayFirst(index + 1), date.granularity == "day"
        {
            return DateMatch(
                first: index, last: date.last, type: .date, value: date.value, granularity: "day",
                rule: "weekday-" + date.rule, relative: date.relative, trailing: date.trailing)
        }
        if let match = monthFirst(index) ?? dayFirst(index) ?? ordinalOfMonth(index) { return match }
        return bareMonth(index)
    }

    /// Number of a day written as digits or an ordinal ("12", "12th").
    func dayNumber(_ index: Int) -> Int? {
        guard let word = key(index) else { return nil }
        var digits = word
        for suffix in ["st", "nd", "rd", "th"] where word.hasSuffix(suffix) {
            digits = String(word.dropLast(2))
        }
        guard digits.count <= 2, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let day = Int(digits),
            (1...31).contains(day)
        else {
            return nil
        }
        return day
    }

    func monthAt(_ index: Int) -> Int? {
        guard let word = key(index), let month = DateLexicon.months[word], isCapitalized(index) else { return nil }
        return month
    }

    /// "Sept." keeps its period when the expression ends on it.
    func abbreviationPeriod(_ index: Int) -> Int {
        guard let word = key(index), DateLexicon.months[word] != nil, word.count <= 4, word != "may", word != "june",
            word != "july"
        else { return 0 }
        return gap(after: index).hasPrefix(".")
            || (index == tokens.count - 1 && tokens[index].end < text.scalars.count
                && text.scalars[tokens[index].end] == ".")
            ? 1 : 0
    }

    /// "September 12, 2022", "Sept. 12", "September 12th", "September 2022", "September of 2022".
    private func monthFirst(_ index: Int) -> DateMatch? {
        guard let month = monthAt(index) else { return nil }
        if let day = dayNumber(index + 1), !gap(after: index).contains(",") {
            if let year = integer(index + 2), key(index + 2)!.count == 4, (1000...2999).contains(year),
                !gap(after: index + 1).contains("."), day <= CalendarDay.daysIn(month: month, year: year)
            {
                return DateMatch(
                    first: index, last: index + 2, type: .date,
                    value: CalendarDay(year: year, month: month, day: day).isoString,
                    granularity: "day", rule: "month-day-year", relative: false)
            }
            // A bare number after a month is a day only if it is not itself part of a longer number.
            if gap(after: index + 1).hasPrefix(",") == false, integer(index + 2) != nil,
                gap(after: index + 1).count == 1, gap(after: index + 1) != " "
            {
                return nil
            }
            return dayWithoutYear(first: index, last: index + 1, month: month, day: day, rule: "month-day")
        }
        var yearIndex = index + 1
        if key(yearIndex) == "of" { yearIndex += 1 }
        if let year = integer(yearIndex), key(yearIndex)!.count == 4, (1000...2999).contains(year),
            !DateLexicon.ambiguousMonths.contains(key(index)!) || yearIndex == index + 1
        {
            return DateMatch(
                first: index, last: yearIndex, type: .date, value: Self.monthValue(year, month), granularity: "month",
                rule: "month-year", relative: false)
        }
        return nil
    }

    /// "12 September 2022", "12 Sept", "12th September".
    private func dayFirst(_ index: Int) -> DateMatch? {
        guard let day = dayNumber(index), let month = monthAt(index + 1) else { return nil }
        if let year = integer(index + 2), key(index + 2)!.count == 4, (1000...2999).contains(year),
            day <= CalendarDay.daysIn(month: month, year: year)
        {
            return DateMatch(
                first: index, last: index + 2, type: .date,
                value: CalendarDay(year: year, month: month, day: day).isoString,
                granularity: "day", rule: "day-month-year", relative: false)
        }
        return dayWithoutYear(
            first: index, last: index + 1, month: month, day: day, rule: "day-month",
            trailing: abbreviationPeriod(index + 1))
    }

    /// A day and month whose year comes from the clause's tense and the anchor.
    private func dayWithoutYear(
        first: Int, last: Int, month: Int, day: Int, rule: String, trailing: Int = 0
    ) -> DateMatch? {
        guard let year = self.year(month: month, day: day, direction: direction(before: first)),
            day <= CalendarDay.daysIn(month: month, year: year)
        else { return nil }
        return DateMatch(
            first: first, last: last, type: .date, value: CalendarDay(year: year, month: month, day: day).isoString,
            granularity: "day", rule: rule, relative: true, trailing: trailing)
    }

    /// "the 12th of September [2022]".
    private func ordinalOfMonth(_ index: Int) -> DateMatch? {
        guard key(index) == "the", let day = dayNumber(index + 1), key(index + 2) == "of",
            let month = monthAt(index + 3)
        else {
            return nil
        }
        if let year = integer(index + 4), key(index + 4)!.count == 4 {
            return DateMatch(
                first: index, last: index + 4, type: .date,
                value: CalendarDay(year: year, month: month, day: day).isoString,
                granularity: "day", rule: "ordinal-of-month-year", relative: false)
        }
        guard let year = self.year(month: month, day: day, direction: direction(before: index)) else { return nil }
        return DateMatch(
            first: index, last: index + 3, type: .date,
            value: CalendarDay(year: year, month: month, day: day).isoString,
            granularity: "day", rule: "ordinal-of-month", relative: true)
    }

    /// Months without a day or year, only where the context makes them dates.
    private func bareMonth(_ index: Int) -> DateMatch? {
        var first = index
        var monthIndex = index
        var direction: Direction?
        var rule = "bare-month"
        switch key(index) {
        case "early", "late", "mid":
            monthIndex = index + 1
            rule = "modified-month"
        case "last", "next", "this":
            monthIndex = index + 1
            direction = key(index) == "next" ? .future : key(index) == "last" ? .past : nil
            rule = "relative-month-name"
        default:
            break
        }
        if key(index) == "this", key(index + 1) == "past" {
            monthIndex = index + 2
            direction = .past
        }
        guard let month = monthAt(monthIndex) else { return nil }
        let word = key(monthIndex)!
        if monthIndex == index {
            // A bare month name needs a date word before it, or "the" and a noun after it ("the July attack").
            let before = key(index - 1) ?? ""
            // "the July attack", "the July DDoS strike": a noun (or an acronym) follows.
            let theNoun =
                before == "the" && !DateLexicon.ambiguousMonths.contains(word) && index + 1 < tokens.count
                && (!isCapitalized(index + 1) || isAcronym(index + 1)) && gap(after: index) == " "
            // After "and", "or" and "to" a month needs a month on the other side ("between March and May").
            // "the year to April", "the three months to June": the UK's reporting idiom.
            let joinsMonths =
                ["and", "or", "to"].contains(before) && monthAt(index - 2) != nil
                || before == "to" && ["year", "months", "quarter", "weeks"].contains(key(index - 2) ?? "")
            let preposition =
                DateLexicon.datePrepositions.contains(before) && !["the", "and", "or", "to"].contains(before)
            guard preposition || joinsMonths || theNoun else { return nil }
            if DateLexicon.ambiguousMonths.contains(word), word.count <= 3, word != "may" { return nil }
            if before == "the" { rule = "attributive-month" }
        }
        first = index
        let resolved = direction ?? self.direction(before: first)
        var year: Int?
        // "between March and May next year": a year phrase shortly after fixes the year.
        for offset in 1...4 where monthIndex + offset + 1 < tokens.count {
            let word = key(monthIndex + offset)
            if key(monthIndex + offset + 1) == "year", let anchor, ["next", "last", "this"].contains(word) {
                year = anchor.year + (word == "next" ? 1 : word == "last" ? -1 : 0)
                break
            }
            if gap(after: monthIndex + offset - 1).contains(where: { ",.;".contains($0) }) { break }
        }
        guard let resolvedYear = year ?? self.year(month: month, direction: resolved) else { return nil }
        if direction == .past, let anchor, resolvedYear == anchor.year, month >= anchor.month, key(index) == "last" {
            year = anchor.year - 1
        }
        return DateMatch(
            first: first, last: monthIndex, type: .date, value: Self.monthValue(year ?? resolvedYear, month),
            granularity: "month",
            rule: rule, relative: true, trailing: abbreviationPeriod(monthIndex))
    }

    /// Whether the token has two or more capitals ("DDoS", "UN"), as acronyms do.
    func isAcronym(_ index: Int) -> Bool {
        text.scalars[tokens[index].start..<tokens[index].end].filter { $0.properties.isUppercase }.count >= 2
    }

    /// Fixed-date holidays: "New Year's Eve", "Christmas Day".
    func holiday(_ index: Int) -> DateMatch? {
        for holiday in DateLexicon.holidays where isCapitalized(index) {
            let end = index + holiday.words.count
            guard end <= tokens.count, (0..<holiday.words.count).allSatisfy({ key(index + $0) == holiday.words[$0] })
            else { continue }
            var last = end - 1
            if let year = integer(end), key(end)!.count == 4 {
                last = end
                return DateMatch(
                    first: index, last: last, type: .date,
                    value: CalendarDay(year: year, month: holiday.month, day: holiday.day).isoString,
                    granularity: "day", rule: "holiday-year", relative: false)
            }
            guard let year = self.year(month: holiday.month, day: holiday.day, direction: direction(before: index))
            else { return nil }
            return DateMatch(
                first: index, last: last, type: .date,
                value: CalendarDay(year: year, month: holiday.month, day: holiday.day).isoString,
                granularity: "day", rule: "holiday", relative: true)
        }
        return nil
    }

    /// Years in date context ("in 2019", "mid-2020", "the 2016 election", "in nineteen ninety-one"), fiscal
    /// years, decades ("the 1990s", "the late 1970s", "the sixties"), centuries ("the 19th century").
    func yearExpression(_ index: Int) -> DateMatch? {
        guard let word = key(index) else { return nil }
        // Decades: "1990s", "the 1990s", "the '90s", "the mid-1980s", "early 1970s", "the sixties".
        var decadeIndex = word == "the" ? index + 1 : index
        if isPeriodModifier(decadeIndex) { decadeIndex += 1 }
        if word == "the", let decadeWord = key(decadeIndex), decadeWord.utf8.count >= 7, decadeWord.utf8.last == 0x73,
            let decade = DateLexicon.decadeWords[decadeWord]
        {
            return DateMatch(
                first: index, last: decadeIndex, type: .date, value: String(decade), granularity: "decade",
                rule: "decade-words", relative: false)
        }
        if let decade = key(decadeIndex), decade.hasSuffix("s"), decade.count == 5 || decade.count == 3,
            let digits = Int(decade.dropLast()), decade.dropLast().allSatisfy(\.isNumber)
        {
            if decade.count == 5, digits % 10 == 0, (1000...2990).contains(digits) {
                return DateMatch(
                    first: index, last: decadeIndex, type: .date, value: String(digits / 10), granularity: "decade",
                    rule: "decade", relative: false)
            }
            if decade.count == 3, digits % 10 == 0, word == "the",
                gap(after: decadeIndex - 1).contains("'") || gap(after: decadeIndex - 1).contains("’")
            {
                return DateMatch(
                    first: index, last: decadeIndex, type: .date, value: String(190 + digits / 10),
                    granularity: "decade", rule: "decade-short", relative: false)
            }
        }
        // Centuries: "the 19th century", "the twentieth century", "the late 19th century".
        let ordinalIndex = isPeriodModifier(index + 1) ? index + 2 : index + 1
        if word == "the", key(ordinalIndex + 1) == "century" || key(ordinalIndex + 1) == "centuries",
            let ordinal = dayNumber(ordinalIndex) ?? DateLexicon.ordinals[key(ordinalIndex) ?? ""]
        {
            return DateMatch(
                first: index, last: ordinalIndex + 1, type: .date, value: CalendarDay.pad(ordinal - 1, 2),
                granularity: "century", rule: "century", relative: false)
        }
        if let spoken = spokenYear(index) { return spoken }
        // Fiscal years: "fiscal 2019", "fiscal year 2019", "FY2019".
        if word == "fiscal" {
            let yearIndex = key(index + 1) == "year" ? index + 2 : index + 1
            if let year = integer(yearIndex), key(yearIndex)!.count == 4 {
                return DateMatch(
                    first: index, last: yearIndex, type: .date, value: "FY\(year)", granularity: "year",
                    rule: "fiscal-year", relative: false)
            }
        }
        if word.hasPrefix("fy"), word.count == 6, let year = Int(word.dropFirst(2)) {
            return DateMatch(
                first: index, last: index, type: .date, value: "FY\(year)", granularity: "year", rule: "fiscal-year",
                relative: false)
        }
        // "mid-2020", "early 2020", "late 2019".
        if ["mid", "early", "late"].contains(word), let year = integer(index + 1), key(index + 1)!.count == 4,
            (1000...2999).contains(year)
        {
            return DateMatch(
                first: index, last: index + 1, type: .date, value: String(year), granularity: "year",
                rule: "modified-year", relative: false)
        }
        guard let year = integer(index), word.count == 4, (1000...2199).contains(year) else { return nil }
        // Not part of a longer number or code ("2019-20", "1,2019", "2019.5").
        if index + 1 < tokens.count, ["-", ".", ",", ":", "/"].contains(gap(after: index)), integer(index + 1) != nil {
            return nil
        }
        if index > 0, [",", ".", "$", "#", "-", "/", ":"].contains(where: { gap(after: index - 1).hasSuffix($0) }),
            integer(index - 1) != nil
        {
            return nil
        }
        let before = key(index - 1) ?? ""
        let after = key(index + 1) ?? ""
        if DateLexicon.datePrepositions.contains(before), before != "the" || DateLexicon.yearNouns.contains(after) {
            return DateMatch(
                first: index, last: index, type: .date, value: String(year), granularity: "year", rule: "year",
                relative: false)
        }
        if DateLexicon.yearNouns.contains(after)
            || (after == "s" && index + 1 < tokens.count
                && gap(after: index).contains(where: { $0 == "'" || $0 == "’" }))
        {
            return DateMatch(
                first: index, last: index, type: .date, value: String(year), granularity: "year",
                rule: "year-attributive", relative: false)
        }
        return nil
    }

    /// Whether token `index` is "early", "mid" or "late" (tested by the first byte before the word).
    private func isPeriodModifier(_ index: Int) -> Bool {
        guard let word = key(index), let first = word.utf8.first, first == 0x65 || first == 0x6D || first == 0x6C else {
            return false
        }
        return word == "early" || word == "mid" || word == "late"
    }

    /// A year said in words, after a preposition or "the year": "in nineteen ninety-one", "until two thousand
    /// and five", "in twenty twelve", "the year two thousand".
    private func spokenYear(_ index: Int) -> DateMatch? {
        guard let word = key(index), word.utf8.count >= 3, word.utf8.count <= 9,
            word == "the" ? key(index + 1) == "year" : DateLexicon.spokenYearStarts.contains(word)
        else { return nil }
        var position = index
        if key(index) == "the", key(index + 1) == "year" {
            position = index + 2
        } else if !DateLexicon.datePrepositions.contains(key(index - 1) ?? "") || key(index - 1) == "the" {
            return nil
        }
        guard let first = key(position), let leading = DateLexicon.numberWords[first] else { return nil }
        var year: Int
        var last: Int
        if first == "two", key(position + 1) == "thousand" {
            // "two thousand", "two thousand and five", "two thousand twelve".
            year = 2000
            last = position + 1
            let rest = key(position + 2) == "and" ? position + 3 : position + 2
            if let small = smallNumber(rest) {
                year += small.value
                last = small.last
            }
        } else {
            // "nineteen ninety-one", "eighteen eighty-nine", "twenty nineteen", "nineteen oh five".
            guard (10...20).contains(leading), leading != 10 else { return nil }
            if key(position + 1) == "hundred" {
                (year, last) = (leading * 100, position + 1)
            } else if key(position + 1) == "oh", let unit = smallNumber(position + 2), unit.value < 10 {
                (year, last) = (leading * 100 + unit.value, unit.last)
            } else if let rest = smallNumber(position + 1), rest.value >= 10 {
                (year, last) = (leading * 100 + rest.value, rest.last)
            } else {
                return nil
            }
        }
        // "in twenty fifteen-minute slots", "to two thousand families": a count of something. A year ends the
        // sentence or clause, or a function word or a name follows it.
        if last + 1 < tokens.count, !gap(after: last).contains(where: { ",.;:!?)".contains($0) }),
            !isCapitalized(last + 1), !DateLexicon.afterSpokenYear.contains(key(last + 1)!)
        {
            return nil
        }
        return DateMatch(
            first: index, last: last, type: .date, value: String(year), granularity: "year", rule: "spoken-year",
            relative: false)
    }

    /// A number from one to ninety-nine in words at `index` ("five", "twelve", "ninety-one").
    private func smallNumber(_ index: Int) -> (value: Int, last: Int)? {
        guard let word = key(index), let value = DateLexicon.numberWords[word], (1...90).contains(value),
            !["a", "an", "single", "couple", "dozen"].contains(word)
        else { return nil }
        if value >= 20, value % 10 == 0, let unit = DateLexicon.numberWords[key(index + 1) ?? ""],
            (1...9).contains(unit),
            key(index + 1) != "a", key(index + 1) != "an", ["-", " "].contains(gap(after: index))
        {
            return (value + unit, index + 1)
        }
        return (value, index)
    }

    /// The year of a quarter or half named without one: the next occurrence (or the current one) in future
    /// context, else the most recent one that has begun ("fourth-quarter sales rose" in February is last
    /// year's fourth quarter).
    private func periodYear(_ number: Int, perYear: Int, at index: Int) -> Int? {
        guard let anchor else { return nil }
        let current = (anchor.month - 1) / (12 / perYear) + 1
        if direction(before: index) == .future { return number >= current ? anchor.year : anchor.year + 1 }
        return number <= current ? anchor.year : anchor.year - 1
    }

    /// "Q3 2021", "Q3", "the third quarter [of 2021]", "third-quarter", "the first half of 2023".
    func quarterOrHalf(_ index: Int) -> DateMatch? {
        guard let word = key(index) else { return nil }
        if word.count == 2, word.hasPrefix("q"), let quarter = Int(word.dropFirst()), (1...4).contains(quarter),
            isCapitalized(index)
        {
            if let year = integer(index + 1), key(index + 1)!.count == 4 {
                return DateMatch(
                    first: index, last: index + 1, type: .date, value: "\(year)-Q\(quarter)", granularity: "quarter",
                    rule: "quarter-year", relative: false)
            }
            guard let year = periodYear(quarter, perYear: 4, at: index) else { return nil }
            return DateMatch(
                first: index, last: index, type: .date, value: "\(year)-Q\(quarter)", granularity: "quarter",
                rule: "quarter", relative: true)
        }
        var position = index
        if word == "the" { position += 1 }
        guard let ordinal = DateLexicon.ordinals[key(position) ?? ""] else { return nil }
        let unit = key(position + 1)
        let code: String
        switch unit {
        case "quarter" where (1...4).contains(ordinal): code = "Q\(ordinal)"
        case "half" where (1...2).contains(ordinal): code = "H\(ordinal)"
        default: return nil
        }
        // "third-quarter profit" is a date only as written, joined by a hyphen; "the third quarter" needs "the".
        guard word == "the" || gap(after: position) == "-" else { return nil }
        var last = position + 1
        var year = periodYear(ordinal, perYear: code.hasPrefix("Q") ? 4 : 2, at: index)
        var relative = true
        if key(last + 1) == "of" {
            if let explicit = integer(last + 2), key(last + 2)!.count == 4 {
                year = explicit
                relative = false
                last += 2
            } else if let anchor, ["last", "next", "this"].contains(key(last + 2) ?? ""), key(last + 3) == "year" {
                year = anchor.year + (key(last + 2) == "next" ? 1 : key(last + 2) == "last" ? -1 : 0)
                last += 3
            }
        }
        guard let year else { return nil }
        return DateMatch(
            first: index, last: last, type: .date, value: "\(year)-\(code)",
            granularity: code.hasPrefix("Q") ? "quarter" : "half",
            rule: "ordinal-\(code.hasPrefix("Q") ? "quarter" : "half")", relative: relative)
    }

    /// "this autumn", "last summer", "the spring of 2019", "summer 2024", "in the winter".
    func season(_ index: Int) -> DateMatch? {
        guard let word = key(index) else { return nil }
        var position = index
        var modifier: String?
        if ["this", "last", "next", "the", "early", "late"].contains(word) {
            modifier = word
            position += 1
        }
        guard let code = DateLexicon.seasons[key(position) ?? ""] else { return nil }
        if let explicit = (key(position + 1) == "of" ? integer(position + 2) : integer(position + 1)),
            String(explicit).count == 4
        {
            let last = key(position + 1) == "of" ? position + 2 : position + 1
            return DateMatch(
                first: index, last: last, type: .date, value: "\(explicit)-\(code)", granularity: "season",
                rule: "season-year", relative: false)
        }
        guard let anchor, let modifier, modifier != "early", modifier != "late" else { return nil }
        // "the fall" after a verb is rarely the season; "in the summer" is.
        if modifier == "the",
            !["in", "during", "over", "this", "by", "until", "since", "throughout"].contains(key(index - 1) ?? "")
        {
            return nil
        }
        if key(position) == "fall", modifier == "the" { return nil }
        // Seasons in calendar order; a winter is named by the year it begins in (December).
        let order = ["SP": 0, "SU": 1, "FA": 2, "WI": 3]
        let target = order[code]!
        let current = anchor.month == 12 || anchor.month <= 2 ? 3 : (anchor.month - 3) / 3
        let currentYear = anchor.month <= 2 ? anchor.year - 1 : anchor.year
        var year: Int
        switch modifier {
        case "last": year = target < current ? currentYear : currentYear - 1
        case "next": year = target > current ? currentYear : currentYear + 1
        case "this": year = target == current ? currentYear : anchor.year
        default:
            if direction(before: index) == .future {
                year = target >= current ? currentYear : currentYear + 1
            } else {
                year = target <= current ? currentYear : currentYear - 1
            }
        }
        return DateMatch(
            first: index, last: position, type: .date, value: "\(year)-\(code)", granularity: "season",
            rule: "season-\(modifier)", relative: true)
    }
}
