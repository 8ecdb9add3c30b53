/// A case's training history up to `asOf`, indexed once: exposures per exercise, the latest rung
/// per ladder and the days that moved something up.
struct History {
    var exposures: [ExerciseID: [Exposure]] = [:]
    /// The latest exposure on each ladder, by ladder id.
    var latestOnLadder: [String: Exposure] = [:]
    var workoutDays: [Day] = []
    /// The last day any exercise stepped up (more weight, more reps or seconds, a harder rung).
    var lastStepUp: Day?

    init(case c: Case, catalog: Catalog) {
        let workouts = c.workouts.filter { $0.date <= c.asOf }.sorted { $0.date < $1.date }
        var highestRung: [String: Int] = [:]
        for workout in workouts {
            workoutDays.append(workout.date)
            for logged in workout.exercises {
                let exposure = Exposure(workout: workout, logged: logged)
                let earlier = exposures[logged.exercise]?.last
                if let earlier, Self.steppedUp(from: earlier, to: exposure) { lastStepUp = max(lastStepUp ?? workout.date, workout.date) }
                exposures[logged.exercise, default: []].append(exposure)
                if let ladder = catalog.ladder(for: logged.exercise), let rung = ladder.index(of: logged.exercise) {
                    if let highest = highestRung[ladder.id], rung > highest { lastStepUp = workout.date }
                    highestRung[ladder.id] = max(highestRung[ladder.id] ?? rung, rung)
                    latestOnLadder[ladder.id] = exposure
                }
            }
        }
    }

    static func steppedUp(from earlier: Exposure, to later: Exposure) -> Bool {
        if let before = earlier.weight, let after = later.weight, after > before { return true }
        if later.weight == nil, let before = earlier.amount, let after = later.amount, after > before { return true }
        return (later.tempo != nil && earlier.tempo == nil) || ((later.pauseSeconds ?? 0) > (earlier.pauseSeconds ?? 0))
    }

    func exposures(of id: ExerciseID) -> [Exposure] { exposures[id] ?? [] }
}
