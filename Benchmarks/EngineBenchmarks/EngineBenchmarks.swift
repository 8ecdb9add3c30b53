import Benchmark
import Foundation
import LiftbackCore

/// A case that has trained three times a week for `weeks` weeks, following the engine's own
/// prescriptions with ordinary pain reports and check-ins, as a real history would look.
func history(weeks: Int, liftsOnly: Bool = false) -> Case {
    let intake = Day(iso: "2024-01-01")!
    var c = Case(
        asOf: intake,
        intake: Intake(
            date: intake, pattern: .muscular,
            previousWorkingWeights: [
                WorkingWeight(exercise: "conventional-deadlift", weight: 140, reps: 5),
                WorkingWeight(exercise: "back-squat", weight: 110, reps: 5),
                WorkingWeight(exercise: "bench-press", weight: 80, reps: 5),
            ]),
        screens: [MovementScreen(date: intake.adding(days: 60), passed: true)])
    let engine = Engine.standard
    for week in 0..<weeks {
        for offset in [0, 2, 4] {
            let date = intake.adding(days: 21 + week * 7 + offset)
            c.asOf = date
            let prescription = engine.nextPrescription(for: c)
            let logged = prescription.exercises.filter { $0.decision != .stop && (!liftsOnly || $0.weight != nil) }.map { line in
                LoggedExercise(
                    exercise: line.exercise,
                    sets: Array(
                        repeating: LoggedSet(weight: line.weight, reps: line.reps, holdSeconds: line.holdSeconds),
                        count: line.sets))
            }
            let pain = (week * 3 + offset) % 7 == 0 ? 6 : 2 + (week + offset) % 3
            c.workouts.append(
                Workout(
                    date: date, exercises: logged, painDuring: pain, painAfter: max(0, pain - 1),
                    nextDay: pain > 5 ? .worse : .settled))
            c.checkIns.append(CheckIn(date: date.adding(days: 1), pain: max(0, pain - 2), stiffnessMinutes: 10))
        }
    }
    c.asOf = c.asOf.adding(days: 3)
    return c
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(3))
    for weeks in [13, 26, 52, 104] {
        let c = history(weeks: weeks)
        let engine = Engine.standard
        Benchmark("next prescription, \(weeks) weeks of history (\(c.workouts.count) sessions)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(engine.nextPrescription(for: c))
            }
        }
    }
    // Reading a case (docs/performance.md, "Reading a case"): a case file as the command line reads
    // it (checked for unknown fields and limits), Foundation's decoder alone on the same text for
    // the ratio, and a case's entries one by one as the server reads them from its database.
    for weeks in [52, 104] {
        let c = history(weeks: weeks)
        let file = Data(LiftbackJSON.encode(c, pretty: false).utf8)
        Benchmark("case file read and checked, \(weeks) weeks (\(file.count / 1000) kB)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try Case.decode(from: file, catalog: .standard))
            }
        }
        Benchmark("case file, Foundation's JSONDecoder alone, \(weeks) weeks") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try JSONDecoder().decode(Case.self, from: file))
            }
        }
        let workouts = c.workouts.map { LiftbackJSON.encode($0, pretty: false) }
        let checkIns = c.checkIns.map { LiftbackJSON.encode($0, pretty: false) }
        Benchmark("stored entries one by one, \(weeks) weeks (\(workouts.count + checkIns.count) entries)") { benchmark in
            for _ in benchmark.scaledIterations {
                for text in workouts { blackHole(try LiftbackJSON.decode(Workout.self, fromStored: text)) }
                for text in checkIns { blackHole(try LiftbackJSON.decode(CheckIn.self, fromStored: text)) }
            }
        }
    }
    // The usual logger: only the loaded lifts of each session, with check-ins.
    let lifts = history(weeks: 104, liftsOnly: true)
    Benchmark("next prescription, 104 weeks, loaded lifts only (\(lifts.workouts.count) sessions)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(Engine.standard.nextPrescription(for: lifts))
        }
    }
}
