import NewsLanguage
import NewsModel

/// People who held public office, with date-bounded roles: the project's own `Data/officeholders.tsv` (heads of
/// state and government, foreign and defence ministers and heads of international bodies since 2009) and
/// `Data/officeholders-phoenix.tsv` (about 17,000 office-holders from the Phoenix dictionaries, up to 2014).
///
/// A role is read as of the article's date, so "Edi Rama said" in 2022 links to Albania's prime minister, and
/// a bare surname ("Trump", "Erdogan") counts only while its holder is in office. Built once, immutable, shared.
package struct OfficeholderGazetteer: Sendable {
    struct Role: Sendable {
        /// A country (alpha-3) or an international body's name.
        var affiliation: String
        var office: String?
        /// `YYYY-MM-DD`, empty when open-ended.
        var from: String
        var to: String

        func holds(on day: String) -> Bool { (from.isEmpty || from <= day) && (to.isEmpty || day < to) }
    }

    struct Person: Sendable {
        var id: String
        /// The name as the data writes it (used when the text names the person by surname alone).
        var name: String
        var roles: [Role]
    }

    struct Form: Sendable {
        var person: Int
        /// A one-word surname form: it names the person only while they hold an office of the curated file.
        var surnameOnly: Bool
    }

    /// The curated table's people (by first appearance), with the roles of the Phoenix row of the same name
    /// appended; Phoenix people follow them as `curated.count + row`.
    let curated: [Person]
    let trie: PhraseTrie<Form>
    /// The curated people by the last word of their name ("bush" → both presidents Bush), for "President Bush";
    /// the Phoenix people come from ``phoenixSurnames``.
    let curatedSurnames: [String: [Int]]
    /// The curated table's holders by "COUNTRY|office", each with the role.
    let holders: [String: [(person: Int, role: Role)]]
    /// `Data/officeholders-phoenix.tsv`, its names and aliases by lookup keys, and its people by surname: the
    /// three tables `scripts/gen-data.py` writes, searched where the binary holds them (``SortedTable``).
    let phoenix: SortedTable
    let phoenixIndex: SortedTable
    let phoenixSurnames: SortedTable
    /// Phoenix rows whose name is a curated person's: that person.
    let merged: [Int: Int]

    static let shared = OfficeholderGazetteer(
        curated: EmbeddedData.officeholders, phoenix: SortedTable(EmbeddedData.officeholdersPhoenix, indexed: false),
        index: SortedTable(EmbeddedData.officeholdersPhoenixIndex, keyStops: [0x20, 0x09]),
        surnames: SortedTable(EmbeddedData.officeholdersPhoenixSurnames))

    init(curated table: String, phoenix: SortedTable, index: SortedTable, surnames: SortedTable) {
        var people: [Person] = []
        var byID: [String: Int] = [:]
        var trie = PhraseTrie<Form>()
        var added = Set<String>()
        var holders: [String: [(person: Int, role: Role)]] = [:]
        var nameKeys: [[String]] = []
        for row in CountryGazetteer.rows(table) where row.count >= 6 {
            let keys = TokenizedText.keys(of: row[0])
            let id = Self.id(keys: keys)
            let who: Int
            if let known = byID[id] {
                who = known
            } else {
                people.append(Person(id: id, name: row[0], roles: []))
                nameKeys.append(keys)
                who = people.count - 1
                byID[id] = who
            }
            let role = Role(affiliation: row[2], office: row[3], from: row[4], to: row[5])
            people[who].roles.append(role)
            holders[row[2] + "|" + row[3], default: []].append((who, role))
            let aliases = row[1].split(separator: "|").map { (String($0), !$0.contains(" ")) }
            for (form, surnameOnly) in [(row[0], false)] + aliases {
                let formKeys = TokenizedText.keys(of: form)
                guard surnameOnly ? formKeys.count == 1 : formKeys.count >= 2,
                    added.insert(formKeys.joined(separator: " ") + "|\(who)").inserted
                else { continue }
                trie.insert(formKeys, payload: Form(person: who, surnameOnly: surnameOnly))
            }
        }
        // A Phoenix row of the same name is the same person: its roles follow the curated ones.
        var merged: [Int: Int] = [:]
        for (who, keys) in nameKeys.enumerated() where keys.count >= 2 {
            let entries = index.lines(
                startingWith: Array((keys.joined(separator: " ") + "\t").utf8), in: 0..<index.count)
            for entry in entries {
                let fields = index.fields(entry)
                guard fields.count == 3, fields[2] == "n", let row = Int(fields[1]) else { continue }
                merged[row] = who
                people[who].roles += Self.roles(phoenix.fields(row))
            }
        }
        var curatedSurnames: [String: [Int]] = [:]
        for (who, keys) in nameKeys.enumerated() {
            if let last = keys.last { curatedSurnames[last, default: []].append(who) }
        }
        self.curated = people
        self.trie = trie
        self.holders = holders
        self.curatedSurnames = curatedSurnames
        self.phoenix = phoenix
        self.phoenixIndex = index
        self.phoenixSurnames = surnames
        self.merged = merged
    }

    static func id(keys: [String]) -> String { "person:" + keys.joined(separator: "-") }

    /// The roles column of a Phoenix row: space-separated `COUNTRY:SECTOR:FROM:TO`.
    static func roles(_ fields: [String]) -> [Role] {
        guard fields.count >= 3 else { return [] }
        return fields[2].split(separator: " ").compactMap { role in
            let parts = role.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            return parts.count == 4 ? Role(affiliation: parts[0], office: nil, from: parts[2], to: parts[3]) : nil
        }
    }

    /// The person of a Phoenix row: the curated person of the same name, else `curated.count + row`.
    func person(ofRow row: Int) -> Int { merged[row] ?? curated.count + row }

    /// Person `index`: a curated one, or a Phoenix row read from the table.
    func person(_ index: Int) -> Person {
        if index < curated.count { return curated[index] }
        let fields = phoenix.fields(index - curated.count)
        return Person(id: Self.id(keys: TokenizedText.keys(of: fields[0])), name: fields[0], roles: Self.roles(fields))
    }

    /// The leftmost-longest names and aliases in `tokens` for which `accept` holds, not overlapping: the curated
    /// table's forms, then the Phoenix table's for the same words (one form per person).
    func matches(
        in tokens: [Token], accept: (PhraseTrie<Form>.Match) -> Bool
    ) -> [PhraseTrie<Form>.Match] {
        PhraseTrie<Form>.leftmostLongest(tokenCount: tokens.count, accept: accept) { start, found in
            var ends: [(end: Int, payloads: [Form])] = []
            trie.phrases(in: tokens, from: start) { ends.append(($0, $1)) }
            phoenixPhrases(in: tokens, from: start) { end, rows in
                let people = rows.map { person(ofRow: $0) }
                if let at = ends.firstIndex(where: { $0.end == end }) {
                    let known = Set(ends[at].payloads.map(\.person))
                    ends[at].payloads += people.filter { !known.contains($0) }.map {
                        Form(person: $0, surnameOnly: false)
                    }
                } else {
                    ends.append((end, people.map { Form(person: $0, surnameOnly: false) }))
                }
            }
            for (end, payloads) in ends.sorted(by: { $0.end < $1.end }) { found(end, payloads) }
        }
    }

    /// The Phoenix rows named by `tokens[start..<end]`, for each `end` that gives a name or alias, shortest first.
    private func phoenixPhrases(in tokens: [Token], from start: Int, _ found: (Int, [Int]) -> Void) {
        phoenixIndex.phrases(in: tokens, from: start) { end, lines in
            found(end, lines.compactMap { Int(phoenixIndex.field($0, 1)) })
        }
    }

    /// The people whose name ends in `surname`: curated ones first, then Phoenix rows (those not merged into a
    /// curated person).
    func people(surnamed surname: String) -> [Int] {
        let rows = phoenixSurnames.lines(ofKey: surname) ?? 0..<0
        return (curatedSurnames[surname] ?? [])
            + rows.compactMap { Int(phoenixSurnames.fields($0)[1]) }.filter { merged[$0] == nil }.map {
                curated.count + $0
            }
    }

    /// The affiliation that every holder of `surname` had on `day`, when they agree ("President Bush": USA);
    /// with the person when only one has that surname.
    func titledSurname(_ surname: String, on day: String?) -> (affiliation: String, person: Int?)? {
        let candidates = people(surnamed: surname)
        guard !candidates.isEmpty else { return nil }
        let affiliations = Set(candidates.compactMap { role(of: $0, on: day)?.affiliation })
        guard affiliations.count == 1, let affiliation = affiliations.first else { return nil }
        return (affiliation, candidates.count == 1 ? candidates[0] : nil)
    }

    /// The role that describes `person` on `day`: one held that day (the project's own data first), else
    /// the last one before it, else the latest. Without a day, the latest.
    func role(of person: Int, on day: String?) -> Role? {
        let roles = self.person(person).roles
        guard let day else { return roles.max { $0.from < $1.from } }
        if let current = roles.first(where: { $0.holds(on: day) }) { return current }
        let before = roles.filter { !$0.to.isEmpty && $0.to <= day }
        return before.max { $0.to < $1.to } ?? roles.max { $0.from < $1.from }
    }

    /// Whether `person` holds an office of the project's curated file on `day` (surname-alone forms need it).
    /// Whether someone other than `person` held the office that `title` names ("President", "foreign
    /// minister") in `country` on `day`, by the curated table. False when the title names no office of the
    /// table, when there is no day, or when the table knows no holder then.
    func office(_ title: String?, of country: String, isHeldByOtherThan person: Int?, on day: String?) -> Bool {
        guard let title, let day else { return false }
        let office = title.lowercased().split(separator: " ").filter { !Self.titleQualifiers.contains(String($0)) }
            .joined(separator: " ")
        return (holders[country + "|" + office] ?? []).contains { $0.person != person && $0.role.holds(on: day) }
    }

    /// Words of a title that do not change the office it names.
    static let titleQualifiers: WordSet = ["the", "country's", "current", "incumbent", "new", "sitting"]

    func holdsCuratedOffice(_ person: Int, on day: String?) -> Bool {
        guard let day else { return false }
        return person < curated.count && curated[person].roles.contains { $0.office != nil && $0.holds(on: day) }
    }
}

extension OfficeholderGazetteer {
    /// The names of the embedded Phoenix officeholder file, in file order (for the matching benchmark).
    package static func phoenixNames(limit: Int) -> [String] {
        let table = shared.phoenix
        return (0..<min(limit, table.count)).map { table.fields($0)[0] }
    }
}
