/// A span of the cleaned text, with offsets in Unicode scalars (code points), end exclusive.
public struct Mention: Sendable, Hashable {
    public var text: String
    public var start: Int
    public var end: Int
    /// The rule or gazetteer form that matched (e.g. "name", "demonym", "capital-metonym").
    public var rule: String

    public init(text: String, start: Int, end: Int, rule: String) {
        self.text = text
        self.start = start
        self.end = end
        self.rule = rule
    }
}

/// A named thing found in an article: a country, a group or an official.
public struct Entity: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case country
        case group
        case official
    }

    /// Canonical id: ISO 3166-1 alpha-3 for countries, a slug or registry id for groups and officials.
    public var id: String
    public var kind: Kind
    /// Canonical name ("Iran", not "Iran, Islamic Republic of").
    public var name: String
    /// The country the entity belongs to or serves (alpha-3), when known.
    public var country: String?
    /// For groups, what kind of body: intergov, government, government_agency, military, political_party,
    /// armed_group, company, media, threat_actor or organization (a name-shaped body no gazetteer lists).
    public var type: String?
    /// For officials: the title as the text states it ("UK foreign secretary"), when it states one.
    public var title: String?
    /// For officials: whom they serve, a country (alpha-3) or a body's name ("WeWork", "United Nations").
    public var affiliation: String?
    public var mentions: [Mention]

    public init(
        id: String, kind: Kind, name: String, country: String? = nil, type: String? = nil, title: String? = nil,
        affiliation: String? = nil, mentions: [Mention]
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.country = country
        self.type = type
        self.title = title
        self.affiliation = affiliation
        self.mentions = mentions
    }
}
