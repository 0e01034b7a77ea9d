import Testing

@testable import NewsModel

/// The model's raw values are part of the published record format: changing one is a schema change.
struct RecordVocabularyTests {
    @Test func entityKindsAreTheDocumentedStrings() {
        #expect(Entity.Kind.allCases.map(\.rawValue) == ["country", "group", "official"])
    }

    @Test func timeExpressionTypesAreTIMEX3Types() {
        let kinds: [TimeExpression.Kind] = [.date, .time, .duration, .set]
        #expect(kinds.map(\.rawValue) == ["DATE", "TIME", "DURATION", "SET"])
    }

    @Test func theVersionIsSemantic() {
        let parts = NewsEventsVersion.string.split(separator: ".")
        #expect(parts.count == 3)
        #expect(parts.allSatisfy { Int($0) != nil })
    }

    @Test func theQuadClassIsTheCodebooksForEveryCAMEORoot() {
        let expected = [1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4]
        #expect((1...20).map { Event.quadClass(ofCAMEO: ($0 < 10 ? "0" : "") + "\($0)0") } == expected)
        #expect(Event.quadClass(ofCAMEO: "016") == 1 && Event.quadClass(ofCAMEO: "1124") == 3)
        // Its twin: what is no CAMEO code has no quad class.
        #expect(
            Event.quadClass(ofCAMEO: "") == 0 && Event.quadClass(ofCAMEO: "21") == 0
                && Event.quadClass(ofCAMEO: "x1") == 0)
    }
}
