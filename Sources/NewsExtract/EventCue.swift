import NewsLanguage
import Synchronization

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
    /// Whether the cue comes from the CAMEO verb dictionary (a verb form, which news also uses as a noun).
    var fromVerbDictionary: Bool = false
    /// A nominal cue that is the object of a light verb ("renewed negotiations", "launched a mediation
    /// effort"): the verb's subject acts, as for a verb.
    var governed: Bool = false
    /// Whether the code is the CAMEO dictionary's default for the verb, with no pattern around it to confirm
    /// it.
    var verbDefault: Bool = false
    /// Ids of the rules that found or changed the cue beyond its origin (`EventRules/`).
    var rules: [String] = []

    /// The id of the rule that found the cue: a CAMEO pattern around the verb, the verb's own CAMEO code, or
    /// the project's lexicon of nouns, phrases and verbs.
    var origin: String {
        fromVerbDictionary ? (verbDefault ? "cue.cameo-verb" : "cue.cameo-pattern") : "cue.lexicon"
    }
}

/// The event lexicon: the CAMEO verb dictionary (`Data/event-verbs.tsv`, every verb form with its code, and
/// `Data/event-patterns.tsv`, the words around a verb that refine its code), the CAMEO → PLOVER table
/// (`Data/cameo-plover.tsv`), and the project's own cues below: nouns and phrases news uses for the events it
/// reports most ("cyberattack", "cut diplomatic ties", "accusation"), and verbs whose CAMEO default code is not
/// the event news means by them ("agreed" is AGREE, not CAMEO's 050; "denied" is a denial).
///
/// Precedence for a verb: a CAMEO pattern around it, else the project's cue, else the verb's CAMEO code. A
/// pattern or verb coded `---` means "no event".
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
                "criticizes", "criticized", "criticise", "criticises", "criticised", "slammed", "slams", "blasted",
                "lambasted", "lashed out", "lashing out", "rebuked", "decried", "deplored", "deplores",
            ],
            EventCue(type: "ACCUSE", mode: "disapprove", context: [], cameo: "111", quadClass: 3, nominal: false)
        ),
        (
            ["deny", "denies", "denied", "denying"],
            EventCue(type: "REJECT", mode: nil, context: [], cameo: "016", quadClass: 3, nominal: false)
        ),
        (
            ["denial", "denials"],
            EventCue(type: "REJECT", mode: nil, context: [], cameo: "016", quadClass: 3, nominal: true)
        ),
        (
            ["ruled out", "rules out", "ruling out"],
            EventCue(type: "REJECT", mode: nil, context: [], cameo: "120", quadClass: 3, nominal: false)
        ),
        (
            [
                "reject", "rejects", "rejected", "rejecting", "refuse", "refuses", "refused", "refusing", "turned down",
                "turns down", "turn down",
            ],
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
                // A denial of service is an attack on a service, no denial ("a distributed denial of service
                // (DDoS) attack"; brackets are not tokens).
                "denial of service attack", "denial of service attacks", "denial of service ddos attack",
                "denial of service ddos attacks",
            ],
            EventCue(type: "COERCE", mode: "cyber", context: ["cyber"], cameo: "176", quadClass: 4, nominal: true)
        ),
        (
            // Coded only in a sentence about computers (EventCoder.intrusionVerbs): "a breach of the ministry's
            // email system", not "a breach of the ceasefire".
            ["intrusion", "intrusions", "breach", "breaches"],
            EventCue(type: "COERCE", mode: "cyber", context: ["cyber"], cameo: "176", quadClass: 4, nominal: true)
        ),
        (
            ["meet", "meets", "met", "meeting", "held talks", "hold talks", "holds talks"],
            EventCue(type: "CONSULT", mode: nil, context: [], cameo: "040", quadClass: 1, nominal: false)
        ),
        (
            [
                "talks with", "negotiations with", "negotiations", "meeting with", "mediation", "mediation effort",
                "talks",
            ],
            EventCue(type: "CONSULT", mode: nil, context: [], cameo: "046", quadClass: 1, nominal: true)
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
            [
                "urge", "urges", "urged", "urging", "called on", "calls on", "call on", "appealed to", "appeals to",
                "appealed for", "asked for",
            ],
            EventCue(type: "REQUEST", mode: nil, context: [], cameo: "020", quadClass: 1, nominal: false)
        ),
        (
            ["demanded", "demands", "demand", "demanding", "insisted", "insists"],
            EventCue(type: "REQUEST", mode: nil, context: [], cameo: "100", quadClass: 1, nominal: false)
        ),
        (
            ["praise", "praises", "praised", "welcomed", "welcomes", "welcome"],
            EventCue(type: "SUPPORT", mode: nil, context: [], cameo: "051", quadClass: 1, nominal: false)
        ),
        (
            ["agreed", "agrees", "agree"],
            EventCue(type: "AGREE", mode: nil, context: [], cameo: "030", quadClass: 1, nominal: false)
        ),
        (
            [
                "signed an agreement", "signed a deal", "signed a treaty", "signed an accord", "signs an agreement",
                "reached an agreement", "reached a deal", "struck a deal",
            ],
            EventCue(type: "SUPPORT", mode: nil, context: ["diplomatic"], cameo: "057", quadClass: 1, nominal: false)
        ),
        (
            ["criticism", "criticisms", "condemnation", "condemnations"],
            EventCue(type: "ACCUSE", mode: "disapprove", context: [], cameo: "111", quadClass: 3, nominal: true)
        ),
        (
            ["balk", "balks", "balked", "balking"],
            EventCue(type: "REJECT", mode: nil, context: [], cameo: "120", quadClass: 3, nominal: false)
        ),
        (
            [
                "took to the streets", "take to the streets", "takes to the streets", "taking to the streets",
                "took to the street", "took to the city s streets",
            ],
            EventCue(type: "PROTEST", mode: "demo", context: [], cameo: "141", quadClass: 4, nominal: false)
        ),
        (
            ["investigation", "investigations", "inquiry", "probe", "hearing", "scrutiny"],
            EventCue(type: "ACCUSE", mode: "investigate", context: [], cameo: "090", quadClass: 3, nominal: true)
        ),
        (
            ["invasion", "offensive", "assault", "air strikes", "raid", "raids"],
            EventCue(type: "ASSAULT", mode: nil, context: ["military"], cameo: "190", quadClass: 4, nominal: true)
        ),
        (
            ["withdrawal", "pullout", "pull-out", "pullback"],
            EventCue(
                type: "RETREAT", mode: "withdraw", context: ["military"], cameo: "0872", quadClass: 2, nominal: true)
        ),
        (
            ["suspension", "embargo"],
            EventCue(type: "SANCTION", mode: "discontinue", context: [], cameo: "160", quadClass: 4, nominal: true)
        ),
        (
            [
                "war games", "military exercises", "joint exercises", "joint military exercises", "naval exercises",
                "drills",
            ],
            EventCue(type: "COOPERATE", mode: nil, context: ["military"], cameo: "062", quadClass: 2, nominal: true)
        ),
        (
            [
                "strike", "general strike", "hunger strike", "demonstration", "demonstrations", "rally", "sit-in",
                "marches",
            ],
            EventCue(type: "PROTEST", mode: "demo", context: [], cameo: "141", quadClass: 4, nominal: true)
        ),
        (
            [
                "upgraded ties", "upgraded their diplomatic ties", "upgraded diplomatic ties", "upgraded relations",
                "restored ties", "restored diplomatic ties", "restored relations", "restored diplomatic relations",
                "established diplomatic relations", "normalized relations", "normalised relations",
                "resumed diplomatic relations",
            ],
            EventCue(type: "SUPPORT", mode: nil, context: ["diplomatic"], cameo: "056", quadClass: 1, nominal: false)
        ),
        (
            [
                "blocked roads", "blocked streets", "blocked a road", "blocked the road", "blocked the roads",
                "blocked highways", "blocked the highway", "blocked a bridge", "blocked the bridge", "barricaded",
            ],
            EventCue(type: "PROTEST", mode: "obstruct", context: [], cameo: "144", quadClass: 4, nominal: false)
        ),
        (
            [
                "lifted a state of emergency", "lifted the state of emergency", "eased emergency measures",
                "lifted emergency measures", "lifted restrictions", "eased restrictions", "lifted the curfew",
                "lifted a curfew", "lifted martial law", "cancelled restrictions", "canceled restrictions",
            ],
            EventCue(
                type: "CONCEDE", mode: nil, context: ["rights_freedoms"], cameo: "0833", quadClass: 2, nominal: false)
        ),
        (
            ["is opposed to", "are opposed to", "opposes", "opposed"],
            EventCue(type: "REJECT", mode: nil, context: [], cameo: "120", quadClass: 3, nominal: false)
        ),
        (
            ["accept", "accepts", "accepted", "accepting"],
            EventCue(type: "AGREE", mode: nil, context: [], cameo: "030", quadClass: 1, nominal: false)
        ),
        (
            ["blockade", "blockades", "blockaded", "blockading"],
            EventCue(
                type: "COERCE", mode: "restrict", context: ["military"], cameo: "191", quadClass: 4, nominal: false)
        ),
        (
            ["selected", "selects", "awarded contracts", "awarded a contract", "acquired", "acquires"],
            EventCue(type: "COOPERATE", mode: nil, context: ["economic"], cameo: "061", quadClass: 2, nominal: false)
        ),
        (
            ["selection of"],
            EventCue(type: "COOPERATE", mode: nil, context: ["economic"], cameo: "061", quadClass: 2, nominal: true)
        ),
        (
            ["defended", "defends", "defending", "came to the defense of", "spoke up for"],
            EventCue(type: "SUPPORT", mode: nil, context: [], cameo: "051", quadClass: 1, nominal: false)
        ),
        (
            ["sued", "sues", "suing", "filed a lawsuit", "filed suit", "filed a complaint"],
            EventCue(type: "ACCUSE", mode: "allege", context: ["legal"], cameo: "115", quadClass: 3, nominal: false)
        ),
        (
            [
                "called off", "calls off", "call off", "accepted demands", "accepted the demands", "accepts demands",
                "met the demands", "bowed to", "backed down", "backs down", "gave in to",
            ],
            EventCue(type: "CONCEDE", mode: nil, context: [], cameo: "080", quadClass: 2, nominal: false)
        ),
        (
            [
                "cut aid", "cuts aid", "cut off aid", "suspended aid", "halted aid", "reduced aid", "froze aid",
                "withheld aid", "suspended assistance", "cut off assistance", "reduced food supplies",
            ],
            EventCue(
                type: "SANCTION", mode: "discontinue", context: ["economic"], cameo: "162", quadClass: 4, nominal: false
            )
        ),
        (
            // Annexing territory occupies it (CAMEO 192), not a seizure of property (the dictionary's 171).
            ["annexed", "annexes", "annex", "annexing"],
            EventCue(type: "COERCE", mode: "seize", context: ["military"], cameo: "192", quadClass: 4, nominal: false)
        ),
        (
            // Taking ground back or by storm occupies it (CAMEO 192); a village or town as object makes it an
            // armed attack (190, `EventCoder.groundWords`).
            [
                "retook", "retaken", "retake", "retakes", "retaking", "recaptured", "recapture", "recaptures",
                "recapturing", "overran", "overrun", "overruns", "overrunning",
            ],
            EventCue(type: "COERCE", mode: "seize", context: ["military"], cameo: "192", quadClass: 4, nominal: false)
        ),
        (
            ["annexation", "annexations"],
            EventCue(type: "COERCE", mode: "seize", context: ["military"], cameo: "192", quadClass: 4, nominal: true)
        ),
        (
            // Handing back territory or control returns property (CAMEO 0842).
            [
                "returned the territory", "returned territory", "handed back", "hands back", "handed over control",
                "returned control", "returns the territory", "return the territory",
            ],
            EventCue(type: "RETREAT", mode: "return", context: ["legal"], cameo: "0842", quadClass: 2, nominal: false)
        ),
        (
            ["defaced", "defacing"],
            EventCue(type: "ASSAULT", mode: nil, context: [], cameo: "180", quadClass: 4, nominal: false)
        ),
        (
            [
                "expressed support", "voiced support", "expressed solidarity", "stood with", "stand with",
                "stands with",
                "standing with", "stood by",
            ],
            EventCue(type: "SUPPORT", mode: nil, context: [], cameo: "051", quadClass: 1, nominal: false)
        ),
        (
            // Intrusions: coded only in a sentence about computers (EventCoder.cyberOnly).
            [
                "compromised", "infiltrated", "broke into", "breaks into", "break into", "hacked into",
                "gained access to", "burrowed into", "penetrated",
                // Sabotage of a grid by hackers: "tried to cut power to 200,000 households".
                "cut power", "cuts power", "cutting power", "cut electricity", "knocked out power", "knock out power",
                "shut down power", "shut off power",
            ],
            EventCue(type: "COERCE", mode: "cyber", context: ["cyber"], cameo: "176", quadClass: 4, nominal: false)
        ),
        (
            ["was", "were", "is", "are"].flatMap { verb in
                [
                    "attack", "attacks", "theft", "hack", "hacks", "breach", "intrusion", "intrusions", "campaign",
                    "heist", "bombing", "bombings", "cyberattack", "cyberattacks", "killing", "assassination",
                ].map { "\(verb) behind the \($0)" }
            },
            EventCue(type: "ASSAULT", mode: nil, context: [], cameo: "190", quadClass: 4, nominal: false)
        ),
        (
            ["aid", "donated", "provided aid"],
            EventCue(type: "AID", mode: nil, context: [], cameo: "070", quadClass: 2, nominal: false)
        ),
    ]

    /// A CAMEO verb form: its code ("---": none) and its verb block, whose patterns apply.
    struct Verb: Sendable {
        var code: String
        var block: String
    }

    /// A word of a pattern (a token key) with its hash, compared with a token by `Token.hasKey`.
    struct Word: Sendable {
        var key: String
        var hash: UInt64
        var isASCII: Bool

        init(_ key: String) {
            self.key = key
            (hash, isASCII) = ByteHash.hash(key)
        }
    }

    /// Words before and after a verb, each a set of alternatives (token keys), and the code they give.
    struct Pattern: Sendable {
        var before: [[[Word]]]
        var after: [[[Word]]]
        var code: String
        var weight: Int
        /// How many tokens after the verb its first after-word may start: 2 when that word is a preposition or
        /// "that" ("praise ... to" needs it right after the verb), else 5 (content words may come a few words
        /// later: "accused Iran of torture").
        var firstWindow: Int
        /// Per element, the `WordBits` of its alternatives' first words: a sentence that has none of them
        /// cannot match, and most patterns of a verb are ruled out so, without reading tokens.
        var required: [SIMD4<UInt64>]

        init(before: [[[Word]]], after: [[[Word]]], code: String, weight: Int) {
            self.before = before
            self.after = after
            self.code = code
            self.weight = weight
            firstWindow =
                after.first.map { $0.allSatisfy { $0.count == 1 && EventLexicon.functionWords.contains($0[0].key) } }
                    == true ? 2 : 5
            required = (before + after).map { element in
                element.reduce(SIMD4<UInt64>()) { bits, alternative in
                    // A word with a byte outside ASCII is compared as a string: its element is never ruled out.
                    alternative[0].isASCII ? bits | WordBits.bit(alternative[0].hash) : SIMD4(repeating: ~0)
                }
            }
        }
    }

    /// 256 bits, one per value of a word hash's low byte: the words a sentence holds, or the words one of which
    /// a pattern element needs. Only ASCII keys are counted: a token's key is letters and digits, lower-cased,
    /// and such a key with a byte outside ASCII equals no ASCII word (the three scalars that decompose to ASCII
    /// are no letters but the Kelvin sign, whose lower case is "k").
    enum WordBits {
        static func bit(_ hash: UInt64) -> SIMD4<UInt64> {
            var bits = SIMD4<UInt64>()
            bits[Int(truncatingIfNeeded: hash >> 6) & 3] = 1 << (hash & 63)
            return bits
        }

        static func of(_ tokens: [Token]) -> SIMD4<UInt64> {
            tokens.reduce(SIMD4<UInt64>()) { $1.keyIsASCII ? $0 | bit($1.keyHash) : $0 }
        }
    }

    /// `Data/event-verbs.tsv` by lookup keys, searched where the binary holds it: no trie of 8,000 forms is
    /// built at start-up.
    static let verbTable = SortedTable(EmbeddedData.eventVerbs, keyStops: [0x20, 0x09])

    /// The CAMEO verb forms in `tokens`, leftmost-longest, not overlapping; a form's readings in dictionary order.
    static func verbs(in tokens: [Token]) -> [PhraseTrie<Verb>.Match] {
        PhraseTrie<Verb>.leftmostLongest(tokenCount: tokens.count, accept: { _ in true }) { start, found in
            verbTable.phrases(in: tokens, from: start) { end, lines in
                found(
                    end,
                    lines.map { Verb(code: verbTable.field($0, 2), block: verbTable.field($0, 3)) })
            }
        }
    }

    /// `Data/event-patterns.tsv`, its blocks in byte order: a block's patterns are read when one of its verbs
    /// first occurs, not all 4,600 at start-up.
    static let patternTable = SortedTable(EmbeddedData.eventPatterns)
    /// The blocks read so far, shared by the workers.
    static let patternCache = Mutex<[String: [Pattern]]>([:])

    /// The patterns of a verb block, those with the most words first.
    static func patterns(of block: String) -> [Pattern] {
        if let known = patternCache.withLock({ $0[block] }) { return known }
        func elements(_ field: String) -> [[[Word]]] {
            field.split(separator: " ").map { element in
                element.split(separator: "|").map {
                    TokenizedText.keys(of: $0.split(separator: "_").joined(separator: " ")).map(Word.init)
                }
                .filter { !$0.isEmpty }
            }.filter { !$0.isEmpty }
        }
        let lines = patternTable.lines(
            startingWith: Array((block + "\t").utf8), in: 0..<patternTable.count)
        var patterns: [Pattern] = lines.compactMap { line in
            let row = patternTable.fields(line)
            guard row.count >= 4 else { return nil }
            let before = elements(row[1])
            let after = elements(row[2])
            return Pattern(before: before, after: after, code: row[3], weight: before.count + after.count)
        }
        // Stable: among patterns of the same weight, the dictionary's order.
        patterns = patterns.enumerated().sorted { ($0.element.weight, -$0.offset) > ($1.element.weight, -$1.offset) }
            .map(\.element)
        patternCache.withLock { $0[block] = patterns }
        return patterns
    }

    /// CAMEO code → PLOVER type, mode and contexts.
    static let plover: [String: (type: String, mode: String?, context: [String])] = {
        var table: [String: (type: String, mode: String?, context: [String])] = [:]
        for row in CountryGazetteer.rows(EmbeddedData.cameoPlover) where row.count >= 4 {
            table[row[0]] = (
                row[1], row[2].isEmpty ? nil : row[2], row[3].split(separator: "|").map(String.init)
            )
        }
        return table
    }()

    /// The cue for a CAMEO code: the code's PLOVER row, else its parent's (1122 → 112 → 11). Public statements
    /// (01) are not events, except denials (016, a REJECT); appeals (02) are requests, as PLOVER merges CAMEO's
    /// appeal and demand.
    static func cue(code: String) -> EventCue? {
        guard code.count >= 2, code != "---", code.allSatisfy(\.isNumber) else { return nil }
        // A denial (016) is the one public statement PLOVER codes: a REJECT.
        if code.hasPrefix("016") {
            return EventCue(
                type: "REJECT", mode: nil, context: [], cameo: code, quadClass: 3, nominal: false,
                fromVerbDictionary: true)
        }
        let root = Int(code.prefix(2)) ?? 0
        guard root >= 2, root <= 20 else { return nil }
        let quadClass = root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4
        if root == 2 {
            return EventCue(
                type: "REQUEST", mode: nil, context: [], cameo: code, quadClass: 1, nominal: false,
                fromVerbDictionary: true)
        }
        var key = code
        while key.count >= 2 {
            if let row = plover[key] {
                return EventCue(
                    type: row.type, mode: row.mode, context: row.context, cameo: code, quadClass: quadClass,
                    nominal: false, fromVerbDictionary: true)
            }
            key.removeLast()
        }
        return nil
    }

    /// The code a pattern of the verb's block gives around tokens `start..<end`, if one matches: the pattern
    /// with the most words wins.
    static func patternCode(block: String, tokens: [Token], start: Int, end: Int) -> String? {
        let present = WordBits.of(tokens)
        for pattern in patterns(of: block)
        where pattern.required.allSatisfy({ $0 & present != SIMD4() })
            && matches(pattern, tokens: tokens, start: start, end: end)
        {
            return pattern.code
        }
        return nil
    }

    static let functionWords: WordSet = [
        "to", "with", "of", "for", "on", "in", "by", "at", "from", "against", "about", "over", "into", "that",
    ]

    /// After-words in order, the first within `firstWindow` tokens of the verb and each next within three of the
    /// previous; before-words in order, the last within four tokens before the verb.
    static func matches(_ pattern: Pattern, tokens: [Token], start: Int, end: Int) -> Bool {
        var position = end
        var window = pattern.firstWindow
        for element in pattern.after {
            var found: Int?
            search: for index in position..<min(tokens.count, position + window) {
                for alternative in element where index + alternative.count <= tokens.count {
                    if Self.words(alternative, standAt: index, in: tokens) {
                        found = index + alternative.count
                        break search
                    }
                }
            }
            guard let next = found else { return false }
            position = next
            window = 3
        }
        position = start
        window = 4
        for element in pattern.before.reversed() {
            var found: Int?
            search: for index in stride(from: position - 1, through: max(0, position - window), by: -1) {
                for alternative in element where index + alternative.count <= position {
                    if Self.words(alternative, standAt: index, in: tokens) {
                        found = index
                        break search
                    }
                }
            }
            guard let previous = found else { return false }
            position = previous
            window = 3
        }
        return true
    }

    /// Whether the tokens from `index` on are `words` (which fit in `tokens`).
    @inline(__always)
    private static func words(_ words: [Word], standAt index: Int, in tokens: [Token]) -> Bool {
        for (offset, word) in words.enumerated()
        where !tokens[index + offset].hasKey(word.key, hash: word.hash, isASCII: word.isASCII) {
            return false
        }
        return true
    }

    /// The project's own cues as a trie over token keys.
    static let trie: PhraseTrie<EventCue> = {
        var trie = PhraseTrie<EventCue>()
        for entry in entries {
            for form in entry.forms { trie.insert(TokenizedText.keys(of: form), payload: entry.cue) }
        }
        return trie
    }()
}
