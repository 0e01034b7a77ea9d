import NewsModel
import Testing

@testable import NewsExtract

struct ExtractorTests {
    let extractor = Extractor()

    private func events(_ text: String, anchor: String? = "2022-09-12") -> [String] {
        extractor.extract(text: text, anchor: anchor).events.map { event in
            "\(event.actor?.id ?? "-") \(event.type) \(event.target?.id ?? "-") \(event.cameo) \(event.date?.value ?? "-")"
        }
    }

    @Test func codesAnAccusationWithActorTargetAndDate() {
        #expect(events("On Friday, Albania blamed Iran for the diplomatic row.") == ["ALB ACCUSE IRN 112 2022-09-09"])
        // A CAMEO pattern refines the verb's code: blame for an attack is an accusation of aggression (1124).
        #expect(events("On Friday, Albania blamed Iran for the attack.") == ["ALB ACCUSE IRN 1124 2022-09-09"])
    }

    @Test func coordinationGivesOneEventPerActor() {
        #expect(
            events("The US and UK also condemned Iran's actions.") == ["USA ACCUSE IRN 111 -", "GBR ACCUSE IRN 111 -"])
    }

    @Test func aCountryInParenthesesAfterAPersonIsNoParticipantOfItsOwn() {
        #expect(
            events("Xi Jinping (China) met with Emmanuel Macron (France) in Paris.") == [
                "person:xi-jinping CONSULT person:emmanuel-macron 040 -"
            ])
        // Its twin: a country in parentheses that does not gloss the name before it stays a participant.
        #expect(
            events("Iran (and China) condemned Israel.") == ["IRN ACCUSE ISR 111 -", "CHN ACCUSE ISR 111 -"])
    }

    @Test func passiveVoiceSwapsActorAndTarget() {
        #expect(events("Albania was attacked by Iran.") == ["IRN ASSAULT ALB 190 -"])
    }

    @Test func nominalCyberattackTakesItsTargetAfterOn() {
        #expect(events("Iran's cyberattack on Albania drew anger.") == ["IRN COERCE ALB 176 -"])
    }

    @Test func negatedQuestionedAndHypotheticalCuesAreNotCoded() {
        #expect(events("Germany did not condemn Russia.") == [])
        #expect(events("Will France sanction Iran?") == [])
        #expect(events("If Japan attacked China, markets would fall.") == [])
    }

    @Test func identicalEventsCollapseWithAMentionCount() throws {
        let result = extractor.extract(text: "Albania blamed Iran. Later, Albania blamed Iran again.", anchor: nil)
        let event = try #require(result.events.first)
        #expect(result.events.count == 1)
        #expect(event.mentionCount == 2)
    }

    @Test func aSentenceWithoutParticipantsGivesNoEvent() {
        #expect(events("Hackers attacked the network on Friday.") == [])
    }

    @Test func intentionsAreAgreementsOrThreatsAndRefusalsAreRejections() {
        #expect(events("Turkey will allow refugees from Iraq to return home.") == ["TUR AGREE IRQ 030 -"])
        #expect(events("Syria says it will not accept more refugees from Iraq.") == ["SYR REJECT IRQ 120 -"])
        #expect(events("Pakistan has refused to deploy peacekeepers in Iraq.") == ["PAK REJECT IRQ 120 -"])
    }

    @Test func whatASpeakerSaysAnotherMustDoIsARequest() {
        #expect(events("Russia said that Sudan must return the helicopter.") == ["RUS REQUEST SDN 100 -"])
        // What a speaker reports done is the doer's event, not a demand on it.
        #expect(events("Russia said Sudan returned the helicopter.") == ["SDN RETREAT - 0842 -"])
    }

    @Test func aLightVerbHandsTheEventToItsObject() {
        #expect(
            events("Israel and Lebanon renewed negotiations with Syria.") == [
                "ISR CONSULT SYR 046 -", "LBN CONSULT SYR 046 -",
            ])
    }

    @Test func anAttackOnComputersIsACyberattack() {
        #expect(events("Iran attacked Albania's government websites.") == ["IRN COERCE ALB 176 -"])
    }

    @Test func hedgedEventsAreKeptAndMarkedAlleged() throws {
        let hedged = try #require(extractor.extract(text: "Iran allegedly attacked Albania.", anchor: nil).events.first)
        #expect(hedged.certainty == "alleged")
        let plain = try #require(extractor.extract(text: "Iran attacked Albania.", anchor: nil).events.first)
        #expect(plain.certainty == "asserted")
    }

    @Test func verbFormsUsedAsNounsAreNotCues() {
        // "allies" and "according" are a noun and a preposition here; their verbs are cues.
        #expect(events("Nato allies met in Vilnius.") == ["nato CONSULT - 040 -"])
        #expect(events("Iran allied with Russia.") == ["IRN SUPPORT RUS 050 -"])
        #expect(events("According to Iran, the talks failed.") == [])
        #expect(events("Iran cooperated with Iraq.") == ["IRN SUPPORT IRQ 050 -"])
    }

    @Test func appealsAndDemandsKeepTheirCAMEOCodes() {
        #expect(events("The UK has urged an end to the violence.") == ["GBR REQUEST - 020 -"])
        // Wanting another to act is a demand; the one who must act is the target.
        #expect(
            events("Beijing also wants Trump to eliminate the tariffs.", anchor: "2019-11-19")
                == ["CHN REQUEST person:donald-trump 100 -"])
    }

    @Test func coordinatedTargetsGiveOneEventPerTarget() {
        #expect(
            events("China's ambassador to Britain accused the UK and the US of meddling.")
                == ["CHN ACCUSE GBR 112 -", "CHN ACCUSE USA 112 -"])
        // A comma alone is no list: "Iran, Albania's prime minister said" names one target.
        let single = events("Albania blamed Iran, Albania's prime minister said.")
        #expect(single.count == 1 && single[0].hasPrefix("ALB ACCUSE IRN"))
    }

    @Test func objectsOfPrepositionsAndDatelinesAreNotActors() {
        #expect(
            events(
                "HANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper accused China of coercion.",
                anchor: "2019-11-20")
                == ["person:mark-esper ACCUSE CHN 112 -"])
        #expect(events("The group said on Twitter that the deal was unfair, and demanded an extension.") == [])
        // With no other subject, a place after a common noun stands for its people.
        #expect(events("Opposition groups in Zimbabwe are demanding land reform.") == ["ZWE REQUEST - 100 -"])
    }

    @Test func aSecondVerbOfTheSubjectAndASubordinateClauseFindTheirOwnActors() {
        #expect(
            events("Vietnam is one of the critics of China's claims and has accused Beijing of encroaching.")
                == ["VNM ACCUSE CHN 112 -"])
        #expect(events("The United Arab Emirates said it hoped to publish a draft after 100 countries objected.") == [])
    }

    @Test func complementVerbsHandTheEventToTheVerbAfterTo() {
        #expect(events("Nigeria decided to expel the ambassador of Chad.") == ["NGA SANCTION TCD 161 -"])
        #expect(events("Nigeria vowed to attack Chad.") == ["NGA THREATEN TCD 130 -"])
        // A part of a compound is no cue: the light verb hands the event to the noun.
        #expect(
            events("Israel today mounted its long-threatened invasion of Lebanon.") == [
                "ISR ASSAULT LBN 190 2022-09-12"
            ])
    }

    @Test func theObjectDecidesBetweenForceAndWords() {
        #expect(
            events("Boris Johnson and Jeremy Corbyn attacked each other's policies.", anchor: "2019-11-19")
                == [
                    "person:boris-johnson ACCUSE person:jeremy-corbyn 111 -",
                    "person:jeremy-corbyn ACCUSE person:boris-johnson 111 -",
                ])
        #expect(events("Burmese troops have captured a rebel stronghold.") == ["MMR ASSAULT - 190 -"])
        #expect(events("French farmers blocked the Europe Bridge to Germany.") == ["FRA PROTEST DEU 144 -"])
        #expect(events("Arafat defended Iraq against Western criticism.").contains("- SUPPORT IRQ 052 -"))
        #expect(events("A Saudi businessman is suing the United States.") == ["SAU ACCUSE USA 115 -"])
    }

    @Test func cooperationWithoutATargetAndIdiomsAreNoEvents() {
        // A dictionary verb of cooperation at its default code needs someone it is done with or for.
        #expect(events("Americans have gone to the polls four times this month.") == [])
        #expect(events("The agreement must be ratified by Japan's parliament before it takes effect.") == [])
        // An announced intention is an event without a target.
        #expect(
            events("Israel will evacuate all settlements in mid-August.").contains { $0.hasPrefix("ISR AGREE - 030") })
    }

    @Test func theWordsAfterAVerbRecodeIt() {
        #expect(
            events("The German Foreign Office summoned the Russian ambassador.").contains {
                $0.hasSuffix("ACCUSE RUS 111 -")
            })
        // An embassy speaks for its government: the country acts.
        #expect(events("China's embassy in Ottawa rejected the findings.") == ["CHN REJECT - 016 -"])
        #expect(
            events("The Czech Republic ordered three Russian diplomats to leave the country.")
                == ["CZE SANCTION RUS 161 -"])
        // Calling accusations untrue denies them; calling a decision a sham criticises it.
        #expect(events("Moscow called the accusations \"baseless fantasies\".") == ["RUS REJECT - 016 -"])
        #expect(events("Moscow called the decision \"a sham\".") == ["RUS ACCUSE - 111 -"])
        // Calling a thing a success praises it.
        #expect(events("Moscow called the deal a historic achievement.") == ["RUS SUPPORT - 051 -"])
    }

    @Test func attributionsAndSecondVerbsAreCoded() {
        // The speaker who names the author of a cyberattack accuses it; the intrusion verb needs computers.
        #expect(
            events("Microsoft said that APT28 broke into email accounts of German officials.", anchor: "2024-05-07")
                == ["G0007 COERCE DEU 176 -", "microsoft ACCUSE G0007 112 -"])
        #expect(events("Iran infiltrated the border town.") == [])
        #expect(events("Iran infiltrated the computer networks of Albania.") == ["IRN COERCE ALB 176 -"])
        // "dismissed ... and denied": one event per verb of the subject.
        #expect(
            events("Iran dismissed the measures as worthless and denied that it conducts cyberattacks.")
                .contains("IRN REJECT - 016 -"))
    }

    @Test func possibilitiesAndMarketMovesAreNotCodedAndTheCompanyIsItsName() {
        #expect(events("Trump should be removed from office by the Senate.", anchor: "2019-11-19") == [])
        #expect(events("Boris Johnson is unable to overcome a mountain of mistrust.", anchor: "2019-11-19") == [])
        #expect(events("Japan's Nikkei 225 declined 0.3%, while South Korea's Kospi fell 0.5%.") == [])
        // An attempt is coded as the act (CAMEO codes attempted acts).
        #expect(
            events("WeWork faces a cash crunch. SoftBank attempts to rescue the company.", anchor: "2019-11-19")
                .contains("softbank AID wework 073 -"))
        #expect(
            events("WeWork faces a cash crunch. SoftBank agreed to rescue the company.", anchor: "2019-11-19")
                .contains { $0.hasPrefix("softbank") && $0.contains("wework") })
    }

    @Test func aStateAttorneyGeneralIsAnOffice() {
        #expect(
            events("The New York State Attorney General is investigating WeWork.", anchor: "2019-11-19")
                == ["org:new-york-state-attorney-general ACCUSE wework 090 -"])
    }

    @Test func aPersonPronounOpeningASentenceIsTheOfficialLastNamed() {
        #expect(
            events(
                "U.S. Defense Secretary Mark Esper arrived in Hanoi. He urged Vietnam to push back.",
                anchor: "2019-11-20"
            )
            .contains("person:mark-esper REQUEST VNM 020 -"))
        #expect(
            events("The Afghan government has ruled out Taliban involvement in the incident.")
                == ["AFG REJECT taliban 016 -"])
    }

    @Test func anInfinitiveNoIntentionGovernsIsNoAct() {
        #expect(events("The video prompted Twitter users to argue about the slogan.") == [])
        #expect(events("Germany argued with France about the budget.") == ["DEU ACCUSE FRA 110 -"])
        #expect(
            events("Yoruba leaders in Nigeria are willing to forgive the president.").contains {
                $0.contains("SUPPORT")
            })
    }
}

/// The event rules of `docs/event-types.md` added with the article benchmark in view, one test per rule group.
struct EventRuleTests {
    let extractor = Extractor()

    private func events(_ text: String) -> [String] {
        extractor.extract(text: text, anchor: "2019-11-19").events.map {
            "\($0.actor?.id ?? "-") \($0.type) \($0.target?.id ?? "-") \($0.cameo)"
        }
    }

    @Test func aSpeakersVerdictIsACriticismOfItsSubject() {
        // Both coordinated speakers, the second with a title of their own; the verdict's subject is the target.
        #expect(
            events(
                "Senator Mitt Romney and Senator Susan Collins told reporters that President Donald Trump's request"
                    + " to Ukraine was inappropriate."
            )
            .sorted()
                == [
                    "person:mitt-romney ACCUSE person:donald-trump 111",
                    "person:susan-collins ACCUSE person:donald-trump 111",
                ])
        // Not a predicate: "illegal immigrants"; negated: "was not illegal".
        #expect(events("France said illegal immigrants were found in Calais.") == [])
        #expect(events("France said the Israeli decision was not illegal.") == [])
        // An apposition is one speaker: "the Foreign Ministry spokesman Hamid Rezaei".
        #expect(
            events("Iran's Foreign Ministry spokesman Hamid Rezaei said the US sanctions were illegal.")
                .filter { $0.contains("111") }.count == 1)
    }

    @Test func listsCloseWithOthersAndKeepSlashedNames() {
        #expect(
            events(
                "The Federal Communications Commission held a hearing on Tuesday with executives from Verizon,"
                    + " AT&T/DirecTV, Comcast and others."
            ).map { $0.split(separator: " ")[2] } == ["verizon", "att", "comcast"])
        // Commas alone make no list: only the first is the target.
        #expect(events("Iran met Iraq, Syria, Turkey.") == ["IRN CONSULT IRQ 040"])
    }

    @Test func electoralDefeatsAndCompanyResignationsAreNoEvents() {
        #expect(events("Republicans beat incumbent Senator Doug Jones in the Alabama race.") == [])
        #expect(events("Russian forces beat back a Ukrainian assault.") == ["RUS ASSAULT UKR 190"])
        #expect(events("Amazon CEO Jeff Bezos is stepping down in July.") == [])
        #expect(events("Pakistani Prime Minister Imran Khan resigned.") == ["person:imran-khan CONCEDE - 0831"])
    }

    @Test func prepositionalObjectsAndVerbObjectsAreNoSubjects() {
        // "by the US Senate" is no subject of "would impose".
        #expect(
            !events("The bill, under consideration by the US Senate, would impose sanctions on Iran.").contains {
                $0.hasPrefix("us-senate")
            })
        // "campaign" is the object of "regulates", not a verb.
        #expect(events("The commission, which regulates campaign spending, issued a statement.") == [])
        // With no other subject, the body the people are affiliated with acts.
        #expect(
            events("Dockers affiliated with the Greek Seamen's Federation stopped work on Monday.")
                == ["GRC PROTEST - 143"])
    }

    @Test func takingActionWithWordsBetweenIsAnIdiomAndAWishIsNoEvent() {
        #expect(events("Britain vowed to take swift legal action against the smugglers.") == [])
        #expect(events("Kenya said it would take a series of measures against Somalia.") == [])
        #expect(events("Officials would like to see Russia agree to a ceasefire.") == [])
    }

    @Test func aParticipleAfterAndWithItsOwnAgentSharesThePassive() {
        #expect(
            events("Iraq was invaded by the US and occupied by British forces.")
                == ["USA ASSAULT IRQ 190", "GBR COERCE IRQ 192"])
    }

    @Test func coordinatedSpeakersEachAccuseAndAgreeingWithAFindingEndorsesIt() {
        #expect(
            events(
                "The NSA and the FBI said on Monday that Russian hackers known as Sandworm had broken into the"
                    + " networks of power companies."
            ).filter { $0.hasSuffix("112") } == ["nsa ACCUSE G0034 112", "fbi ACCUSE G0034 112"])
        #expect(events("Japan said it agreed with the British assessment.") == ["JPN SUPPORT GBR 051"])
        #expect(events("Japan agreed with Britain on a trade deal.") == ["JPN AGREE GBR 030"])
    }

    @Test func theCountryAsAnObjectIsTheLastOtherCountryNamed() {
        #expect(events("Iraq said Kuwait had invaded the nation.").contains("KWT ASSAULT IRQ 190"))
        // The actor's own country is no other country.
        #expect(events("Russia said Putin visited the country on Monday.") == ["person:vladimir-putin CONSULT - 042"])
    }

    @Test func aParticipantListedWithAnObjectIsNoSubject() {
        // "between France and Germany": both are objects of "between", neither allows anything.
        #expect(
            !events("A treaty between France and Germany would allow visits by Poland.").contains {
                $0.hasPrefix("FRA") || $0.hasPrefix("DEU")
            })
    }

    @Test func theSubjectOfAVerbOfUndergoingIsTheTarget() {
        #expect(
            events("The United States faced stiff Palestinian criticism over its decision.")
                == ["PSE ACCUSE USA 111"])
        #expect(
            events("Google is facing scrutiny from the European Commission over its ads.")
                .contains("ec ACCUSE google 090"))
    }

    @Test func nounsAfterCommonNounsAndIdiomsAreNoVerbs() {
        // "teacher pay", "venture capital arm": nouns; "took to social media": no taking.
        #expect(events("Governor Eric Holcomb touted the plan as improving teacher pay.") == [])
        #expect(events("Germany paid Greece for the damage.") == ["DEU COOPERATE GRC 061"])
        #expect(
            events("Some of Trump's defenders took to social media to attack Iran.").allSatisfy { !$0.contains("17") })
        #expect(events("Iran seized a British tanker.") == ["IRN COERCE GBR 171"])
        // A visit inside one's own country consults no one.
        #expect(events("Netanyahu visited an Israeli settlement on Tuesday.") == [])
    }

    @Test func capturesExchangedAreReleasedByEachSideAndCompanyAgreementsAreDeals() {
        #expect(
            events("The Taliban swapped two hostages for commanders held by the Afghan government.").sorted()
                == ["AFG RETREAT taliban 0841", "taliban RETREAT AFG 0841"])
        #expect(events("Google reached an agreement with Apple on search.").contains("google COOPERATE apple 061"))
        #expect(events("China is balking at the purchases.") == ["CHN REJECT - 120"])
        #expect(events("Hong Kong police took to the streets.").contains { $0.contains("MOBILIZE") })
        #expect(events("Beijing will angrily dismiss any criticism from Britain.").contains("CHN REJECT GBR 120"))
    }

    @Test func companiesListedAfterAClassNounAreGroupsWhereverTheyAreNamed() {
        let extraction = extractor.extract(
            text: "NASA chose companies Astrobotic, Intuitive Machines and Orbit Beyond in July. In May, NASA awarded"
                + " task orders to Astrobotic and Intuitive Machines.", anchor: "2019-11-19")
        let companies = extraction.entities.filter { $0.type == "company" }
        #expect(companies.map(\.name) == ["Astrobotic", "Intuitive Machines", "Orbit Beyond"])
        #expect(companies.first?.mentions.count == 2)
        // A list after a colon that closes the class noun's phrase.
        let colonList = extractor.extract(
            text:
                "They join the nine companies selected a year ago: Draper, Masten Space Systems, Moon Express and OrbitBeyond.",
            anchor: "2019-11-19")
        #expect(colonList.entities.filter { $0.type == "company" }.map(\.name).contains("Moon Express"))
        #expect(
            extraction.events.map { "\($0.actor?.id ?? "-") \($0.target?.id ?? "-") \($0.cameo)" }
                == ["nasa org:astrobotic 060", "nasa org:intuitive-machines 060"])
    }

    @Test func refusalsToSpeakPublicationsAndIdiomsAreNoEvents() {
        #expect(events("Google declined to comment on the report.") == [])
        #expect(events("Google refused to pay the fine.") == ["google REJECT - 120"])
        #expect(events("The White House released a transcript of the call.") == [])
        #expect(events("Hamas released two hostages.") == ["hamas RETREAT - 0841"])
        #expect(events("Senators Cory Booker and Kamala Harris have struggled to gain momentum.") == [])
        #expect(events("The court ruled that Google must pay.") == [])
        // "take action / measures" names no taking.
        #expect(events("The Senate will take measures against Iran.") == [])
        #expect(events("The Senate threatened to take measures against Iran.").contains("- THREATEN IRN 130"))
        // "said ... must" is a demand, but not from a relative clause.
        #expect(events("Russia said Sudan must return the helicopter.") == ["RUS REQUEST SDN 100"])
        #expect(events("Ukraine's president said companies that should be paid were held.") == [])
    }

    @Test func aHearingWithSomeoneIsAMeetingAndABiasedPartyIsCriticised() {
        #expect(
            events("The California Public Utilities Commission holds a public hearing with executives from AT&T.")
                == ["org:california-public-utilities-commission CONSULT att 040"])
        #expect(
            events("The Palestinian Authority considers the US biased.").contains { $0.hasSuffix("ACCUSE USA 111") })
    }

    @Test func anUnnamedTargetRepeatsTheNamedOneOfTheSameActorAndRoot() {
        let extraction = extractor.extract(
            text: "The Arab League condemned the US decision. The Arab League called it an \"adverse development\".",
            anchor: "2019-11-19")
        let events = extraction.events.filter { $0.actor?.id == "arableague" }
        #expect(events.map(\.cameo) == ["111"])
        #expect(events.first?.target?.id == "USA")
        #expect(events.first?.mentionCount == 2)
    }

    @Test func reportsOfIntrusionsAccuseTheNamedGroup() {
        // "a group called Salt Typhoon" names, "warned that ... had" reports: the intrusion and the accusation.
        #expect(
            events(
                "Canada's Communications Security Establishment said a Chinese state-backed group called Salt Typhoon"
                    + " had compromised routers of Canadian telecom companies."
            ).contains { $0.hasSuffix("COERCE CAN 176") })
        #expect(
            events(
                "The FBI warned on Wednesday that Chinese hackers known as Volt Typhoon had burrowed into the networks"
                    + " of water utilities."
            ).contains("fbi ACCUSE G1017 112"))
        // A warning of what will come stays a threat.
        #expect(events("The FBI warned that Iran would retaliate against Israel.").contains { $0.contains("THREATEN") })
        // Cutting power is sabotage in a sentence about hackers or computers only.
        #expect(
            events("Poland said hackers known as Sandworm had tried to cut power to the grid's control systems.")
                == ["G0034 COERCE - 176", "POL ACCUSE G0034 112"])
        #expect(events("Russian missiles cut power to Kyiv.") == [])
    }

    @Test func anActTracedToItsAuthorIsItsAuthors() {
        // Before the act ("traced the intrusion to") or after it ("was traced to"); a cyberattack's victim follows
        // "of"; a breach outside a sentence about computers is none.
        #expect(
            events("Analysts traced the intrusion to the hacking group known as Fancy Bear.") == ["G0007 COERCE - 176"])
        #expect(events("The hack of Sony was traced to North Korea.") == ["PRK COERCE sony 176"])
        #expect(events("Russia accused Ukraine of a breach of the ceasefire.") == ["RUS ACCUSE UKR 112"])
        // Linking an act to its author is the speaker's accusation, no tie; a subordinate clause's own subject
        // ("after investigators linked") is the speaker, not a participant before it. The breach's victim is the
        // chamber whose servers were breached ("the Bundestag's", a chamber named by its noun).
        #expect(
            events(
                "German officials said on Monday that investigators had linked a breach of the Bundestag's email"
                    + " servers to hackers known as Fancy Bear."
            ) == ["G0007 COERCE org:bundestag 176", "DEU ACCUSE G0007 112"])
        #expect(
            !events(
                "Poland expelled two Russian diplomats after investigators linked an intrusion into its email servers"
                    + " to hackers known as Fancy Bear."
            ).contains { $0.hasSuffix("112") })
        // Calling a report groundless denies it.
        #expect(
            events("China's embassy in Ottawa called the report \"groundless speculation\".").map { $0.suffix(3) }
                == ["016"])
    }

    @Test func theyStandsForTheCoordinationAndAPlatformIsNoTarget() {
        #expect(
            events("Slovakia and Poland said on Friday they stood with the Czech government.")
                == ["SVK SUPPORT CZE 051", "POL SUPPORT CZE 051"])
        #expect(
            events("Rep. Ilhan Omar asked for compassion in a letter posted on Twitter.")
                == ["person:ilhan-omar REQUEST - 020"])
    }

    @Test func verbsOfDelayAreRefusalsNotAccusations() {
        // The CAMEO dictionary's DELAY block header ("---  DELAY   [120]---") has no space before its dashes; its
        // verbs were once read as the previous block's (112, blame).
        #expect(events("Hungary delayed the EU sanctions package.") == ["HUN REJECT eu 120"])
        #expect(events("Iran postponed the talks with the European Union.") == ["IRN SANCTION eu 164"])
    }

    @Test func subordinateClausesAndAgentivePassivesAreClausesOfTheirOwn() {
        #expect(
            events("Roughly 13,000 US troops remain in Afghanistan, 18 years after Washington invaded the country.")
                .contains("USA ASSAULT AFG 190"))
        // Annexing occupies territory (192).
        #expect(
            events(
                "Austria argued for decades that it was the first victim of Nazism, having been annexed by Hitler's"
                    + " Germany in 1938."
            ).contains("DEU COERCE AUT 192"))
        // A spokesman denies for his own country, not toward it.
        #expect(
            events("Iran's Foreign Ministry spokesman Hamid Rezaei denied that Iran conducts cyberattacks.")
                == ["person:hamid-rezaei REJECT - 016"])
        #expect(
            events("Iran's Foreign Ministry spokesman Hamid Rezaei denied that Albania conducts cyberattacks.")
                == ["person:hamid-rezaei REJECT ALB 016"])
    }

    @Test func examplesAreNoSubjectsAndBackgroundsAreNoEvents() {
        #expect(events("Critics of leaders such as President Donald Trump condemned the decision.") == [])
        #expect(events("Alibaba listed its shares amid Iran's demonstrations.") == [])
        #expect(events("Iran's demonstrations continued on Sunday.") == ["IRN PROTEST - 141"])
    }

    @Test func anAgentlessPassiveTakesEveryCoordinatedSubjectAndAReportedChoiceItsReporter() {
        let coded = events(
            "NASA said the five companies — Blue Origin, Ceres Robotics, SpaceX and Tyvak Nano-Satellite Systems —"
                + " had been selected to join the program.")
        #expect(coded.filter { $0.hasPrefix("nasa COOPERATE") }.count == 4)
        // Only a choice is the reporter's: Iran did not attack its own ports.
        #expect(
            events("Iran said the Iranian oil ministry and the ports of Oman were attacked.") == ["- ASSAULT OMN 190"])
        #expect(events("Iran said it attacked the ports of Oman.") == ["IRN ASSAULT OMN 190"])
    }

    @Test func namingIsNoCall() {
        #expect(events("Developer Valve called “Half Life: Alyx” a flagship game.") == [])
        #expect(events("The holding rooms of Customs and Border Protection are often called hieleras.") == [])
        #expect(events("Joe Biden called Xi Jinping on Tuesday.") == ["person:joe-biden CONSULT person:xi-jinping 041"])
    }

    @Test func aRelativeClauseBetweenDashesHoldsNoSubjectOfTheMainVerb() {
        let coded = events(
            "The Palestinian Authority - which considers the US biased and has rejected the Trump administration as a"
                + " mediator - called for an emergency meeting of the Arab League.")
        #expect(coded == ["pa REJECT person:donald-trump 120", "pa REQUEST arableague 020"])
    }

    @Test func territoryHandedBackIsReturnedAndAPlatformBeforeAccountIsAMedium() {
        #expect(
            events(
                "They worry China is taking back freedoms given to Hong Kong when the UK returned the territory to China."
            )
            .contains("GBR RETREAT CHN 0842"))
        #expect(
            events(
                "Foreign Secretary Dominic Raab defended the Conservative Party, saying the Twitter account was linked to"
                    + " Labour."
            ) == ["person:dominic-raab SUPPORT tories 051"])
        #expect(
            events("Dominic Raab defended Twitter, saying the account was linked to Labour.")
                == ["person:dominic-raab SUPPORT twitter 051"])
    }
}
