// Tuning probes for the simulation, run by hand (SIM_PROBE, SIM_TRACE, SIM_TABLE): built only with
// LIFTBACK_PROBES=1, so that `swift test` holds no test that skips itself.
#if LIFTBACK_PROBES
    import Foundation
    import LiftbackCore
    import Testing

    @testable import LiftbackSimulation

    @Test(.enabled(if: ProcessInfo.processInfo.environment["SIM_PROBE"] != nil))
    func probe() {
        let n = Int(ProcessInfo.processInfo.environment["SIM_PROBE"]!) ?? 100
        var endPhase: [String: Int] = [:]
        var endRule: [String: Int] = [:]
        var holdRules: [String: Int] = [:]
        var lift: [String: Int] = [:]
        var shares: [Double] = []
        var lines: [String] = []
        var opened: [String: [Int]] = [:]
        var backs: [String: [Int]] = [:]
        var waits: [String: Int] = [:]
        var groups: [String: (back: Int, all: Int)] = [:]
        for index in 0..<n {
            let person = Population.person(index, seed: 1, days: 140)
            var last: Prescription?
            var weekly: [String] = []
            var openedDay: Int?
            let (outcome, _) = PersonRun.run(person, policy: .liftback, days: 140, engine: Engine.standard) { log, p in
                last = p
                if openedDay == nil, p.phase.loadsLifts { openedDay = person.intakeDay.days(until: p.asOf) }
                if !p.phase.loadsLifts, p.asOf.isoWeekday == 3 {
                    let why =
                        p.alerts.map(\.id.rawValue).joined(separator: ",") + "|" + p.phase.rawValue + "|"
                        + (p.exercises.first?.rule.rawValue ?? "")
                    waits[why, default: 0] += 1
                }
                if let hinge = p.exercises.first(where: {
                    Catalog.standard.ladder(for: $0.exercise)?.id == .hinge && $0.weight != nil
                }) {
                    holdRules[hinge.rule.rawValue, default: 0] += 1
                }
                if p.asOf.isoWeekday == 1 || weekly.isEmpty {
                    let h = p.exercises.first { Catalog.standard.ladder(for: $0.exercise)?.id == .hinge }
                    weekly.append(
                        "\(person.intakeDay.days(until: p.asOf) / 7):\(p.phase.rawValue.prefix(5))/\(h.map { "\($0.weight ?? 0)\($0.rule.rawValue.prefix(12))" } ?? "-")"
                    )
                }
            }
            opened[person.pattern.rawValue, default: []].append((openedDay ?? 999) / 7)
            let group = "\(person.pattern.rawValue) \(person.breaks.isEmpty ? "no-break" : "break")"
            groups[group, default: (0, 0)].all += 1
            if outcome.backDay != nil { groups[group, default: (0, 0)].back += 1 }
            if ProcessInfo.processInfo.environment["SIM_NOTBACK"] != nil, outcome.backDay == nil, person.pattern != .discRelated,
                let p = last
            {
                let hinge = p.exercises.first { Catalog.standard.ladder(for: $0.exercise)?.id == .hinge }
                let carried =
                    hinge.flatMap { h in
                        h.weight.flatMap { Catalog.standard.equivalentWeight($0, from: h.exercise, to: "conventional-deadlift") }
                    } ?? 0
                print(
                    "PROBE notback", index, person.pattern.rawValue, "opened", (openedDay ?? 999) / 7, "breaks",
                    person.breaks.map { $0.count }, "share", Int(100 * carried / person.deadlift), "flares", outcome.flareUps,
                    "screens", outcome.screensPassed, hinge?.rule ?? "-", p.phase.rawValue)
            }
            backs[person.pattern.rawValue, default: []].append((outcome.backDay ?? 999) / 7)
            if let p = last {
                endPhase[p.phase.rawValue, default: 0] += 1
                let hinge = p.exercises.first { Catalog.standard.ladder(for: $0.exercise)?.id == .hinge }
                endRule[hinge?.rule.rawValue ?? "none", default: 0] += 1
                let share = (hinge?.weight ?? 0) / person.deadlift
                shares.append(share)
                lift[p.alerts.map(\.id.rawValue).joined(separator: ","), default: 0] += 1
            }
            if index < 12 {
                lines.append(
                    "\(person.pattern.rawValue) back=\(outcome.backDay.map { String($0 / 7) } ?? "-") flares=\(outcome.flareUps) \(weekly.joined(separator: " "))"
                )
            }
        }
        print("PROBE groups", groups.mapValues { "\($0.back)/\($0.all)" })
        print("PROBE phases", endPhase)
        print("PROBE endRule", endRule.sorted { $0.value > $1.value })
        print("PROBE hingeRules", holdRules.sorted { $0.value > $1.value })
        print("PROBE alerts", lift.sorted { $0.value > $1.value }.prefix(8))
        shares.sort()
        print("PROBE share median", shares[shares.count / 2], "p25", shares[shares.count / 4])
        for line in lines { print("PROBE", line) }
        for (k, v) in opened { print("PROBE opened", k, v.sorted()) }
        for (k, v) in backs { print("PROBE back", k, v.sorted()) }
        print("PROBE waits", waits.sorted { $0.value > $1.value }.prefix(12))
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["SIM_TRACE"] != nil))
    func trace() {
        let index = Int(ProcessInfo.processInfo.environment["SIM_TRACE"]!) ?? 0
        let person = Population.person(index, seed: 1, days: 140)
        print("TRACE", person.pattern, person.deadlift, person.unit, "breaks", person.breaks, "miss", person.missChance)
        let (outcome, log) = PersonRun.run(person, policy: .liftback, days: 140, engine: Engine.standard) { log, p in
            guard p.phase.loadsLifts else { return }
            let h = p.exercises.first { Catalog.standard.ladder(for: $0.exercise)?.id == .hinge }
            print(
                "TRACE", person.intakeDay.days(until: p.asOf), p.asOf.isoWeekday, p.session.rawValue,
                h.map { "\($0.exercise) \($0.weight ?? 0) x\($0.reps ?? 0) \($0.rule.rawValue): \($0.reasons.first ?? "")" }
                    ?? "-")
        }
        print("TRACE back", outcome.backDay as Any, "screens", log.reports.screens.map { "\($0.date) \($0.passed)" })
    }

    /// The whole table from the simulation-only build (`SIM_TABLE=1000`), for tuning without the CLI.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["SIM_TABLE"] != nil))
    func table() async {
        let people = Int(ProcessInfo.processInfo.environment["SIM_TABLE"]!) ?? 1000
        let config = try! SimulationConfig.validated(
            people: people, weeks: 20, seed: 1, policies: "liftback,liftback-pain-free,seed-001,naive-linear", engine: .standard
        ).get()
        print(await Simulation.run(config).table())
    }
#endif
