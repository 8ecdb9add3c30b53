import Foundation

/// What was done with a patient's record, as their audit trail names it.
public enum AuditAction: String, Codable, Sendable, CaseIterable {
    /// Someone other than the patient read the record (the patient page, the plan, the history);
    /// the patient's own reads are not listed.
    case viewed
    case intakeSaved = "intake-saved"
    case trainingHistoryImported = "training-history-imported"
    case workoutLogged = "workout-logged"
    case workoutAmended = "workout-amended"
    case checkInAdded = "check-in-added"
    case screenAdded = "screen-added"
    case questionnaireAdded = "questionnaire-added"
    case flagCleared = "flag-cleared"
    case overrideAdded = "override-added"
    case policyChanged = "policy-changed"
    /// The patient's clinician made a one-time link to set a new password (the person forgot theirs).
    case resetLinkIssued = "reset-link-issued"
    /// The account's password was set with a one-time link (a reset, whoever made the link).
    case passwordSetWithLink = "password-set-with-link"
    /// The person changed their settings: unit, plate increment, time zone or equipment.
    case settingsChanged = "settings-changed"
    /// The person made a calendar feed address (any earlier one stopped).
    case calendarFeedMade = "calendar-feed-made"
}

/// One line of a patient's audit trail: who (account id and role) did what with the record, when
/// (the server's clock), through which route. Lines are only ever added; a change's line is written
/// in the same transaction as the change, so there is never one without the other.
public struct AuditEvent: Codable, Sendable, Equatable {
    public var at: Date
    public var actorID: String
    public var actorRole: Role
    public var action: AuditAction
    /// The route the request came through, such as `POST /api/v1/patients/{id}/workouts`.
    public var route: String

    public init(at: Date, actorID: String, actorRole: Role, action: AuditAction, route: String) {
        self.at = at
        self.actorID = actorID
        self.actorRole = actorRole
        self.action = action
        self.route = route
    }
}
