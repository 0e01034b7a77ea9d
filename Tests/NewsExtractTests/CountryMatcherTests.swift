import Testing

@testable import NewsExtract

struct CountryMatcherTests {
    let matcher = CountryMatcher(gazetteer: .shared)

    private func countries(_ text: String) -> [String] {
        matcher.match(TokenizedText(text)).map(\.id)
    }

    private func mentions(_ text: String) -> [String] {
        matcher.match(TokenizedText(text)).flatMap { $0.mentions.map(\.text) }
    }

    @Test func coversEveryISOEntry() {
        #expect(CountryGazetteer.shared.names.count >= 249)
        #expect(CountryGazetteer.shared.names["IRN"] == "Iran")
        #expect(CountryGazetteer.shared.names["GBR"] == "United Kingdom")
        #expect(CountryGazetteer.shared.names["ALA"] == "Åland Islands")
    }

    @Test func normalizesNamesAliasesAndDemonymsToAlpha3() {
        #expect(countries("Albania has blamed Iran") == ["ALB", "IRN"])
        #expect(countries("the Islamic Republic of Iran and the U.S.") == ["IRN", "USA"])
        #expect(countries("Iranian APT actors targeted Albanian ministries") == ["IRN", "ALB"])
        #expect(countries("Britain, the UK and Emirati officials") == ["GBR", "ARE"])
        #expect(countries("the Netherlands, also called Holland") == ["NLD"])
        #expect(countries("DPRK and South Korea") == ["PRK", "KOR"])
    }

    @Test func takesTheLongestForm() {
        #expect(mentions("the Islamic Republic of Iran said") == ["Islamic Republic of Iran"])
        #expect(countries("the Dominican Republic and Dominica") == ["DOM", "DMA"])
        #expect(countries("South Sudan and Sudan") == ["SSD", "SDN"])
        #expect(countries("Papua New Guinea, Guinea-Bissau and Guinea") == ["PNG", "GNB", "GIN"])
        #expect(countries("Niger and Nigeria") == ["NER", "NGA"])
    }

    @Test func abbreviationsMatchOnlyInCapitals() {
        #expect(countries("The US said") == ["USA"])
        #expect(countries("He told us that") == [])
        #expect(countries("Let us go") == [])
    }

    @Test func ambiguousNamesNeedTheirCapital() {
        #expect(countries("roast turkey and a hanging chad") == [])
        #expect(countries("Turkey and Chad signed") == ["TUR", "TCD"])
    }

    @Test func countryNamesThatArePersonalNamesNextToANameArePeople() {
        #expect(countries("Chad Wolf has been named acting secretary") == [])
        #expect(countries("fans of Michael Jordan gathered") == [])
        #expect(countries("Jordan and Egypt condemned the move") == ["JOR", "EGY"])
        #expect(countries("Visiting Jordan, the minister said") == ["JOR"])
        #expect(countries("Chad, Niger and Mali") == ["TCD", "NER", "MLI"])
        // A weekday or month after the name is no surname ("Israel Friday reimposed", news agency style).
        #expect(countries("Israel Friday reimposed the blockade") == ["ISR"])
        #expect(countries("Jordan Tuesday closed the border") == ["JOR"])
    }

    @Test func georgiaIsTheUSStateBesideOtherStates() {
        #expect(countries("Voters in Georgia and Arizona went to the polls") == [])
        #expect(countries("Georgia and Arizona") == [])
        #expect(countries("Georgia and Armenia signed a deal in Tbilisi") == ["GEO", "ARM"])
        #expect(countries("Russia warned Georgia") == ["RUS", "GEO"])
    }

    @Test func theTwoCongosAreTwoCountries() {
        #expect(countries("the Democratic Republic of the Congo and the Republic of the Congo") == ["COD", "COG"])
        #expect(countries("DR Congo accused Rwanda") == ["COD", "RWA"])
    }

    @Test func aCountryWordInsideAnOrganisationsNameYieldsTheCountry() {
        #expect(countries("the Albanian Parliament voted") == ["ALB"])
        #expect(countries("Turkish Airlines cancelled flights") == ["TUR"])
    }

    @Test func formsInsideHyphenatedWordsCount() {
        #expect(countries("pro-Israel hackers") == ["ISR"])
        #expect(countries("Iran-backed militias") == ["IRN"])
        #expect(countries("a US-led coalition") == ["USA"])
    }

    @Test func capitalsStandForGovernmentsButNotPlaces() {
        #expect(countries("Tehran denied involvement") == ["IRN"])
        #expect(countries("Tirana cuts ties with Tehran") == ["ALB", "IRN"])
        #expect(countries("Washington vowed to respond") == ["USA"])
        #expect(countries("protests in Tehran continued") == [])
        #expect(countries("Tehran's streets were quiet") == [])
        // "in" after a noun for a state's rulers names whose rulers they are; after another noun it is a place.
        #expect(countries("the government in Tehran denied it") == ["IRN"])
        #expect(countries("the authorities in Beijing said") == ["CHN"])
        #expect(countries("the hotels in Tehran were full") == [])
    }

    @Test func aLaterItemOfAListOfPlacesIsAPlaceToo() {
        #expect(countries("I reached Mexico via Moscow and Paris.") == ["MEX"])
        #expect(countries("Flights from Berlin, Rome or Paris were cancelled.") == [])
        // The same capitals as the subject stand for their governments.
        #expect(countries("Moscow and Paris condemned the move.") == ["RUS", "FRA"])
        #expect(countries("Berlin, Rome and Paris signed the pact.") == ["DEU", "ITA", "FRA"])
        #expect(countries("Officials in Washington and London said talks would go on.") == ["USA", "GBR"])
    }

    @Test func phrasesThatOnlyContainACountryWordAreNotCountries() {
        #expect(countries("New Jersey and New Mexico") == [])
        #expect(countries("The Washington Post reported") == [])
        #expect(countries("across North America and Latin America") == [])
    }

    @Test func mentionOffsetsAreUnicodeScalarOffsets() throws {
        let text = "Tiranë – “Albania” blamed Iran"
        let entity = try #require(matcher.match(TokenizedText(text)).first)
        let mention = try #require(entity.mentions.first)
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[mention.start..<mention.end])) == "Albania")
        #expect(mention.start == 10)
    }
}
