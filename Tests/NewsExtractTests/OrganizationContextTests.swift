import NewsModel
import Testing

@testable import NewsExtract

/// Organisations recognised by their context (`OrganizationContext`), their short names, and what is not one.
/// Every sentence here is written for the test.
struct OrganizationContextTests {
    /// "name|type|rule of each mention" for each group found.
    private func groups(_ text: String) -> [String] {
        let tokenized = TokenizedText(text)
        let countries = CountryMatcher(gazetteer: .shared).match(tokenized)
        return GroupMatcher(gazetteer: .shared).match(tokenized, countries: countries).map { group in
            "\(group.name)|\(group.type ?? "-")|" + group.mentions.map(\.rule).joined(separator: ",")
        }
    }

    @Test func aClassNounBeforeOrAfterTheNameMakesItAnOrganisationOfThatType() {
        #expect(groups("The airline Brevora cut flights.") == ["Brevora|company|context.class-noun"])
        #expect(groups("Gas company Kalnaftex paid the debt.") == ["Kalnaftex|company|context.class-noun"])
        #expect(
            groups("Quillon, a Denver-based drone maker, agreed to the terms.") == [
                "Quillon|company|context.apposition"
            ])
        #expect(groups("Verdanta, a charity, sued the city.") == ["Verdanta|ngo|context.apposition"])
    }

    @Test func theSameWordsWithoutTheContextAreNoOrganisation() {
        #expect(groups("Brevora cut flights.") == [])
        #expect(groups("Quillon agreed to the terms.") == [])
        // A description that is no class of organisation.
        #expect(groups("Quillon, a quiet town, agreed to the terms.") == [])
    }

    @Test func aRoleOrAssetOfTheNameMakesItAnOrganisation() {
        #expect(groups("Shares of Vistrel fell 5% on Monday.") == ["Vistrel|organization|context.of-role"])
        #expect(groups("Dornwell's chief executive resigned.") == ["Dornwell|organization|context.possessive-role"])
        #expect(groups("A spokeswoman for Zelkova declined to comment.") == ["Zelkova|organization|context.for-role"])
        #expect(groups("Analysts at Wedmore expect a loss.") == ["Wedmore|organization|context.at-role"])
    }

    @Test func aPersonInTheSameContextsIsNoOrganisation() {
        // A given name starts a person's name; a surname met after it is the person's.
        #expect(
            groups("Sara Lindqvist, an analyst at Wedmore, expects a loss.") == ["Wedmore|organization|context.at-role"]
        )
        #expect(groups("Mark Oduya spoke first. Oduya's chief of staff resigned.") == [])
        #expect(groups("A spokesman for Mr Haldane declined to comment.") == [])
        // A title before the name ("CEO Andy Vesey") makes no organisation of the name.
        #expect(groups("Analysts at CEO Andy Vesey's firm expect a loss.") == [])
    }

    @Test func aNameThatSpeaksInAStatementIsAnOrganisationAPersonIsNot() {
        #expect(
            groups("Vistrel said in a statement that it would appeal.") == ["Vistrel|organization|context.statement"])
        #expect(groups("Peter Hollis said in a statement that he would appeal.") == [])
        #expect(groups("Vistrel said that it would appeal.") == [])
    }

    @Test func anOrganisationFoundByContextIsFoundWhereverTheTextNamesItAgain() {
        #expect(
            groups("Vistrel lost money. Shares of Vistrel fell. It said Vistrel would recover.") == [
                "Vistrel|organization|context.of-role,context.repeat,context.repeat"
            ])
    }

    @Test func aNameAGazetteerListsOrThatIsOnlyALegalFormIsNotReFoundByContext() {
        // A news agency cited as a source stays out, as the gazetteer's entry decides.
        #expect(groups("A spokesperson told Reuters the deal was off.") == [])
        #expect(groups("Analysts at Corp expect a loss.") == [])
    }

    @Test func aDistinctiveFirstWordAndTheInitialsStandForTheNameLater() {
        #expect(
            groups("Tyvak Nano-Satellite Systems won a contract. Tyvak said it was pleased.") == [
                "Tyvak Nano-Satellite Systems|organization|name-shape,alias.short-name"
            ])
        #expect(
            groups("The Office of Regional Planning Services approved it. ORPS staff agreed.") == [
                "Office of Regional Planning Services|organization|name-shape,alias.short-name"
            ])
    }

    @Test func aDictionaryWordOrASharedFirstWordIsNoShortName() {
        // "Pacific" is a dictionary word: alone it is no name for the utility.
        #expect(
            groups("Pacific Power Holdings raised prices. Pacific waters were calm.") == [
                "Pacific Power Holdings|organization|name-shape"
            ])
        // Two names share "Kestrel": neither takes it.
        #expect(
            groups("Kestrel Robotics and Kestrel Aerospace merged. Kestrel said more.") == [
                "Kestrel Robotics|organization|name-shape", "Kestrel Aerospace|organization|name-shape",
            ])
    }

    @Test func aCountrysBodyNamedByPossessiveIsNamedAsTheBodyCallsItself() {
        let tokenized = TokenizedText("Russia's foreign ministry said no. The Iranian foreign ministry agreed.")
        let found = GroupMatcher(gazetteer: .shared).match(
            tokenized, countries: CountryMatcher(gazetteer: .shared).match(tokenized))
        #expect(found.map(\.name) == ["Russian Foreign Ministry", "Iranian foreign ministry"])
        #expect(found.flatMap(\.mentions).map(\.text) == ["Russia's foreign ministry", "Iranian foreign ministry"])
    }
}

/// The rules that decide where a group's name starts and ends, and when a name is no party to the story
/// (issue 17). Every sentence here is written for the test; each rule has a sentence where it acts and one
/// where it must not.
extension OrganizationContextTests {
    @Test func aPartyIsNamedByItsAdjectiveBeforeOneOfItsRoles() {
        #expect(
            groups("Several Democratic lawmakers objected.") == ["Democratic Party|political_party|party.adjective"])
        #expect(
            groups("The plan split the Republican-controlled chamber.") == [
                "Republican Party|political_party|party.adjective"
            ])
        // Inside a longer name, before a word for no role, or at a sentence's start, where any adjective is
        // capitalised, it names nothing.
        #expect(groups("Many Social Democratic lawmakers objected.") == [])
        #expect(groups("He praised Democratic values.") == [])
        #expect(groups("Democratic lawmakers objected.") == [])
    }

    @Test func aPartysWordBeforeATitleAndNameOrAGivenNameLabelsThePerson() {
        #expect(
            groups("The bill was signed by Republican Gov. Mark Denton on Friday.") == [
                "Republican Party|political_party|party.adjective"
            ])
        #expect(
            groups("The race went to Democrat Laura Kessling in the end.") == [
                "Democratic Party|political_party|party.adjective"
            ])
        // Twins: a plural title is part of another name, and a party word before a surname alone labels nothing.
        #expect(
            !groups("He spoke to the Republican Governors Association meeting.").contains {
                $0.hasPrefix("Republican Party")
            })
        #expect(groups("The race went to Democrat Kessling in the end.") == [])
    }

    @Test func aPartysNameOfTwoWordsBeforeARoleNamesIt() {
        #expect(
            groups("The debate was won by former Liberal Democrat leader Tom Varley.") == [
                "Liberal Democrats|political_party|party.adjective"
            ])
        // Twin: before no role it names nothing.
        #expect(groups("The debate was won by the Liberal Democrat way of thinking.") == [])
    }

    @Test func anOutletThatReportsIsNoParty() {
        for sentence in [
            "Nobody answered when contacted by Reuters on Friday.", "The plan was in an email seen by Reuters.",
            "The memo was leaked to the New York Times last week.", "In an interview with CNN, he said no.",
            "(Reuters) — The talks ended on Friday.",
        ] {
            #expect(groups(sentence) == [], "\(sentence)")
        }
        // Twin: an outlet that acts is a party.
        #expect(groups("Reuters sued the agency on Friday.") == ["Reuters|media|media"])
    }

    @Test func aCountrysCoastGuardIsItsBody() {
        #expect(
            groups("The U.S. will provide Vietnam's coast guard with a ship.") == [
                "Vietnamese Coast Guard|government|country-body"
            ])
        // Twin: "guard" needs its modifier.
        #expect(groups("Vietnam's guard was down.") == [])
    }

    @Test func aChamberNamedByItsNounAloneIsALegislature() {
        #expect(
            groups("The bill passed the Senate on Tuesday and the House will vote next week.") == [
                "Senate|government_agency|chamber", "House|government_agency|chamber",
            ])
        #expect(
            groups("The minister will ask Parliament to tighten the rules.") == [
                "Parliament|government_agency|chamber"
            ])
        // The chamber named in full before is the same group.
        #expect(
            groups("The U.S. Senate met on Monday. Later the Senate adjourned.") == [
                "US Senate|government_agency|government_agency,chamber.named-before"
            ])
        #expect(
            groups("The U.S. House of Representatives voted. Later the House adjourned.") == [
                "House of Representatives|government_agency|government_agency,chamber.named-before"
            ])
        // The White House is the executive, no chamber named before.
        #expect(
            groups("The White House said no. Later the House adjourned.") == [
                "White House|government|government", "House|government_agency|chamber",
            ])
        // Twins: a longer name, a house, and "House" without "the" are no chamber.
        #expect(
            groups("The House Intelligence Committee met.") == [
                "House Intelligence Committee|government_agency|government_agency"
            ])
        #expect(groups("The family sold the house on Friday.") == [])
        #expect(groups("House Democrats objected.").allSatisfy { !$0.hasPrefix("House") })
    }

    @Test func anEstablishmentIsABodysHeadNounButNotInAHeadingInCapitals() {
        #expect(
            groups("The Defence Science Establishment said on Friday that it would move.") == [
                "Defence Science Establishment|organization|name-shape"
            ])
        // Twin: a heading written in capitals has no name's shape.
        #expect(groups("WILL SOMEONE STAND UP FOR THE ESTABLISHMENT?\n\nNobody did.") == [])
    }

    @Test func anOwnersPossessiveStaysInsideAnOfficesName() {
        #expect(
            groups("The Orange County Sheriff's Department said the road was closed.") == [
                "Orange County Sheriff's Department|organization|name-shape"
            ])
        #expect(
            groups("The Brenton Governor's Office of Emergency Services issued a warning.") == [
                "Brenton Governor's Office of Emergency Services|organization|name-shape"
            ])
        // A person's possessive is no part of the name.
        #expect(groups("Under Harlow's Water Department, bills rose.") == ["Water Department|organization|name-shape"])
    }

    @Test func aStateInACityAndStateAddressIsNoPartOfTheNameAfterIt() {
        #expect(
            groups("The winners: Ardent Robotics, Spokane, Washington Telvar Robotics, Austin.") == [
                "Ardent Robotics|organization|name-shape", "Telvar Robotics|organization|name-shape",
            ])
        #expect(groups("Ohio Telvar Robotics agreed.") == ["Ohio Telvar Robotics|organization|name-shape"])
    }

    @Test func aNameThatModifiesAProgrammeOrContractIsNoGroup() {
        #expect(groups("Firms joined its Lunar Cargo Delivery Services program (LCDS) last year.") == [])
        #expect(groups("Firms won Lunar Cargo Delivery Services (LCDS) contracts. LCDS flights start soon.") == [])
        #expect(groups("It recalls the agency's Lunar Cargo Delivery Services effort.") == [])
        #expect(
            groups("Lunar Cargo Delivery Services hired staff.") == [
                "Lunar Cargo Delivery Services|organization|name-shape"
            ])
    }

    @Test func aUnitsNameStartsWithItsParentsAcronymAndStandsForItWithoutIt() {
        #expect(
            groups("The audit by the FBI Office of Internal Review found gaps. The Office of Internal Review agreed.")
                == [
                    "FBI|government_agency|government_agency",
                    "FBI Office of Internal Review|organization|name-shape.unit,name-shape.unit-again",
                ])
        // Without the acronym the unit keeps its own name; a sentence's end is no part of a name.
        #expect(
            groups("The Office of Internal Review agreed. The Water Department did not.") == [
                "Office of Internal Review|organization|name-shape", "Water Department|organization|name-shape",
            ])
    }

    @Test func aClassNounsPhraseBeforeACommaAndANameMakesItThatClass() {
        #expect(
            groups("Sanctions hit a Chinese front company, Dalwen Trading, that handled the money.") == [
                "Dalwen Trading|company|context.apposition-before"
            ])
        #expect(
            groups("The contract went to a small airline, Brevora.") == ["Brevora|company|context.apposition-before"])
        // A person's noun before the comma, or a name that does not close at a comma, makes no group.
        #expect(groups("They hired a lawyer, Dana Kerr, who sued.") == [])
        #expect(groups("It was a small airline, Brevora said.") == [])
    }

    @Test func namesEndingInAnIndustrysOrAClubsWordAreOrganisations() {
        #expect(
            groups("Harlow Pharmaceuticals recalled the drug, and Riverside FC sold the ground.") == [
                "Harlow Pharmaceuticals|organization|name-shape", "Riverside FC|organization|name-shape",
            ])
        #expect(groups("The pharmaceuticals sector fell.") == [])
    }

    @Test func aNameFoundByItsShapeTakesTheTypeOfItsApposition() {
        #expect(
            groups("Harwell Health Partners, a hospital operator based in Ohio, diverted ambulances.") == [
                "Harwell Health Partners|company|name-shape"
            ])
        #expect(
            groups("Harwell Health Partners diverted ambulances.") == [
                "Harwell Health Partners|organization|name-shape"
            ])
    }

    @Test func aNewsAgencyCitedAsASourceIsNoGroupWhateverWordsStandBetween() {
        #expect(groups("The man fell ill, according to the state-run Xinhua News Agency.") == [])
        #expect(groups("The state-run Xinhua News Agency published the letter.") == ["Xinhua|media|media"])
    }

    @Test func aBodysNameBeforeANounForAThingModifiesIt() {
        #expect(
            groups("Congress froze US military aid to the region.") == [
                "US Congress|government_agency|government_agency"
            ])
        #expect(
            groups("US military officials said the drill ended.") == ["US military|military|military"])
        // A verb the tagger takes for a noun before a quotation mark is no thing: WordNet has no noun "urged".
        #expect(
            groups("Russia's foreign ministry urged “restraint” from all sides.") == [
                "Russian Foreign Ministry|government|country-body"
            ])
    }

    @Test func aUniversityNamedOnlyAsAPlaceIsAVenue() {
        #expect(groups("Protesters inside the Polytechnic University surrendered.") == [])
        #expect(
            groups("The Polytechnic University said it would reopen. Police stayed near the Polytechnic University.")
                == ["Polytechnic University|organization|name-shape,name-shape"])
    }

    @Test func aSocialPlatformThatIsOnlyTheMediumIsNoGroup() {
        #expect(groups("The minister posted the news on Twitter.") == [])
        #expect(groups("It was shared on the Twitter handle of the ministry.") == [])
        #expect(groups("Follow the show on Facebook, Twitter and Instagram.") == [])
        #expect(
            groups("Twitter said it removed the accounts, first reported on Twitter.") == [
                "Twitter|company|company,company"
            ])
    }
}
