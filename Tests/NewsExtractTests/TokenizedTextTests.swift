import NewsLanguage
import Testing

@testable import NewsExtract

struct TokenizedTextTests {
    @Test func tokensAreFoundByTheOffsetsWhereTheyStartAndEnd() {
        // "Kyiv – Ukraine’s 2024 plan": Kyiv 0..<4, Ukraine 7..<14, s 15..<16, 2024 17..<21, plan 22..<26.
        let text = TokenizedText("Kyiv – Ukraine’s 2024 plan")
        #expect(text.tokens.map { "\($0.start)-\($0.end)" } == ["0-4", "7-14", "15-16", "17-21", "22-26"])
        for (index, token) in text.tokens.enumerated() {
            #expect(text.token(startingAt: token.start) == index)
            #expect(text.token(endingAt: token.end) == index)
        }
        // Offsets inside a token, between tokens, before the first and past the last start or end none.
        for offset in [-1, 1, 4, 5, 6, 8, 14, 16, 26, 27] {
            #expect(text.token(startingAt: offset) == nil, "\(offset)")
        }
        for offset in [-1, 0, 3, 5, 7, 15, 22, 27] { #expect(text.token(endingAt: offset) == nil, "\(offset)") }
        #expect(TokenizedText("").token(startingAt: 0) == nil)
    }

    /// Text between scalar offsets, over one-, two-, three- and four-byte UTF-8 scalars and a combining mark.
    @Test func textBetweenScalarOffsetsKeepsEveryScalar() {
        let source = "Kyiv – Ukraine’s “Zelenskyy” met Ж and 🇺🇦 e\u{301}."
        let text = TokenizedText(source)
        let scalars = Array(source.unicodeScalars)
        #expect(text.text(from: 0, to: scalars.count) == source)
        #expect(text.text(from: 5, to: 6) == "–")
        #expect(text.text(from: 7, to: 16) == "Ukraine’s")
        let flag = scalars.firstIndex(of: "\u{1F1FA}")!
        #expect(text.text(from: flag, to: flag + 2) == "🇺🇦")
        #expect(text.text(from: scalars.count - 3, to: scalars.count - 1) == "e\u{301}")
        #expect(text.text(from: 3, to: 3) == "")
        #expect(text.text(from: 0, to: 4) == "Kyiv")
    }

    /// A token's precomputed key hash answers every comparison as the keys' `String` equality does.
    @Test func keyComparisonsFromTheHashAnswerAsStringEqualityDoes() {
        let tokens = TokenizedText("Said the Élysée, says MÜNCHEN e\u{301}lyse\u{301}e lawmakers maker makers").tokens
        #expect(
            tokens.map(\.key) == [
                "said", "the", "élysée", "says", "münchen", "e\u{301}lyse\u{301}e", "lawmakers", "maker", "makers",
            ])
        let words = ["said", "says", "the", "élysée", "münchen", "munchen", "e\u{301}lyse\u{301}e", "lawmaker", ""]
        for token in tokens {
            #expect(token.keyHash == ByteHash.hash(token.key).value)
            #expect(token.keyIsASCII == token.key.utf8.allSatisfy { $0 < 0x80 })
            for word in words {
                let (hash, isASCII) = ByteHash.hash(word)
                #expect(token.hasKey(word, hash: hash, isASCII: isASCII) == (token.key == word), "\(token.key) \(word)")
            }
            let suffixes: [StaticString] = ["maker", "makers", "s", "ée", "e", "", "é"]
            for suffix in suffixes {
                #expect(token.keyEnds(with: suffix) == token.key.hasSuffix("\(suffix)"), "\(token.key) \(suffix)")
            }
        }
        // Canonically equivalent keys are equal whichever way the é is written.
        #expect(tokens[2].hasKey(tokens[5].key, hash: tokens[5].keyHash, isASCII: tokens[5].keyIsASCII))
        let set: WordSet = ["élysée", "lawmakers"]
        #expect(tokens.filter { set.contains($0) }.map(\.start) == [tokens[2].start, tokens[5].start, tokens[6].start])
    }

    /// Of the three scalars that decompose to ASCII (U+037E, U+1FEF, U+212A) only the Kelvin sign is a letter, and
    /// its key is "k": a key with a byte outside ASCII never equals an ASCII word (`EventLexicon.WordBits`).
    @Test func noKeyOutsideASCIIEqualsAnASCIIWord() {
        let tokens = TokenizedText("a\u{037E}b \u{1FEF}c \u{212A}elvin").tokens
        #expect(tokens.map(\.key) == ["a", "b", "c", "kelvin"])
        #expect(tokens.allSatisfy { $0.keyIsASCII })
    }

    /// Keys and capitals of words outside ASCII, whose properties the tokenizer remembers per text in 256 slots:
    /// the same as reading Unicode's properties for every scalar, also when scalars share a slot (U+00E9 and
    /// U+01E9) or lower-case to more than one scalar (U+0130).
    @Test func wordsOutsideASCIIAreKeyedAsTheirPropertiesSay() {
        var words: [String] = [
            "É\u{1E9}é\u{1E8}", "İstanbul", "STRASSE", "Straße", "ǅemal", "Ωμέγα", "ΩΜΕΓΑ", "Москва",
        ]
        let letters = (0xC0..<0x250).compactMap(Unicode.Scalar.init) + (0x391..<0x3CA).compactMap(Unicode.Scalar.init)
        for start in stride(from: 0, to: letters.count, by: 5) {
            words.append(String(String.UnicodeScalarView(letters[start..<min(letters.count, start + 7)])))
        }
        let text = words.joined(separator: " ")
        var expected: [String] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard WordTokenizer.isWordScalar(scalars[index]) else {
                index += 1
                continue
            }
            let start = index
            var key = ""
            var allCaps = true
            while index < scalars.count, WordTokenizer.isWordScalar(scalars[index]) {
                key += scalars[index].properties.lowercaseMapping
                if scalars[index].properties.isLowercase { allCaps = false }
                index += 1
            }
            let capitalized = scalars[start].properties.isUppercase
            expected.append("\(start)-\(index) \(key) \(capitalized) \(allCaps && capitalized)")
        }
        let tokens = TokenizedText(text).tokens
        #expect(tokens.map { "\($0.start)-\($0.end) \($0.key) \($0.isCapitalized) \($0.isAllCaps)" } == expected)
        #expect(tokens[0].key == "é\u{1E9}é\u{1E9}" && tokens[1].key == "i\u{307}stanbul")
    }
}
