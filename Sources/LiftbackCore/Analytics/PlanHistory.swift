/// What the plan said on a day, decided that morning from what had been reported before it.
public struct PlanDay: Sendable, Equatable {
    public var day: Day
    public var phase: Phase
    public var disposition: Disposition
    /// The loaded lifts that stepped up or back that day, with why, in a clinician's words (lifts
    /// that changed for the same reason named together).
    public var changes: [String]
    /// The lifts that took a rep more at the same load (double progression).
    public var repSteps: [String] = []
    /// Why loading stopped, when it did, in a clinician's words.
    public var stopped: String?
}

extension Case {
    /// The case as it stood on the morning of `day`: sessions logged before it, and the check-ins,
    /// screens, questionnaires, clinician changes and reviews dated up to it.
    public func known(on day: Day) -> Case {
        var c = self
        c.asOf = day
        c.workouts = workouts.filter { $0.date < day }
        c.checkIns = checkIns.filter { $0.date <= day }
        c.screens = screens.filter { $0.date <= day }
        c.questionnaires = questionnaires.filter { $0.date <= day }
        c.overrides = overrides.filter { $0.date <= day }
        c.clearances = clearances.filter { $0.date <= day }
        return c
    }
}

extension Engine {
    /// The plan on each day a session was logged in the last `days` days, and today's, oldest first:
    /// the decisions of the last weeks with their reasons, as a report for the clinical record shows
    /// them. Each is the engine's decision from what was known that morning, so it reads as the
    /// person read it then (with this version of the rules).
    public func recentDecisions(_ c: Case, days: Int) -> [PlanDay] {
        let from = c.asOf.adding(days: -days)
        let sessionDays = Set(c.workouts.map(\.date) + [c.asOf]).filter { $0 > from && $0 <= c.asOf && $0 >= c.intake.date }
        return sessionDays.sorted().map { day in
            let p = nextPrescription(for: c.known(on: day))
            let recorded = p.recordedChanges
            return PlanDay(
                day: day, phase: p.phase, disposition: p.disposition, changes: recorded.changes, repSteps: recorded.repSteps,
                stopped: p.disposition.stopsLoading ? CaseStatus.classify(p).reason : nil)
        }
    }
}

extension Prescription {
    /// The day's changes for the clinical record, short enough for one page: each step up or back
    /// of a loaded lift in a clinician's words, lifts that changed for the same reason named
    /// together; apart, the lifts whose reps rose at an unchanged load (double progression).
    public var recordedChanges: (changes: [String], repSteps: [String]) {
        var groups: [(words: String, names: [String])] = []
        var repSteps: [String] = []
        for line in movedLines(loadedOnly: true) {
            if line.decision == .progress, line.lever == .reps {
                repSteps.append(line.name)
                continue
            }
            let words = line.forClinician ?? line.reasons.first.map { $0.prefix(1).lowercased() + $0.dropFirst() } ?? ""
            if let index = groups.firstIndex(where: { $0.words == words }) {
                groups[index].names.append(line.name)
            } else {
                groups.append((words, [line.name]))
            }
        }
        return (groups.map { "\(Words.list($0.names)): \($0.words)" }, repSteps)
    }
}

/// One version of the plan: what changed in it on a day, who changed it, and why (issue 10:
/// versioned plans). The engine's versions come from the sessions reported; a clinician's from
/// their changes to the plan.
public struct PlanVersion: Sendable, Equatable {
    public enum Author: Sendable, Equatable {
        /// The engine, from what was reported up to that morning (the last session's day, if any).
        case engine(lastSession: Day?)
        /// A clinician, by the name the person reads.
        case clinician(String)
    }

    /// One exercise (or the phase) before and after; `before` is nil for something new.
    public struct Line: Sendable, Equatable {
        public var what: String
        public var before: String?
        public var after: String
        public var why: String?

        public init(what: String, before: String?, after: String, why: String?) {
            (self.what, self.before, self.after, self.why) = (what, before, after, why)
        }
    }

    public var day: Day
    public var author: Author
    public var lines: [Line]
}

extension Engine {
    /// The plan's versions in the last `days` days, newest first: on each day a session was logged,
    /// a clinician changed the plan, and today, the exercises whose dose differs from the last time
    /// they were prescribed (and those new to the plan: a phase opened, a ladder's next variation),
    /// and a phase that moved. Each dose
    /// is the plan as decided that morning from what was known then.
    public func planVersions(_ c: Case, days: Int) -> [PlanVersion] {
        let from = c.asOf.adding(days: -days)
        let window = { (day: Day) in day > from && day <= c.asOf && day >= c.intake.date }
        let changeDays = Set(c.workouts.map(\.date) + c.overrides.map(\.date) + [c.asOf]).filter(window)
        // The week before the window sets what each exercise was, so that the first day in it
        // shows changes, not every exercise as new.
        let seedDays = (0..<7).map { from.adding(days: -$0) }.filter { $0 >= c.intake.date }.reversed()
        // An exercise on a ladder is its ladder's place: the next variation reads as a change of it.
        // Per kind of session: the lower-body day's core exercise is not the upper-body day's.
        func place(_ id: ExerciseID, _ session: SessionKind) -> String {
            "\(session.rawValue) " + (catalog.ladder(for: id).map { "ladder \($0.id.rawValue)" } ?? id.rawValue)
        }
        var lastDose: [ExerciseID: String] = [:]  // the exercise's own, for a clinician's load
        var last: [String: (name: String, dose: String)] = [:]
        var phase: Phase?
        for day in seedDays {
            let p = nextPrescription(for: c.known(on: day))
            phase = p.phase
            for line in p.exercises {
                last[place(line.exercise, p.session)] = (line.name, line.describe())
                lastDose[line.exercise] = line.describe()
            }
        }
        var versions: [PlanVersion] = []
        for day in changeDays.sorted() {
            let p = nextPrescription(for: c.known(on: day))
            let overrides = c.overrides.filter { $0.date == day }
            var engine: [PlanVersion.Line] = []
            var clinician: [PlanVersion.Line] = []
            let phaseSet = overrides.contains { $0.kind == .phase && $0.phase == p.phase }
            if let before = phase, before != p.phase {
                let line = PlanVersion.Line(
                    what: "Phase", before: before.title, after: p.phase.title,
                    why: phaseSet ? overrides.first { $0.kind == .phase }?.note : p.reasons.first)
                if phaseSet { clinician.append(line) } else { engine.append(line) }
            }
            phase = p.phase
            for override in overrides where override.kind == .swap {
                guard let from = override.exercise, let to = override.replacement else { continue }
                clinician.append(
                    .init(
                        what: catalog[from]?.name ?? from.rawValue, before: catalog[from]?.name ?? from.rawValue,
                        after: "swapped for \(catalog[to]?.name ?? to.rawValue)", why: override.note))
            }
            for override in overrides where override.kind == .load {
                guard let exercise = override.exercise, let weight = override.weight else { continue }
                clinician.append(
                    .init(
                        what: catalog[exercise]?.name ?? exercise.rawValue, before: lastDose[exercise],
                        after: "next load \(formatWeight(weight)) \(c.unit.rawValue)", why: override.note))
            }
            for override in overrides where override.kind == .note {
                clinician.append(.init(what: "Note to the person", before: nil, after: override.note ?? "", why: nil))
            }
            for line in p.exercises {
                let dose = line.describe()
                let before = last[place(line.exercise, p.session)]
                last[place(line.exercise, p.session)] = (line.name, dose)
                lastDose[line.exercise] = dose
                // A load the clinician set is their version, said above on the day they set it.
                guard before?.dose != dose || before?.name != line.name, line.rule != .clinicianLoad else { continue }
                engine.append(
                    .init(
                        what: line.name, before: before.map { $0.name == line.name ? $0.dose : "\($0.name), \($0.dose)" },
                        after: dose, why: line.forClinician ?? line.reasons.first))
            }
            if !clinician.isEmpty {
                let name = overrides.compactMap(\.by).first ?? "A clinician"
                versions.append(PlanVersion(day: day, author: .clinician(name), lines: clinician))
            }
            if !engine.isEmpty {
                let lastSession = c.workouts.map(\.date).filter { $0 < day }.max()
                versions.append(PlanVersion(day: day, author: .engine(lastSession: lastSession), lines: engine))
            }
        }
        return versions.reversed()
    }
}
