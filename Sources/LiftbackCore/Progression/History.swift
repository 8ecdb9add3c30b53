/// A case's training history up to `asOf`, read in one pass: exposures per exercise, the latest
/// rung per ladder, the days that moved something up, and what the phase gates need from every
/// session since the intake. This is the part of the engine that grows with the length of the
/// history, so it reads the case in place and keeps exposures free of references
/// (docs/performance.md).
struct History {
    /// The phase gates' evidence from the sessions (see `PhaseTracker.Evidence`).
    struct Evidence {
        var badDays: [Day] = []
        var toleratedLoadedDays: [Day] = []
        /// Days with a session of any kind that went well (acceptable pain, next day not worse).
        var toleratedSessionDays: [Day] = []
        var liftGateMetOn: Day?
    }

    private(set) var evidence = Evidence()
    let catalog: Catalog
    /// Exposures per exercise, indexed like `catalog.exercises`.
    private(set) var exposuresByIndex: [[Exposure]]
    /// The latest exposure on each ladder, indexed like `catalog.ladders`.
    private(set) var latestByLadder: [Exposure?]
    private(set) var workoutDays: [Day] = []
    /// The last day any exercise stepped up (more weight, more reps or seconds, a harder rung).
    private(set) var lastStepUp: Day?
    /// The first weighted exposure on each ladder, indexed like `catalog.ladders`: without a previous
    /// working weight, the load the person chose first stands in for one.
    private(set) var firstWeightedByLadder: [Exposure?]

    /// - Parameter liftGate: per catalogue position, the weight at which a main lift meets the
    ///   reintroduce-lifting gate (`nil` for other exercises).
    init(case c: Case, catalog: Catalog, settings: EngineSettings, liftGate: [Double?] = []) {
        self.catalog = catalog
        exposuresByIndex = Array(repeating: [], count: catalog.exercises.count)
        latestByLadder = Array(repeating: nil, count: catalog.ladders.count)
        firstWeightedByLadder = Array(repeating: nil, count: catalog.ladders.count)
        var highestRung = [Int](repeating: -1, count: catalog.ladders.count)
        var order = Array(c.workouts.indices)
        if !zip(c.workouts, c.workouts.dropFirst()).allSatisfy({ $0.date <= $1.date }) {
            order.sort { c.workouts[$0].date < c.workouts[$1].date }
        }
        workoutDays.reserveCapacity(order.count)
        let mornings = NextMorning(c)
        for workoutIndex in order where c.workouts[workoutIndex].date <= c.asOf {
            let date = c.workouts[workoutIndex].date
            workoutDays.append(date)
            let inferred = c.workouts[workoutIndex].nextDay == nil ? mornings.answer(after: date) : nil
            if Self.wentWell(c.workouts[workoutIndex], inferred: inferred, settings: settings),
                evidence.toleratedSessionDays.last != date
            {
                evidence.toleratedSessionDays.append(date)
            }
            // Index-based access borrows the case's arrays instead of copying each workout.
            for loggedIndex in c.workouts[workoutIndex].exercises.indices {
                guard let index = catalog.index(of: c.workouts[workoutIndex].exercises[loggedIndex].exercise) else { continue }
                let exposure = Exposure(
                    workout: c.workouts[workoutIndex], logged: c.workouts[workoutIndex].exercises[loggedIndex],
                    exerciseIndex: index, inferredNextDay: inferred)
                record(
                    exposure, loaded: catalog.exercises[index].loaded, liftGate: index < liftGate.count ? liftGate[index] : nil,
                    policy: c.policy, settings: settings)
                if let earlier = exposuresByIndex[index].last, Self.steppedUp(from: earlier, to: exposure) {
                    lastStepUp = date
                }
                exposuresByIndex[index].append(exposure)
                if let place = catalog.ladderPlace[index] {
                    if highestRung[place.ladder] >= 0, place.rung > highestRung[place.ladder] { lastStepUp = date }
                    highestRung[place.ladder] = max(highestRung[place.ladder], place.rung)
                    latestByLadder[place.ladder] = exposure
                    if firstWeightedByLadder[place.ladder] == nil, (exposure.weight ?? 0) > 0 {
                        firstWeightedByLadder[place.ladder] = exposure
                    }
                }
            }
        }
    }

    /// Adds one exposure's response to the phase gates' evidence.
    private mutating func record(
        _ exposure: Exposure, loaded: Bool, liftGate: Double?, policy: ProgressionPolicy, settings: EngineSettings
    ) {
        switch exposure.tolerance(policy: policy, settings: settings) {
        case .tooMuch:
            if evidence.badDays.last != exposure.date { evidence.badDays.append(exposure.date) }
        case .acceptable, .painFree:
            guard loaded, let weight = exposure.weight, weight > 0 else { return }
            if evidence.toleratedLoadedDays.last != exposure.date { evidence.toleratedLoadedDays.append(exposure.date) }
            if let liftGate, weight >= liftGate - 1e-9, evidence.liftGateMetOn == nil { evidence.liftGateMetOn = exposure.date }
        case .notPainFree, .awaitingNextDay, .painNotReported:
            return
        }
    }

    /// A whole session that went well: not stopped, not locked up, pain within the acceptable
    /// maximum during and after, and a next morning that was not worse (and is known).
    static func wentWell(_ workout: Workout, inferred: NextDayResponse? = nil, settings: EngineSettings) -> Bool {
        guard workout.stoppedEarly != true, workout.lockedUp != true, let next = workout.nextDay ?? inferred, next != .worse
        else {
            return false
        }
        return (workout.peakPainDuring ?? 0) <= settings.acceptablePainMax
            && (workout.painAfter ?? 0) <= settings.acceptablePainMax
    }

    /// Without a previous working weight: an estimate from the first load chosen on the exercise's
    /// ladder (or the exercise itself), carried to `id` (`EngineSettings.chosenLoadToWorkingWeight`).
    func provisionalWorkingWeight(for id: ExerciseID, settings: EngineSettings) -> Double? {
        guard let index = catalog.index(of: id) else { return nil }
        let first: Exposure?
        if let place = catalog.ladderPlace[index] {
            first = firstWeightedByLadder[place.ladder]
        } else {
            first = exposuresByIndex[index].first { ($0.weight ?? 0) > 0 }
        }
        guard let first, let weight = first.weight,
            let carried = catalog.equivalentWeight(weight, from: catalog.exercises[first.exerciseIndex].id, to: id)
                ?? (first.exerciseIndex == index ? weight : nil)
        else { return nil }
        return carried * settings.chosenLoadToWorkingWeight
    }

    static func steppedUp(from earlier: Exposure, to later: Exposure) -> Bool {
        if let before = earlier.weight, let after = later.weight, after > before { return true }
        if let before = earlier.weight, let after = later.weight, after == before, let r0 = earlier.amount,
            let r1 = later.amount, r1 > r0
        {
            return true
        }
        if later.weight == nil, let before = earlier.amount, let after = later.amount, after > before { return true }
        return (later.tempo != nil && earlier.tempo == nil) || ((later.pauseSeconds ?? 0) > (earlier.pauseSeconds ?? 0))
    }

    /// When the next-day question went unanswered, a check-in the next morning answers it: at or
    /// below the last check-in before the session, settled; one point above, the same; more, worse.
    struct NextMorning {
        let checkIns: [(day: Day, pain: Int)]

        init(_ c: Case) {
            var list = c.checkIns.indices.map { (day: c.checkIns[$0].date, pain: c.checkIns[$0].pain) }
            if !zip(list, list.dropFirst()).allSatisfy({ $0.day <= $1.day }) { list.sort { $0.day < $1.day } }
            if let pain = c.intake.pain { list.insert((c.intake.date, pain), at: 0) }
            checkIns = list
        }

        func answer(after day: Day) -> NextDayResponse? {
            // The first check-in dated after `day`, found by bisection.
            var low = 0
            var high = checkIns.count
            while low < high {
                let mid = (low + high) / 2
                if checkIns[mid].day <= day { low = mid + 1 } else { high = mid }
            }
            guard low > 0, low < checkIns.count, checkIns[low].day == day.adding(days: 1) else { return nil }
            let change = checkIns[low].pain - checkIns[low - 1].pain
            return change <= 0 ? .settled : change == 1 ? .same : .worse
        }
    }

    func exposures(of id: ExerciseID) -> [Exposure] { catalog.index(of: id).map { exposuresByIndex[$0] } ?? [] }

    func latest(onLadder id: LadderID) -> Exposure? {
        catalog.ladders.firstIndex { $0.id == id }.flatMap { latestByLadder[$0] }
    }
}
