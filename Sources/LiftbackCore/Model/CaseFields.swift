import Foundation

/// The fields a case file may hold, by place, so that a misspelt field is refused with its path
/// instead of being dropped in silence (a missing pain score must never read as "pain-free").
enum CaseFields {
    indirect enum Shape: Sendable {
        case object([String: Shape])
        case list(Shape)
        case value
    }

    static func object(_ names: [String], nested: [String: Shape] = [:]) -> Shape {
        .object(Dictionary(uniqueKeysWithValues: names.map { ($0, Shape.value) }).merging(nested) { $1 })
    }

    static let set = object(["weight", "reps", "holdSeconds", "rpe", "tempo", "pauseSeconds", "pain"])
    static let workout = object(
        ["date", "painDuring", "painAfter", "nextDay", "flags", "stoppedEarly", "lockedUp"],
        nested: ["exercises": .list(object(["exercise", "painDuring"], nested: ["sets": .list(set)]))])
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

    static let checkIn = object(["date", "pain", "stiffnessMinutes", "flags"])
    static let screen = object(["date", "passed", "toeTouch", "squats", "plank", "walk"])
    static let clearance = object(["flag", "date", "by", "byAccount", "note"])
    static let override = object(["kind", "date", "by", "byAccount", "phase", "exercise", "replacement", "weight", "note"])
    static let questionnaire = object(["instrument", "date", "answers"])

    /// The path of the first field that has no place in a case, if any.
    static func firstUnknown(_ json: Any, _ shape: Shape = Self.case, path: String = "") -> String? {
        switch (shape, json) {
        case let (.object(fields), object as [String: Any]):
            for key in object.keys.sorted() {
                let child = path.isEmpty ? key : "\(path).\(key)"
                guard let inner = fields[key] else { return child }
                if let unknown = firstUnknown(object[key]!, inner, path: child) { return unknown }
            }
        case let (.list(inner), list as [Any]):
            for (index, element) in list.enumerated() {
                if let unknown = firstUnknown(element, inner, path: "\(path)[\(index)]") { return unknown }
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
    public func refuseUnknownFields(_ data: Data) throws(CaseError) {
        guard let json = try? JSONSerialization.jsonObject(with: data), let unknown = CaseFields.firstUnknown(json, shape)
        else { return }
        throw CaseError(field: unknown, message: "is not a field of this entry (a misspelt name would otherwise be lost)")
    }
}
