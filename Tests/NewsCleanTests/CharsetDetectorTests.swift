import Testing

@testable import NewsClean

struct CharsetDetectorTests {
    private func decide(_ bytes: [UInt8], transport: String? = nil) -> (String, String) {
        let decision = CharsetDetector.detect(bytes, transportCharset: transport)
        return (decision.charset, decision.source)
    }

    @Test func aByteOrderMarkWinsOverMetaAndTransport() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<meta charset=iso-8859-1><p>x</p>".utf8)
        #expect(decide(bytes, transport: "shift_jis") == ("UTF-8", "bom"))
        #expect(decide([0xFF, 0xFE, 0x3C, 0x00]) == ("UTF-16LE", "bom"))
    }

    @Test func theTransportCharsetWinsOverMeta() {
        #expect(
            decide(Array("<meta charset=utf-8><p>x</p>".utf8), transport: "ISO-8859-1") == ("WINDOWS-1252", "transport")
        )
    }

    @Test func metaCharsetAndHTTPEquivAreFound() {
        #expect(decide(Array("<meta charset=\"Shift_JIS\">".utf8)) == ("SHIFT_JIS", "meta"))
        #expect(
            decide(Array("<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=gb2312'>".utf8)) == (
                "GBK", "meta"
            ))
    }

    @Test func findsADeclarationAfterTheFirstKilobyte() {
        let bytes = Array(
            ("<script>" + String(repeating: "var a = 1;", count: 300) + "</script><meta charset=koi8-r>").utf8)
        #expect(decide(bytes) == ("KOI8-R", "meta"))
    }

    @Test func aLyingUTF8DeclarationFallsBackToWindows1252() {
        let bytes = Array("<meta charset=utf-8><p>caf".utf8) + [0xE9] + Array("</p>".utf8)
        #expect(decide(bytes) == ("WINDOWS-1252", "fallback"))
    }

    @Test func undeclaredValidUTF8IsUTF8() {
        #expect(decide(Array("<p>Tirana – Tehran</p>".utf8)) == ("UTF-8", "utf-8-valid"))
    }

    @Test func refusesUTF7AndUTF16FromMeta() {
        #expect(CharsetDetector.normalize("utf-7") == nil)
        #expect(CharsetDetector.normalize("UTF-16") == nil)
        #expect(CharsetDetector.normalize("latin1") == "WINDOWS-1252")
        #expect(CharsetDetector.normalize("x;rm -rf") == nil)
    }

    @Test func validationAgreesWithTheStandardLibraryAtEveryOffset() {
        // The scan skips eight ASCII bytes at a time: each sequence, well-formed or not, at each of 20 offsets
        // of an ASCII line, and at its end, is judged as Swift's own UTF-8 validation judges it.
        let line = Array("abcdefghijklmnopqrst".utf8)
        let sequences: [[UInt8]] = [
            Array("é".utf8), Array("€".utf8), Array("😀".utf8), [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE0, 0x80, 0x80],
            [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80], [0xFF],
        ]
        var valid = 0
        for sequence in sequences {
            for offset in 0...line.count {
                let bytes = Array(line[..<offset]) + sequence + Array(line[offset...])
                let expected = String(validating: bytes, as: UTF8.self) != nil
                #expect(CharsetDetector.isValidUTF8(bytes) == expected, "\(sequence) at \(offset)")
                if expected { valid += 1 }
            }
        }
        #expect(valid == 3 * (line.count + 1))
    }

    @Test func aCharsetInAnyCaseIsReadAndAMetaTagWithoutOneIsPassedOver() {
        #expect(
            decide(Array("<meta http-equiv=content-type content='text/html; ChArSeT=koi8-r'>".utf8)) == (
                "KOI8-R", "meta"
            ))
        // Its twin: "charse" is not "charset", and the page falls to the validity rule.
        #expect(decide(Array("<meta name=charse content=koi8-r><p>x</p>".utf8)) == ("UTF-8", "utf-8-valid"))
    }

    @Test func rejectsOverlongAndSurrogateUTF8() {
        #expect(!CharsetDetector.isValidUTF8([0xC0, 0xAF]))
        #expect(!CharsetDetector.isValidUTF8([0xED, 0xA0, 0x80]))
        #expect(!CharsetDetector.isValidUTF8([0xFF]))
        #expect(CharsetDetector.isValidUTF8(Array("é€😀".utf8)))
    }
}
