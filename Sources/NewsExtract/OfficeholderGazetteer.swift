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

    let people: [Person]
    let trie: PhraseTrie<Form>
    /// People by the last word of their name ("bush" → both presidents Bush), for "President Bush".
    let surnames: [String: [Int]]
    /// The curated table's holders by "COUNTRY|office", each with the role.
    let holders: [String: [(person: Int, role: Role)]]

    static let shared = OfficeholderGazetteer(
        curated: EmbeddedData.officeholders, phoenix: EmbeddedData.officeholdersPhoenix)

    init(curated: String, phoenix: String) {
        var people: [Person] = []
        var index: [String: Int] = [:]
        var trie = PhraseTrie<Form>()
        var added = Set<String>()
        // A name is tokenized once, for its id and its trie entry (every start of the program pays this).
        func person(named name: String, keys: [String]) -> Int {
            let id = "person:" + keys.joined(separator: "-")
            if let known = index[id] { return known }
            people.append(Person(id: id, name: name, roles: []))
            index[id] = people.count - 1
            return people.count - 1
        }
        func add(_ form: String, person: Int, surnameOnly: Bool, keys given: [String]? = nil) {
            let keys = given ?? TokenizedText.keys(of: form)
            guard surnameOnly ? keys.count == 1 : keys.count >= 2 else { return }
            let key = keys.joined(separator: " ") + "|\(person)"
            guard added.insert(key).inserted else { return }
            trie.insert(keys, payload: Form(person: person, surnameOnly: surnameOnly))
        }
        var holders: [String: [(person: Int, role: Role)]] = [:]
        for row in CountryGazetteer.rows(curated) where row.count >= 6 {
            let nameKeys = TokenizedText.keys(of: row[0])
            let who = person(named: row[0], keys: nameKeys)
            let role = Role(affiliation: row[2], office: row[3], from: row[4], to: row[5])
            people[who].roles.append(role)
            holders[row[2] + "|" + row[3], default: []].append((who, role))
            add(row[0], person: who, surnameOnly: false, keys: nameKeys)
            for alias in row[1].split(separator: "|").map(String.init) {
                add(alias, person: who, surnameOnly: !alias.contains(" "))
            }
        }
        for row in CountryGazetteer.rows(phoenix) where row.count >= 3 {
            let nameKeys = TokenizedText.keys(of: row[0])
            let who = person(named: row[0], keys: nameKeys)
            for role in row[2].split(separator: " ") {
                let parts = role.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 4 else { continue }
                people[who].roles.append(Role(affiliation: parts[0], office: nil, from: parts[2], to: parts[3]))
            }
            add(row[0], person: who, surnameOnly: false, keys: nameKeys)
            for form in row[1].split(separator: "|").map(String.init) {
                add(form, person: who, surnameOnly: false)
            }
        }
        self.people = people
        self.trie = trie
        self.holders = holders
        var surnames: [String: [Int]] = [:]
        for (index, person) in people.enumerated() {
            guard let last = person.id.split(separator: "-").last else { continue }
            surnames[String(last), default: []].append(index)
        }
        self.surnames = surnames
    }

    /// The affiliation that every holder of `surname` had on `day`, when they agree ("President Bush": USA);
    /// with the person when only one has that surname.
    func titledSurname(_ surname: String, on day: String?) -> (affiliation: String, person: Int?)? {
        guard let candidates = surnames[surname], !candidates.isEmpty else { return nil }
        let affiliations = Set(candidates.compactMap { role(of: $0, on: day)?.affiliation })
        guard affiliations.count == 1, let affiliation = affiliations.first else { return nil }
        return (affiliation, candidates.count == 1 ? candidates[0] : nil)
    }

    /// The role that describes `person` on `day`: one held that day (the project's own data first), else
    /// the last one before it, else the latest. Without a day, the latest.
    func role(of person: Int, on day: String?) -> Role? {
        let roles = people[person].roles
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
    static let titleQualifiers: Set<String> = ["the", "country's", "current", "incumbent", "new", "sitting"]

    func holdsCuratedOffice(_ person: Int, on day: String?) -> Bool {
        guard let day else { return false }
        return people[person].roles.contains { $0.office != nil && $0.holds(on: day) }
    }
}

extension OfficeholderGazetteer {
    /// The names of the embedded Phoenix officeholder file, in file order (for the matching benchmark).
    package static func phoenixNames(limit: Int) -> [String] {
        CountryGazetteer.rows(EmbeddedData.officeholdersPhoenix).prefix(limit).map { $0[0] }
    }
}
