/// Rules about entries as they arrive one by one, which a whole case file does not need: what a new
/// intake keeps from the last one, which session still waits for its next-day answer, whether a
/// unit may change, and how a clearance reads against reports written after it.

extension Intake {
    /// This intake, keeping every flag the earlier case still has open: a new intake never drops a
    /// red flag, only a clinician's clearance does.
    public func keepingOpenFlags(of earlier: Case?) -> Intake {
        guard var earlier else {
            var kept = self
            kept.flags = flags.distinctFlags
            return kept
        }
        earlier.asOf = max(date, earlier.intake.date)
        let stillOpen = Set(earlier.openFlags)
        var kept = self
        kept.flags = (flags + earlier.intake.flags.filter(stillOpen.contains)).distinctFlags
        return kept
    }
}

extension Sequence<RedFlag> {
    /// Each flag once, in a stable order: how a report's flags are kept, however often it repeats one.
    public var distinctFlags: [RedFlag] { Array(Set(self)).sorted { $0.rawValue < $1.rawValue } }
}

extension Case {
    /// Whether a logged set or a clinician's load carries a weight. Those are numbers in the case's
    /// unit, so the unit then stays: a new intake in the other unit would read 100 lb as 100 kg.
    public var recordsWeights: Bool {
        workouts.contains { $0.exercises.contains { $0.sets.contains { $0.weight != nil } } }
            || overrides.contains { $0.weight != nil }
    }

    /// Refuses a new intake in another unit once weights are recorded (see `recordsWeights`).
    public func checkUnitChange(to unit: WeightUnit) throws(CaseError) {
        guard unit != self.unit, recordsWeights else { return }
        throw CaseError(
            field: "unit",
            message:
                "stays \(self.unit.rawValue): the sessions already logged are in \(self.unit.rawValue), and changing the unit would misread them"
        )
    }
}

extension Workout {
    /// Whether the session still waits for its next-day answer on `today`: from the day after it
    /// for `EngineSettings.nextDayAnswerDays` days.
    public func awaitsNextDayAnswer(today: Day, settings: EngineSettings) -> Bool {
        nextDay == nil && date < today && date >= today.adding(days: -settings.nextDayAnswerDays)
    }
}

/// A report of red flags as written: on which day, and when in the order of writes.
public struct FlagReport: Sendable {
    /// A number that grows with each write (an id or a sequence number).
    public var written: Int64
    public var date: Day
    public var flags: [RedFlag]

    public init(written: Int64, date: Day, flags: [RedFlag]) {
        self.written = written
        self.date = date
        self.flags = flags
    }
}

extension Clearance {
    /// The clearances as they stand against reports written after them.
    ///
    /// A report of a flag written after a clinician's clearance of it, but dated on or before the
    /// clearance (later the same day, back-filled, or added to an older workout), would pass unseen:
    /// a case counts days only, and a clearance covers every report up to its date (contract
    /// section 2). A store knows the order of writes, so the clearance is taken to cover only the
    /// days before such a report: the flag is open again, and the clinician reviews it again.
    ///
    /// - Parameters:
    ///   - clearances: the clearances, in any order.
    ///   - written: when each clearance was written, by index.
    ///   - reports: every report of flags with when it was written.
    public static func reopened(_ clearances: [Clearance], written: [Int64], reports: [FlagReport]) -> [Clearance] {
        var clearances = clearances
        for report in reports where !report.flags.isEmpty {
            for index in clearances.indices
            where written[index] < report.written && clearances[index].date >= report.date
                && report.flags.contains(clearances[index].flag)
            {
                clearances[index].date = min(clearances[index].date, report.date.adding(days: -1))
            }
        }
        return clearances
    }
}
