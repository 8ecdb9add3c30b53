import Foundation
import LiftbackCore

/// How case entries are written to and read from a database: JSON in the contract's shapes.
enum StoredJSON {
    enum Kind: String {
        case workout
        case checkIn = "check-in"
        case screen, clearance, override, questionnaire
    }

    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    /// Decodes one stored entry into its place in the case; entries must come in the order they
    /// were written within each day (by date, then id), so a report can reopen a clearance before it.
    static func add(_ body: String, kind: String, id: Int64, to data: inout CaseData) throws {
        switch Kind(rawValue: kind) {
        case .workout:
            let workout = try decode(Workout.self, from: body)
            data.reopenClearances(workout.flags, reportedOn: workout.date)
            data.workouts.append(StoredWorkout(id: id, workout: workout))
        case .checkIn:
            let checkIn = try decode(CheckIn.self, from: body)
            data.reopenClearances(checkIn.flags, reportedOn: checkIn.date)
            data.checkIns.append(checkIn)
        case .screen: data.screens.append(try decode(MovementScreen.self, from: body))
        case .clearance: data.clearances.append(try decode(Clearance.self, from: body))
        case .override: data.overrides.append(try decode(Override.self, from: body))
        case .questionnaire, nil: break
        }
    }
}
