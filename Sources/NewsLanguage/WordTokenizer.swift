/// Splits a sentence into tokens the way Universal Dependencies English does, so that the tagger's tables,
/// learned from UD, see the tokens they were learned on:
/// - punctuation is a token of its own, except inside numbers ("3.5", "1,000", "12:30", "01/24/2001"), in abbreviations
///   ("U.S.", "Mr.", "e.g."), web addresses and e-mail addresses; runs of one mark ("...", "--") stay whole;
/// - hyphens and slashes between words are tokens ("search - engine", "and / or");
/// - clitics are split: "do" + "n't", "ca" + "n't", "it" + "'s", "they" + "'re", "participants" + "’"; so are
///   "can" + "not" and the contractions web text writes without an apostrophe ("dont" = "do" + "nt", "ive" = "i" +
///   "ve", "gonna" = "gon" + "na"), as UD writes them; "its", "ill", "well", "were" and "id" stay words;
/// - emoticons (":)", ";-)", ":D") are one token, not punctuation.
///
/// Cost: O(length of the sentence); one `String` per token.
package struct WordTokenizer: Sendable {
    /// Words that keep their final period: titles, months, company forms, common Latin abbreviations.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "sen", "rep", "gov",
        "pres", "st", "jr", "sr", "rev", "hon", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "inc", "corp", "ltd", "co", "vs", "etc", "approx", "dept", "est", "fig", "mt", "ft",
        "no", "nos", "vol", "pp", "cf", "al", "ave", "blvd", "univ", "assn", "bros", "messrs",
    ]
    /// Clitics split from the end of a word (after an apostrophe, straight or curly).
    static let clitics: Set<String> = ["s", "re", "ve", "ll", "d", "m"]
    /// Words that are two, with the length of the second: "cannot" and contractions written without their
    /// apostrophe. Only forms that are no English word of their own ("its", "ill", "well", "were", "id", "hell",
    /// "shed", "wed", "lets" and "cant"'s rare noun aside: "cant" is "ca" + "nt" here, as in UD).
    static let joinedWords: [String: Int] = [
        "cannot": 3, "dont": 2, "doesnt": 2, "didnt": 2, "isnt": 2, "arent": 2, "wasnt": 2, "werent": 2,
        "hasnt": 2, "havent": 2, "hadnt": 2, "wouldnt": 2, "couldnt": 2, "shouldnt": 2, "wont": 2, "cant": 2,
        "ive": 2, "youve": 2, "weve": 2, "theyve": 2, "im": 1, "youre": 2, "theyre": 2, "thats": 1, "whats": 1,
        "theres": 1, "heres": 1, "youll": 2, "theyll": 2, "gonna": 2, "wanna": 2, "gotta": 2,
    ]
    /// Emoticons, each one token.
    static let emoticons: [[Unicode.Scalar]] = [
        ":-)", ":-(", ";-)", ":-D", ":-P", ":)", ":(", ";)", ":D", ":P", ":p", ";D", "=)",
    ].map { Array($0.unicodeScalars) }

    package init() {}

    /// The tokens of `scalars[range]`, with offsets into `scalars`.
    package func tokenize(_ scalars: [Unicode.Scalar], in range: Range<Int>) -> [Word] {
        var words: [Word] = []
        var index = range.lowerBound
        while index < range.upperBound {
            if Self.isSpace(scalars[index]) {
                index += 1
                continue
            }
            var end = index
            while end < range.upperBound, !Self.isSpace(scalars[end]) { end += 1 }
            split(scalars, chunk: index..<end, into: &words)
            index = end
        }
        return words
    }

    /// Convenience for a whole string.
    package func tokenize(_ text: String) -> [Word] {
        let scalars = [Unicode.Scalar](scalarsOf: text)
        return tokenize(scalars, in: 0..<scalars.count)
    }

    private func split(_ s: [Unicode.Scalar], chunk: Range<Int>, into words: inout [Word]) {
        if let address = webAddressEnd(s, chunk) {
            append(s, chunk.lowerBound..<address, to: &words)
            if address < chunk.upperBound { split(s, chunk: address..<chunk.upperBound, into: &words) }
            return
        }
        var index = chunk.lowerBound
        while index < chunk.upperBound {
            let scalar = s[index]
            if scalar == "n" || scalar == "N", index + 1 < chunk.upperBound, Self.isApostrophe(s[index + 1]),
                isNegation(s, apostrophe: index + 1, limit: chunk.upperBound), !words.isEmpty,
                words[words.count - 1].end == index
            {
                append(s, index..<(index + 3), to: &words)
                index += 3
            } else if Self.isWordScalar(scalar) {
                let end = wordEnd(s, from: index, limit: chunk.upperBound)
                appendWord(s, index..<end, to: &words)
                index = end
            } else if let emoticon = emoticonEnd(s, at: index, limit: chunk.upperBound) {
                append(s, index..<emoticon, to: &words)
                index = emoticon
            } else {
                // A run of the same mark ("...", "--", "!!") is one token; any other mark stands alone.
                var end = index + 1
                while end < chunk.upperBound, s[end] == scalar, !Self.isApostrophe(scalar) { end += 1 }
                if Self.isApostrophe(scalar), let clitic = cliticEnd(s, at: index, limit: chunk.upperBound),
                    !words.isEmpty, words[words.count - 1].end == index
                {
                    append(s, index..<clitic, to: &words)
                    index = clitic
                    continue
                }
                append(s, index..<end, to: &words)
                index = end
            }
        }
    }

    /// The end of a word starting at `start`: letters and digits, with marks kept inside numbers
    /// ("1,000.5", "12:30"), abbreviations ("U.S.", "e.g."), names ("O'Brien", "AT&T") and a final period
    /// after a known abbreviation or a single capital ("J.").
    private func wordEnd(_ s: [Unicode.Scalar], from start: Int, limit: Int) -> Int {
        var end = start
        while end < limit {
            let scalar = s[end]
            if Self.isWordScalar(scalar) {
                end += 1
                continue
            }
            let next = end + 1 < limit ? s[end + 1] : nil
            let previous = s[end - 1]
            if Self.isApostrophe(scalar), isNegation(s, apostrophe: end, limit: limit), end - 1 > start {
                return end - 1  // "didn't" -> "did" + "n't"
            }
            guard let following = next, Self.isWordScalar(following) else { break }
            let digits = Self.isDigit(previous) && Self.isDigit(following)
            if scalar == "," && digits {
                // A comma groups thousands ("1,000", "12,345,678"): three digits follow it, then no digit.
                // Otherwise it separates numbers ("[1,2]", "3,4 and 5"), as in Universal Dependencies.
                guard isThousandsGroup(s, after: end, limit: limit) else { break }
                end += 1
            } else if (scalar == ":" || scalar == "/") && digits {
                end += 1
            } else if scalar == "." && (digits || isAbbreviationDot(s, at: end, start: start)) {
                end += 1
            } else if scalar == "&" && previous.properties.isUppercase && following.properties.isUppercase {
                end += 1
            } else if Self.isApostrophe(scalar) && !startsClitic(s, at: end, limit: limit)
                && end - start == 1 && previous.properties.isUppercase
            {
                end += 1  // O'Brien, D'Souza
            } else {
                break
            }
        }
        if end < limit, s[end] == "." {
            let word = String(scalars: s[start..<end]).lowercased()
            let singleCapital = end - start == 1 && s[start].properties.isUppercase
            let dotted = word.contains(".") && dottedLetters(s, start..<end)
            // "Mr." and "J." keep their period; so do "U.S." and "e.g.".
            if Self.abbreviations.contains(word) || singleCapital || dotted { end += 1 }
        }
        return end
    }

    /// Whether exactly three digits follow the comma at `comma`.
    private func isThousandsGroup(_ s: [Unicode.Scalar], after comma: Int, limit: Int) -> Bool {
        guard comma + 3 < limit else { return false }
        for offset in 1...3 where !Self.isDigit(s[comma + offset]) { return false }
        return comma + 4 == limit || !Self.isDigit(s[comma + 4])
    }

    /// Whether the apostrophe at `index` is that of "n't" ending a word ("didn't", "can't").
    private func isNegation(_ s: [Unicode.Scalar], apostrophe index: Int, limit: Int) -> Bool {
        guard index > 0, index + 1 < limit, s[index - 1] == "n" || s[index - 1] == "N",
            s[index + 1] == "t" || s[index + 1] == "T"
        else { return false }
        return index + 2 == limit || !Self.isWordScalar(s[index + 2])
    }

    /// A period between single letters ("U.S", "e.g"): the letters before it form an abbreviation.
    private func isAbbreviationDot(_ s: [Unicode.Scalar], at dot: Int, start: Int) -> Bool {
        let before = dot - 1
        guard before >= start, s[before].properties.isAlphabetic else { return false }
        let singleBefore = before == start || s[before - 1] == "."
        let after = dot + 1
        let singleAfter =
            after < s.count && s[after].properties.isAlphabetic
            && (after + 1 >= s.count || !Self.isWordScalar(s[after + 1]))
        return singleBefore && (singleAfter || after >= s.count || !Self.isWordScalar(s[after]))
    }

    /// Whether `range` is letters separated by periods ("U.S", "e.g").
    private func dottedLetters(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        var expectLetter = true
        for index in range {
            if expectLetter {
                guard s[index].properties.isAlphabetic else { return false }
            } else if s[index] != "." {
                return false
            }
            expectLetter.toggle()
        }
        return true
    }

    /// Whether the apostrophe at `index` starts a clitic ("'s", "'re", ...) that ends the chunk's word.
    private func startsClitic(_ s: [Unicode.Scalar], at index: Int, limit: Int) -> Bool {
        cliticEnd(s, at: index, limit: limit) != nil
    }

    /// The end of the clitic starting at the apostrophe `index`, or nil.
    private func cliticEnd(_ s: [Unicode.Scalar], at index: Int, limit: Int) -> Int? {
        var end = index + 1
        while end < limit, s[end].properties.isAlphabetic, end - index <= 2 { end += 1 }
        guard end > index + 1, end == limit || !Self.isWordScalar(s[end]) else { return nil }
        let text = String(scalars: s[(index + 1)..<end]).lowercased()
        return Self.clitics.contains(text) ? end : nil
    }

    /// Where a web or e-mail address in the chunk ends (trailing sentence punctuation excluded), or nil.
    private func webAddressEnd(_ s: [Unicode.Scalar], _ chunk: Range<Int>) -> Int? {
        // Most chunks are plain words: look for the marks of an address before building a string.
        guard chunk.count > 4, s[chunk].contains(where: { $0 == "@" || $0 == "/" || $0 == "." }) else { return nil }
        let text = String(scalars: s[chunk]).lowercased()
        let isAddress =
            text.hasPrefix("http://") || text.hasPrefix("https://") || text.hasPrefix("www.")
            || (text.contains("@") && text.firstIndex(of: "@") != text.startIndex && text.contains("."))
        guard isAddress, Self.isWordScalar(s[chunk.lowerBound]) else { return nil }
        var end = chunk.upperBound
        while end > chunk.lowerBound, ".,;:!?)]}\"'”’".unicodeScalars.contains(s[end - 1]) { end -= 1 }
        return end
    }

    private func appendWord(_ s: [Unicode.Scalar], _ range: Range<Int>, to words: inout [Word]) {
        // "cannot" is "can" + "not", "dont" is "do" + "nt", as UD writes them.
        if (2...8).contains(range.count), Self.mayBeJoined(s[range.upperBound - 2], s[range.upperBound - 1]),
            let second = Self.joinedWords[String(scalars: s[range]).lowercased()]
        {
            append(s, range.lowerBound..<(range.upperBound - second), to: &words)
            append(s, (range.upperBound - second)..<range.upperBound, to: &words)
            return
        }
        append(s, range, to: &words)
    }

    /// Whether a word ending in these two letters may be one of `joinedWords` (a cheap test before the look-up).
    private static func mayBeJoined(_ penultimate: Unicode.Scalar, _ last: Unicode.Scalar) -> Bool {
        switch (penultimate.value | 0x20, last.value | 0x20) {
        case (0x6E, 0x74), (0x6F, 0x74): return true  // nt, ot
        case (0x76, 0x65), (0x72, 0x65): return true  // ve, re
        case (0x69, 0x6D), (0x74, 0x73), (0x65, 0x73), (0x6C, 0x6C): return true  // im, ts, es, ll
        case (0x6E, 0x61), (0x74, 0x61): return true  // na, ta
        default: return false
        }
    }

    /// The end of the emoticon at `index`, when one starts there and ends the chunk or is followed by a mark
    /// that is no letter or digit ("great:)", ":-)!"); nil otherwise.
    private func emoticonEnd(_ s: [Unicode.Scalar], at index: Int, limit: Int) -> Int? {
        for emoticon in Self.emoticons where index + emoticon.count <= limit {
            let end = index + emoticon.count
            guard s[index..<end].elementsEqual(emoticon) else { continue }
            if end == limit || !Self.isWordScalar(s[end]) { return end }
        }
        return nil
    }

    private func append(_ s: [Unicode.Scalar], _ range: Range<Int>, to words: inout [Word]) {
        words.append(
            Word(form: String(scalars: s[range]), start: range.lowerBound, end: range.upperBound))
    }

    /// Letters, decimal digits and combining marks: what words are made of. Shared with NewsExtract's tokenizer.
    /// O(1) without Unicode's tables for ASCII and for the General Punctuation block (quotation marks, dashes,
    /// spaces), where news text spends nearly all of its non-ASCII scalars between words.
    @inlinable
    package static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A)
                || (value >= 0x61 && value <= 0x7A)
        }
        // U+2000 ... U+206F hold no letter, decimal digit or non-spacing mark (WordTokenizerTests checks every
        // scalar against the properties).
        if value >= 0x2000 && value <= 0x206F { return false }
        return hasWordProperties(scalar)
    }

    /// The Unicode properties that make a scalar part of a word. Kept out of line: reading a general category
    /// or numeric type (types of the standard library that may grow) sets up their metadata on entry to the
    /// function that reads them, which cost the ASCII path about 150 instructions a scalar when it was inline.
    @usableFromInline @inline(never)
    static func hasWordProperties(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal
            || scalar.properties.generalCategory == .nonspacingMark
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? (scalar.value >= 0x30 && scalar.value <= 0x39) : isDecimal(scalar)
    }

    /// Out of line for the reason given at `hasWordProperties`.
    @inline(never)
    private static func isDecimal(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.numericType == .decimal }

    /// White space, with an ASCII fast path.
    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return scalar.properties.isWhitespace
    }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool { scalar == "'" || scalar == "’" }
}
