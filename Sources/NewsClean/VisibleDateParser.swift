/// Reads publication days that pages show as text or in their address: a dateline ("September 12, 2022",
/// "PARIS, 28 July 2023", "Sept. 12, 2022 11:45"), and a URL's date ("/2019/11/18/", "/2019-11-18-",
/// "/20191118/").
enum VisibleDateParser {
    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
        // Spanish, Portuguese, French, German and Italian.
        "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
        "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12, "janeiro": 1,
        "fevereiro": 2, "março": 3, "maio": 5, "junho": 6, "julho": 7, "setembro": 9, "outubro": 10,
        "novembro": 11, "dezembro": 12, "janvier": 1, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
        "juillet": 7, "août": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "januar": 1,
        "februar": 2, "märz": 3, "juni": 6, "juli": 7, "oktober": 10, "dezember": 12, "gennaio": 1, "febbraio": 2,
        "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7, "settembre": 9, "ottobre": 10, "dicembre": 12,
    ]

    /// Words between the parts of a date in some languages ("14 de noviembre de 2023", "1 di maggio").
    static let connectors: Set<String> = ["de", "di", "del", "of", "the"]

    /// The first full date (day, month name, four-digit year, in either order, or an ISO date) in `text`.
    static func day(from text: String) -> String? {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        words.removeAll { connectors.contains($0) }
        for index in words.indices {
            func number(_ offset: Int) -> Int? {
                index + offset < words.count ? Int(words[index + offset]) : nil
            }
            func dayNumber(_ offset: Int) -> Int? {
                guard index + offset < words.count else { return nil }
                var word = words[index + offset]
                for suffix in ["st", "nd", "rd", "th"] where word.hasSuffix(suffix) { word = String(word.dropLast(2)) }
                return Int(word).flatMap { (1...31).contains($0) ? $0 : nil }
            }
            if let month = months[words[index]], let day = dayNumber(1), let year = number(2),
                (1900...2100).contains(year)
            {
                return iso(year, month, day)
            }
            if let day = dayNumber(0), index + 1 < words.count, let month = months[words[index + 1]],
                let year = number(2),
                (1900...2100).contains(year)
            {
                return iso(year, month, day)
            }
            if words[index].count == 4, let year = number(0), (1900...2100).contains(year), let month = number(1),
                let day = number(2), words[index + 1].count == 2, words[index + 2].count == 2
            {
                return iso(year, month, day)
            }
        }
        return nil
    }

    /// The date in a URL's path: /YYYY/MM/DD/, /YYYY-MM-DD, or /YYYYMMDD followed by a separator.
    static func day(fromURL url: String) -> String? {
        let parts = url.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "_" || $0 == "." || $0 == "?" })
        for index in parts.indices {
            let part = parts[index]
            if part.count == 4, let year = Int(part), (1995...2100).contains(year), index + 2 < parts.count,
                parts[index + 1].count == 2, parts[index + 2].count == 2, let month = Int(parts[index + 1]),
                let day = Int(parts[index + 2])
            {
                if let value = iso(year, month, day) { return value }
            }
            if part.count == 8, part.allSatisfy(\.isNumber), let year = Int(part.prefix(4)),
                (1995...2100).contains(year),
                let month = Int(part.dropFirst(4).prefix(2)), let day = Int(part.suffix(2))
            {
                if let value = iso(year, month, day) { return value }
            }
        }
        return nil
    }

    static func iso(_ year: Int, _ month: Int, _ day: Int) -> String? {
        guard (1...12).contains(month), day >= 1, day <= PublicationDate.daysIn(month: month, year: year) else {
            return nil
        }
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}
