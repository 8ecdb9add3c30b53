/// A dated symptom event that moves loads back: too much pain on a check-in, a long stiff
/// morning, or climbing baseline symptoms.
public struct SymptomEvent: Equatable, Sendable {
    public enum Kind: String, Sendable {
        /// A check-in above the acceptable pain.
        case painfulDay = "painful-day"
        /// Morning stiffness longer than about an hour (clinical model, section 5).
        case stiffMorning = "stiff-morning"
        /// Baseline pain climbing from week to week (seed 000: symptoms that climb mean we progressed too fast).
        case climbing
        /// A session stopped early for a stop signal, one that left the back locked up for hours, or
        /// one with pain at the severe level: the next session drops back a step (clinical model, section 5).
        case hardSession = "hard-session"
    }

    public var date: Day
    public var kind: Kind
    /// The pain that fired it (a check-in), the minutes of stiffness, or this week's baseline pain (climbing).
    public var pain: Double
    /// The baseline pain it climbed from (climbing only).
    public var before: Double?
    /// The acceptable maximum in force (or the stiffness limit in minutes).
    public var limit: Int

    /// Plain words for the person, with the numbers that fired it.
    public var reason: String {
        switch kind {
        case .painfulDay:
            "your check-in on \(date) rated the back \(formatNumber(pain))/10, above \(limit)/10"
        case .stiffMorning:
            "your back was stiff for \(formatNumber(pain)) minutes on the morning of \(date), more than \(limit) minutes"
        case .climbing:
            "your day-to-day pain (check-ins) rose from about \(formatNumber(before ?? 0))/10 to \(formatNumber(pain))/10 by \(date)"
        case .hardSession:
            pain >= Double(flareLevel ?? Int.max)
                ? "pain reached \(formatNumber(pain))/10 in the session on \(date)"
                : "the session on \(date) was stopped early or left the back locked up"
        }
    }

    /// The same, written to the clinician.
    public var clinicianReason: String {
        switch kind {
        case .painfulDay: "check-in of \(formatNumber(pain))/10 on \(date)"
        case .stiffMorning: "morning stiffness of \(formatNumber(pain)) min on \(date)"
        case .climbing:
            "baseline pain (check-ins) rising from about \(formatNumber(before ?? 0))/10 to \(formatNumber(pain))/10 by \(date)"
        case .hardSession:
            pain >= Double(flareLevel ?? Int.max)
                ? "session pain \(formatNumber(pain))/10 on \(date)"
                : "session on \(date) stopped early or locked up afterwards"
        }
    }

    /// The severe level in force when the event was made (`EngineSettings.flarePain`; hard sessions only).
    public var flareLevel: Int?
}

/// The symptom history of a case up to its `asOf`, indexed once so every rule reads it cheaply.
public struct SymptomTimeline: Sendable {
    /// Every pain number reported (the intake's, check-ins, during and after sessions), by date.
    public let painReports: [(day: Day, pain: Int)]
    /// The person's baseline: the intake's pain and check-ins, not the pain felt while lifting (clinical model, section 5).
    public let baselineReports: [(day: Day, pain: Int)]
    /// Events that affect every exercise, oldest first.
    public let events: [SymptomEvent]
    /// Days that count as a flare (severe pain, or a session that was too much).
    public let flareDays: [Day]
    /// Days with pain at or above the severe level anywhere (check-in, during or after a session), sorted.
    public let severeDays: [Day]
    /// The worst pain on each severe day, aligned with `severeDays`.
    public let severePain: [Int]
    /// The day the person last reported anything (a check-in or a session).
    public let lastReport: Day?
    /// The first day since the last clearance of `no-improvement-2-weeks` on which severe pain had not
    /// improved over two weeks (seed 001), with the two levels compared.
    public let noImprovement: (day: Day, from: Double, now: Double)?

    public init(case c: Case, settings: EngineSettings) {
        let asOf = c.asOf
        var reports: [(day: Day, pain: Int)] = []
        var baseline: [(day: Day, pain: Int)] = []
        var flares: [Day] = []
        var events: [SymptomEvent] = []
        var severe: [(day: Day, pain: Int)] = []
        var last: Day?
        reports.reserveCapacity(c.checkIns.count + 2 * c.workouts.count + 1)
        if let pain = c.intake.pain {
            reports.append((c.intake.date, pain))
            baseline.append((c.intake.date, pain))
            if pain >= settings.flarePain { severe.append((c.intake.date, pain)) }
        }
        // Index-based access reads the case in place rather than copying each check-in and workout.
        for index in c.checkIns.indices where c.checkIns[index].date <= asOf {
            let (date, pain) = (c.checkIns[index].date, c.checkIns[index].pain)
            reports.append((date, pain))
            baseline.append((date, pain))
            last = max(last ?? date, date)
            if pain > settings.acceptablePainMax {
                events.append(SymptomEvent(date: date, kind: .painfulDay, pain: Double(pain), limit: settings.acceptablePainMax))
            }
            if let minutes = c.checkIns[index].stiffnessMinutes, minutes > settings.stiffnessMinutesTooMuch {
                events.append(
                    SymptomEvent(date: date, kind: .stiffMorning, pain: Double(minutes), limit: settings.stiffnessMinutesTooMuch))
            }
            if pain >= settings.flarePain {
                flares.append(date)
                severe.append((date, pain))
            }
        }
        for index in c.workouts.indices where c.workouts[index].date <= asOf {
            let date = c.workouts[index].date
            last = max(last ?? date, date)
            let painAfter = c.workouts[index].painAfter
            let exposurePain = c.workouts[index].peakPainDuring
            if let pain = exposurePain { reports.append((date, pain)) }
            if let pain = painAfter { reports.append((date, pain)) }
            let peak = max(exposurePain ?? 0, painAfter ?? 0)
            if peak >= settings.flarePain { severe.append((date, peak)) }
            if peak >= settings.flarePain || c.workouts[index].stoppedEarly == true || c.workouts[index].lockedUp == true {
                var event = SymptomEvent(
                    date: date, kind: .hardSession, pain: Double(peak), limit: settings.acceptablePainMax)
                event.flareLevel = settings.flarePain
                events.append(event)
            }
            if peak >= settings.flarePain || c.workouts[index].nextDay == .worse || c.workouts[index].stoppedEarly == true
                || c.workouts[index].lockedUp == true
            {
                flares.append(date)
            }
        }
        reports.sort { $0.day < $1.day }
        baseline.sort { $0.day < $1.day }
        severe.sort { ($0.day, $1.pain) < ($1.day, $0.pain) }
        events.append(contentsOf: Self.climbingEvents(baseline, settings: settings))
        events.sort { $0.date < $1.date }
        painReports = reports
        baselineReports = baseline
        self.events = events
        flares.sort()
        flareDays = flares.uniqueSorted()
        var severeUnique: [Day] = []
        var severeWorst: [Int] = []
        for entry in severe where severeUnique.last != entry.day {
            severeUnique.append(entry.day)
            severeWorst.append(entry.pain)
        }
        severeDays = severeUnique
        severePain = severeWorst
        lastReport = last
        let cleared = c.clearances.filter { $0.flag == .noImprovement2Weeks && $0.date <= asOf }.map(\.date).max()
        noImprovement = Self.noImprovement(reports, after: cleared, settings: settings)
    }

    /// The latest severe day within the severe-pain window before `day`, with its worst pain.
    public func severe(near day: Day, settings: EngineSettings) -> (day: Day, pain: Int)? {
        guard let index = severeDays.lastIndex(where: { $0 <= day }) else { return nil }
        let found = severeDays[index]
        return found.days(until: day) <= settings.severePainWindowDays ? (found, severePain[index]) : nil
    }

    /// Edge-triggered climbing of the baseline, two ways:
    /// - dense reports: the mean of the 7 days to a report beats the 7 days before by `weeklyRise`
    ///   (both weeks with at least two reports);
    /// - sparse reports (one a week will do): the means of the three weeks to a report, each with a
    ///   report, never fall and rise by `sparseClimbRise` in all (2, 3, 4 is a climb; 2, 3, 2 is not).
    /// One climb is answered once and then held for `holdDays`; a further rise of `weeklyRise` inside
    /// the hold is a second climb and fires again.
    static func climbingEvents(_ reports: [(day: Day, pain: Int)], settings: EngineSettings) -> [SymptomEvent] {
        // The fewest reports either way can climb on: two weeks of `climbReportsPerWeek`, or three weeks of one.
        guard reports.count >= min(3, 2 * settings.climbReportsPerWeek) else { return [] }
        var sum = [0]
        sum.reserveCapacity(reports.count + 1)
        for report in reports { sum.append(sum.last! + report.pain) }
        func mean(_ from: Int, _ to: Int) -> Double { Double(sum[to] - sum[from]) / Double(to - from) }
        var events: [SymptomEvent] = []
        var fired: (day: Day, level: Double)?
        // The first report of each of the three weeks before a day; the pointers only move forward.
        var weekStart = 0
        var priorStart = 0
        var thirdStart = 0
        eachDay(reports) { day, end in
            advance(&weekStart, reports, through: day.ordinal - 7, limit: end)
            advance(&priorStart, reports, through: day.ordinal - 14, limit: weekStart)
            advance(&thirdStart, reports, through: day.ordinal - 21, limit: priorStart)
            let level = mean(weekStart, end)
            func climb(from before: Double) {
                events.append(
                    SymptomEvent(date: day, kind: .climbing, pain: level, before: before, limit: settings.acceptablePainMax))
                fired = (day, level)
            }
            if let held = fired, held.day.days(until: day) < settings.holdDays {
                // Inside the hold: only a further rise counts.
                if level - held.level >= settings.weeklyRise - 1e-9 { climb(from: held.level) }
                return
            }
            let thisWeek = end - weekStart
            let lastWeek = weekStart - priorStart
            if thisWeek >= settings.climbReportsPerWeek, lastWeek >= settings.climbReportsPerWeek,
                level - mean(priorStart, weekStart) >= settings.weeklyRise - 1e-9
            {
                climb(from: mean(priorStart, weekStart))
                return
            }
            guard lastWeek >= 1, priorStart > thirdStart else { return }
            let first = mean(thirdStart, priorStart)
            let middle = mean(priorStart, weekStart)
            if middle >= first - 1e-9, level >= middle - 1e-9, level - first >= settings.sparseClimbRise - 1e-9 {
                climb(from: first)
            }
        }
        return events
    }

    /// Severe pain that has not improved by `improvementPoints` (or `improvementShare`) over
    /// `improvementDays`: at each report day, the mean of the week to it against the mean of the
    /// week that ended two weeks before, the earlier one at or above the severe level. Only reports
    /// after `after` (a clearance of the flag) count.
    static func noImprovement(_ all: [(day: Day, pain: Int)], after: Day?, settings: EngineSettings)
        -> (day: Day, from: Double, now: Double)?
    {
        let reports = after.map { cleared in all.filter { $0.day > cleared } } ?? all
        guard let firstDay = reports.first?.day else { return nil }
        var sum = [0]
        for report in reports { sum.append(sum.last! + report.pain) }
        var weekStart = 0
        var refStart = 0
        var refEnd = 0
        var found: (day: Day, from: Double, now: Double)?
        eachDay(reports) { day, end in
            guard found == nil, firstDay.days(until: day) >= settings.improvementDays else { return }
            advance(&weekStart, reports, through: day.ordinal - 7, limit: end)
            // The reference week: (day - improvementDays - 7, day - improvementDays].
            advance(&refEnd, reports, through: day.ordinal - settings.improvementDays, limit: reports.count)
            advance(&refStart, reports, through: day.ordinal - settings.improvementDays - 7, limit: refEnd)
            guard refEnd > refStart, end > weekStart else { return }
            let from = Double(sum[refEnd] - sum[refStart]) / Double(refEnd - refStart)
            let now = Double(sum[end] - sum[weekStart]) / Double(end - weekStart)
            guard from >= Double(settings.flarePain) - 1e-9 else { return }
            let needed = min(settings.improvementPoints, settings.improvementShare * from)
            if from - now < needed - 1e-9 { found = (day, from, now) }
        }
        return found
    }

    /// Calls `body` once per report day, in order, with the index just past that day's reports.
    static func eachDay(_ reports: [(day: Day, pain: Int)], _ body: (Day, Int) -> Void) {
        var index = 0
        while index < reports.count {
            let day = reports[index].day
            var end = index
            while end < reports.count, reports[end].day == day { end += 1 }
            index = end
            body(day, end)
        }
    }

    /// Moves a window's first index past the reports dated on or before `ordinal`, never past `limit`.
    static func advance(_ start: inout Int, _ reports: [(day: Day, pain: Int)], through ordinal: Int, limit: Int) {
        while start < limit, reports[start].day.ordinal <= ordinal { start += 1 }
    }

    /// The latest event on or after `day` and on or before `asOf`.
    public func latestEvent(onOrAfter day: Day?) -> SymptomEvent? {
        guard let last = events.last else { return nil }
        if let day, last.date < day { return nil }
        return last
    }
}

extension Workout {
    /// The highest pain reported during the session: the workout's, any exercise's or any set's.
    public var peakPainDuring: Int? {
        var peak = painDuring
        for exercise in exercises.indices {
            if let pain = exercises[exercise].painDuring, pain > (peak ?? -1) { peak = pain }
            for set in exercises[exercise].sets.indices {
                if let pain = exercises[exercise].sets[set].pain, pain > (peak ?? -1) { peak = pain }
            }
        }
        return peak
    }
}

extension Array where Element: Equatable {
    /// A sorted array without its repeats.
    func uniqueSorted() -> [Element] {
        var result: [Element] = []
        result.reserveCapacity(count)
        for element in self where result.last != element { result.append(element) }
        return result
    }
}
