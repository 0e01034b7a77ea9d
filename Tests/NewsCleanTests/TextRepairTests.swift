import Foundation
import Testing

@testable import NewsClean

/// Text whose scalars are all "stable in NFC" is returned without Foundation's normaliser: that must be what
/// the normaliser returns for it.
struct TextRepairTests {
    @Test func textOfStableScalarsIsAlreadyInNFC() {
        let stable = (0..<0x2100).compactMap(Unicode.Scalar.init).filter(TextRepair.isStableInNFC)
        #expect(stable.count == 0x300 + (0x206F - 0x2002 + 1) + (0x20C0 - 0x20A0 + 1))
        // Every stable scalar alone, and after every stable scalar (a composition needs two adjacent scalars).
        for second in stable {
            var pairs = String.UnicodeScalarView()
            for first in stable {
                pairs.append(first)
                pairs.append(second)
            }
            let text = String(pairs)
            #expect(text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars))
        }
        // Outside: U+2000 decomposes to U+2002, U+0301 composes with "e".
        #expect(!TextRepair.isStableInNFC("\u{2000}") && !TextRepair.isStableInNFC("\u{301}"))
        #expect("\u{2000}".precomposedStringWithCanonicalMapping.unicodeScalars.first == "\u{2002}")
    }

    @Test func normalizingKeepsStableTextAndComposesTheRest() {
        let repair = TextRepair()
        let quoted = "“Iran’s minister — and the €5 deal,” she said."
        #expect(repair.normalized(quoted).unicodeScalars.elementsEqual(quoted.unicodeScalars))
        let decomposed = "Tehran\u{2019}s cafe\u{301}"
        #expect(repair.normalized(decomposed).unicodeScalars.elementsEqual("Tehran\u{2019}s caf\u{E9}".unicodeScalars))
    }
}
