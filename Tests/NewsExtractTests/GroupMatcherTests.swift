import NewsModel
import Testing

@testable import NewsExtract

struct GroupMatcherTests {
    private func groups(_ text: String) -> [String] {
        let tokenized = TokenizedText(text)
        let countries = CountryMatcher(gazetteer: .shared).match(tokenized)
        return GroupMatcher(gazetteer: .shared).match(tokenized, countries: countries).map {
            "\($0.id)=\($0.country ?? "-")"
        }
    }

    private func names(_ text: String) -> [String] {
        let tokenized = TokenizedText(text)
        let countries = CountryMatcher(gazetteer: .shared).match(tokenized)
        return GroupMatcher(gazetteer: .shared).match(tokenized, countries: countries).map(\.name)
    }

    @Test func resolvesEveryThreatActorAliasToOneGroupWithItsATTACKIDAndCountry() {
        #expect(
            groups("MuddyWater, also known as Seedworm, Static Kitten and TEMP.Zagros, hit the network.") == [
                "G0069=IRN"
            ])
        #expect(groups("APT28 phishing emails") == ["G0007=RUS"])
    }

    @Test func anAliasThatIsAnOrdinaryWordNeedsCyberContext() {
        #expect(groups("Mercury is the closest planet to the Sun.") == [])
        #expect(groups("The MERCURY group targeted telecom firms with malware.").contains("G0069=IRN"))
    }

    @Test func usAndUSDotAreOneNameWrittenTwoWays() {
        let tokenized = TokenizedText("The U.S. Treasury Department and the US Navy said so.")
        let found = GroupMatcher(gazetteer: .shared).match(
            tokenized, countries: CountryMatcher(gazetteer: .shared).match(tokenized))
        // The gazetteer lists "US Treasury Department" (and "U.S. Treasury"): the whole written name is matched.
        #expect(found.map(\.name) == ["US Treasury", "US Navy"])
        #expect(found.flatMap(\.mentions).map(\.text) == ["U.S. Treasury Department", "US Navy"])
    }

    @Test func organisationsAndAgenciesWithTheirCountries() {
        #expect(
            groups("Nato allies and the UN condemned it; CISA and the FBI issued an advisory.") == [
                "nato=-", "un=-", "cisa=USA", "fbi=USA",
            ])
        #expect(groups("He told the un that") == [], "abbreviations match only in capitals")
    }

    @Test func aCountryWordBeforeABodyNounIsThatCountrysBody() {
        #expect(
            groups("The Albanian Parliament voted, and Iran's foreign ministry objected.") == [
                "alb-parliament=ALB", "irn-ministry=IRN",
            ])
        #expect(names("the Chinese Ministry of Commerce said") == ["Chinese Ministry of Commerce"])
        #expect(groups("the Albanian government said") == [], "'the <country> government' is the country, not a group")
        // Another country's word before a listed body's name makes it that country's body; the same country's,
        // or a dateline before it, does not.
        #expect(groups("The German Foreign Office summoned him.") == ["deu-office=DEU"])
        #expect(groups("The British Foreign Office summoned him.") == ["fcdo=GBR"])
        #expect(groups("BERLIN — Microsoft said so.") == ["microsoft=USA"])
        #expect(groups("Iran's office in Geneva said so.") == [], "'office' needs a modifier to be a body")
    }

    @Test func newsOutletsCitedAsSourcesAreNotGroups() {
        #expect(groups("Officials told Reuters on Friday.") == [])
        #expect(groups("according to the Associated Press") == [])
        #expect(groups("CNN reported the attack.") == [])
        #expect(groups("WASHINGTON (AP) — The talks ended.") == [])
        #expect(groups("As reported by Tech Monitor, tensions rose.") == ["techmonitor=GBR"])
    }

    @Test func organisationsAreRecognisedByTheShapeOfTheirNames() {
        #expect(
            names("The California Public Utilities Commission held a hearing.") == [
                "California Public Utilities Commission"
            ])
        #expect(names("a grant from the National Institute on Drug Abuse") == ["National Institute on Drug Abuse"])
        #expect(
            names("contracts for Ceres Robotics and Tyvak Nano-Satellite Systems") == [
                "Ceres Robotics", "Tyvak Nano-Satellite Systems",
            ])
        #expect(names("She studied at the University of Miami.") == ["University of Miami"])
        #expect(names("settlements in the West Bank and the Soviet Union") == [])
    }

    @Test func anAcronymDefinedInTheTextNamesTheGroupAfterwards() {
        let text =
            "the Tyvak Nano-Satellite Systems (TNS) lander and the Indiana State Teachers Association (ISTA). TNS said"
        let tokenized = TokenizedText(text)
        let countries = CountryMatcher(gazetteer: .shared).match(tokenized)
        let found = GroupMatcher(gazetteer: .shared).match(tokenized, countries: countries)
        #expect(
            found.map { "\($0.name)=\($0.mentions.map(\.text).joined(separator: ","))" } == [
                "Tyvak Nano-Satellite Systems=Tyvak Nano-Satellite Systems,TNS,TNS",
                "Indiana State Teachers Association=Indiana State Teachers Association,ISTA",
            ])
    }

    @Test func typedButUnnamedGroupsCarryACountryOrAStanceAndNoInventedName() {
        #expect(
            groups("Iranian APT actors and pro-Israel hackers struck; Russian hackers were blamed.") == [
                "unnamed:irn-apt-actors=IRN", "unnamed:pro-isr-hackers=-", "unnamed:rus-hackers=RUS",
            ])
        #expect(groups("Iranian actors won awards.") == [], "actors needs a cyber word")
    }
}
