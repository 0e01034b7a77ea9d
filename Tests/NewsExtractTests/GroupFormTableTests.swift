import NewsLanguage
import Testing

@testable import NewsExtract

/// `Data/group-forms.tsv` is derived by `scripts/gen-data.py` (Python); the matcher relies on its keys and case
/// rules being what the Swift tokenizer makes of each name. Derived here again, name by name, from the two
/// tables it is made from.
struct GroupFormTableTests {
    /// What the table must hold for `form`: keys, case rules, and for a threat actor whether the alias needs
    /// cyber vocabulary nearby; nil for a name that is left out.
    private func derived(_ form: String, threatActor: Bool) -> (keys: String, rules: String, cyber: Bool)? {
        let tokens = TokenizedText(form).tokens
        guard !tokens.isEmpty, form.unicodeScalars.count >= 2 else { return nil }
        let rules = tokens.map { token -> String in
            if token.isAllCaps && token.end - token.start <= 6 { return "2" }
            return token.isCapitalized ? "1" : "0"
        }.joined()
        var cyber = false
        if threatActor {
            let hasDigit = form.unicodeScalars.contains { $0.properties.numericType != nil }
            guard rules.contains(where: { $0 != "0" }) || hasDigit else { return nil }
            let camelCase =
                form.unicodeScalars.dropFirst().contains { $0.properties.isUppercase } && !tokens[0].isAllCaps
            cyber = tokens.count == 1 && !hasDigit && !camelCase
        }
        return (tokens.map(\.key).joined(separator: " "), rules, cyber)
    }

    @Test func everyLineIsWhatTheTokenizerMakesOfItsName() throws {
        let table = SortedTable(EmbeddedData.groupForms, keyStops: [0x20, 0x09])
        var lines: [String: [String]] = [:]
        for index in 0..<table.count {
            let fields = table.fields(index)
            try #require(fields.count == 8)
            let form = try #require(derived(fields[1], threatActor: fields[4] == "threat_actor"), "\(fields)")
            #expect(fields[0] == form.keys, "\(fields)")
            #expect(fields[6] == form.rules, "\(fields)")
            #expect(fields[7] == (form.cyber ? "1" : "0"), "\(fields)")
            lines[fields[2] + "\t" + fields[1], default: []].append(fields[0])
        }
        // Every name of the two source tables that is kept is in the table, and nothing else is.
        var expected = 0
        for row in CountryGazetteer.rows(EmbeddedData.organizations) where row.count >= 5 {
            var forms = [row[1]] + row[4].split(separator: "|").map(String.init)
            forms += forms.filter { $0.hasPrefix("US ") }.map { "U.S. " + $0.dropFirst(3) }
            forms += forms.filter { $0.hasPrefix("U.S. ") }.map { "US " + $0.dropFirst(5) }
            for form in Set(forms) where derived(form, threatActor: false) != nil {
                expected += 1
                #expect(lines[row[0] + "\t" + form] != nil, "\(row[0]) \(form)")
            }
        }
        for row in CountryGazetteer.rows(EmbeddedData.threatActors) where row.count >= 4 {
            for form in [row[1]] + row[3].split(separator: "|").map(String.init)
            where derived(form, threatActor: true) != nil {
                expected += 1
                #expect(lines[row[0] + "\t" + form] != nil, "\(row[0]) \(form)")
            }
        }
        #expect(table.count == expected)
        #expect(table.count > 3_000)
    }

    @Test func aThreatActorsAliasThatIsACountrysNameIsNoName() {
        // A table of the same shape: a threat actor listed with the alias "China" (the country's name) and
        // "Panda Team", and an organisation.
        let table: StaticString = """
            keys\tform\tid\tname\tkind\tcountry\tcase\tcyber_context
            china\tChina\tG9\tTest Panda\tthreat_actor\tCHN\t1\t1
            panda team\tPanda Team\tG9\tTest Panda\tthreat_actor\tCHN\t11\t0
            united nations\tUnited Nations\tun\tUnited Nations\tintergov\t\t11\t0

            """
        let gazetteer = GroupGazetteer(
            table: SortedTable(table, keyStops: [0x20, 0x09]), countryForms: CountryGazetteer.shared)
        #expect(!gazetteer.contains(["china"]))
        #expect(gazetteer.contains(["panda", "team"]))
        #expect(gazetteer.contains(["united", "nations"]))
        #expect(!gazetteer.contains(["united"]))
        let text = TokenizedText("China said the Panda Team hacked the United Nations.")
        let found = gazetteer.matches(in: text.tokens).map { match in
            (text.tokens[match.start..<match.end].map(\.key).joined(separator: " "), match.payloads.map(\.id))
        }
        #expect(found.map(\.0) == ["panda team", "united nations"])
        #expect(found.map(\.1) == [["G9"], ["un"]])
    }

    @Test func theShippedTableFindsNamesAndAliases() {
        let gazetteer = GroupGazetteer.shared
        #expect(gazetteer.contains(["fancy", "bear"]))
        #expect(gazetteer.contains(["the", "united", "nations"]))
        #expect(!gazetteer.contains(["fancy"]))
        let text = TokenizedText("Fancy Bear targeted the United Nations.")
        let found = gazetteer.matches(in: text.tokens).map { match in
            text.tokens[match.start..<match.end].map(\.key).joined(separator: " ")
        }
        #expect(found == ["fancy bear", "the united nations"])
    }
}
