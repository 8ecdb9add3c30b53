import Foundation
import Hummingbird
import HummingbirdTesting
import LiftbackApp
import LiftbackCore
import LiftbackStore
import Logging
import Testing

@testable import LiftbackServer

/// Shared helpers: an in-process app over a fresh store, and JSON requests against it.
struct APIHarness {
    let store: any Store
    let router: Router<AppContext>
    let services: Services

    /// The services of the harness a test runs in (`test`), for what only the operator can do,
    /// such as adding a clinician.
    @TaskLocal static var current: Services?

    /// The server's today is fixed so that the suite does not depend on the calendar.
    static let today = "2026-12-07"

    /// - Parameter now: the clock the services read (a test's own, to move time on).
    init(store: any Store = MemoryStore(), now: @escaping @Sendable () -> Date = { Date() }, requestLogger: Logger? = nil) {
        self.store = store
        // bcrypt's lowest cost keeps the suite fast; production uses 12.
        let config = ServerConfig(passwordCost: 4, fixedToday: Self.today)
        services = Services(
            store: store, engine: Engine.standard, passwordCost: config.passwordCost, today: { config.today(in: $0) }, now: now)
        router = buildRouter(services: services, config: config, requestLogger: requestLogger)
    }

    var app: some ApplicationProtocol { Application(router: router) }

    /// Runs `body` against the app in process, with `current` set to these services.
    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await Self.$current.withValue(services) {
            try await app.test(.router) { client in try await body(client) }
        }
    }

    /// Adds a clinician as the operator does (`liftback admin add-clinician`) and sets their
    /// password through the one-time link, as they would.
    static func addClinician(_ client: some TestClientProtocol, _ email: String, name: String? = nil) async throws -> Account {
        let services = try #require(current, "run the test in APIHarness.test to add clinicians")
        let (account, link) = try await services.accounts.addClinician(name: name ?? email, email: email)
        let set = try await send(
            client, .post, "/api/v1/accounts/set-password",
            json: ["token": link.setPasswordToken, "password": "correct horse battery"])
        #expect(set.status == .noContent, "\(set.text)")
        return account
    }

    struct Reply {
        var status: HTTPResponse.Status
        var body: Data
        var json: [String: Any] { ((try? JSONSerialization.jsonObject(with: body)) as? [String: Any]) ?? [:] }
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    static func send(
        _ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, token: String? = nil, json: Any? = nil,
        raw: String? = nil
    ) async throws -> Reply {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        let body: ByteBuffer? =
            if let raw { ByteBuffer(string: raw) } else if let json {
                ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json))
            } else {
                nil
            }
        return try await client.execute(uri: uri, method: method, headers: headers, body: body) { response in
            Reply(status: response.status, body: Data(response.body.readableBytesView))
        }
    }

    /// A patient signed up and signed in, with the harness's intake saved; and the path of their record.
    static func patientWithIntake(_ client: some TestClientProtocol) async throws -> (
        patient: (id: String, token: String), base: String
    ) {
        let pat = try await signUp(client, "pat@example.org")
        let base = "/api/v1/patients/\(pat.id)"
        _ = try await send(client, .put, "\(base)/intake", token: pat.token, json: intake)
        return (pat, base)
    }

    /// Signs up and signs in; returns the account id and a bearer token.
    static func signUp(_ client: some TestClientProtocol, _ email: String, role: String = "patient", name: String? = nil)
        async throws
        -> (id: String, token: String)
    {
        if role == "clinician" {
            _ = try await addClinician(client, email, name: name)
        } else {
            let created = try await send(
                client, .post, "/api/v1/accounts",
                json: ["email": email, "password": "correct horse battery", "name": name ?? email, "role": role])
            #expect(created.status == .created, "\(created.text)")
        }
        let token = try await send(
            client, .post, "/api/v1/auth/token", json: ["email": email, "password": "correct horse battery"])
        #expect(token.status == .ok, "\(token.text)")
        return (token.json["accountId"] as? String ?? "", token.json["token"] as? String ?? "")
    }

    static var intake: [String: Any] {
        [
            "date": "2026-11-02", "pattern": "muscular", "pain": 3,
            "previousWorkingWeights": [["exercise": "conventional-deadlift", "weight": 140, "reps": 5]],
        ]
    }

    /// Easy sessions that went well in the early phases: the evidence the phase gates ask for before
    /// lifting opens (domain spec 5b), as in examples/contract-example.json.
    static var evidenceWorkouts: [[String: Any]] {
        let restore: [[String: Any]] = [
            ["exercise": "walk", "sets": [["holdSeconds": 10]]], ["exercise": "glute-bridge", "sets": [["reps": 10]]],
        ]
        let build: [[String: Any]] = [
            ["exercise": "front-plank", "sets": [["holdSeconds": 20]]], ["exercise": "dowel-hip-hinge", "sets": [["reps": 10]]],
        ]
        return [
            ("2026-11-05", restore), ("2026-11-08", restore), ("2026-11-11", build), ("2026-11-15", build),
            ("2026-11-18", build), ("2026-11-22", build),
        ].map { date, exercises in
            ["date": date, "exercises": exercises, "painDuring": 1, "painAfter": 1, "nextDay": "settled"]
        }
    }

    static var workout: [String: Any] {
        [
            "date": "2026-11-30", "painDuring": 3, "painAfter": 3,
            "exercises": [["exercise": "trap-bar-deadlift", "sets": [["weight": 70, "reps": 8], ["weight": 70, "reps": 8]]]],
        ]
    }
}
