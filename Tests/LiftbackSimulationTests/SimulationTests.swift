import Foundation
import LiftbackCore
import Testing

@testable import LiftbackSimulation

@Suite("Simulation: determinism and policies")
struct SimulationTests {
    static let small = SimulationConfig(people: 24, weeks: 10, seed: 7, chunkSize: 5, engine: .standard)

    @Test("The same seed gives byte-identical output, concurrent or not; another seed gives other results")
    func determinism() async {
        let first = await Simulation.run(Self.small)
        let second = await Simulation.run(Self.small)
        #expect(first.json() == second.json())
        #expect(first.table() == second.table())
        #expect(Simulation.runSerially(Self.small) == first)
        var other = Self.small
        other.seed = 8
        let different = await Simulation.run(other)
        #expect(different.policies != first.policies)
    }

    @Test("A person is the same person under every policy and every chunking")
    func pairedPeople() {
        let a = Population.person(3, seed: 11, days: 70)
        let b = Population.person(3, seed: 11, days: 70)
        #expect(a == b)
        #expect(Population.person(4, seed: 11, days: 70) != a)
    }

    @Test("The naive app prescribes loads through open flags; Liftback prescribes none")
    func flags() async {
        var config = SimulationConfig(people: 20, weeks: 12, seed: 3, chunkSize: 4, engine: .standard)
        config.parameters.flagChanceOther = 1
        config.parameters.flagChanceDiscRelated = 1
        let report = await Simulation.run(config)
        func summary(_ name: PolicyName) -> PolicySummary { report.policies.first { $0.policy == name.rawValue }! }
        #expect(summary(.naiveLinear).loadsThroughReportedFlag > 0)
        #expect(summary(.seed001).loadsThroughOpenFlag > 0)
        for policy in [PolicyName.liftback, .liftbackPainFree] {
            #expect(summary(policy).loadsThroughReportedFlag == 0)
            #expect(summary(policy).loadsThroughOpenFlag == 0)
        }
    }

    @Test("Options are validated: people, weeks, and policy names (the unknown one is named)")
    func validation() {
        #expect(throws: Never.self) {
            try SimulationConfig.validated(people: 1000, weeks: 20, seed: 1, policies: "liftback,naive-linear", engine: .standard)
                .get()
        }
        #expect(throws: (any Error).self) {
            try SimulationConfig.validated(people: 0, weeks: 20, seed: 1, policies: "liftback", engine: .standard).get()
        }
        #expect(throws: (any Error).self) {
            try SimulationConfig.validated(people: 100_001, weeks: 20, seed: 1, policies: "liftback", engine: .standard).get()
        }
        #expect(throws: (any Error).self) {
            try SimulationConfig.validated(people: 10, weeks: 105, seed: 1, policies: "liftback", engine: .standard).get()
        }
        guard
            case let .failure(error) = SimulationConfig.validated(
                people: 10, weeks: 20, seed: 1, policies: "liftback,yolo", engine: .standard)
        else {
            Issue.record("an unknown policy was accepted")
            return
        }
        #expect(error.description.contains("\"yolo\""))
    }

    @Test("The naive app on an acute back flares far more often than Liftback's graded plan")
    func plausibility() async {
        let report = await Simulation.run(
            SimulationConfig(people: 60, weeks: 12, seed: 5, policies: [.liftback, .naiveLinear], engine: .standard))
        let liftback = report.policies[0]
        let naive = report.policies[1]
        #expect(naive.shareWithFlare > 0.8)
        #expect(naive.flaringSessionsPerPerson > 5 * max(0.01, liftback.flaringSessionsPerPerson))
    }
}

@Suite("Simulation: the back model")
struct BackModelTests {
    @Test("A load well above tolerance flares the back: pain up, worse next day, tolerance down for days")
    func flare() {
        var back = Back(healingDays: 10, acutePain: 5, healing: 1, capacity: 0.9)
        let tolerance = back.tolerance
        let painBefore = back.baselinePain
        var calm = back
        let easy = calm.load(demand: 0.4, loaded: true, noise: (0, 0))
        let hard = back.load(demand: 1.5, loaded: true, noise: (0, 0))
        #expect(!easy.flared)
        #expect(hard.flared)
        #expect(hard.painDuring > easy.painDuring + 3)
        #expect(hard.painAfter > easy.painAfter + 3)
        back.endOfDay(trained: .loaded)
        #expect(back.baselinePain > painBefore + 1, "worse the next day")
        for day in 1...3 {
            #expect(back.tolerance < tolerance * 0.9, "still sensitised on day \(day)")
            back.endOfDay(trained: .unloaded)
        }
        for _ in 0..<28 { back.endOfDay(trained: .unloaded) }
        #expect(back.tolerance > tolerance * 0.9, "settles within weeks")
    }

    @Test("Weeks without loading fade capacity; unloaded work slows the fade; loading near capacity builds it")
    func capacity() {
        let start = Back(healingDays: 10, healing: 1, capacity: 0.9)
        var resting = start
        var unloaded = start
        var loading = start
        for day in 0..<28 {
            resting.endOfDay(trained: .none)
            _ = unloaded.load(demand: 0.15, loaded: false, noise: (0, 0))
            unloaded.endOfDay(trained: .unloaded)
            if day % 2 == 0 {
                _ = loading.load(demand: 0.8, loaded: true, noise: (0, 0))
                loading.endOfDay(trained: .loaded)
            } else {
                loading.endOfDay(trained: .unloaded)
            }
        }
        #expect(resting.capacity < start.capacity - 0.05)
        #expect(unloaded.capacity < start.capacity)
        #expect(unloaded.capacity > resting.capacity)
        #expect(loading.capacity > start.capacity + 0.1)
    }

    @Test("Healing takes longer for disc-related backs than for muscular ones")
    func healing() {
        let people = (0..<120).map { Population.person($0, seed: 2, days: 7) }
        let disc = people.filter { $0.pattern == .discRelated }
        let muscular = people.filter { $0.pattern == .muscular }
        #expect(!disc.isEmpty && !muscular.isEmpty)
        #expect(disc.map(\.healingDays).min()! > muscular.map(\.healingDays).max()!)
        func daysToHeal(_ person: Person) -> Int {
            var back = Back(person: person, parameters: .standard)
            var days = 0
            while back.healing < 1, days < 400 {
                back.endOfDay(trained: .unloaded)
                days += 1
            }
            return days
        }
        #expect(daysToHeal(disc[0]) >= 90)
        #expect(daysToHeal(muscular[0]) <= 56)
    }

    @Test("Pain reports are whole numbers 0-10 and mostly 0 without pain")
    func reports() {
        let back = Back(healingDays: 10, acutePain: 0, healing: 1)
        #expect(back.report(0, noise: 1) == 0)
        #expect(back.report(12, noise: 2) == 10)
        #expect(back.report(-3, noise: -2) == 0)
    }
}

@Suite("Simulation: the Liftback adapter")
struct AdapterTests {
    static let days = 84

    /// Runs people under Liftback and hands each engine call's log and prescription to `check`.
    static func runs(_ people: Range<Int>, check: @escaping (Person, ReportLog, Prescription) -> Void) -> [(Person, ReportLog)] {
        people.map { index in
            let person = Population.person(index, seed: 21, days: days)
            let result = PersonRun.run(person, policy: .liftback, days: days, engine: Engine.standard) { log, prescription in
                check(person, log, prescription)
            }
            return (person, result.log)
        }
    }

    @Test("The engine sees only the person's reports: the case it gets is the intake and reports, nothing more")
    func onlyReports() {
        var calls = 0
        _ = Self.runs(0..<6) { person, log, prescription in
            calls += 1
            let c = log.reports
            #expect(c == ReportLog.rebuild(intake: c.intake, policy: c.policy, unit: c.unit, events: log.events, asOf: c.asOf))
            #expect(c.overrides.isEmpty)
            #expect(c.intake.pattern == person.pattern)
            #expect(c.intake.previousWorkingWeights.map(\.weight) == [person.deadlift, person.squat, person.bench])
            #expect(c.workouts.allSatisfy { $0.date <= c.asOf } && c.checkIns.allSatisfy { $0.date <= c.asOf })
            #expect(c.checkIns.allSatisfy { (0...10).contains($0.pain) })
            #expect(c.workouts.allSatisfy { w in [w.painDuring, w.painAfter].allSatisfy { (0...10).contains($0 ?? 0) } })
            #expect(prescription.asOf == c.asOf)
        }
        #expect(calls > 100)
    }

    @Test("The person does exactly what the engine prescribes, and answers the next day on the previous workout")
    func followsPrescription() {
        var prescriptions: [(Int, Day, Prescription)] = []
        let logs = Self.runs(0..<4) { person, _, prescription in
            prescriptions.append((person.index, prescription.asOf, prescription))
        }
        var answered = 0
        for (index, day, prescription) in prescriptions {
            let log = logs[index].1
            guard let workout = log.reports.workouts.first(where: { $0.date == day }) else {
                Issue.record("no workout logged after the prescription of \(day)")
                continue
            }
            let done = prescription.exercises.filter { $0.decision != .stop }
            #expect(workout.exercises.map(\.exercise) == done.map(\.exercise))
            for (logged, line) in zip(workout.exercises, done) {
                #expect(logged.sets.count == line.sets)
                #expect(logged.sets.allSatisfy { $0.weight == line.weight && $0.reps == (line.reps ?? line.passes) })
            }
            if workout.nextDay != nil { answered += 1 }
        }
        #expect(answered > prescriptions.count / 2)
    }

    @Test("When the engine asks for the movement screen, the next session records all four parts")
    func screens() {
        var screens = 0
        for index in 0..<40 {
            let person = Population.person(index, seed: 4, days: 210)
            var requested: Day?
            let (_, log) = PersonRun.run(person, policy: .liftback, days: 210, engine: Engine.standard) { _, prescription in
                if requested == nil, prescription.alerts.contains(where: { $0.id == .screenNeeded }) {
                    requested = prescription.asOf
                }
            }
            for screen in log.reports.screens {
                screens += 1
                let parts = [screen.toeTouch, screen.squats, screen.plank, screen.walk]
                #expect(parts.allSatisfy { $0 != nil })
                #expect(screen.passed == parts.allSatisfy { $0 == true })
                #expect(requested.map { screen.date > $0 } ?? false)
            }
        }
        #expect(screens > 0)
    }
}
