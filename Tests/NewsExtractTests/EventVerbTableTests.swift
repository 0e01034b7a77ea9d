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

    /// The word bits rule a pattern out only when it cannot match: every pattern of every verb's block in
    /// sentences of our own is tried with and without them.
    @Test func theWordBitsRuleOutNoPatternThatMatches() {
        let sentences = [
            "Iran accused the United States of torture and threatened to retaliate against Israel.",
            "The minister praised the agreement and urged both sides to resume talks in Geneva.",
            "Rebels attacked a convoy, and the army fired on protesters who had gathered outside parliament.",
            "Russia sent troops to the border after Ukraine asked for military aid from its allies.",
            "The court sentenced the opposition leader to five years in prison for treason.",
            "Officials said they would impose sanctions on the firm unless it returned the seized ships.",
        ]
        var matched = 0
        var ruledOut = 0
        for sentence in sentences {
            let tokens = TokenizedText(sentence).tokens
            let present = EventLexicon.WordBits.of(tokens)
            for verb in EventLexicon.verbs(in: tokens) {
                for payload in verb.payloads {
                    for pattern in EventLexicon.patterns(of: payload.block) {
                        let possible = pattern.required.allSatisfy { $0 & present != SIMD4() }
                        if EventLexicon.matches(pattern, tokens: tokens, start: verb.start, end: verb.end) {
                            matched += 1
                            #expect(possible, "\(sentence) \(payload.block) \(pattern.code)")
                        } else if !possible {
                            ruledOut += 1
                        }
                    }
                }
            }
        }
        // Both happen: patterns match, and most of the others are ruled out without reading tokens.
        #expect(matched >= 5)
        #expect(ruledOut > 500)
    }
}
