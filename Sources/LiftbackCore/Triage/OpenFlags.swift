extension Case {
    /// Flags reported up to `asOf` and not cleared since: a clearance covers reports on or before its
    /// date, and the same flag reported after it opens again (docs/case-format.md, "The case").
    public var openFlags: [RedFlag] {
        var lastReported: [RedFlag: Day] = [:]
        func report(_ flags: [RedFlag], _ day: Day) {
            guard day <= asOf else { return }
            for flag in flags { lastReported[flag] = max(lastReported[flag] ?? day, day) }
        }
        report(intake.flags, intake.date)
        for workout in workouts { report(workout.flags, workout.date) }
        for checkIn in checkIns { report(checkIn.flags, checkIn.date) }
        var lastCleared: [RedFlag: Day] = [:]
        for clearance in clearances where clearance.date <= asOf {
            lastCleared[clearance.flag] = max(lastCleared[clearance.flag] ?? clearance.date, clearance.date)
        }
        return lastReported.compactMap { flag, reported in
            if let cleared = lastCleared[flag], cleared >= reported { return nil }
            return flag
        }.sorted { $0.rawValue < $1.rawValue }
    }

    /// The latest movement screen up to `asOf` decides: a later failed screen withdraws an earlier
    /// pass, and of two on the same day a failed one wins (the safe side, whatever their order).
    public var latestScreen: MovementScreen? {
        screens.filter { $0.date <= asOf }.max { ($0.date, $0.passed ? 0 : 1) < ($1.date, $1.passed ? 0 : 1) }
    }

    public var screenPassed: Bool { latestScreen?.passed ?? false }
}
