import Testing

@testable import NewsExtract

struct TokenizedTextTests {
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
}
