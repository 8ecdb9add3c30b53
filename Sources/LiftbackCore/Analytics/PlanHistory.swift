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
            return PlanDay(
                day: day, phase: p.phase, disposition: p.disposition, changes: p.recordedChanges.changes,
                repSteps: p.recordedChanges.repSteps,
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
        for line in exercises
        where (line.decision == .progress || line.decision == .regress) && (line.weight != nil || line.lastWeight != nil) {
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
