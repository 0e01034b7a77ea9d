import NewsModel
import Testing

@testable import NewsExtract

struct OfficialMatcherTests {
    private func officials(_ text: String, on day: String? = nil) -> [String] {
        let tokenized = TokenizedText(text)
        let countries = CountryMatcher(gazetteer: .shared).match(tokenized)
        let groups = GroupMatcher(gazetteer: .shared).match(tokenized, countries: countries)
        return OfficialMatcher().match(tokenized, countries: countries, groups: groups, day: day).map {
            "\($0.name)|\($0.title ?? "-")|\($0.country ?? "-")|\($0.mentions.count)"
        }
    }

    private func affiliations(_ text: String, on day: String? = nil) -> [String] {
        let tokenized = TokenizedText(text)
        let countries = CountryMatcher(gazetteer: .shared).match(tokenized)
        let groups = GroupMatcher(gazetteer: .shared).match(tokenized, countries: countries)
        return OfficialMatcher().match(tokenized, countries: countries, groups: groups, day: day).map {
            "\($0.name)|\($0.affiliation ?? "-")"
        }
    }

    @Test func aTitleWithItsCountryOrBodyGivesTheAffiliation() {
        #expect(
            officials("UK foreign secretary James Cleverly said it was unacceptable. Cleverly added more.") == [
                "James Cleverly|UK foreign secretary|GBR|2"
            ])
        #expect(
            officials("US Treasury under secretary Brian Nelson said: we will act.") == [
                "Brian Nelson|US Treasury under secretary|USA|1"
            ])
    }

    @Test func abbreviatedTitlesAndTheArticlesMainCountry() {
        #expect(
            officials("In Washington, the US said Gov. Kristi Noem defended the campaign.") == ["Kristi Noem|Gov|USA|1"]
        )
    }

    @Test func peopleWithoutAnOfficialTitleAreNotOfficials() {
        #expect(officials("By Claudia Glover. Photo by vanchai tan. Analyst John Smith said the market fell.") == [])
    }

    @Test func theOfficeholderGazetteerLinksUntitledNamesAsOfTheArticlesDate() {
        #expect(
            officials("Edi Rama said the attack was state-sponsored. Rama added more.", on: "2022-09-12") == [
                "Edi Rama|-|ALB|2"
            ])
        // A surname alone names an officeholder only while they hold the office.
        #expect(officials("Trump tweeted before Election Day.", on: "2019-11-06") == ["Donald Trump|-|USA|1"])
        #expect(officials("Trump tweeted before Election Day.", on: "2015-11-06") == [])
        // A full name always does, with the role last held (a former president).
        #expect(officials("politicians such as Bill Clinton", on: "2019-11-20") == ["Bill Clinton|-|USA|1"])
        // Inside a longer capitalised name it is not the person.
        #expect(officials("Trump Tower was sold.", on: "2019-11-06") == [])
        #expect(
            affiliations("Antonio Guterres urged restraint.", on: "2023-01-10") == ["Antonio Guterres|United Nations"])
    }

    @Test func appositionsAfterTheNameGiveTitleAndBody() {
        #expect(
            affiliations("Gwynne Shotwell, president and chief operating officer of SpaceX, said so.") == [
                "Gwynne Shotwell|SpaceX"
            ])
        #expect(
            officials("Chris Tang, Hong Kong's new police commissioner, said in an interview.") == [
                "Chris Tang|Hong Kong's new police commissioner|HKG|1"
            ])
        #expect(
            affiliations("said Mark Quinlan, PG&E's senior director of emergency preparedness.") == [
                "Mark Quinlan|Pacific Gas & Electric Co."
            ])
        // A department of the state gives its country.
        #expect(
            affiliations(
                "the US letter to Kevin McAleenan, who was the acting director of the Department of Homeland Security"
            ) == ["Kevin McAleenan|USA"])
        // Not a title: no official.
        #expect(officials("Deval Patrick, would be stopping by to introduce himself.") == [])
    }

    @Test func pluralTitlesCoverCoordinatedNames() {
        #expect(
            officials("the US race in which Sens. Cory Booker and Kamala Harris struggled") == [
                "Cory Booker|Sens|USA|1", "Kamala Harris|Sens|USA|1",
            ])
    }

    @Test func aNameDoesNotStartAfterTheSentenceEnds() {
        #expect(officials("Warren was attacked as a new leader. Will Warren continue to face the heat?") == [])
    }

    @Test func anEnvoyServesTheCountryThatSendsThemNotTheHost() {
        #expect(
            affiliations("China's ambassador to Britain Liu Xiaoming said Beijing would act.") == ["Liu Xiaoming|CHN"])
        #expect(
            affiliations("In Ukraine, US envoy Kurt Volker met Ukrainian officials.") == ["Kurt Volker|USA"])
    }

    @Test func usStatesInTitlesGiveTheUnitedStates() {
        #expect(affiliations("Kentucky GOP Gov. Matt Bevin conceded.") == ["Matt Bevin|USA"])
    }

    @Test func aPresidentIsNotGivenACountryWhosePresidencyAnotherHeldThatDay() {
        let text =
            "France and Germany condemned the coup in Niger. France said President Amadou Issoufa must be freed. "
            + "France acted."
        // France's president on that day is in the curated table, and is someone else: the next country named.
        #expect(affiliations(text, on: "2023-07-28") == ["Amadou Issoufa|NER"])
    }

    @Test func withoutADayOrAKnownHolderTheMostNamedCountryStays() {
        let text =
            "France and Germany condemned the coup in Niger. France said President Amadou Issoufa must be freed. "
            + "France acted."
        #expect(affiliations(text) == ["Amadou Issoufa|FRA"])
        // An office the curated table does not follow leaves the most named country.
        #expect(
            affiliations(
                "France spoke. France and Niger met. Interior Minister Amadou Issoufa said so.", on: "2023-07-28")
                == ["Amadou Issoufa|FRA"])
    }

    @Test func anInternationalBodysOfficialGetsNoCountryFromElsewhereInTheText() {
        #expect(
            affiliations("The UAE hosted the talks. The UAE said climate commissioner Wopke Hoekstra spoke.") == [
                "Wopke Hoekstra|-"
            ])
        // Twin: a title of a state's office takes the country the text names.
        #expect(
            affiliations("The UAE hosted the talks. The UAE said climate minister Wopke Hoekstra spoke.") == [
                "Wopke Hoekstra|ARE"
            ])
    }

    @Test func aCompanyOfficerNamedAfterTheCompanyIsThatCompanys() {
        #expect(
            affiliations("PG&E cut power in California. The cuts were needed, company CEO Andy Vesey said.") == [
                "Andy Vesey|Pacific Gas & Electric Co."
            ])
        // Without "company" before the title, the one company the story has named is the officer's (see
        // aCompanyOfficerWithoutACompanyServesTheOneCompanyNamedBefore for two companies).
        #expect(
            affiliations("PG&E cut power in California. The cuts were needed, CEO Andy Vesey said.") == [
                "Andy Vesey|Pacific Gas & Electric Co."
            ])
    }
}

/// Titles found by how news introduces people (issue 17): a title that opens its sentence with a comma before
/// the name, a candidate's title, and a passive verb of appointment. Every sentence is written for the test.
extension OfficialMatcherTests {
    @Test func aTitleThatOpensItsSentenceMayStandBeforeACommaAndTheName() {
        #expect(
            officials("The vote passed. Senate Leader, Amara Okonkwo raised a motion.") == [
                "Amara Okonkwo|Leader|-|1"
            ])
        // Inside a sentence, a comma after a title ends the phrase of someone else: no title for the name.
        #expect(officials("After meeting the president, Joe Smith said nothing.") == [])
        #expect(officials("He met the Senate Leader, Amara Okonkwo said.") == [])
    }

    @Test func aNameClosedByADashCompletesItsTitlesApposition() {
        #expect(
            officials("In Ohio, the Democratic candidate, Mara Lindqvist — a former judge — promised tax cuts.") == [
                "Mara Lindqvist|Democratic candidate|USA|1"
            ])
        // Twin: a name followed by its verb starts a clause of its own.
        #expect(officials("In Ohio, after meeting the candidate, Mara Lindqvist promised tax cuts.") == [])
    }

    @Test func aChiefIsATitleHead() {
        #expect(
            officials("The bloc condemned it, with foreign policy chief Helena Varga calling it reckless.") == [
                "Helena Varga|foreign policy chief|-|1"
            ])
        #expect(
            officials("The agency said little. Its chief, Julien Marchand, said the intruders left.") == [
                "Julien Marchand|chief|-|1"
            ])
        // Twin: "chief" before a common noun titles no one.
        #expect(officials("The chief concern of Helena Varga was cost.") == [])
    }

    @Test func aCandidatesTitleNamesACandidate() {
        #expect(
            officials("The newest Democratic presidential hopeful, Dale Whitcomb, arrived late.") == [
                "Dale Whitcomb|Democratic presidential hopeful|USA|1"
            ])
    }

    @Test func theBlocOrTheAllianceInAPossessiveIsTheInternationalBodyNamedLast() {
        #expect(
            affiliations(
                "The European Union called the draft weak, with the bloc's climate commissioner, Anneke Vos, "
                    + "telling reporters it was late.") == ["Anneke Vos|European Union"])
        #expect(
            affiliations(
                "NATO met on Monday. Pieter Aalst, the alliance's deputy secretary-general, said it would act.")
                == ["Pieter Aalst|NATO"])
        // With no body named before, the affiliation stays unknown rather than a guess.
        #expect(
            affiliations("Officials met. The bloc's climate commissioner, Anneke Vos, told reporters it was late.") == [
                "Anneke Vos|-"
            ])
    }

    @Test func aTitlesWordsStandTogetherAndItsOwnerRightBeforeIt() {
        // A quotation's last words are no part of the title after it; a line break parts an owner from a title.
        #expect(
            officials("\"It is an attack on American justice,\" Assistant Attorney General Dana Orwell said.") == [
                "Dana Orwell|Assistant Attorney General|USA|1"
            ])
        #expect(
            officials("The group is known as Midnight Blizzard.\n\nForeign Minister Tomas Brezina said it was traced.")
                == ["Tomas Brezina|Foreign Minister|-|1"])
        // The same words with only spaces or a possessive between are one title.
        #expect(
            officials("China’s ambassador to Britain Liu Wen said so.") == [
                "Liu Wen|China’s ambassador to Britain|CHN|1"
            ])
    }

    @Test func aCompanyOfficerWithoutACompanyServesTheOneCompanyNamedBefore() {
        #expect(
            affiliations("Vistrel, a Texas-based utility, was hit. Chief Executive Mark Dunmore said staff used paper.")
                == ["Mark Dunmore|Vistrel"])
        // With two companies named, neither is chosen.
        #expect(
            affiliations(
                "Vistrel, a utility, and Quorra, a lender, were hit. Chief Executive Mark Dunmore said staff used paper."
            )
                == ["Mark Dunmore|-"])
    }

    @Test func aPassiveVerbOfAppointmentGivesTheTitleAfterIt() {
        #expect(
            officials("Rowan Pike has been named acting secretary of the Department of Homeland Security.") == [
                "Rowan Pike|acting secretary of the Department of Homeland Security|USA|1"
            ])
        #expect(officials("Lena Torvik was elected mayor of Bergen in May.") == ["Lena Torvik|mayor of Bergen|-|1"])
        #expect(officials("Lena Torvik became mayor of Bergen in May.") == ["Lena Torvik|mayor of Bergen|-|1"])
        // The active verb makes the name the one who appoints.
        #expect(officials("Rowan Pike named Lena Torvik his deputy.") == [])
    }
}
