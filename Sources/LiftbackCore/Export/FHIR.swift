import Foundation

/// A JSON value, for documents whose shape is another system's (FHIR): encoded with sorted keys by
/// `LiftbackJSON`, so the same case gives the same bytes.
public indirect enum JSONValue: Encodable, Equatable, Sendable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case array([JSONValue])
    case object([String: JSONValue])

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case let .string(value): try container.encode(value)
        case let .int(value): try container.encode(value)
        case let .double(value): try container.encode(value)
        case let .bool(value): try container.encode(value)
        case let .array(value): try container.encode(value)
        case let .object(value): try container.encode(value)
        }
    }

    /// The member `key` of an object.
    public subscript(key: String) -> JSONValue? {
        if case let .object(members) = self { members[key] } else { nil }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

/// A case as one FHIR R4 `Bundle` of type `collection` (contract, section 5; docs/fhir.md): the
/// `Patient`; an `Observation` per pain report (LOINC 72514-3, its context in `method`), per
/// morning stiffness, next-day answer, red flag reported and movement screen; each questionnaire as
/// a `QuestionnaireResponse` with its score as an `Observation`; the current plan as a `CarePlan`
/// whose activities are the exercises and doses; a `Practitioner` per clinician named and a
/// `Provenance` for each clinician change (overrides and clearances). Every reference is a
/// `urn:uuid:` full URL of an entry in the same bundle. The ids are derived from `key` and what
/// each resource is, so the same case gives the same bundle.
public enum FHIRExport {
    /// Liftback's own codes, where LOINC has none that fits (docs/fhir.md lists them).
    public static let codeSystem = "urn:liftback:codes"
    public static let exerciseSystem = "urn:liftback:exercise"
    public static let redFlagSystem = "urn:liftback:red-flag"
    public static let contextSystem = "urn:liftback:pain-context"
    static let loinc = "http://loinc.org"
    static let ucum = "http://unitsofmeasure.org"
    static let categorySystem = "http://terminology.hl7.org/CodeSystem/observation-category"

    /// Who the case is about.
    public struct Subject: Sendable {
        /// What makes this person's ids theirs (any text; it is hashed, never shown).
        public var key: String
        /// The name to put on the `Patient`, when known (a case file has none).
        public var name: String?

        public init(key: String, name: String? = nil) {
            self.key = key
            self.name = name
        }
    }

    public static func bundle(_ c: Case, prescription: Prescription, subject: Subject, catalog: Catalog) -> JSONValue {
        var builder = Builder(key: subject.key)
        let patient = builder.add("Patient", "patient", patientResource(subject))
        var flagReports: [(flag: RedFlag, day: Day, url: String)] = []

        func observation(_ local: String, code: JSONValue, day: Day, category: String, _ extra: [String: JSONValue])
            -> String
        {
            var resource: [String: JSONValue] = [
                "status": "final", "code": code, "subject": ["reference": .string(patient)],
                "effectiveDateTime": .string(day.description),
                "category": [["coding": [["system": .string(categorySystem), "code": .string(category)]]]],
            ]
            resource.merge(extra) { _, new in new }
            return builder.add("Observation", local, .object(resource))
        }
        func pain(_ local: String, _ value: Int, day: Day, context: String, _ words: String) {
            _ = observation(
                local,
                code: [
                    "coding": [
                        [
                            "system": .string(loinc), "code": "72514-3",
                            "display": "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
                        ]
                    ], "text": "Pain (0-10)",
                ], day: day, category: "survey",
                [
                    "valueInteger": .int(value),
                    "method": [
                        "coding": [["system": .string(contextSystem), "code": .string(context)]], "text": .string(words),
                    ],
                ])
        }
        func flags(_ reported: [RedFlag], day: Day, local: String) {
            for flag in reported {
                let url = observation(
                    "\(local)/flag/\(flag.rawValue)", code: own("red-flag-reported", "Red flag reported"), day: day,
                    category: "survey",
                    [
                        "valueCodeableConcept": [
                            "coding": [["system": .string(redFlagSystem), "code": .string(flag.rawValue)]],
                            "text": .string(flag.plainName),
                        ]
                    ])
                flagReports.append((flag, day, url))
            }
        }

        if let intakePain = c.intake.pain {
            pain("intake/pain", intakePain, day: c.intake.date, context: "intake", "At the intake")
        }
        flags(c.intake.flags, day: c.intake.date, local: "intake")
        for (index, workout) in c.workouts.enumerated() {
            let local = "workout/\(index)/\(workout.date)"
            if let during = workout.peakPainDuring {
                pain("\(local)/during", during, day: workout.date, context: "during-session", "During a session")
            }
            if let after = workout.painAfter {
                pain("\(local)/after", after, day: workout.date, context: "after-session", "Right after a session")
            }
            if let nextDay = workout.nextDay {
                _ = observation(
                    "\(local)/next-day", code: own("next-day-response", "The morning after a session"), day: workout.date,
                    category: "survey",
                    [
                        "valueCodeableConcept": [
                            "coding": [["system": .string(codeSystem), "code": .string("next-day-\(nextDay.rawValue)")]],
                            "text": .string(nextDay.title),
                        ]
                    ])
            }
            flags(workout.flags, day: workout.date, local: local)
        }
        for (index, checkIn) in c.checkIns.enumerated() {
            let local = "check-in/\(index)/\(checkIn.date)"
            pain("\(local)/pain", checkIn.pain, day: checkIn.date, context: "check-in", "At a check-in")
            if let minutes = checkIn.stiffnessMinutes {
                _ = observation(
                    "\(local)/stiffness", code: own("morning-stiffness", "Morning stiffness"), day: checkIn.date,
                    category: "survey", ["valueQuantity": quantity(Double(minutes), unit: "min", code: "min")])
            }
            flags(checkIn.flags, day: checkIn.date, local: local)
        }
        for (index, screen) in c.screens.enumerated() {
            let parts: [JSONValue] = screen.parts.compactMap { part in
                part.passed.map { passed in
                    ["code": own("screen-\(part.field)", "Movement screen: \(part.field)"), "valueBoolean": .bool(passed)]
                }
            }
            _ = observation(
                "screen/\(index)/\(screen.date)", code: own("movement-screen", "Movement screen passed"), day: screen.date,
                category: "exam", ["valueBoolean": .bool(screen.passed), "component": .array(parts)])
        }
        for (index, answered) in c.questionnaires.enumerated() {
            let local = "questionnaire/\(index)/\(answered.instrument.rawValue)/\(answered.date)"
            let items: [JSONValue] = answered.answers.enumerated().map { item, answer in
                var entry: [String: JSONValue] = ["linkId": .string(String(item + 1))]
                if let answer { entry["answer"] = [["valueInteger": .int(answer)]] }
                return .object(entry)
            }
            let response = builder.add(
                "QuestionnaireResponse", local,
                [
                    "questionnaire": .string("urn:liftback:questionnaire:\(answered.instrument.rawValue)"),
                    "status": "completed", "subject": ["reference": .string(patient)],
                    "authored": .string(answered.date.description), "item": .array(items),
                ])
            guard let score = try? answered.instrument.score(answered.answers) else { continue }
            var extra: [String: JSONValue] = [
                "valueQuantity": answered.instrument == .odi
                    ? quantity(score.score, unit: "%", code: "%") : quantity(score.score, unit: "score", code: "{score}"),
                "derivedFrom": [["reference": .string(response)]],
                "note": [["text": .string(score.interpretation)]],
            ]
            if let category = score.category { extra["interpretation"] = [["text": .string(category)]] }
            let subscales: [(String, String, Int?)] = [
                ("psychosocial", "Psychosocial subscale", score.psychosocial),
                ("physical-activity", "Physical activity subscale", score.physicalActivity),
                ("work", "Work subscale", score.work),
            ]
            let components: [JSONValue] = subscales.compactMap { code, words, value in
                value.map {
                    [
                        "code": own("\(answered.instrument.rawValue)-\(code)", words),
                        "valueQuantity": quantity(Double($0), unit: "score", code: "{score}"),
                    ]
                }
            }
            if !components.isEmpty { extra["component"] = .array(components) }
            _ = observation(
                "\(local)/score",
                code: own("\(answered.instrument.rawValue)-score", "\(answered.instrument.title) score"), day: answered.date,
                category: "survey", extra)
        }

        let activities: [JSONValue] = (prescription.exercises + prescription.dailyRoutine).map { line in
            var detail: [String: JSONValue] = [
                "status": line.decision == .stop ? "on-hold" : "scheduled",
                "code": [
                    "coding": [["system": .string(exerciseSystem), "code": .string(line.exercise.rawValue)]],
                    "text": .string(line.name),
                ],
                "description": .string(([line.describe() + "."] + line.reasons).joined(separator: " ")),
            ]
            if line.decision == .stop { detail["doNotPerform"] = true }
            return ["detail": .object(detail)]
        }
        let carePlan = builder.add(
            "CarePlan", "plan",
            [
                "status": prescription.disposition.stopsLoading ? "on-hold" : "active", "intent": "plan",
                "title": .string("Liftback plan: \(prescription.phase.title), \(prescription.session.title.lowercased())"),
                "description": .string((prescription.phaseReasons + [Engine.disclaimer]).joined(separator: " ")),
                "subject": ["reference": .string(patient)],
                "period": ["start": .string(c.intake.date.description)], "created": .string(prescription.asOf.description),
                "activity": .array(activities),
            ])

        var practitioners: [String: String] = [:]
        func agent(by: String?, account: String?) -> JSONValue {
            let type: JSONValue = [
                "coding": [
                    ["system": "http://terminology.hl7.org/CodeSystem/provenance-participant-type", "code": "author"]
                ]
            ]
            guard let name = by ?? account else { return ["type": type, "who": ["display": "A clinician"]] }
            let key = account ?? "name:" + name
            let url =
                practitioners[key]
                ?? builder.add("Practitioner", "practitioner/\(key)", by.map { ["name": [["text": .string($0)]]] } ?? [:])
            practitioners[key] = url
            return ["type": type, "who": ["reference": .string(url), "display": .string(by ?? "A clinician")]]
        }
        func provenance(_ local: String, targets: [String], day: Day, activity: String, agent: JSONValue) {
            _ = builder.add(
                "Provenance", local,
                [
                    "target": .array(targets.map { ["reference": .string($0)] }),
                    "recorded": .string("\(day)T00:00:00Z"), "activity": ["text": .string(activity)],
                    "agent": [agent],
                ])
        }
        for (index, change) in c.overrides.enumerated() {
            provenance(
                "override/\(index)", targets: [carePlan], day: change.date,
                activity: describe(change, catalog: catalog, unit: c.unit),
                agent: agent(by: change.by, account: change.byAccount))
        }
        for (index, clearance) in c.clearances.enumerated() {
            let reports = flagReports.filter { $0.flag == clearance.flag && $0.day <= clearance.date.adding(days: 1) }.map(\.url)
            provenance(
                "clearance/\(index)", targets: [carePlan] + reports, day: clearance.date,
                activity: "Reviewed and cleared: \(clearance.flag.plainName)" + (clearance.note.map { ". \($0)" } ?? ""),
                agent: agent(by: clearance.by, account: clearance.byAccount))
        }

        return [
            "resourceType": "Bundle", "id": .string(builder.uuid("bundle")), "type": "collection",
            "timestamp": .string("\(prescription.asOf)T00:00:00Z"), "entry": .array(builder.entries),
        ]
    }

    /// An override in words, for its `Provenance`.
    static func describe(_ change: Override, catalog: Catalog, unit: WeightUnit) -> String {
        let exercise = change.exercise.map { catalog.plainName($0) } ?? "an exercise"
        switch change.kind {
        case .phase: return "Phase set to \(change.phase?.title ?? "another phase")"
        case .swap: return "Swapped \(exercise) for \(change.replacement.map { catalog.plainName($0) } ?? "another exercise")"
        case .load: return "Load set to \(change.weight.map(formatWeight) ?? "?") \(unit.rawValue) for \(exercise)"
        case .note: return "Note: \(change.note ?? "")"
        }
    }

    static func patientResource(_ subject: Subject) -> JSONValue {
        guard let name = subject.name else { return [:] }
        return ["name": [["text": .string(name)]]]
    }

    static func own(_ code: String, _ display: String) -> JSONValue {
        [
            "coding": [["system": .string(codeSystem), "code": .string(code), "display": .string(display)]],
            "text": .string(display),
        ]
    }

    static func quantity(_ value: Double, unit: String, code: String) -> JSONValue {
        let number: JSONValue = value.rounded() == value && abs(value) < 1e15 ? .int(Int(value)) : .double(value)
        return ["value": number, "unit": .string(unit), "system": .string(ucum), "code": .string(code)]
    }

    /// The bundle's entries as they are added, each with a `urn:uuid:` full URL.
    struct Builder {
        let key: String
        var entries: [JSONValue] = []

        /// Adds `resource` (its `resourceType` and `id` filled in) and returns its full URL.
        mutating func add(_ type: String, _ local: String, _ resource: JSONValue) -> String {
            let id = uuid("\(type)/\(local)")
            var members: [String: JSONValue] = [:]
            if case let .object(given) = resource { members = given }
            members["resourceType"] = .string(type)
            members["id"] = .string(id)
            let url = "urn:uuid:" + id
            entries.append(["fullUrl": .string(url), "resource": .object(members)])
            return url
        }

        /// A UUID (version 8: custom) from two FNV-1a hashes of the key and `name`: the same inputs
        /// give the same id, in every run and on every platform.
        func uuid(_ name: String) -> String {
            func fnv(_ text: String, basis: UInt64) -> UInt64 {
                var hash = basis
                for byte in text.utf8 {
                    hash ^= UInt64(byte)
                    hash = hash &* 0x100_0000_01b3
                }
                return hash
            }
            let text = key + "\u{0}" + name
            var high = fnv(text, basis: 0xcbf2_9ce4_8422_2325)
            var low = fnv(text, basis: 0x8422_2325_cbf2_9ce4)
            high = (high & 0xffff_ffff_ffff_0fff) | 0x8000  // version 8
            low = (low & 0x3fff_ffff_ffff_ffff) | 0x8000_0000_0000_0000  // RFC 4122 variant
            let digits = Array("0123456789abcdef")
            func hex(_ value: UInt64) -> String {
                String((0..<16).reversed().map { digits[Int((value >> (UInt64($0) * 4)) & 0xf)] })
            }
            let all = hex(high) + hex(low)
            let chars = Array(all)
            return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(chars[$0]) }.joined(separator: "-")
        }
    }
}
