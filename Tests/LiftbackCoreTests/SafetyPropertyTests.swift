import LiftbackCore
import PropertyBased
import Testing

/// Safety invariants over generated histories. Each history follows the engine: on every training
/// day the person asks for the next prescription, lifts what it says (or, now and then, something
/// else), and reports pain and the next day as the generator decides.
@Suite("Safety invariants (property tests)")
struct SafetyPropertyTests {
    /// One generated training day: gap since the last one, pain during and after, next-day answer,
    /// whether the person ignores the prescription, and a red flag now and then.
    struct Day: Sendable, CustomStringConvertible {
        var gap: Int
        var pain: Int
        var after: Int
        var nextDay: NextDayResponse?
        var deviates: Bool
        var flag: RedFlag?
        var description: String {
            "+\(gap)d pain \(pain)/\(after) \(nextDay?.rawValue ?? "-")\(deviates ? " deviates" : "")\(flag.map { " \($0.rawValue)" } ?? "")"
        }
    }

    struct Setup: Sendable, CustomStringConvertible {
        var previous: Int
        var unit: WeightUnit
        var policy: ProgressionPolicy
        var screen: Bool
        var clearFlags: Bool
        var days: [Day]
        var description: String { "\(previous) \(unit) \(policy.rawValue) screen:\(screen) clear:\(clearFlags) \(days)" }
    }

    static let nextDays: [NextDayResponse?] = [.settled, .settled, .settled, .settled, .same, .worse, nil]
    static let flags: [RedFlag?] = [
        nil, nil, nil, nil, nil, nil, nil, nil, .radiatingLegPain, .saddleNumbness, .fever, .ageOver50,
    ]

    static let day = zip(
        Gen.int(in: 1...5), Gen.int(in: 0...10), Gen.int(in: 0...10), Gen.int(in: 0...(nextDays.count - 1)),
        Gen.int(in: 0...9), Gen.int(in: 0...(flags.count - 1))
    ).map { gap, pain, after, next, deviate, flag in
        Day(
            gap: gap, pain: pain < 9 ? pain / 3 : pain, after: min(after, pain), nextDay: nextDays[next], deviates: deviate == 0,
            flag: flags[flag])
    }

    static let setup = zip(
        Gen.int(in: 40...260), Gen.bool, Gen.bool, Gen.bool, Gen.bool, day.array(of: 1...40)
    ).map { previous, pounds, painFree, screen, clear, days in
        Setup(
            previous: previous, unit: pounds ? .lb : .kg, policy: painFree ? .painFree : .painMonitoring, screen: screen,
            clearFlags: clear, days: days)
    }

    /// Replays a setup, checking `check` before each training day and at the end.
    static func simulate(_ setup: Setup, check: (Case, Prescription) -> Void) {
        let intake = Fixture.day("2026-01-05")
        var c = Case(
            asOf: intake, policy: setup.policy, unit: setup.unit,
            intake: Intake(
                date: intake, pattern: .muscular,
                previousWorkingWeights: [
                    WorkingWeight(exercise: "conventional-deadlift", weight: Double(setup.previous), reps: 5),
                    WorkingWeight(exercise: "back-squat", weight: Double(setup.previous) * 0.8, reps: 5),
                    WorkingWeight(exercise: "bench-press", weight: Double(setup.previous) * 0.6, reps: 5),
                ]),
            screens: setup.screen ? [MovementScreen(date: intake.adding(days: 30), passed: true)] : [])
        var date = intake.adding(days: 24)
        for day in setup.days {
            date = date.adding(days: day.gap)
            c.asOf = date
            let prescription = Fixture.engine.nextPrescription(for: c)
            check(c, prescription)
            let exercises = prescription.exercises.filter { $0.decision != .stop }.map { line -> LoggedExercise in
                var weight = line.weight ?? (Catalog.standard[line.exercise]?.loaded == true ? 20 : nil)
                if day.deviates, let chosen = weight { weight = chosen * 1.9 }
                let set = LoggedSet(
                    weight: weight, reps: line.reps, holdSeconds: line.holdSeconds ?? line.minutes, tempo: line.tempo,
                    pauseSeconds: line.pauseSeconds)
                return LoggedExercise(exercise: line.exercise, sets: Array(repeating: set, count: line.sets))
            }
            c.workouts.append(
                Workout(
                    date: date, exercises: exercises, painDuring: day.pain, painAfter: day.after, nextDay: day.nextDay,
                    flags: day.flag.map { [$0] } ?? []))
            if setup.clearFlags, let flag = day.flag {
                c.clearances.append(Clearance(flag: flag, date: date.adding(days: 3)))
            }
        }
        c.asOf = date.adding(days: 1)
        check(c, Fixture.engine.nextPrescription(for: c))
    }

    static func lastWeight(_ c: Case, _ exercise: ExerciseID) -> (weight: Double, date: LiftbackCore.Day)? {
        for workout in c.workouts.reversed() where workout.date <= c.asOf {
            if let logged = workout.exercises.first(where: { $0.exercise == exercise }) {
                return logged.sets.compactMap(\.weight).max().map { ($0, workout.date) }
            }
        }
        return nil
    }

    @Test("No loaded exercise is ever prescribed while an emergency, urgent or clinician flag is open")
    func noLoadingWithOpenStopFlag() async {
        await propertyCheck(count: 150, input: Self.setup) { setup in
            Self.simulate(setup) { c, prescription in
                let triage = Triage.assess(c.openFlags)
                #expect(prescription.disposition == triage.disposition)
                guard triage.disposition.stopsLoading else { return }
                #expect((prescription.exercises + prescription.dailyRoutine).allSatisfy { $0.weight == nil })
                #expect(prescription.alerts.contains { $0.id == "red-flag" })
            }
        }
    }

    @Test("A prescribed load never rises more than 10 % above the last one, nor twice within seven days")
    func loadsNeverJumpPastTheRules() async {
        await propertyCheck(count: 150, input: Self.setup) { setup in
            Self.simulate(setup) { c, prescription in
                for line in prescription.exercises {
                    guard let weight = line.weight, let last = Self.lastWeight(c, line.exercise), last.weight > 0 else {
                        continue
                    }
                    #expect(
                        weight <= last.weight * 1.10 + 1e-9,
                        "\(line.exercise): \(weight) after \(last.weight) on \(c.asOf) by \(line.rule): \(line.reasons)")
                    if weight > last.weight {
                        // Everything lifted on this exercise in the past week was at the last weight.
                        let recent = c.workouts.filter { $0.date > c.asOf.adding(days: -7) && $0.date <= c.asOf }
                            .flatMap { $0.exercises.filter { $0.exercise == line.exercise } }
                            .compactMap { $0.sets.compactMap(\.weight).max() }
                        #expect(recent.allSatisfy { $0 == last.weight }, "\(line.exercise) stepped twice in a week on \(c.asOf)")
                    }
                }
            }
        }
    }

    @Test("No load reaches 90 % of the previous working weight without a passed movement screen")
    func screenBeforeNinetyPercent() async {
        await propertyCheck(count: 150, input: Self.setup) { setup in
            Self.simulate(setup) { c, prescription in
                guard !c.screenPassed else { return }
                let baseline = Baseline.lifts(for: c.intake, unit: c.unit)
                for line in prescription.exercises {
                    guard let weight = line.weight,
                        let previous = Baseline.carried(to: line.exercise, from: baseline, catalog: .standard)
                    else { continue }
                    #expect(weight < previous.weight * 0.9, "\(line.exercise) at \(weight) of \(previous.weight) on \(c.asOf)")
                }
            }
        }
    }

    @Test("Every decision names its rule and gives a reason; the engine is deterministic")
    func explainedAndDeterministic() async {
        await propertyCheck(count: 60, input: Self.setup) { setup in
            Self.simulate(setup) { c, prescription in
                for line in prescription.exercises + prescription.dailyRoutine {
                    #expect(!line.rule.isEmpty && !line.reasons.isEmpty && line.reasons.allSatisfy { !$0.isEmpty })
                }
                #expect(Fixture.engine.nextPrescription(for: c) == prescription)
            }
        }
    }
}
