/// A dated symptom event that moves loads back: too much pain, a worse next day, climbing symptoms.
public struct SymptomEvent: Equatable, Sendable {
    public enum Kind: String, Sendable {
        /// A check-in above the acceptable pain.
        case painfulDay = "painful-day"
        /// Weekly pain climbing (seed 000: symptoms that climb mean we progressed too fast).
        case climbing
    }

    public var date: Day
    public var kind: Kind
    /// The pain that fired it (a check-in), or this week's mean pain (climbing).
    public var pain: Double
    /// The previous week's mean pain (climbing only).
    public var before: Double?
    /// The acceptable maximum in force.
    public var limit: Int

    /// Plain words with the numbers that fired it, written only when a decision quotes it.
    public var reason: String {
        switch kind {
        case .painfulDay:
            "your check-in on \(date) rated the back \(formatNumber(pain))/10, above \(limit)/10"
        case .climbing:
            "your average pain rose from \(formatNumber(before ?? 0))/10 to \(formatNumber(pain))/10 over the week to \(date)"
        }
    }
}

/// The symptom history of a case up to its `asOf`, indexed once so every rule reads it cheaply.
public struct SymptomTimeline: Sendable {
    /// Every pain number reported (check-ins, during and after sessions), by date.
    public let painReports: [(day: Day, pain: Int)]
    /// Events that affect every exercise, oldest first.
    public let events: [SymptomEvent]
    /// Days that count as a flare (pain at or above the flare threshold, or a session that was too much).
    public let flareDays: [Day]

    public init(case c: Case, settings: EngineSettings) {
        let asOf = c.asOf
        var reports: [(day: Day, pain: Int)] = []
        var flares: [Day] = []
        var events: [SymptomEvent] = []
        reports.reserveCapacity(c.checkIns.count + 2 * c.workouts.count)
        // Index-based access reads the case in place rather than copying each check-in and workout.
        for index in c.checkIns.indices where c.checkIns[index].date <= asOf {
            let (date, pain) = (c.checkIns[index].date, c.checkIns[index].pain)
            reports.append((date, pain))
            if pain > settings.acceptablePainMax {
                events.append(SymptomEvent(date: date, kind: .painfulDay, pain: Double(pain), limit: settings.acceptablePainMax))
            }
            if pain >= settings.flarePain { flares.append(date) }
        }
        for index in c.workouts.indices where c.workouts[index].date <= asOf {
            let date = c.workouts[index].date
            let painAfter = c.workouts[index].painAfter
            let exposurePain = c.workouts[index].peakPainDuring
            if let pain = exposurePain { reports.append((date, pain)) }
            if let pain = painAfter { reports.append((date, pain)) }
            let peak = max(exposurePain ?? 0, painAfter ?? 0)
            if peak >= settings.flarePain || c.workouts[index].nextDay == .worse || c.workouts[index].stoppedEarly == true
                || c.workouts[index].lockedUp == true
            {
                flares.append(date)
            }
        }
        reports.sort { $0.day < $1.day }
        events.append(contentsOf: Self.climbingEvents(reports, settings: settings))
        events.sort { $0.date < $1.date }
        painReports = reports
        self.events = events
        flares.sort()
        flareDays = flares.uniqueSorted()
    }

    /// Edge-triggered climbing: the mean pain of the 7 days to a report beats the 7 days before by
    /// `weeklyRise` or more (both weeks with at least two reports), and no climbing event fired in
    /// the `holdDays` before, so one climb is answered once and then held.
    static func climbingEvents(_ reports: [(day: Day, pain: Int)], settings: EngineSettings) -> [SymptomEvent] {
        guard reports.count >= 4 else { return [] }
        var prefix = [0]
        prefix.reserveCapacity(reports.count + 1)
        for report in reports { prefix.append(prefix.last! + report.pain) }
        var events: [SymptomEvent] = []
        var lastFired: Day?
        // Three pointers move forward only: the end of the reports of `day`, and the first report of
        // each of the two weeks before it.
        var index = 0
        var weekStart = 0
        var priorStart = 0
        while index < reports.count {
            let day = reports[index].day
            var end = index
            while end < reports.count, reports[end].day == day { end += 1 }
            index = end
            while weekStart < end, reports[weekStart].day.ordinal <= day.ordinal - 7 { weekStart += 1 }
            while priorStart < weekStart, reports[priorStart].day.ordinal <= day.ordinal - 14 { priorStart += 1 }
            if let lastFired, lastFired.days(until: day) < settings.holdDays { continue }
            let thisWeek = end - weekStart
            let lastWeek = weekStart - priorStart
            guard thisWeek >= 2, lastWeek >= 2 else { continue }
            let meanNow = Double(prefix[end] - prefix[weekStart]) / Double(thisWeek)
            let meanBefore = Double(prefix[weekStart] - prefix[priorStart]) / Double(lastWeek)
            if meanNow - meanBefore >= settings.weeklyRise {
                lastFired = day
                events.append(
                    SymptomEvent(date: day, kind: .climbing, pain: meanNow, before: meanBefore, limit: settings.acceptablePainMax)
                )
            }
        }
        return events
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
