import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LiftbackApp
import LiftbackCore
import LiftbackStore
import Synchronization
import Testing

@testable import LiftbackServer

/// The holes an audit of the release build found (issue 9), each shown closed.
@Suite("Security")
struct SecurityTests {
    typealias H = APIHarness

    @Test("A session cookie never drives the JSON API, however the path is spelled")
    func cookieNeverDrivesTheAPI() async throws {
        let store = MemoryStore()
        try await H(store: store).test { client in
            let (pat, doc) = try await APITests.linkedPair(client)
            _ = try await H.send(client, .put, "/api/v1/patients/\(pat.id)/intake", token: pat.token, json: H.intake)
            var person = PageTests.Browser()
            try await person.signIn(client, "pat@example.org")
            let before = try await store.caseData(patientID: pat.id)?.checkIns.count
            for path in ["/api/v1", "//api/v1", "/api//v1", "/./api/v1"] {
                for type in ["text/plain", "application/json"] {
                    let reply = try await client.execute(
                        uri: "\(path)/patients/\(pat.id)/check-ins", method: .post,
                        headers: [.cookie: person.cookieHeader, .contentType: type],
                        body: ByteBuffer(string: #"{"date":"2026-12-01","pain":2}"#)
                    ) { $0.status }
                    #expect(reply.code >= 400 && reply.code < 500, "\(path) \(type): \(reply)")
                }
            }
            // An invite cannot be accepted with the cookie either.
            let invite = try await H.send(client, .post, "/api/v1/invites", token: doc.token)
            let code = try #require(invite.json["code"] as? String)
            let accepted = try await client.execute(
                uri: "//api/v1/invites/\(code)/accept", method: .post, headers: [.cookie: person.cookieHeader]
            ) { $0.status }
            #expect(accepted == .unauthorized)
            #expect(try await store.caseData(patientID: pat.id)?.checkIns.count == before)
        }
    }

    @Test("The JSON API reads JSON bodies only: anything else is 415 and nothing is stored")
    func jsonBodiesOnly() async throws {
        let store = MemoryStore()
        try await H(store: store).test { client in
            let (pat, _) = try await APITests.linkedPair(client)
            _ = try await H.send(client, .put, "/api/v1/patients/\(pat.id)/intake", token: pat.token, json: H.intake)
            for type in [
                "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", nil,
                "application/jsonp", "application/json-patch+json", "application/json5",
            ] {
                var headers: HTTPFields = [.authorization: "Bearer \(pat.token)"]
                if let type { headers[.contentType] = type }
                let reply = try await client.execute(
                    uri: "/api/v1/patients/\(pat.id)/check-ins", method: .post, headers: headers,
                    body: ByteBuffer(string: #"{"date":"2026-12-01","pain":2}"#)
                ) { ($0.status, String(buffer: $0.body)) }
                #expect(reply.0 == .unsupportedMediaType, "\(type ?? "none"): \(reply.1)")
                #expect(reply.1.contains("Content-Type"))
            }
            #expect(try await store.caseData(patientID: pat.id)?.checkIns.isEmpty == true)
        }
    }

    @Test("JSON with a charset or in capitals is JSON; the bearer scheme is read in any case")
    func headerSpellings() async throws {
        let store = MemoryStore()
        try await H(store: store).test { client in
            let (pat, _) = try await APITests.linkedPair(client)
            _ = try await H.send(client, .put, "/api/v1/patients/\(pat.id)/intake", token: pat.token, json: H.intake)
            for (scheme, type) in [("bearer", "Application/JSON; charset=utf-8"), ("BEARER", "application/json ;charset=UTF-8")] {
                let status = try await client.execute(
                    uri: "/api/v1/patients/\(pat.id)/check-ins", method: .post,
                    headers: [.authorization: "\(scheme) \(pat.token)", .contentType: type],
                    body: ByteBuffer(string: #"{"date":"2026-12-01","pain":2}"#)
                ) { $0.status }
                #expect(status == .created, "\(scheme), \(type)")
            }
            #expect(try await store.caseData(patientID: pat.id)?.checkIns.count == 2)
            let empty = try await client.execute(
                uri: "/api/v1/patients/\(pat.id)/history", method: .get, headers: [.authorization: "Bearer "]
            ) { $0.status }
            #expect(empty == .unauthorized)
        }
    }

    @Test("A form's CSRF token is an HMAC of the session, compared whole: a near miss or a prefix is no match")
    func csrfTokens() {
        let session = Token.generate()
        let token = Token.csrf(session: session)
        #expect(token.count == 64 && token != Token.csrf(session: Token.generate()))
        #expect(token != Token.hash("csrf|" + session) && !token.contains(session))
        #expect(Token.matches(token, Token.csrf(session: session)))
        #expect(!Token.matches(String(token.dropLast()), token) && !Token.matches(token + "0", token))
        #expect(!Token.matches(String(token.dropLast()) + (token.last == "0" ? "1" : "0"), token))
        #expect(!Token.matches("", token))
    }

    @Test(
        "Sign-up says an address is taken, but not to one sender for a list of addresses, nor makes accounts by the thousand: past 30 sign-ups, made or not, it is 429"
    )
    func signUpProbingIsThrottled() async throws {
        try await H(store: MemoryStore()).test { client in
            let body: [String: Any] = ["email": "taken@example.org", "password": "a long enough passphrase", "name": "T"]
            #expect(try await H.send(client, .post, "/api/v1/accounts", json: body).status == .created)
            for attempt in 2...SignInLimiter.address.freeTries {
                let reply = try await H.send(client, .post, "/api/v1/accounts", json: body)
                #expect(reply.status == .conflict, "attempt \(attempt)")
            }
            let throttled = try await H.send(client, .post, "/api/v1/accounts", json: body)
            #expect(throttled.status == .tooManyRequests, "\(throttled.text)")
            var fresh = body
            fresh["email"] = "new@example.org"
            #expect(try await H.send(client, .post, "/api/v1/accounts", json: fresh).status == .tooManyRequests)
        }
    }

    @Test("Account requests refuse a field they do not have, by name, and create nothing")
    func accountBodiesAreClosed() async throws {
        let store = MemoryStore()
        try await H(store: store).test { client in
            let reply = try await H.send(
                client, .post, "/api/v1/accounts",
                json: ["email": "new@example.org", "password": "a long enough passphrase", "name": "New", "nmae": "x"])
            #expect(reply.status == .badRequest && reply.json["field"] as? String == "nmae", "\(reply.text)")
            #expect(try await store.credentials(email: "new@example.org") == nil)
            let signIn = try await H.send(
                client, .post, "/api/v1/auth/token", json: ["email": "new@example.org", "password": "x", "remember": true])
            #expect(signIn.status == .badRequest && signIn.json["field"] as? String == "remember")
        }
    }

    /// A clock the test moves.
    final class TestClock: Sendable {
        let time = Mutex(Date(timeIntervalSince1970: 1_796_600_000))
        var now: @Sendable () -> Date { { [self] in time.withLock { $0 } } }
        func advance(_ seconds: TimeInterval) { time.withLock { $0 += seconds } }
    }

    @Test("Tokens end: 12 hours after sign-in at most, and after 30 minutes unused; the answer says when")
    func tokensEnd() async throws {
        let clock = TestClock()
        try await H(now: clock.now).test { client in
            let pat = try await H.signUp(client, "pat@example.org")
            let signIn = try await H.send(
                client, .post, "/api/v1/auth/token", json: ["email": "pat@example.org", "password": "correct horse battery"])
            let expiresAt = try #require((signIn.json["expiresAt"] as? String).flatMap { ISO8601DateFormatter().date(from: $0) })
            #expect(abs(expiresAt.timeIntervalSince(clock.now()) - 12 * 3_600) < 2)
            let fresh = try #require(signIn.json["token"] as? String)
            func status(_ token: String) async throws -> HTTPResponse.Status {
                try await H.send(client, .get, "/api/v1/patients/\(pat.id)/history", token: token).status
            }
            // Used every 20 minutes, a token holds until its twelfth hour, and not past it.
            for _ in 0..<35 {
                clock.advance(20 * 60)
                #expect(try await status(fresh) == .conflict)  // signed in; no intake yet
            }
            clock.advance(20 * 60)
            #expect(try await status(fresh) == .unauthorized)
            // Left unused for 31 minutes, a token has ended.
            #expect(try await status(pat.token) == .unauthorized)
            let idle = try await H.signUp(client, "idle@example.org")
            clock.advance(29 * 60)
            #expect(try await status(idle.token) == .notFound)  // signed in, another person's record
            clock.advance(31 * 60)
            #expect(try await status(idle.token) == .unauthorized)
        }
    }

    @Test("Clinicians do not sign themselves up: the operator adds them, and a one-time link sets the password once")
    func clinicianProvisioning() async throws {
        let clock = TestClock()
        let store = MemoryStore()
        let harness = H(store: store, now: clock.now)
        let accounts = harness.services.accounts
        try await harness.test { client in
            let selfMade = try await H.send(
                client, .post, "/api/v1/accounts",
                json: ["email": "fake@example.org", "password": "correct horse battery", "name": "Dr Fake", "role": "clinician"])
            #expect(selfMade.status == .forbidden && selfMade.json["field"] as? String == "role", "\(selfMade.text)")
            #expect(try await store.credentials(email: "fake@example.org") == nil)
            let (doc, link) = try await accounts.addClinician(name: "Dr Ada", email: "ada@example.org")
            #expect(doc.role == .clinician && abs(link.expiresAt.timeIntervalSince(clock.now()) - 72 * 3_600) < 2)
            // Before the link is used nobody can sign in, and the link itself opens nothing.
            let signIn: [String: String] = ["email": "ada@example.org", "password": "correct horse battery"]
            #expect(try await H.send(client, .post, "/api/v1/auth/token", json: signIn).status == .unauthorized)
            #expect(try await H.send(client, .get, "/api/v1/caseload", token: link.setPasswordToken).status == .unauthorized)
            let setPassword = "/api/v1/accounts/set-password"
            let weak = try await H.send(client, .post, setPassword, json: ["token": link.setPasswordToken, "password": "short"])
            #expect(weak.status == .badRequest && weak.json["field"] as? String == "password")
            var browser = PageTests.Browser()
            let page = try await browser.send(client, .get, "/set-password?token=\(link.setPasswordToken)")
            #expect(page.status == .ok && page.html.contains("Set your password"))
            let set = try await H.send(
                client, .post, setPassword, json: ["token": link.setPasswordToken, "password": "correct horse battery"])
            #expect(set.status == .noContent, "\(set.text)")
            let used = try await browser.send(client, .get, "/set-password?token=\(link.setPasswordToken)")
            #expect(used.status == .badRequest && used.html.contains("This link no longer works"))
            let again = try await H.send(
                client, .post, setPassword, json: ["token": link.setPasswordToken, "password": "another long password"])
            #expect(again.status == .badRequest && again.json["field"] as? String == "token")
            let token = try await H.send(client, .post, "/api/v1/auth/token", json: signIn)
            let bearer = try #require(token.json["token"] as? String)
            #expect(try await H.send(client, .get, "/api/v1/caseload", token: bearer).status == .ok)
            // A reset link ends every session when used, and holds 24 hours only.
            let reset = try await accounts.resetLink(email: "ADA@example.org")
            let late = try await accounts.resetLink(email: "ada@example.org")
            let newPassword = ["token": reset.setPasswordToken, "password": "a brand new password"]
            #expect(try await H.send(client, .post, setPassword, json: newPassword).status == .noContent)
            #expect(try await H.send(client, .get, "/api/v1/caseload", token: bearer).status == .unauthorized)
            // Using one link used up the other links too.
            clock.advance(60)
            #expect(
                try await H.send(
                    client, .post, setPassword, json: ["token": late.setPasswordToken, "password": "yet another password"]
                )
                .status == .badRequest)
            let stale = try await accounts.resetLink(email: "ada@example.org")
            clock.advance(24 * 3_600 + 1)
            #expect(
                try await H.send(
                    client, .post, setPassword, json: ["token": stale.setPasswordToken, "password": "yet another password"]
                )
                .status == .badRequest)
            await #expect(throws: AppError.notFound) { _ = try await accounts.resetLink(email: "nobody@example.org") }
        }
    }

    @Test("An invite code links one patient, holds a week, is not kept as typed, and wrong codes are throttled")
    func invitesAreSingleUse() async throws {
        let clock = TestClock()
        let store = MemoryStore()
        try await H(store: store, now: clock.now).test { client in
            _ = try await H.signUp(client, "doc@example.org", role: "clinician")
            let (first, second, guesser) = (
                try await H.signUp(client, "first@example.org"), try await H.signUp(client, "second@example.org"),
                try await H.signUp(client, "guesser@example.org")
            )
            // Tokens end after 30 minutes unused, so each step signs in afresh.
            func token(_ email: String) async throws -> String {
                let reply = try await H.send(
                    client, .post, "/api/v1/auth/token", json: ["email": email, "password": "correct horse battery"])
                return try #require(reply.json["token"] as? String)
            }
            func invite() async throws -> String {
                let reply = try await H.send(client, .post, "/api/v1/invites", token: try await token("doc@example.org"))
                return try #require(reply.json["code"] as? String)
            }
            func accept(_ code: String, _ token: String) async throws -> HTTPResponse.Status {
                try await H.send(client, .post, "/api/v1/invites/\(code)/accept", token: token).status
            }
            let code = try await invite()
            #expect(code.count == 8)  // 8 of 32 letters and digits: 40 bits
            // The store keeps the code's hash: the code as typed, read from the database, links nobody.
            #expect(try await store.acceptInvite(code: code, patientID: first.id, createdAfter: .distantPast) == nil)
            // Read aloud or copied with a space or a hyphen, and in lower case, it is the same code.
            let spoken = "\(code.prefix(4).lowercased())-\(code.dropFirst(4))".addingPercentEncoding(
                withAllowedCharacters: .urlPathAllowed)!
            #expect(try await accept(spoken, first.token) == .ok)
            #expect(try await accept(code, second.token) == .notFound)
            let stale = try await invite()
            clock.advance(7 * 86_400 + 1)
            #expect(try await accept(stale, try await token("second@example.org")) == .notFound)
            // A guesser gets five wrong codes, then waits; the wait does not reveal a right code.
            let fresh = try await invite()
            let guessing = try await token("guesser@example.org")
            for attempt in 1...5 { #expect(try await accept("WRONG00\(attempt)", guessing) == .notFound) }
            #expect(try await accept("WRONG006", guessing) == .tooManyRequests)
            #expect(try await accept(fresh, guessing) == .tooManyRequests)
            clock.advance(2)
            #expect(try await accept(fresh, guessing) == .ok)
            // The caseload holds the two who joined in time.
            let caseload = try await H.send(client, .get, "/api/v1/caseload", token: try await token("doc@example.org"))
            #expect(
                (caseload.json["patients"] as? [[String: Any]])?.compactMap { $0["id"] as? String }.sorted()
                    == [first.id, guesser.id].sorted())
        }
    }

    @Test("The export holds the whole trail: many changes of one kind cannot push another out of it")
    func exportHoldsWholeTrail() async throws {
        let store = MemoryStore()
        try await H(store: store).test { client in
            let pat = try await H.signUp(client, "pat@example.org")
            let account = try #require(try await store.account(id: pat.id))
            try await store.saveIntake(
                Intake(date: Day(iso: "2026-11-02")!, pattern: .muscular), settings: PatientSettings(), patientID: pat.id)
            let first = AuditEvent(
                at: Date(timeIntervalSince1970: 0), actorID: "c1", actorRole: .clinician, action: .resetLinkIssued,
                route: "POST /x")
            try await store.saveToken(
                hash: "h", accountID: pat.id, kind: .setPassword, at: Date(), expiresAt: Date(), audit: first)
            for index in 0..<(PrivacyService.trailLimit + 5) {
                let line = AuditEvent(
                    at: Date(timeIntervalSince1970: Double(index + 1)), actorID: "c1", actorRole: .clinician,
                    action: .overrideAdded, route: "POST /y")
                try await store.addCheckIn(CheckIn(date: Day(iso: "2026-11-03")!, pain: 2), patientID: pat.id, audit: line)
            }
            let export = try await H.current!.privacy.export(account)
            #expect(export.auditTrail.count == PrivacyService.trailLimit + 6)
            #expect(export.auditTrail.contains { $0.action == .resetLinkIssued })
        }
    }

    @Test("A person downloads everything held about them, and can delete it all with their password")
    func dataRights() async throws {
        let store = MemoryStore()
        try await H(store: store).test { client in
            let (pat, doc) = try await APITests.linkedPair(client)
            let base = "/api/v1/patients/\(pat.id)"
            _ = try await H.send(client, .put, "\(base)/intake", token: pat.token, json: H.intake)
            _ = try await H.send(client, .post, "\(base)/workouts", token: pat.token, json: H.workout)
            _ = try await H.send(
                client, .post, "\(base)/questionnaires", token: pat.token,
                json: ["instrument": "rmdq", "date": "2026-12-01", "answers": Array(repeating: 1, count: 24)])
            let export = try await H.send(client, .get, "\(base)/export", token: pat.token)
            #expect(export.status == .ok)
            #expect((export.json["account"] as? [String: Any])?["email"] as? String == "pat@example.org")
            #expect((export.json["clinicians"] as? [[String: Any]])?.map { $0["email"] as? String } == ["doc@example.org"])
            #expect(((export.json["case"] as? [String: Any])?["workouts"] as? [Any])?.count == 1)
            #expect((export.json["questionnaires"] as? [[String: Any]])?.count == 1)
            #expect(!export.text.contains("passwordHash") && !export.text.contains("hash"))
            #expect(try await H.send(client, .get, "\(base)/export", token: doc.token).status == .forbidden)
            // Deleting asks for the password again; a wrong one deletes nothing.
            let wrong = try await H.send(
                client, .delete, "/api/v1/accounts/me", token: pat.token, json: ["password": "not it at all"])
            #expect(wrong.status == .unauthorized)
            #expect(try await store.caseData(patientID: pat.id) != nil)
            let deleted = try await H.send(
                client, .delete, "/api/v1/accounts/me", token: pat.token, json: ["password": "correct horse battery"])
            #expect(deleted.status == .noContent, "\(deleted.text)")
            #expect(try await store.caseData(patientID: pat.id) == nil)
            #expect(try await store.questionnaires(patientID: pat.id).isEmpty)
            #expect(try await store.credentials(email: "pat@example.org") == nil)
            #expect(try await H.send(client, .get, "\(base)/history", token: pat.token).status == .unauthorized)
            let caseload = try await H.send(client, .get, "/api/v1/caseload", token: doc.token)
            #expect((caseload.json["patients"] as? [Any])?.isEmpty == true)
            #expect(try await H.send(client, .get, "\(base)/history", token: doc.token).status == .notFound)
            // The email is free again.
            _ = try await H.signUp(client, "pat@example.org")
        }
    }

    @Test("Of several requests racing with one set-password link, exactly one sets the password")
    func linkRace() async throws {
        let harness = H()
        let accounts = harness.services.accounts
        try await harness.test { client in
            let (_, link) = try await accounts.addClinician(name: "Dr Ada", email: "ada@example.org")
            let codes = try await withThrowingTaskGroup(of: Int.self) { group in
                for attempt in 0..<4 {
                    group.addTask {
                        try await H.send(
                            client, .post, "/api/v1/accounts/set-password",
                            json: ["token": link.setPasswordToken, "password": "racing password \(attempt)"]
                        ).status.code
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(codes.sorted() == [204, 400, 400, 400], "\(codes)")
        }
    }

    @Test("Deleting the account or changing the password with a wrong one is throttled as signing in is")
    func passwordConfirmationThrottled() async throws {
        let clock = TestClock()
        let store = MemoryStore()
        try await H(store: store, now: clock.now).test { client in
            let pat = try await H.signUp(client, "pat@example.org")
            for _ in 0..<5 {
                let wrong = try await H.send(
                    client, .delete, "/api/v1/accounts/me", token: pat.token, json: ["password": "not the password"])
                #expect(wrong.status == .unauthorized)
            }
            let throttled = try await H.send(
                client, .delete, "/api/v1/accounts/me", token: pat.token, json: ["password": "correct horse battery"])
            #expect(throttled.status == .tooManyRequests)
            // The answer says how long the wait is, in words and in Retry-After, not a fixed 15 minutes.
            #expect(throttled.text.contains("try again in a few seconds"), "\(throttled.text)")
            let retryAfter = try await client.execute(
                uri: "/api/v1/accounts/me", method: .delete,
                headers: [.authorization: "Bearer \(pat.token)", .contentType: "application/json"],
                body: ByteBuffer(string: #"{"password":"correct horse battery"}"#)
            ) { $0.headers[.retryAfter] }
            #expect(retryAfter == "1")
            #expect(try await store.credentials(email: "pat@example.org") != nil)
            clock.advance(2)
            let deleted = try await H.send(
                client, .delete, "/api/v1/accounts/me", token: pat.token, json: ["password": "correct horse battery"])
            #expect(deleted.status == .noContent)
        }
    }

    @Test("Signing out a bearer token holds at once on every server instance sharing the database")
    func revocationEverywhere() async throws {
        let store = MemoryStore()
        try await H(store: store).test { one in
            try await H(store: store).test { two in
                let pat = try await H.signUp(one, "pat@example.org")
                let uri = "/api/v1/patients/\(pat.id)/history"
                #expect(try await H.send(two, .get, uri, token: pat.token).status == .conflict)
                #expect(try await H.send(one, .delete, "/api/v1/auth/token", token: pat.token).status == .noContent)
                #expect(try await H.send(one, .get, uri, token: pat.token).status == .unauthorized)
                #expect(try await H.send(two, .get, uri, token: pat.token).status == .unauthorized)
                #expect(try await H.send(two, .delete, "/api/v1/auth/token", token: pat.token).status == .unauthorized)
            }
        }
    }

    @Test("A session cookie is never a bearer token, and a bearer token never opens a page")
    func tokenKinds() async throws {
        try await H().test { client in
            let pat = try await H.signUp(client, "pat@example.org")
            var person = PageTests.Browser()
            try await person.signIn(client, "pat@example.org")
            let session = try #require(person.cookies[WebSession.cookie])
            #expect(try await H.send(client, .get, "/api/v1/patients/\(pat.id)/history", token: session).status == .unauthorized)
            var stranger = PageTests.Browser()
            stranger.cookies[WebSession.cookie] = pat.token
            let page = try await stranger.send(client, .get, "/today")
            #expect(page.status == .seeOther && page.location == "/signin")
        }
    }

    @Test("A new password, or signing out everywhere, ends every token of the account")
    func everyTokenEnds() async throws {
        try await H().test { client in
            let pat = try await H.signUp(client, "pat@example.org")
            let uri = "/api/v1/patients/\(pat.id)/history"
            var person = PageTests.Browser()
            try await person.signIn(client, "pat@example.org")
            let account = try await person.send(client, .get, "/account")
            let wrong = try await person.send(
                client, .post, "/account/password",
                form: [
                    "csrf": PageTests.Browser.csrf(in: account.html), "current": "not it at all",
                    "password": "a new long password",
                ])
            #expect(wrong.status == .badRequest)
            #expect(try await H.send(client, .get, uri, token: pat.token).status == .conflict)
            let changed = try await person.send(
                client, .post, "/account/password",
                form: [
                    "csrf": PageTests.Browser.csrf(in: account.html), "current": "correct horse battery",
                    "password": "a new long password",
                ])
            #expect(changed.status == .seeOther)
            #expect(try await H.send(client, .get, uri, token: pat.token).status == .unauthorized)
            // This browser carries on with the new session it was given; the old password is refused.
            #expect(try await person.send(client, .get, "/today").location == "/intake")
            let old = try await H.send(
                client, .post, "/api/v1/auth/token", json: ["email": "pat@example.org", "password": "correct horse battery"])
            #expect(old.status == .unauthorized)
            let again = try await H.send(
                client, .post, "/api/v1/auth/token", json: ["email": "pat@example.org", "password": "a new long password"])
            let token = try #require(again.json["token"] as? String)
            let page = try await person.send(client, .get, "/account")
            let everywhere = try await person.send(
                client, .post, "/account/signout-everywhere", form: ["csrf": PageTests.Browser.csrf(in: page.html)])
            #expect(everywhere.status == .seeOther)
            #expect(try await H.send(client, .get, uri, token: token).status == .unauthorized)
            #expect(try await person.send(client, .get, "/today").location == "/signin")
        }
    }
}

@Suite("The person's day")
struct PersonTodayTests {
    @Test("Today is the person's own day, from the time zone their settings keep; a name that is no zone is refused")
    func timeZones() async throws {
        // 20:00 UTC on 2026-12-07: already the 8th on Kiritimati (UTC+14), still the 7th in Los Angeles.
        let evening = Date(timeIntervalSince1970: 1_796_673_600)
        #expect(Day.today(now: evening) == Day(iso: "2026-12-07"))
        let services = Services(
            store: MemoryStore(), engine: Engine.standard, passwordCost: 4, today: { Day.today(now: evening, in: $0) },
            now: { evening })
        let cases = services.cases
        #expect(cases.today(for: PatientSettings(timeZone: "Pacific/Kiritimati")) == Day(iso: "2026-12-08"))
        #expect(cases.today(for: PatientSettings(timeZone: "America/Los_Angeles")) == Day(iso: "2026-12-07"))
        #expect(cases.today(for: PatientSettings()) == Day(iso: "2026-12-07"))
        #expect(cases.today() == Day(iso: "2026-12-07"))
        let morning = Date(timeIntervalSince1970: 1_796_619_600)  // 05:00 UTC on the 7th: the 6th in Honolulu
        #expect(Day.today(now: morning, in: TimeZone(identifier: "Pacific/Honolulu")!) == Day(iso: "2026-12-06"))

        try await APIHarness().test { client in
            let pat = try await APIHarness.signUp(client, "pat@example.org")
            var intake = APIHarness.intake
            intake["timeZone"] = "Mars/Olympus_Mons"
            let refused = try await APIHarness.send(
                client, .put, "/api/v1/patients/\(pat.id)/intake", token: pat.token, json: intake)
            #expect(refused.status == .badRequest && refused.json["field"] as? String == "timeZone")
            intake["timeZone"] = "Europe/Oslo"
            let kept = try await APIHarness.send(
                client, .put, "/api/v1/patients/\(pat.id)/intake", token: pat.token, json: intake)
            #expect(kept.status == .ok)
        }
    }
}

@Suite("Sign-in limits")
struct SignInLimitTests {
    typealias H = APIHarness

    static func signIn(_ client: some TestClientProtocol, _ email: String, _ password: String) async throws -> HTTPResponse.Status
    {
        try await H.send(client, .post, "/api/v1/auth/token", json: ["email": email, "password": password]).status
    }

    @Test("Forty wrong passwords sent at once: the turn is counted before the check, so only the free tries are checked")
    func concurrentGuesses() async throws {
        try await H().test { client in
            _ = try await H.signUp(client, "pat@example.org")
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for index in 0..<40 { group.addTask { try await Self.signIn(client, "pat@example.org", "wrong guess \(index)") } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .unauthorized }.count <= SignInLimiter.account.freeTries)
            #expect(statuses.filter { $0 == .tooManyRequests }.count >= 40 - SignInLimiter.account.freeTries)
        }
    }

    @Test("Past the free tries, each try waits longer; the right password is taken once the wait is over")
    func backOffNotLockOut() async throws {
        let clock = SecurityTests.TestClock()
        try await H(now: clock.now).test { client in
            _ = try await H.signUp(client, "pat@example.org")
            for _ in 0..<5 { #expect(try await Self.signIn(client, "pat@example.org", "wrong password!") == .unauthorized) }
            #expect(try await Self.signIn(client, "pat@example.org", "correct horse battery") == .tooManyRequests)
            clock.advance(1.5)
            #expect(try await Self.signIn(client, "pat@example.org", "wrong password!") == .unauthorized)
            clock.advance(1.5)  // the sixth failure doubled the wait to 2 s
            #expect(try await Self.signIn(client, "pat@example.org", "correct horse battery") == .tooManyRequests)
            clock.advance(1)
            #expect(try await Self.signIn(client, "pat@example.org", "correct horse battery") == .ok)
            // A success clears the account's count.
            #expect(try await Self.signIn(client, "pat@example.org", "wrong password!") == .unauthorized)
            #expect(try await Self.signIn(client, "pat@example.org", "correct horse battery") == .ok)
        }
    }

    @Test("Spraying one password across many accounts is slowed per network address")
    func spraying() async {
        let limiter = SignInLimiter()
        let now = Date()
        var refused = 0
        for index in 0..<40 {
            let keys = [
                ("account:user\(index)@example.org", SignInLimiter.account), ("address:203.0.113.9", SignInLimiter.address),
            ]
            if await limiter.begin(keys, now: now) != nil {
                refused += 1
                continue
            }
            await limiter.end("account:user\(index)@example.org", failed: true, clear: true, now: now)
            await limiter.end("address:203.0.113.9", failed: true, now: now)
        }
        #expect(refused == 40 - SignInLimiter.address.freeTries)
    }

    @Test("The limiter's memory is bounded, and an email of 300 KB is refused before anything is kept")
    func boundedMemory() async throws {
        let limiter = SignInLimiter(capacity: 100)
        let now = Date()
        for index in 0..<1_000 {
            let key = "account:user\(index)@example.org"
            _ = await limiter.begin([(key, SignInLimiter.account)], now: now)
            await limiter.end(key, failed: true, now: now)
        }
        #expect(await limiter.count <= 101)
        try await H().test { client in
            let huge = String(repeating: "a", count: 300_000) + "@example.org"
            let status = try await Self.signIn(client, huge, "whatever it is")
            #expect(status == .unauthorized)
        }
    }
}

@Suite("Headers and field limits")
struct HeaderAndLimitTests {
    typealias H = APIHarness

    @Test("Every answer carries the security headers; the pages allow this site's scripts and styles only")
    func headers() async throws {
        try await H().test { client in
            for uri in ["/", "/signin", "/api/v1/caseload", "/no/such/page", "/static/app.css"] {
                let headers = try await client.execute(uri: uri, method: .get) { $0.headers }
                #expect(headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true, "\(uri)")
                #expect(headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true, "\(uri)")
                #expect(headers[.xContentTypeOptions] == "nosniff", "\(uri)")
                #expect(headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer", "\(uri)")
                // Bound to loopback, the test server is plain HTTP: no HSTS.
                #expect(headers[.strictTransportSecurity] == nil, "\(uri)")
            }
            let page = try await client.execute(uri: "/signin", method: .get) { String(buffer: $0.body) }
            #expect(!page.contains("<script>") && !page.contains("style=\"") && !page.contains("javascript:"))
        }
        #expect(try ServerConfig.resolve(host: "0.0.0.0", port: nil, database: nil, environment: [:]).secureCookies)
        #expect(try !ServerConfig.resolve(host: "127.0.0.1", port: nil, database: nil, environment: [:]).secureCookies)
        #expect(
            try !ServerConfig.resolve(host: "0.0.0.0", port: nil, database: nil, secureCookies: false, environment: [:])
                .secureCookies
        )
    }

    @Test("A port or idle timeout in the environment that cannot be used stops the start with its name, not a silent default")
    func environmentSettings() throws {
        func resolve(_ environment: [String: String]) throws -> ServerConfig {
            try ServerConfig.resolve(host: nil, port: nil, database: nil, environment: environment)
        }
        #expect(try resolve(["LIFTBACK_IDLE_TIMEOUT": "90", "LIFTBACK_PORT": "9000"]).idleTimeoutSeconds == 90)
        #expect(try resolve([:]).port == 8080)
        for bad in [
            ["LIFTBACK_IDLE_TIMEOUT": "30s"], ["LIFTBACK_IDLE_TIMEOUT": "0"], ["LIFTBACK_PORT": "http"],
            ["LIFTBACK_PORT": "70000"], ["LIFTBACK_TODAY": "2026-13-45"], ["LIFTBACK_TODAY": "yesterday"],
            ["LIFTBACK_TRUSTED_PROXIES": "127.0.0.1, nginx"], ["LIFTBACK_EMERGENCY_NUMBER": "11a"],
        ] {
            let error = try #require(throws: ServerConfig.SettingError.self) { try resolve(bad) }
            #expect(error.description.hasPrefix(bad.keys.first!) && error.description.contains(bad.values.first!.suffix(5)))
        }
        #expect(try resolve(["LIFTBACK_TRUSTED_PROXIES": "127.0.0.1, ::1"]).trustedProxies == ["127.0.0.1", "::1"])
        #expect(try resolve(["LIFTBACK_EMERGENCY_NUMBER": "999"]).emergencyNumber == "999")
        #expect(try resolve([:]).emergencyNumber == "112")
    }

    @Test(
        "Behind a trusted reverse proxy the sign-in limiter counts the address it forwards; anyone else's X-Forwarded-For is ignored"
    )
    func forwardedAddress() {
        let proxy: Set<String> = ["127.0.0.1"]
        func client(_ peer: String?, _ forwarded: [String]) -> String? {
            ClientAddressMiddleware.client(peer: peer, forwardedFor: forwarded, trusted: proxy)
        }
        // nginx appends the caller to whatever the caller sent: the last entry is the one it vouches for.
        #expect(client("127.0.0.1", ["10.9.9.9, 203.0.113.7"]) == "203.0.113.7")
        #expect(client("127.0.0.1", ["10.9.9.9", "2001:db8::1"]) == "2001:db8::1")
        #expect(client("198.51.100.4", ["203.0.113.7"]) == "198.51.100.4")
        #expect(client("127.0.0.1", []) == "127.0.0.1")
        #expect(client("127.0.0.1", ["not an address"]) == "127.0.0.1")
        #expect(client(nil, ["203.0.113.7"]) == nil)
    }

    @Test(
        "Passwords past bcrypt's 72 bytes (signing in too), names and emails that reorder or hide text, and notes past 500 characters (or their Unicode scalars) are refused"
    )
    func fieldLimits() async throws {
        try await H().test { client in
            func signUp(_ name: String, _ password: String) async throws -> H.Reply {
                try await H.send(
                    client, .post, "/api/v1/accounts",
                    json: ["email": "\(UUID().uuidString)@example.org", "password": password, "name": name, "role": "patient"])
            }
            let long = try await signUp("Pat", String(repeating: "é", count: 40))  // 40 characters, 80 bytes
            #expect(long.status == .badRequest && long.json["field"] as? String == "password")
            #expect(try await signUp("Pat", String(repeating: "abcdefgh", count: 9)).status == .created)  // 72 bytes
            // The guesses tried first are refused: one character repeated, spaces, a few characters, the email.
            for weak in [String(repeating: "x", count: 72), String(repeating: " ", count: 10), "abababababab"] {
                let refused = try await signUp("Pat", weak)
                #expect(refused.status == .badRequest && refused.json["field"] as? String == "password", "\(weak)")
            }
            let ownEmail = try await H.send(
                client, .post, "/api/v1/accounts",
                json: ["email": "robin.lifter@example.org", "password": "robin.lifter@example.org", "name": "Robin"])
            #expect(ownEmail.status == .badRequest && ownEmail.json["field"] as? String == "password")
            let reordered = try await signUp("Pat\u{202E}nimda", "correct horse battery")
            #expect(reordered.status == .badRequest && reordered.json["field"] as? String == "name")
            // Hidden and reordering marks are refused in names and emails alike; one letter with
            // 400,000 accents is one character, and far too long.
            for name in ["Pa\u{200B}t", "Pa\u{200F}t", "Pa\u{061C}t", "e" + String(repeating: "\u{0301}", count: 100_000)] {
                let reply = try await signUp(name, "correct horse battery")
                #expect(reply.json["field"] as? String == "name", "\(reply.status) \(reply.text.prefix(200))")
            }
            let hiddenEmail = try await H.send(
                client, .post, "/api/v1/accounts",
                json: ["email": "pat\u{202E}@example.org", "password": "correct horse battery", "name": "Pat"])
            #expect(hiddenEmail.json["field"] as? String == "email")
            // Signing in reads the whole password, not bcrypt's first 72 bytes.
            let exact = String(repeating: "abcdefgh", count: 9)  // 72 bytes, signed up above
            _ = try await H.send(
                client, .post, "/api/v1/accounts", json: ["email": "seventy@example.org", "password": exact, "name": "S"])
            let longer = try await H.send(
                client, .post, "/api/v1/auth/token", json: ["email": "seventy@example.org", "password": exact + "anything"])
            #expect(longer.status == .unauthorized)
            let right = try await H.send(
                client, .post, "/api/v1/auth/token", json: ["email": "seventy@example.org", "password": exact])
            #expect(right.status == .ok)
            let (pat, doc) = try await APITests.linkedPair(client)
            _ = try await H.send(client, .put, "/api/v1/patients/\(pat.id)/intake", token: pat.token, json: H.intake)
            let note = try await H.send(
                client, .post, "/api/v1/patients/\(pat.id)/overrides", token: doc.token,
                json: ["kind": "note", "date": "2026-12-01", "note": String(repeating: "n", count: 501)])
            #expect(note.status == .badRequest && note.json["field"] as? String == "note")
            let accents = try await H.send(
                client, .post, "/api/v1/patients/\(pat.id)/overrides", token: doc.token,
                json: ["kind": "note", "date": "2026-12-01", "note": "e" + String(repeating: "\u{0301}", count: 100_000)])
            #expect(accents.status == .badRequest && accents.json["field"] as? String == "note")
            let reversedNote = try await H.send(
                client, .post, "/api/v1/patients/\(pat.id)/overrides", token: doc.token,
                json: ["kind": "note", "date": "2026-12-01", "note": "Rest \u{202E}ekil uoy sa yrt"])
            #expect(reversedNote.status == .badRequest && reversedNote.json["field"] as? String == "note")
        }
    }

    @Test(
        "A body past its limit is answered 413 with the limit in words, and an error repeats at most a short part of what was sent"
    )
    func limitsInWords() async throws {
        try await H().test { client in
            let (pat, base) = try await H.patientWithIntake(client)
            let huge = try await H.send(
                client, .post, "\(base)/check-ins", token: pat.token,
                raw: "{\"date\":\"2026-12-01\",\"pain\":2,\"x\":\"" + String(repeating: "a", count: JSONResponse.bodyLimit)
                    + "\"}")
            #expect(huge.status == .contentTooLarge && huge.text.contains("more than 1000 KB"), "\(huge.text.prefix(200))")
            // A tempo, a date and a field name as long as the body allows come back cut short.
            let typed = String(repeating: "9", count: 100_000)
            var workout = H.workout
            workout["exercises"] = [["exercise": "trap-bar-deadlift", "sets": [["weight": 70, "reps": 8, "tempo": typed]]]]
            var badDate = H.workout
            badDate["date"] = typed
            var badField = H.workout
            badField[typed] = 1
            for body in [workout, badDate, badField] {
                let refused = try await H.send(client, .post, "\(base)/workouts", token: pat.token, json: body)
                #expect(refused.status == .badRequest && refused.body.count < 600, "\(refused.text.prefix(300))")
            }
            let longDay = try await H.send(
                client, .get, "\(base)/next?asOf=\(String(repeating: "A", count: 15_000))", token: pat.token)
            #expect(longDay.status == .badRequest && longDay.body.count < 600)
        }
    }

    @Test(
        "A workout or check-in sent again with its Idempotency-Key is stored once; the key with another body is 409, and a key past its limit 400"
    )
    func idempotentWrites() async throws {
        try await H().test { client in
            let (pat, base) = try await H.patientWithIntake(client)
            func post(_ path: String, key: String, _ body: [String: Any]) async throws -> H.Reply {
                let data = try JSONSerialization.data(withJSONObject: body)
                return try await client.execute(
                    uri: "\(base)/\(path)", method: .post,
                    headers: [.authorization: "Bearer \(pat.token)", .contentType: "application/json", .idempotencyKey: key],
                    body: ByteBuffer(bytes: data)
                ) { H.Reply(status: $0.status, body: Data($0.body.readableBytesView)) }
            }
            let first = try await post("workouts", key: "phone-1", H.workout)
            let again = try await post("workouts", key: "phone-1", H.workout)
            #expect(first.status == .created && again.status == .created)
            #expect(first.json["id"] as? Int == again.json["id"] as? Int)
            var changed = H.workout
            changed["painAfter"] = 6
            let reused = try await post("workouts", key: "phone-1", changed)
            #expect(reused.status == .conflict && reused.json["field"] as? String == "Idempotency-Key")
            let tooLong = try await post("workouts", key: String(repeating: "k", count: CaseService.keyLength + 1), H.workout)
            #expect(tooLong.status == .badRequest && tooLong.json["field"] as? String == "Idempotency-Key")
            let checkIn: [String: Any] = ["date": "2026-12-01", "pain": 2]
            #expect(try await post("check-ins", key: "phone-2", checkIn).status == .created)
            #expect(try await post("check-ins", key: "phone-2", checkIn).status == .created)
            let history = try await H.send(client, .get, "\(base)/history", token: pat.token)
            #expect((history.json["workouts"] as? [Any])?.count == 1 && (history.json["checkIns"] as? [Any])?.count == 1)
        }
    }
}
