/// The closed word lists of `Data/word-lists.tsv`, read once.
struct WordLists: Sendable {
    let particles: Set<String>
    let relativePronouns: Set<String>
    let timeNouns: Set<String>
    let modals: Set<String>
    let negations: Set<String>
    let clauseMarks: Set<String>
    let expletives: Set<String>
    let subordinators: Set<String>
    let passiveAuxiliaries: Set<String>
    let copulas: Set<String>
    let prepositionalParticiples: Set<String>

    init(table: String) {
        var lists: [String: Set<String>] = [:]
        for columns in TableRows.rows(table) where columns.count == 2 {
            lists[columns[0]] = Set(columns[1].split(separator: " ").map(String.init))
        }
        particles = lists["particles"] ?? []
        relativePronouns = lists["relative-pronouns"] ?? []
        timeNouns = lists["time-nouns"] ?? []
        modals = lists["modals"] ?? []
        negations = lists["negations"] ?? []
        clauseMarks = lists["clause-marks"] ?? []
        expletives = lists["expletives"] ?? []
        subordinators = lists["subordinators"] ?? []
        passiveAuxiliaries = lists["passive-auxiliaries"] ?? []
        copulas = lists["copulas"] ?? []
        prepositionalParticiples = lists["prepositional-participles"] ?? []
    }
}
