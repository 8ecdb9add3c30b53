import Foundation

/// The fields a case file may hold, by place, so that a misspelt field is refused with its path
/// instead of being dropped in silence (a missing pain score must never read as "pain-free").
enum CaseFields {
    indirect enum Shape: Sendable {
        case object(Fields)
        case list(Shape)
        case value
    }

    /// An object's fields by name, looked up by the bytes of a key as written.
    struct Fields: Sendable {
        private var all: [(name: String, shape: Shape)]

        init(_ all: [(name: String, shape: Shape)]) { self.all = all }

        subscript(name: String) -> Shape? {
            get { all.first { $0.name == name }?.shape }
            set {
                all.removeAll { $0.name == name }
                if let newValue { all.append((name, newValue)) }
            }
        }

        /// The field of the key at `node`.
        func field(_ tape: JSONTape, _ node: Int) -> Shape? {
            guard !tape.nodes[node].marked else { return self[tape.string(at: node) ?? ""] }
            return all.first { tape.plainString(at: node, equals: $0.name) }?.shape
        }
    }

    static func object(_ names: [String], nested: [String: Shape] = [:]) -> Shape {
        let values = names.filter { nested[$0] == nil }.map { ($0, Shape.value) }
        return .object(Fields(values + nested.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))
    }

    /// The fields of an entry the fast reader reads itself (`TapeDecoder.swift`): its own list, so
    /// that a field cannot be known to the check and passed over by the reader.
    static func object(_ names: [StaticString], nested: [String: Shape] = [:]) -> Shape {
        object(names.map(\.description), nested: nested)
    }

    static let set = object(LoggedSet.fieldNames)
    static let workout = object(
        Workout.fieldNames, nested: ["exercises": .list(object(LoggedExercise.fieldNames, nested: ["sets": .list(set)]))])
    static let intake = object(
        ["date", "flags", "pattern", "pain", "avoids", "onset"],
        nested: [
            "previousWorkingWeights": .list(object(["exercise", "weight", "reps", "unit"])),
            "trainingHistory": .list(workout),
        ])
    static let `case` = object(
        ["asOf", "policy", "unit", "plateIncrement"],
        nested: [
            "intake": intake, "workouts": .list(workout),
            "checkIns": .list(checkIn), "screens": .list(screen), "clearances": .list(clearance),
            "overrides": .list(override), "equipment": object(["kettlebells", "dumbbells", "bar", "trapBar", "plates"]),
            "questionnaires": .list(questionnaire),
        ])

    static let checkIn = object(CheckIn.fieldNames)
    static let screen = object(["date", "passed", "toeTouch", "squats", "plank", "walk"])
    static let clearance = object(["flag", "date", "by", "byAccount", "note"])
    static let override = object(["kind", "date", "by", "byAccount", "phase", "exercise", "replacement", "weight", "note"])
    static let questionnaire = object(["instrument", "date", "answers"])

    /// The path of the first field that has no place in a case, if any: the first in the order of
    /// sorted keys, depth first. One walk: a sound case compares no keys and writes no path.
    static func firstUnknown(_ tape: JSONTape, _ shape: Shape = Self.case, node: Int = 0) -> String? {
        guard let parts = unknownPath(tape, shape, node) else { return nil }
        return parts.reversed().reduce(into: "") { path, part in
            path += part.hasPrefix("[") || path.isEmpty ? part : ".\(part)"
        }
    }

    /// The first unknown field's path below `node`, innermost part first (`[2]` for an element).
    private static func unknownPath(_ tape: JSONTape, _ shape: Shape, _ node: Int) -> [String]? {
        switch (shape, tape.kind(at: node)) {
        case let (.object(fields), .object):
            var first: (key: String, below: [String])?
            var member = node + 1
            for _ in 0..<tape.count(at: node) {
                defer { member = tape.after(member + 1) }
                let inner = fields.field(tape, member)
                if case .value = inner { continue }
                var below: [String] = []
                if let inner {
                    guard let found = unknownPath(tape, inner, member + 1) else { continue }
                    below = found
                }
                let key = tape.readableString(at: member)
                if first == nil || key < first!.key { first = (key, below) }
            }
            return first.map { $0.below + [$0.key] }
        case let (.list(inner), .array):
            var element = node + 1
            for index in 0..<tape.count(at: node) {
                if let below = unknownPath(tape, inner, element) { return below + ["[\(index)]"] }
                element = tape.after(element)
            }
        default:
            break
        }
        return nil
    }

    /// The allowed values of a field that takes one of a list, for error messages.
    static func allowedValues(_ field: String) -> String? {
        switch field {
        case "pattern": PresentationPattern.allCases.map(\.rawValue).joined(separator: ", ")
        case "policy": ProgressionPolicy.allCases.map(\.rawValue).joined(separator: ", ")
        case "unit": WeightUnit.allCases.map(\.rawValue).joined(separator: ", ")
        case "nextDay": NextDayResponse.allCases.map(\.rawValue).joined(separator: ", ")
        case "phase": Phase.allCases.map(\.rawValue).joined(separator: ", ")
        case "instrument": Instrument.allCases.map(\.rawValue).joined(separator: ", ")
        case "avoids": FearedMovement.allCases.map(\.rawValue).joined(separator: ", ")
        case "kind": "phase, swap, load, note"
        case "flag", "flags": "the flags of `liftback triage --list`"
        default: nil
        }
    }
}

/// The single entries the API takes, each with the fields it may carry (the case file's, plus the
/// few a request adds): a field with no place in one is refused by name, never dropped silently.
public enum EntryBody: Sendable {
    case intake, workout, workoutAmendment, checkIn, screen, questionnaire, clearance, override

    var shape: CaseFields.Shape {
        switch self {
        case .intake:
            guard case .object(var fields) = CaseFields.intake else { return CaseFields.intake }
            for name in ["policy", "unit", "plateIncrement", "timeZone"] { fields[name] = .value }
            fields["equipment"] = CaseFields.object(["kettlebells", "dumbbells", "bar", "trapBar", "plates"])
            return .object(fields)
        case .workout: return CaseFields.workout
        case .workoutAmendment: return CaseFields.object(["nextDay", "painAfter", "flags", "stoppedEarly", "lockedUp"])
        case .checkIn: return CaseFields.checkIn
        case .screen: return CaseFields.screen
        case .questionnaire: return CaseFields.questionnaire
        case .clearance: return CaseFields.clearance
        case .override:
            guard case .object(var fields) = CaseFields.override else { return CaseFields.override }
            fields["confirm"] = .value
            return .object(fields)
        }
    }

    /// Refuses a body with a field this entry has no place for, naming it.
    public func refuseUnknownFields(_ tape: JSONTape) throws(CaseError) {
        guard let unknown = CaseFields.firstUnknown(tape, shape) else { return }
        throw CaseError(field: unknown, message: "is not a field of this entry (a misspelt name would otherwise be lost)")
    }
}
