import LiftbackCore
import Testing

@Suite("The calendar of planned sessions (contract, section 5: export ics)")
struct CalendarTests {
    let engine = Fixture.engine

    /// The events of a document, each as its unfolded content lines.
    func events(_ document: String) -> [[String]] {
        let unfolded = document.replacingOccurrences(of: "\r\n ", with: "")
        var events: [[String]] = []
        var current: [String]?
        for line in unfolded.components(separatedBy: "\r\n") {
            if line == "BEGIN:VEVENT" {
                current = []
            } else if line == "END:VEVENT", let done = current {
                events.append(done)
                current = nil
            } else {
                current?.append(line)
            }
        }
        return events
    }

    @Test("In the lifting phases the week's sessions are planned, rest days left out, each with a reminder")
    func liftingWeek() {
        let c = Fixture.liftingCase(asOf: "2026-02-09")  // a Monday, lifting open
        let sessions = engine.plannedSessions(c, days: 14)
        #expect(sessions.count == 12)
        #expect(!sessions.contains { $0.kind == .rest })
        #expect(sessions.first?.kind == .lowerBody && sessions.first?.day == c.asOf)
        #expect(sessions.first?.exercises.contains("Trap-bar deadlift, high handles") == true)
        let document = ICalendar.document(sessions, calendarID: "test", stamp: c.asOf)
        let found = events(document)
        #expect(found.count == 12)
        #expect(found.allSatisfy { $0.contains("BEGIN:VALARM") && $0.contains { $0.hasPrefix("TRIGGER") } })
        #expect(found[0].contains("DTSTART;VALUE=DATE:20260209") && found[0].contains("SUMMARY:Liftback: Lower body"))
        #expect(Set(found.compactMap { $0.first { $0.hasPrefix("UID:") } }).count == 12)
        #expect(document.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") && document.hasSuffix("END:VCALENDAR\r\n"))
    }

    @Test("Before lifting every day holds the same short session")
    func beforeLifting() {
        let sessions = engine.plannedSessions(Fixture.liftingCase(asOf: "2026-01-14"), days: 7)
        #expect(sessions.count == 7 && sessions.allSatisfy { $0.kind == .daily })
    }

    @Test(
        "While a flag waits for a clinician only gentle movement is planned, saying nothing of why (a calendar is often shared); an emergency plans nothing"
    )
    func flags() {
        let review = Fixture.liftingCase(
            asOf: "2026-02-09", checkIns: [CheckIn(date: Fixture.day("2026-02-09"), pain: 2, flags: [.numbnessTingling])])
        let gentle = engine.plannedSessions(review, days: 3)
        #expect(gentle.count == 3)
        #expect(
            gentle.allSatisfy { $0.exercises == ["Walk", "Pelvic tilt", "Cat-cow"] && $0.note == PlannedSession.gentleNote })
        let document = ICalendar.document(gentle, calendarID: "x", stamp: review.asOf).lowercased()
        for word in ["clinician", "symptom", "pain", "review", "flag", "numb"] { #expect(!document.contains(word), "\(word)") }
        let emergency = Fixture.liftingCase(
            asOf: "2026-02-09", checkIns: [CheckIn(date: Fixture.day("2026-02-09"), pain: 2, flags: [.saddleNumbness])])
        #expect(engine.plannedSessions(emergency, days: 14).isEmpty)
    }

    @Test("Severe pain makes the next days gentle (the calendar says only that), then the week's plan resumes")
    func gentleDays() {
        let c = Fixture.liftingCase(asOf: "2026-02-09", checkIns: [CheckIn(date: Fixture.day("2026-02-09"), pain: 7)])
        let sessions = engine.plannedSessions(c, days: 7)
        #expect(sessions.prefix(3).allSatisfy { $0.kind == .daily && $0.note == PlannedSession.gentleNote })
        #expect(!ICalendar.document(sessions, calendarID: "x", stamp: c.asOf).lowercased().contains("pain"))
        #expect(sessions.first { $0.day == Fixture.day("2026-02-12") }?.kind == .activeRecovery)
    }

    @Test("Text is escaped and every line folds at 75 octets, never inside a character")
    func escapingAndFolding() {
        let session = PlannedSession(
            day: Fixture.day("2026-02-09"), kind: .lowerBody,
            exercises: ["Squat; goblet, slow\\heavy", String(repeating: "Ø", count: 80)], note: nil)
        let document = ICalendar.document([session], calendarID: "id with spaces", stamp: session.day)
        for line in document.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 75)
        }
        let description = events(document)[0].first { $0.hasPrefix("DESCRIPTION:") }!
        #expect(description.contains("- Squat\\; goblet\\, slow\\\\heavy\\n- ØØ"))
        #expect(description.contains(String(repeating: "Ø", count: 80)))
        #expect(events(document)[0].contains("UID:2026-02-09-lower-body-idwithspaces@liftback"))
    }
}
