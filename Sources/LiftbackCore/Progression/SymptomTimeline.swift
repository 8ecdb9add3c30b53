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
    /// Plain words with the numbers that fired it.
    public var reason: String
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
        for checkIn in c.checkIns where checkIn.date <= asOf {
            reports.append((checkIn.date, checkIn.pain))
            if checkIn.pain > settings.acceptablePainMax {
                events.append(
                    SymptomEvent(
                        date: checkIn.date, kind: .painfulDay,
                        reason: "your check-in on \(checkIn.date) rated the back \(checkIn.pain)/10, above \(settings.acceptablePainMax)/10"
                    ))
            }
            if checkIn.pain >= settings.flarePain { flares.append(checkIn.date) }
        }
        for workout in c.workouts where workout.date <= asOf {
            let exposurePain = workout.exercises.compactMap { logged in
                ([logged.painDuring ?? workout.painDuring] + logged.sets.map(\.pain)).compactMap { $0 }.max()
            }.max() ?? workout.painDuring
            if let pain = exposurePain { reports.append((workout.date, pain)) }
            if let pain = workout.painAfter { reports.append((workout.date, pain)) }
            let peak = [exposurePain, workout.painAfter].compactMap { $0 }.max() ?? 0
            if peak >= settings.flarePain || workout.nextDay == .worse || workout.stoppedEarly == true
                || workout.lockedUp == true
            {
                flares.append(workout.date)
            }
        }
        reports.sort { $0.day < $1.day }
        events.append(contentsOf: Self.climbingEvents(reports, settings: settings))
        events.sort { $0.date < $1.date }
        painReports = reports
        self.events = events
        flareDays = Array(Set(flares)).sorted()
    }

    /// Edge-triggered climbing: the mean pain of the 7 days to a report beats the 7 days before by
    /// `weeklyRise` or more (both weeks with at least two reports), and no climbing event fired in
    /// the `holdDays` before, so one climb is answered once and then held.
    static func climbingEvents(_ reports: [(day: Day, pain: Int)], settings: EngineSettings) -> [SymptomEvent] {
        guard reports.count >= 4 else { return [] }
        var prefix = [0]
        prefix.reserveCapacity(reports.count + 1)
        for report in reports { prefix.append(prefix.last! + report.pain) }
        // First index with day > bound, for a sorted array.
        func upper(_ bound: Int, from start: Int) -> Int {
            var low = start, high = reports.count
            while low < high {
                let mid = (low + high) / 2
                if reports[mid].day.ordinal <= bound { low = mid + 1 } else { high = mid }
            }
            return low
        }
        var events: [SymptomEvent] = []
        var lastFired: Day?
        var index = 0
        while index < reports.count {
            let day = reports[index].day
            let end = upper(day.ordinal, from: index)
            index = end
            if let lastFired, lastFired.days(until: day) < settings.holdDays { continue }
            let weekStart = upper(day.ordinal - 7, from: 0)
            let priorStart = upper(day.ordinal - 14, from: 0)
            let thisWeek = end - weekStart, lastWeek = weekStart - priorStart
            guard thisWeek >= 2, lastWeek >= 2 else { continue }
            let meanNow = Double(prefix[end] - prefix[weekStart]) / Double(thisWeek)
            let meanBefore = Double(prefix[weekStart] - prefix[priorStart]) / Double(lastWeek)
            if meanNow - meanBefore >= settings.weeklyRise {
                lastFired = day
                events.append(
                    SymptomEvent(
                        date: day, kind: .climbing,
                        reason: "your average pain rose from \(formatNumber(meanBefore))/10 to \(formatNumber(meanNow))/10 over the week to \(day)"
                    ))
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
