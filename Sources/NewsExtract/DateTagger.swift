import NewsModel

/// Finds temporal expressions and resolves them against the article's date, TIMEX3-style.
///
/// The tagger walks the tokens once; at each token every rule family proposes a match starting there, and
/// the longest wins (ties go to the earlier family). Families, in order: ISO and numeric dates, dates with
/// month names, holidays, years, decades and centuries, quarters and halves, seasons, relative expressions
/// ("yesterday", "last week", "two months ago", "earlier this month"), weekdays, clock times and parts of
/// the day, durations, sets and vague references. Extents follow TIMEX3: a leading preposition is left out
/// ("on Friday" gives "Friday"), determiners and modifiers are kept ("the weekend", "earlier this month").
///
/// Direction: a weekday without "last"/"next" is the most recent one (the anchor's own day counts) unless
/// a future cue ("will", "expected", "scheduled", ...) comes first when reading back through the clause, in
/// which case it is the next one. A month or a day-and-month without a year follows the nearest tense cue
/// the same way (past cues: "was", "had", verbs in -ed, ...); with no cue, it is the occurrence closest to
/// the anchor. Cost: O(tokens), no allocation beyond the results.
package struct DateTagger: Sendable {
    /// How to read all-numeric dates such as 9/12/2022 when both orders are valid.
    package enum NumericOrder: Sendable {
        case monthFirst
        case dayFirst

        /// US English reads month first; other locales day first. Dotted dates (12.09.2022) are always
        /// day first.
        package init(language: String?) {
            guard let language = language?.lowercased(), !language.isEmpty else {
                self = .monthFirst
                return
            }
            self = language == "en" || language.hasPrefix("en-us") || language == "en_us" ? .monthFirst : .dayFirst
        }
    }

    package init() {}

    package func tag(_ text: TokenizedText, anchor: CalendarDay?, order: NumericOrder = .monthFirst) -> [TimeExpression]
    {
        var context = DateContext(text: text, anchor: anchor, order: order)
        var found: [DateMatch] = []
        var index = 0
        while index < text.tokens.count {
            if let match = context.bestMatch(at: index) {
                found.append(match)
                // Anaphoric expressions ("the following day", "a year earlier") resolve against the last point
                // in time the text established.
                if match.establishesPoint { context.reference = match }
                index = match.last + 1
            } else {
                index += 1
            }
        }
        return context.attachTimesToDates(found).map { context.expression(for: $0) }
    }
}

/// One match: tokens `first...last`, what they mean, and the rule that fired.
struct DateMatch {
    /// Whether the match names a point in time that anaphoric expressions can count from: a day, week, month,
    /// quarter, half, season or year, or a clock time on a day (not a duration, a set, a vague reference, a
    /// decade or a fiscal year).
    var establishesPoint: Bool {
        guard let lead = value.utf8.first, lead >= 0x30, lead <= 0x39 else { return false }
        if type == .time { return value.utf8.count >= 10 }
        return type == .date && granularity != nil && granularity != "decade" && granularity != "century"
    }

    var first: Int
    var last: Int
    var type: TimeExpression.Kind
    var value: String
    var granularity: String?
    var rule: String
    /// Whether the value depends on the anchor.
    var relative: Bool
    /// Scalars past the last token to include ("a.m." keeps its final period).
    var trailing = 0
}

/// The tokens, the anchor and the helpers that rules share.
struct DateContext {
    let text: TokenizedText
    let anchor: CalendarDay?
    let order: DateTagger.NumericOrder
    /// The last expression that established a point in time, for anaphoric expressions; nil before the first.
    var reference: DateMatch?

    init(text: TokenizedText, anchor: CalendarDay?, order: DateTagger.NumericOrder) {
        self.text = text
        self.anchor = anchor
        self.order = order
    }

    var tokens: [Token] { text.tokens }

    func key(_ index: Int) -> String? {
        index >= 0 && index < tokens.count ? tokens[index].key : nil
    }

    /// The scalars between token `index` and the next one (short, so held inline by `String`).
    func gap(after index: Int) -> String {
        guard index >= 0, index + 1 < tokens.count else { return "" }
        let start = tokens[index].end
        let end = tokens[index + 1].start
        if end - start == 1 {
            return String(Character(text.scalars[start]))
        }
        return text.text(from: start, to: end)
    }

    /// Whether token `index` and the next are separated by exactly `separator`.
    func joined(_ index: Int, by separator: String) -> Bool {
        index + 1 < tokens.count && gap(after: index) == separator
    }

    func integer(_ index: Int) -> Int? {
        // On bytes: a character that is an ASCII digit is one byte, and Character.isNumber is slow.
        guard let key = key(index), key.utf8.count <= 4, key.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            return nil
        }
        return Int(key)
    }

    func isCapitalized(_ index: Int) -> Bool {
        index >= 0 && index < tokens.count && tokens[index].isCapitalized
    }

    /// The family rules, in priority order; the longest proposal wins. Most tokens cannot start a temporal
    /// expression and are skipped with one set look-up.
    func bestMatch(at index: Int) -> DateMatch? {
        let token = tokens[index]
        let word = token.key
        let lead = word.utf8.first!
        // Digits, "q3", "fy2023" and the trigger words; byte tests first (Character.isNumber is slow).
        guard
            lead >= 0x30 && lead <= 0x39 || lead == 0x71 && word.utf8.count == 2
                || lead == 0x66 && word.utf8.count == 6 && word.hasPrefix("fy") || DateLexicon.triggers.contains(token)
        else { return nil }
        // Some words start expressions of a few families only; the others are not run for them.
        var best: DateMatch?
        let families = DateLexicon.familyWords.index(of: token).map { DateLexicon.familiesByWord[$0] }
        for family in families ?? Family.allCases {
            if let match = match(family, at: index), best == nil || match.last > best!.last { best = match }
        }
        return best
    }

    /// The rule families, in priority order (ties go to the earlier one).
    enum Family: CaseIterable {
        case numericDate, namedDate, holiday, year, quarterOrHalf, season, relative, anaphoric, financialPeriod
        case weekday, clockTime, duration, set, vagueReference
    }

    private func match(_ family: Family, at index: Int) -> DateMatch? {
        switch family {
        case .numericDate: return numericDate(index)
        case .namedDate: return namedDate(index)
        case .holiday: return holiday(index)
        case .year: return yearExpression(index)
        case .quarterOrHalf: return quarterOrHalf(index)
        case .season: return season(index)
        case .relative: return relative(index)
        case .anaphoric: return anaphoric(index)
        case .financialPeriod: return financialPeriod(index)
        case .weekday: return weekday(index)
        case .clockTime: return clockTime(index)
        case .duration: return duration(index)
        case .set: return set(index)
        case .vagueReference: return vagueReference(index)
        }
    }

    func expression(for match: DateMatch) -> TimeExpression {
        let start = tokens[match.first].start
        let end = tokens[match.last].end + match.trailing
        return TimeExpression(
            text: text.text(from: start, to: end), start: start, end: end, type: match.type, value: match.value,
            granularity: match.granularity, anchor: match.relative ? anchor?.isoString : nil, rule: match.rule)
    }

    // MARK: Direction

    enum Direction {
        case past
        case future
        /// A modal verb ("would", "could"): after the speech act, close to the anchor.
        case modal
        case unknown
    }

    /// The nearest tense cue reading back from `index` through the clause (at most ten tokens), else the
    /// first past-tense verb in the next eight tokens of the clause ("In May, NASA awarded ...").
    func direction(before index: Int) -> Direction {
        var position = index - 1
        while position >= 0, position >= index - 10 {
            if let cue = tenseCue(at: position) { return cue }
            if endsClause(position) { break }
            position -= 1
        }
        position = index + 1
        while position < tokens.count, position <= index + 8 {
            if endsClause(position - 1) { break }
            if let cue = tenseCue(at: position), cue == .past { return cue }
            position += 1
        }
        return .unknown
    }

    /// Whether the gap after token `index` ends a clause: ";", "!", "?", or a period that is not an
    /// abbreviation's ("7 a.m. Thursday", "Sept. 30").
    func endsClause(_ index: Int) -> Bool {
        let gap = gap(after: index)
        if gap.contains(where: { ";!?".contains($0) }) { return true }
        guard gap.contains(".") else { return false }
        let word = tokens[index].key
        return !(word.utf8.count == 1 || DateLexicon.months[word] != nil && word.utf8.count <= 4)
    }

    private func tenseCue(at position: Int) -> Direction? {
        let word = tokens[position].key
        if DateLexicon.futureCues.contains(word) { return .future }
        if DateLexicon.futureCuesBeforeToOrFor.contains(word), ["to", "for"].contains(key(position + 1) ?? "") {
            return .future
        }
        // "expects output to recover", "expected prices to rise": the object between the verb and "to".
        if word.utf8.first == 0x65, word.utf8.count >= 6, word.utf8.count <= 9, word.hasPrefix("expect"),
            (2...3).contains(where: { key(position + $0) == "to" && !endsClause(position + $0 - 1) })
        {
            return .future
        }
        if DateLexicon.modalCues.contains(word) { return .modal }
        // A past form is a past cue, but not as a passive, an infinitive or a perfect ("will be held",
        // "will be published", "have qualified").
        let participle = ["be", "been", "being", "to", "get", "getting", "have", "has", "haven", "hasn", "yet", "not"]
            .contains(key(position - 1) ?? "")
        if DateLexicon.pastCues.contains(word) {
            return participle && !["was", "were", "had", "did", "ago", "since"].contains(word) ? nil : .past
        }
        if word.count > 4, word.hasSuffix("ed"), !tokens[position].isCapitalized,
            !["need", "based", "speed", "seed", "proceed", "exceed"].contains(word), !participle
        {
            return .past
        }
        return nil
    }

    /// The year of a month, or a day of a month, named without a year: the next occurrence in future context,
    /// the most recent one in past context, else the one closest to the anchor.
    func year(month: Int, day: Int? = nil, direction: Direction) -> Int? {
        guard let anchor else { return nil }
        // Compare (month, day) with the anchor's; a month alone compares by month.
        let candidate = month * 32 + (day ?? 0)
        let now = anchor.month * 32 + (day == nil ? 0 : anchor.day)
        switch direction {
        case .future: return candidate >= now ? anchor.year : anchor.year + 1
        case .past: return candidate <= now ? anchor.year : anchor.year - 1
        case .modal, .unknown:
            // News mostly reports what happened: without a cue, a date ahead of the anchor is taken only when it
            // is near (within about three months); a modal takes the nearest occurrence either way.
            let thisYear = CalendarDay(
                year: anchor.year, month: month,
                day: min(day ?? 15, CalendarDay.daysIn(month: month, year: anchor.year)))
            let distance = thisYear.ordinal - anchor.ordinal
            let aheadLimit = direction == .modal ? 183 : 92
            if distance > aheadLimit { return anchor.year - 1 }
            if distance < -(365 - aheadLimit) { return anchor.year + 1 }
            return anchor.year
        }
    }

    /// The day of a weekday named without "last"/"next".
    func resolve(weekday: Int, direction: Direction) -> CalendarDay? {
        guard let anchor else { return nil }
        if direction == .future || direction == .modal {
            // The anchor's own weekday is today in either direction ("will begin Monday" in a Monday article).
            return anchor.adding(days: (weekday - anchor.weekday + 7) % 7)
        }
        return anchor.adding(days: -((anchor.weekday - weekday + 7) % 7))
    }

    static func monthValue(_ year: Int, _ month: Int) -> String {
        "\(CalendarDay.pad(year, 4))-\(CalendarDay.pad(month, 2))"
    }

    /// Adds `months` to the anchor's month.
    func month(offset months: Int) -> String? {
        guard let anchor else { return nil }
        let total = anchor.year * 12 + (anchor.month - 1) + months
        return Self.monthValue(total / 12, total % 12 + 1)
    }

    /// Fills the date of clock times ("2:50 a.m. on Tuesday") from a day expression right next to them; a
    /// clock time followed by its day after one space is one expression ("10 p.m. Wednesday", "noon Thursday").
    func attachTimesToDates(_ matches: [DateMatch]) -> [DateMatch] {
        var result: [DateMatch] = []
        var index = 0
        while index < matches.count {
            let match = matches[index]
            let day = index + 1 < matches.count ? matches[index + 1] : nil
            if match.type == .time, match.rule.hasPrefix("clock"), let day, day.type == .date,
                day.granularity == "day", day.rule.hasPrefix("weekday"), day.first == match.last + 1,
                tokens[day.first].start == tokens[match.last].end + match.trailing + 1,
                let timeStart = match.value.firstIndex(of: "T")
            {
                result.append(
                    DateMatch(
                        first: match.first, last: day.last, type: .time, value: day.value + match.value[timeStart...],
                        granularity: "time", rule: match.rule + "-" + day.rule, relative: true))
                index += 2
                continue
            }
            result.append(match)
            index += 1
        }
        return fillDays(of: result)
    }

    private func fillDays(of matches: [DateMatch]) -> [DateMatch] {
        var result = matches
        for (index, match) in matches.enumerated() where match.type == .time && match.rule.hasPrefix("clock") {
            if match.rule.contains("-weekday") { continue }
            let neighbours = [index + 1, index - 1].filter { $0 >= 0 && $0 < matches.count }
            for neighbour in neighbours {
                let other = matches[neighbour]
                let distance = neighbour > index ? other.first - match.last : match.first - other.last
                guard other.type == .date, other.granularity == "day", distance <= 3,
                    let timeStart = match.value.firstIndex(of: "T")
                else {
                    continue
                }
                result[index].value = other.value + match.value[timeStart...]
                result[index].relative = other.relative
                break
            }
        }
        return result
    }
}
