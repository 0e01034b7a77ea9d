import NewsModel
import Testing

@testable import NewsExtract

/// The rule families that read the language layer's clauses (`Sources/NewsExtract/EventRules/`), each with
/// sentences of our own: what the rule gives, and a twin where it must give nothing more.
struct EventRulesTests {
    let extractor = Extractor()

    private func events(_ text: String) -> Set<String> {
        Set(
            extractor.extract(text: text, anchor: "2022-09-12").events.map { event in
                "\(event.actor?.id ?? "-") \(event.cameo) \(event.target?.id ?? "-")"
            })
    }

    @Test(arguments: [
        // reciprocal.coordinated-subjects: each signer toward the other.
        ("Portugal and Morocco signed a deal.", ["PRT 057 MAR", "MAR 057 PRT"]),
        ("The Bolivian and Chilean ministers agreed.", ["BOL 030 CHL", "CHL 030 BOL"]),
        // Twin: one signer with a partner named after "with" signs toward the partner only.
        ("Portugal signed a deal with Morocco.", ["PRT 057 MAR"]),
        // Twin: an act that is not reciprocal stays one-way from each subject.
        ("Russia and China condemned Japan.", ["RUS 111 JPN", "CHN 111 JPN"]),
    ])
    func reciprocalActsGoBothWays(sentence: String, expected: [String]) {
        #expect(events(sentence) == Set(expected))
    }

    @Test(arguments: [
        // pattern.object-head: the object's modifiers do not hide the pattern "signed a deal".
        ("Serbia and Hungary signed a gas deal in Belgrade.", ["SRB 057 HUN", "HUN 057 SRB"]),
        ("Portugal signed a long-awaited energy deal with Morocco.", ["PRT 057 MAR"]),
        // Twin: the head decides; a bill is no deal.
        ("Portugal signed a long-awaited energy bill.", []),
    ])
    func patternsMatchTheObjectsHead(sentence: String, expected: [String]) {
        #expect(events(sentence) == Set(expected))
    }

    @Test func aSemicolonEndsTheRolesOfItsClause() {
        let coded = events("The Bolivian and Chilean ministers agreed; Xi Jinping met with Emmanuel Macron.")
        #expect(coded.contains("BOL 030 CHL") && coded.contains("CHL 030 BOL"))
        #expect(coded.contains("person:xi-jinping 040 person:emmanuel-macron"))
        #expect(!coded.contains { $0.hasSuffix("030 person:xi-jinping") })
        // Twin: within one clause the target after the verb is taken.
        #expect(events("The Bolivian minister agreed with Xi Jinping.") == ["BOL 030 person:xi-jinping"])
    }

    @Test func aDenialIsAnEventThoughItIsAStatement() {
        #expect(events("Iran refuted the claims.") == ["IRN 016 -"])
        // Twin: other statements report; they are no events.
        #expect(events("Iran said the claims were false.") == [])
    }

    @Test func theSubjectsPrepositionalPhraseNamesTheActor() {
        // clause.subject-actor: "officials in Iran" act for Iran.
        #expect(events("Officials in Iran denied the claims of Albania.") == ["IRN 016 ALB"])
        // Twin: a subject that names no participant gives no actor.
        #expect(events("Officials denied the claims of Albania.") == ["- 016 ALB"])
    }

    @Test func everyCoordinatedObjectIsATarget() {
        // coordination.objects: with no actor named, each of the three is accused.
        #expect(
            events("It goes on to accuse the UK, the US and Nato of lying.")
                == ["- 112 GBR", "- 112 USA", "- 112 nato"])
        // Twin: one object, one target.
        #expect(events("It goes on to accuse the UK of lying.") == ["- 112 GBR"])
    }
}

extension EventRulesTests {
    @Test func aCoercionWhoseSubjectIsAnEventIsThatEvent() {
        // clause.event-subject: the hack forced the government: the hack is the event (a cyberattack).
        #expect(events("The new hack on Friday forced the Albanian government to shut its systems.") == ["- 176 ALB"])
        // Twin: a country that forces another coerces it.
        #expect(events("Albania forced Iran to close its embassy.") == ["ALB 170 IRN"])
    }

    @Test func aPronounThatReportsIsTheSpeaker() {
        // speech.pronoun-speaker: "it" of reported speech is the one who says.
        #expect(events("Iran said it rejected the claims of Albania.") == ["IRN 016 ALB"])
        // Twin: a named subject of the reported clause acts itself.
        #expect(events("Iran said Albania rejected the claims.") == ["ALB 016 -"])
    }

    @Test func theClausesOwnSubjectActsNotANameTheWindowReached() {
        // clause.subject-over-window: the subject before an apposition acts, not the country inside it.
        #expect(events("Norway, a key U.S. ally, has condemned Russia.") == ["NOR 111 RUS"])
        #expect(events("The US, a key ally of Norway, has condemned Russia.") == ["USA 111 RUS"])
        // Twin: with no apposition the subject's own country acts.
        #expect(events("A key U.S. ally has condemned Russia.") == ["USA 111 RUS"])
    }

    @Test func aReportedClauseWhoseSubjectNamesNoOneHasNoActor() {
        // clause.subject-names-none: the speaker does not do what the reported clause's own subject does.
        #expect(events("Germany said the new treaty would attack Poland.") == ["- 130 POL"])
        // Twins: a pronoun or a definite institution stands for the speaker, and a named subject acts itself.
        #expect(events("Germany said it would attack Poland.") == ["DEU 130 POL"])
        #expect(events("Germany said the government would attack Poland.") == ["DEU 130 POL"])
        #expect(events("Germany said France would attack Poland.") == ["FRA 130 POL"])
    }

    @Test func aCoordinatedVerbsTargetIsNotTheVerbBeforeIt() {
        // coordination.verb-ends-roles: France is criticized, not the object of the promise.
        #expect(
            events("Germany promised to help the refugees and criticized France.") == ["DEU 030 -", "DEU 111 FRA"])
        // Twin: each verb keeps the target named before the next one.
        #expect(
            events("Germany promised to help Poland and criticized France.") == ["DEU 030 POL", "DEU 111 FRA"])
    }

    @Test func anArgumentThatReportsAClauseStatesAnOpinion() {
        // speech.opinion: "argued that ..." disapproves of no one.
        #expect(events("Austria argued for decades that Germany had annexed it.").allSatisfy { !$0.contains(" 110 ") })
        // Twins: an argument with someone disapproves, and an allegation still accuses.
        #expect(events("Austria argued with Germany over the border.") == ["AUT 110 DEU"])
        #expect(events("Austria alleged that Germany had lied.").contains("AUT 110 DEU"))
    }

    @Test func aSharedPronounSubjectActsNotANameInTheFirstVerbsObject() {
        // coordination.shared-pronoun: "we" cooperate, not Denmark, whose prosecutor sent the letter.
        #expect(
            events(
                "“We got a letter from the office of the Danish prosecutor and are cooperating with Sweden,” a"
                    + " spokesperson said."
            ).allSatisfy { !$0.hasPrefix("DNK") })
        // Twin: a named subject shared by both verbs acts.
        #expect(
            events("Norway got a letter from the office of the Danish prosecutor and is cooperating with Sweden.")
                == ["NOR 050 SWE"])
    }

    @Test func aQuotationsActTakesNoTargetNamedAfterItCloses() {
        // speech.quote-ends-roles: the speaker after the quotation is not the target, with curly or straight marks.
        #expect(
            events("“Norway firmly opposes intimidation by any claimant,” Swedish Foreign Minister Anna Berg said.")
                == ["NOR 120 -"])
        #expect(
            events("\"Norway firmly opposes intimidation by any claimant,\" Swedish Foreign Minister Anna Berg said.")
                == ["NOR 120 -"])
        // Twin: a target inside the quotation stays.
        #expect(events("“Norway firmly opposes Sweden,” Foreign Minister Anna Berg said.") == ["NOR 120 SWE"])
    }

    @Test func aPronounMeansANameEarlierInItsSentenceBeforeTheOfficialNamedLast() {
        // "he" is Dalton, named in the sentence though no participant, not the senator of the sentence before.
        #expect(
            events("Senator Mara Holt spoke on Monday. When Dalton was approached, he said he supported Canada.")
                == [])
        // Twins: a day after a preposition, or no name at all, leaves the official named last.
        #expect(
            events("Senator Mara Holt spoke on Monday. On Tuesday, he said he supported Canada.")
                == ["person:mara-holt 050 CAN"])
        #expect(events("Senator Mara Holt spoke on Monday. He supported Canada.") == ["person:mara-holt 050 CAN"])
    }

    @Test func aRelativeClauseActsForThePhraseItDescribes() {
        // clause.subject-names-none: "police, who fired": the police fired tear gas, not Denmark (the window
        // took the embassy's country).
        #expect(
            events("The Danish embassy was surrounded by police, who fired tear gas at protesters.") == ["- 190 DNK"])
        // Twin: named police besiege the embassy.
        #expect(
            events("The Danish embassy was surrounded by Iranian police, who fired tear gas at protesters.")
                == ["irn-police 190 DNK"])
    }

    @Test func groundRetakenByForceIsAnArmedAttack() {
        // "retaken a village": an armed attack (190) by the forces a country leads, on the country of the village.
        #expect(
            events("Vietnamese-led forces have retaken a strategic village in Western Cambodia.") == ["VNM 190 KHM"])
        #expect(events("Rebels overran the town of Kidal in Mali.") == ["- 190 MLI"])
        // Twin: ground not named is an occupation (192).
        #expect(events("Syria recaptured Palmyra.") == ["SYR 192 -"])
    }

    @Test func aDenialOfServiceIsAnAttackAndASiteTakenOfflineIsNoSeizure() {
        #expect(
            events("Iran denied a distributed denial of service (DDoS) attack on Albania.")
                == ["IRN 016 ALB", "- 176 ALB"])
        #expect(events("The websites of the Albanian Parliament were taken offline.") == [])
        // Twin: a denial is still a denial.
        #expect(events("Iran's denial of the attack on Albania came late.").contains("IRN 016 ALB"))
    }
}

extension EventRulesTests {
    @Test func everyEventNamesTheRulesThatMadeIt() throws {
        let both = extractor.extract(text: "Portugal and Morocco signed a gas deal.", anchor: nil).events
        #expect(both.count == 2)
        for event in both {
            #expect(
                event.rules == [
                    "cue.lexicon", "pattern.object-head", "reciprocal.coordinated-subjects", "roles.window",
                ])
        }
        // Twin: a plain accusation is found by the lexicon and the word window alone.
        let plain = try #require(extractor.extract(text: "Albania blamed Iran.", anchor: nil).events.first)
        #expect(plain.rules == ["cue.lexicon", "roles.window"])
        // An opening subordinate clause names its rule, and no semicolon's.
        let opened = extractor.extract(text: "When Russia invaded Ukraine, Poland condemned Moscow.", anchor: nil)
            .events
        #expect(
            opened.map(\.rules) == Array(repeating: ["clause.subordinate", "cue.lexicon", "roles.window"], count: 2))
    }

    @Test(arguments: [
        // roles.polled-share: a share of a country's people says or wants, the country does not act.
        ("Seventy percent of Americans say that the attempt by Trump to coerce Ukraine was wrong.", [String]()),
        ("A majority of Britons want Germany to pay.", ["- 100 DEU"]),
        // Twins: the people as a whole, and a share of the country's ground, stay participants.
        ("Americans protested outside the Chinese embassy.", ["USA 140 CHN"]),
        ("Turkey attacked half of Syria.", ["TUR 190 SYR"]),
    ])
    func aShareOfAPeopleIsNoActor(sentence: String, expected: [String]) {
        #expect(events(sentence) == Set(expected))
    }

    @Test(arguments: [
        // roles.document-name: a country in the name of a law or treaty is no participant.
        ("The Hong Kong Human Rights and Democracy Act would impose sanctions on China.", ["- 130 CHN"]),
        // Twins: the country itself, and a name that goes on past the law word ("Convention Center"): Syria stays.
        ("Hong Kong imposed sanctions on China.", ["HKG 163 CHN"]),
        ("Israel attacked Gaza near the Syria Convention Center.", ["ISR 190 SYR"]),
    ])
    func aCountryInTheNameOfALawIsNoParticipant(sentence: String, expected: [String]) {
        #expect(events(sentence) == Set(expected))
    }

    @Test(arguments: [
        // Moving into what is no place occupies nothing (the dictionary's bare "move into" is CAMEO 192).
        ("Britain is moving into the race for the contract.", [String]()),
        // Twins: a named place, and a place noun, are occupied.
        ("Russia moved into Crimea.", ["RUS 192 -"]),
        ("Turkey moved into the border area.", ["TUR 192 -"]),
    ])
    func movingIntoAPlaceOccupiesIt(sentence: String, expected: [String]) {
        #expect(events(sentence) == Set(expected))
    }

    @Test(arguments: [
        // roles.halves: the passive verb gives the target, the attack noun's author the actor: one event.
        (
            "In March, Norway's parliament was hit by a cyberattack, thought to be carried out by Russian hackers.",
            ["unnamed:rus-hackers 176 nor-parliament"]
        ),
        (
            "Estonia was hit by a cyberattack in May, while pro-Russian hackers launched a cyberattack the same month.",
            ["unnamed:pro-rus-hackers 176 EST"]
        ),
        // Twin: halves dated apart are two attacks.
        (
            "Estonia was hit by a cyberattack in May, while pro-Russian hackers launched a cyberattack in June.",
            ["- 176 EST", "unnamed:pro-rus-hackers 176 -"]
        ),
        // Twin: one party's two halves are two acts; it does not attack itself.
        (
            "Estonia was hit by a cyberattack in May, while Estonia launched a cyberattack the same month.",
            ["- 176 EST", "EST 176 -"]
        ),
    ])
    func anActsTwoHalvesInOneSentenceAreOneEvent(sentence: String, expected: [String]) {
        #expect(events(sentence) == Set(expected))
    }

    @Test(arguments: [
        // roles.the-nation: "the Middle Eastern nation", the cue's object, is the last other country named.
        ("The spat with Iran saw Albania cut diplomatic ties with the Middle Eastern nation.", ["ALB 161 IRN"]),
        (
            "The spat with Iran saw Albania's government cut diplomatic ties with the Middle Eastern nation.",
            ["ALB 161 IRN"]
        ),
        // Twins: an act of protection keeps one's own nation; no other country named before it; the phrase
        // after a comma is no object of the cue.
        ("Despite threats from Iran, Albania vowed to protect the nation.", ["ALB 030 -"]),
        ("Albania cut diplomatic ties with the Middle Eastern nation.", ["ALB 161 -"]),
        (
            "The spat with Iran saw Albania cut diplomatic ties, the Balkan nation's foreign ministry said.",
            ["ALB 161 -"]
        ),
    ])
    func theNationIsTheLastOtherCountryNamed(sentence: String, expected: [String]) {
        #expect(events(sentence) == Set(expected))
    }

    @Test(arguments: [
        // clause.relative: the relative clause's act does not take the main clause's place; the main verb after
        // it codes its own, and the relative clause keeps its own target ...
        ("Norway, which hosted talks with Colombia, condemned Russia.", ["NOR 043 COL", "NOR 111 RUS"]),
        // ... and takes none named only where the main clause resumes (it was NOR 043 RUS, and no 111).
        ("Norway, which hosted the talks, condemned Russia.", ["NOR 043 -", "NOR 111 RUS"]),
        // A relative pronoun with no actor found acts through the phrase it describes.
        ("The ministry referred the case to the Turkish police, who arrested two suspects.", ["tur-police 173 -"]),
        // Twins: police that name no one give no actor; a relative clause after the main event codes nothing of its
        // own; coordinated verbs are two main events.
        ("The ministry referred the case to the police, who arrested two suspects.", []),
        ("Germany thanked France, which had sent aid.", ["DEU 051 FRA"]),
        ("Norway hosted talks with Colombia and condemned Russia.", ["NOR 043 COL", "NOR 111 RUS"]),
        // A name inside a relative clause is no speaker of what the main verb reports (Zelensky accused Russia);
        // twin: the phrase the relative clause describes still speaks.
        ("Two reporters who interviewed Zelensky said Russia attacked Ukraine.", ["RUS 190 UKR"]),
        (
            "Norway, which hosted the reporters, said Russia attacked Ukraine.",
            ["NOR 043 -", "RUS 190 UKR", "NOR 112 RUS"]
        ),
    ])
    func aRelativeClausesActIsNoMainEvent(sentence: String, expected: [String]) {
        #expect(events(sentence) == Set(expected))
    }

    @Test(arguments: [
        // clause.subordinate: a subordinate clause that opens the sentence does not take the main clause's place,
        // and no role crosses its comma (it was RUS 190 UKR alone; IRN 016 ALB alone; DEU 162 FRA alone).
        ("When Russia invaded Ukraine, Poland condemned Moscow.", ["RUS 190 UKR", "POL 111 RUS"]),
        ("After Iran denied the claims, Albania cut diplomatic ties with Tehran.", ["IRN 016 -", "ALB 161 IRN"]),
        ("While Berlin suspended aid, Paris praised Kyiv.", ["DEU 162 -", "FRA 051 UKR"]),
        // Twins: a main clause whose subject is a pronoun gets no event of its own (it may stand for either name);
        // a subordinate clause after the main one and a phrase with no verb ("After talks with Russia") change
        // nothing.
        ("When Russia invaded Ukraine, it also attacked Georgia.", ["RUS 190 UKR"]),
        ("Poland condemned Moscow when Russia invaded Ukraine.", ["POL 111 RUS", "RUS 190 UKR"]),
        ("After talks with Russia, Iran condemned Israel.", ["IRN 111 ISR"]),
        // The comma inside a number ends no clause.
        ("After 1,500 Russian troops crossed into Ukraine, Poland condemned Moscow.", ["RUS 190 UKR", "POL 111 RUS"]),
    ])
    func anOpeningSubordinateClauseIsAClauseOfItsOwn(sentence: String, expected: [String]) {
        #expect(events(sentence) == Set(expected))
    }

    @Test(arguments: [
        // passive.reduced-participle: the participant after "by" acts, not undergoes.
        ("Two sailors released by Iran returned home on Friday.", ["IRN 084 -"]),
        ("A convoy attacked by Syrian forces reached the border.", ["SYR 190 -"]),
        // ... and the participant the participle describes undergoes.
        ("Five Britons detained by Iran were freed.", ["IRN 173 GBR"]),
        // Twins: with its auxiliary the passive was already one; "claimed by" takes an act as one's own, no
        // accusation (110): the attack is the claimant's.
        ("Two sailors were released by Iran.", ["IRN 084 -"]),
        ("An attack claimed by Hamas killed three.", ["hamas 190 -"]),
    ])
    func aParticipleAfterANounWithItsAgentIsPassive(sentence: String, expected: [String]) {
        #expect(events(sentence) == Set(expected))
    }

    @Test(arguments: [
        // A document released, before or after the verb, is published: no release of persons (084).
        ("In a statement released last week, Iran said it rejected the claims of Albania.", ["IRN 016 ALB"]),
        ("The report released by Iran on Monday accused Israel.", ["- 112 ISR"]),
        ("Iran released a statement on Monday.", []),
        // Twin: persons released are.
        ("Iran released two British sailors last week.", ["IRN 084 GBR"]),
    ])
    func aDocumentReleasedIsPublishedNotFreed(sentence: String, expected: [String]) {
        #expect(events(sentence) == Set(expected))
    }

    @Test(arguments: [
        // coordination.but-clause: a clause after ", but" with its own subject has its own main event.
        (
            "Germany criticized Russia for the attack, but Moscow rejected the accusations of Berlin.",
            ["DEU 111 RUS", "RUS 016 DEU"]
        ),
        (
            "Albania blamed Iran for the breach, but in a statement, Iran said it rejected the claims of Albania.",
            ["ALB 112 IRN", "IRN 016 ALB"]
        ),
        // Twin: without a subject of its own, the verb after "but" adds no main event.
        ("Germany criticized Russia for the attack, but later condemned Poland.", ["DEU 111 RUS"]),
    ])
    func aClauseAfterButWithItsOwnSubjectHasItsOwnEvent(sentence: String, expected: [String]) {
        #expect(events(sentence) == Set(expected))
    }

    @Test(arguments: [
        // speech.it-previous-actor: "It" opening a sentence goes on with the actor of the sentence before.
        ("Iran condemned the strike on Monday. It accused Israel of sabotage.", ["IRN 112 ISR"]),
        // "goes on to accuse": going on is no act (no CAMEO 040); the accusation is.
        ("Iran condemned the strike on Monday. It went on to accuse Israel of sabotage.", ["IRN 112 ISR"]),
        // Twins: no act before it, a person's act ("he" and "she" stand for persons), or "it" not first.
        ("Iran's statement came on Monday. It accused Israel of sabotage.", ["- 112 ISR"]),
        (
            "Prime Minister Edi Rama condemned Iran on Monday. It accused Israel of sabotage.",
            ["person:edi-rama 111 IRN", "- 112 ISR"]
        ),
        ("Iran condemned the strike on Monday. Later, it accused Israel of sabotage.", ["IRN 111 -", "- 112 ISR"]),
    ])
    func aSentenceOpeningWithItGoesOnWithTheActorBefore(sentence: String, expected: [String]) {
        #expect(events(sentence) == Set(expected))
    }

    @Test func aCountryThatBlamesOnePartyForACyberattackNamesTheAllegedAuthorOfTheOthers() throws {
        // attribution.blamed-author: the hack with no author is the blamed party's, alleged.
        let blamed = extractor.extract(
            text: "Estonia blamed Russia for a cyberattack on its banks. The new hack on Friday forced the Estonian "
                + "government to shut its websites.", anchor: "2022-09-12"
        ).events
        let hack = try #require(blamed.first { $0.cameo == "176" })
        #expect(hack.actor?.id == "RUS" && hack.target?.id == "EST" && hack.certainty == "alleged")
        #expect(hack.rules.contains(AttributionRule.id))
        // Twins: a third party's blame names no victim, and two blamed parties name no one.
        #expect(
            events(
                "The US blamed Russia for the cyberattack on Ukraine. The new hack on Friday forced the Ukrainian "
                    + "government to shut its websites.") == ["USA 112 RUS", "- 176 UKR"])
        #expect(
            events(
                "Estonia blamed Russia for a cyberattack on its banks. Estonia also blamed China for a hack of its "
                    + "ministry. The new hack on Friday forced the Estonian government to shut its websites.")
                == ["EST 112 RUS", "EST 112 CHN", "- 176 EST"])
    }
}
