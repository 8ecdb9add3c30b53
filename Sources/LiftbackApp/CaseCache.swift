import Foundation
import LiftbackCore
import LiftbackStore
import Metrics

/// Decoded cases kept in memory and checked against the store's case version with one cheap read,
/// so fetching the next prescription does not decode a long history on every request. Any server
/// instance sees another's writes, because every write raises the version in the database.
actor CaseCache {
    private var entries: [String: (version: Int64, data: CaseData)] = [:]
    /// Prescriptions by patient, for one case version and day, and their JSON once asked for: the
    /// prescription is a pure function of the two, so a repeated request (from the API or a page)
    /// needs neither the engine nor the encoder.
    private var prescriptions: [String: Prescribed] = [:]
    private var order: [String] = []
    let capacity: Int
    let store: any Store

    private struct Prescribed {
        var version: Int64
        var asOf: Day
        var prescription: Prescription
        var body: Data?
    }

    init(store: any Store, capacity: Int = 2_000) {
        self.store = store
        self.capacity = capacity
    }

    /// The patient's current case, or `nil` before the intake.
    func caseData(patientID: String) async throws -> CaseData? {
        guard let version = try await store.caseVersion(patientID: patientID) else { return nil }
        return try await caseData(patientID: patientID, version: version)
    }

    /// The case and its prescription for the day `day` picks from it, computed by `make` only when the
    /// case or the day changed since; with `encode`, the prescription's JSON too. `nil` before the intake.
    func prescription(
        patientID: String, day: (CaseData) throws -> Day, make: (CaseData, Day) throws -> Prescription,
        encode: (@Sendable (Prescription) throws -> Data)? = nil
    ) async throws -> (data: CaseData, prescription: Prescription, body: Data?)? {
        guard let version = try await store.caseVersion(patientID: patientID),
            let data = try await caseData(patientID: patientID, version: version)
        else { return nil }
        let asOf = try day(data)
        var entry: Prescribed
        if let cached = prescriptions[patientID], cached.version == version, cached.asOf == asOf {
            entry = cached
        } else {
            entry = Prescribed(version: version, asOf: asOf, prescription: try make(data, asOf))
        }
        if let encode, entry.body == nil { entry.body = try encode(entry.prescription) }
        prescriptions[patientID] = entry
        return (data, entry.prescription, entry.body)
    }

    /// Hits and misses of the decoded cases, for whoever runs the server (`/metrics`).
    private let hits = Counter(label: "liftback_case_cache_hits_total")
    private let misses = Counter(label: "liftback_case_cache_misses_total")

    private func caseData(patientID: String, version: Int64) async throws -> CaseData? {
        if let cached = entries[patientID], cached.version == version {
            hits.increment()
            return cached.data
        }
        misses.increment()
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
