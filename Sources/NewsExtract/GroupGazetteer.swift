import NewsLanguage

/// Groups with names: international organisations, government bodies, militaries, parties, armed groups,
/// companies, media (`Data/organizations.tsv`) and threat actors with every alias (`Data/threat-actors.tsv`,
/// from MISP and MITRE ATT&CK), every name by its lookup keys in `Data/group-forms.tsv` (derived by
/// `scripts/gen-data.py`), searched where the binary holds it: a start of the program builds no trie of the
/// 3,200 names. Immutable, shared by every worker.
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

    /// `Data/group-forms.tsv`: keys (space separated), form, id, name, kind, country, case rules, cyber context.
    let table: SortedTable
    let countryForms: CountryGazetteer

    static let shared = GroupGazetteer(
        table: SortedTable(EmbeddedData.groupForms, keyStops: [0x20, 0x09]), countryForms: CountryGazetteer.shared)

    /// The leftmost-longest names in `tokens` for which `accept` holds, not overlapping.
    func matches(
        in tokens: [Token], accept: (PhraseTrie<Form>.Match) -> Bool = { _ in true }
    ) -> [PhraseTrie<Form>.Match] {
        PhraseTrie<Form>.leftmostLongest(tokenCount: tokens.count, accept: accept) { start, found in
            table.phrases(in: tokens, from: start) { end, lines in
                let forms = forms(lines, keys: tokens[start..<end].map(\.key))
                if !forms.isEmpty { found(end, forms) }
            }
        }
    }

    /// Whether the phrase `keys` is a name of the table.
    func contains(_ keys: [String]) -> Bool { !forms(of: keys).isEmpty }

    /// The forms whose lookup keys are exactly `keys`.
    func forms(of keys: [String]) -> [Form] {
        guard let first = keys.first, let range = table.lines(ofKey: first) else { return [] }
        let lines = table.lines(startingWith: Array((keys.joined(separator: " ") + "\t").utf8), in: range)
        return forms(lines, keys: keys)
    }

    /// The forms of the table's `lines` (one phrase, `keys`). A threat actor's alias that is a country's name
    /// ("China") is never one.
    private func forms(_ lines: Range<Int>, keys: [String]) -> [Form] {
        var namesCountry: Bool?
        return lines.compactMap { line -> Form? in
            let fields = table.fields(line)
            guard fields.count == 8 else { return nil }
            if fields[4] == "threat_actor" {
                if namesCountry == nil { namesCountry = countryForms.trie.contains(keys) }
                if namesCountry == true { return nil }
            }
            return Form(
                id: fields[2], name: fields[3], kind: fields[4], country: fields[5].isEmpty ? nil : fields[5],
                caseRules: fields[6].utf8.map { $0 &- 0x30 }, needsCyberContext: fields[7] == "1")
        }
    }
}
