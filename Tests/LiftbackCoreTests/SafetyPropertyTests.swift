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
        /// A check-in the next day with this pain, or none.
        var checkIn: Int? = nil
        var description: String {
            "+\(gap)d pain \(pain)/\(after) \(nextDay?.rawValue ?? "-")\(deviates ? " deviates" : "")\(flag.map { " \($0.rawValue)" } ?? "")\(checkIn.map { " check-in \($0)" } ?? "")"
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

    /// Mostly 1-5 days between sessions, now and then a break of 10, 20, 30 or 40 days.
    static func gap(_ value: Int) -> Int { value <= 22 ? (value - 1) % 5 + 1 : (value - 22) * 10 }

    static let trainingDay = zip(
        Gen.int(in: 1...26), Gen.int(in: 0...10), Gen.int(in: 0...10), Gen.int(in: 0...(nextDays.count - 1)),
        Gen.int(in: 0...9), Gen.int(in: 0...(flags.count - 1))
    ).map { gap, pain, after, next, deviate, flag in
        Day(
            gap: Self.gap(gap), pain: pain < 9 ? pain / 3 : pain, after: min(after, pain), nextDay: nextDays[next],
            deviates: deviate == 0, flag: flags[flag])
    }

    static let day = zip(trainingDay, Gen.int(in: -8...10)).map { day, checkIn in
        var day = day
        day.checkIn = checkIn >= 0 ? checkIn : nil
        return day
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
            if let pain = day.checkIn { c.checkIns.append(CheckIn(date: date.adding(days: 1), pain: pain)) }
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
                let triage = Triage.assess(Fixture.engine.openFlags(for: c))
                #expect(prescription.disposition == triage.disposition)
                guard triage.disposition.stopsLoading else { return }
                #expect((prescription.exercises + prescription.dailyRoutine).allSatisfy { $0.weight == nil })
                #expect(prescription.alerts.contains { $0.id == .redFlag })
            }
        }
    }

    @Test(
        "A prescribed load never rises more than 10 % above the last one, nor twice within seven days; only double progression takes the smallest real step, with reps back at the bottom of the range"
    )
    func loadsNeverJumpPastTheRules() async {
        await propertyCheck(count: 150, input: Self.setup) { setup in
            Self.simulate(setup) { c, prescription in
                for line in prescription.exercises {
                    guard let weight = line.weight, let last = Self.lastWeight(c, line.exercise), last.weight > 0 else {
                        continue
                    }
                    if weight > last.weight * 1.10 + 1e-9 {
                        // The weights that exist cannot make a 5-10 % step: the next one, at the fewest reps.
                        let exercise = Catalog.standard[line.exercise]!
                        let steps = EquipmentAtHand().steps(
                            for: exercise, unit: c.unit, plateIncrement: c.plateIncrement, settings: .standard)
                        #expect(
                            line.rule.rawValue == "double-progression-load" && steps.nextUp(from: last.weight) == weight
                                && (line.reps ?? 99) <= 5,
                            "\(line.exercise): \(weight) after \(last.weight) on \(c.asOf) by \(line.rule): \(line.reasons)")
                    }
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
                    #expect(!line.rule.rawValue.isEmpty && !line.reasons.isEmpty && line.reasons.allSatisfy { !$0.isEmpty })
                }
                #expect(Fixture.engine.nextPrescription(for: c) == prescription)
            }
        }
    }

    /// Every pain number reported (the intake's, check-ins, during and after sessions) on or before `asOf`.
    static func painReports(_ c: Case) -> [(day: LiftbackCore.Day, pain: Int)] {
        var reports: [(day: LiftbackCore.Day, pain: Int)] = c.intake.pain.map { [(c.intake.date, $0)] } ?? []
        reports += c.checkIns.filter { $0.date <= c.asOf }.map { ($0.date, $0.pain) }
        for workout in c.workouts where workout.date <= c.asOf {
            for pain in [workout.peakPainDuring, workout.painAfter].compactMap({ $0 }) { reports.append((workout.date, pain)) }
        }
        return reports
    }

    @Test("Nothing is loaded within 48 hours of pain at or above 7/10, on a check-in or in a session")
    func noLoadAfterSeverePain() async {
        await propertyCheck(count: 150, input: Self.setup) { setup in
            Self.simulate(setup) { c, prescription in
                guard Self.painReports(c).contains(where: { $0.pain >= 7 && $0.day.days(until: c.asOf) <= 2 }) else { return }
                let loaded = (prescription.exercises + prescription.dailyRoutine).filter { $0.weight != nil }
                #expect(loaded.isEmpty, "\(loaded.map(\.exercise)) loaded on \(c.asOf) after severe pain")
            }
        }
    }

    @Test("No lifting phase without reported evidence: tolerated sessions and a recent report before it opened")
    func liftingNeedsEvidence() async {
        await propertyCheck(count: 150, input: Self.setup) { setup in
            Self.simulate(setup) { c, prescription in
                guard prescription.phase.loadsLifts else { return }
                let opened = prescription.phaseSince
                let tolerated = c.workouts.filter {
                    $0.date <= opened && $0.stoppedEarly != true && ($0.peakPainDuring ?? 0) <= 5 && ($0.painAfter ?? 0) <= 5
                        && $0.nextDay != .worse
                }
                #expect(tolerated.count >= 6, "lifting opened on \(opened) after \(tolerated.count) tolerated sessions")
                #expect(
                    Self.painReports(c).contains { $0.day <= opened && $0.day.days(until: opened) <= 7 },
                    "lifting opened on \(opened) without a report in the week before")
            }
        }
    }

    @Test("With nothing reported, the plan waits in the first phase whatever the calendar says")
    func silenceKeepsTheFirstPhase() async {
        await propertyCheck(count: 100, input: zip(Gen.int(in: 0...400), Gen.int(in: 0...2))) { days, pattern in
            let intake = Fixture.day("2026-01-05")
            let c = Case(
                asOf: intake.adding(days: days),
                intake: Intake(
                    date: intake, pattern: PresentationPattern.allCases[pattern],
                    previousWorkingWeights: [WorkingWeight(exercise: "conventional-deadlift", weight: 140, reps: 5)]))
            let prescription = Fixture.engine.nextPrescription(for: c)
            #expect(prescription.phase == .settle && prescription.exercises.allSatisfy { $0.weight == nil })
            if days > 7 { #expect(prescription.alerts.contains { $0.id == .checkInDue }) }
        }
    }

    @Test("The first load after a gap of four weeks or more is at most 70 % of the last")
    func comingBackAfterAGap() async { await Self.comingBack(count: 150) }

    static func comingBack(count: Int) async {
        await propertyCheck(count: count, input: Self.setup) { setup in
            Self.simulate(setup) { c, prescription in
                for line in prescription.exercises {
                    guard let weight = line.weight, let last = Self.lastWeight(c, line.exercise), last.weight > 0,
                        last.date.days(until: c.asOf) >= 28
                    else { continue }
                    // Where no lighter weight exists, the lightest one for at most 70 % of the last reps or
                    // seconds (one at the least: a dose cannot go below one rep or one second).
                    let lastAmount =
                        c.workouts.last { w in w.date == last.date && w.exercises.contains { $0.exercise == line.exercise } }?
                        .exercises.first { $0.exercise == line.exercise }?.sets.compactMap { $0.reps ?? $0.holdSeconds }.min()
                        ?? 0
                    let amount = line.reps ?? line.holdSeconds ?? 0
                    #expect(
                        weight <= last.weight * 0.7 + 1e-9
                            || (weight <= last.weight && Double(amount) <= max(1, Double(lastAmount) * 0.7) + 1e-9),
                        "\(line.exercise): \(weight) x \(amount) after \(last.weight) x \(lastAmount) \(last.date.days(until: c.asOf)) days ago by \(line.rule)"
                    )
                }
            }
        }
    }
}
