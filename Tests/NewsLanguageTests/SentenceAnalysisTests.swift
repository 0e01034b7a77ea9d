import Testing

@testable import NewsLanguage

/// Sentences of our own, each with what the layer must find; negative twins beside positive ones.
struct SentenceAnalysisTests {
    let analyzer = LanguageAnalyzer.shared

    /// The words of a noun phrase's head, of each subject, and so on, as text.
    func head(_ analysis: SentenceAnalysis, _ phrase: Int) -> String {
        analysis.words[analysis.nounPhrases[phrase].head].form
    }

    func clause(_ analysis: SentenceAnalysis, verb: String) -> Clause? {
        analysis.clauses.first { analysis.words[analysis.verbGroups[$0.verbGroup].head].form == verb }
    }

    func subjects(_ analysis: SentenceAnalysis, verb: String) -> [String] {
        clause(analysis, verb: verb)?.subjects.map { head(analysis, $0) } ?? []
    }

    func objects(_ analysis: SentenceAnalysis, verb: String) -> [String] {
        clause(analysis, verb: verb)?.objects.map { head(analysis, $0) } ?? []
    }

    @Test(arguments: [
        ("The ministers signed a deal in Belgrade.", "DET NOUN VERB DET NOUN ADP PROPN PUNCT"),
        ("Iran has not denied the claims.", "PROPN AUX PART VERB DET NOUN PUNCT"),
        ("She said that the attack was serious.", "PRON VERB SCONJ DET NOUN AUX ADJ PUNCT"),
        ("Hackers attacked the ministry's servers on Friday.", "NOUN VERB DET NOUN PART NOUN ADP PROPN PUNCT"),
    ])
    func tagsClearSentences(sentence: String, tags: String) {
        #expect(analyzer.analyze(sentence).words.map(\.tag.rawValue).joined(separator: " ") == tags)
    }

    @Test(arguments: [
        ("The officials signed it.", "signed", "sign"), ("The ministers arrived.", "ministers", "minister"),
        ("It was late.", "was", "be"), ("Tehran denied it.", "denied", "deny"),
        ("The accusations grew.", "accusations", "accusation"), ("Iran refuted the claims.", "refuted", "refute"),
        ("Talks stopped.", "stopped", "stop"),
    ])
    func lemmatizesInflectedWords(sentence: String, form: String, lemma: String) {
        let word = analyzer.analyze(sentence).words.first { $0.form == form }
        #expect(word?.lemma == lemma)
    }

    @Test func coordinatedSubjectsAreEachASubject() {
        let analysis = analyzer.analyze("Portugal and Morocco signed a deal.")
        #expect(subjects(analysis, verb: "signed") == ["Portugal", "Morocco"])
        #expect(objects(analysis, verb: "signed") == ["deal"])
        // The twin: one subject stays one.
        let single = analyzer.analyze("Portugal signed a deal with Morocco.")
        #expect(subjects(single, verb: "signed") == ["Portugal"])
    }

    @Test func anAppositionBeforeTheVerbIsNotItsSubject() {
        // The phrase the apposition describes is the subject.
        let apposition = analyzer.analyze("Norway, a founding member of the alliance, has rejected the plan.")
        #expect(subjects(apposition, verb: "rejected") == ["Norway"])
        // Twins: a list is no apposition, and an apposition needs its closing comma before the verb.
        let list = analyzer.analyze("Norway, Sweden and Finland have rejected the plan.")
        #expect(subjects(list, verb: "rejected") == ["Norway", "Sweden", "Finland"])
        let fronted = analyzer.analyze("In Oslo, the minister rejected the plan.")
        #expect(subjects(fronted, verb: "rejected") == ["minister"])
    }

    @Test func aParticipleAfterANounTakesAPhraseNotAClause() {
        // "including" as a preposition, and an "-ing" participle right after the noun it describes: the noun
        // phrase after either is its object, and the noun before them is the subject of the verb after.
        let including = analyzer.analyze("Warships including two frigates shelled the port.")
        #expect(subjects(including, verb: "shelled") == ["Warships"])
        #expect(objects(including, verb: "including") == ["frigates"])
        let carrying = analyzer.analyze("Troops carrying rifles stormed the building.")
        #expect(subjects(carrying, verb: "stormed") == ["Troops"])
        #expect(objects(carrying, verb: "carrying") == ["rifles"])
        // Twin: after a comma a participle of saying reports a clause with its own subject.
        let saying = analyzer.analyze("The mayor spoke, saying rebels attacked the town.")
        #expect(subjects(saying, verb: "attacked") == ["rebels"])
    }

    @Test func aSecondVerbSharesTheSubjectAcrossTheFirstVerbsObjectAndItsPrepositions() {
        let analysis = analyzer.analyze(
            "Norway received an inquiry from the office of the prosecutor and condemned the plan.")
        #expect(subjects(analysis, verb: "condemned") == ["Norway"])
        #expect(clause(analysis, verb: "condemned")?.subjectSource == .shared)
        // Twin: a second verb with a subject of its own keeps it.
        let own = analyzer.analyze(
            "Norway received an inquiry from the office of the prosecutor, but Sweden condemned the plan.")
        #expect(subjects(own, verb: "condemned") == ["Sweden"])
        #expect(clause(own, verb: "condemned")?.subjectSource == .direct)
    }

    @Test func aVerbAfterACopulasAdjectiveSharesItsSubject() {
        let analysis = analyzer.analyze("Settlements are clearly illegal and threaten the peace.")
        #expect(subjects(analysis, verb: "threaten") == ["Settlements"])
        #expect(clause(analysis, verb: "threaten")?.subjectSource == .shared)
        // Twin: an adjective that follows a verb other than "be" leaves the second verb without that subject.
        let other = analyzer.analyze("Ministers left angry and threaten the peace.")
        #expect(clause(other, verb: "threaten")?.subjectSource != .shared)
    }

    @Test func aPassiveHasItsAgentAndNoObject() throws {
        let analysis = analyzer.analyze("The ministry was hit by pro-Israel hackers.")
        let group = try #require(analysis.verbGroups.first)
        #expect(group.voice == .passive)
        #expect(group.lemma == "hit")
        #expect(subjects(analysis, verb: "hit") == ["ministry"])
        #expect(clause(analysis, verb: "hit")?.agents.map { head(analysis, $0) } == ["hackers"])
        #expect(objects(analysis, verb: "hit").isEmpty)
        // The active twin has an object and no agent.
        let active = analyzer.analyze("Pro-Israel hackers hit the ministry.")
        #expect(active.verbGroups.first?.voice == .active)
        #expect(objects(active, verb: "hit") == ["ministry"])
        #expect(clause(active, verb: "hit")?.agents.isEmpty == true)
    }

    @Test func aVerbGroupCarriesNegationModalityAndTense() throws {
        let denied = try #require(analyzer.analyze("Iran has not denied the claims.").verbGroups.first)
        #expect(denied.negated && denied.perfect && denied.lemma == "deny" && denied.tense == .present)
        let sign = try #require(analyzer.analyze("Serbia will sign the deal.").verbGroups.first)
        #expect(sign.modal == "will" && sign.tense == .future && !sign.negated)
        let could = try #require(analyzer.analyze("Serbia could sign the deal.").verbGroups.first)
        #expect(could.modal == "could" && could.tense == .present)
        let past = try #require(analyzer.analyze("Serbia signed the deal.").verbGroups.first)
        #expect(past.modal == nil && past.tense == .past && !past.negated)
    }

    @Test func coordinatedVerbsShareTheFirstSubject() throws {
        let analysis = analyzer.analyze("Iran denied the claims and condemned the attack.")
        let condemned = try #require(clause(analysis, verb: "condemned"))
        #expect(condemned.subjectIsShared)
        #expect(subjects(analysis, verb: "condemned") == ["Iran"])
        #expect(objects(analysis, verb: "condemned") == ["attack"])
        // No sharing where the second verb has its own subject.
        let own = analyzer.analyze("Iran denied the claims and Albania condemned the attack.")
        #expect(clause(own, verb: "condemned")?.subjectIsShared == false)
        #expect(subjects(own, verb: "condemned") == ["Albania"])
    }

    @Test func aRelativePronounIsItsClausesSubject() throws {
        let analysis = analyzer.analyze("The hackers who attacked the ministry were arrested.")
        let attacked = try #require(clause(analysis, verb: "attacked"))
        #expect(subjects(analysis, verb: "attacked") == ["who"])
        #expect(attacked.modifies.map { head(analysis, $0) } == "hackers")
        #expect(subjects(analysis, verb: "arrested") == ["hackers"])
    }

    @Test func aSubjectSkipsPrepositionalPhrases() {
        let analysis = analyzer.analyze("The president of France criticized the plan.")
        #expect(subjects(analysis, verb: "criticized") == ["president"])
    }

    @Test func reportedSpeechLinksTheContentToTheSpeaker() throws {
        let analysis = analyzer.analyze("Officials said Iran attacked the ministry.")
        let said = try #require(
            analysis.clauses.firstIndex { analysis.words[analysis.verbGroups[$0.verbGroup].head].form == "said" })
        #expect(objects(analysis, verb: "said").isEmpty)
        #expect(clause(analysis, verb: "attacked")?.complementOf == said)
        #expect(subjects(analysis, verb: "attacked") == ["Iran"])
        let after = analyzer.analyze("Iran attacked the ministry, officials said.")
        let saidAfter = try #require(
            after.clauses.firstIndex { after.words[after.verbGroups[$0.verbGroup].head].form == "said" })
        #expect(clause(after, verb: "attacked")?.complementOf == saidAfter)
        // The twin: a verb with an object reports nothing.
        let plain = analyzer.analyze("Officials denied the claims.")
        #expect(plain.clauses.allSatisfy { $0.complementOf == nil })
        #expect(objects(plain, verb: "denied") == ["claims"])
    }

    @Test func aClauseStopsAtASemicolon() {
        let analysis = analyzer.analyze(
            "The Bolivian and Chilean ministers agreed; Xi Jinping met with Emmanuel Macron.")
        #expect(subjects(analysis, verb: "agreed") == ["ministers"])
        #expect(subjects(analysis, verb: "met") == ["Jinping"])
        #expect(clause(analysis, verb: "met")?.segment == 1)
        #expect(clause(analysis, verb: "agreed")?.objects.isEmpty == true)
    }

    @Test func aTimeAfterTheVerbIsNoObject() {
        #expect(objects(analyzer.analyze("Hackers attacked last week."), verb: "attacked").isEmpty)
        #expect(objects(analyzer.analyze("Hackers attacked the bank."), verb: "attacked") == ["bank"])
    }

    @Test func aCopulasSubjectHangsOnThePredicate() throws {
        let analysis = analyzer.analyze("The attack was serious.")
        let group = try #require(analysis.verbGroups.first)
        #expect(group.isCopula)
        #expect(group.predicate.map { analysis.words[$0].form } == "serious")
        let relation = try #require(analysis.relations.first)
        #expect(analysis.words[relation.dependent].form == "attack")
        #expect(analysis.words[relation.head].form == "serious")
        #expect(relation.label == "nsubj")
    }

    @Test func nounPhrasesKeepTheirPossessorAndProperName() throws {
        let analysis = analyzer.analyze("Iran's foreign minister met Emmanuel Macron.")
        let minister = try #require(analysis.nounPhrases.first)
        #expect(analysis.words[minister.head].form == "minister")
        #expect(minister.possessor.map { analysis.words[$0].map(\.form) } == ["Iran"])
        let macron = try #require(analysis.nounPhrases.last)
        #expect(macron.properName.map { analysis.words[$0].map(\.form) } == ["Emmanuel", "Macron"])
    }

    @Test func coordinationListsCloseWithAConjunction() {
        let analysis = analyzer.analyze("It accused the UK, the US and Nato.")
        #expect(objects(analysis, verb: "accused") == ["UK", "US", "Nato"])
        // A comma alone joins nothing: "Paris, France" is one place named twice.
        let place = analyzer.analyze("She lives in Paris, France.")
        #expect(place.coordinations.isEmpty)
    }

    @Test func conllUCarriesTagsRelationsAndOffsets() {
        let conllu = analyzer.analyze("Hackers hit banks.").conllu(comments: ["# sent_id = 1"])
        #expect(
            conllu == """
                # sent_id = 1
                1\tHackers\thacker\tNOUN\t_\t_\t2\tnsubj\t_\tTokenRange=0:7
                2\thit\thit\tVERB\t_\t_\t_\t_\t_\tTokenRange=8:11
                3\tbanks\tbank\tNOUN\t_\t_\t2\tobj\t_\tTokenRange=12:17|SpaceAfter=No
                4\t.\t.\tPUNCT\t_\t_\t_\t_\t_\tTokenRange=17:18


                """)
    }
}

extension SentenceAnalysisTests {
    @Test func aHyphenatedModifierStaysInsideItsNounPhrase() throws {
        let analysis = analyzer.analyze("Portugal signed a long-awaited energy deal.")
        let phrase = try #require(analysis.nounPhrases.last)
        #expect(analysis.words[phrase.range].map(\.form) == ["a", "long", "-", "awaited", "energy", "deal"])
        #expect(objects(analysis, verb: "signed") == ["deal"])
        // Twin: a hyphen with spaces around it is a dash between phrases, not part of a word.
        let dashed = analyzer.analyze("Portugal signed a deal - a long one.")
        #expect(dashed.nounPhrases.map { dashed.words[$0.head].form } == ["Portugal", "deal", "one"])
    }
}
