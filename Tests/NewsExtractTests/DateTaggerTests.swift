import NewsModel
import Testing

@testable import NewsExtract

struct DateTaggerTests {
    let tagger = DateTagger()
    /// The seed article's publication day, a Monday.
    let monday = CalendarDay(year: 2022, month: 9, day: 12)

    private func values(_ text: String, anchor: CalendarDay? = CalendarDay(year: 2022, month: 9, day: 12)) -> [String] {
        tagger.tag(TokenizedText(text), anchor: anchor).map(\.value)
    }

    @Test func calendarArithmeticMatchesTheISOCalendar() {
        #expect(monday.weekday == 1)
        #expect(monday.weekString == "2022-W37")
        #expect(CalendarDay(year: 2021, month: 1, day: 3).weekString == "2020-W53")
        #expect(CalendarDay(ordinal: monday.ordinal) == monday)
        #expect(CalendarDay(year: 2024, month: 2, day: 28).adding(days: 1).isoString == "2024-02-29")
    }

    @Test func resolvesABareWeekdayToThePrecedingDayInPastContext() {
        #expect(values("The new hack on Friday forced the government") == ["2022-09-09"])
        #expect(values("The service was restored on Saturday") == ["2022-09-10"])
    }

    @Test func resolvesAWeekdayForwardInFutureContext() {
        #expect(values("Ministers will meet on Friday") == ["2022-09-16"])
        #expect(values("talks resume next Monday") == ["2022-09-19"])
    }

    @Test func readsAbsoluteDatesInNewsFormats() {
        #expect(values("published September 12, 2022 in London") == ["2022-09-12"])
        #expect(values("on 12 September 2022") == ["2022-09-12"])
        #expect(values("since Sept. 3") == ["2022-09-03"])
        #expect(values("from 2021-03-04 onward") == ["2021-03-04"])
        #expect(values("in March 2020") == ["2020-03"])
        #expect(values("in 2019") == ["2019"])
    }

    @Test func resolvesRelativeExpressionsAgainstTheAnchor() {
        #expect(values("over the weekend") == ["2022-W36-WE"])
        #expect(values("a statement released last week") == ["2022-W36"])
        #expect(values("yesterday and today") == ["2022-09-11", "2022-09-12"])
        #expect(values("a major attack on Albania in July") == ["2022-07"])
        #expect(values("The July attack led to") == ["2022-07"])
        #expect(values("In June, Iran's steel industry") == ["2022-06"])
        #expect(values("in October") == ["2021-10"], "a later month in past context is last year's")
    }

    @Test func leavesNonDatesAlone() {
        #expect(values("May said she may resign") == [])
        #expect(values("They march on Parliament") == [])
        #expect(values("a second cyberattack in a matter of weeks") == [])
        #expect(values("version 2.0 sold 2022 units at 12.50") == [])
    }

    @Test func withoutAnAnchorOnlyAbsoluteDatesResolve() {
        #expect(values("on Friday, September 9, 2022", anchor: nil) == ["2022-09-09"])
    }

    @Test func recordsExtentTypeAnchorAndRule() throws {
        let found = try #require(tagger.tag(TokenizedText("It happened on Friday."), anchor: monday).first)
        #expect(found.text == "on Friday")
        #expect(found.start == 12)
        #expect(found.end == 21)
        #expect(found.type == .date)
        #expect(found.granularity == "day")
        #expect(found.anchor == "2022-09-12")
        #expect(found.rule == "weekday-past")
    }
}
