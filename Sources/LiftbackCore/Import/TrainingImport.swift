/// Reads a training log exported from Strong, Hevy or FitNotes into Liftback workouts, for
/// `Intake.trainingHistory` (from which `Baseline.lifts` derives previous working weights).
///
/// The import is deliberately literal:
/// - One workout per calendar date (two sessions on one day become one workout), oldest first;
///   exercises in the order they first appear that day, sets in file order.
/// - Warm-up sets (Strong `WARM_UP`, Hevy `warmup`) and Strong's `Rest Timer` rows are left out;
///   failure sets and drop sets count as ordinary sets.
/// - A row with neither a weight nor repetitions (cardio, timed holds) is left out; a set with
///   repetitions and no weight is kept without a weight.
/// - Exercise names are matched against a fixed table of the apps' names (`exerciseNames`).
///   Names without a counterpart in the catalogue are reported with their set counts, never guessed.
/// - Weights are converted to the case's unit and rounded to 0.01. A zero or negative weight means no
///   added load. For exercises the catalogue does not load (pull-up, push-up, back extension, planks)
///   the weight is dropped, because the apps record bodyweight, added load or assistance there alike.
public enum TrainingImport {
    /// Parses an export and converts it to `unit`.
    ///
    /// - Parameters:
    ///   - text: the whole file (a UTF-8 byte-order mark and `\r\n` line ends are accepted).
    ///   - unit: the case's unit; every imported weight is in it.
    ///   - catalog: the exercises names are matched to; a name of none of them is listed as unmatched.
    ///   - defaultSourceUnit: the unit the app was set to, for files that do not say theirs (Strong's common
    ///     comma-separated export). Ignored when the file states its unit.
    /// - Throws: `ImportError` for a header it does not recognise, a file that does not say its unit when
    ///   `defaultSourceUnit` is `nil`, or a row that cannot be read (with its line number and column).
    public static func parse(
        _ text: String, unit: WeightUnit, catalog: Catalog, defaultSourceUnit: WeightUnit? = nil
    ) throws(ImportError) -> ImportedHistory {
        let lines = CSVReader.lines(of: text)
        guard let headerLine = lines.first else {
            throw ImportError(kind: .unrecognised, message: "the file is empty")
        }
        let separator = CSVReader.separator(of: headerLine)
        let header = try CSVReader.fields(of: headerLine, separator: separator)
        let layout = try ImportLayout.detect(header: header, defaultSourceUnit: defaultSourceUnit)
        let maxWeight = InputLimits.maxWeight(in: unit)

        var setsByDay: [Day: [LoggedExercise]] = [:]
        var unmatched: [UnmatchedExercise] = []
        var unmatchedIndex: [String: Int] = [:]
        var skippedRows = 0
        var kgRows = 0
        var lbRows = 0

        for line in lines.dropFirst() {
            let fields = try CSVReader.fields(of: line, separator: separator)
            guard fields.count == layout.columnCount else {
                throw ImportError(
                    kind: .unreadable, line: line.number,
                    message: "has \(fields.count) fields where the header has \(layout.columnCount)")
            }
            let row = try layout.row(fields, line: line.number, decimalComma: separator == CSVReader.semicolon)
            if row.isWarmUpOrRest || (row.weight == nil && row.reps == nil) {
                skippedRows += 1
                continue
            }
            switch row.unit {
            case .kg?: kgRows += 1
            case .lb?: lbRows += 1
            case nil: break
            }
            guard let exerciseID = Self.exercise(named: row.name), let exercise = catalog[exerciseID] else {
                let key = Self.nameKey(row.name)
                if let index = unmatchedIndex[key] {
                    unmatched[index].sets += 1
                } else {
                    unmatchedIndex[key] = unmatched.count
                    unmatched.append(UnmatchedExercise(name: row.name, sets: 1))
                }
                continue
            }
            var weight: Double?
            if exercise.loaded, let value = row.weight, let from = row.unit {
                let converted = Self.roundedToHundredth(from.convert(value, to: unit))
                guard converted <= maxWeight else {
                    throw ImportError(
                        kind: .unreadable, line: line.number, column: layout.weight.name,
                        message: "\(fields[layout.weight.index]) is more than anyone lifts")
                }
                weight = converted > 0 ? converted : nil
            }
            guard weight != nil || row.reps != nil else {
                skippedRows += 1
                continue
            }
            let loggedSet = LoggedSet(weight: weight, reps: row.reps)
            if let index = setsByDay[row.date]?.firstIndex(where: { $0.exercise == exerciseID }) {
                setsByDay[row.date]?[index].sets.append(loggedSet)
            } else {
                setsByDay[row.date, default: []].append(LoggedExercise(exercise: exerciseID, sets: [loggedSet]))
            }
        }

        let sourceUnit: WeightUnit
        switch layout.unitSource {
        case .file(let fileUnit):
            sourceUnit = fileUnit
        case .perRow:
            if lbRows > kgRows {
                sourceUnit = .lb
            } else if kgRows > 0 {
                sourceUnit = .kg
            } else {
                sourceUnit = defaultSourceUnit ?? unit
            }
        }
        let workouts = setsByDay.keys.sorted().map { day in Workout(date: day, exercises: setsByDay[day] ?? []) }
        return ImportedHistory(
            format: layout.format, sourceUnit: sourceUnit, unit: unit, workouts: workouts, unmatched: unmatched,
            skippedRows: skippedRows)
    }

    /// Rounds a converted weight to 0.01, which keeps `65.181223569` from a unit conversion readable.
    static func roundedToHundredth(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}

/// A training log read from an app's export.
public struct ImportedHistory: Codable, Sendable, Equatable {
    /// The app that wrote the file: `strong`, `hevy` or `fitnotes`.
    public var format: String
    /// The unit the file's weights were written in (for files with a unit on each row, the unit most
    /// rows use).
    public var sourceUnit: WeightUnit
    /// The unit of every weight in `workouts`: the case's unit asked for.
    public var unit: WeightUnit
    /// One workout per date, oldest first, holding only exercises found in the catalogue.
    public var workouts: [Workout]
    /// Exercise names without a counterpart in the catalogue, in the order they first appear.
    public var unmatched: [UnmatchedExercise]
    /// Rows left out on purpose: warm-ups, rest timers, and rows with neither a weight nor repetitions.
    public var skippedRows: Int

    public init(
        format: String, sourceUnit: WeightUnit, unit: WeightUnit, workouts: [Workout], unmatched: [UnmatchedExercise],
        skippedRows: Int
    ) {
        self.format = format
        self.sourceUnit = sourceUnit
        self.unit = unit
        self.workouts = workouts
        self.unmatched = unmatched
        self.skippedRows = skippedRows
    }
}

/// An exercise name the importer could not match, and how many of its sets were left out.
public struct UnmatchedExercise: Codable, Sendable, Equatable {
    /// The name as the file first writes it.
    public var name: String
    public var sets: Int

    public init(name: String, sets: Int) {
        self.name = name
        self.sets = sets
    }
}

/// An export the importer cannot read, with the line (1-based, the header is line 1) and column when known.
public struct ImportError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Codable, Sendable {
        /// The file is empty, or its header is not one of a Strong, Hevy or FitNotes export.
        case unrecognised
        /// The file does not say whether its weights are in kg or lb; ask which unit the app was set to.
        case unitMissing
        /// A row holds something that cannot be read: a date, a number, a unit, or the wrong number of fields.
        case unreadable
    }

    public var kind: Kind
    public var line: Int?
    /// The column's header as the file writes it (`Date`, `start_time`).
    public var column: String?
    public var message: String

    public init(kind: Kind, line: Int? = nil, column: String? = nil, message: String) {
        self.kind = kind
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var place: [String] = []
        if let line { place.append("line \(line)") }
        if let column { place.append("column \"\(column)\"") }
        return place.isEmpty ? message : "\(place.joined(separator: ", ")): \(message)"
    }
}
