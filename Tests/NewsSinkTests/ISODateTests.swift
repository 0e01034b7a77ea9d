import Testing

@testable import NewsSink

struct ISODateTests {
    @Test(arguments: [
        ("2022-09-09", "2022-09-09"), ("2022-09", "2022-09"), ("2022", "2022"), ("2022-W36", "2022-W36"),
        ("2022-W36-WE", "2022-09-10/2022-09-11"), ("2021-W01-WE", "2021-01-09/2021-01-10"),
        ("2022-09-09TNI", "2022-09-09"), ("2022-09-09T10:30", "2022-09-09T10:30"),
        ("2022-Q3", "2022-07-01/2022-09-30"), ("2024-Q1", "2024-01-01/2024-03-31"),
        ("2022-H2", "2022-07-01/2022-12-31"),
        ("199X", "1990/1999"), ("19XX", "1900/1999"), ("199", "1990/1999"), ("18", "1800/1899"),
    ])
    func aTimeMLValueWithAnISOFormGetsIt(timex: String, iso: String) {
        #expect(ISODate.from(timex: timex) == iso)
    }

    /// Its twin: what ISO 8601 cannot say has no ISO form.
    @Test(arguments: [
        "PAST_REF", "PRESENT_REF", "FUTURE_REF", "2022-SU", "P3D", "XXXX-09-09", "2022-13", "2022-W54", "1", "XXXX-07",
        "P3SU",
    ])
    func aTimeMLValueWithoutAnISOFormGetsNone(timex: String) {
        #expect(ISODate.from(timex: timex) == nil)
    }
}
