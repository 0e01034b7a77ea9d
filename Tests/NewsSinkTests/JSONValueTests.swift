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
}
