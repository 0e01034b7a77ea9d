import NewsModel
import Testing

@testable import NewsExtract

struct OfficialMatcherTests {
    private func officials(_ text: String) -> [String] {
        let tokenized = TokenizedText(text)
        let countries = CountryMatcher(gazetteer: .shared).match(tokenized)
        let groups = GroupMatcher(gazetteer: .shared).match(tokenized, countries: countries)
        return OfficialMatcher().match(tokenized, countries: countries, groups: groups).map {
            "\($0.name)|\($0.title ?? "-")|\($0.country ?? "-")|\($0.mentions.count)"
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
}
