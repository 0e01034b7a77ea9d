import NewsLanguage
import Testing

@testable import NewsExtract

/// `Data/event-verbs.tsv` is searched in place by lookup keys that scripts/gen-data.py computes: every line's keys
/// must be what the Swift tokenizer gives for its form, in byte order.
struct EventVerbTableTests {
    @Test func everyLineIsKeyedAsSwiftTokenizesItsFormInByteOrder() {
        let table = EventLexicon.verbTable
        #expect(table.count > 7_000)
        var previous: [UInt8] = []
        for line in 0..<table.count {
            let fields = table.fields(line)
            #expect(fields.count == 4)
            #expect(fields[0] == TokenizedText.keys(of: fields[1]).joined(separator: " "), "\(fields)")
            let key = Array((fields[0] + "\t").utf8)
            #expect(!key.lexicographicallyPrecedes(previous), "\(fields)")
            previous = key
        }
    }

    @Test func verbFormsAreFoundLongestFirstWithTheirBlocks() throws {
        let tokens = TokenizedText("The ministers carried out raids and accused Iran.").tokens
        let found = EventLexicon.verbs(in: tokens).map { match in
            (tokens[match.start..<match.end].map(\.key).joined(separator: " "), match.payloads.map(\.block))
        }
        let carried = try #require(found.first { $0.0.hasPrefix("carried") })
        #expect(carried.0 == "carried out")
        #expect(found.contains { $0.0 == "accused" && !$0.1.isEmpty })
        #expect(!found.contains { $0.0 == "the" || $0.0 == "iran" })
    }
}
