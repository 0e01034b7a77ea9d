import Testing

@testable import NewsLanguage

struct WordTokenizerTests {
    @Test(arguments: [
        ("Iran's foreign minister didn't say.", ["Iran", "'s", "foreign", "minister", "did", "n't", "say", "."]),
        ("The U.S. economy grew 3.5% in 2023.", ["The", "U.S.", "economy", "grew", "3.5", "%", "in", "2023", "."]),
        ("pro-Israel hackers", ["pro", "-", "Israel", "hackers"]),
        ("Mr. Smith visited www.example.com.", ["Mr.", "Smith", "visited", "www.example.com", "."]),
        ("the participants’ views", ["the", "participants", "’", "views"]),
        (
            "1,000 people met at 12:30 in O'Brien's office",
            ["1,000", "people", "met", "at", "12:30", "in", "O'Brien", "'s", "office"]
        ),
        ("They can't (and won't) wait...", ["They", "ca", "n't", "(", "and", "wo", "n't", ")", "wait", "..."]),
        (
            "“We’re ready,” she said -- and left.",
            ["“", "We", "’re", "ready", ",", "”", "she", "said", "--", "and", "left", "."]
        ),
        ("and/or J. Smith", ["and", "/", "or", "J.", "Smith"]),
        // A comma joins digits only as a thousands separator.
        (
            "Turnout rose from 12,345,678 to 1,000.5m, see [1,2] and 3,4567",
            [
                "Turnout", "rose", "from", "12,345,678", "to", "1,000.5m", ",", "see", "[", "1", ",", "2", "]", "and",
                "3", ",", "4567",
            ]
        ),
        ("2,50 or 7,1", ["2", ",", "50", "or", "7", ",", "1"]),
        // Contractions written without an apostrophe are split as UD splits them; words of their own are not.
        (
            "I dont know, ive tried and thats gonna fail",
            ["I", "do", "nt", "know", ",", "i", "ve", "tried", "and", "that", "s", "gon", "na", "fail"]
        ),
        (
            "its owner fell ill as well; were you there?",
            ["its", "owner", "fell", "ill", "as", "well", ";", "were", "you", "there", "?"]
        ),
        // Emoticons are one token; a colon before a letter or a bracket stays a colon.
        ("Thanks :) see you;-) great:D", ["Thanks", ":)", "see", "you", ";-)", "great", ":D"]),
        ("Note:Do this (see 4:(a))", ["Note", ":", "Do", "this", "(", "see", "4", ":", "(", "a", "))"]),
    ])
    func splitsAsUniversalDependenciesDoes(text: String, forms: [String]) {
        #expect(WordTokenizer().tokenize(text).map(\.form) == forms)
    }

    @Test func theFastPathsOfWordScalarsAgreeWithTheUnicodeProperties() {
        // Every scalar: letters, decimal digits and non-spacing marks are word scalars, nothing else is.
        var disagreements: [UInt32] = []
        var words = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let properties = scalar.properties
            let expected =
                properties.isAlphabetic || properties.numericType == .decimal
                || properties.generalCategory == .nonspacingMark
            if WordTokenizer.isWordScalar(scalar) != expected { disagreements.append(value) }
            if expected { words += 1 }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10).map { String($0, radix: 16) })")
        // The check has both answers to give: most scalars of Unicode 15 that are assigned are word scalars.
        #expect(words > 100_000)
        #expect(
            WordTokenizer.isWordScalar("é") && WordTokenizer.isWordScalar("٣") && WordTokenizer.isWordScalar("\u{301}"))
        #expect(
            !WordTokenizer.isWordScalar("’") && !WordTokenizer.isWordScalar("—")
                && !WordTokenizer.isWordScalar("\u{A0}"))
        #expect(WordTokenizer.isDigit("7") && WordTokenizer.isDigit("٣") && !WordTokenizer.isDigit("²"))
    }

    @Test func offsetsAreUnicodeScalarOffsetsIntoTheText() {
        let text = "Élysée’s “plan”"
        let words = WordTokenizer().tokenize(text)
        let scalars = Array(text.unicodeScalars)
        for word in words {
            #expect(String(String.UnicodeScalarView(scalars[word.start..<word.end])) == word.form)
        }
        #expect(words.map(\.form) == ["Élysée", "’s", "“", "plan", "”"])
    }

    @Test func aSentenceEndingInAnAbbreviationKeepsItsPeriodOnce() {
        #expect(WordTokenizer().tokenize("He moved to the U.S.").map(\.form) == ["He", "moved", "to", "the", "U.S."])
        // A plain word keeps its sentence period apart.
        #expect(WordTokenizer().tokenize("He moved to Paris.").map(\.form) == ["He", "moved", "to", "Paris", "."])
    }
}

extension WordTokenizerTests {
    @Test func cannotIsTwoWordsAndADateWithSlashesOne() {
        #expect(
            WordTokenizer().tokenize("We cannot meet on 01/24/2001.").map(\.form) == [
                "We", "can", "not", "meet", "on", "01/24/2001", ".",
            ])
        // A slash between words still splits.
        #expect(WordTokenizer().tokenize("war/peace").map(\.form) == ["war", "/", "peace"])
    }
}
