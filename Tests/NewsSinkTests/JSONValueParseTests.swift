import Foundation
import NewsSink
import Testing

struct JSONValueParseTests {
    @Test func readsBackWhatTheEncoderWrites() {
        let value: JSONValue = .object([
            ("schema", .string("newsevents.event/3")), ("n", .int(-42)), ("x", .double(0.011)), ("ok", .bool(true)),
            ("none", .null), ("text", .string("Tab\there, \"quoted\", line\nbreak, \u{2028}, café, 🇦🇱, \u{1}")),
            ("list", .array([.int(1), .array([]), .object([])])),
        ])
        #expect(JSONValue.parse(Array(value.serialized().utf8)) == value)
    }

    @Test func readsEscapesAndSurrogatePairs() {
        let parsed = JSONValue.parse(Array(#" {"a" : "\u00e9\ud83c\udde6\/\\" , "b":[ 1e3 , 0 ]} "#.utf8))
        #expect(parsed?["a"]?.stringValue == "é🇦/\\")
        #expect(parsed?["b"] == .array([.double(1000), .int(0)]))
    }

    @Test func refusesWhatIsNotOneJSONText() {
        for text in [
            "", "{", #"{"a":1,}"#, #"{"a":1} x"#, "[01]", #""\ud83c""#, "\"tab\tin string\"", "nul", #"{"a" 1}"#,
            String(repeating: "[", count: 200) + String(repeating: "]", count: 200),
        ] {
            #expect(JSONValue.parse(Array(text.utf8)) == nil, "\(text.prefix(20))")
        }
        // Its twin: the same shapes, well formed, are read.
        for text in [
            "{}", #"{"a":1}"#, "[0]", #""\ud83c\udde6""#,
            String(repeating: "[", count: 100) + String(repeating: "]", count: 100),
        ] {
            #expect(JSONValue.parse(Array(text.utf8)) != nil, "\(text.prefix(20))")
        }
    }

    @Test func agreesWithFoundationOnTheGoldenRecords() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("fixtures")
        let file = folder.appendingPathComponent("seed-techmonitor-albania-iran.article.expected.jsonl")
        let line = try #require(try String(contentsOf: file, encoding: .utf8).split(separator: "\n").first)
        let ours = try #require(JSONValue.parse(Array(line.utf8)))
        let foundation = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(ours["text"]?.stringValue == foundation["text"] as? String)
        #expect(ours["events"]?.arrayValue?.count == (foundation["events"] as? [Any])?.count)
        #expect(ours.serialized() == String(line))
    }
}
