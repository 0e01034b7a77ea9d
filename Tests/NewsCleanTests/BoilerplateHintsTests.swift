import Testing

@testable import NewsClean

/// What `class` and `id` values say about an element, read on their bytes: tokens split at white space, "-" and
/// "_", lower-cased; stems found inside tokens; an element's verdict the union of its two values'.
struct BoilerplateHintsTests {
    @Test func valuesAreSplitLowerCasedAndReadForWordsAndStems() {
        let cases: [(String?, String?, BoilerplateHints.Verdict)] = [
            ("post-body", nil, .content),
            ("Sidebar widget", nil, .weakFurniture),
            ("sidebar", "main-Article", .content),
            ("related-stories", nil, .strongFurniture),
            ("jp-relatedposts", nil, .strongFurniture),
            ("story", "Read-More", .strongFurniture),
            ("btn readMore", nil, .strongFurniture),
            ("entry COMMENTS", nil, .strongFurniture),
            ("commentary", nil, .neutral),
            ("artículo_principal", nil, .neutral),
            (nil, nil, .neutral),
            ("", "x_y z", .neutral),
            // A stem counts inside a token of four bytes or more only; a word must be the whole token.
            ("ads", "adsense", .strongFurniture),
            ("adsense", nil, .neutral),
            ("promo", nil, .strongFurniture),
        ]
        for (classValue, idValue, verdict) in cases {
            #expect(
                BoilerplateHints.verdict(class: classValue, id: idValue) == verdict,
                "class \(classValue ?? "nil"), id \(idValue ?? "nil")")
        }
    }

    @Test func aValueIsReadToItsThousandTwentyFourthByteOnly() {
        let padding = String(repeating: "a ", count: 512)
        #expect(padding.utf8.count == 1024)
        #expect(BoilerplateHints.verdict(class: padding + "sidebar", id: nil) == .neutral)
        #expect(BoilerplateHints.verdict(class: "sidebar " + padding, id: nil) == .weakFurniture)
    }
}
