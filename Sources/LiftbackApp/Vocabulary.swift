import LiftbackStore

// The records the adapters (the JSON API, the pages, the command line) name, passed through from
// the store's module so that they never need to import it: only this layer holds a `Store`.

public typealias Account = LiftbackStore.Account
public typealias Role = LiftbackStore.Role
public typealias PatientSettings = LiftbackStore.PatientSettings
public typealias CaseData = LiftbackStore.CaseData
public typealias StoredWorkout = LiftbackStore.StoredWorkout
public typealias QuestionnaireRecord = LiftbackStore.QuestionnaireRecord
public typealias AuditEvent = LiftbackStore.AuditEvent
public typealias AuditAction = LiftbackStore.AuditAction
