/// Groups with names: international organisations, government bodies, militaries, parties, armed groups,
/// companies, media (`Data/organizations.tsv`) and threat actors with every alias (`Data/threat-actors.tsv`,
/// from MISP and MITRE ATT&CK). Built once, immutable, shared by every worker.
struct GroupGazetteer: Sendable {
    struct Form: Sendable {
        /// The group's canonical id (an ATT&CK id such as "G0069", "misp:<uuid prefix>", or the
        /// organisation's id).
        var id: String
        var name: String
        var kind: String
        var country: String?
        /// Case rules per token, as for countries: 2 all capitals, 1 capitalised, 0 any.
        var caseRules: [UInt8]
        /// A threat-actor alias that is also an ordinary word ("Turla", "Silence", "MERCURY"): it counts only
        /// with cyber vocabulary nearby.
        var needsCyberContext: Bool
    }

    let trie: PhraseTrie<Form>

    static let shared = GroupGazetteer(
        organizations: EmbeddedData.organizations, threatActors: EmbeddedData.threatActors,
        countryForms: CountryGazetteer.shared)

    init(organizations: String, threatActors: String, countryForms: CountryGazetteer) {
        var trie = PhraseTrie<Form>()
        func add(_ form: String, id: String, name: String, kind: String, country: String?, threatActor: Bool) {
            let tokens = TokenizedText.tokens(of: form)
            guard !tokens.isEmpty, form.unicodeScalars.count >= 2 else { return }
            let keys = tokens.map(\.key)
            let rules: [UInt8] = tokens.map { token in
                if token.isAllCaps && token.end - token.start <= 6 { return 2 }
                return token.isCapitalized ? 1 : 0
            }
            var needsContext = false
            if threatActor {
                // Threat-actor aliases that are a country's name ("China") or all lower case are never used.
                if countryForms.trie.contains(keys) { return }
                // Scalars, not Characters: no grapheme breaking over thousands of aliases at every start.
                let hasDigit = form.unicodeScalars.contains {
                    $0.isASCII ? ($0.value >= 0x30 && $0.value <= 0x39) : $0.properties.numericType != nil
                }
                guard rules.contains(where: { $0 > 0 }) || hasDigit else { return }
                let single = tokens.count == 1
                let camelCase =
                    form.unicodeScalars.dropFirst().contains {
                        $0.isASCII ? ($0.value >= 0x41 && $0.value <= 0x5A) : $0.properties.isUppercase
                    } && !tokens[0].isAllCaps
                needsContext = single && !hasDigit && !camelCase
            }
            trie.insert(
                keys,
                payload: Form(
                    id: id, name: name, kind: kind, country: country, caseRules: rules, needsCyberContext: needsContext)
            )
        }
        for row in CountryGazetteer.rows(organizations) where row.count >= 5 {
            let country = row[3].isEmpty ? nil : row[3]
            var forms = [row[1]] + row[4].split(separator: "|").map(String.init)
            // "US Treasury Department" and "U.S. Treasury Department" are one name written two ways.
            forms += forms.filter { $0.hasPrefix("US ") }.map { "U.S. " + $0.dropFirst(3) }
            forms += forms.filter { $0.hasPrefix("U.S. ") }.map { "US " + $0.dropFirst(5) }
            for form in Set(forms).sorted() {
                add(form, id: row[0], name: row[1], kind: row[2], country: country, threatActor: false)
            }
        }
        for row in CountryGazetteer.rows(threatActors) where row.count >= 4 {
            let country = row[2].isEmpty ? nil : row[2]
            for form in [row[1]] + row[3].split(separator: "|").map(String.init) {
                add(form, id: row[0], name: row[1], kind: "threat_actor", country: country, threatActor: true)
            }
        }
        self.trie = trie
    }
}
