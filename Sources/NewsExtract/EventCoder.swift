import NewsLanguage
import NewsModel

/// Codes events sentence by sentence: a cue from ``EventLexicon`` and participants from the entities
/// around it. `docs/event-types.md` states every rule with an example; in short:
/// - Active voice: the actors are the participants before the cue that are no prepositional object or
///   dateline, with coordination ("the US and UK condemned" gives one event per actor); the targets are the
///   first participant after it and those listed with it.
/// - Passive voice ("was hit by", "were attacked by") swaps them: the participant after "by" acts.
/// - Nominal cues ("a cyberattack on Albania"): the target follows "on", "against" or "targeting"; the
///   actor follows "by" or comes before as a possessive.
/// - Modality from the cue's own verb group: intentions become AGREE/THREATEN, refusals REJECT; negated
///   conflict, hypotheticals, attempts and possibilities, questions and idioms are not coded.
/// - The words after a verb can recode it ("summoned the ambassador", "rejected the findings").
/// - A speaker who attributes a material-conflict act to another accuses it.
/// - The date is the date expression of the cue's clause, or none.
struct EventCoder: Sendable {
    static let negations: WordSet = ["not", "never", "no", "nor"]
    /// Marks that end one part of a sentence and start another for rule clause.segment.
    static let partMarks: WordSet = [";"]
    static let hypotheticals: WordSet = ["if", "could", "might", "whether", "unless"]
    /// Words before a verb that make it an intention: "will allow", "would meet", "plans to visit".
    static let intentMarkers: WordSet = [
        "will", "would", "ll", "shall", "plans", "planned", "ready", "intends", "vowed", "vows", "vow", "pledged",
        "pledges", "promised", "promises", "sworn", "swore", "wants", "want", "wanted", "hopes", "hoped", "hope",
        "seeks", "sought", "seek", "expects", "prepared", "preparing",
    ]
    /// Words in a verb group that make its act possible, attempted or wished rather than done.
    static let irrealisMarkers: WordSet = [
        "should", "can", "may", "must", "eager",
        "expected", "struggled", "struggling", "failing", "failed", "fails", "able", "unable", "likely", "need",
        "needs", "needed", "aiming", "aims", "looking",
    ]
    /// Verbs of market movements: "the Nikkei declined 0.3%" is no event.
    static let marketVerbs: WordSet = [
        "declined", "fell", "rose", "dropped", "gained", "climbed", "slid", "jumped", "lost", "added", "surged",
        "tumbled", "plunged", "slipped", "advanced",
    ]
    /// Verbs whose event is the verb after "to": "decided to allow", "vowed to fight", "pledged to provide".
    static let complementVerbs: WordSet = [
        "decided", "decide", "decides", "voted", "votes", "moved", "moves", "vowed", "vows", "vow", "pledged",
        "pledges", "pledge", "promised", "promises", "promise", "sworn", "swore", "swear", "plans", "planned", "plan",
        "intends", "intended", "intend", "sought", "seeks", "seek", "tried", "tries", "try", "attempted", "attempts",
        "wants", "wanted", "want", "hopes", "hoped", "hope", "expects", "expected", "prepared", "preparing",
    ]
    /// Objects that make a taking of ground an armed attack: "captured a village", "retook the town".
    static let groundWords: WordSet = [
        "village", "villages", "town", "towns", "city", "cities", "stronghold", "strongholds", "territory",
        "territories", "base", "bases", "airport", "province", "region", "positions", "hill", "district", "capital",
        "control", "outpost", "port", "island",
    ]
    /// Places one moves into, with ``groundWords``: what makes "moved into" an occupation (CAMEO 192).
    static let placeWords: WordSet = [
        "area", "areas", "zone", "zones", "border", "country", "land", "lands", "valley", "enclave", "corridor",
        "neighborhood", "neighbourhood", "suburb", "suburbs", "street", "streets", "camp", "camps", "building",
        "buildings", "compound", "embassy", "parliament", "square", "state", "north", "south", "east", "west",
    ]
    static let takingVerbs: WordSet = [
        "captured", "captures", "capture", "retook", "retaken", "retake", "recaptured", "seized", "seizes", "seize",
        "overran", "overrun", "took", "taken",
    ]
    /// Objects that make a blocking a protest: "blocked the Europe Bridge", "blocking roads".
    static let wayWords: WordSet = [
        "road", "roads", "bridge", "bridges", "highway", "highways", "street", "streets", "railway", "railways",
        "port", "access", "entrance", "traffic",
    ]
    static let passiveAuxiliaries: WordSet = ["was", "were", "been", "being", "is", "are", "be"]
    static let targetMarkers: WordSet = ["on", "against", "targeting", "at"]
    /// A cyberattack's victim may follow "of" as well ("the hack of Sony").
    static let cyberTargetMarkers = WordSet(Array(targetMarkers) + ["of"])
    /// Words after which a verb form of the CAMEO dictionary is a noun or a gerund ("the forces", "of control",
    /// "for supplies"), not the sentence's verb.
    static let nounContext: WordSet = [
        "of", "for", "with", "by", "from", "against", "about", "in", "on", "at", "into", "under", "between", "amid",
        "over", "after", "before", "without", "its", "their", "his", "her", "our", "s", "the", "a", "an", "this",
        "that", "these", "those", "new", "more", "further", "any", "no",
    ]
    /// Verb forms that news uses as prepositions or adjectives ("according to", "armed forces").
    static let notVerbs: WordSet = [
        "according", "armed", "united", "concerned", "based", "including", "following", "regarding", "given",
        "led", "backed", "forces", "force", "supplies", "measures", "plans", "expected", "added", "issued", "bill",
        "thought", "believed", "allies", "ally", "conflict", "conflicts", "best",
        "links", "stock", "stocks",
    ]
    static let pronouns: WordSet = ["he", "she", "it", "they", "we"]
    /// Words after which a base verb form is a verb: "I/you pay", "and meet", "did not", "let them".
    static let baseFormContext: WordSet = [
        "i", "you", "and", "or", "do", "did", "does", "don", "didn", "doesn", "t", "let", "help", "make", "people",
        "children", "men", "women",
    ]
    /// Irregular past forms and participles, which can follow a singular noun ("the company cut jobs").
    static let irregularPast: WordSet = [
        "met", "took", "gave", "made", "held", "led", "sent", "fought", "won", "lost", "left", "told", "sought",
        "brought", "bought", "caught", "threw", "shot", "stood", "broke", "fled", "struck", "spoke", "wrote", "drove",
        "began", "rose", "fell", "came", "went", "saw", "knew", "grew", "drew", "flew", "stole", "swore", "tore",
        "chose", "froze", "sold", "paid", "said", "laid", "kept", "felt", "dealt", "meant", "built", "spent", "lent",
        "sat", "found", "hung", "withdrew", "overran", "undertook", "overthrew", "arose", "shook", "forbade", "cut",
        "hit", "beat", "put", "set", "let", "shut", "quit", "spread", "bid", "cast", "cost", "hurt", "split", "burst",
        "shed", "upset", "read", "beaten", "taken", "given", "seen", "known", "shown", "driven", "written", "broken",
        "stolen", "chosen", "frozen", "spoken", "hidden", "shaken", "sworn", "torn", "thrown", "grown", "drawn",
        "flown", "done", "gone", "begun", "overrun", "withdrawn", "overthrown", "undertaken", "forbidden",
    ]
    /// Words before a participant that make it the object of a preposition or of "told", not a subject.
    static let objectMarkers: WordSet = [
        "in", "at", "near", "inside", "across", "throughout", "within", "on", "to", "via", "from", "with", "for",
        "about", "against", "into", "over", "under", "through", "than", "like", "toward", "towards", "told", "tell",
        "tells", "among", "between", "including", "by",
    ]
    /// Verb + object idioms that name no event: "takes effect", "took place", "comes into force".
    static let idiomVerbs: WordSet = [
        "take", "takes", "took", "taken", "taking", "come", "comes", "came", "coming", "make", "makes", "made",
        "catch", "catches", "caught",
    ]
    /// "taken offline": a site put out of service, not a seizure.
    static let idiomObjects: WordSet = [
        "effect", "place", "into", "sense", "steps", "fire", "action", "measures", "offline",
    ]
    /// Objects that make the idiom with words between: "take decisive corrective action", "take a series of
    /// measures".
    static let idiomActionObjects: WordSet = ["action", "actions", "measures", "steps"]

    /// Whether the words after an idiom verb are its idiom object: right after it ("took place"), or an action
    /// word after up to three lower-case words ("take a series of measures").
    static func idiomObject(after end: Int, in tokens: [Token]) -> Bool {
        guard end < tokens.count else { return false }
        if idiomObjects.contains(tokens[end]) { return true }
        for position in end..<min(tokens.count, end + 4) {
            if idiomActionObjects.contains(tokens[position]) { return true }
            if tokens[position].isCapitalized || tokens[position].key.first?.isNumber == true { return false }
        }
        return false
    }

    /// "declined to comment", "refused to say": a refusal to speak is no event.
    static let refusalVerbs: WordSet = ["declined", "declines", "decline", "refused", "refuses", "refuse"]
    static let speechVerbs: WordSet = [
        "comment", "say", "state", "elaborate", "discuss", "disclose", "specify", "confirm", "provide", "give",
        "identify", "answer", "respond", "name", "reveal",
    ]
    /// Objects of "released" (and the nouns a participle "released" follows) that make it a publication, not a
    /// release of persons.
    static let documentWords: WordSet = [
        "statement", "statements", "report", "reports", "video", "videos", "data", "transcript", "details", "figures",
        "results", "documents", "document", "photos", "images", "footage", "recording", "memo", "letter", "summary",
        "public", "findings", "list", "guidance", "plan", "version", "album", "film", "earnings", "update",
        "overview", "advisory", "advisories", "analysis", "assessment", "review", "study", "paper", "guidelines",
        "information", "tool", "tools", "patch", "patches", "software", "app", "book",
    ]
    /// Verbs by which a speaker attributes an act to another ("said", "concluded", "traced").
    static let attributingVerbs: WordSet = [
        "said", "says", "say", "warned", "warns", "stated", "states", "concluded", "concludes", "found", "determined",
        "assessed", "assesses", "believes", "traced", "attributed", "confirmed", "alleged", "alleges", "asserted",
        "linked", "links",
    ]
    /// Verbs that trace an act to its author: "traced the intrusion to", "linked the breach to".
    static let tracingVerbs: WordSet = [
        "traced", "traces", "tracing", "linked", "links", "linking", "tied", "ties", "attributed", "attributes",
        "attributing", "pinned", "pins",
    ]
    /// Verbs of the lexicon's intrusion cues, which need a sentence about computers.
    static let intrusionVerbs: WordSet = [
        "compromised", "infiltrated", "broke", "breaks", "break", "gained", "burrowed", "penetrated", "cut", "cuts",
        "cutting", "knocked", "knock", "shut", "intrusion", "intrusions", "breach", "breaches",
    ]
    static let envoyWords: WordSet = [
        "ambassador", "ambassadors", "envoy", "envoys", "diplomat", "diplomats", "charge", "chargé",
    ]
    static let claimWords: WordSet = [
        "findings", "report", "reports", "allegation", "allegations", "accusation", "accusations", "claim", "claims",
        "charges", "charge", "assessment", "conclusions", "involvement", "responsibility", "role",
    ]
    static let criticismWords: WordSet = [
        "criticism", "criticisms", "concerns", "complaints", "calls", "demands", "appeals", "request", "requests",
        "offer", "offers", "proposal", "proposals", "pressure",
    ]
    /// Words that call a claim untrue: "called the report 'groundless speculation'".
    static let falsehoodWords: WordSet = [
        "groundless", "baseless", "false", "unfounded", "fabricated", "fabrication", "fabrications", "lies", "lie",
        "nonsense", "fantasies", "fantasy", "fiction", "fake", "untrue", "slander", "smear", "absurd", "speculation",
    ]
    static let praiseWords: WordSet = [
        "success", "historic", "achievement", "victory", "breakthrough", "great", "good", "excellent", "important",
        "positive", "step", "milestone", "friend", "hero",
    ]
    /// Conjunctions that open a subordinate clause.
    static let subordinators: WordSet = [
        "after", "before", "when", "while", "because", "since", "although", "though", "until", "unless", "whereas",
    ]
    /// Verbs of defeat, which an electoral word makes a vote.
    static let defeatVerbs: WordSet = ["beat", "beats", "beaten", "beating", "defeated", "defeats", "defeat"]
    /// Words that make a defeat electoral.
    static let electionWords: WordSet = [
        "incumbent", "election", "elections", "race", "primary", "primaries", "vote", "votes", "points", "seat",
        "runoff", "ballot", "polls", "reelection", "re-election", "candidate", "nomination", "caucus", "caucuses",
    ]
    /// Subjects right before a finite verb: "which regulates", "he opposes".
    static let relativeOrPersonalSubjects: WordSet = ["which", "who", "that", "he", "she", "it"]
    /// Words that close an open list: "AT&T, Comcast, T-Mobile and others".
    static let othersWords: WordSet = ["others", "more", "other"]
    /// Words that join the items of a list of participants.
    static let listWords: WordSet = ["and", "or", "the", "as", "well", "companies", "countries"]
    /// Nouns that make an attack verbal: "attacked his plan", "hammered Bevin on his record".
    static let positionWords: WordSet = [
        "policy", "policies", "plan", "plans", "record", "remarks", "comments", "decision", "proposal", "proposals",
        "stance", "views", "position", "rhetoric", "statement", "statements", "handling", "other", "agenda", "claims",
    ]
    /// Verbs of choosing: reported in the passive with no agent, the reporter chose ("NASA said the companies had
    /// been selected").
    static let choosingVerbs: WordSet = [
        "selected", "chosen", "picked", "awarded", "approved", "hired", "contracted", "shortlisted",
    ]
    /// Predicates of condemnation: "was inappropriate", "considers it illegal".
    static let verdictWords: WordSet = [
        "inappropriate", "unacceptable", "illegal", "unlawful", "illegitimate", "unconstitutional", "outrageous",
        "irresponsible", "disgraceful", "shameful", "reckless", "deplorable", "regrettable", "appalling", "wrong",
        "unjustified", "unjust", "abhorrent", "despicable", "scandalous", "biased", "unfair", "one-sided",
        "discriminatory", "hypocritical", "dishonest", "corrupt",
    ]
    static let copulas: WordSet = ["is", "was", "are", "were", "be", "been", "being", "remains", "remain"]
    /// Verbs that hold their object to be so: "considers settlement activity illegal".
    static let holdingVerbs: WordSet = [
        "considers", "considered", "consider", "deems", "deemed", "deem", "called", "calls", "branded", "brands",
    ]
    /// Verbs that report a verdict.
    static let verdictVerbs: WordSet = [
        "said", "says", "say", "told", "tells", "stated", "states", "reiterated", "reiterates", "stressed",
        "stresses", "insisted", "insists", "considers", "considered", "consider", "deems", "deemed", "testified",
        "wrote", "argued", "argues", "added", "declared",
    ]
    /// Verbs whose subject undergoes the act that their object names: "faced criticism", "drew condemnation".
    static let experiencerVerbs: WordSet = [
        "faced", "faces", "face", "facing", "drew", "draws", "drawing", "drawn", "received", "receives", "under",
        "sparked", "triggered", "prompted",
    ]
    static let swapVerbs: WordSet = ["swapped", "swaps", "swap", "exchanged", "exchanges", "traded", "trades"]
    static let captiveWords: WordSet = [
        "hostages", "hostage", "prisoners", "prisoner", "detainees", "detainee", "captives", "captive", "pows",
    ]
    /// Social platforms, by group id: used as a medium ("posted on Twitter") they are no participant.
    static let platforms: WordSet = [
        "twitter", "facebook", "youtube", "instagram", "weibo", "tiktok", "telegram", "whatsapp", "wechat", "reddit",
        "linkedin",
    ]
    /// Nouns after a platform's name that make it a medium: "the Twitter account", "a Facebook post".
    static let platformNouns: WordSet = [
        "account", "accounts", "post", "posts", "feed", "page", "video", "videos", "user", "users", "ad", "ads",
        "thread", "message", "messages", "channel",
    ]
    /// Words that name armed forces or police in a participant's name.
    static let forceWords: WordSet = [
        "army", "military", "troops", "forces", "police", "soldiers", "guard", "navy", "marines", "militia",
    ]
    /// Words that hedge what a sentence reports.
    static let hedges: WordSet = [
        "allegedly", "alleged", "reportedly", "suspected", "purportedly", "apparently", "believed", "thought",
        "likely", "possibly", "presumably", "unconfirmed",
    ]
    /// Auxiliaries, modals and adverbs between a subject and its verb ("it will not", "they are willing to").
    static let verbGroupWords: WordSet = [
        "will", "would", "shall", "has", "have", "had", "is", "are", "was", "were", "be", "been", "not", "also", "now",
        "still", "to", "willing", "ready", "can", "may", "must", "should", "already", "never", "s", "ll", "d",
    ]
    /// Words after which a verb form is the verb of a clause ("he says", "which threatens").
    static let subjectWords: WordSet = [
        "he", "she", "it", "they", "we", "who", "which", "that", "also", "now", "still", "has", "have", "had",
        "government", "officials", "authorities", "ministry", "police", "army", "forces", "troops", "leaders",
        "rebels", "president", "minister",
    ]
    /// Verbs of striking that, in a sentence about computers, are a cyberattack.
    static let strikeVerbs: WordSet = [
        "hit", "targeted", "struck", "breached", "hacked", "disrupted", "crippled", "defaced", "defacing",
    ]
    /// Words that put an attack on computers ("websites", "systems", "servers").
    static let computerWords: WordSet = [
        "website", "websites", "systems", "servers", "network", "networks", "computer", "computers", "data",
        "online", "offline", "ddos", "infrastructure", "web", "email", "emails", "routers", "router", "software",
        "databases", "database", "passwords", "credentials", "cryptocurrency", "crypto", "bitcoin", "blockchain",
    ]
    /// Verbs that carry little event meaning of their own: their object names the event.
    static let lightVerbs: WordSet = [
        "launch", "launched", "launches", "hold", "held", "holds", "mount", "mounted", "stage", "staged", "conduct",
        "conducted", "open", "opened", "renew", "renewed", "resume", "resumed", "begin", "began", "begun", "start",
        "started", "undertake", "undertook", "complete", "completed", "announce", "announced", "call", "called",
        "order", "ordered", "carry", "carried", "speeded", "sped", "end", "ended", "go", "went", "join", "joined",
    ]
    static let determiners: WordSet = [
        "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "s",
    ]

    /// A participant occurrence in the text.
    struct Occurrence {
        var participant: Participant
        var firstToken: Int
        var endToken: Int
    }

    /// The events of a text's sentences. `companies`: the ids of the companies and of their officers, whose
    /// agreements are business deals and whose changes of leadership are no events.
    ///
    /// `analyses`: the language layer's analyses of `sentences` (each sentence that names a participant is
    /// analysed once), for the rules that read clauses (`EventRules/`); without them those rules do not apply.
    /// The items of `indices` grouped by the sentence whose start is the last at or before each item's key
    /// (`sentenceStarts` ascending), in their given order. An item before the first sentence is in none.
    static func bySentence(
        _ indices: Range<Int>, count: Int, key: (Int) -> Int, sentenceStarts: [Int]
    ) -> [[Int]] {
        var groups = [[Int]](repeating: [], count: count)
        for item in indices {
            let position = key(item)
            var low = 0
            var high = sentenceStarts.count
            while low < high {
                let middle = (low + high) / 2
                if sentenceStarts[middle] <= position { low = middle + 1 } else { high = middle }
            }
            if low > 0 { groups[low - 1].append(item) }
        }
        return groups
    }

    func code(
        _ text: TokenizedText, sentences: [Sentence], participants: [Occurrence], dates: [TimeExpression],
        companies: Set<String> = [], analyses: SentenceAnalyses? = nil
    ) -> [Event] {
        var events: [Event] = []
        var index: [String: Int] = [:]
        // Identical events of an article collapse into one with a mention count.
        func record(_ event: Event) {
            let key = [
                event.type, event.mode ?? "", event.cameo, event.actor?.id ?? "", event.target?.id ?? "",
                event.date?.value ?? "",
            ].joined(separator: "|")
            if let existing = index[key] {
                events[existing].absorb(event)
            } else {
                index[key] = events.count
                var event = event
                event.rules = Array(Set(event.rules)).sorted()
                events.append(event)
            }
        }
        // Each sentence reads only its own participants and dates: they are put in the sentence that holds
        // their start once (array order kept), so coding stays linear in the text's length.
        let participantsBySentence = Self.bySentence(
            participants.indices, count: sentences.count, key: { participants[$0].firstToken },
            sentenceStarts: sentences.map(\.firstToken))
        let datesBySentence = Self.bySentence(
            dates.indices, count: sentences.count, key: { dates[$0].start }, sentenceStarts: sentences.map(\.start))
        // The official named last (in array order) before each sentence: officials by where they end.
        let officials = participants.indices.filter { participants[$0].participant.kind == .official }
            .sorted { participants[$0].endToken < participants[$1].endToken }
        var officialCursor = 0
        var lastOfficial: Int?
        // The actor of the sentence before's last verb event, for a sentence that starts with "It".
        var sentenceActor: Participant?
        for (sentenceIndex, sentence) in sentences.enumerated() {
            let previousActor = sentenceActor
            sentenceActor = nil
            while officialCursor < officials.count,
                participants[officials[officialCursor]].endToken <= sentence.firstToken
            {
                lastOfficial = max(lastOfficial ?? officials[officialCursor], officials[officialCursor])
                officialCursor += 1
            }
            let eventsBefore = events.count
            let sentenceText = text.text(from: sentence.start, to: sentence.end)
            if sentenceText.hasSuffix("?") || sentenceText.hasSuffix("?\"") || sentenceText.hasSuffix("?”") { continue }
            let datelineEnd =
                Self.datelineEnd(of: text.scalars[sentence.start..<sentence.end]).map { sentence.start + $0 }
                ?? sentence.start
            let sentenceParticipants = participantsBySentence[sentenceIndex].map { participants[$0] }
            let inSentence = sentenceParticipants.filter {
                $0.firstToken >= sentence.firstToken && $0.endToken <= sentence.endToken
                    && text.tokens[$0.firstToken].start >= datelineEnd
                    && !Self.isPolledShare($0, in: text, sentenceStart: sentence.firstToken)
                    && !Self.namesDocument($0, in: text, sentenceEnd: sentence.endToken)
            }
            guard !inSentence.isEmpty else { continue }
            let analyzed = analyses.map { AnalyzedSentence($0.analysis(sentenceIndex)) }
            let tokens = Array(text.tokens[sentence.firstToken..<sentence.endToken])
            let sentenceDates = datesBySentence[sentenceIndex].map { dates[$0] }.filter {
                $0.start >= sentence.start && $0.end <= sentence.end && ($0.type == .date || $0.type == .time)
                    && $0.granularity != nil
            }
            // A part of a compound ("long-threatened", "anti-war") is no verb of the sentence.
            let compoundParts = Set(
                (sentence.firstToken + 1..<sentence.endToken).filter {
                    text.tokens[$0].start > 0 && text.scalars[text.tokens[$0].start - 1] == "-"
                }.map { $0 - sentence.firstToken })
            var cueMatches = Self.cues(in: tokens, compoundParts: compoundParts)
            if let analyzed { cueMatches = ObjectHeadRule.merged(cueMatches, tokens: tokens, analyzed: analyzed) }
            let hedged = tokens.contains { Self.hedges.contains($0) }
            let cueOffsets = cueMatches.map { match in
                text.tokens[sentence.firstToken + match.start]
                    .start..<text.tokens[sentence.firstToken + match.end - 1].end
            }
            // The sentence's main event is the first verb cue that finds an actor (one event per actor); the
            // project's nominal cues ("a cyberattack on Albania") add the events the sentence reports in passing.
            var mainFound = false
            // Where the main event's cue ends: a clause after ", but" past it has a main event of its own.
            var mainCueEnd = sentence.firstToken
            var hostile: [(cueStart: Int, actor: Participant)] = []
            let lastPerson = lastOfficial.map { participants[$0].participant }
            var currentSegment = 0
            // Whether the subordinate clause that opens the sentence (rule clause.subordinate) coded an event.
            var leadingFound = false
            let leadingClause = SubordinateClauseRule.leadingClause(
                in: sentence.firstToken..<sentence.endToken, text: text, participants: inSentence)
            for cueMatch in cueMatches {
                let cue = cueMatch.cue
                let cueStart = sentence.firstToken + cueMatch.start
                let cueEnd = sentence.firstToken + cueMatch.end
                // Rule clause.segment: the parts of a sentence between semicolons are clauses
                // of their own: each has its main event, and no role crosses into another part.
                let segment = analyzed?.part(containing: text.tokens[cueStart].start) ?? 0
                if segment != currentSegment {
                    currentSegment = segment
                    mainFound = false
                }
                let inPart = inSentence.filter {
                    analyzed?.part(containing: text.tokens[$0.firstToken].start) ?? 0 == segment
                }
                var inSegment = inPart
                // The clause the cue's word is the verb of, looked up once for every rule that reads it.
                let verbClause = analyzed?.clause(atWordStarting: text.tokens[cueStart].start)
                let inLeadingClause = leadingClause?.contains(cueStart) ?? false
                // After the subordinate clause, a main clause whose subject names no participant ("When Russia
                // invaded Ukraine, it also attacked Georgia") gets no event of its own once that clause coded one:
                // its pronoun may stand for either name before the comma.
                var afterLeadingClause = false
                var leadingRuleApplies = false
                if let leadingClause {
                    let sameSide = SubordinateClauseRule.sameSide(
                        of: cueStart, clause: leadingClause, participants: inSegment)
                    if inLeadingClause
                        || SubordinateClauseRule.namesItsSubject(
                            verbClause, analyzed: analyzed, participants: sameSide, text: text)
                    {
                        afterLeadingClause = !inLeadingClause
                        leadingRuleApplies = sameSide.count < inSegment.count || afterLeadingClause && leadingFound
                        inSegment = sameSide
                    }
                }
                // One main event per clause: a verb after "and" ("dismissed the measures and denied ...") opens
                // another, and so does a subordinate clause with its own subject ("18 years after Washington
                // invaded the country").
                let subordinate = opensSubordinateClause(
                    cueStart, in: text, participants: inSentence, sentenceStart: sentence.firstToken)
                // Rule coordination.but-clause: "Albania blamed Iran, but Iran said it rejected the claims".
                let afterBut =
                    mainFound && !cue.nominal
                    && followsClauseBut(cueStart, after: mainCueEnd, in: text, participants: inSentence)
                guard
                    cue.nominal || !mainFound && !(leadingFound && !afterLeadingClause)
                        || followsAnd(cueStart, in: text, sentenceStart: sentence.firstToken) || subordinate
                        || afterBut
                else { continue }
                // Rule clause.relative: a relative clause's verb is no main event of the sentence.
                let relativeClause =
                    cue.nominal ? nil : verbClause.flatMap { RelativeClauseRule.described(by: $0) == nil ? nil : $0 }
                // "amid protests", "despite months of protests": a background, not an event the sentence reports.
                if cue.nominal,
                    (max(sentence.firstToken, cueStart - 4)..<cueStart).contains(where: {
                        ["amid", "despite"].contains(text.tokens[$0].key)
                    })
                {
                    continue
                }
                // A cue inside a participant's name ("Attack Team") is not a cue.
                if inSentence.contains(where: { $0.firstToken < cueEnd && cueStart < $0.endToken }) { continue }
                if cue.fromVerbDictionary,
                    isNounUse(text, cue: cueStart, cueEnd: cueEnd, sentence: sentence, participants: inSentence)
                {
                    continue
                }
                let cueWord = text.tokens[cueStart].key
                // "prompted users to argue", "invited to submit plans": an infinitive that no verb of intention or
                // decision governs is no act of the sentence ("goes on to accuse" is one).
                if cueStart >= sentence.firstToken + 2, text.tokens[cueStart - 1].key == "to",
                    !Self.complementVerbs.contains(text.tokens[cueStart - 2]),
                    !Self.intentMarkers.contains(text.tokens[cueStart - 2]),
                    !Self.verbGroupWords.contains(text.tokens[cueStart - 2]), text.tokens[cueStart - 2].key != "on",
                    !cue.nominal
                {
                    continue
                }
                // "decided to allow", "vowed to fight": the verb after "to" carries the event.
                if cueEnd - cueStart == 1, Self.complementVerbs.contains(cueWord), cueEnd < sentence.endToken,
                    text.tokens[cueEnd].key == "to"
                {
                    continue
                }
                // "goes on to accuse", "went on to win": going on is no act; the verb after "to" is.
                if ["go", "goes", "went", "going", "gone"].contains(cueWord), cueEnd + 1 < sentence.endToken,
                    text.tokens[cueEnd].key == "on", text.tokens[cueEnd + 1].key == "to"
                {
                    continue
                }
                let window = text.tokens[cueEnd..<min(sentence.endToken, cueEnd + 6)]
                if Self.marketVerbs.contains(cueWord), let next = window.first, next.key.first?.isNumber == true {
                    continue
                }
                // "linked a breach of the ministry's email to Fancy Bear": an attribution (the attribution rule
                // makes it the speaker's accusation), no tie between the two.
                if Self.tracingVerbs.contains(cueWord),
                    text.tokens[cueEnd..<min(sentence.endToken, cueEnd + 12)].contains(where: { $0.key == "to" })
                {
                    continue
                }
                guard
                    var cue = modulated(
                        wantsOfOther(cue, cueWord: cueWord, after: cueEnd, in: text, sentence: sentence),
                        by: modality(text, sentence: sentence, cue: cueStart))
                else { continue }
                let cyberContext = tokens.contains {
                    GroupMatcher.cyberWords.contains($0) || Self.computerWords.contains($0)
                }
                // An intrusion verb ("compromised", "broke into") names a cyberattack only about computers.
                if cue.cameo == "176", Self.intrusionVerbs.contains(cueWord), !cyberContext { continue }
                // "in a statement released last week": a participle right after a document is its publication, as
                // "released a statement" is (below), not a release of persons.
                if cueWord.hasPrefix("release"), cueStart > sentence.firstToken,
                    Self.documentWords.contains(text.tokens[cueStart - 1])
                {
                    continue
                }
                let windowEnd = window.last?.end ?? text.tokens[cueEnd - 1].end
                let quoteFollows = text.scalars[text.tokens[cueEnd - 1].end..<windowEnd].contains {
                    "“\"‘".unicodeScalars.contains($0)
                }
                guard
                    let objectCoded = recoded(cue, cueWord: cueWord, window: Array(window), quoteFollows: quoteFollows)
                else { continue }
                cue = objectCoded
                let clause = cue.nominal ? nil : verbClause
                if let analyzed, let clause, OpinionRule.statesOpinion(cue, clause: clause, analyzed: analyzed) {
                    continue
                }
                if let analyzed, let clause,
                    let event = EventSubjectRule.cue(
                        for: cue, clause: clause, analyzed: analyzed, matches: cueMatches, tokens: tokens)
                {
                    cue = event
                }
                // An attack in a sentence about computers is a cyberattack (CAMEO 176, PLOVER COERCE cyber).
                var ruleIDs = [cue.origin] + cue.rules
                if cue.type == "ASSAULT" || cueWord.hasPrefix("attack") || Self.strikeVerbs.contains(cueWord),
                    cue.type != "COERCE", cyberContext
                {
                    cue = EventCue(
                        type: "COERCE", mode: "cyber", context: ["cyber"], cameo: "176", quadClass: 4,
                        nominal: cue.nominal, fromVerbDictionary: cue.fromVerbDictionary, governed: cue.governed)
                    ruleIDs.append("cue.cyber-context")
                }
                let date = clauseDate(
                    for: cueStart, cueEnd: cueEnd, in: text, among: sentenceDates, cueOffsets: cueOffsets)
                var coded = false
                var pairs = roles(
                    cue: cue, cueStart: cueStart, cueEnd: cueEnd, text: text, participants: inSegment,
                    sentenceStart: sentence.firstToken, lastPerson: lastPerson)
                ruleIDs.append("roles.window")
                // A participle that describes a noun ("sailors released by Iran") is no main verb of the sentence.
                let describing = reducedPassive(
                    cueStart: cueStart, cueEnd: cueEnd, in: text, after: inSegment.filter { $0.firstToken >= cueEnd })
                if !cue.nominal,
                    countryPhrase(
                        of: cue, after: cueEnd, in: text,
                        before: inSegment.first { $0.firstToken >= cueEnd }?.firstToken),
                    pairs.contains(where: { pair in
                        inSegment.contains { $0.participant.id == pair.1?.id && $0.endToken <= cueStart }
                    })
                {
                    ruleIDs.append(Self.theNation)
                }
                if describing {
                    // "an attack claimed by the Play gang": who claims an act takes it as its own; no accusation.
                    if cueWord == "claimed" { continue }
                    ruleIDs.append(Self.reducedParticiple)
                }
                if afterBut { ruleIDs.append("coordination.but-clause") }
                if leadingRuleApplies { ruleIDs.append(SubordinateClauseRule.id) }
                if let analyzed, let relativeClause {
                    ruleIDs.append(RelativeClauseRule.id)
                    if let mainVerb = RelativeClauseRule.mainVerbStart(after: relativeClause, analyzed: analyzed),
                        let trimmed = ClauseRoles.dropping(
                            pairs, namedOnlyAfter: mainVerb, cueEnd: text.tokens[cueEnd - 1].end,
                            participants: inSegment, text: text)
                    {
                        pairs = trimmed
                    }
                }
                if inPart.count < inSentence.count { ruleIDs.append("clause.segment") }
                if let analyzed, let clause {
                    let filled = ClauseRoles.filled(
                        pairs, clause: clause, analyzed: analyzed, participants: inSegment, text: text)
                    pairs = filled.pairs
                    ruleIDs += filled.rules
                }
                if let analyzed, let clause,
                    let checked = ClauseRoles.checkedActors(
                        pairs, clause: clause, analyzed: analyzed, participants: inSegment, text: text)
                {
                    pairs = checked.pairs
                    ruleIDs.append(checked.rule)
                }
                let cueEndOffset = text.tokens[cueEnd - 1].end
                if let analyzed, clause != nil,
                    let trimmed = ClauseRoles.targetsBeforeNextVerb(
                        pairs, cueEnd: cueEndOffset, analyzed: analyzed, participants: inSegment, text: text)
                {
                    pairs = trimmed.pairs
                    ruleIDs.append(trimmed.rule)
                }
                if let closing = QuoteRule.closingQuote(
                    after: cueEndOffset, in: text, sentence: sentence.start..<sentence.end),
                    let trimmed = ClauseRoles.dropping(
                        pairs, namedOnlyAfter: closing, cueEnd: cueEndOffset, participants: inSegment, text: text)
                {
                    pairs = trimmed
                    ruleIDs.append(QuoteRule.id)
                }
                if let analyzed, let clause, ReciprocalRule.codes.contains(cue.cameo),
                    let reciprocal = ReciprocalRule.pairs(
                        cameo: cue.cameo,
                        subjects: analyzed.participants(
                            in: analyzed.analysis.verbGroups[clause.verbGroup].voice == .passive
                                ? clause.agents : clause.subjects, among: inSegment, text: text),
                        coded: pairs)
                {
                    pairs = reciprocal
                    ruleIDs.append(ReciprocalRule.id)
                }
                // Rule speech.it-previous-actor: "It goes on to accuse the UK" after a sentence whose act was Iran's
                // mission's: a sentence that opens with "it" and names no one before the verb continues what the
                // sentence before reported of its actor (a country or a group; "he" and "she" are the window's).
                if !cue.nominal, let previousActor, previousActor.kind != .official,
                    text.tokens[sentence.firstToken].key == "it",
                    !inSegment.contains(where: { $0.firstToken < cueStart }), pairs.contains(where: { $0.0 == nil })
                {
                    pairs = pairs.map { ($0.0 ?? previousActor, $0.1) }
                    ruleIDs.append("speech.it-previous-actor")
                }
                for (actor, found) in pairs {
                    var target = found
                    // "Iran's spokesman denied that Iran conducts cyberattacks": one denies for one's own country,
                    // not toward it.
                    if cue.cameo.hasPrefix("016"), let denied = target, denied.kind == .country,
                        denied.id == actor?.country
                    {
                        target = nil
                    }
                    guard actor != nil || target != nil, actor?.id != target?.id || actor == nil else { continue }
                    // A cooperative act is done by someone with or for someone: a dictionary verb of cooperation at
                    // its default code with no actor or no target ("Americans have gone to the polls") is no event.
                    if target == nil || actor == nil, cue.verbDefault, cue.cameo.count == 3, cue.cameo.hasSuffix("0"),
                        (3...8).contains(Int(cue.cameo.prefix(2)) ?? 0)
                    {
                        continue
                    }
                    // "Netanyahu visited the Gush Etzion settlement bloc": a visit inside one's own country
                    // consults no one.
                    if cue.cameo.hasPrefix("04"), let actor, let target, target.kind == .country,
                        target.id == actor.country
                    {
                        continue
                    }
                    coded = coded || actor != nil
                    if !cue.nominal, let actor { sentenceActor = actor }
                    var cue = cue
                    var eventRules = ruleIDs
                    // "T-Mobile CEO John Legere is stepping down": a company's change of leadership concedes
                    // nothing to anyone (CAMEO 083 is a government's).
                    if cue.cameo.hasPrefix("083"), let actor, companies.contains(actor.id) { continue }
                    // "WeWork reached an agreement with JLL": a company's agreement is a business deal (CAMEO 061).
                    if cue.cameo == "057", let actor, companies.contains(actor.id) {
                        (cue.type, cue.mode, cue.context, cue.cameo, cue.quadClass) = (
                            "COOPERATE", nil, ["economic"], "061", 2
                        )
                        eventRules.append("cue.company-deal")
                    }
                    // "Troops took to the streets": a show of force (CAMEO 150), not a demonstration.
                    if cue.cameo == "141", Self.takingVerbs.contains(cueWord),
                        let words = actor?.text.lowercased().split(separator: " "),
                        words.contains(where: { Self.forceWords.contains(String($0)) })
                    {
                        (cue.type, cue.mode, cue.context, cue.cameo) = ("MOBILIZE", nil, ["military"], "150")
                        eventRules.append("cue.show-of-force")
                    }
                    let event = Event(
                        type: cue.type, mode: cue.mode, context: cue.context, cameo: cue.cameo, actor: actor,
                        target: target, date: date, sentence: sentenceText, sentenceStart: sentence.start,
                        sentenceEnd: sentence.end,
                        cue: text.text(from: text.tokens[cueStart].start, to: text.tokens[cueEnd - 1].end),
                        certainty: hedged ? "alleged" : "asserted", rules: eventRules)
                    record(event)
                    // An exchange of captives is a release by each side.
                    if cue.cameo == "0841", Self.swapVerbs.contains(cueWord), let actor, let target {
                        var reverse = event
                        (reverse.actor, reverse.target) = (target, actor)
                        reverse.rules.append("reciprocal.exchange")
                        record(reverse)
                    }
                    // A subordinate clause ("while Berlin suspended aid") is no part of what a speaker said.
                    if let actor, cue.quadClass == 4, !(subordinate && mainFound) { hostile.append((cueStart, actor)) }
                }
                if coded && !cue.nominal && !describing && relativeClause == nil {
                    if inLeadingClause {
                        leadingFound = true
                    } else {
                        mainFound = true
                        mainCueEnd = cueEnd
                    }
                }
            }
            // A speaker's act at its verb of saying: an accusation or a criticism.
            func recordSpeech(
                _ cameo: String, mode: String?, speaker: Participant, target: Participant?, verb: Int, rule: String
            ) {
                record(
                    Event(
                        type: "ACCUSE", mode: mode, context: [], cameo: cameo, actor: speaker,
                        target: target,
                        date: clauseDate(
                            for: verb, cueEnd: verb + 1, in: text, among: sentenceDates, cueOffsets: cueOffsets),
                        sentence: sentenceText, sentenceStart: sentence.start, sentenceEnd: sentence.end,
                        cue: text.text(from: text.tokens[verb].start, to: text.tokens[verb].end),
                        certainty: hedged ? "alleged" : "asserted", rules: [rule]))
            }
            // "Vindman and Williams told lawmakers that Trump's request was inappropriate": a speaker's verdict is
            // a criticism (CAMEO 111) of the participant the verdict is about, when the sentence codes nothing else
            // for the speaker.
            for (verb, speaker, target) in verdicts(in: text, sentence: sentence, participants: inSentence)
            where !events[eventsBefore...].contains(where: {
                $0.sentenceStart == sentence.start && $0.actor?.id == speaker.id
            }) {
                recordSpeech(
                    "111", mode: "disapprove", speaker: speaker, target: target, verb: verb, rule: "speech.verdict")
            }
            // "Microsoft said a Russian unit broke into the accounts": a speaker who names another as the author
            // of a hostile act accuses it (CAMEO 112); "CISA and the FBI warned that ...": each speaker does.
            for (cueStart, author) in hostile {
                guard
                    let verb = (sentence.firstToken..<cueStart).first(where: {
                        Self.attributingVerbs.contains(text.tokens[$0])
                    })
                else { continue }
                // "... after investigators linked the breach to X": a subordinate clause's own subject speaks.
                let clauseStart =
                    (sentence.firstToken..<verb).last(where: { Self.subordinators.contains(text.tokens[$0]) })
                    ?? sentence.firstToken
                // Rule clause.relative: "Analysts who visited Norway said": Norway is not the one who says.
                let relativeSpan = analyzed.flatMap {
                    RelativeClauseRule.span(beforeVerbAt: text.tokens[verb].start, analyzed: $0)
                }
                let speakers = sentenceParticipants.filter {
                    $0.firstToken >= clauseStart && $0.endToken <= verb && !isObject($0, in: text)
                        && !(relativeSpan?.contains(text.tokens[$0.firstToken].start) ?? false)
                }
                for speaker in coordinatedGroup(endingBefore: verb, in: speakers, text: text)
                where speaker.id != author.id {
                    recordSpeech(
                        "112", mode: nil, speaker: speaker, target: author, verb: verb, rule: "speech.attribution")
                }
            }
        }
        return Self.withoutSubsumed(AttributionRule.attributed(HalvesRule.joined(events)))
    }

    /// An event whose target is not named ("The Arab League called it an adverse development") repeats one of
    /// the same actor and CAMEO root whose target is named ("the Arab League condemned the US move"): it is
    /// counted as a mention of that one.
    static func withoutSubsumed(_ events: [Event]) -> [Event] {
        var result = events
        var dropped = Set<Int>()
        for (index, event) in events.enumerated() where event.target == nil {
            guard let actor = event.actor,
                let named = events.firstIndex(where: {
                    $0.actor?.id == actor.id && $0.target != nil && $0.cameo.prefix(2) == event.cameo.prefix(2)
                })
            else { continue }
            result[named].absorb(event)
            dropped.insert(index)
        }
        return result.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
    }

    /// Verdicts of speakers: a verb of saying or holding ("said", "told", "considers") whose clause ends in a
    /// predicate of condemnation ("was inappropriate", "considers all settlement activity illegal"), with the
    /// speakers (coordinated subjects of the verb) and the first participant after the verb, the verdict's
    /// subject, as target.
    private func verdicts(
        in text: TokenizedText, sentence: Sentence, participants: [Occurrence]
    ) -> [(verb: Int, speaker: Participant, target: Participant?)] {
        guard
            let adjective = (sentence.firstToken..<sentence.endToken).first(where: { position in
                guard Self.verdictWords.contains(text.tokens[position]) else { return false }
                // Predicate position: after a copula or a verb of holding, adverbs and quotes aside, and not
                // before a noun ("illegal immigrants").
                var scan = position - 1
                while scan > sentence.firstToken, text.tokens[scan].key.hasSuffix("ly") { scan -= 1 }
                let next = position + 1 < sentence.endToken ? text.tokens[position + 1].key : ""
                let closes =
                    position + 1 >= sentence.endToken || !(next.first?.isLetter ?? false)
                    || ["under", "and", "because", "in", "to", "for", "that", "as"].contains(next)
                    || text.tokens[position].end < text.tokens[position + 1].start
                        && text.scalars[text.tokens[position].end..<text.tokens[position + 1].start].contains {
                            !$0.properties.isWhitespace
                        }
                return closes
                    && (Self.copulas.contains(text.tokens[scan])
                        || (sentence.firstToken..<position).contains { Self.holdingVerbs.contains(text.tokens[$0]) })
            }),
            !(max(sentence.firstToken, adjective - 3)..<adjective).contains(where: {
                Self.negations.contains(text.tokens[$0])
            }),
            let verb = (sentence.firstToken..<adjective).last(where: {
                Self.verdictVerbs.contains(text.tokens[$0])
            })
        else { return [] }
        let subjects = participants.filter { $0.endToken <= verb && !isObject($0, in: text) }
        let speakers = coordinatedGroup(endingBefore: verb, in: subjects, text: text)
        let target = participants.first(where: { $0.firstToken > verb && $0.endToken <= adjective })?.participant
        return speakers.filter { $0.id != target?.id }.map { (verb, $0, target) }
    }

    /// Whether the cue is the verb of a subordinate clause whose subject is a participant right after the
    /// conjunction ("after Washington invaded", "when the UK returned"), or a passive with its agent ("having
    /// been annexed by Germany").
    private func opensSubordinateClause(
        _ cue: Int, in text: TokenizedText, participants: [Occurrence], sentenceStart: Int
    ) -> Bool {
        let scan = beforeVerbGroup(cue, in: text, lowerBound: 0)
        // "..., having been annexed by Hitler's Germany": a passive with its agent is a clause of its own.
        if cue > 0, Self.passiveAuxiliaries.contains(text.tokens[cue - 1]), cue + 1 < text.tokens.count,
            text.tokens[cue + 1].key == "by",
            participants.contains(where: { (cue + 2...cue + 4).contains($0.firstToken) })
        {
            return true
        }
        // "The Palestinian Authority - which has rejected the US as a mediator - called for a meeting": the verb
        // after a relative clause between dashes is the main clause's.
        if relativeParenthesis(endingBefore: scan + 1, in: text, sentenceStart: sentenceStart) != nil { return true }
        guard let subject = participants.first(where: { $0.endToken == scan + 1 }) else { return false }
        var opener = subject.firstToken - 1
        if opener >= 0, text.tokens[opener].key == "the" { opener -= 1 }
        return opener >= 0 && Self.subordinators.contains(text.tokens[opener])
    }

    /// Whether a participant is the object of a preposition or of "told", or an example ("politicians such as
    /// Bill Clinton"): no subject of a verb after it.
    private func isObject(_ occurrence: Occurrence, in text: TokenizedText) -> Bool {
        let first = occurrence.firstToken
        guard let marker = prepositionIndex(before: occurrence, in: text) else { return false }
        if Self.objectMarkers.contains(text.tokens[marker]) { return true }
        // An example, its title aside: "such as President Donald Trump".
        var scan = first - 1
        while scan > 0, text.tokens[scan].isCapitalized, OfficialMatcher.titleWords.contains(text.tokens[scan]) {
            scan -= 1
        }
        return scan > 0 && text.tokens[scan].key == "as" && text.tokens[scan - 1].key == "such"
    }

    /// The token where a preposition before a participant would be, over an article: "in Zimbabwe", "by the
    /// US Senate".
    private func prepositionIndex(before occurrence: Occurrence, in text: TokenizedText) -> Int? {
        let first = occurrence.firstToken
        guard first > 0 else { return nil }
        return first > 1 && text.tokens[first - 1].key == "the" ? first - 2 : first - 1
    }

    /// The first token of a relative clause set off by dashes that ends right before `token` ("- which has
    /// rejected the Trump administration as a mediator -"), if there is one.
    private func relativeParenthesis(endingBefore token: Int, in text: TokenizedText, sentenceStart: Int) -> Int? {
        func dashBefore(_ position: Int) -> Bool {
            guard position > sentenceStart, position < text.tokens.count else { return false }
            let gap = text.scalars[text.tokens[position - 1].end..<text.tokens[position].start]
            return gap.contains { "—–".unicodeScalars.contains($0) || $0 == "-" } && !gap.allSatisfy { $0 == "-" }
        }
        guard dashBefore(token), let open = (sentenceStart..<token).last(where: dashBefore),
            ["which", "who", "whose", "whom"].contains(text.tokens[open].key)
        else { return nil }
        return open
    }

    /// The token before the cue's verb group: auxiliaries, modals and "-ly" adverbs ("has also strongly"), up
    /// to four tokens back and not before `lowerBound`.
    private func beforeVerbGroup(_ cue: Int, in text: TokenizedText, lowerBound: Int) -> Int {
        var scan = cue - 1
        while scan >= lowerBound, cue - scan <= 4,
            Self.verbGroupWords.contains(text.tokens[scan]) || text.tokens[scan].key.hasSuffix("ly")
        {
            scan -= 1
        }
        return scan
    }

    /// Rule roles.polled-share: a share of a country's people ("70 percent of Americans", "a majority of
    /// Britons", "most Iranians") is no participant of an event: what it says or wants is a poll's finding, not
    /// an act of the country. Only a people named in the plural counts (a name ending in "s" after the share
    /// word and "of"), so that "half of Iraq" stays a participant.
    static func isPolledShare(_ occurrence: Occurrence, in text: TokenizedText, sentenceStart: Int) -> Bool {
        guard occurrence.participant.kind == .country, occurrence.endToken - occurrence.firstToken == 1 else {
            return false
        }
        let mention = text.tokens[occurrence.firstToken].key
        guard mention.hasSuffix("s"), occurrence.firstToken > sentenceStart else { return false }
        let before = text.tokens[occurrence.firstToken - 1].key
        if ["most", "many"].contains(before) { return true }
        guard before == "of", occurrence.firstToken - 2 >= sentenceStart else { return false }
        return shareWords.contains(text.tokens[occurrence.firstToken - 2])
    }

    static let shareWords: WordSet = [
        "percent", "%", "majority", "minority", "plurality", "half", "third", "thirds", "quarter", "quarters",
        "most", "share", "proportion", "fifth", "fifths",
    ]

    /// Rule roles.document-name: a country named in the name of a law or a treaty ("the Hong Kong Human Rights
    /// and Democracy Act would impose sanctions", "under the Paris Agreement") is no participant: the document
    /// acts or is acted on, not the country. The name runs on from the country in capitalised words (and
    /// "and", "of", "for", "on") with nothing but a space between them, and ends with a word of ``lawWords``.
    static func namesDocument(_ occurrence: Occurrence, in text: TokenizedText, sentenceEnd: Int) -> Bool {
        guard occurrence.participant.kind == .country else { return false }
        var index = occurrence.endToken
        var previousEnd = text.tokens[index - 1].end
        while index < min(sentenceEnd, occurrence.endToken + 8) {
            let token = text.tokens[index]
            guard token.start - previousEnd <= 1 else { return false }
            if token.isCapitalized {
                let next = index + 1 < sentenceEnd ? text.tokens[index + 1] : nil
                let nameGoesOn = next.map { $0.isCapitalized && $0.start - token.end <= 1 } ?? false
                if lawWords.contains(token), !nameGoesOn { return true }
            } else if !["and", "of", "for", "on"].contains(token.key) {
                return false
            }
            previousEnd = token.end
            index += 1
        }
        return false
    }

    static let lawWords: WordSet = [
        "act", "law", "bill", "treaty", "accord", "accords", "convention", "agreement", "resolution", "declaration",
        "charter", "protocol", "pact", "directive", "amendment", "constitution",
    ]

    /// Whether a clause coordinated by ", but" with its own subject stands between the main event's cue (ending
    /// at `mainEnd`) and `cue`: its verb is a main event of its own, as a subordinate clause's is ("Albania
    /// blamed Iran for the breach, but Iran said it rejected the claims"). The subject, a participant or a
    /// pronoun, stands after "but" and before the cue; without one ("..., but was still refusing") the verb
    /// shares the first clause's subject and adds no main event.
    private func followsClauseBut(
        _ cue: Int, after mainEnd: Int, in text: TokenizedText, participants: [Occurrence]
    ) -> Bool {
        guard mainEnd > 0, mainEnd < cue,
            let but = (mainEnd..<cue).last(where: { index in
                text.tokens[index].key == "but"
                    && text.scalars[text.tokens[index - 1].end..<text.tokens[index].start].contains(",")
            })
        else { return false }
        return participants.contains { $0.firstToken > but && $0.endToken <= cue }
            || (but + 1..<cue).contains { Self.pronouns.contains(text.tokens[$0]) }
    }

    /// Whether the cue's verb group follows "and": a second verb of the same subject.
    private func followsAnd(_ cue: Int, in text: TokenizedText, sentenceStart: Int) -> Bool {
        let scan = beforeVerbGroup(cue, in: text, lowerBound: sentenceStart + 1)
        return scan >= sentenceStart && text.tokens[scan].key == "and"
    }

    /// The cue as the words after its verb decide it: "summoned the Russian ambassador" is a protest (111),
    /// "called the report 'groundless'" a criticism (111), "rejected the findings" a denial (016), "ordered
    /// three diplomats to leave" an expulsion (161), "captured a village" an armed attack (190), "blocked the
    /// bridge" an obstruction (144), and an attack on a position ("attacked his plan") a criticism (111). Nil: the
    /// words make it no event ("released a statement" publishes).
    private func recoded(_ cue: EventCue, cueWord: String, window: [Token], quoteFollows: Bool) -> EventCue? {
        let keys = window.map(\.key)
        func coded(
            _ cue: EventCue, _ type: String, _ mode: String?, _ cameo: String, _ quadClass: Int,
            context: [String] = []
        ) -> EventCue {
            var result = cue
            (result.type, result.mode, result.context, result.cameo, result.quadClass) = (
                type, mode, context, cameo, quadClass
            )
            result.verbDefault = false
            return result
        }
        var result = cue
        if cueWord.hasPrefix("summon"), keys.contains(where: Self.envoyWords.contains) {
            result = coded(cue, "ACCUSE", "disapprove", "111", 3)
        } else if ["rejected", "rejects", "reject", "dismissed", "dismisses", "dismiss", "ruled", "rules", "ruling"]
            .contains(cueWord), keys.prefix(4).contains(where: Self.claimWords.contains)
        {
            result = coded(cue, "REJECT", nil, "016", 3)
        } else if ["rejected", "rejects", "reject", "dismissed", "dismisses", "dismiss"].contains(cueWord),
            keys.prefix(4).contains(where: Self.criticismWords.contains)
        {
            // "dismissed the criticism": a rejection (CAMEO 12), not a criticism.
            result = coded(cue, "REJECT", nil, "120", 3)
        } else if ["ordered", "orders", "order", "told"].contains(cueWord),
            keys.contains(where: Self.envoyWords.contains), keys.contains("leave")
        {
            result = coded(cue, "SANCTION", "withdraw", "161", 4)
        } else if ["called", "calls", "call"].contains(cueWord), let first = keys.first,
            ["the", "it", "them", "this", "that", "these", "those", "his", "her", "their", "its"].contains(first),
            quoteFollows || keys.prefix(5).dropFirst().contains(where: { $0 == "a" || $0 == "an" }),
            !keys.contains(where: Self.praiseWords.contains)
        {
            // "called the process a sham": a verdict; "called the report 'groundless speculation'": a denial.
            result =
                keys.prefix(3).contains(where: Self.claimWords.contains)
                    && keys.contains(where: Self.falsehoodWords.contains)
                ? coded(cue, "REJECT", nil, "016", 3) : coded(cue, "ACCUSE", "disapprove", "111", 3)
        } else if ["called", "calls", "call"].contains(cueWord), let first = keys.first,
            ["the", "it", "them", "this", "that", "these", "those", "his", "her", "their", "its"].contains(first),
            keys.prefix(5).dropFirst().contains(where: { $0 == "a" || $0 == "an" })
        {
            // "called the deal a historic achievement": praise (CAMEO 051), no telephone call.
            result = coded(cue, "SUPPORT", nil, "051", 3)
        } else if ["called", "calls", "call"].contains(cueWord), cue.cameo.hasPrefix("04"), quoteFollows {
            // "Valve called 'Half Life: Alyx' a flagship game": naming, no telephone call.
            return nil
        } else if Self.swapVerbs.contains(cueWord) || cue.cameo.hasPrefix("08"),
            keys.prefix(4).contains(where: Self.captiveWords.contains), let release = EventLexicon.cue(code: "0841")
        {
            // "swapped two hostages for three commanders", "freed the prisoners": a release of persons.
            result = coded(cue, release.type, release.mode, "0841", 2, context: release.context)
        } else if cueWord.hasPrefix("release"), keys.prefix(4).contains(where: Self.documentWords.contains) {
            // "released a statement", "released the call to the public": a publication, no event.
            return nil
        } else if cue.cameo.hasPrefix("09"), ["hearing", "hearings"].contains(cueWord), keys.prefix(3).contains("with")
        {
            // "holds a public hearing with executives from AT&T": a meeting (CAMEO 040), not an inquiry.
            result = coded(cue, "CONSULT", nil, "040", 1)
        } else if Self.takingVerbs.contains(cueWord), keys.contains(where: Self.groundWords.contains) {
            result = coded(cue, "ASSAULT", nil, "190", 4, context: ["military"])
        } else if cue.cameo == "192", cueWord.hasPrefix("mov"), let into = keys.firstIndex(of: "into"),
            !window.dropFirst(into + 1).prefix(4).contains(where: {
                $0.isCapitalized || Self.groundWords.contains($0) || Self.placeWords.contains($0)
            })
        {
            // "moving into the race": moving into what is no place (a name or a place noun) occupies nothing.
            return nil
        } else if cueWord.hasPrefix("block"), keys.contains(where: Self.wayWords.contains) {
            result = coded(cue, "PROTEST", "obstruct", "144", 4)
        } else if ["agreed", "agrees", "agree"].contains(cueWord), keys.first == "with",
            keys.prefix(5).contains(where: Self.claimWords.contains)
        {
            // "agreed with the Ukrainian assessment": an endorsement of another's finding (051), no pledge.
            result = coded(cue, "SUPPORT", nil, "051", 1)
        } else if Self.defeatVerbs.contains(cueWord), keys.contains(where: Self.electionWords.contains) {
            // "Democrats beat incumbent Gov. Matt Bevin", "defeated him in the primary": a vote, no force.
            return nil
        }
        if result.type == "ASSAULT", keys.contains(where: Self.positionWords.contains) {
            result = coded(result, "ACCUSE", "disapprove", "111", 3)
        }
        return result
    }

    /// Whether a verb form of the CAMEO dictionary stands as a noun or gerund here: after a determiner,
    /// possessive or preposition, before "of", or a form that news uses as a preposition or adjective.
    private func isNounUse(
        _ text: TokenizedText, cue: Int, cueEnd: Int, sentence: Sentence, participants: [Occurrence]
    ) -> Bool {
        let word = text.tokens[cue].key
        if cueEnd - cue == 1, Self.notVerbs.contains(word) { return true }
        let previous = cue > sentence.firstToken ? text.tokens[cue - 1].key : ""
        if Self.nounContext.contains(previous) { return true }
        if cueEnd < sentence.endToken && text.tokens[cueEnd].key == "of" { return true }
        let afterParticipant = participants.contains { $0.endToken == cue }
        // "-s" forms are plural nouns ("threat campaigns", "Nato allies") unless a subject comes right before.
        if cueEnd - cue == 1, word.hasSuffix("s"), !word.hasSuffix("ss"), !afterParticipant,
            !Self.subjectWords.contains(previous)
        {
            return true
        }
        // A base form after a common noun or adjective is a noun ("teacher pay", "venture capital arm", "under
        // enormous pressure"): as a verb it would follow a pronoun, a plural subject, a modal or "to".
        if cueEnd - cue == 1, cue > sentence.firstToken, !afterParticipant, Self.isBaseForm(word) {
            let before = text.tokens[cue - 1]
            // "which regulates campaign finances", "he opposes aid": after a verb with its subject pronoun, the
            // base form is the object noun.
            let finiteVerb =
                cue - 2 >= sentence.firstToken && Self.relativeOrPersonalSubjects.contains(text.tokens[cue - 2])
                && previous.count > 2 && previous.hasSuffix("s") && !previous.hasSuffix("ss")
                && !Self.baseFormContext.contains(previous)
                && !["helps", "makes", "lets"].contains(previous)
            if finiteVerb { return true }
            let plural = previous.hasSuffix("s") && !previous.hasSuffix("ss") && !previous.hasSuffix("ous")
            if !before.isCapitalized, previous.first?.isLetter == true, !plural, !previous.hasSuffix("ly"),
                !Self.subjectWords.contains(previous), !Self.verbGroupWords.contains(previous),
                !Self.passiveAuxiliaries.contains(previous), !Self.baseFormContext.contains(previous)
            {
                return true
            }
        }
        // "-ing" forms modify a noun ("cyberattacks targeting Iran") unless a form of "be" makes them a verb.
        if word.hasSuffix("ing"), !Self.passiveAuxiliaries.contains(previous), !afterParticipant,
            !Self.subjectWords.contains(previous)
        {
            return true
        }
        return false
    }

    /// Whether a verb form is the bare infinitive or present: no "-s", "-ed" or "-ing", and no irregular past.
    static func isBaseForm(_ word: String) -> Bool {
        !(word.hasSuffix("s") && !word.hasSuffix("ss")) && !word.hasSuffix("ed") && !word.hasSuffix("ing")
            && !irregularPast.contains(word)
    }

    /// The cues of a sentence's tokens, in order: CAMEO verbs (a pattern around the verb first, then the
    /// project's own cue at the same words, then the verb's code), and the project's own cues elsewhere.
    static func cues(in tokens: [Token], compoundParts: Set<Int> = []) -> [(start: Int, end: Int, cue: EventCue)] {
        var result: [(start: Int, end: Int, cue: EventCue)] = []
        let own = EventLexicon.trie.matches(in: tokens)
        var claimed = [Bool](repeating: false, count: tokens.count)
        // A capitalised verb form inside a sentence is part of a name ("Free Trade Agreement", "Fast Company").
        for verb in EventLexicon.verbs(in: tokens)
        where !compoundParts.contains(verb.start) && (verb.start == 0 || !tokens[verb.start].isCapitalized)
            && !(Self.idiomVerbs.contains(tokens[verb.start]) && Self.idiomObject(after: verb.end, in: tokens))
            // "recognize that the deal fails": an acknowledgement, no recognition
            && !(verb.end < tokens.count && tokens[verb.end].key == "that"
                && tokens[verb.start].key.hasPrefix("recogni"))
            // "declined later to comment": no refusal of anything but speech
            && !(refusalVerbs.contains(tokens[verb.start])
                && tokens[verb.end..<min(tokens.count, verb.end + 3)].firstIndex(where: { $0.key == "to" }).map {
                    $0 + 1 < tokens.count && speechVerbs.contains(tokens[$0 + 1])
                } == true)
            // "a group called Salt Typhoon": naming, no call; so is "are often called hieleras"
            && !(tokens[verb.start].key == "called" && verb.start > 0 && verb.end < tokens.count
                && (passiveAuxiliaries.contains(tokens[verb.start - 1])
                    || verb.start > 1
                        && (tokens[verb.start - 1].key.hasSuffix("ly")
                            || ["often", "sometimes", "also", "now", "still"].contains(tokens[verb.start - 1].key))
                        && passiveAuxiliaries.contains(tokens[verb.start - 2]))
                && !["by", "on", "for", "in", "off", "to"].contains(tokens[verb.end].key))
            && !(["called", "named", "dubbed"].contains(tokens[verb.start].key) && verb.start > 0
                && verb.end < tokens.count && tokens[verb.end].isCapitalized && !tokens[verb.start - 1].isCapitalized
                && tokens[verb.start - 1].key.first?.isLetter == true
                && !subjectWords.contains(tokens[verb.start - 1])
                && !verbGroupWords.contains(tokens[verb.start - 1]))
            // "warned that hackers had compromised ...": a report, no threat, unless what follows is to come
            && !(tokens[verb.start].key.hasPrefix("warn")
                && tokens[verb.end..<min(tokens.count, verb.end + 4)].firstIndex(where: { $0.key == "that" }).map {
                    that in
                    !tokens[that..<min(tokens.count, that + 12)].contains(where: {
                        ["will", "would", "could", "might", "may", "can", "ll"].contains($0.key)
                    })
                } == true)
            // "took to social media": no taking ("took to the streets" is the lexicon's)
            && !(verb.end < tokens.count && tokens[verb.end].key == "to"
                && takingVerbs.contains(tokens[verb.start]))
            // "when it comes to targeting victims"
            && !(verb.start > 0 && tokens[verb.start - 1].key == "it" && tokens[verb.start].key.hasPrefix("com"))
        {
            let entry = verb.payloads[0]
            // Verbs of saying ("said", "announced", CAMEO 01) report an event; they are not one, except when
            // what is said is an obligation of another ("Russia said Sudan must return the helicopter").
            // A denial (016) is an event of its own ("Iran refuted the claims"), the one statement PLOVER codes.
            if entry.code.hasPrefix("01") && !entry.code.hasPrefix("016") {
                let window = tokens[verb.end..<min(tokens.count, verb.end + 12)]
                // Not inside a relative clause ("companies that should be released").
                if let modal = window.firstIndex(where: { $0.key == "must" || $0.key == "should" }),
                    !["that", "which", "who"].contains(tokens[modal - 1].key)
                {
                    for index in verb.start..<verb.end { claimed[index] = true }
                    result.append(
                        (
                            verb.start, verb.end,
                            EventCue(
                                type: "REQUEST", mode: nil, context: [], cameo: "100", quadClass: 1, nominal: false,
                                fromVerbDictionary: true)
                        ))
                }
                continue
            }
            // The project's phrases ("lifted a state of emergency") are more specific than a pattern.
            if own.contains(where: { $0.start <= verb.start && verb.end <= $0.end && $0.end - $0.start >= 2 }) {
                continue
            }
            if let code = EventLexicon.patternCode(block: entry.block, tokens: tokens, start: verb.start, end: verb.end)
            {
                for index in verb.start..<verb.end { claimed[index] = true }
                if let cue = EventLexicon.cue(code: code) { result.append((verb.start, verb.end, cue)) }
                continue
            }
            if own.contains(where: { $0.start < verb.end && verb.start < $0.end }) { continue }
            for index in verb.start..<verb.end { claimed[index] = true }
            if var cue = EventLexicon.cue(code: entry.code) {
                cue.verbDefault = true
                result.append((verb.start, verb.end, cue))
            }
        }
        for match in own
        where !(match.start..<match.end).contains(where: { claimed[$0] }) && !compoundParts.contains(match.start) {
            result.append((match.start, match.end, match.payloads[0]))
        }
        result.sort { $0.start < $1.start }
        // A light verb before a nominal cue ("renewed negotiations", "launched a mediation effort", "mounted
        // its invasion") hands the event to the noun, with the verb's subject as actor.
        var governedVerbs = Set<Int>()
        for position in result.indices where result[position].cue.nominal {
            let start = result[position].start
            guard
                let verb = (max(0, start - 4)..<start).last(where: { Self.lightVerbs.contains(tokens[$0]) }),
                !result.contains(where: { $0.start > verb && $0.start < start })
            else { continue }
            result[position].cue.nominal = false
            result[position].cue.governed = true
            governedVerbs.insert(verb)
        }
        return result.filter { !governedVerbs.contains($0.start) }
    }

    /// The date expression of the cue's clause: the nearest one with no comma, semicolon, colon, dash or
    /// parenthesis between it and the cue; else a date in a fronted phrase that only commas separate from
    /// the cue and that holds no other cue ("In June, Iran's steel industry was hit ..."). Vague references
    /// and durations are never event dates.
    private func clauseDate(
        for cueStart: Int, cueEnd: Int, in text: TokenizedText, among dates: [TimeExpression], cueOffsets: [Range<Int>]
    ) -> TimeExpression? {
        let cueStartOffset = text.tokens[cueStart].start
        let cueEndOffset = text.tokens[cueEnd - 1].end
        var sameClause: (date: TimeExpression, distance: Int)?
        var fronted: (date: TimeExpression, distance: Int)?
        for date in dates {
            let (from, to) = date.end <= cueStartOffset ? (date.end, cueStartOffset) : (cueEndOffset, date.start)
            guard from <= to else { continue }
            let between = text.scalars[from..<to]
            let distance = to - from
            if !between.contains(where: { ",;:()—–".unicodeScalars.contains($0) }) {
                if sameClause == nil || distance < sameClause!.distance { sameClause = (date, distance) }
                continue
            }
            guard date.end <= cueStartOffset, !between.contains(where: { ";:()—–".unicodeScalars.contains($0) }),
                let comma = between.firstIndex(of: ",")
            else { continue }
            // The fronted phrase runs from the date to the first comma after it; another cue there owns the date.
            let phrase = date.start..<comma
            if cueOffsets.contains(where: { $0.overlaps(phrase) }) { continue }
            if fronted == nil || distance < fronted!.distance { fronted = (date, distance) }
        }
        return sameClause?.date ?? fronted?.date
    }

    enum Modality {
        case asserted, negated, hypothetical, intended
    }

    /// How the clause holds the cue: negated ("did not condemn", "will not accept"), hypothetical ("if",
    /// "could" before it), intended ("will allow", "would meet", "plans to visit"), or asserted.
    private func modality(_ text: TokenizedText, sentence: Sentence, cue: Int) -> Modality {
        let from = max(sentence.firstToken, cue - 4)
        for position in from..<cue {
            let key = text.tokens[position].key
            if Self.negations.contains(key)
                || key == "t" && position > 0 && text.tokens[position - 1].key.hasSuffix("n")
            {
                return .negated
            }
        }
        for position in sentence.firstToken..<cue where Self.hypotheticals.contains(text.tokens[position]) {
            return .hypothetical
        }
        // "would like to see China agree to purchases": a wish for another's act, which has not happened.
        for position in max(sentence.firstToken + 1, cue - 5)..<max(sentence.firstToken + 1, cue)
        where text.tokens[position].key == "see" && text.tokens[position - 1].key == "to" {
            return .hypothetical
        }
        // An intention is marked in the cue's own verb group ("will angrily dismiss", "plans to visit"), not in
        // an earlier clause.
        // A light verb and its article may come between ("would resume regular visits"), and one adjective
        // right before the cue.
        var scan = cue - 1
        while scan >= sentence.firstToken, cue - scan <= 6 {
            let token = text.tokens[scan]
            // "should be removed", "can still influence", "trying to overcome": possible, not done.
            if Self.irrealisMarkers.contains(token) { return .hypothetical }
            if Self.intentMarkers.contains(token) { return .intended }
            let adjective = scan == cue - 1 && !token.isCapitalized && !Self.pronouns.contains(token)
            guard
                Self.verbGroupWords.contains(token) || token.key.hasSuffix("ly")
                    || Self.lightVerbs.contains(token)
                    || Self.determiners.contains(token) || adjective
            else { break }
            scan -= 1
        }
        return .asserted
    }

    /// "wants Trump to eliminate the tariffs": wanting another to act is a demand (CAMEO 100); "wants to
    /// visit" stays an intention.
    private func wantsOfOther(
        _ cue: EventCue, cueWord: String, after cueEnd: Int, in text: TokenizedText,
        sentence: Sentence
    ) -> EventCue {
        guard ["want", "wants", "wanted"].contains(cueWord), cueEnd < sentence.endToken,
            text.tokens[cueEnd].key != "to",
            text.tokens[(cueEnd + 1)..<min(sentence.endToken, cueEnd + 6)].contains(where: { $0.key == "to" })
        else { return cue }
        return EventCue(
            type: "REQUEST", mode: nil, context: [], cameo: "100", quadClass: 1, nominal: false,
            fromVerbDictionary: cue.fromVerbDictionary)
    }

    /// The length of a dateline that opens a sentence ("WASHINGTON —", "HANOI, Vietnam (AP) —", "(Reuters) —",
    /// "NEW DELHI:"): the place and agency there are not participants of the sentence's events.
    static func datelineEnd(of sentence: ArraySlice<Unicode.Scalar>) -> Int? {
        // A dateline's mark is within its first 48 scalars.
        let scalars = Array(sentence.prefix(48))
        guard let first = scalars.first else { return nil }
        guard let dash = scalars.firstIndex(where: { $0 == "—" || $0 == "–" || $0 == ":" }) else { return nil }
        let head = String(scalars: scalars[0..<dash])
        // Outside parentheses a dateline has only capitalised words: "HANOI, Vietnam (AP)", not "US Treasury
        // under secretary Brian Nelson said:".
        var outside = ""
        var depth = 0
        for character in head {
            if character == "(" {
                depth += 1
            } else if character == ")" {
                depth -= 1
            } else if depth == 0 {
                outside.append(character)
            }
        }
        let words = outside.split(whereSeparator: { !$0.isLetter })
        guard !words.contains(where: { $0.first?.isLowercase == true }) else { return nil }
        let firstWord = words.first.map(String.init) ?? ""
        let allCaps = firstWord.count >= 2 && firstWord.allSatisfy { $0.isUppercase }
        guard first == "(" || allCaps else { return nil }
        return dash + 1
    }

    /// The cue as the clause's modality makes it: a cooperative act that is intended is an AGREE (CAMEO 03,
    /// intent to cooperate), a conflictual one a THREATEN (13); a cooperative act refused is a REJECT (12).
    /// Nil: not coded (hypotheticals; negated conflict, which is not an event).
    private func modulated(_ cue: EventCue, by modality: Modality) -> EventCue? {
        var result = cue
        switch modality {
        case .asserted: return cue
        case .hypothetical: return nil
        case .intended:
            // Verbal acts (appeals, demands, criticism, rejection) are acts when announced as coming.
            let root = Int(cue.cameo.prefix(2)) ?? 0
            guard cue.type != "AGREE", cue.type != "THREATEN", cue.type != "REQUEST", !cue.nominal,
                ![1, 2, 10, 11, 12].contains(root)
            else { return cue }
            (result.type, result.cameo, result.quadClass) =
                cue.quadClass <= 2 ? ("AGREE", "030", 1) : ("THREATEN", "130", 3)
            // The intention is the event now, whether or not the act names whom it is for.
            result.verbDefault = false
        case .negated:
            guard cue.quadClass <= 2, !cue.nominal else { return nil }
            (result.type, result.cameo, result.quadClass) = ("REJECT", "120", 3)
        }
        result.mode = nil
        result.context = []
        return result
    }

    private func roles(
        cue: EventCue, cueStart: Int, cueEnd: Int, text: TokenizedText, participants: [Occurrence], sentenceStart: Int,
        lastPerson: Participant?
    ) -> [(Participant?, Participant?)] {
        let before = participants.filter { $0.endToken <= cueStart }
        // "said on Twitter", "in a letter posted on Facebook": a platform used as a medium is no target.
        let after = participants.filter {
            $0.firstToken >= cueEnd
                && !(Self.platforms.contains($0.participant.id)
                    && (["on", "via", "through"].contains(text.tokens[$0.firstToken - 1].key)
                        || $0.endToken < text.tokens.count
                            && Self.platformNouns.contains(text.tokens[$0.endToken])))
        }
        let previous = cueStart > 0 ? text.tokens[cueStart - 1].key : ""
        // Passive: a form of "be" before a participle ("was hit", "were attacked"); "is providing" is active.
        let cueWord = text.tokens[cueEnd - 1].key
        // "be impeached by the House and removed from office by the Senate": a participle after "and" with its
        // own agent shares the passive of the verb before it; its target is that verb's subject.
        let sharedPassive = coordinatedPassive(
            cueStart: cueStart, cueEnd: cueEnd, in: text, sentenceStart: sentenceStart)
        let reduced = reducedPassive(cueStart: cueStart, cueEnd: cueEnd, in: text, after: after)
        let passive =
            Self.passiveAuxiliaries.contains(previous) && !cueWord.hasSuffix("ing") || sharedPassive != nil || reduced
        // A verb cue after a determiner or a possessive is used as a noun ("the attack", "Iran's attack").
        // A past-tense form is a verb whatever precedes it ("its allies demanded").
        let firstWord = text.tokens[cueStart].key
        let pastTense = firstWord.hasSuffix("ed") && (cueEnd - cueStart == 1 || !cue.nominal)
        let nominal =
            !cue.governed
            && (cue.nominal
                || !pastTense && (Self.determiners.contains(previous) || adjectiveRunBefore(cueStart, in: text)))
        // "The United States faced stiff Palestinian criticism", "WeWork is facing scrutiny from the SEC": the
        // subject of the verb of undergoing is the target; the actor follows "from" or "by", or qualifies the noun.
        if nominal, let verb = experiencerVerb(before: cueStart, in: text, sentenceStart: sentenceStart) {
            let subject = before.last(where: { $0.endToken <= verb && !isObject($0, in: text) })
            var actor: Participant?
            if let from = markerIndex(after: cueEnd, in: text, markers: ["from", "by"]) {
                actor = after.first(where: { $0.firstToken >= from && $0.firstToken <= from + 3 })?.participant
            }
            if actor == nil {
                actor = before.last(where: { $0.firstToken > verb })?.participant
            }
            return [(actor, subject?.participant)]
        }
        if nominal || passive {
            var targets: [Participant?] = [nil]
            // "the breach of the ministry's email system", "the hack of Sony": a cyberattack's victim after "of".
            let markers = cue.mode == "cyber" && nominal ? Self.cyberTargetMarkers : Self.targetMarkers
            if let marker = markerIndex(after: cueEnd, in: text, markers: markers),
                let found = after.first(where: { $0.firstToken >= marker && $0.firstToken <= marker + 3 })
            {
                // "a hearing with executives from AT&T, Comcast and T-Mobile": each of the coordinated.
                targets = targetGroup(startingWith: found, in: after, text: text)
            } else if reduced {
                // "the ships seized by Iran": the phrase the participle describes, when it names participants.
                if before.last?.endToken == cueStart {
                    targets = coordinatedGroup(endingBefore: cueStart, in: before, text: text)
                }
            } else if passive, !before.isEmpty {
                // "Blue Origin, SpaceX and Tyvak had been selected": each of the coordinated subjects.
                let subjectEnd = sharedPassive ?? cueStart
                targets = coordinatedGroup(
                    endingBefore: subjectEnd, in: before.filter { $0.endToken <= subjectEnd }, text: text)
            }
            var actor: Participant?
            if let by = markerIndex(after: cueEnd, in: text, markers: ["by"]) {
                actor = after.first(where: { $0.firstToken >= by && $0.firstToken <= by + 3 })?.participant
            }
            if actor == nil, !passive, let owner = possessor(before: cueStart, in: text, participants: before),
                owner.id != targets.first??.id
            {
                actor = owner
            }
            if actor == nil, !passive {
                actor = tracedAuthor(
                    cueStart: cueStart, cueEnd: cueEnd, in: text, after: after, sentenceStart: sentenceStart)
            }
            // "NASA said the five companies had been selected": who reports a choice with no agent made it.
            if actor == nil, passive, Self.choosingVerbs.contains(cueWord),
                let verb = (sentenceStart..<cueStart).first(where: {
                    Self.attributingVerbs.contains(text.tokens[$0])
                }),
                let speaker = before.last(where: { $0.endToken <= verb && !isObject($0, in: text) })
            {
                actor = speaker.participant
            }
            if targets.allSatisfy({ $0 == nil }),
                countryPhrase(of: cue, after: cueEnd, in: text, before: after.first?.firstToken),
                let named = lastOtherCountry(in: before, than: actor)
            {
                targets = [named]
            }
            return targets.filter { $0?.id != actor?.id || actor == nil }.map { (actor, $0) }
        }
        // A participant after a preposition ("The Red Cross operating in Iraq said", "said on Twitter", "told
        // Iran") is not the subject of a later verb, nor is one listed with it ("a deal between the United States
        // and China would allow").
        var subjects: [Occurrence] = []
        var lastObject: Occurrence?
        for occurrence in before {
            if isObject(occurrence, in: text)
                || lastObject.map({
                    isListGap(from: $0, to: occurrence, in: text, words: ["and", "or", "the"])
                        && text.tokens[$0.endToken..<occurrence.firstToken].contains { ["and", "or"].contains($0.key) }
                }) == true
            {
                lastObject = occurrence
            } else {
                subjects.append(occurrence)
                lastObject = nil
            }
        }
        // With no other subject, a place after a common noun stands for its people: "Opposition groups in
        // Zimbabwe are demanding", "Demonstrators from Iraq marched", "workers affiliated with the Serbian
        // Workers' Union stopped work".
        if subjects.isEmpty, let last = before.last, let marker = prepositionIndex(before: last, in: text),
            marker >= 1, ["in", "from", "with"].contains(text.tokens[marker].key),
            !text.tokens[marker - 1].isCapitalized,
            text.tokens[last.endToken..<cueStart].allSatisfy({
                Self.verbGroupWords.contains($0) || $0.isCapitalized
            })
        {
            subjects = [last]
        }
        // A relative clause between dashes ("The Palestinian Authority - which has rejected the Trump
        // administration - called for") holds no subject of the verb after it.
        let verbStart = beforeVerbGroup(cueStart, in: text, lowerBound: sentenceStart) + 1
        if let open = relativeParenthesis(endingBefore: verbStart, in: text, sentenceStart: sentenceStart) {
            subjects = subjects.filter { $0.firstToken < open || $0.firstToken >= verbStart }
        }
        var actors = coordinatedGroup(endingBefore: cueStart, in: subjects, text: text)
        let scan = beforeVerbGroup(cueStart, in: text, lowerBound: 0)
        if scan >= 0, Self.pronouns.contains(text.tokens[scan]) {
            // A pronoun subject ("Nigeria announced that it will withdraw") stands for the nearest subject before
            // it, the subject of the reporting clause.
            actors = subjects.last(where: { $0.endToken <= scan }).map { [$0.participant] } ?? []
            // "Slovakia and Poland said they stood with ...": "they" and "we" stand for the whole coordination.
            if ["they", "we"].contains(text.tokens[scan].key), let last = subjects.last(where: { $0.endToken <= scan })
            {
                actors = coordinatedGroup(
                    endingBefore: last.endToken, in: subjects.filter { $0.endToken <= last.endToken }, text: text)
            }
            // "He urged Vietnam ...": a person pronoun with no one before it in the sentence is the official
            // last named. "When Carlineo was approached, he told police ...": a name earlier in the sentence (not
            // after a preposition, not a day or month) is whom the pronoun means, though no participant.
            if actors.isEmpty, ["he", "she"].contains(text.tokens[scan].key), let lastPerson,
                !namesSomeoneElse(before: scan, in: text, sentenceStart: sentenceStart, participants: participants)
            {
                actors = [lastPerson]
            }
        } else if scan >= 0, text.tokens[scan].key == "and", let first = subjects.first,
            first.firstToken - sentenceStart <= 3
        {
            // A second verb of the subject ("Vietnam is one of China's critics and has accused Beijing"): the
            // sentence's first subject acts.
            var seen = Set<String>()
            actors = subjects.filter {
                $0.firstToken == first.firstToken
                    || $0.firstToken > first.firstToken && isCoordinated(subjects, from: first, to: $0, text: text)
            }.map(\.participant).filter { seen.insert($0.id).inserted }
        }
        // "said it hoped to publish a draft after more than 100 countries objected": the verb of a subordinate
        // clause has that clause's own subject, not the participant before the conjunction.
        if let last = actors.last.flatMap({ actor in subjects.last(where: { $0.participant.id == actor.id }) }),
            let conjunction = (last.endToken..<cueStart).last(where: {
                Self.subordinators.contains(text.tokens[$0])
            }),
            conjunction < scan, !Self.pronouns.contains(text.tokens[scan])
        {
            actors = []
        }
        if actors.isEmpty { return [(nil, after.first?.participant)] }
        // The targets: the first participant after the cue that is not the actor itself ("Israel threatened to
        // ban voting in East Jerusalem": Jerusalem is Israel's; no target), and those coordinated with it
        // ("accused the UK and the US").
        // "Johnson and Corbyn attacked each other's policies": each actor targets the others.
        let reciprocal = (cueEnd..<min(text.tokens.count, cueEnd + 3)).contains {
            $0 + 1 < text.tokens.count
                && ["each", "one"].contains(text.tokens[$0].key)
                && ["other", "another"].contains(text.tokens[$0 + 1].key)
        }
        if reciprocal, actors.count > 1 {
            return actors.flatMap { actor in actors.filter { $0.id != actor.id }.map { (actor, $0) } }
        }
        // "18 years after Washington invaded the country": the object "the country" is the last other country
        // the sentence named before it. Rule roles.the-nation (`theNation`): so is "the Middle Eastern nation" or
        // "the Balkan country" (capitalised words between), and such a phrase after up to four lower-case words of
        // the object ("cut diplomatic ties with the Middle Eastern nation"), when no participant comes before it.
        let countryObject = countryPhrase(of: cue, after: cueEnd, in: text, before: after.first?.firstToken)
        return actors.flatMap { actor -> [(Participant?, Participant?)] in
            if countryObject, let named = lastOtherCountry(in: before, than: actor) {
                return [(actor, named)]
            }
            let others = after.filter { $0.participant.id != actor.id }
            guard let first = others.first else { return [(actor, nil)] }
            return targetGroup(startingWith: first, in: others, text: text).map { (actor, $0) }
        }
    }

    /// Whether "the country" or "the nation", with capitalised words between ("the Middle Eastern nation"), is
    /// the object of a cue of conflict (CAMEO quad classes 3 and 4; "vowed to protect the nation" is one's own):
    /// right after it ("invaded the country"), or after up to four lower-case words that end in a preposition
    /// ("cut diplomatic ties with the Balkan country"), before `limit` (the first participant).
    private func countryPhrase(
        of cue: EventCue, after cueEnd: Int, in text: TokenizedText, before limit: Int?
    )
        -> Bool
    {
        guard cue.quadClass >= 3 else { return false }
        let end = min(text.tokens.count, limit ?? text.tokens.count)
        var the = cueEnd
        while the < end, the - cueEnd <= 4, text.tokens[the].key != "the" {
            guard text.tokens[the].key.first?.isLowercase == true else { return false }
            the += 1
        }
        guard the < end, text.tokens[the].key == "the",
            the == cueEnd || Self.objectPrepositions.contains(text.tokens[the - 1])
        else { return false }
        var noun = the + 1
        while noun < end, noun - the <= 3, text.tokens[noun].isCapitalized { noun += 1 }
        guard noun < end, ["country", "nation"].contains(text.tokens[noun].key) else { return false }
        // One phrase: only spaces between its words ("cut ties, the Balkan nation said" is no object).
        return (cueEnd...noun).allSatisfy { position in
            text.scalars[text.tokens[position - 1].end..<text.tokens[position].start].allSatisfy {
                $0.properties.isWhitespace
            }
        }
    }

    static let theNation = "roles.the-nation"

    /// The last country among `occurrences` that is neither the actor nor the actor's country.
    private func lastOtherCountry(in occurrences: [Occurrence], than actor: Participant?) -> Participant? {
        occurrences.last(where: {
            $0.participant.kind == .country && $0.participant.id != actor?.id && $0.participant.id != actor?.country
        })?.participant
    }

    static let objectPrepositions: WordSet = ["with", "against", "on", "to", "from", "toward", "towards"]

    /// Whether a capitalised word that no participant covers stands before `index` in the sentence, past its
    /// first word, after no preposition ("of" or an object marker) or determiner, and is no day or month: a name a
    /// pronoun after it may mean.
    private func namesSomeoneElse(
        before index: Int, in text: TokenizedText, sentenceStart: Int, participants: [Occurrence]
    ) -> Bool {
        guard index > sentenceStart + 1 else { return false }
        return ((sentenceStart + 1)..<index).contains { position in
            let token = text.tokens[position]
            return token.isCapitalized && !token.isAllCaps
                && !Self.objectMarkers.contains(text.tokens[position - 1])
                && !Self.determiners.contains(text.tokens[position - 1]) && text.tokens[position - 1].key != "of"
                && !DateLexicon.fullWeekdays.contains(token) && !DateLexicon.months.keys.contains(token.key)
                && !participants.contains { $0.firstToken <= position && position < $0.endToken }
        }
    }

    /// Whether `last` is joined to `first` by coordination only ("Egypt and Jordan").
    private func isCoordinated(
        _ occurrences: [Occurrence], from first: Occurrence, to last: Occurrence,
        text: TokenizedText
    ) -> Bool {
        var current = first
        for next in occurrences where next.firstToken > first.firstToken && next.firstToken <= last.firstToken {
            guard next.firstToken >= current.endToken else { return false }
            guard isListGap(from: current, to: next, in: text, words: ["and", "the"]) else { return false }
            current = next
        }
        return true
    }

    /// The participants listed from `first` on: "the UK and the US", "Astrobotic, Intuitive Machines and
    /// Orbit Beyond". A list joined by commas alone must end with "and" or "or" ("Iran, Albania's prime minister
    /// said" is no list).
    private func targetGroup(
        startingWith first: Occurrence, in occurrences: [Occurrence], text: TokenizedText
    )
        -> [Participant]
    {
        var group = [first]
        var commaOnly = false
        var endsWithConjunction = false
        for next in occurrences where next.firstToken > first.firstToken {
            let current = group[group.count - 1]
            guard next.firstToken >= current.endToken, group.count < 8 else { break }
            guard isListGap(from: current, to: next, in: text, words: Self.listWords) else { break }
            let between = text.tokens[current.endToken..<next.firstToken].map(\.key)
            if between.contains("and") || between.contains("or") {
                endsWithConjunction = true
            } else {
                commaOnly = true
                endsWithConjunction = false
            }
            group.append(next)
            if endsWithConjunction { break }
        }
        // A list of commas only is no list ("Iran, the country's ally"), unless it ends "and others".
        if group.count > 1, commaOnly, !endsWithConjunction {
            let end = group[group.count - 1].endToken
            let rest = text.tokens[end..<min(text.tokens.count, end + 2)].map(\.key)
            if !(rest.count == 2 && ["and", "or"].contains(rest[0]) && Self.othersWords.contains(rest[1])) {
                group = [first]
            }
        }
        var seen = Set<String>()
        return group.map(\.participant).filter { seen.insert($0.id).inserted }
    }

    /// The verb of undergoing that governs a nominal cue ("faced stiff international criticism", "is under
    /// scrutiny"), across adjectives, "and" and participants of up to five words.
    private func experiencerVerb(before cue: Int, in text: TokenizedText, sentenceStart: Int) -> Int? {
        var scan = cue - 1
        while scan >= sentenceStart, cue - scan <= 6 {
            let key = text.tokens[scan].key
            if Self.experiencerVerbs.contains(key) { return scan }
            guard key == "and" || key.first?.isLetter == true, !Self.verbGroupWords.contains(key),
                !Self.determiners.contains(key) || key == "the" || key == "a"
            else { return nil }
            scan -= 1
        }
        return nil
    }

    /// The author an act is traced to: "traced the intrusion to Russia's SVR", "linked a breach of the
    /// ministry's email to the group known as Midnight Blizzard", "the hack of Sony was traced to North Korea".
    private func tracedAuthor(
        cueStart: Int, cueEnd: Int, in text: TokenizedText, after: [Occurrence], sentenceStart: Int
    ) -> Participant? {
        let tracedBefore = (max(sentenceStart, cueStart - 4)..<cueStart).contains {
            Self.tracingVerbs.contains(text.tokens[$0])
        }
        let tracedAfter = (cueEnd..<min(text.tokens.count, cueEnd + 8)).contains {
            $0 > cueEnd && Self.tracingVerbs.contains(text.tokens[$0])
                && Self.passiveAuxiliaries.contains(text.tokens[$0 - 1])
        }
        guard tracedBefore || tracedAfter,
            let to = (cueEnd..<min(text.tokens.count, cueEnd + 10)).first(where: { text.tokens[$0].key == "to" })
        else { return nil }
        return after.first(where: { $0.firstToken > to && $0.firstToken <= to + 6 })?.participant
    }

    /// Rule `passive.reduced-participle`: a one-word past participle right after a noun and right before "by"
    /// and a participant ("two sailors released by Iran", "a convoy attacked by Syrian forces") is a passive
    /// without its auxiliary: the participant after "by" acts; the phrase before the participle, when it names
    /// a participant, undergoes. An auxiliary or a subject pronoun before the verb makes it a verb of its own,
    /// and a conjunction one that shares a verb before it ("was invaded by the US and occupied by British forces").
    static let reducedParticiple = "passive.reduced-participle"

    /// Past participles that do not end in "-ed".
    static let irregularParticiples: WordSet = [
        "held", "hit", "shot", "struck", "taken", "stolen", "led", "caught", "sent", "brought", "beaten", "fought",
        "given", "kept", "sold", "won", "seen", "made", "built", "thrown", "driven", "overrun", "overthrown",
        "bought", "bound", "chosen", "forbidden", "sought", "swept", "torn", "withdrawn", "written",
    ]

    private func reducedPassive(cueStart: Int, cueEnd: Int, in text: TokenizedText, after: [Occurrence]) -> Bool {
        guard cueEnd - cueStart == 1, cueStart > 0, cueEnd < text.tokens.count,
            text.tokens[cueEnd].key == "by"
        else { return false }
        let word = text.tokens[cueStart].key
        let before = text.tokens[cueStart - 1]
        guard word.hasSuffix("ed") || Self.irregularParticiples.contains(text.tokens[cueStart]),
            before.key.first?.isLetter == true, !Self.verbGroupWords.contains(before),
            !Self.passiveAuxiliaries.contains(before), !Self.pronouns.contains(before),
            !Self.subjectWords.contains(before), !["and", "or", "but", "then"].contains(before.key)
        else { return false }
        return after.contains { $0.firstToken > cueEnd && $0.firstToken <= cueEnd + 3 }
    }

    /// The auxiliary of a passive ("was attacked by Iraq") that a participle after "and" with an agent of its
    /// own ("and invaded by its forces") shares, within eight tokens.
    private func coordinatedPassive(cueStart: Int, cueEnd: Int, in text: TokenizedText, sentenceStart: Int) -> Int? {
        let cueWord = text.tokens[cueEnd - 1].key
        guard cueStart >= sentenceStart + 3, text.tokens[cueStart - 1].key == "and",
            cueWord.hasSuffix("ed") || Self.irregularPast.contains(cueWord),
            text.tokens[cueEnd..<min(text.tokens.count, cueEnd + 4)].contains(where: { $0.key == "by" })
        else { return nil }
        return stride(from: cueStart - 3, through: max(sentenceStart, cueStart - 8), by: -1).first { aux in
            let next = text.tokens[aux + 1].key
            return Self.passiveAuxiliaries.contains(text.tokens[aux])
                && (next.hasSuffix("ed") || Self.irregularPast.contains(next))
        }
    }

    /// The participant that owns the cue: "Iran's cyberattack", "Iran's major cyberattack".
    private func possessor(before cue: Int, in text: TokenizedText, participants: [Occurrence]) -> Participant? {
        for occurrence in participants.reversed() {
            let end = occurrence.endToken
            guard end < cue, text.tokens[end].key == "s", cue - end <= 3 else { continue }
            return occurrence.participant
        }
        return nil
    }

    /// Whether one or two words between a determiner and the cue precede it ("a major attack").
    private func adjectiveRunBefore(_ cue: Int, in text: TokenizedText) -> Bool {
        for distance in 2...3 where cue - distance >= 0 {
            if Self.determiners.contains(text.tokens[cue - distance]) {
                // "that it has called off" is a clause, not a noun phrase.
                return text.tokens[(cue - distance + 1)..<cue].allSatisfy {
                    !$0.isCapitalized && !Self.verbGroupWords.contains($0) && !Self.pronouns.contains($0)
                }
            }
        }
        return false
    }

    /// The first token at or after `start` whose key is one of `markers`, within six tokens.
    private func markerIndex(after start: Int, in text: TokenizedText, markers: WordSet) -> Int? {
        var position = start
        while position < min(text.tokens.count, start + 6) {
            if markers.contains(text.tokens[position]) { return position }
            position += 1
        }
        return nil
    }

    /// Whether only a list separator lies between two participants: a comma, a space ("Bosnian Serbs"), or up
    /// to three of `words` ("and", "the", "as well as"), with the title of an official after them; never a
    /// hyphen ("NATO-Ukraine Council"), a slash, a dash, a colon or a semicolon.
    private func isListGap(
        from first: Occurrence, to next: Occurrence, in text: TokenizedText, words: WordSet
    )
        -> Bool
    {
        guard next.firstToken >= first.endToken else { return false }
        var gapStart = first.endToken
        // A second name joined by a slash belongs to the item: "AT&T, Comcast/Xfinity, T-Mobile".
        if gapStart < next.firstToken, text.tokens[gapStart].isCapitalized,
            text.scalars[text.tokens[gapStart - 1].end..<text.tokens[gapStart].start].elementsEqual("/".unicodeScalars)
        {
            gapStart += 1
        }
        let between = text.tokens[gapStart..<next.firstToken]
        // An official's title may open the next item after a conjunction: "Mitt Romney and Senator Susan
        // Collins" (but "the Foreign Ministry spokesman Hamid Rezaei" is one participant's apposition).
        let titled =
            next.participant.kind == .official && between.contains { $0.key == "and" || $0.key == "or" }
        guard between.count <= (titled ? 6 : 3),
            between.allSatisfy({
                words.contains($0) || titled && OfficialMatcher.titleWords.contains($0)
            })
        else { return false }
        let from = text.tokens[gapStart - 1].end
        let to = text.tokens[next.firstToken].start
        return !text.scalars[from..<to].contains { "-/–—:;".unicodeScalars.contains($0) }
    }

    /// The participants joined by "and" or commas that end nearest before the cue.
    private func coordinatedGroup(endingBefore cue: Int, in before: [Occurrence], text: TokenizedText) -> [Participant]
    {
        guard var current = before.last else { return [] }
        var group = [current.participant]
        for previous in before.dropLast().reversed() {
            guard previous.endToken <= current.firstToken else { break }
            guard isListGap(from: previous, to: current, in: text, words: ["and", "the"]) else { break }
            group.insert(previous.participant, at: 0)
            current = previous
        }
        var seen = Set<String>()
        return group.filter { seen.insert($0.id).inserted }
    }
}
