import LiftbackCore

extension StoredStatus {
    /// Rebuilds a status from its columns; `nil` when there is none or a value is not understood.
    /// A status from the columns of `case_status` as both SQL stores read them; `nil` when absent.
    package static func from(
        _ asOf: String?, _ status: String?, _ reason: String?, _ phase: String?, _ disposition: String?, _ lastTraining: String?,
        _ caseVersion: Int64?
    ) -> StoredStatus? {
        guard let asOf = asOf.flatMap(Day.init(iso:)), let status = status.flatMap(CaseStatus.init(rawValue:)), let reason,
            let disposition = disposition.flatMap(Disposition.init(rawValue:)), let caseVersion
        else { return nil }
        return StoredStatus(
            asOf: asOf, status: status, reason: reason, phase: phase.flatMap(Phase.init(rawValue:)), disposition: disposition,
            lastTraining: lastTraining.flatMap(Day.init(iso:)), caseVersion: caseVersion)
    }
}
