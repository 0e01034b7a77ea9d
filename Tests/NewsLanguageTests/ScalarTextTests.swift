import Testing

@testable import NewsLanguage

/// Scalars decoded from a string's UTF-8 in one pass, and strings encoded from scalars, against the standard
/// library's views.
struct ScalarTextTests {
    @Test func decodingGivesTheUnicodeScalarViewsScalars() {
        let texts = [
            "", "a", "Kyiv – Ukraine’s “Zelenskyy”", "Ж and 日本 and 🇺🇦 e\u{301}", "\u{7F}\u{80}\u{7FF}\u{800}",
            "\u{FFFF}\u{10000}\u{10FFFF}", String(repeating: "é😀x", count: 300),
        ]
        for text in texts {
            #expect([Unicode.Scalar](scalarsOf: text) == Array(text.unicodeScalars), "\(text)")
        }
        // Every scalar, in one string: each UTF-8 length and every boundary between them.
        let every = (0..<0x110000).compactMap(Unicode.Scalar.init)
        let text = String(scalars: every)
        #expect(text.unicodeScalars.elementsEqual(every))
        #expect([Unicode.Scalar](scalarsOf: text) == every)
    }
}
