import Foundation
import LiftbackCore

/// How case entries are written to and read from a database: JSON in the contract's shapes.
package enum StoredJSON {
    package enum Kind: String {
        case workout
        case checkIn = "check-in"
        case screen, clearance, override, questionnaire
        /// Flags added to a stored workout after the fact: kept in write order so that they can
        /// reopen a clearance made earlier the same day (see `Clearance.reopened`).
        case flagReport = "flag-report"
    }

    /// Flags added to a workout after it was stored, with the workout's date.
    package struct FlagReport: Codable {
        package var date: Day
        package var flags: [RedFlag]

        package init(date: Day, flags: [RedFlag]) {
            self.date = date
            self.flags = flags
        }
    }

    /// An entry's kind and body, as stored.
    package static func stored(_ entry: CaseEntry) throws -> (kind: Kind, body: String) {
        switch entry {
        case .workout(let workout): (.workout, try encode(workout))
        case .checkIn(let checkIn): (.checkIn, try encode(checkIn))
        case .screen(let screen): (.screen, try encode(screen))
        case .clearance(let clearance): (.clearance, try encode(clearance))
        case .override(let override): (.override, try encode(override))
        }
    }

    /// The id of an entry stored before with the same idempotency key, when it is this entry
    /// (`new`, as `stored` encodes it); `StoreError.keyReused` when it is another.
    /// A case's sessions and check-ins as rows for a bulk import (`importPatients` of both SQL
    /// stores), in the order they are stored.
    package static func importRows(_ data: CaseData) throws -> [(kind: Kind, date: Day, body: String)] {
        try data.workouts.map { (Kind.workout, $0.workout.date, try encode($0.workout)) }
            + data.checkIns.map { (Kind.checkIn, $0.date, try encode($0)) }
    }

    package static func replayed(id: Int64, kind: String, body: String, as new: (kind: Kind, body: String)) throws -> Int64 {
        guard kind == new.kind.rawValue, body == new.body else { throw StoreError.keyReused }
        return id
    }

    /// The flags `new` has that `old` had not.
    package static func addedFlags(_ old: Workout, _ new: Workout) -> [RedFlag] { new.flags.filter { !old.flags.contains($0) } }

    package static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    package static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try LiftbackJSON.decode(type, fromStored: text)
    }

    /// Builds a case from its stored entries, remembering the order of writes for `Clearance.reopened`.
    package struct CaseBuilder {
        package var data: CaseData
        private var clearanceOrder: [Int64] = []
        private var reports: [LiftbackCore.FlagReport] = []

        package init(settings: String, intake: String) throws {
            data = CaseData(
                settings: try StoredJSON.decode(PatientSettings.self, from: settings),
                intake: try StoredJSON.decode(Intake.self, from: intake))
        }

        /// Decodes one stored entry into its place; entries come by date, then id.
        package mutating func add(_ body: String, kind: String, id: Int64) throws {
            switch Kind(rawValue: kind) {
            case .workout:
                let workout = try decode(Workout.self, from: body)
                reports.append(LiftbackCore.FlagReport(written: id, date: workout.date, flags: workout.flags))
                data.workouts.append(StoredWorkout(id: id, workout: workout))
            case .checkIn:
                let checkIn = try decode(CheckIn.self, from: body)
                reports.append(LiftbackCore.FlagReport(written: id, date: checkIn.date, flags: checkIn.flags))
                data.checkIns.append(checkIn)
            case .screen: data.screens.append(try decode(MovementScreen.self, from: body))
            case .clearance:
                data.clearances.append(try decode(Clearance.self, from: body))
                clearanceOrder.append(id)
            case .override: data.overrides.append(try decode(Override.self, from: body))
            case .flagReport:
                let report = try decode(FlagReport.self, from: body)
                reports.append(LiftbackCore.FlagReport(written: id, date: report.date, flags: report.flags))
            case .questionnaire:
                let record = try decode(QuestionnaireRecord.self, from: body)
                data.questionnaires.append(
                    QuestionnaireAnswers(instrument: record.score.instrument, date: record.date, answers: record.answers))
            case nil: break
            }
        }

        /// The case, with clearances that a later-written report reopens.
        package func finished() -> CaseData {
            var data = data
            data.reopenClearances(clearanceOrder: clearanceOrder, reports: reports)
            return data
        }
    }
}
