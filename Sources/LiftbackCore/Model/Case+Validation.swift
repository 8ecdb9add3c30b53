import Foundation

/// The ranges every input must respect; the API and the command line share them.
public enum InputLimits {
    public static let pain = 0...10
    /// An adult's age in years, as the intake asks it (only "over 50" is kept, as a weak flag).
    public static let age = 16...110
    public static let rpe = 0.0...10.0
    public static let reps = 0...1000
    public static let seconds = 0...36_000
    /// Morning stiffness, in minutes: at most a whole day.
    public static let stiffnessMinutes = 0...1_440
    /// The longest note a clinician can leave, in characters (the page's field reads it; a longer one is refused, never cut).
    public static let noteLength = 500
    /// The smallest load change a person can make, in their unit.
    public static let plateIncrement = 0.1...50.0
    /// Reps of a previous working weight: a set of 1 to 30 is a working set; more is endurance work.
    public static let workingReps = 1...30
    /// Exercises in one session, and sets of one exercise in it: more is an export or typing error
    /// (a long day in a lifting app's export stays well inside both).
    public static let exercisesPerWorkout = 40
    public static let setsPerExercise = 100
    /// The most weights one list of equipment holds: a full rack of bells is about 20.
    public static let equipmentItems = 40
    /// A bar's own weight: from a light technique bar to the heaviest trap bars.
    public static func barWeight(_ unit: WeightUnit) -> ClosedRange<Double> { unit == .kg ? 2...40 : 5...90 }
    /// The longest time zone name taken (the longest in the tz database is about half of it).
    public static let timeZoneLength = 64
    /// How far back an entry a phone kept while it had no signal may still be saved on its own day.
    public static let keptEntryDays = 7

    /// The day an entry a phone kept while it had no signal is saved on: its own day, from
    /// `keptEntryDays` back up to `EntryValidation.daysAhead` ahead (a phone's clock ahead of the
    /// server's); `nil` outside, where the person is asked to check it and save it for today.
    public static func keptDay(_ kept: Day, today: Day) -> Day? {
        kept <= today.adding(days: EntryValidation.daysAhead) && kept >= today.adding(days: -keptEntryDays) ? kept : nil
    }
    /// Loads above this (in kg) are typing errors, not lifts: the heaviest deadlift ever pulled
    /// is about 500 kg, and the real exports' heaviest set is 245 kg.
    public static let maxWeightKg = 500.0
    /// Minutes of a timed exercise in one set (a walk, the bike): ten hours is already a typing error.
    public static let minutes = 0...600

    /// Whether text keeps to `characters` as a person counts them, and to four Unicode scalars a
    /// character as stored: one letter with 400,000 accents on it is one character, and 800 KB.
    public static func fits(_ text: some StringProtocol, characters: Int) -> Bool {
        text.count <= characters && text.unicodeScalars.count <= 4 * characters
    }

    /// A clinician's note past `noteLength`, an override's or a review's, refused in one wording.
    static func noteTooLong(_ field: String) -> CaseError {
        CaseError(field: field, message: "is longer than \(noteLength) characters")
    }

    /// The heaviest load accepted, in `unit`.
    /// In another unit, down to a round ten (1,100 lb, never "1102.31 lb").
    public static func maxWeight(in unit: WeightUnit) -> Double {
        (WeightUnit.kg.convert(maxWeightKg, to: unit) / 10).rounded(.down) * 10
    }

    /// The lightest load above nothing: the smallest plate made (a quarter kilogram, half a pound).
    /// Anything lighter is a typing error, and would round to nothing on every page.
    public static func minWeight(in unit: WeightUnit) -> Double { unit == .kg ? 0.25 : 0.5 }
}

extension Case {
    /// Checks every field against the catalogue and the input limits.
    ///
    /// - Throws: `CaseError` naming the first field at fault.
    public func validate(catalog: Catalog) throws(CaseError) {
        try EntryValidation.plateIncrement(plateIncrement, unit: unit)
        guard asOf >= intake.date else {
            throw CaseError(field: "asOf", message: "\(asOf) is before the intake date \(intake.date)")
        }
        try intake.validate(field: "intake", catalog: catalog, unit: unit)
        if let equipment { try EntryValidation.equipment(equipment, unit: unit) }
        for (index, workout) in workouts.enumerated() {
            try workout.validate(field: "workouts[\(index)]", catalog: catalog, unit: unit)
        }
        for (index, checkIn) in checkIns.enumerated() {
            try checkRange(checkIn.pain, InputLimits.pain, "checkIns[\(index)].pain")
            try checkRange(
                checkIn.stiffnessMinutes, InputLimits.stiffnessMinutes, "checkIns[\(index)].stiffnessMinutes", unit: "minutes")
        }
        for (index, override) in overrides.enumerated() {
            try override.validate(field: "overrides[\(index)]", catalog: catalog, unit: unit)
        }
        for (index, screen) in screens.enumerated() {
            try screen.validate(field: "screens[\(index)]")
        }
        for (index, entry) in questionnaires.enumerated() {
            do {
                _ = try entry.instrument.score(entry.answers)
            } catch {
                throw CaseError(field: "questionnaires[\(index)].answers", message: error.description)
            }
        }
        if let equipment { try EntryValidation.equipment(equipment, unit: unit) }
    }
}

extension MovementScreen {
    /// Refuses a screen whose parts contradict `passed`, naming the part.
    func validate(field: @autoclosure () -> String) throws(CaseError) {
        if let contradiction { throw CaseError(field: join(field(), contradiction.field), message: contradiction.message) }
    }
}

/// A field path under a parent: `workouts[0]` + `painDuring`, or just the child at the top. Paths
/// are passed as autoclosures and written only for an error: a long case is checked without them.
func join(_ parent: String, _ child: String) -> String { parent.isEmpty ? child : "\(parent).\(child)" }

/// - Parameter unit: what the numbers count ("seconds"), said after the range.
func checkRange<T: Comparable>(
    _ value: T?, _ range: ClosedRange<T>, _ field: @autoclosure () -> String, unit: String? = nil
) throws(CaseError) {
    guard let value, !range.contains(value) else { return }
    throw CaseError(
        field: field(), message: "\(value) is outside \(range.lowerBound)-\(range.upperBound)\(unit.map { " " + $0 } ?? "")")
}

func checkExercise(_ id: ExerciseID?, _ catalog: Catalog, _ field: @autoclosure () -> String) throws(CaseError) {
    guard let id, !catalog.contains(id) else { return }
    throw CaseError(field: field(), message: "unknown exercise \(Words.quoted(id.rawValue)) (see `liftback catalog`)")
}

func checkWeight(_ weight: Double?, _ unit: WeightUnit, _ field: @autoclosure () -> String, positive: Bool = false)
    throws(CaseError)
{
    guard let weight else { return }
    var lightest: String { "\(formatWeight(InputLimits.minWeight(in: unit))) \(unit.rawValue)" }
    var heaviest: String { "\(formatWeight(InputLimits.maxWeight(in: unit))) \(unit.rawValue)" }
    guard weight.isFinite, weight >= 0, weight <= InputLimits.maxWeight(in: unit) else {
        throw CaseError(field: field(), message: "must be between \(positive ? lightest : "0") and \(heaviest)")
    }
    if weight == 0, !positive { return }
    guard weight >= InputLimits.minWeight(in: unit) else {
        throw CaseError(field: field(), message: positive ? "must be at least \(lightest)" : "must be 0 or at least \(lightest)")
    }
}

extension Intake {
    func validate(field: @autoclosure () -> String, catalog: Catalog, unit: WeightUnit) throws(CaseError) {
        try checkRange(pain, InputLimits.pain, join(field(), "pain"))
        for (index, entry) in previousWorkingWeights.enumerated() {
            func entryField() -> String { join(field(), "previousWorkingWeights[\(index)]") }
            try checkExercise(entry.exercise, catalog, "\(entryField()).exercise")
            try entry.validate(field: entryField(), unit: unit)
        }
        for (index, workout) in (trainingHistory ?? []).enumerated() {
            try workout.validate(field: join(field(), "trainingHistory[\(index)]"), catalog: catalog, unit: unit)
        }
    }
}

extension WorkingWeight {
    /// The weight and reps against the input limits, in `unit` (the exercise is the catalogue's question).
    ///
    /// - Throws: `CaseError` naming `weight` or `reps` under `field`.
    public func validate(field: @autoclosure () -> String = "", unit: WeightUnit) throws(CaseError) {
        try checkWeight(weight, unit, join(field(), "weight"), positive: true)
        let limits = InputLimits.workingReps
        guard limits.contains(reps) else {
            throw CaseError(field: join(field(), "reps"), message: "\(reps) is outside \(limits.lowerBound)-\(limits.upperBound)")
        }
    }
}

/// Refusals gathered one by one, so that a form can mark every field at fault at once; checking
/// a case file throws the first, as a person reading the file meets it.
struct Problems {
    var all: [CaseError] = []

    mutating func check(_ body: () throws(CaseError) -> Void) {
        do { try body() } catch { all.append(error) }
    }

    func throwFirst() throws(CaseError) { if let first = all.first { throw first } }
}

extension Workout {
    func validate(field: @autoclosure () -> String, catalog: Catalog, unit: WeightUnit) throws(CaseError) {
        var problems = Problems()
        gather(&problems, field: field, catalog: catalog, unit: unit)
        try problems.throwFirst()
    }

    /// Every refused field of the session: its pains, then each exercise's name and pain and each of
    /// its sets, in order (a session or an exercise past the size limits is one refusal).
    func gather(_ problems: inout Problems, field: () -> String, catalog: Catalog, unit: WeightUnit) {
        problems.check { () throws(CaseError) in try checkRange(painDuring, InputLimits.pain, join(field(), "painDuring")) }
        problems.check { () throws(CaseError) in try checkRange(painAfter, InputLimits.pain, join(field(), "painAfter")) }
        guard exercises.count <= InputLimits.exercisesPerWorkout else {
            problems.all.append(
                CaseError(
                    field: join(field(), "exercises"),
                    message: "has more than \(InputLimits.exercisesPerWorkout) exercises in one session"))
            return
        }
        for (index, logged) in exercises.enumerated() {
            func exerciseField() -> String { join(field(), "exercises[\(index)]") }
            guard logged.sets.count <= InputLimits.setsPerExercise else {
                problems.all.append(
                    CaseError(
                        field: "\(exerciseField()).sets",
                        message: "has more than \(InputLimits.setsPerExercise) sets of one exercise"))
                continue
            }
            problems.check { () throws(CaseError) in try checkExercise(logged.exercise, catalog, "\(exerciseField()).exercise") }
            problems.check { () throws(CaseError) in
                try checkRange(logged.painDuring, InputLimits.pain, "\(exerciseField()).painDuring")
            }
            // A timed exercise's minutes travel as its amount in `holdSeconds`, so they get their own limit.
            let timed = catalog[logged.exercise]?.dose.kind == .minutes
            for (setIndex, set) in logged.sets.enumerated() {
                func setField() -> String { "\(exerciseField()).sets[\(setIndex)]" }
                // Before the seconds' limit, which would name the wrong unit for minutes.
                if timed, let minutes = set.holdSeconds, !InputLimits.minutes.contains(minutes) {
                    problems.all.append(
                        CaseError(
                            field: "\(setField()).holdSeconds",
                            message: "\(minutes) minutes is more than \(InputLimits.minutes.upperBound) minutes in one go"))
                    continue
                }
                set.gather(&problems, field: setField, unit: unit)
            }
        }
    }
}

extension LoggedSet {
    func validate(field: @autoclosure () -> String, unit: WeightUnit) throws(CaseError) {
        var problems = Problems()
        gather(&problems, field: field, unit: unit)
        try problems.throwFirst()
    }

    func gather(_ problems: inout Problems, field: () -> String, unit: WeightUnit) {
        problems.check { () throws(CaseError) in try checkWeight(weight, unit, join(field(), "weight")) }
        problems.check { () throws(CaseError) in try checkRange(reps, InputLimits.reps, join(field(), "reps")) }
        problems.check { () throws(CaseError) in
            try checkRange(holdSeconds, InputLimits.seconds, join(field(), "holdSeconds"), unit: "seconds")
        }
        problems.check { () throws(CaseError) in
            try checkRange(pauseSeconds, InputLimits.seconds, join(field(), "pauseSeconds"), unit: "seconds")
        }
        problems.check { () throws(CaseError) in try checkRange(rpe, InputLimits.rpe, join(field(), "rpe")) }
        problems.check { () throws(CaseError) in try checkRange(pain, InputLimits.pain, join(field(), "pain")) }
        if let tempo, Tempo(tempo) == nil {
            problems.all.append(
                CaseError(field: join(field(), "tempo"), message: "\(Words.quoted(tempo)) is not a tempo like 3-1-2"))
        }
    }
}

extension Override {
    func validate(field: @autoclosure () -> String, catalog: Catalog, unit: WeightUnit) throws(CaseError) {
        try checkExercise(exercise, catalog, join(field(), "exercise"))
        try checkExercise(replacement, catalog, join(field(), "replacement"))
        try checkWeight(weight, unit, join(field(), "weight"))
        switch kind {
        case .phase where phase == nil:
            throw CaseError(field: join(field(), "phase"), message: "is required for a phase override")
        case .swap where exercise == nil || replacement == nil:
            throw CaseError(
                field: join(field(), exercise == nil ? "exercise" : "replacement"), message: "is required for a swap")
        // An exercise swapped for itself undoes an earlier swap: the plan's own choice again.
        case .swap where replacement != exercise && !catalog.swapOptions(for: exercise!).contains(replacement!):
            throw CaseError(
                field: join(field(), "replacement"),
                message: "\(replacement!) is neither on the ladder of \(exercise!) nor one of its swaps ("
                    + catalog.swapOptions(for: exercise!).map(\.rawValue).joined(separator: ", ") + ")")
        case .load where exercise == nil || weight == nil:
            throw CaseError(field: join(field(), exercise == nil ? "exercise" : "weight"), message: "is required for a load")
        case .note where (note ?? "").isEmpty:
            throw CaseError(field: join(field(), "note"), message: "is required for a note")
        case _ where !InputLimits.fits(note ?? "", characters: InputLimits.noteLength):
            throw InputLimits.noteTooLong(join(field(), "note"))
        default:
            break
        }
    }
}

/// Validation of single entries as they arrive one by one (the API), with the same rules and field
/// names as a whole case file.
public enum EntryValidation {
    public static func intake(_ intake: Intake, unit: WeightUnit, catalog: Catalog) throws(CaseError) {
        try intake.validate(field: "", catalog: catalog, unit: unit)
    }

    public static func workout(_ workout: Workout, unit: WeightUnit, catalog: Catalog) throws(CaseError) {
        try workout.validate(field: "", catalog: catalog, unit: unit)
    }

    /// Every field of a session that `workout` would refuse, the first being the one it throws, so
    /// that a page can mark them all at once (it asks only once the save was refused).
    public static func workoutProblems(_ workout: Workout, unit: WeightUnit, catalog: Catalog) -> [CaseError] {
        var problems = Problems()
        workout.gather(&problems, field: { "" }, catalog: catalog, unit: unit)
        return problems.all
    }

    /// A new session records something. A session with nothing done or reported, an exercise
    /// without a set or a set that records nothing would count as training that did not happen.
    public static func recordsSomething(_ workout: Workout) throws(CaseError) {
        // A session that reports pain, a symptom or a stop without its exercises still counts: the
        // report must never be lost for want of a set.
        let reports =
            workout.painDuring != nil || workout.painAfter != nil || !workout.flags.isEmpty || workout.stoppedEarly == true
        guard !workout.exercises.isEmpty || reports else {
            throw CaseError(field: "exercises", message: "has none: a session needs at least one exercise")
        }
        for (index, logged) in workout.exercises.enumerated() {
            guard !logged.sets.isEmpty else {
                throw CaseError(field: "exercises[\(index)].sets", message: "has none: an exercise needs at least one set")
            }
            for (setIndex, set) in logged.sets.enumerated()
            where set.reps == nil && set.holdSeconds == nil && set.weight == nil {
                throw CaseError(
                    field: "exercises[\(index)].sets[\(setIndex)]", message: "records no reps, seconds or weight")
            }
        }
    }

    /// The smallest load change a person can make, in their unit.
    public static func plateIncrement(_ value: Double, unit: WeightUnit) throws(CaseError) {
        let limits = InputLimits.plateIncrement
        guard limits.contains(value) else {
            throw CaseError(
                field: "plateIncrement",
                message:
                    "must be between \(formatWeight(limits.lowerBound)) and \(formatWeight(limits.upperBound)) \(unit.rawValue)")
        }
    }

    /// The equipment at hand: real weights, in the case's unit, lists of a rack's size, and bars
    /// within `InputLimits.barWeight`.
    public static func equipment(_ equipment: EquipmentAtHand, unit: WeightUnit) throws(CaseError) {
        for (name, bar) in [("bar", equipment.bar), ("trapBar", equipment.trapBar)] {
            guard let bar else { continue }
            let limits = InputLimits.barWeight(unit)
            guard bar.isFinite, limits.contains(bar) else {
                throw CaseError(
                    field: "equipment.\(name)",
                    message:
                        "should be between \(formatWeight(limits.lowerBound)) and \(formatWeight(limits.upperBound)) \(unit.rawValue)"
                )
            }
        }
        for (name, list) in equipment.lists {
            guard let list else { continue }
            guard list.count <= InputLimits.equipmentItems else {
                throw CaseError(field: "equipment.\(name)", message: "lists more than \(InputLimits.equipmentItems) weights")
            }
            for (index, weight) in list.enumerated() {
                try checkWeight(weight, unit, "equipment.\(name)[\(index)]", positive: true)
            }
        }
    }

    /// Whether `name` is a time zone the person's "today" can be read in.
    public static func isTimeZone(_ name: String) -> Bool {
        name.count <= InputLimits.timeZoneLength && TimeZone(identifier: name) != nil
    }

    public static func timeZone(_ name: String) throws(CaseError) {
        guard isTimeZone(name) else {
            throw CaseError(
                field: "timeZone", message: "\(Words.quoted(name)) is not a time zone name like Europe/Oslo")
        }
    }

    /// Entries may be dated at most this many days after today where the server is (answered with 422).
    public static let daysAhead = 1

    /// An entry dated later would sit unseen by the plan and the caseload until that day: a red flag
    /// reported "tomorrow" would hide until tomorrow.
    public static func notAhead(_ date: Day, today: Day) throws(CaseError) {
        guard date <= today.adding(days: daysAhead) else {
            throw CaseError(
                field: "date",
                message: "is more than \(Words.days(daysAhead)) after today (\(today)): entries are dated when they happen",
                tooLate: true)
        }
    }

    public static func screen(_ screen: MovementScreen) throws(CaseError) {
        try screen.validate(field: "")
    }

    public static func checkIn(_ checkIn: CheckIn) throws(CaseError) {
        try checkRange(checkIn.pain, InputLimits.pain, "pain")
        try checkRange(checkIn.stiffnessMinutes, InputLimits.stiffnessMinutes, "stiffnessMinutes")
    }

    public static func override(_ override: Override, unit: WeightUnit, catalog: Catalog) throws(CaseError) {
        try override.validate(field: "", catalog: catalog, unit: unit)
    }

    /// A clearance is dated between the intake and `latest` (today where the clinician is). One dated
    /// ahead would, on that day, clear symptoms reported in between that nobody has reviewed.
    public static func clearance(_ clearance: Clearance, intake: Day, latest: Day) throws(CaseError) {
        guard clearance.date >= intake else {
            throw CaseError(field: "date", message: "is before the intake on \(intake)")
        }
        guard clearance.date <= latest else {
            throw CaseError(
                field: "date", message: "is later than today (\(latest)): a flag is cleared once it has been reviewed")
        }
        if !InputLimits.fits(clearance.note ?? "", characters: InputLimits.noteLength) { throw InputLimits.noteTooLong("note") }
    }
}
