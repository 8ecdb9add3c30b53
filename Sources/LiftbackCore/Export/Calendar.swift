/// A session the plan holds on a coming day, for a calendar: its kind and the exercises it holds
/// now. Loads are left out on purpose: they follow how the sessions before went, so the day's own
/// prescription gives them.
public struct PlannedSession: Sendable, Equatable {
    public var day: Day
    public var kind: SessionKind
    /// The exercises by name, in the session's order.
    public var exercises: [String]
    /// A word for the day when it is not the usual plan (a gentle day, or a pause for a review).
    public var note: String?

    /// A calendar is often shared or kept in someone's cloud: a day off the usual plan says only
    /// that, never why (no pain, no symptoms, no review).
    public static let gentleNote = "A gentle day: open Liftback for today's plan."

    public init(day: Day, kind: SessionKind, exercises: [String], note: String?) {
        self.day = day
        self.kind = kind
        self.exercises = exercises
        self.note = note
    }
}

extension Engine {
    /// The sessions of the next `days` days from the case's day, on the plan as it stands today:
    /// the current phase's week (rest days left out), each ladder at the person's rung with the
    /// clinician's swaps, a gentle day while severe pain is recent, and gentle movement only while a
    /// flag waits for a clinician. Under an emergency or urgent disposition nothing is planned.
    public func plannedSessions(_ c: Case, days: Int) -> [PlannedSession] {
        let r = read(c)
        switch r.triage.disposition {
        case .emergency, .urgent:
            return []
        case .clinician:
            let names = SessionPlan.gentleMovement.compactMap { catalog[$0]?.name }
            return (0..<max(0, days)).map {
                PlannedSession(
                    day: c.asOf.adding(days: $0), kind: .daily, exercises: names,
                    note: PlannedSession.gentleNote)
            }
        case .proceed:
            break
        }
        let swaps = latestSwaps(c)
        let fixed = SessionPlan.fixedExercises(in: r.phase.phase)
        let gentleUntil = r.severe.map { $0.day.adding(days: settings.severePainWindowDays + 1) }
        return (0..<max(0, days)).compactMap { offset in
            let day = c.asOf.adding(days: offset)
            if let severe = r.severe, let gentleUntil, day < gentleUntil {
                return PlannedSession(
                    day: day, kind: .daily,
                    exercises: gentleDaySession(c, severe: severe, reading: r).compactMap { catalog[$0.exercise]?.name },
                    note: PlannedSession.gentleNote)
            }
            let kind = SessionPlan.session(for: r.phase.phase, on: day)
            guard kind != .rest else { return nil }
            var seen: Set<ExerciseID> = []
            let names = SessionPlan.slots(for: r.phase.phase, session: kind).compactMap { slot -> String? in
                guard let (exercise, _) = resolve(slot, phase: r.phase, history: r.history, swaps: swaps, ignoring: fixed),
                    seen.insert(exercise.id).inserted
                else { return nil }
                return exercise.name
            }
            return PlannedSession(day: day, kind: kind, exercises: names, note: nil)
        }
    }
}

/// An iCalendar (RFC 5545) of planned sessions: one all-day `VEVENT` each, with its exercises in the
/// description and a `VALARM` reminder on the morning of the day. Deterministic: the stamp is the
/// day the plan was read on, and each event's `UID` is its day and the calendar's id, so a feed read
/// again updates the same events instead of adding new ones.
public enum ICalendar {
    /// - Parameters:
    ///   - calendarID: what makes the events' `UID`s this person's (any text without spaces).
    ///   - stamp: the day the plan was read on (`DTSTAMP`, at midnight UTC).
    ///   - reminderHour: the hour of the day's reminder, in the person's own time.
    public static func document(
        _ sessions: [PlannedSession], calendarID: String, stamp: Day, reminderHour: Int = 8
    ) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Liftback//Liftback sessions//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:Liftback sessions",
            "X-WR-CALDESC:" + text("Your planned Liftback sessions for the coming days."),
        ]
        let id = calendarID.filter { !$0.isWhitespace && $0 != "@" }
        for session in sessions {
            let title = "Liftback: \(session.kind.title)"
            var description: [String] = []
            if let note = session.note { description.append(note) }
            description.append(contentsOf: session.exercises.map { "- \($0)" })
            description.append("Open Liftback on the day for your loads: they follow how your last sessions went.")
            lines += [
                "BEGIN:VEVENT",
                "UID:\(session.day)-\(session.kind.rawValue)-\(id)@liftback",
                "DTSTAMP:\(compact(stamp))T000000Z",
                "DTSTART;VALUE=DATE:\(compact(session.day))",
                "DTEND;VALUE=DATE:\(compact(session.day.adding(days: 1)))",
                "SUMMARY:" + text(title),
                "DESCRIPTION:" + text(description.joined(separator: "\n")),
                "TRANSP:TRANSPARENT",
                "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + text("\(title) today"),
                "TRIGGER;RELATED=START:PT\(min(23, max(0, reminderHour)))H", "END:VALARM",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// A day as iCalendar writes a date: `20261204`.
    static func compact(_ day: Day) -> String { day.description.filter { $0 != "-" } }

    /// A TEXT value escaped (RFC 5545, 3.3.11): backslash, semicolon, comma and line breaks.
    static func text(_ value: String) -> String {
        var escaped = ""
        for character in value {
            switch character {
            case "\\": escaped += "\\\\"
            case ";": escaped += "\\;"
            case ",": escaped += "\\,"
            case "\n", "\r\n", "\r": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// A content line folded at 75 octets (RFC 5545, 3.1), never inside a character.
    static func fold(_ line: String) -> String {
        var lines: [String] = []
        var current = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            let limit = lines.isEmpty ? 75 : 74
            if octets + size > limit {
                lines.append(current)
                current = ""
                octets = 0
            }
            current.append(character)
            octets += size
        }
        lines.append(current)
        return lines.joined(separator: "\r\n ")
    }
}
