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
}
