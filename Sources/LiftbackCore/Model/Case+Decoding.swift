import Foundation

// Lists that a person may leave out decode as empty, so a minimal case stays minimal.

extension Workout {
    enum CodingKeys: String, CodingKey {
        case date, exercises, painDuring, painAfter, nextDay, flags, stoppedEarly, lockedUp
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            date: try c.decode(Day.self, forKey: .date),
            exercises: try c.decodeIfPresent([LoggedExercise].self, forKey: .exercises) ?? [],
            painDuring: try c.decodeIfPresent(Int.self, forKey: .painDuring),
            painAfter: try c.decodeIfPresent(Int.self, forKey: .painAfter),
            nextDay: try c.decodeIfPresent(NextDayResponse.self, forKey: .nextDay),
            flags: try c.decodeIfPresent([RedFlag].self, forKey: .flags) ?? [],
            stoppedEarly: try c.decodeIfPresent(Bool.self, forKey: .stoppedEarly),
            lockedUp: try c.decodeIfPresent(Bool.self, forKey: .lockedUp))
    }
}

extension CheckIn {
    enum CodingKeys: String, CodingKey { case date, pain, stiffnessMinutes, flags }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            date: try c.decode(Day.self, forKey: .date), pain: try c.decode(Int.self, forKey: .pain),
            stiffnessMinutes: try c.decodeIfPresent(Int.self, forKey: .stiffnessMinutes),
            flags: try c.decodeIfPresent([RedFlag].self, forKey: .flags) ?? [])
    }
}

extension Intake {
    enum CodingKeys: String, CodingKey { case date, flags, pattern, previousWorkingWeights, trainingHistory, pain, avoids, onset }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            date: try c.decode(Day.self, forKey: .date),
            flags: try c.decodeIfPresent([RedFlag].self, forKey: .flags) ?? [],
            pattern: try c.decodeIfPresent(PresentationPattern.self, forKey: .pattern) ?? .nonSpecific,
            previousWorkingWeights: try c.decodeIfPresent([WorkingWeight].self, forKey: .previousWorkingWeights) ?? [],
            trainingHistory: try c.decodeIfPresent([Workout].self, forKey: .trainingHistory),
            pain: try c.decodeIfPresent(Int.self, forKey: .pain),
            avoids: try c.decodeIfPresent([FearedMovement].self, forKey: .avoids) ?? [],
            onset: try c.decodeIfPresent(PainOnset.self, forKey: .onset))
    }
}

/// Bad input in a case, naming the field at fault (`workouts[0].exercises[1].painDuring`).
public struct CaseError: Error, Equatable, Sendable, CustomStringConvertible {
    public var field: String
    public var message: String
    /// The entry is dated too far ahead (answered with 422, not 400: the entry is sound but early).
    public var tooLate: Bool

    /// The longest field name an error names: a path from a body can be as long as the body.
    public static let fieldLength = 120

    public init(field: String, message: String, tooLate: Bool = false) {
        self.field = field.count <= Self.fieldLength ? field : String(field.prefix(Self.fieldLength)) + "…"
        self.message = message
        self.tooLate = tooLate
    }

    public var description: String { field.isEmpty ? message : "\(field): \(message)" }
}

extension Case {
    /// Decodes and validates a case file. Nothing is guessed: the first problem is reported with its field.
    public static func decode(from data: Data, catalog: Catalog) throws(CaseError) -> Case {
        let decoded: Case
        guard let tape = try JSONTape.read(data) else { throw CaseError.notJSON }
        if let unknown = CaseFields.firstUnknown(tape) {
            throw CaseError(field: unknown, message: "is not a field of a case (check its spelling against docs/case-format.md)")
        }
        do {
            decoded = try LiftbackJSON.decode(Case.self, from: data, tape: tape)
        } catch let error as DecodingError {
            throw CaseError(decodingError: error)
        } catch {
            throw CaseError.notJSON
        }
        try decoded.validate(catalog: catalog)
        return decoded
    }
}

extension CaseError {
    /// Turns a decoder's complaint into a field path and a plain message.
    public init(decodingError: DecodingError) {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.reduce(into: "") { text, key in
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
                }
            }
        }
        switch decodingError {
        case let .keyNotFound(key, context):
            let parent = path(context.codingPath)
            self.init(field: parent.isEmpty ? key.stringValue : "\(parent).\(key.stringValue)", message: "is required")
        case let .typeMismatch(type, context):
            self.init(field: path(context.codingPath), message: "expected \(Self.describe(type))")
        case let .valueNotFound(type, context):
            self.init(field: path(context.codingPath), message: "expected \(Self.describe(type)), found null")
        case let .dataCorrupted(context):
            let field = path(context.codingPath)
            let message = context.debugDescription
            if context.codingPath.isEmpty {
                self = .notJSON
            } else if message.hasPrefix("Cannot initialize") {
                let name = context.codingPath.last { $0.intValue == nil }?.stringValue ?? ""
                self.init(
                    field: field,
                    message: "is not one of the allowed values" + (CaseFields.allowedValues(name).map { " (\($0))" } ?? ""))
            } else {
                self.init(field: field, message: message)
            }
        @unknown default:
            self.init(field: "", message: "the case could not be read")
        }
    }

    /// Text that is not JSON in UTF-8.
    public static let notJSON = CaseError(field: "", message: "the case is not valid JSON")

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "a whole number"
        case is Double.Type: "a number"
        case is String.Type: "text"
        case is Bool.Type: "true or false"
        default: "a different kind of value"
        }
    }
}
