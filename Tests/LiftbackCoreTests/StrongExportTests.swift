import LiftbackCore
import Testing

@Suite("Taking the sessions back to a lifting app: a Strong CSV the importer reads back unchanged")
struct StrongExportTests {
    let catalog = Catalog.standard

    /// What a Strong export can carry of a workout: weight and repetitions of exercises Strong names,
    /// nothing about pain or the next morning.
    func carried(_ workouts: [Workout]) -> [Workout] {
        workouts.compactMap { workout in
            let exercises: [LoggedExercise] = workout.exercises.compactMap { logged in
                guard TrainingImport.exerciseNames.contains(where: { $0.exercise == logged.exercise }) else { return nil }
                let loaded = catalog[logged.exercise]?.loaded ?? false
                let sets = logged.sets.compactMap { set -> LoggedSet? in
                    let weight = loaded ? set.weight.flatMap { $0 > 0 ? $0 : nil } : nil
                    return weight == nil && set.reps == nil ? nil : LoggedSet(weight: weight, reps: set.reps)
                }
                return sets.isEmpty ? nil : LoggedExercise(exercise: logged.exercise, sets: sets)
            }
            return exercises.isEmpty ? nil : Workout(date: workout.date, exercises: exercises)
        }
    }

    @Test("A round trip in kg and in lb gives back every set, and names what Strong cannot hold", arguments: WeightUnit.allCases)
    func roundTrip(unit: WeightUnit) throws {
        var generator = Lcg(seed: unit == .kg ? 7 : 11)
        let lifts: [ExerciseID] = [
            "conventional-deadlift", "trap-bar-deadlift", "back-squat", "goblet-squat", "bench-press", "hip-thrust",
            "glute-bridge",
        ]
        let workouts: [Workout] = (0..<40).map { index in
            let exercises = (0..<3).map { _ -> LoggedExercise in
                let id = lifts[generator.next(lifts.count)]
                let sets = (0..<(1 + generator.next(4))).map { _ in
                    LoggedSet(
                        weight: Double(4 + generator.next(300)) * 0.25, reps: 1 + generator.next(12), pain: generator.next(6))
                }
                return LoggedExercise(exercise: id, sets: sets)
            }
            return Workout(
                date: Fixture.intakeDay.adding(days: 2 * index),
                exercises: exercises + [LoggedExercise(exercise: "dowel-hip-hinge", sets: [LoggedSet(reps: 10)])],
                painDuring: 2, painAfter: 1, nextDay: .settled)
        }
        let export = StrongCSV.export(workouts, unit: unit, catalog: catalog)
        #expect(export.leftOut == ["dowel-hip-hinge"])
        let read = try TrainingImport.parse(export.csv, unit: unit, catalog: catalog)
        #expect(read.format == "strong" && read.sourceUnit == unit && read.unmatched.isEmpty && read.skippedRows == 0)
        // The importer merges one exercise's sets within a day, as Strong shows them.
        let expected = carried(workouts).map { workout in
            var merged: [LoggedExercise] = []
            for logged in workout.exercises {
                if let index = merged.firstIndex(where: { $0.exercise == logged.exercise }) {
                    merged[index].sets += logged.sets
                } else {
                    merged.append(logged)
                }
            }
            return Workout(date: workout.date, exercises: merged)
        }
        #expect(read.workouts == expected)
    }

    /// A small deterministic generator, so the sweep is the same on every run.
    struct Lcg {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }
}
