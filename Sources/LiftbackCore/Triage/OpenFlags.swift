extension Case {
    /// Flags reported and not cleared since: a clearance covers reports on or before its date, and
    /// the same flag reported after it opens again (docs/case-format.md, "The case"). A report counts
    /// from the moment it is made, up to `EntryValidation.daysAhead` after `asOf`: a person whose day
    /// is already tomorrow (a time zone ahead of the server's) is never hidden until the server's
    /// calendar catches up, and neither is a symptom typed with tomorrow's date.
    /// The most serious come first (an emergency before a review), then by name.
    public var openFlags: [RedFlag] {
        let horizon = flagHorizon
        var lastReported: [RedFlag: Day] = [:]
        func report(_ flags: [RedFlag], _ day: Day) {
            guard day <= horizon else { return }
            for flag in flags { lastReported[flag] = max(lastReported[flag] ?? day, day) }
        }
        report(intake.flags, intake.date)
        for workout in workouts { report(workout.flags, workout.date) }
        for checkIn in checkIns { report(checkIn.flags, checkIn.date) }
        var lastCleared: [RedFlag: Day] = [:]
        for clearance in clearances where clearance.date <= horizon {
            lastCleared[clearance.flag] = max(lastCleared[clearance.flag] ?? clearance.date, clearance.date)
        }
        return lastReported.compactMap { flag, reported in
            if let cleared = lastCleared[flag], cleared >= reported { return nil }
            return flag
        }.sorted { ($0.level, $1.rawValue) > ($1.level, $0.rawValue) }  // the most serious first
    }

    /// Every red flag reported (at the intake, in a session, at a check-in), oldest first.
    public var flagReports: [(flag: RedFlag, day: Day)] {
        let reports =
            intake.flags.map { ($0, intake.date) } + workouts.flatMap { w in w.flags.map { ($0, w.date) } }
            + checkIns.flatMap { c in c.flags.map { ($0, c.date) } }
        return reports.sorted { ($0.1, $0.0.rawValue) < ($1.1, $1.0.rawValue) }.map { (flag: $0.0, day: $0.1) }
    }

    /// The last day whose reported flags count on `asOf`.
    public var flagHorizon: Day { asOf.adding(days: EntryValidation.daysAhead) }

    /// The day a clearance of `flag` reviewed on `asOf` takes: `asOf`, or the day of a report dated
    /// ahead of it (within `flagHorizon`), which is what was reviewed; dated `asOf`, the clearance
    /// would leave open the very flag it clears.
    public func clearanceDay(for flag: RedFlag) -> Day {
        max(asOf, lastReport(of: flag) ?? asOf)
    }

    /// The latest report of `flag` that counts on `asOf` (see `openFlags`), if any.
    public func lastReport(of flag: RedFlag) -> Day? {
        let reports =
            (intake.flags.contains(flag) ? [intake.date] : [])
            + workouts.filter { $0.flags.contains(flag) }.map(\.date) + checkIns.filter { $0.flags.contains(flag) }.map(\.date)
        return reports.filter { $0 <= flagHorizon }.max()
    }

    /// The latest movement screen up to `asOf` decides: a later failed screen withdraws an earlier
    /// pass, and of two on the same day a failed one wins (the safe side, whatever their order).
    public var latestScreen: MovementScreen? {
        screens.filter { $0.date <= asOf }.max { ($0.date, $0.passed ? 0 : 1) < ($1.date, $1.passed ? 0 : 1) }
    }

    public var screenPassed: Bool { latestScreen?.passed ?? false }
}
