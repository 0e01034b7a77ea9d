import NewsModel
import Testing

@testable import NewsExtract

struct DateTaggerTests {
    let tagger = DateTagger()
    /// The seed article's publication day, a Monday.
    static let monday = CalendarDay(year: 2022, month: 9, day: 12)

    private func tags(
        _ text: String, anchor: CalendarDay? = DateTaggerTests.monday, order: DateTagger.NumericOrder = .monthFirst
    )
        -> [TimeExpression]
    {
        tagger.tag(TokenizedText(text), anchor: anchor, order: order)
    }

    private func values(
        _ text: String, anchor: CalendarDay? = DateTaggerTests.monday, order: DateTagger.NumericOrder = .monthFirst
    )
        -> [String]
    {
        tags(text, anchor: anchor, order: order).map(\.value)
    }

    private func extents(_ text: String) -> [String] {
        tags(text).map(\.text)
    }

    @Test func calendarArithmeticMatchesTheISOCalendar() {
        let monday = Self.monday
        #expect(monday.weekday == 1)
        #expect(monday.weekString == "2022-W37")
        #expect(CalendarDay(year: 2021, month: 1, day: 3).weekString == "2020-W53")
        #expect(CalendarDay(ordinal: monday.ordinal) == monday)
        #expect(CalendarDay(year: 2024, month: 2, day: 28).adding(days: 1).isoString == "2024-02-29")
    }

    // MARK: Weekdays

    @Test func resolvesABareWeekdayToThePrecedingDayInPastContext() {
        #expect(values("The new hack on Friday forced the government") == ["2022-09-09"])
        #expect(values("The service was restored on Saturday") == ["2022-09-10"])
        #expect(values("Police said the suspect was arrested last Tuesday") == ["2022-09-06"])
    }

    @Test func resolvesAWeekdayForwardInFutureContext() {
        #expect(values("Ministers will meet on Friday") == ["2022-09-16"])
        #expect(values("talks resume next Monday") == ["2022-09-19"])
        #expect(values("The summit is scheduled for Thursday") == ["2022-09-15"])
    }

    @Test func theAnchorsOwnWeekdayIsTheAnchorInEitherDirection() {
        // Decided from the entity gold: "confirmed on Monday" and "will begin receiving notice Monday" in
        // Monday articles both mean that Monday.
        #expect(values("The company confirmed on Monday that it would cut jobs") == ["2022-09-12"])
        #expect(values("Departments will begin receiving notice Monday") == ["2022-09-12"])
        #expect(values("talks resume next Monday") == ["2022-09-19"])
    }

    @Test func extentsLeaveOutTheLeadingPrepositionAndKeepModifiers() {
        #expect(
            extents("It happened on Friday over the weekend, earlier this month and last week.") == [
                "Friday", "the weekend", "earlier this month", "last week",
            ])
        let found = tags("It happened on Friday.")[0]
        #expect(found.start == 15)
        #expect(found.end == 21)
        #expect(found.type == .date)
        #expect(found.granularity == "day")
        #expect(found.anchor == "2022-09-12")
        #expect(found.rule == "weekday-past")
    }

    // MARK: Absolute dates

    @Test func readsAbsoluteDatesInNewsFormats() {
        #expect(values("published September 12, 2022 in London") == ["2022-09-12"])
        #expect(values("on 12 September 2022") == ["2022-09-12"])
        #expect(values("since Sept. 3") == ["2022-09-03"])
        #expect(values("from 2021-03-04 onward") == ["2021-03-04"])
        #expect(values("in March 2020") == ["2020-03"])
        #expect(values("in 2019") == ["2019"])
        #expect(values("on the 4th of July 1976") == ["1976-07-04"])
        #expect(values("Monday, Sept. 12, 2022") == ["2022-09-12"])
        #expect(extents("published on Sept. 19") == ["Sept. 19"])
    }

    @Test func numericDatesFollowTheLocaleAndValidity() {
        #expect(values("dated 9/12/2022") == ["2022-09-12"])
        #expect(values("dated 9/12/2022", order: .dayFirst) == ["2022-12-09"])
        #expect(values("dated 25/12/2022") == ["2022-12-25"], "a first number over 12 is the day whatever the locale")
        #expect(values("on 12.09.2022") == ["2022-09-12"], "dotted dates are day first")
        #expect(tags("dated 9/12/2022")[0].rule == "numeric-mdy-ambiguous")
        #expect(DateTagger.NumericOrder(language: "en-gb") == .dayFirst)
        #expect(DateTagger.NumericOrder(language: "en-US") == .monthFirst)
    }

    @Test func monthsWithoutAYearFollowTenseThenProximity() {
        #expect(values("a major attack on Albania in July") == ["2022-07"])
        #expect(values("The July attack led to") == ["2022-07"])
        #expect(values("In June, Iran's steel industry was hit") == ["2022-06"])
        #expect(values("Inflation peaked in October") == ["2021-10"], "a later month in past context is last year's")
        #expect(values("The election will be held in October") == ["2022-10"])
        #expect(values("The new law takes effect on October 1") == ["2022-10-01"], "near future without a cue")
        #expect(values("He sent me to Mexico on May 2") == ["2022-05-02"])
        #expect(values("Voting will take place between March and May next year") == ["2023-03", "2023-05", "2023"])
    }

    @Test func yearsDecadesCenturiesQuartersHalvesAndSeasons() {
        #expect(values("boomed in the 1990s") == ["199"])
        #expect(values("founded in the 19th century") == ["18"])
        #expect(values("rose 8 percent in Q3 2021") == ["2021-Q3"])
        #expect(values("profits recover in the third quarter") == ["2022-Q3"])
        #expect(values("grew in the first half of 2023") == ["2023-H1"])
        #expect(values("harvests could suffer this autumn") == ["2022-FA"])
        #expect(values("held in the spring of 2019") == ["2019-SP"])
        #expect(values("the factory will close in mid-2020") == ["2020"])
        #expect(values("Trump won the state in the 2016 election") == ["2016"])
    }

    @Test func relativeExpressionsResolveAgainstTheAnchor() {
        #expect(values("over the weekend") == ["2022-W36-WE"])
        #expect(values("a statement released last week") == ["2022-W36"])
        #expect(values("yesterday and today and tomorrow") == ["2022-09-11", "2022-09-12", "2022-09-13"])
        #expect(values("cleared the senate the day before yesterday") == ["2022-09-10"])
        #expect(values("announced the plan two months ago") == ["2022-07"])
        #expect(values("began three weeks ago") == ["2022-W34"])
        #expect(values("nearly a year ago") == ["2021"])
        #expect(values("will publish next month, next year") == ["2022-10", "2023"])
        #expect(values("before the end of the year") == ["2022"])
    }

    @Test func timesTakeTheDateOfTheirClause() {
        #expect(values("Polling stations will close at 8 pm.") == ["2022-09-12T20:00"])
        #expect(values("The dam was breached at 2:50 a.m. on Tuesday.") == ["2022-09-06T02:50", "2022-09-06"])
        #expect(extents("The dam was breached at 2:50 a.m. on Tuesday.") == ["2:50 a.m.", "Tuesday"])
        #expect(values("announced on Sunday evening") == ["2022-09-11TEV"])
        #expect(values("reopened this morning, and last night") == ["2022-09-12TMO", "2022-09-11TNI"])
    }

    @Test func durationsSetsAndVagueReferences() {
        #expect(values("closed for 24 hours after the blast") == ["PT24H"])
        #expect(values("risen for three consecutive months") == ["P3M"])
        #expect(values("doubled in the past two weeks") == ["P2W"])
        #expect(values("in office for five years") == ["P5Y"])
        #expect(values("for several months") == ["PXM"])
        #expect(values("for a decade") == ["P10Y"])
        #expect(values("posts figures every Monday") == ["XXXX-WXX-1"])
        #expect(values("the talks were now in their final stage") == ["PRESENT_REF"])
        #expect(values("tensions have been rising in recent months") == ["PAST_REF"])
    }

    // MARK: Traps

    @Test func mayTheNameAndTheVerbAreNotDates() {
        #expect(values("May said she may resign") == [])
        #expect(values("Theresa May met Merkel") == [])
        #expect(values("Johnson and May disagreed") == [])
        #expect(values("in May") == ["2022-05"])
    }

    @Test func marchTheVerbIsNotADate() {
        #expect(values("They march on Parliament") == [])
        #expect(values("March on Washington organisers said") == [])
    }

    @Test func ordinalSecondIsNotADuration() {
        #expect(values("a second cyberattack in a matter of weeks") == [])
        #expect(values("for a second time") == [])
    }

    @Test func numbersScoresPricesVersionsAndPhoneNumbersAreNotDates() {
        #expect(values("The company sold 2022 units at 12.50 each") == [])
        #expect(values("version 2.0.1 fixed it; the score was 3-1") == [])
        #expect(values("call 555-2022 or +44 20 7946 0958") == [])
        #expect(values("a fine of $2,019 and 1,2019 points") == [])
        #expect(values("The 2000 troops arrived") == [])
        #expect(values("He is five years old") == [])
    }

    @Test func withoutAnAnchorOnlyAbsoluteDatesResolve() {
        #expect(values("on Friday, September 9, 2022", anchor: nil) == ["2022-09-09"])
        #expect(values("last week and yesterday", anchor: nil) == [])
    }
}
