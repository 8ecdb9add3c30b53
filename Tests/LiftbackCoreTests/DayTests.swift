import LiftbackCore
import Testing

@Suite("Calendar dates")
struct DayTests {
    @Test(
        "ISO dates round-trip and real calendar dates only are accepted",
        arguments: ["2026-11-21", "2024-02-29", "1999-12-31", "2000-01-01"])
    func roundTrip(text: String) throws {
        let day = try #require(Day(iso: text))
        #expect(day.description == text)
    }

    @Test(
        "Text that is not a calendar date is refused",
        arguments: ["2026-02-30", "2025-02-29", "2026-13-01", "2026-1-05", "21/11/2026", "2026-11-21T10:00", "", "yesterday"])
    func refused(text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test("Weekdays follow ISO numbering, Monday 1 to Sunday 7")
    func weekdays() {
        #expect(Day(iso: "2026-01-05")!.isoWeekday == 1)
        #expect(Day(iso: "2026-12-07")!.isoWeekday == 1)
        #expect(Day(iso: "2026-11-22")!.isoWeekday == 7)
        #expect(Day(iso: "1969-12-31")!.isoWeekday == 3)
    }

    @Test("Day arithmetic crosses months and leap years")
    func arithmetic() {
        let day = Day(iso: "2024-02-28")!
        #expect(day.adding(days: 1).description == "2024-02-29")
        #expect(day.adding(days: 2).description == "2024-03-01")
        #expect(day.days(until: Day(iso: "2025-02-28")!) == 366)
    }
}
