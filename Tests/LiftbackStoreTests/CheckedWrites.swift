import LiftbackCore
import LiftbackStore

/// The writes as the application layer makes them: each entry with the core's check, which the
/// store runs against the settings it reads in the write's transaction.
extension Store {
    func addWorkout(_ workout: Workout, patientID: String) async throws -> Int64 {
        try await addWorkout(workout, patientID: patientID) {
            try EntryValidation.workout(workout, unit: $0.unit, catalog: .standard)
        }
    }

    func replaceWorkout(id: Int64, with workout: Workout, patientID: String) async throws -> Bool {
        try await replaceWorkout(id: id, with: workout, patientID: patientID) {
            try EntryValidation.workout(workout, unit: $0.unit, catalog: .standard)
        }
    }

    func addOverride(_ override: Override, patientID: String) async throws {
        try await addOverride(override, patientID: patientID) {
            try EntryValidation.override(override, unit: $0.unit, catalog: .standard)
        }
    }
}
