import LiftbackCore

/// What happened to one person under one policy.
public struct PersonOutcome: Sendable, Equatable {
    /// Day index (0 is the intake) of the first completed session at or above the previous working
    /// weight on the hinge ladder, carried by the catalogue's load factors; `nil` when never.
    public var backDay: Int?
    /// Sessions and days of daily life on which the model flared.
    public var sessionFlares = 0
    public var dayFlares = 0
    /// Flare-ups: flares more than `flareUpGapDays` after the previous flare (closer ones continue it).
    public var flareUps = 0
    public var lastFlareDay: Int?
    /// Sessions with a prescribed weight while a flag was reported and not yet cleared.
    public var loadsThroughReportedFlag = 0
    /// Sessions with a prescribed weight while a flag was present (reported or not) or reported and not yet cleared.
    public var loadsThroughOpenFlag = 0
    /// The highest pain the person reported.
    public var peakPain = 0
    public var sessions = 0
    public var engineCalls = 0
    public var screensPassed = 0

    public var flares: Int { sessionFlares + dayFlares }

    mutating func flared(on day: Int, gap: Int) {
        if lastFlareDay.map({ day - $0 > gap }) ?? true { flareUps += 1 }
        lastFlareDay = day
    }
}

/// Runs one person under one policy, day by day. The person and the back stay here; the policy
/// only ever receives the `ReportLog`.
public struct PersonRun {
    public let person: Person
    public let parameters: Parameters
    public let days: Int
    var back: Back
    var log: ReportLog
    var outcome = PersonOutcome()
    var firstReport: Int?
    var clearedOn: Int?
    /// Derived flags under review by the clinician, and the day each is cleared.
    var reviews: [RedFlag: Int] = [:]
    var lastScreen = Int.min / 2
    var screenPending = false
    /// The morning pain before the last session and whether it flared, for the next-day answer.
    var pendingNextDay: (workout: Int, day: Int, before: Double, flared: Bool)?

    static let hinge = Catalog.standard.ladder(id: .hinge)
    static let reference: ExerciseID = "conventional-deadlift"

    public init(person: Person, policy: ProgressionPolicy, parameters: Parameters, days: Int) {
        self.person = person
        self.parameters = parameters
        self.days = days
        back = Back(person: person, parameters: parameters)
        let intakePain = back.report(back.baselinePain, noise: person.script[0].noise.0)
        let intake = Intake(
            date: person.intakeDay, pattern: person.pattern,
            previousWorkingWeights: [
                WorkingWeight(exercise: "conventional-deadlift", weight: person.deadlift, reps: person.workingReps),
                WorkingWeight(exercise: "back-squat", weight: person.squat, reps: person.workingReps),
                WorkingWeight(exercise: "bench-press", weight: person.bench, reps: person.workingReps),
            ], pain: intakePain)
        log = ReportLog(intake: intake, policy: policy, unit: person.unit)
        outcome.peakPain = intakePain
    }

    /// Simulates a whole programme under `policy`.
    public static func run(
        _ person: Person, policy name: PolicyName, parameters: Parameters = .standard, days: Int, engine: Engine,
        observer: ((ReportLog, Prescription) -> Void)? = nil
    ) -> (outcome: PersonOutcome, log: ReportLog) {
        var run = PersonRun(
            person: person, policy: name == .liftbackPainFree ? .painFree : .painMonitoring, parameters: parameters, days: days)
        switch name {
        case .liftback, .liftbackPainFree:
            var policy = LiftbackPolicy(engine: engine, observer: observer)
            run.simulate(&policy)
            run.outcome.engineCalls = policy.engineCalls
        case .seed001:
            var policy = SeedProtocolPolicy(lifts: MainLifts(person: person), parameters: parameters)
            run.simulate(&policy)
        case .naiveLinear:
            var policy = NaiveLinearPolicy(lifts: MainLifts(person: person), parameters: parameters)
            run.simulate(&policy)
        }
        return (run.outcome, run.log)
    }

    func reportedOpen(_ day: Int) -> Bool {
        guard let firstReport, firstReport <= day else { return false }
        return clearedOn.map { day < $0 } ?? true
    }

    func anyOpen(_ day: Int) -> Bool { (person.flag?.present(on: day) ?? false) || reportedOpen(day) }

    mutating func simulate<P: Policy>(_ policy: inout P) {
        for day in 0..<days { simulateDay(day, &policy) }
    }

    mutating func note(pain: Int) { outcome.peakPain = max(outcome.peakPain, pain) }

    mutating func simulateDay<P: Policy>(_ day: Int, _ policy: inout P) {
        let date = person.intakeDay.adding(days: day)
        let script = person.script[day]
        back.flagPresent = person.flag?.present(on: day) ?? false
        log.setDay(date)
        let away = person.onBreak(day)

        // The next-day answer to yesterday's session, if the person answers today.
        if let pending = pendingNextDay, pending.day == day - 1 {
            pendingNextDay = nil
            if script.answersNextDay, !away {
                let delta = back.baselinePain - pending.before + 0.5 * parameters.painNoise * script.noise.3
                let response: NextDayResponse = pending.flared || delta >= 1 ? .worse : delta >= 0.4 ? .same : .settled
                log.append(.nextDay(workout: pending.workout, response))
            }
        }
        // A clinician clears a reported flag some days after it resolves.
        if let flag = person.flag, let firstReport, clearedOn == nil, day >= max(firstReport, flag.resolves) + flag.clearanceDelay
        {
            log.append(.clearance(Clearance(flag: flag.flag, date: date, by: "simulated clinician")))
            clearedOn = day
        }
        // The clinician reviews a flag the engine derived (no improvement in two weeks) within days
        // and clears it, so the plan carries on with their knowledge.
        for (flag, due) in reviews where due <= day {
            log.append(.clearance(Clearance(flag: flag, date: date, by: "simulated clinician")))
            reviews[flag] = nil
        }
        if back.dailyLife(heavy: script.heavyDay) != nil {
            outcome.dayFlares += 1
            outcome.flared(on: day, gap: parameters.flareUpGapDays)
        }

        var training = Back.Training.none
        if !away {
            switch policy.plan(day: day, weekday: date.isoWeekday) {
            case .session where script.missRoll >= person.missChance:
                training = session(day, date, script, &policy)
            case .easyActivity where script.missRoll >= person.missChance:
                _ = back.load(demand: parameters.unloadedDemand, loaded: false, noise: (script.noise.1, script.noise.2))
                training = .unloaded
                if person.checksIn(day) { checkIn(day, date, script) }
            default:
                if person.checksIn(day) { checkIn(day, date, script) }
            }
        }
        back.endOfDay(trained: training)
    }

    var flagsToday: [RedFlag] { back.flagPresent ? person.flag.map { [$0.flag] } ?? [] : [] }

    mutating func checkIn(_ day: Int, _ date: Day, _ script: DayScript) {
        let pain = back.report(back.baselinePain, noise: script.noise.0)
        let stiffness = Int(max(0, (10 + 8 * back.baselinePain + 20 * back.sensitisation + 5 * script.noise.3).rounded()))
        if !flagsToday.isEmpty, firstReport == nil { firstReport = day }
        log.append(.checkIn(CheckIn(date: date, pain: pain, stiffnessMinutes: stiffness, flags: flagsToday)))
        note(pain: pain)
    }

    mutating func session<P: Policy>(_ day: Int, _ date: Day, _ script: DayScript, _ policy: inout P) -> Back.Training {
        // Before the session the app asks about new symptoms: a present flag is reported then.
        if !flagsToday.isEmpty { checkIn(day, date, script) }
        if screenPending, day - lastScreen >= 7 { screen(day, date, script) }

        let planned = policy.session(day: day, log: log)
        if planned.screenRequested { screenPending = true }
        for flag in policy.flagsToReview where reviews[flag] == nil {
            reviews[flag] = day + (person.flag?.clearanceDelay ?? parameters.clearanceDelayDays.lowerBound)
        }
        let loaded = planned.lines.contains { ($0.weight ?? 0) > 0 }
        if loaded {
            if reportedOpen(day) { outcome.loadsThroughReportedFlag += 1 }
            if anyOpen(day) { outcome.loadsThroughOpenFlag += 1 }
        }
        let before = back.baselinePain
        let demand = planned.lines.map(demand).max() ?? 0
        let response = back.load(demand: demand, loaded: loaded, noise: (script.noise.1, script.noise.2))
        if response.flared {
            outcome.sessionFlares += 1
            outcome.flared(on: day, gap: parameters.flareUpGapDays)
        }
        outcome.sessions += 1
        note(pain: max(response.painDuring, response.painAfter))
        if !response.stoppedEarly, outcome.backDay == nil, planned.lines.contains(where: reachesPrevious) {
            outcome.backDay = day
        }
        log.append(
            .workout(
                Workout(
                    date: date, exercises: planned.lines.map(\.logged), painDuring: response.painDuring,
                    painAfter: response.painAfter, flags: flagsToday, stoppedEarly: response.stoppedEarly ? true : nil,
                    lockedUp: response.lockedUp ? true : nil)))
        pendingNextDay = (log.reports.workouts.count - 1, day, before, response.flared)
        policy.logged(day: day, log: log)
        return loaded ? .loaded : .unloaded
    }

    /// The four-part movement screen (seed 001), passing only as far as the back allows.
    mutating func screen(_ day: Int, _ date: Day, _ script: DayScript) {
        let p = parameters
        let toeTouch = back.report(back.baselinePain, noise: script.noise.0) <= p.screenToeTouchPain
        let squats = back.tolerance >= p.screenSquatTolerance
        let plank = back.capacity >= p.screenPlankCapacity
        let walk = back.sensitisation < p.screenWalkSensitisation && !back.flagPresent
        let screen = MovementScreen(date: date, toeTouch: toeTouch, squats: squats, plank: plank, walk: walk)
        log.append(.screen(screen))
        lastScreen = day
        screenPending = false
        if screen.passed { outcome.screensPassed += 1 }
    }

    /// Whether a line lifts at least the previous working weight on the hinge ladder.
    func reachesPrevious(_ line: PlannedLine) -> Bool {
        guard let weight = line.weight, let hinge = Self.hinge, hinge.rungs.contains(line.exercise),
            let equivalent = Catalog.standard.equivalentWeight(weight, from: line.exercise, to: Self.reference)
        else { return false }
        return equivalent >= person.deadlift - 1e-9
    }

    /// The effort a line asks of the back, as a share of the old working capacity: the weight carried
    /// to the ladder's reference lift by the catalogue's load factors, against the previous working
    /// weight, both as estimated one-rep maxes (Epley), times the share of the pattern that reaches the back.
    func demand(_ line: PlannedLine) -> Double {
        let catalog = Catalog.standard
        guard let exercise = catalog[line.exercise] else { return 0 }
        guard exercise.loaded, let weight = line.weight, weight > 0 else { return parameters.unloadedDemand }
        let ladder = catalog.ladder(for: line.exercise)?.id
        let (reference, previous): (ExerciseID?, Double) =
            switch ladder {
            case .hinge?, .hingeAccessory?: ("conventional-deadlift", person.deadlift)
            case .squat?, .singleLeg?: ("back-squat", person.squat)
            case .push?: ("bench-press", person.bench)
            default: (nil, person.deadlift)
            }
        let carried = reference.flatMap { catalog.equivalentWeight(weight, from: line.exercise, to: $0) } ?? weight
        let reps = Double(line.reps ?? person.workingReps)
        let share = carried * (1 + reps / 30) / (previous * (1 + Double(person.workingReps) / 30))
        let backShare = ladder == .bridge ? parameters.backShareSingleLeg : parameters.backShare(exercise.pattern)
        return share * backShare
    }
}
