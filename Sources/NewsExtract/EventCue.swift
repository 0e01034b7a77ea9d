/// A word or phrase that signals an event, with its coding.
struct EventCue: Sendable {
    /// PLOVER type, mode and contexts.
    var type: String
    var mode: String?
    var context: [String]
    /// CAMEO code, leading zeros kept.
    var cameo: String
    var quadClass: Int
    /// Whether the cue is a noun ("cyberattack on X"): the target follows "on/against/targeting", the actor
    /// follows "by" or precedes as a possessive.
    var nominal: Bool
}

/// The first event lexicon: the cues most frequent in international news, each inflected form listed.
/// The event issue replaces it with one derived from the CAMEO verb dictionary.
enum EventLexicon {
    static let entries: [(forms: [String], cue: EventCue)] = [
        (
            [
                "blame", "blames", "blamed", "blaming", "accuse", "accuses", "accused", "accusing", "accusation",
                "accusations",
            ],
            EventCue(type: "ACCUSE", mode: nil, context: [], cameo: "112", quadClass: 3, nominal: false)
        ),
        (
            [
                "condemn", "condemns", "condemned", "condemning", "denounce", "denounces", "denounced", "criticize",
                "criticizes", "criticized", "criticise", "criticises", "criticised",
            ],
            EventCue(type: "ACCUSE", mode: "disapprove", context: [], cameo: "111", quadClass: 3, nominal: false)
        ),
        (
            ["deny", "denies", "denied", "denying"],
            EventCue(type: "REJECT", mode: nil, context: [], cameo: "016", quadClass: 3, nominal: false)
        ),
        (
            ["reject", "rejects", "rejected", "rejecting"],
            EventCue(type: "REJECT", mode: nil, context: [], cameo: "120", quadClass: 3, nominal: false)
        ),
        (
            [
                "cut ties", "cuts ties", "cutting ties", "cut diplomatic ties", "cuts diplomatic ties", "severed ties",
                "severing ties", "severs ties", "sever ties", "severed diplomatic ties", "severing diplomatic ties",
                "broke off relations", "break off relations", "breaks off relations", "expelled", "expels", "expel",
            ],
            EventCue(type: "SANCTION", mode: "withdraw", context: [], cameo: "161", quadClass: 4, nominal: false)
        ),
        (
            ["sanction", "sanctions", "sanctioned", "sanctioning", "imposed sanctions", "impose sanctions"],
            EventCue(type: "SANCTION", mode: nil, context: [], cameo: "163", quadClass: 4, nominal: false)
        ),
        (
            [
                "cyberattack", "cyberattacks", "cyber attack", "cyber attacks", "cyber-attack", "cyber-attacks", "hack",
                "hacked", "hacking", "ddos attack", "ransomware attack",
            ],
            EventCue(type: "COERCE", mode: "cyber", context: ["cyber"], cameo: "176", quadClass: 4, nominal: true)
        ),
        (
            ["meet", "meets", "met", "meeting", "held talks", "hold talks", "holds talks"],
            EventCue(type: "CONSULT", mode: nil, context: [], cameo: "040", quadClass: 1, nominal: false)
        ),
        (
            ["visit", "visits", "visited", "visiting"],
            EventCue(type: "CONSULT", mode: "visit", context: [], cameo: "042", quadClass: 1, nominal: false)
        ),
        (
            ["threaten", "threatens", "threatened", "threatening"],
            EventCue(type: "THREATEN", mode: nil, context: [], cameo: "130", quadClass: 3, nominal: false)
        ),
        (
            ["protest", "protests", "protested", "protesting"],
            EventCue(type: "PROTEST", mode: nil, context: [], cameo: "140", quadClass: 3, nominal: false)
        ),
        (
            [
                "attack", "attacks", "attacked", "attacking", "invade", "invaded", "invades", "bombed", "shelled",
                "airstrike", "airstrikes",
            ],
            EventCue(type: "ASSAULT", mode: nil, context: [], cameo: "190", quadClass: 4, nominal: false)
        ),
        (
            ["urge", "urges", "urged", "urging", "called on", "calls on", "call on", "demanded", "demands", "demand"],
            EventCue(type: "REQUEST", mode: nil, context: [], cameo: "100", quadClass: 1, nominal: false)
        ),
        (
            ["praise", "praises", "praised", "welcomed", "welcomes", "welcome"],
            EventCue(type: "SUPPORT", mode: nil, context: [], cameo: "051", quadClass: 1, nominal: false)
        ),
        (
            ["signed an agreement", "signed a deal", "agreed", "agrees", "agree"],
            EventCue(type: "AGREE", mode: nil, context: [], cameo: "030", quadClass: 1, nominal: false)
        ),
        (
            ["aid", "donated", "provided aid"],
            EventCue(type: "AID", mode: nil, context: [], cameo: "070", quadClass: 2, nominal: false)
        ),
    ]

    /// The lexicon as a trie over token keys.
    static let trie: PhraseTrie<EventCue> = {
        var trie = PhraseTrie<EventCue>()
        for entry in entries {
            for form in entry.forms { trie.insert(TokenizedText.keys(of: form), payload: entry.cue) }
        }
        return trie
    }()
}
