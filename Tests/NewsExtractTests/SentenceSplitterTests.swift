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
