import NewsModel

/// Rule `reciprocal.coordinated-subjects`: an act that two sides do with each other (`Data/reciprocal-codes.tsv`:
/// agreeing, meeting, negotiating, signing, cooperating), done by coordinated subjects with no other target,
/// is an act of each subject toward each other one: "Portugal and Morocco signed a deal" gives PRT → MAR and
/// MAR → PRT; "the Bolivian and Chilean ministers agreed" gives BOL → CHL and CHL → BOL.
enum ReciprocalRule {
    static let id = "reciprocal.coordinated-subjects"

    static let codes: Set<String> = Set(
        EmbeddedData.reciprocalCodes.split(separator: "\n").compactMap { line in
            guard let code = line.split(separator: "\t").first, code.allSatisfy(\.isNumber) else { return nil }
            return String(code)
        })

    /// The actor → target pairs for `cameo` done by `subjects`, or nil when the rule does not apply: the code
    /// is not reciprocal, fewer than two distinct subjects, or the coder found a target that is no subject.
    static func pairs(
        cameo: String, subjects: [Participant], coded: [(Participant?, Participant?)]
    ) -> [(Participant?, Participant?)]? {
        let ids = subjects.map(\.id)
        guard codes.contains(cameo), Set(ids).count >= 2,
            coded.allSatisfy({ pair in
                pair.0.map { ids.contains($0.id) } ?? true && pair.1.map { ids.contains($0.id) } ?? true
            })
        else { return nil }
        var result: [(Participant?, Participant?)] = []
        for actor in subjects {
            for target in subjects where target.id != actor.id && target.country.map({ $0 != actor.country }) ?? true {
                result.append((actor, target))
            }
        }
        return result.isEmpty ? nil : result
    }
}
