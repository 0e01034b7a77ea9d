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

    /// The run's reading day when a page carries no capture time: the UTC day of an instant, at the edges of days.
    @Test func utcDayOfAnInstant() {
        #expect(CalendarDay(utcSecondsSince1970: 0).isoString == "1970-01-01")
        #expect(CalendarDay(utcSecondsSince1970: 86_399.9).isoString == "1970-01-01")
        #expect(CalendarDay(utcSecondsSince1970: -0.5).isoString == "1969-12-31")
        #expect(CalendarDay(utcSecondsSince1970: -86_400).isoString == "1969-12-31")
        #expect(CalendarDay(utcSecondsSince1970: 951_782_400).isoString == "2000-02-29")
        #expect(CalendarDay(utcSecondsSince1970: 951_782_399).isoString == "2000-02-28")
        #expect(CalendarDay(utcSecondsSince1970: 1_735_603_200 + 86_399).isoString == "2024-12-31")
        #expect(CalendarDay(utcSecondsSince1970: 1_735_603_200 + 86_400).isoString == "2025-01-01")
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
        // TimeML counts "recent months" as a stretch of time with an unknown number of months.
        #expect(values("tensions have been rising in recent months") == ["PXM"])
    }

    // MARK: Newswire (issue 20)

    @Test func anaphoricDatesFollowTheLastDateOfTheText() {
        // Each resolves against the date before it, not the anchor (Monday 2022-09-12).
        #expect(
            values("The dam failed on June 3. The next day, the town was evacuated. A week later, ...")
                == ["2022-06-03", "2022-06-04", "2022-W23"])
        #expect(
            values("The firm listed in 2004; three years later it was sold, and the year after, closed.")
                == ["2004", "2007", "2008"])
        #expect(values("Exports fell in May and recovered the following month.") == ["2022-05", "2022-06"])
        // Without a date before them they resolve against the anchor.
        #expect(values("The rebels withdrew the following day.") == ["2022-09-13"])
        // A length of time after "over" or "for" stays a duration; "two days later" needs a day to count from.
        #expect(values("Prices will rise over the next year.") == ["P1Y"])
        #expect(values("The strike began in March and ended two days later.") == ["2022-03"])
        // "the day after" followed by what it is relative to is left alone.
        #expect(values("The ministry spoke the day after the vote.") == [])
        #expect(values("The ministry spoke on Friday and the day after.") == ["2022-09-09", "2022-09-10"])
    }

    @Test func quartersAndHalvesFollowTenseAndTheReportingCalendar() {
        let february = CalendarDay(year: 2023, month: 2, day: 20)
        // Reported in February, the fourth quarter is last year's; a coming first half is this year's.
        #expect(values("Fourth-quarter profit fell.", anchor: february) == ["2022-Q4"])
        #expect(values("The group expects margins to widen in the first half.", anchor: february) == ["2023-H1"])
        #expect(values("Sales will recover in the fourth quarter.", anchor: february) == ["2023-Q4"])
        #expect(
            values("Revenue in the latest quarter rose, after a drop in the previous quarter.", anchor: february)
                == ["2022-Q4", "2022-Q3"])
        #expect(
            values("Third-quarter sales beat the year-ago quarter and the 2020 period.") == [
                "2022-Q3", "2021-Q3", "2020-Q3",
            ])
        #expect(values("Costs rose in the current quarter and the current fiscal year.") == ["2022-Q3", "FY2022"])
        #expect(values("Second-quarter income doubled from the same period last year.") == ["2022-Q2", "2021-Q2"])
    }

    @Test func yearsInWordsNeedADateContext() {
        #expect(values("The wall fell in nineteen eighty-nine.") == ["1989"])
        #expect(values("Elections are due in twenty twenty-six.") == ["2026"])
        #expect(values("Few expected the bug to survive into the year two thousand.") == ["2000"])
        #expect(values("The plan runs until two thousand and thirty.") == ["2030"])
        // A count of things, not a year: no date context, or a unit after the number.
        #expect(values("Nineteen ninety-nine people signed.") == [])
        #expect(values("They worked in twenty fifteen-minute shifts.") == ["PT15M"])
        #expect(values("Aid went to two thousand families.") == [])
        #expect(values("Aid went to them in two thousand and one when the war ended.") == ["2001"])
    }

    @Test func decadesCenturiesAndSeasonsWithModifiers() {
        #expect(values("Inflation soared in the late 1970s and the early eighties.") == ["197", "198"])
        #expect(values("the mid-1960s, the sixties, the late 17th century") == ["196", "196", "16"])
        // A winter is named by the year it begins in: in January "last winter" began two Decembers ago.
        let january = CalendarDay(year: 2023, month: 1, day: 15)
        #expect(values("The river froze last winter.", anchor: january) == ["2021-WI"])
        #expect(values("The river froze this winter.", anchor: january) == ["2022-WI"])
        #expect(values("Planting will start in the spring.", anchor: january) == ["2023-SP"])
        #expect(values("Crops failed during the autumn.", anchor: january) == ["2022-FA"])
        #expect(values("Yields fell for the past three summers.", anchor: january) == ["P3SU"])
        // "the fall" of a government is not a season.
        #expect(values("They celebrated the fall of the regime.") == [])
    }

    @Test func setsAndVagueReferences() {
        #expect(values("The fair opens each April and every autumn.") == ["XXXX-04", "XXXX-FA"])
        #expect(values("Trains leave every 20 minutes and every other day.") == ["PT20M", "P2D"])
        #expect(values("The board meets twice a year and staff three times a week.") == ["P1Y", "P1W"])
        #expect(values("Prices are reset hourly and reported quarterly.") == ["PT1H", "P3M"])
        // Adjectives before a noun are not sets.
        #expect(values("the quarterly report and the hourly wage") == [])
        #expect(values("At current prices the plan costs more.") == ["PRESENT_REF"])
        #expect(values("The current account surplus grew.") == [])
        #expect(values("A strong current swept the boat away.") == [])
        #expect(values("Rates may rise in coming months and in the near future.") == ["FUTURE_REF", "FUTURE_REF"])
        #expect(values("Such floods were unheard of for decades.") == ["PXY"])
        #expect(values("a months-long dispute") == [])
    }

    @Test func timesJoinTheirDayAndExtentsKeepTheirModifiers() {
        // Monday 2022-09-12: a past clause takes the Wednesday before, a future one the Wednesday after.
        #expect(extents("The plane landed at 9:40 p.m. Wednesday.") == ["9:40 p.m. Wednesday"])
        #expect(values("The plane landed at 9:40 p.m. Wednesday.") == ["2022-09-07T21:40"])
        #expect(values("Talks will resume at noon Wednesday.") == ["2022-09-14T12:00"])
        // With a preposition between them they stay two expressions.
        #expect(extents("The dam broke at 2:50 a.m. on Tuesday.") == ["2:50 a.m.", "Tuesday"])
        #expect(extents("The ship sank early Saturday, around 4 a.m.") == ["early Saturday", "around 4 a.m."])
        #expect(
            extents("He will speak later this afternoon and later today.") == [
                "later this afternoon", "later today",
            ])
        #expect(values("Talks will run until the end of November.") == ["2022-11"])
        #expect(values("The index fell in the middle of August 2019.") == ["2019-08"])
        #expect(values("Bail was set for no more than 90 days and up to two weeks.") == ["P90D", "P2W"])
        #expect(values("The rally began a week or so ago.") == ["2022-W36"])
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
