import Foundation
import LiftbackCore
import LiftbackStore

/// Decoded cases kept in memory and checked against the store's case version with one cheap read,
/// so fetching the next prescription does not decode a long history on every request. Any server
/// instance sees another's writes, because every write raises the version in the database.
actor CaseCache {
    private var entries: [String: (version: Int64, data: CaseData)] = [:]
    /// Encoded prescriptions by patient, for one case version and day: the prescription is a pure
    /// function of the two, so a repeated request needs neither the engine nor the encoder.
    private var prescriptions: [String: (version: Int64, asOf: Day, body: Data)] = [:]
    private var order: [String] = []
    let capacity: Int
    let store: any Store

    init(store: any Store, capacity: Int = 2_000) {
        self.store = store
        self.capacity = capacity
    }

    /// The patient's current case, or `nil` before the intake.
    func caseData(patientID: String) async throws -> CaseData? {
        guard let version = try await store.caseVersion(patientID: patientID) else { return nil }
        return try await caseData(patientID: patientID, version: version)
    }

    /// The encoded prescription for a day, computed by `make` only when the case changed since.
    func prescription(patientID: String, asOf: Day, make: (CaseData) throws -> Data) async throws -> Data? {
        guard let version = try await store.caseVersion(patientID: patientID) else { return nil }
        if let cached = prescriptions[patientID], cached.version == version, cached.asOf == asOf { return cached.body }
        guard let data = try await caseData(patientID: patientID, version: version) else { return nil }
        let body = try make(data)
        prescriptions[patientID] = (version, asOf, body)
        return body
    }

    private func caseData(patientID: String, version: Int64) async throws -> CaseData? {
        if let cached = entries[patientID], cached.version == version { return cached.data }
        guard let data = try await store.caseData(patientID: patientID) else { return nil }
        // A write that landed between the two reads raises the version again, so the next read refreshes.
        if entries.updateValue((version, data), forKey: patientID) == nil {
            order.append(patientID)
            if order.count > capacity {
                let evicted = order.removeFirst()
                entries[evicted] = nil
                prescriptions[evicted] = nil
            }
        }
        return data
    }
}
