import NewsModel

/// Rule `attribution.blamed-author`: a country that blames one party for an attack on computers ("Albania has
/// blamed Iran for a second cyberattack on its public sector") names the alleged author of the cyberattacks on
/// it that the article reports without an author ("The new hack on Friday forced the Albanian government to
/// shut its systems"): those get the blamed party as actor, with certainty "alleged".
///
/// The blame is an accusation (CAMEO 112) by a country of a named target, in a sentence that speaks of an attack,
/// a hack or a breach; the cyberattacks (CAMEO 176) are those with no actor whose target is that country or one
/// of its bodies. Only when the article's blames name one party for that country: two blamed parties leave the
/// attacks without an actor. A third party's blame ("the US blamed Russia for the attack on Ukraine") names no
/// victim and fills nothing.
enum AttributionRule {
    static let id = "attribution.blamed-author"

    static func attributed(_ events: [Event]) -> [Event] {
        var blamed: [String: [Participant]] = [:]
        for event in events where event.cameo == "112" {
            guard let accuser = event.actor, accuser.kind == .country, let author = event.target,
                author.id != accuser.id, speaksOfAnAttack(event.sentence)
            else { continue }
            if !(blamed[accuser.id] ?? []).contains(where: { $0.id == author.id }) {
                blamed[accuser.id, default: []].append(author)
            }
        }
        guard !blamed.isEmpty else { return events }
        var result: [Event] = []
        for event in events {
            guard event.cameo == "176", event.actor == nil, let victim = event.target,
                let authors = blamed[victim.kind == .country ? victim.id : victim.country ?? ""], authors.count == 1
            else {
                result.append(event)
                continue
            }
            var filled = event
            filled.actor = authors[0]
            filled.certainty = "alleged"
            filled.rules = Array(Set(event.rules + [id])).sorted()
            if let same = result.firstIndex(where: { $0.isSameEvent(as: filled) }) {
                result[same].absorb(filled)
            } else {
                result.append(filled)
            }
        }
        return result
    }

    private static func speaksOfAnAttack(_ sentence: String) -> Bool {
        let lower = sentence.lowercased()
        return ["attack", "hack", "breach"].contains { lower.contains($0) }
    }
}
