import Foundation
import LiftbackStore

/// Who is asking, and through which route: what a service needs, once `AccessService` has let the
/// caller in, to keep the patient's audit trail.
public struct Caller: Sendable, Equatable {
    public var account: Account
    /// The route the request came through, such as `POST /api/v1/patients/{id}/workouts`.
    public var route: String

    public init(_ account: Account, route: String) {
        self.account = account
        self.route = route
    }

    /// The line this caller adds to a patient's trail for `action`, at `at`.
    func audit(_ action: AuditAction, at: Date) -> AuditEvent {
        AuditEvent(at: at, actorID: account.id, actorRole: account.role, action: action, route: route)
    }
}
