import NewsModel
import NewsSink

/// Events as rows of the GDELT 2.0 event table (61 tab-separated columns, codes as strings), for tools built
/// on that format.
///
/// Filled: GLOBALEVENTID (our stable event id, a string where GDELT has an integer), SQLDATE, MonthYear, Year,
/// FractionDate (the event's date when the text gives a day, else the article's), Actor1/Actor2 Code, Name,
/// CountryCode and Type1Code (GOV, MIL, REB, BUS, MED, NGO or IGO from the entity), IsRootEvent (1 for events
/// of the article's first sentence), EventCode, EventBaseCode, EventRootCode, QuadClass, NumMentions,
/// NumSources and NumArticles (1), DATEADDED (the article's date, at 000000) and SOURCEURL. Left empty: the
/// known-group, ethnic and religion codes, GoldsteinScale, AvgTone and every geography column (no geocoding).
package enum GDELTEncoder {
    package static let columnCount = 61

    package static func rows(_ article: ProcessedArticle) -> [(id: String, line: String)] {
        let types = Dictionary(
            article.extraction.entities.map { ($0.id, $0.kind == .official ? "official" : $0.type ?? "") },
            uniquingKeysWith: { first, _ in first })
        return RecordEncoder.eventRecords(article).enumerated().map { index, record in
            let event = article.extraction.events[index]
            return (record.id, row(event, id: record.id, article: article, types: types).joined(separator: "\t"))
        }
    }

    static func row(_ event: Event, id: String, article: ProcessedArticle, types: [String: String]) -> [String] {
        let day = eventDay(event) ?? article.publishedDate.map { String($0.prefix(10)) }
        let digits = day.map { $0.split(separator: "-").joined() } ?? ""
        var columns = [String](repeating: "", count: columnCount)
        columns[0] = id
        if digits.count == 8 {
            columns[1] = digits
            columns[2] = String(digits.prefix(6))
            columns[3] = String(digits.prefix(4))
            columns[4] = fractionDate(digits)
        }
        for (offset, participant) in [(5, event.actor), (15, event.target)] {
            guard let participant else { continue }
            let type = typeCode(types[participant.id])
            columns[offset] = participant.kind == .country ? participant.id : (participant.country ?? "") + type
            columns[offset + 1] = participant.text.uppercased()
            columns[offset + 2] = participant.country ?? ""
            columns[offset + 7] = type
        }
        columns[25] = event.sentenceStart == 0 ? "1" : "0"
        columns[26] = event.cameo
        columns[27] = String(event.cameo.prefix(3))
        columns[28] = String(event.cameo.prefix(2))
        columns[29] = String(event.quadClass)
        columns[31] = String(event.mentionCount)
        columns[32] = "1"
        columns[33] = "1"
        if let published = article.publishedDate?.prefix(10), published.count == 10 {
            columns[59] = published.split(separator: "-").joined() + "000000"
        }
        columns[60] = article.cleaned.canonicalURL ?? article.input.url ?? ""
        // No tab or line break may leak from the text into a column.
        return columns.map { column in
            String(column.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
        }
    }

    /// The event's own day, when its date expression names one ("2022-09-09").
    static func eventDay(_ event: Event) -> String? {
        guard let value = event.date?.value, value.count >= 10 else { return nil }
        let day = String(value.prefix(10))
        let parts = day.split(separator: "-")
        guard parts.count == 3, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }) else { return nil }
        return day
    }

    /// GDELT's FractionDate: the year plus the day's share of it, four decimals (YYYY.FFFF).
    static func fractionDate(_ digits: String) -> String {
        guard let year = Int(digits.prefix(4)), let month = Int(digits.dropFirst(4).prefix(2)),
            let day = Int(digits.suffix(2))
        else { return "" }
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        let dayOfYear = lengths.prefix(max(0, month - 1)).reduce(0, +) + day
        let fraction = Double(dayOfYear) / 365.0
        let scaled = Int((Double(year) + fraction) * 10_000 + 0.5)
        let decimals = "\(scaled % 10_000)"
        return "\(scaled / 10_000)." + String(repeating: "0", count: max(0, 4 - decimals.count)) + decimals
    }

    /// CAMEO actor type codes for our entity types.
    static func typeCode(_ type: String?) -> String {
        switch type {
        case "official", "government", "government_agency": return "GOV"
        case "military": return "MIL"
        case "armed_group", "threat_actor": return "REB"
        case "company": return "BUS"
        case "media": return "MED"
        case "ngo": return "NGO"
        case "intergov": return "IGO"
        case "political_party": return "PTY"
        default: return ""
        }
    }
}
