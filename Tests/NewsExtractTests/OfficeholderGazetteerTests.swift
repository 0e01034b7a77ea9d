import NewsLanguage
import Testing

@testable import NewsExtract

/// The Phoenix tables are written by scripts/gen-data.py, whose tokenization is a copy of the Swift one: these
/// tests tokenize every row here and require the generated tables to hold exactly what that gives, sorted.
struct OfficeholderGazetteerTests {
    private let gazetteer = OfficeholderGazetteer.shared

    private func lines(_ table: SortedTable) -> [String] {
        (0..<table.count).map { String(decoding: table.line($0), as: UTF8.self) }
    }

    @Test func thePhoenixIndexHoldsEveryNameAndAliasAsSwiftTokenizesThem() {
        var expected = Set<String>()
        var surnames = Set<String>()
        for row in 0..<gazetteer.phoenix.count {
            let fields = gazetteer.phoenix.fields(row)
            let number = String(repeating: "0", count: 5 - String(row).count) + String(row)
            let name = TokenizedText.keys(of: fields[0])
            if name.count >= 2 { expected.insert(name.joined(separator: " ") + "\t" + number + "\tn") }
            surnames.insert(name.last! + "\t" + number)
            for alias in fields[1].split(separator: "|") {
                let keys = TokenizedText.keys(of: String(alias))
                if keys.count >= 2, keys != name {
                    expected.insert(keys.joined(separator: " ") + "\t" + number + "\ta")
                }
            }
        }
        #expect(gazetteer.phoenix.count > 17_000)
        #expect(Set(lines(gazetteer.phoenixIndex)) == expected)
        #expect(gazetteer.phoenixIndex.count == expected.count)
        #expect(Set(lines(gazetteer.phoenixSurnames)) == surnames)
    }

    @Test func theTablesAreSortedByTheirBytes() {
        for table in [gazetteer.phoenixIndex, gazetteer.phoenixSurnames] {
            let bytes = (0..<table.count).map { Array(table.line($0)) }
            #expect(zip(bytes, bytes.dropFirst()).allSatisfy { $0.lexicographicallyPrecedes($1) })
        }
    }

    @Test func aPhoenixRowNamedLikeACuratedPersonIsThatPerson() throws {
        // Angela Merkel is in both tables: one person, the curated one, with the Phoenix roles after the curated.
        let matches = gazetteer.matches(in: TokenizedText("Angela Merkel spoke.").tokens) { _ in true }
        let match = try #require(matches.first)
        #expect(match.payloads.count == 1)
        let person = try #require(match.payloads.first?.person)
        #expect(person < gazetteer.curated.count)
        #expect(gazetteer.merged.values.contains(person))
        let roles = gazetteer.person(person).roles
        #expect(roles.first?.office != nil)
        #expect(roles.last?.office == nil)
        // Donald Trump is only in the curated table: his roles all have an office.
        let trump = gazetteer.matches(in: TokenizedText("Donald Trump spoke.").tokens) { _ in true }
        let trumpPerson = try #require(trump.first?.payloads.first?.person)
        #expect(!gazetteer.merged.values.contains(trumpPerson))
        #expect(gazetteer.person(trumpPerson).roles.allSatisfy { $0.office != nil })
        // A Phoenix-only person by an alias: the row's person.
        let vance = gazetteer.matches(in: TokenizedText("Cyrus R. Vance said").tokens) { _ in true }
        #expect(vance.count == 1)
        let row = try #require(vance.first?.payloads.first?.person)
        #expect(row >= gazetteer.curated.count)
        #expect(gazetteer.person(row).name == "Cyrus Vance")
        #expect(gazetteer.person(row).roles.first?.affiliation == "USA")
    }

    @Test func surnamesFindCuratedAndPhoenixPeopleOnce() {
        let vances = gazetteer.people(surnamed: "vance")
        #expect(vances.contains { gazetteer.person($0).name == "Cyrus Vance" })
        #expect(Set(vances).count == vances.count)
        #expect(gazetteer.people(surnamed: "zzzz").isEmpty)
        let trumps = gazetteer.people(surnamed: "trump").map { gazetteer.person($0).name }
        #expect(trumps.filter { $0 == "Donald Trump" }.count == 1)
    }
}
