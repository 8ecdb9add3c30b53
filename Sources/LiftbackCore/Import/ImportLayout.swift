import Foundation

/// Where an export keeps what the importer reads, found from its header.
///
/// Supported headers (see the sample notes in the import samples' README):
/// - Strong: `Date;…;Exercise Name;Set Order;Weight;Weight Unit;Reps;…` (a unit per row),
///   `"Workout #";"Date";…;"Weight (kg)";…` (the unit in the header), and the common
///   `Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,…` which does not say its unit.
/// - Hevy: `"title","start_time",…,"exercise_title",…,"set_type","weight_kg"` (or `weight_lbs`),`"reps"`,….
/// - FitNotes: `Date,Exercise,Category,Weight (kgs),Reps,…` (or `Weight (lbs)`), and
///   `Date,Exercise,Category,Weight,Weight Unit,Reps,…` with `kgs` or `lbs` on each row.
struct ImportLayout: Sendable {
    /// A column: its position and its header as written, for messages.
    struct Column: Sendable {
        var index: Int
        var name: String
    }

    /// Where the weight unit comes from.
    enum UnitSource: Sendable {
        /// The header names it (`Weight (kg)`, `weight_lbs`), or the caller gave it for a file that does not.
        case file(WeightUnit)
        /// A `Weight Unit` column gives it row by row.
        case perRow(Column)
    }

    /// `strong`, `hevy` or `fitnotes`.
    var format: String
    var columnCount: Int
    var date: Column
    /// How the app writes its dates, for the message about one that cannot be read.
    var dateExample: String
    var exercise: Column
    var weight: Column
    var reps: Column
    /// Strong's `Set Order` or Hevy's `set_type`, which mark warm-ups and rest timers.
    var setKind: Column?
    var unitSource: UnitSource
    /// The caller's unit, used for rows whose unit cell is empty.
    var fallbackUnit: WeightUnit?
}

/// One row as the importer understands it, whichever app wrote it.
struct ImportRow: Sendable {
    var date: Day
    var name: String
    /// A warm-up set or a Strong rest timer: left out of the history.
    var isWarmUpOrRest: Bool
    /// The weight as written; `nil` when the cell is empty, zero or negative (no added load).
    var weight: Double?
    /// The unit of `weight`, known whenever there is a weight.
    var unit: WeightUnit?
    /// Whole repetitions (a logged `10.0` is 10, a `7.5` is 7); `nil` when empty or under one.
    var reps: Int?
}

/// A header's column names, looked up without regard to case or surrounding spaces.
struct HeaderNames: Sendable {
    private let names: [String]
    private let lowered: [String]

    init(_ header: [String]) {
        names = header.map { $0.trimmingCharacters(in: .whitespaces) }
        lowered = names.map { $0.lowercased() }
    }

    /// The first of `candidates` the header has.
    func find(_ candidates: [String]) -> ImportLayout.Column? {
        for candidate in candidates {
            if let index = lowered.firstIndex(of: candidate.lowercased()) {
                return ImportLayout.Column(index: index, name: names[index])
            }
        }
        return nil
    }
}

extension ImportLayout {
    /// Recognises the export from its header.
    ///
    /// - Throws: `ImportError` when the header is not one the importer knows, lacks a column it needs,
    ///   or the file does not say its unit and `defaultSourceUnit` is `nil`.
    /// Weight columns that name their unit in the header (Strong's newer export, FitNotes).
    static let weightColumns: [(String, WeightUnit)] = [
        ("Weight (kg)", .kg), ("Weight (kgs)", .kg), ("Weight (lbs)", .lb), ("Weight (lb)", .lb),
    ]

    static func detect(header: [String], defaultSourceUnit: WeightUnit?) throws(ImportError) -> ImportLayout {
        let names = HeaderNames(header)
        func find(_ candidates: String...) -> Column? { names.find(candidates) }

        if let exercise = find("Exercise Name"), let date = find("Date"), let setOrder = find("Set Order") {
            let reps = try require(find("Reps"), "Reps", app: "Strong")
            let (weight, units) = try weightAndUnit(
                names: names, app: "Strong", defaultSourceUnit: defaultSourceUnit)
            return ImportLayout(
                format: "strong", columnCount: header.count, date: date, dateExample: "2019-05-08 18:45:13",
                exercise: exercise, weight: weight, reps: reps, setKind: setOrder, unitSource: units,
                fallbackUnit: defaultSourceUnit)
        }
        if let exercise = find("exercise_title"), let start = find("start_time") {
            let reps = try require(find("reps"), "reps", app: "Hevy")
            let weight: Column
            let unit: WeightUnit
            if let column = find("weight_kg") {
                weight = column
                unit = .kg
            } else if let column = find("weight_lbs", "weight_lb") {
                weight = column
                unit = .lb
            } else {
                throw ImportError(kind: .unrecognised, line: 1, message: "the Hevy export has no weight_kg or weight_lbs column")
            }
            return ImportLayout(
                format: "hevy", columnCount: header.count, date: start, dateExample: "6 Oct 2025, 17:12",
                exercise: exercise, weight: weight, reps: reps, setKind: find("set_type"), unitSource: .file(unit),
                fallbackUnit: defaultSourceUnit)
        }
        if let exercise = find("Exercise"), let date = find("Date") {
            let reps = try require(find("Reps"), "Reps", app: "FitNotes")
            let (weight, units) = try weightAndUnit(
                names: names, app: "FitNotes", defaultSourceUnit: defaultSourceUnit)
            return ImportLayout(
                format: "fitnotes", columnCount: header.count, date: date, dateExample: "2014-02-11",
                exercise: exercise, weight: weight, reps: reps, setKind: nil, unitSource: units,
                fallbackUnit: defaultSourceUnit)
        }
        throw ImportError(
            kind: .unrecognised, line: 1,
            message: "the first line is not the header of a Strong, Hevy or FitNotes export")
    }

    private static func require(_ column: Column?, _ name: String, app: String) throws(ImportError) -> Column {
        guard let column else {
            throw ImportError(kind: .unrecognised, line: 1, message: "the \(app) export has no \"\(name)\" column")
        }
        return column
    }

    /// The weight column and where its unit comes from: the header, a `Weight Unit` column, or the caller.
    private static func weightAndUnit(
        names: HeaderNames, app: String, defaultSourceUnit: WeightUnit?
    ) throws(ImportError) -> (Column, UnitSource) {
        for (name, unit) in weightColumns {
            if let column = names.find([name]) { return (column, .file(unit)) }
        }
        guard let weight = names.find(["Weight"]) else {
            throw ImportError(kind: .unrecognised, line: 1, message: "the \(app) export has no weight column")
        }
        if let unitColumn = names.find(["Weight Unit"]) { return (weight, .perRow(unitColumn)) }
        guard let defaultSourceUnit else {
            throw ImportError(
                kind: .unitMissing, line: 1, column: weight.name,
                message: "the file does not say whether its weights are in kg or lb (this \(app) export leaves "
                    + "the unit out); import it again naming the unit the app was set to")
        }
        return (weight, .file(defaultSourceUnit))
    }
}

extension ImportLayout {
    /// Reads the parts of a row the history needs.
    ///
    /// - Parameter decimalComma: the file is `;`-separated, so `62,5` may be a weight written with a decimal comma.
    /// - Throws: `ImportError` naming the line and column of a date, number or unit that cannot be read.
    func row(_ fields: [String], line: Int, decimalComma: Bool) throws(ImportError) -> ImportRow {
        let dateText = fields[date.index].trimmingCharacters(in: .whitespaces)
        guard let day = Self.isoDay(dateText) ?? Self.writtenDay(dateText) else {
            throw ImportError(
                kind: .unreadable, line: line, column: date.name,
                message: "\(Words.quoted(dateText)) is not a date like \(dateExample)")
        }
        let name = fields[exercise.index].trimmingCharacters(in: .whitespaces)
        if let setKind, Self.skippedSetKinds.contains(Self.letters(fields[setKind.index])) {
            return ImportRow(date: day, name: name, isWarmUpOrRest: true)
        }

        var weight = try number(fields, self.weight, line: line, decimalComma: decimalComma)
        if let value = weight, value <= 0 { weight = nil }
        var reps: Int?
        if let value = try number(fields, self.reps, line: line, decimalComma: decimalComma) {
            guard value >= 0, value <= Double(InputLimits.reps.upperBound) else {
                throw ImportError(
                    kind: .unreadable, line: line, column: self.reps.name,
                    message: "\(fields[self.reps.index]) is not a number of repetitions (0-\(InputLimits.reps.upperBound))")
            }
            let whole = Int(rounding: value, .down) ?? 0
            reps = whole >= 1 ? whole : nil
        }
        var unit: WeightUnit?
        if weight != nil { unit = try self.unit(fields, line: line) }
        return ImportRow(date: day, name: name, isWarmUpOrRest: false, weight: weight, unit: unit, reps: reps)
    }

    /// A number cell: `nil` when empty.
    private func number(_ fields: [String], _ column: Column, line: Int, decimalComma: Bool) throws(ImportError) -> Double? {
        let text = fields[column.index].trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return nil }
        if let value = Double(text), value.isFinite { return value }
        if decimalComma, text.filter({ $0 == "," }).count == 1,
            let value = Double(text.replacingOccurrences(of: ",", with: ".")), value.isFinite
        {
            return value
        }
        throw ImportError(kind: .unreadable, line: line, column: column.name, message: "\(Words.quoted(text)) is not a number")
    }

    /// The unit of a row that has a weight.
    private func unit(_ fields: [String], line: Int) throws(ImportError) -> WeightUnit {
        switch unitSource {
        case .file(let unit):
            return unit
        case .perRow(let column):
            let text = fields[column.index].trimmingCharacters(in: .whitespaces)
            switch text.lowercased() {
            case "kg", "kgs": return .kg
            case "lb", "lbs": return .lb
            case "":
                guard let fallbackUnit else {
                    throw ImportError(
                        kind: .unitMissing, line: line, column: column.name,
                        message: "the weight has no unit; import the file again naming the unit the app was set to")
                }
                return fallbackUnit
            default:
                throw ImportError(
                    kind: .unreadable, line: line, column: column.name, message: "\(Words.quoted(text)) is neither kg nor lbs")
            }
        }
    }

    /// Strong's `Rest Timer` and `WARM_UP`, Hevy's `warmup`, as lowercase letters and digits.
    static let skippedSetKinds: Set<String> = ["resttimer", "warmup"]

    /// Lowercase letters and digits only: `WARM_UP` and `warmup` read the same.
    static func letters(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    /// `2019-05-08`, or the same followed by a space or `T` and a time (Strong's `2019-05-08 18:45:13`).
    static func isoDay(_ text: String) -> Day? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 10 else { return nil }
        if bytes.count > 10, bytes[10] != UInt8(ascii: " "), bytes[10] != UInt8(ascii: "T") { return nil }
        return Day(iso: String(decoding: bytes[0..<10], as: UTF8.self))
    }

    /// Hevy's `6 Oct 2025, 17:12`: day, English month name or abbreviation, year, then the time.
    static func writtenDay(_ text: String) -> Day? {
        let datePart = text.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let words = datePart.split(separator: " ")
        guard words.count == 3 || (words.count == 4 && words[3].contains(":")) else { return nil }
        var monthName = words[1].lowercased()
        if monthName.hasSuffix(".") { monthName.removeLast() }
        guard let day = Int(words[0]), let month = months[monthName], let year = Int(words[2]), Day.years.contains(year)
        else { return nil }
        return Day(year: year, month: month, day: day)
    }

    static let months: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
        "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
        "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    ]
}
