import NewsLanguage

/// The words the date tagger knows, by role.
enum DateLexicon {
    static let months: WordTable<Int> = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]

    /// Month names that are also common words or names ("May said", "a march on"): they need date context.
    static let ambiguousMonths: WordSet = [
        "may", "march", "mar", "jan", "jun", "dec", "sep", "aug", "oct", "nov", "apr", "feb", "jul",
    ]

    static let weekdays: WordTable<Int> = [
        "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3, "thursday": 4,
        "thu": 4, "thurs": 4, "friday": 5, "fri": 5, "saturday": 6, "sat": 6, "sunday": 7, "sun": 7,
    ]

    /// Weekday abbreviations are only read inside a full date ("Mon, Sept. 12").
    static let fullWeekdays: WordSet = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]

    static let numberWords: WordTable<Int> = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a": 1, "an": 1, "single": 1, "couple": 2,
        "dozen": 12,
    ]

    /// Quantity words that give a duration an unknown number ("several months" is PXM).
    static let vagueQuantities: WordSet = ["several", "few", "many", "some", "multiple", "numerous"]

    static let ordinals: WordTable<Int> = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
        "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
        "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
        "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    ]

    /// Duration units and their TIMEX3 letter; time units go after "T".
    enum Unit: String {
        case second, minute, hour, day, week, month, year, decade, century

        var letter: String {
            switch self {
            case .second: return "S"
            case .minute: return "M"
            case .hour: return "H"
            case .day: return "D"
            case .week: return "W"
            case .month: return "M"
            case .year, .decade, .century: return "Y"
            }
        }

        var isTime: Bool { self == .second || self == .minute || self == .hour }

        /// How many of the letter's unit one of these is (a decade is 10 years).
        var multiplier: Int {
            switch self {
            case .decade: return 10
            case .century: return 100
            default: return 1
            }
        }
    }

    static let units: WordTable<Unit> = [
        "second": .second, "seconds": .second, "minute": .minute, "minutes": .minute, "hour": .hour, "hours": .hour,
        "day": .day, "days": .day, "week": .week, "weeks": .week, "month": .month, "months": .month, "year": .year,
        "years": .year, "decade": .decade, "decades": .decade, "century": .century, "centuries": .century,
    ]

    static let seasons: WordTable<String> = [
        "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
    ]

    /// Seasons counted as a length of time ("the past three summers" is P3SU).
    static let seasonPlurals: WordTable<String> = [
        "springs": "SP", "summers": "SU", "autumns": "FA", "winters": "WI",
    ]

    /// The words a year said in words starts with ("the year two thousand", "nineteen ninety-one").
    static let spokenYearStarts: WordSet = [
        "the", "two", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen", "twenty",
    ]

    /// Words that can follow a year said in words ("in nineteen ninety-one when ...", "in twenty twelve was").
    static let afterSpokenYear: WordSet = [
        "and", "or", "but", "when", "as", "after", "before", "until", "since", "the", "a", "to", "in", "on", "at",
        "by", "with", "for", "from", "was", "were", "is", "are", "had", "has", "he", "she", "it", "they", "we", "i",
        "that", "which", "who", "where", "while",
    ]

    /// Decades in words, read as the twentieth century's ("the sixties" is 196).
    static let decadeWords: WordTable<Int> = [
        "twenties": 192, "thirties": 193, "forties": 194, "fifties": 195, "sixties": 196, "seventies": 197,
        "eighties": 198, "nineties": 199,
    ]

    /// Parts of the day and their TIMEX3 codes.
    static let dayParts: WordTable<String> = [
        "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    ]

    /// Fixed-date holidays: (month, day).
    static let holidays: [(words: [String], month: Int, day: Int)] = [
        (["new", "year", "s", "eve"], 12, 31), (["new", "year", "s", "day"], 1, 1), (["christmas", "eve"], 12, 24),
        (["christmas", "day"], 12, 25), (["christmas"], 12, 25), (["boxing", "day"], 12, 26), (["halloween"], 10, 31),
        (["valentine", "s", "day"], 2, 14), (["bastille", "day"], 7, 14), (["independence", "day"], 7, 4),
    ]

    /// Words that, read back through the clause, put an expression in the future.
    static let futureCues: WordSet = ["will", "ll", "shall", "starts", "begins", "intends", "aims", "hopes"]

    /// Future cues only when "to" or "for" follows them ("scheduled for Feb. 14", "plans to vote in May");
    /// as nouns or adjectives ("its plans", "planned outages") they say nothing about time.
    static let futureCuesBeforeToOrFor: WordSet = [
        "expected", "expects", "expect", "plans", "planned", "plan", "planning", "scheduled", "set", "due", "going",
        "poised",
        "slated", "ready",
    ]

    /// Modal verbs: the expression is after the speech act, which is close to the article's date, so the
    /// occurrence closest to the anchor is taken (weekdays go forward).
    static let modalCues: WordSet = ["would", "could", "should", "might"]

    /// Irregular past forms that mark past context (regular ones are recognised by "-ed").
    static let pastCues: WordSet = [
        "was", "were", "had", "did", "said", "ago", "began", "saw", "took", "came", "went", "fell", "rose", "grew",
        "made",
        "held", "won", "lost", "left", "met", "spent", "hit", "told", "sent", "gave", "got", "found", "put", "brought",
        "bought", "paid", "led", "kept", "became", "ran", "wrote", "spoke", "struck", "stood", "chose", "drove", "flew",
        "fought", "knew", "meant", "sold", "thought", "threw", "wore", "broke", "caught", "felt", "heard", "shot",
        "shut",
        "sat", "cut", "let", "since",
    ]

    /// Trigger words that start expressions of a few rule families only: the others are not run for them.
    /// "the", the commonest, starts no numeric date, holiday, weekday, clock time or set; "a" only "a year ago",
    /// "a year earlier" and "a decade".
    static let triggerFamilies: [String: [DateContext.Family]] = [
        "the": [
            .namedDate, .year, .quarterOrHalf, .season, .relative, .anaphoric, .financialPeriod, .duration,
            .vagueReference,
        ],
        "a": [.relative, .anaphoric, .duration], "an": [.relative, .anaphoric, .duration],
        "some": [.relative, .duration], "over": [.relative, .duration], "just": [.relative, .duration],
        "nearly": [.relative, .duration], "almost": [.relative, .duration],
        "about": [.relative, .duration, .clockTime],
        "around": [.relative, .duration, .clockTime], "roughly": [.relative, .duration, .clockTime],
        "more": [.duration], "less": [.duration], "fewer": [.duration],
        "that": [.anaphoric], "at": [.duration], "no": [.duration], "up": [.duration],
        "approximately": [.clockTime], "once": [.set], "twice": [.set], "hourly": [.set], "quarterly": [.set],
        "current": [.vagueReference], "years": [.vagueReference], "months": [.vagueReference],
        "weeks": [.vagueReference], "decades": [.vagueReference],
    ]

    /// The words of `triggerFamilies`, and their families by a word's index.
    static let familyWords = WordSet(triggerFamilies.keys.sorted())
    static let familiesByWord = familyWords.members.map { triggerFamilies[$0] ?? [] }

    /// Words that can start a temporal expression (besides numbers, "Q3" and "FY2023"), so that other
    /// tokens are skipped at once.
    static let triggers = WordSet(
        {
            var words = Set(months.keys).union(weekdays.keys).union(numberWords.keys).union(ordinals.keys).union(
                seasons.keys
            )
            .union(vagueQuantities)
            words.formUnion([
                "the", "last", "this", "next", "early", "late", "mid", "today", "yesterday", "tomorrow", "tonight",
                "coming",
                "past", "earlier", "later", "nearly", "almost", "about", "roughly", "some", "around", "over", "under",
                "just",
                "more", "less", "fewer", "fiscal", "noon", "midday", "midnight", "daily", "weekly", "monthly",
                "annually",
                "yearly", "nightly", "every", "each", "now", "currently", "nowadays", "recently", "these", "recent",
            ])
            words.formUnion(triggerFamilies.keys)
            for holiday in holidays { words.insert(holiday.words[0]) }
            return words
        }())

    /// Words before "current" when it means the present ("the current slump", "at current prices").
    static let beforeCurrent: WordSet = [
        "the", "its", "their", "his", "her", "our", "your", "my", "at", "of", "in", "under", "from", "with", "by",
        "for", "on", "to", "and", "than", "s",
    ]

    /// Words after "current" that make it something else than the present: a balance, a flow, or a verb after
    /// the noun.
    static let notAfterCurrent: WordSet = [
        "account", "accounts", "affairs", "is", "was", "were", "are", "has", "had", "and", "or", "of", "in", "that",
        "which", "carries", "flows", "swept", "sweeps", "runs", "ran", "will", "would", "can", "could",
    ]

    /// Words before a bare month or year that make it a date ("in July", "since 2019").
    static let datePrepositions: WordSet = [
        "in", "since", "until", "till", "by", "during", "from", "of", "before", "after", "early", "late", "mid", "into",
        "last", "this", "next", "through", "between", "and", "to", "or", "around", "throughout", "past", "the",
    ]

    /// Nouns after "the <year>" that make the year a date ("the 2016 election").
    static let yearNouns: WordSet = [
        "election", "elections", "campaign", "olympics", "games", "summit", "war", "crisis", "attack", "attacks",
        "budget", "season", "census", "agreement", "deal", "accord", "vote", "referendum", "primary", "primaries",
        "race", "midterms", "midterm", "uprising", "revolution", "coup", "invasion", "protests", "law", "act",
        "session", "tournament", "cup", "championship", "world", "general", "presidential", "parliamentary",
    ]
}
