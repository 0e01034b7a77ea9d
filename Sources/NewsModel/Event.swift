/// Who or what takes part in an event.
public struct Participant: Sendable, Hashable {
    /// The text as written in the sentence.
    public var text: String
    public var kind: Entity.Kind
    /// The entity's canonical id.
    public var id: String
    /// The country the participant stands for or belongs to (alpha-3), when known.
    public var country: String?

    public init(text: String, kind: Entity.Kind, id: String, country: String?) {
        self.text = text
        self.kind = kind
        self.id = id
        self.country = country
    }
}

/// A coded event: who did what to whom, and when.
public struct Event: Sendable, Hashable {
    /// PLOVER event type, e.g. "ACCUSE".
    public var type: String
    /// PLOVER mode, e.g. "cyber", "disapprove"; nil when none applies.
    public var mode: String?
    /// PLOVER contexts, e.g. ["cyber"].
    public var context: [String]
    /// CAMEO code as a string, leading zeros kept ("016").
    public var cameo: String
    public var actor: Participant?
    public var target: Participant?
    /// The date attached to the event's clause, if the text gives one.
    public var date: TimeExpression?
    /// The sentence the event was coded from, with its offsets into the cleaned text.
    public var sentence: String
    public var sentenceStart: Int
    public var sentenceEnd: Int
    /// The cue word or phrase that triggered the coding.
    public var cue: String
    /// How many times the same event was coded in the article.
    public var mentionCount: Int
    /// "asserted", or "alleged" when the sentence hedges it ("allegedly", "suspected", "reportedly", "believed
    /// to"): such events are kept and marked, never dropped.
    public var certainty: String
    /// The ids of the rules that made the event, sorted ("cue.cameo-pattern", "reciprocal.coordinated-subjects",
    /// ...; `docs/event-types.md` lists them).
    public var rules: [String]

    /// The quad class of the CAMEO root, as the GDELT and ICEWS codebooks group them (Duval and Thompson):
    /// 1 verbal cooperation (roots 01-05), 2 material cooperation (06-08), 3 verbal conflict (09-13),
    /// 4 material conflict (14-20). Computed from ``cameo``, so the two never disagree.
    public var quadClass: Int { Self.quadClass(ofCAMEO: cameo) }

    /// The quad class of a CAMEO code by its two-digit root; 0 for a code that has none.
    public static func quadClass(ofCAMEO code: String) -> Int {
        guard code.count >= 2, let root = Int(code.prefix(2)), (1...20).contains(root) else { return 0 }
        return root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4
    }

    public init(
        type: String, mode: String?, context: [String], cameo: String, actor: Participant?,
        target: Participant?, date: TimeExpression?, sentence: String, sentenceStart: Int, sentenceEnd: Int,
        cue: String, mentionCount: Int = 1, certainty: String = "asserted", rules: [String] = []
    ) {
        self.type = type
        self.mode = mode
        self.context = context
        self.cameo = cameo
        self.actor = actor
        self.target = target
        self.date = date
        self.sentence = sentence
        self.sentenceStart = sentenceStart
        self.sentenceEnd = sentenceEnd
        self.cue = cue
        self.mentionCount = mentionCount
        self.certainty = certainty
        self.rules = rules
    }
}
