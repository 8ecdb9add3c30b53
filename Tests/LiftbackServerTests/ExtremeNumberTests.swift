import Foundation
import Hummingbird
import HummingbirdTesting
import LiftbackSQLite
import LiftbackStore
import Testing

@testable import LiftbackServer

/// Extreme numbers in every numeric field of every JSON body and every page form: each is answered
/// (a 2xx when the value is a real one, a 4xx naming the field otherwise), never a 5xx, and the
/// pages that show the record afterwards still render. A trap in any conversion stops the test.
@Suite("Extreme numbers")
struct ExtremeNumberTests {
    typealias H = APIHarness

    /// Written into the JSON text as they are: zero, negative zero, tiny, negative, huge, past a
    /// 64-bit integer, and past a double.
    static let extremes = ["0", "-0.0", "1e-9", "0.0001", "-1", "1e20", "1e308", "9223372036854775808", "1e400", "1e-400"]

    /// Every path to a number inside a JSON value, as keys and indexes.
    static func numericPaths(_ value: Any, _ path: [Any] = []) -> [[Any]] {
        switch value {
        case let object as [String: Any]: object.flatMap { numericPaths($0.value, path + [$0.key]) }
        case let array as [Any]: array.enumerated().flatMap { numericPaths($0.element, path + [$0.offset]) }
        case is NSNumber where !(value is Bool): [path]
        default: []
        }
    }

    /// The body as JSON text with the number at `path` written as `token`.
    static func body(_ template: Any, replacing path: [Any], with token: String) throws -> String {
        func replace(_ value: Any, _ rest: ArraySlice<Any>) -> Any {
            guard let key = rest.first else { return "__EXTREME__" }
            if var object = value as? [String: Any], let key = key as? String {
                object[key] = replace(object[key]!, rest.dropFirst())
                return object
            }
            if var array = value as? [Any], let index = key as? Int {
                array[index] = replace(array[index], rest.dropFirst())
                return array
            }
            return value
        }
        let data = try JSONSerialization.data(withJSONObject: replace(template, path[...]))
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\"__EXTREME__\"", with: token)
    }

    /// The stores these run on: the memory store never encodes JSON, so SQLite runs too (a weight
    /// of infinity once reached its JSON encoder before the check that refuses it).
    enum Backing: String, CaseIterable, CustomTestStringConvertible {
        case memory, sqlite
        var testDescription: String { rawValue }
        func make() throws -> any Store {
            switch self {
            case .memory: MemoryStore()
            case .sqlite:
                try SQLiteStore(
                    path: FileManager.default.temporaryDirectory.appendingPathComponent("liftback-\(UUID().uuidString).sqlite")
                        .path)
            }
        }
    }

    @Test("Every numeric field of every JSON body takes extreme numbers without a server error", arguments: Backing.allCases)
    func apiBodies(backing: Backing) async throws {
        try await H(store: try backing.make()).test { client in
            let (pat, doc) = try await APITests.linkedPair(client)
            var intake = H.intake
            intake["plateIncrement"] = 2.5
            intake["equipment"] = ["kettlebells": [8, 12, 16], "dumbbells": [5, 10]]
            let base = "/api/v1/patients/\(pat.id)"
            #expect(try await H.send(client, .put, "\(base)/intake", token: pat.token, json: intake).status == .ok)
            var workout = H.workout
            workout["exercises"] = [
                [
                    "exercise": "trap-bar-deadlift", "painDuring": 2,
                    "sets": [["weight": 70, "reps": 8, "rpe": 7, "pain": 2, "pauseSeconds": 2]],
                ],
                ["exercise": "front-plank", "sets": [["holdSeconds": 30]]],
            ]
            let created = try await H.send(client, .post, "\(base)/workouts", token: pat.token, json: workout)
            let workoutID = try #require(created.json["id"] as? Int)
            let bodies: [(String, HTTPRequest.Method, String, String, Any)] = [
                ("intake", .put, "\(base)/intake", pat.token, intake),
                ("workout", .post, "\(base)/workouts", pat.token, workout),
                ("amendment", .patch, "\(base)/workouts/\(workoutID)", pat.token, ["painAfter": 2]),
                ("check-in", .post, "\(base)/check-ins", pat.token, ["date": "2026-12-01", "pain": 2, "stiffnessMinutes": 10]),
                (
                    "questionnaire", .post, "\(base)/questionnaires", pat.token,
                    ["instrument": "psfs", "date": "2026-12-01", "answers": [3, 5, 6]]
                ),
                (
                    "override", .post, "\(base)/overrides", doc.token,
                    ["kind": "load", "date": "2026-12-01", "exercise": "trap-bar-deadlift", "weight": 72, "confirm": true]
                ),
            ]
            var person = PageTests.Browser()
            try await person.signIn(client, "pat@example.org")
            var desk = PageTests.Browser()
            try await desk.signIn(client, "doc@example.org")
            var tried = 0
            for (name, method, uri, token, template) in bodies {
                let paths = Self.numericPaths(template)
                #expect(!paths.isEmpty, "\(name)")
                for path in paths {
                    for value in Self.extremes {
                        let raw = try Self.body(template, replacing: path, with: value)
                        let reply = try await H.send(client, method, uri, token: token, raw: raw)
                        #expect(reply.status.code < 500, "\(name) \(path) = \(value): \(reply.status) \(reply.text)")
                        if value == "1e-400" {
                            // Too small for a Double: refused, never kept as 0.
                            #expect(reply.status == .badRequest && reply.text.contains("too small"), "\(name) \(path)")
                        }
                        tried += 1
                        guard reply.status.code < 300 else { continue }
                        // What was kept is shown: the plan, the person's progress and the clinician's page.
                        let next = try await H.send(client, .get, "\(base)/next?asOf=2026-12-07", token: pat.token)
                        #expect(next.status == .ok, "next after \(name) \(path) = \(value)")
                        for (browser, page) in [(person, "/progress"), (desk, "/patients/\(pat.id)")] {
                            var browser = browser
                            let shown = try await browser.send(client, .get, page)
                            #expect(shown.status == .ok, "\(page) after \(name) \(path) = \(value): \(shown.status)")
                        }
                    }
                }
            }
            // Whatever was kept, every read of the record still answers.
            for uri in ["\(base)/next?asOf=2026-12-07", "\(base)/history", "/api/v1/caseload"] {
                let reply = try await H.send(client, .get, uri, token: uri.contains("caseload") ? doc.token : pat.token)
                #expect(reply.status == .ok, "\(uri): \(reply.text)")
            }
            try await Self.pagesRender(client, patientID: pat.id)
            #expect(tried > 100)
        }
    }

    static let formExtremes = [
        "0", "-0.0", "1e-9", "0.0001", "-1", "1e20", "1e308", "NaN", "inf", "9223372036854775808", "1e-400",
    ]

    @Test("Every number typed into a page form takes extreme values without a server error", arguments: Backing.allCases)
    func pageForms(backing: Backing) async throws {
        try await H(store: try backing.make()).test { client in
            let (pat, doc) = try await APITests.linkedPair(client)
            _ = try await H.send(client, .put, "/api/v1/patients/\(pat.id)/intake", token: pat.token, json: H.intake)
            var person = PageTests.Browser()
            try await person.signIn(client, "pat@example.org")
            var desk = PageTests.Browser()
            try await desk.signIn(client, "doc@example.org")
            for value in Self.formExtremes {
                let today = try await person.send(client, .get, "/log")
                let csrf = PageTests.Browser.csrf(in: today.html)
                let log: [String: String] = [
                    "csrf": csrf, "count": "1", "ex-0": "trap-bar-deadlift", "w-0-0": value, "r-0-0": value, "p-0-0": value,
                    "after": value,
                ]
                let logged = try await person.send(client, .post, "/log", form: log)
                #expect(logged.status.code < 500, "log \(value): \(logged.status)")
                let checkIn = try await person.send(
                    client, .post, "/check-in", form: ["csrf": csrf, "pain": value, "stiffness": value])
                #expect(checkIn.status.code < 500, "check-in \(value): \(checkIn.status)")
                let page = try await desk.send(client, .get, "/patients/\(pat.id)")
                let override = try await desk.send(
                    client, .post, "/patients/\(pat.id)/override",
                    form: [
                        "csrf": PageTests.Browser.csrf(in: page.html), "kind": "load", "exercise": "trap-bar-deadlift",
                        "weight": value, "confirm": "1",
                    ])
                #expect(override.status.code < 500, "override \(value): \(override.status)")
            }
            try await Self.pagesRender(client, patientID: pat.id)
            _ = doc
        }
    }

    /// The person's and the clinician's pages for the record all render.
    static func pagesRender(_ client: some TestClientProtocol, patientID: String) async throws {
        var person = PageTests.Browser()
        try await person.signIn(client, "pat@example.org")
        for uri in ["/today", "/log", "/check-in", "/progress"] {
            let page = try await person.send(client, .get, uri)
            #expect(page.status.code < 500, "\(uri): \(page.status)")
        }
        var desk = PageTests.Browser()
        try await desk.signIn(client, "doc@example.org")
        for uri in ["/caseload", "/patients/\(patientID)"] {
            let page = try await desk.send(client, .get, uri)
            #expect(page.status == .ok, "\(uri): \(page.status)")
        }
    }
}
