/// The logged sessions as a Strong export (the semicolon-separated layout with a unit on each row),
/// to take the training back to a lifting app: exactly what `TrainingImport.parse` reads back, so a
/// file written here and imported again gives the same workouts (a round-trip test holds it).
///
/// Strong has no place for pain, the next-day answer or Liftback's own exercises: sets with a weight
/// or repetitions of exercises Strong names (`TrainingImport.exerciseNames`) are written, one row a
/// set; everything else is left out and named in `leftOut`.
public enum StrongCSV {
    public static let header =
        "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes"

    public struct Export: Sendable, Equatable {
        public var csv: String
        /// Logged exercises Strong has no name for, by catalogue id, once each.
        public var leftOut: [ExerciseID]
    }

    /// The name Strong gives each exercise: the first of its known names.
    static let names: [ExerciseID: String] = Dictionary(
        TrainingImport.exerciseNames.compactMap { entry in entry.names.first.map { (entry.exercise, $0) } },
        uniquingKeysWith: { first, _ in first })

    public static func export(_ workouts: [Workout], unit: WeightUnit, catalog: Catalog) -> Export {
        var lines = [header]
        var leftOut: [ExerciseID] = []
        for workout in workouts.sorted(by: { $0.date < $1.date }) {
            for logged in workout.exercises {
                guard let name = names[logged.exercise] else {
                    if !leftOut.contains(logged.exercise) { leftOut.append(logged.exercise) }
                    continue
                }
                // A weight on an unloaded exercise (a bodyweight squat) is not one Strong would keep either.
                let loaded = catalog[logged.exercise]?.loaded ?? false
                let sets = logged.sets.filter { (loaded && ($0.weight ?? 0) > 0) || $0.reps != nil }
                for (index, set) in sets.enumerated() {
                    let weight = loaded ? set.weight.flatMap { $0 > 0 ? formatWeight($0) : nil } ?? "" : ""
                    let reps = set.reps.map(String.init) ?? ""
                    lines.append(
                        "\(workout.date) 12:00:00;\"Liftback\";\"\(name)\";\(index + 1);\(weight);\(weight.isEmpty ? "" : unit.rawValue);\(reps);;;;0;\"\";\"\""
                    )
                }
            }
        }
        return Export(csv: lines.joined(separator: "\n") + "\n", leftOut: leftOut)
    }
}
