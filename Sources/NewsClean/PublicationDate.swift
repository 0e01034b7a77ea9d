/// Reads the calendar day out of the date strings pages put in their metadata.
public enum PublicationDate {
    /// The `YYYY-MM-DD` day of an ISO 8601 date or date-time ("2022-09-12", "2022-09-12T11:45:03+00:00",
    /// "2022-09-12 11:45"), or nil when `value` does not start with a valid one. The day is taken as written,
    /// in the publisher's own time zone.
    public static func day(of value: String) -> String? {
        let scalars = Array(value.trimmingSpaces().unicodeScalars.prefix(10))
        guard scalars.count == 10, scalars[4] == "-", scalars[7] == "-" else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var result = 0
            for index in range {
                guard let digit = scalars[index].properties.numericType != nil ? Int(String(scalars[index])) : nil
                else { return nil }
                result = result * 10 + digit
            }
            return result
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            (1000...9999).contains(year), (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year)
        else { return nil }
        return String(String.UnicodeScalarView(scalars))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
