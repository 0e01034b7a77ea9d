import Foundation
import Testing

struct EncodingTortureTests {
    private let body = "Le ministre a déclaré « café » et “quotes” à Paris. " + HostileInput.article

    @Test func utf8WithAByteOrderMark() {
        let outcome = HostileInput.run([0xEF, 0xBB, 0xBF] + Array(HostileInput.page(body: body).utf8))
        #expect(outcome.text.hasPrefix("Le ministre a déclaré « café » et “quotes”"))
        #expect(outcome.article?.cleaned.charsetSource == "bom")
    }

    @Test func utf16LittleEndianWithAByteOrderMark() {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in HostileInput.page(body: body).utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let outcome = HostileInput.run(bytes)
        #expect(outcome.text.hasPrefix("Le ministre a déclaré « café »"))
        #expect(outcome.article?.cleaned.charset == "UTF-16LE")
    }

    @Test func windows1252WithoutADeclaration() {
        let bytes = Array(HostileInput.page(body: body).data(using: .windowsCP1252)!)
        let outcome = HostileInput.run(bytes)
        #expect(outcome.text.hasPrefix("Le ministre a déclaré « café » et “quotes”"))
        #expect(outcome.article?.cleaned.charsetSource == "fallback")
    }

    @Test func iso88591DeclaredInMeta() {
        let html = HostileInput.page(
            body: "Le café de la gare. " + HostileInput.article, head: "<meta charset=\"iso-8859-1\">")
        let outcome = HostileInput.run(Array(html.data(using: .isoLatin1)!))
        #expect(outcome.text.hasPrefix("Le café de la gare."))
    }

    /// A page around bytes in a legacy encoding (the rest of the page is ASCII, the same in every encoding).
    private func legacyPage(_ encoded: [UInt8], charset: String) -> [UInt8] {
        let head =
            "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=\(charset)\"></head><body><article><p>"
        return Array(head.utf8) + encoded + Array((HostileInput.article + "</p></article></body></html>").utf8)
    }

    @Test func shiftJISDeclaredInMeta() {
        // "東京で首脳会談が開かれ、両国は協力を確認した。" in Shift_JIS.
        let encoded: [UInt8] = [
            147, 140, 139, 158, 130, 197, 142, 241, 148, 93, 137, 239, 146, 107, 130, 170, 138, 74, 130, 169, 130, 234,
            129, 65, 151, 188, 141, 145, 130, 205, 139, 166, 151, 205, 130, 240, 138, 109, 148, 70, 130, 181, 130, 189,
            129, 66,
        ]
        let outcome = HostileInput.run(legacyPage(encoded, charset: "Shift_JIS"))
        #expect(outcome.text.hasPrefix("東京で首脳会談が開かれ、両国は協力を確認した。"))
    }

    @Test func gb2312LabelIsDecodedAsGBKSoGBKOnlyCharactersSurvive() {
        // "朱镕基会见了代表团。" in GBK; 镕 (U+9555) is not in GB2312, and browsers decode the label as GBK.
        let encoded: [UInt8] = [
            214, 236, 233, 70, 187, 249, 187, 225, 188, 251, 193, 203, 180, 250, 177, 237, 205, 197, 161, 163,
        ]
        let outcome = HostileInput.run(legacyPage(encoded, charset: "gb2312"))
        #expect(outcome.text.hasPrefix("朱镕基会见了代表团。"))
    }

    @Test func aMetaCharsetThatLiesDoesNotCauseMojibake() {
        let html = HostileInput.page(body: body, head: "<meta charset=\"utf-8\">")
        let outcome = HostileInput.run(Array(html.data(using: .windowsCP1252)!))
        #expect(outcome.text.hasPrefix("Le ministre a déclaré « café » et “quotes”"))
    }

    @Test func invalidUTF8SequencesAreRepairedWithoutMojibake() {
        let page = HostileInput.page(body: "Déclaration « café » à @Tirana. " + HostileInput.article)
        var bytes = Array(page.utf8)
        // Overlong "/", a lone continuation byte, a truncated sequence, an encoded surrogate and 0xFF, in the body.
        let insert: [UInt8] = [0xC0, 0xAF, 0x20, 0x80, 0x20, 0xE2, 0x82, 0x20, 0xED, 0xA0, 0x80, 0x20, 0xFF]
        let position = bytes.firstIndex(of: UInt8(ascii: "@"))!
        bytes.replaceSubrange(position...position, with: insert)
        let outcome = HostileInput.run(bytes)
        #expect(outcome.text.contains("Déclaration « café » à"))
        #expect(outcome.text.contains("\u{FFFD}"))
        #expect(!outcome.text.contains("Ã"))
        #expect(outcome.article?.cleaned.charsetSource == "utf-8-repaired")
        #expect(HostileInput.linesAreValidJSON(outcome))
    }

    @Test func nulBytesInsideTextNeitherTruncateNorLeak() {
        var bytes = Array(HostileInput.page(body: "Before NUL after. " + HostileInput.article).utf8)
        let position = bytes.firstIndex(of: UInt8(ascii: "N"))!
        bytes.insert(0, at: position)
        let outcome = HostileInput.run(bytes)
        #expect(outcome.text.contains("Before NUL after."))
        #expect(!outcome.text.contains("\u{0}"))
        #expect(outcome.text.contains("sanctions package"))
    }

    @Test func emojiZWJCombiningMarksAndRightToLeftTextSurviveAndBidiOverridesGo() {
        let body = "Family 👨‍👩‍👧 e\u{301}te\u{301} مرحبا بالعالم \u{202E}evil\u{202C} end. " + HostileInput.article
        let outcome = HostileInput.run(HostileInput.page(body: body))
        #expect(outcome.text.contains("👨‍👩‍👧"))
        #expect(outcome.text.contains("été"), "combining marks are composed (NFC)")
        #expect(outcome.text.contains("مرحبا بالعالم"))
        #expect(!outcome.text.contains("\u{202E}"))
        #expect(HostileInput.linesAreValidJSON(outcome))
    }

    @Test func carriageReturnOnlyAndCRLFLineEndings() {
        for separator in ["\r", "\r\n"] {
            let html = [
                "<html><body><article>", "<p>First paragraph of the story,", "which spans lines.</p>",
                "<p>" + HostileInput.article + "</p>", "</article></body></html>",
            ].joined(separator: separator)
            let outcome = HostileInput.run(html)
            #expect(outcome.text.hasPrefix("First paragraph of the story, which spans lines.\n\nThe foreign ministers"))
        }
    }
}
