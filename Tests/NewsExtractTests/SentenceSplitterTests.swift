import Testing

@testable import NewsExtract

struct SentenceSplitterTests {
    private func sentences(_ text: String) -> [String] {
        let tokenized = TokenizedText(text)
        return SentenceSplitter().split(tokenized).map { tokenized.text(from: $0.start, to: $0.end) }
    }

    @Test func splitsAtSentenceEnds() {
        #expect(
            sentences("Albania blamed Iran. Tehran denied it! Why? Nobody knows.") == [
                "Albania blamed Iran.", "Tehran denied it!", "Why?", "Nobody knows.",
            ])
    }

    @Test func survivesAbbreviationsInitialsAndDecimals() {
        #expect(
            sentences("Mr. Rama met U.S. officials on Sept. 9. Growth was 3.5 percent. J. Smith agreed.") == [
                "Mr. Rama met U.S. officials on Sept. 9.", "Growth was 3.5 percent.", "J. Smith agreed.",
            ])
    }

    @Test func aRunWithNoEndIsCutEveryTwoHundredTokens() {
        let words = (0..<450).map { "w\($0)" }
        let split = sentences(words.joined(separator: " "))
        #expect(split.map { $0.split(separator: " ").count } == [200, 200, 50])
        #expect(split.first?.hasSuffix(" w199") == true && split.last?.hasPrefix("w400 ") == true)
        // Its twin: a long sentence within the bound stays whole.
        #expect(sentences(words.prefix(199).joined(separator: " ") + ".").count == 1)
    }

    @Test func keepsQuotesWithTheirSentence() {
        #expect(
            sentences("He said: “We will respond.” The UK agreed.") == [
                "He said: “We will respond.”", "The UK agreed.",
            ])
    }

    @Test func alwaysSplitsAtParagraphBreaks() {
        #expect(
            sentences("Tirana cuts ties with Tehran\n\nThe cyberattack saw Rama act") == [
                "Tirana cuts ties with Tehran", "The cyberattack saw Rama act",
            ])
    }
}

/// Gazetteer forms are split on their bytes when ASCII: the same keys as the text tokenizer gives.
struct GazetteerKeyTests {
    @Test(arguments: [
        "Re-Establish U.S. ties", "  al-Qaeda's 2nd   wing ", "C.p. Thakur", "APT28 (Fancy Bear)", "o'brien",
        "", "---", "x", "Bank of America, N.A.", "20,000 troops", "NATO", "McDonald's", "iPhone 15 Pro", "US-CERT",
    ])
    func asciiFormsGiveTheTokenizersKeys(form: String) {
        #expect(TokenizedText.keys(of: form) == TokenizedText(form).tokens.map(\.key))
        // Offsets and case too: the gazetteers' case rules read them.
        #expect(TokenizedText.tokens(of: form) == TokenizedText(form).tokens)
    }

    @Test func everyGroupAndCountryFormIsSplitAsTheTokenizerSplitsIt() {
        var forms: [String] = []
        for row in CountryGazetteer.rows(EmbeddedData.organizations) where row.count >= 5 {
            forms += [row[1]] + row[4].split(separator: "|").map(String.init)
        }
        for row in CountryGazetteer.rows(EmbeddedData.threatActors) where row.count >= 4 {
            forms += [row[1]] + row[3].split(separator: "|").map(String.init)
        }
        for row in CountryGazetteer.rows(EmbeddedData.countriesCommon) where row.count >= 3 { forms.append(row[2]) }
        #expect(forms.count > 4_000)
        #expect(forms.contains { !$0.utf8.allSatisfy { $0 < 0x80 } })
        for form in forms { #expect(TokenizedText.tokens(of: form) == TokenizedText(form).tokens, "\(form)") }
    }

    @Test func keysAreLowerCaseWordsAndNonASCIIFormsAreTokenizedWhole() {
        #expect(TokenizedText.keys(of: "Re-Establish U.S. ties") == ["re", "establish", "u", "s", "ties"])
        #expect(TokenizedText.keys(of: "Recep Tayyip Erdoğan") == ["recep", "tayyip", "erdoğan"])
        #expect(TokenizedText.keys(of: "ÉCOLE Polytechnique") == ["école", "polytechnique"])
        #expect(TokenizedText.keys(of: " .,; ") == [])
    }
}
