import Foundation
import Testing

@testable import NewsSink

struct JSONValueTests {
    @Test func keepsKeyOrderAndWritesNoWhiteSpace() {
        let value = JSONValue.object([("b", .int(1)), ("a", .array([.null, .bool(true), .string("x")]))])
        #expect(value.serialized() == #"{"b":1,"a":[null,true,"x"]}"#)
    }

    @Test func escapesControlsQuotesAndLineSeparators() {
        let value = JSONValue.string("a\"b\\c\nd\te\u{01}f\u{7F}g\u{2028}h\u{2029}i")
        #expect(value.serialized() == #""a\"b\\c\nd\te\u0001f\u007fg\u2028h\u2029i""#)
    }

    @Test func keepsNonASCIIAsUTF8() throws {
        let line = JSONValue.object([("text", .string("Tiranë “é” 😀 \u{202E}x"))]).serialized()
        #expect(!line.contains("\n"))
        let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String]
        #expect(parsed?["text"] == "Tiranë “é” 😀 \u{202E}x")
    }

    /// The byte-run writer gives what escaping scalar by scalar gives (the rule as the README states it), for
    /// every scalar below U+3000 and a sample above, alone and between others.
    @Test func escapesEveryScalarAsTheScalarRuleSays() throws {
        func reference(_ text: String) -> String {
            var output = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": output += "\\\""
                case "\\": output += "\\\\"
                case "\n": output += "\\n"
                case "\r": output += "\\r"
                case "\t": output += "\\t"
                case "\u{08}": output += "\\b"
                case "\u{0C}": output += "\\f"
                case _
                where scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028
                    || scalar.value == 0x2029:
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: output.unicodeScalars.append(scalar)
                }
            }
            return output + "\""
        }
        let scalars =
            (0..<0x3000).compactMap(Unicode.Scalar.init)
            + [0xFEFF, 0x1F1E6, 0x1F600, 0xE0001, 0x10FFFF]
            .compactMap(Unicode.Scalar.init)
        for scalar in scalars {
            for text in [String(scalar), "a\(scalar)", "\(scalar)b", "é\(scalar)\u{2028}\(scalar)\r\n"] {
                #expect(JSONValue.string(text).serialized() == reference(text), "U+\(String(scalar.value, radix: 16))")
            }
        }
        let all = String(String.UnicodeScalarView(scalars))
        let line = JSONValue.string(all).serialized()
        #expect(line == reference(all))
        #expect(try JSONSerialization.jsonObject(with: Data(line.utf8), options: .fragmentsAllowed) as? String == all)
    }
}
