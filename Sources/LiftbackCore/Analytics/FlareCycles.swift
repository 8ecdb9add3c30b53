/// Flare-up cycles (seed 004): flare -> rest -> relief -> return -> re-aggravation, repeated.
public enum FlareCycles {
    /// One flare that was rested off and came back after training resumed.
    public struct Cycle: Sendable, Equatable {
        public var flare: Day
        public var restDays: Int
        public var returned: Day
        public var reflare: Day
    }

    /// Finds cycles in the window before `asOf`: a flare, a gap in training of at least `restGapDays`,
    /// a return to training, and another flare after that return.
    public static func detect(flareDays: [Day], workoutDays: [Day], asOf: Day, settings: EngineSettings) -> [Cycle] {
        let windowStart = asOf.adding(days: -settings.flareCycleWindowDays)
        let flares = flareDays.filter { $0 >= windowStart && $0 <= asOf }
        let trainingDays = workoutDays.filter { $0 <= asOf }.sorted().uniqueSorted()
        var cycles: [Cycle] = []
        var index = 0
        while index < flares.count {
            let flare = flares[index]
            // The next training day after the flare.
            guard let returned = trainingDays.first(where: { $0 > flare }) else { break }
            let rest = flare.days(until: returned)
            guard rest >= settings.restGapDays else {
                index += 1
                continue
            }
            guard let reflare = flares.first(where: { $0 >= returned }) else { break }
            cycles.append(Cycle(flare: flare, restDays: rest, returned: returned, reflare: reflare))
            index = flares.firstIndex(of: reflare) ?? flares.count
        }
        return cycles
    }
}
