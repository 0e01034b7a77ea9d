import NewsModel

/// Rule `roles.halves`: one act that a sentence names twice, once by what was done to whom and once by who did
/// it, is one event. "Iran's steel industry was hit by a major cyberattack, thought to be instigated by
/// pro-Israel hackers" codes the passive verb with a target and no actor, and the attack noun with an actor and
/// no target: together they are one cyberattack by the hackers on Iran.
///
/// It applies to the events of one sentence with the same type, mode and CAMEO code when exactly one of them
/// has only a target and exactly one has only an actor, each mentioned once (an event that other sentences
/// mention too is not split between them), their dates do not disagree and the target is not the actor. The
/// joined event takes the target event's place; when the article already holds the same event, it counts as
/// one more mention of it.
enum HalvesRule {
    static let id = "roles.halves"

    static func joined(_ events: [Event]) -> [Event] {
        struct Key: Hashable {
            var sentenceStart: Int
            var type: String
            var mode: String?
            var cameo: String
        }
        var targetOnly: [Key: [Int]] = [:]
        var actorOnly: [Key: [Int]] = [:]
        for (index, event) in events.enumerated() where event.mentionCount == 1 {
            let key = Key(sentenceStart: event.sentenceStart, type: event.type, mode: event.mode, cameo: event.cameo)
            switch (event.actor, event.target) {
            case (nil, .some): targetOnly[key, default: []].append(index)
            case (.some, nil): actorOnly[key, default: []].append(index)
            default: break
            }
        }
        var result = events
        var dropped = Set<Int>()
        // In the events' order, so that the result does not depend on how a dictionary orders its keys.
        for (key, targets) in targetOnly.sorted(by: { $0.value[0] < $1.value[0] }) {
            guard targets.count == 1, let actors = actorOnly[key], actors.count == 1 else { continue }
            let (first, second) = (events[targets[0]], events[actors[0]])
            if let one = first.date?.value, let other = second.date?.value, one != other { continue }
            // One does not act on oneself: a target-only half and an actor-only half of the same party are two acts.
            if first.target?.id == second.actor?.id { continue }
            var joined = first
            joined.actor = second.actor
            joined.date = first.date ?? second.date
            joined.rules = Array(Set(first.rules + second.rules + [id])).sorted()
            dropped.insert(actors[0])
            if let same = result.indices.first(where: {
                !dropped.contains($0) && $0 != targets[0] && result[$0].isSameEvent(as: joined)
            }) {
                result[same].absorb(joined)
                dropped.insert(targets[0])
            } else {
                result[targets[0]] = joined
            }
        }
        return result.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
    }
}
