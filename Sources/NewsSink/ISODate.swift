import Foundation

/// An event date's TimeML value (TIMEX3) as ISO 8601, for consumers that read dates, not TimeML.
///
/// Days, months, years and ISO weeks are the same in both. A weekend (`2022-W36-WE`) becomes the interval of
/// its Saturday and Sunday, a quarter or half year (`2022-Q3`, `2022-H1`), a decade (`199`, `199X`) and a
/// century (`18`, `18XX`) their intervals, a part of a day (`2022-09-09TNI`) its day, a clock time its
/// date-time. What ISO 8601 cannot say (seasons, `PAST_REF`, `PRESENT_REF`, `FUTURE_REF`, durations, sets)
/// has no ISO form: nil.
public enum ISODate {
    public static func from(timex value: String) -> String? {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        // TIMEX3 writes a decade with its first three digits ("199") and a century with two ("18").
        if parts.count == 1, value.allSatisfy(\.isASCII), value.allSatisfy(\.isNumber) {
            if value.count == 3 { return "\(value)0/\(value)9" }
            if value.count == 2 { return "\(value)00/\(value)99" }
        }
        guard let year = parts.first, year.count == 4 else { return nil }
        if year.allSatisfy(\.isNumber) {
            if parts.count == 1 { return year }
            return fromDated(year: Int(year)!, parts: Array(parts.dropFirst()), value: value)
        }
        // A decade ("199X") or a century ("19XX").
        if parts.count == 1, year.prefix(3).allSatisfy(\.isNumber), year.last == "X" {
            return "\(year.prefix(3))0/\(year.prefix(3))9"
        }
        if parts.count == 1, year.prefix(2).allSatisfy(\.isNumber), year.hasSuffix("XX") {
            return "\(year.prefix(2))00/\(year.prefix(2))99"
        }
        return nil
    }

    private static func fromDated(year: Int, parts: [String], value: String) -> String? {
        let second = parts[0]
        let y = String(format: "%04d", year)
        if second.count == 2, let month = Int(second), (1...12).contains(month) {
            if parts.count == 1 { return "\(y)-\(second)" }
            let rest = parts[1]
            let day = String(rest.prefix(2))
            guard day.count == 2, let dayNumber = Int(day), (1...31).contains(dayNumber) else { return nil }
            let date = "\(y)-\(second)-\(day)"
            if rest.count == 2 { return date }
            // "2022-09-09T10:30" is ISO already; "2022-09-09TNI" (a part of the day) names only its day.
            let time = rest.dropFirst(2)
            guard time.first == "T" else { return nil }
            return time.dropFirst().first?.isNumber == true ? value : date
        }
        if second.hasPrefix("W"), let week = Int(second.dropFirst()), (1...53).contains(week) {
            let weekText = "\(y)-W" + (week < 10 ? "0\(week)" : "\(week)")
            if parts.count == 1 { return weekText }
            guard parts.count == 2, parts[1] == "WE" else { return nil }
            return weekend(year: year, week: week)
        }
        if parts.count == 1, second.count == 2, let number = Int(second.dropFirst()) {
            switch second.first {
            case "Q" where (1...4).contains(number):
                let first = (number - 1) * 3 + 1
                let last = first + 2
                return "\(y)-\(two(first))-01/\(y)-\(two(last))-\(two(daysIn(month: last, year: year)))"
            case "H" where (1...2).contains(number):
                return number == 1 ? "\(y)-01-01/\(y)-06-30" : "\(y)-07-01/\(y)-12-31"
            default: return nil
            }
        }
        return nil
    }

    /// The Saturday and Sunday of ISO week `week` of `year`, as an ISO 8601 interval.
    private static func weekend(year: Int, week: Int) -> String? {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var components = DateComponents()
        components.yearForWeekOfYear = year
        components.weekOfYear = week
        components.weekday = 7  // Saturday (1 is Sunday in Foundation's numbering)
        guard let saturday = calendar.date(from: components),
            let sunday = calendar.date(byAdding: .day, value: 1, to: saturday)
        else { return nil }
        func day(_ date: Date) -> String {
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            return "\(String(format: "%04d", parts.year!))-\(two(parts.month!))-\(two(parts.day!))"
        }
        return "\(day(saturday))/\(day(sunday))"
    }

    private static func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
