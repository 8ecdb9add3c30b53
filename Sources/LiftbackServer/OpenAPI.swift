import Foundation
import LiftbackApp
import LiftbackCore

/// The OpenAPI 3.1 description of `/api/v1`, served at `/openapi.json`. A test keeps it in step
/// with the router: every route is described and every described operation is routed.
enum OpenAPIDocument {
    struct Operation {
        var method: String
        var path: String
        var summary: String
        var auth: Bool = true
        var body: String? = nil
        var success: (status: String, schema: String?)
        var errors: [String] = ["400", "401", "404"]
        var query: [(name: String, required: Bool)] = []
        /// The request body is an exported CSV file rather than JSON.
        var csvBody = false
        /// The write honours an `Idempotency-Key` header: sent again with the same key, it is stored once.
        var idempotent = false
        /// The success body's media type.
        var mediaType = "application/json"
    }

    /// Query parameters that are not dates: their schemas by name.
    static var querySchemas: [String: [String: Any]] { ["sourceUnit": ["type": "string", "enum": names(WeightUnit.self)]] }

    static let operations: [Operation] = [
        Operation(
            method: "post", path: "/api/v1/accounts",
            summary: "Sign up as a patient; role clinician is refused with 403 (clinicians are added by the operator)",
            auth: false, body: "NewAccount", success: ("201", "Account"), errors: ["400", "403", "409", "429"]),
        Operation(
            method: "post", path: "/api/v1/accounts/set-password",
            summary: "Set a password with a one-time link's token (a new clinician's, or a reset); it works once",
            auth: false, body: "NewPassword", success: ("204", nil), errors: ["400"]),
        Operation(
            method: "post", path: "/api/v1/auth/token", summary: "Exchange email and password for a bearer token", auth: false,
            body: "Credentials", success: ("200", "Token"), errors: ["400", "401", "429"]),
        Operation(
            method: "delete", path: "/api/v1/auth/token",
            summary: "Sign the bearer token sent out, at once on every server instance", success: ("204", nil),
            errors: ["401"]),
        Operation(
            method: "post", path: "/api/v1/invites", summary: "Clinician: create an invite code", success: ("201", "Invite"),
            errors: ["401", "403"]),
        Operation(
            method: "post", path: "/api/v1/invites/{code}/accept",
            summary:
                "Patient: join the clinician of an invite; a code works once, for \(Words.days(AccountService.inviteDays)), and guessing is throttled",
            success: ("200", "Accepted"), errors: ["401", "403", "404", "429"]),
        Operation(
            method: "put", path: "/api/v1/patients/{id}/intake",
            summary:
                "The intake, as in a case file, with policy, unit and plate increment; once a weight is logged the unit stays (400 on `unit`)",
            body: "Intake", success: ("200", "Triage"), errors: ["400", "401", "404", "422"]),
        Operation(
            method: "post", path: "/api/v1/patients/{id}/workouts",
            summary: "Log one workout; with Idempotency-Key, sending it again stores it once and answers with the first id",
            body: "Workout", success: ("201", "Created"), errors: ["400", "401", "403", "404", "409", "422"], idempotent: true),
        Operation(
            method: "patch", path: "/api/v1/patients/{id}/workouts/{workoutId}",
            summary: "Add the next-day answer, pain after or new flags",
            body: "WorkoutPatch", success: ("200", "Created")),
        Operation(
            method: "post", path: "/api/v1/patients/{id}/check-ins",
            summary: "Log one check-in; with Idempotency-Key, sending it again stores it once", body: "CheckIn",
            success: ("201", "Created"), errors: ["400", "401", "403", "404", "409", "422"], idempotent: true),
        Operation(
            method: "post", path: "/api/v1/patients/{id}/screens", summary: "Record a movement screen", body: "Screen",
            success: ("201", "Created"), errors: ["400", "401", "404", "409", "422"]),
        Operation(
            method: "post", path: "/api/v1/patients/{id}/questionnaires", summary: "Score and keep a questionnaire",
            body: "Questionnaire", success: ("201", "Score"), errors: ["400", "401", "404", "422"]),
        Operation(
            method: "post", path: "/api/v1/patients/{id}/clearances", summary: "Linked clinician: clear a reviewed flag",
            body: "Clearance", success: ("201", "Created"), errors: ["400", "401", "403", "404", "409"]),
        Operation(
            method: "post", path: "/api/v1/patients/{id}/overrides",
            summary: "Linked clinician: override phase, exercise, load or add a note",
            body: "Override", success: ("201", "Created"), errors: ["400", "401", "403", "404", "409", "422"]),
        Operation(
            method: "put", path: "/api/v1/patients/{id}/training-history",
            summary:
                "Patient: a Strong, Hevy or FitNotes export (CSV) as the intake's training history; answers what was read and the baseline it gives",
            success: ("200", "ImportSummary"), errors: ["400", "401", "403", "404", "409"], query: [("sourceUnit", false)],
            csvBody: true),
        Operation(
            method: "get", path: "/api/v1/patients/{id}/next", summary: "The next prescription",
            success: ("200", "Prescription"), errors: ["400", "401", "404", "409"], query: [("asOf", true)]),
        Operation(
            method: "get", path: "/api/v1/patients/{id}/history", summary: "The case as stored, in the case file's shape",
            success: ("200", "Case"), errors: ["400", "401", "404", "409"], query: [("asOf", false)]),
        Operation(
            method: "get", path: "/api/v1/patients/{id}/fhir",
            summary:
                "The record as one FHIR R4 Bundle (application/fhir+json): Patient, pain Observations (LOINC 72514-3), questionnaires, the plan as a CarePlan, Provenance for clinician changes (docs/fhir.md)",
            success: ("200", "FHIRBundle"), errors: ["401", "404", "409"], mediaType: "application/fhir+json"),
        Operation(
            method: "get", path: "/api/v1/caseload", summary: "Clinician: linked patients by status, most urgent first",
            success: ("200", "Caseload"), errors: ["400", "401", "403"], query: [("asOf", false)]),
        Operation(
            method: "get", path: "/api/v1/patients/{id}/audit",
            summary:
                "Patient: who read or changed their record, newest first (at most \(PrivacyService.trailLimit) lines); their own reads are not listed",
            success: ("200", "AuditTrail"), errors: ["401", "403", "404"]),
        Operation(
            method: "get", path: "/api/v1/patients/{id}/export",
            summary:
                "Patient: everything held about them as one document (account, who can see it, case, settings, questionnaires)",
            success: ("200", "Export"), errors: ["401", "403", "404"]),
        Operation(
            method: "delete", path: "/api/v1/accounts/me",
            summary: "Delete the caller's account and everything held about them, once the password is given again",
            body: "Password", success: ("204", nil), errors: ["400", "401", "429"]),
        Operation(
            method: "post", path: "/api/v1/patients/{id}/calendar-feed",
            summary:
                "Patient: a new secret calendar feed (iCalendar, the next two weeks of planned sessions, read without signing in at the path answered); any earlier one stops",
            success: ("201", "CalendarFeed"), errors: ["401", "403", "404"]),
        Operation(
            method: "delete", path: "/api/v1/patients/{id}/calendar-feed",
            summary: "Patient: stop the calendar feed; its address answers 404 from then on", success: ("204", nil),
            errors: ["401", "403", "404"]),
        Operation(
            method: "delete", path: "/api/v1/patients/{id}/clinicians/{clinicianId}",
            summary: "Patient: stop sharing the record with a linked clinician, who then gets 404 on it", success: ("204", nil),
            errors: ["401", "403", "404"]),
    ]

    /// The document, its numbers from the engine's settings.
    static func json(settings: EngineSettings) -> Data {
        let document: [String: Any] = [
            "openapi": "3.1.0",
            "info": [
                "title": "Liftback API", "version": "1",
                "description":
                    "Graded return to lifting with low back pain. Decision support, not a diagnosis. The shapes are described in docs/case-format.md.",
            ],
            "servers": [["url": "/"]],
            "paths": paths(),
            "components": [
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]],
                "schemas": schemas(settings),
            ],
        ]
        return
            (try? JSONSerialization.data(
                withJSONObject: document, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])) ?? Data()
    }

    static func paths() -> [String: Any] {
        var paths: [String: [String: Any]] = [:]
        for operation in operations {
            var parameters: [[String: Any]] = operation.path.split(separator: "/").filter { $0.hasPrefix("{") }.map { segment in
                let name = String(segment.dropFirst().dropLast())
                let schema: [String: Any] = name == "workoutId" ? ["type": "integer", "format": "int64"] : ["type": "string"]
                return ["name": name, "in": "path", "required": true, "schema": schema]
            }
            parameters += operation.query.map {
                [
                    "name": $0.name, "in": "query", "required": $0.required,
                    "schema": querySchemas[$0.name] ?? ["type": "string", "format": "date"],
                ]
            }
            if operation.idempotent {
                parameters.append([
                    "name": "Idempotency-Key", "in": "header", "required": false,
                    "description": "Any unique text, such as a UUID, for this one entry; 409 when it came before with another",
                    "schema": ["type": "string", "minLength": 1, "maxLength": CaseService.keyLength],
                ])
            }
            var responses: [String: Any] = [:]
            var success: [String: Any] = ["description": "Success"]
            if let schema = operation.success.schema {
                success["content"] = [operation.mediaType: ["schema": ["$ref": "#/components/schemas/\(schema)"]]]
            }
            responses[operation.success.status] = success
            // A body that is not JSON is refused with 415 before it is read.
            for status in operation.errors + (operation.body == nil ? [] : ["415"]) {
                responses[status] = [
                    "description": "Error: the body names what is wrong",
                    "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]],
                ]
            }
            var entry: [String: Any] = [
                "summary": operation.summary, "responses": responses,
                "operationId": operation.method
                    + operation.path.replacingOccurrences(of: "/api/v1", with: "")
                    .split(whereSeparator: { "/{}-".contains($0) }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(),
            ]
            if !parameters.isEmpty { entry["parameters"] = parameters }
            entry["security"] = operation.auth ? [["bearer": [String]()]] : [[String: [String]]]()
            if operation.csvBody {
                entry["requestBody"] = ["required": true, "content": ["text/csv": ["schema": ["type": "string"]]]]
            }
            if let body = operation.body {
                entry["requestBody"] = [
                    "required": true, "content": ["application/json": ["schema": ["$ref": "#/components/schemas/\(body)"]]],
                ]
            }
            paths[operation.path, default: [:]][operation.method] = entry
        }
        return paths
    }

    static var day: [String: Any] { ["type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"] }
    static var pain: [String: Any] {
        ["type": "integer", "minimum": InputLimits.pain.lowerBound, "maximum": InputLimits.pain.upperBound]
    }

    /// The values an enumeration takes, as its JSON spells them.
    static func names<T: CaseIterable & RawRepresentable>(_: T.Type) -> [String] where T.RawValue == String {
        T.allCases.map(\.rawValue)
    }
    static var flags: [String: Any] { ["type": "array", "items": ["type": "string"]] }
    /// A list of weights at hand (kettlebells, dumbbells, plates), in the case's unit.
    static var weights: [String: Any] {
        ["type": "array", "maxItems": InputLimits.equipmentItems, "items": ["type": "number", "exclusiveMinimum": 0]]
    }
    static func object(_ properties: [String: Any], required: [String] = []) -> [String: Any] {
        ["type": "object", "properties": properties, "required": required]
    }

    static var set: [String: Any] {
        object([
            "weight": ["type": "number", "minimum": 0], "reps": ["type": "integer", "minimum": 0],
            "holdSeconds": ["type": "integer", "minimum": 0],
            "rpe": ["type": "number", "minimum": InputLimits.rpe.lowerBound, "maximum": InputLimits.rpe.upperBound],
            "tempo": ["type": "string"], "pauseSeconds": ["type": "integer", "minimum": 0], "pain": pain,
        ])
    }

    static func schemas(_ settings: EngineSettings) -> [String: Any] {
        [
            "Error": object(["error": ["type": "string"], "field": ["type": "string"]], required: ["error"]),
            "NewAccount": object(
                [
                    "email": ["type": "string"], "password": ["type": "string", "minLength": NewAccountInput.passwordMinimum],
                    "name": ["type": "string", "minLength": 1],
                    "role": ["type": "string", "enum": names(Role.self), "description": "patient (the default) only"],
                ], required: ["email", "password", "name"]),
            "Password": object(["password": ["type": "string"]], required: ["password"]),
            "Export": object([
                "exportedAt": ["type": "string", "format": "date-time"], "account": ["type": "object"],
                "clinicians": ["type": "array"], "case": ["type": ["object", "null"]], "settings": ["type": ["object", "null"]],
                "questionnaires": ["type": "array"],
                "auditTrail": ["type": "array", "items": ["$ref": "#/components/schemas/AuditLine"]],
            ]),
            "AuditTrail": object(
                ["events": ["type": "array", "items": ["$ref": "#/components/schemas/AuditLine"]]], required: ["events"]),
            "AuditLine": object(
                [
                    "at": ["type": "string", "format": "date-time"], "actorId": ["type": "string"],
                    "actorName": ["type": ["string", "null"], "description": "null once that account is deleted"],
                    "actorRole": ["type": "string", "enum": names(Role.self)],
                    "byThemselves": ["type": "boolean"],
                    "action": ["type": "string", "enum": names(AuditAction.self)],
                    "route": ["type": "string"],
                ], required: ["at", "actorId", "actorRole", "byThemselves", "action", "route"]),
            "NewPassword": object(
                [
                    "token": ["type": "string"],
                    "password": ["type": "string", "minLength": NewAccountInput.passwordMinimum],
                ], required: ["token", "password"]),
            "Account": object([
                "id": ["type": "string"], "email": ["type": "string"], "name": ["type": "string"], "role": ["type": "string"],
            ]),
            "Credentials": object(
                ["email": ["type": "string"], "password": ["type": "string"]], required: ["email", "password"]),
            "Token": object(
                [
                    "token": ["type": "string"], "accountId": ["type": "string"],
                    "expiresAt": [
                        "type": "string", "format": "date-time",
                        "description": "when the token ends; it also ends after 30 minutes unused",
                    ],
                ], required: ["token", "accountId", "expiresAt"]),
            "Invite": object(["code": ["type": "string"]], required: ["code"]),
            "Accepted": object(["clinicianId": ["type": "string"]]),
            "Created": object(["id": ["type": "integer"]]),
            "FHIRBundle": object(
                [
                    "resourceType": ["type": "string", "const": "Bundle"], "type": ["type": "string", "const": "collection"],
                    "entry": ["type": "array", "items": ["type": "object"]],
                ], required: ["resourceType", "type", "entry"]),
            "CalendarFeed": object(
                [
                    "path": ["type": "string", "pattern": "^/calendar/[0-9a-f]{64}\\.ics$"],
                    "expiresAt": ["type": "string", "format": "date-time"],
                ],
                required: ["path", "expiresAt"]),
            "Intake": object(
                [
                    "date": day, "flags": flags,
                    "pattern": ["type": "string", "enum": names(PresentationPattern.self)],
                    "previousWorkingWeights": [
                        "type": "array",
                        "items": object(
                            [
                                "exercise": ["type": "string"], "weight": ["type": "number", "exclusiveMinimum": 0],
                                "reps": [
                                    "type": "integer", "minimum": InputLimits.workingReps.lowerBound,
                                    "maximum": InputLimits.workingReps.upperBound,
                                ],
                            ],
                            required: ["exercise", "weight", "reps"]),
                    ],
                    "pain": pain,
                    "avoids": [
                        "type": "array",
                        "items": [
                            "type": "string", "enum": names(FearedMovement.self),
                        ],
                    ],
                    "policy": ["type": "string", "enum": names(ProgressionPolicy.self)],
                    "unit": ["type": "string", "enum": names(WeightUnit.self)],
                    "plateIncrement": ["type": "number", "exclusiveMinimum": 0],
                    "timeZone": ["type": "string", "description": "the person's time zone, an IANA name such as Europe/Oslo"],
                    "equipment": object(
                        [
                            "kettlebells": weights, "dumbbells": weights, "plates": weights,
                            "bar": ["type": "number", "description": "the barbell's own weight, in the case's unit"],
                            "trapBar": ["type": "number", "description": "the trap bar's own weight, in the case's unit"],
                        ], required: []),
                ],
                required: ["date"]),
            "Workout": object(
                [
                    "date": day, "painDuring": pain, "painAfter": pain,
                    "nextDay": ["type": "string", "enum": names(NextDayResponse.self)],
                    "flags": flags, "stoppedEarly": ["type": "boolean"], "lockedUp": ["type": "boolean"],
                    "exercises": [
                        "type": "array",
                        "items": object(
                            ["exercise": ["type": "string"], "painDuring": pain, "sets": ["type": "array", "items": set]],
                            required: ["exercise", "sets"]),
                    ],
                ],
                required: ["date"]),
            "WorkoutPatch": object(
                [
                    "nextDay": ["type": "string", "enum": names(NextDayResponse.self)], "painAfter": pain, "flags": flags,
                    "stoppedEarly": ["type": "boolean"], "lockedUp": ["type": "boolean"],
                ]),
            "CheckIn": object(
                [
                    "date": day, "pain": pain,
                    "stiffnessMinutes": [
                        "type": "integer", "minimum": InputLimits.stiffnessMinutes.lowerBound,
                        "maximum": InputLimits.stiffnessMinutes.upperBound,
                    ], "flags": flags,
                ],
                required: ["date", "pain"]),
            "Screen": object(
                [
                    "date": day, "passed": ["type": "boolean"], "toeTouch": ["type": "boolean"], "squats": ["type": "boolean"],
                    "plank": ["type": "boolean"], "walk": ["type": "boolean"],
                ], required: ["date", "passed"]),
            "Questionnaire": object(
                [
                    "instrument": ["type": "string", "enum": names(Instrument.self)], "date": day,
                    "answers": ["type": "array", "items": ["type": ["integer", "null"]]],
                ], required: ["instrument", "date", "answers"]),
            "Score": object(["instrument": ["type": "string"], "score": ["type": "number"], "category": ["type": "string"]]),
            "Clearance": object(
                ["flag": ["type": "string"], "date": day, "note": ["type": "string", "maxLength": InputLimits.noteLength]],
                required: ["flag", "date"]),
            "Override": object(
                [
                    "kind": ["type": "string", "enum": names(Override.Kind.self)], "date": day,
                    "phase": ["type": "string"],
                    "exercise": ["type": "string"], "replacement": ["type": "string"],
                    "weight": ["type": "number", "minimum": 0],
                    "note": ["type": "string"],
                    "confirm": [
                        "type": "boolean",
                        "description":
                            "true keeps a load more than \(EngineSettings.percent(settings.loadJumpShare)) above the person's last lift on the ladder (or with nothing to compare it with); without it such a load is refused with a 400 that explains the jump",
                    ],
                ], required: ["kind", "date"]),
            "ImportSummary": object(
                [
                    "format": ["type": "string", "enum": ["strong", "hevy", "fitnotes"]],
                    "sourceUnit": ["type": "string"], "unit": ["type": "string"], "workouts": ["type": "integer"],
                    "fromIntakeOn": ["type": "integer"],
                    "unmatched": ["type": "array"], "skippedRows": ["type": "integer"], "baseline": ["type": "array"],
                ], required: ["format", "unit", "workouts", "unmatched", "baseline"]),
            "Triage": object(["disposition": ["type": "string"], "reasons": ["type": "array", "items": ["type": "string"]]]),
            "Prescription": object(
                [
                    "asOf": day, "disposition": ["type": "string"], "phase": ["type": "string"], "exercises": ["type": "array"],
                    "alerts": ["type": "array"],
                ], required: ["asOf", "disposition", "phase", "exercises", "alerts"]),
            "Case": object(
                ["asOf": day, "intake": ["type": "object"], "workouts": ["type": "array"]], required: ["asOf", "intake"]),
            "Caseload": object(
                [
                    "asOf": day,
                    "patients": [
                        "type": "array",
                        "items": object(
                            [
                                "id": ["type": "string"], "name": ["type": "string"],
                                "status": ["type": "string", "enum": names(CaseStatus.self)],
                                "reason": ["type": "string"],
                            ]),
                    ],
                ],
                required: ["patients"]),
        ]
    }
}
