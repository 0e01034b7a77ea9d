/// A cheap language guess for pages that do not declare one: scripts first (kana, Hangul, Han, Cyrillic,
/// Arabic, ...), then the share of each language's most frequent function words among the first 400 words.
/// Returns nil when no language clearly leads. O(length of the sample).
enum LanguageGuesser {
    static let stopWords: [String: Set<String>] = [
        "en": [
            "the", "and", "of", "to", "in", "is", "that", "for", "it", "with", "was", "on", "as", "by", "said", "he",
            "at", "from",
        ],
        "de": [
            "der", "die", "und", "das", "ist", "nicht", "den", "mit", "sich", "des", "auf", "ein", "eine", "für", "dem",
            "im", "von",
        ],
        "fr": [
            "le", "la", "les", "et", "des", "est", "une", "dans", "du", "que", "pour", "qui", "pas", "sur", "au",
            "avec", "il",
        ],
        "es": [
            "el", "la", "los", "las", "y", "que", "del", "en", "por", "con", "una", "para", "es", "se", "su", "al",
            "como",
        ],
        "pt": [
            "o", "os", "as", "e", "que", "do", "da", "em", "para", "com", "uma", "não", "dos", "das", "no", "na", "se",
        ],
        "it": [
            "il", "di", "che", "e", "la", "per", "una", "sono", "del", "della", "non", "con", "gli", "nel", "alla",
            "anche",
        ],
        "nl": [
            "de", "het", "een", "van", "en", "is", "dat", "op", "te", "niet", "met", "voor", "zijn", "er", "aan", "ook",
        ],
        "id": [
            "yang", "dan", "di", "ini", "itu", "dengan", "untuk", "tidak", "dari", "dalam", "akan", "pada", "juga",
            "ke",
        ],
    ]

    static func guess(_ text: String) -> String? {
        var scripts: [String: Int] = [:]
        var letters = 0
        for scalar in text.unicodeScalars.prefix(4000) where scalar.properties.isAlphabetic {
            letters += 1
            switch scalar.value {
            case 0x3040...0x30FF: scripts["ja", default: 0] += 1
            case 0xAC00...0xD7AF, 0x1100...0x11FF: scripts["ko", default: 0] += 1
            case 0x4E00...0x9FFF: scripts["zh", default: 0] += 1
            case 0x0400...0x04FF: scripts["ru", default: 0] += 1
            case 0x0600...0x06FF: scripts["ar", default: 0] += 1
            case 0x0590...0x05FF: scripts["he", default: 0] += 1
            case 0x0E00...0x0E7F: scripts["th", default: 0] += 1
            case 0x0370...0x03FF: scripts["el", default: 0] += 1
            default: break
            }
        }
        guard letters >= 40 else { return nil }
        // Japanese mixes kana with Han; any real share of kana makes it Japanese.
        if let kana = scripts["ja"], kana * 10 >= letters { return "ja" }
        if let (script, count) = scripts.max(by: { $0.value < $1.value }), count * 2 >= letters { return script }
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
                if words.count >= 400 { break }
            }
        }
        if !current.isEmpty { words.append(current) }
        guard words.count >= 20 else { return nil }
        var scores: [(String, Int)] = []
        for (language, list) in stopWords {
            scores.append((language, words.reduce(0) { $0 + (list.contains($1) ? 1 : 0) }))
        }
        scores.sort { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
        let (best, bestCount) = scores[0]
        let second = scores[1].1
        guard bestCount * 10 >= words.count, bestCount >= second * 3 / 2 + 1 else { return nil }
        return best
    }
}
