import Foundation
import Hummingbird
import HummingbirdTesting
import LiftbackApp
import LiftbackCore
import LiftbackStore
import Testing

@testable import LiftbackServer

/// Pages checked as HTML, in-process: sessions, CSRF, escaping, and the person's main path.
@Suite("Pages")
struct PageTests {
    /// A browser-like client state: cookies carried between requests.
    struct Browser {
        var cookies: [String: String] = [:]

        var cookieHeader: String { cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }

        mutating func send(
            _ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, form: [String: String]? = nil
        )
            async throws -> (status: HTTPResponse.Status, location: String?, html: String)
        {
            var headers: HTTPFields = [:]
            if !cookies.isEmpty { headers[.cookie] = cookieHeader }
            var body: ByteBuffer?
            if let form {
                headers[.contentType] = "application/x-www-form-urlencoded"
                let encoded = form.map { key, value in
                    "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
                }.joined(separator: "&")
                body = ByteBuffer(string: encoded)
            }
            let (status, location, html, setCookies) = try await client.execute(
                uri: uri, method: method, headers: headers, body: body
            ) {
                response in
                (
                    response.status, response.headers[.location], String(buffer: response.body),
                    response.headers[values: .setCookie]
                )
            }
            for header in setCookies {
                let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
                if pair.count == 2 {
                    cookies[String(pair[0])] = String(pair[1])
                } else if pair.count == 1 {
                    cookies[String(pair[0])] = ""
                }
            }
            return (status, location, html)
        }

        /// Signs up through the page, as a person would; the session cookie is kept.
        mutating func signUp(_ client: some TestClientProtocol, _ name: String, _ email: String, role: String = "patient")
            async throws
        {
            if role == "clinician" {
                _ = try await APIHarness.addClinician(client, email, name: name)
                return try await signIn(client, email)
            }
            let page = try await send(client, .get, "/signup")
            let done = try await send(
                client, .post, "/signup",
                form: [
                    "csrf": Self.csrf(in: page.html), "name": name, "email": email, "password": "long enough password",
                    "role": role,
                ])
            #expect(done.status == .seeOther)
        }

        /// Signs in through the page; the password is the API harness's.
        mutating func signIn(_ client: some TestClientProtocol, _ email: String, password: String = "correct horse battery")
            async throws
        {
            let page = try await send(client, .get, "/signin")
            let done = try await send(
                client, .post, "/signin", form: ["csrf": Self.csrf(in: page.html), "email": email, "password": password])
            #expect(done.status == .seeOther)
        }

        static func csrf(in html: String) -> String {
            guard let range = html.range(of: "name=\"csrf\" value=\"") else { return "" }
            return String(html[range.upperBound...].prefix(64))
        }
    }

    @Test("Signed-out visitors are sent to sign in; pages declare their language and a device-width viewport")
    func signedOut() async throws {
        try await APIHarness().test { client in
            var browser = Browser()
            let today = try await browser.send(client, .get, "/today")
            #expect(today.status == .seeOther && today.location == "/signin")
            let signIn = try await browser.send(client, .get, "/signin")
            #expect(signIn.html.contains("<html lang=\"en\">"))
            #expect(signIn.html.contains("width=device-width"))
        }
    }

    @Test("A form without its CSRF token is refused and creates nothing")
    func csrf() async throws {
        let store = MemoryStore()
        try await APIHarness(store: store).test { client in
            var browser = Browser()
            _ = try await browser.send(client, .get, "/signup")
            let forged = try await browser.send(
                client, .post, "/signup",
                form: ["name": "Eve", "email": "eve@example.org", "password": "long enough password", "role": "patient"])
            #expect(forged.status == .forbidden)
            #expect(try await store.credentials(email: "eve@example.org") == nil)
        }
    }

    @Test(
        "Sign up and the intake wizard: each step in turn, a bad weight re-shown with its message, a red flag ending on a calm stop page"
    )
    func personPath() async throws {
        try await APIHarness().test { client in
            var browser = Browser()
            let signUpPage = try await browser.send(client, .get, "/signup")
            var csrf = Browser.csrf(in: signUpPage.html)
            let signedUp = try await browser.send(
                client, .post, "/signup",
                form: [
                    "csrf": csrf, "name": "Sam <b>", "email": "sam@example.org", "password": "long enough password",
                    "role": "patient",
                ])
            #expect(signedUp.location == "/intake")
            let intake = try await browser.send(client, .get, "/intake")
            #expect(intake.html.contains("safety check"))
            csrf = Browser.csrf(in: intake.html)
            let pattern = try await browser.send(client, .post, "/intake", form: ["csrf": csrf, "step": "flags", "state": "{}"])
            #expect(pattern.html.contains("How does your back feel?"))
            let weights = try await browser.send(
                client, .post, "/intake",
                form: ["csrf": csrf, "step": "pattern", "state": "{}", "answer": "local-ache", "pain": "4"])
            #expect(weights.html.contains("What did you lift before?"))
            let badWeight = try await browser.send(
                client, .post, "/intake",
                form: [
                    "csrf": csrf, "step": "weights", "state": "{}", "unit": "kg", "weight-conventional-deadlift": "-3",
                    "reps-conventional-deadlift": "5",
                ])
            #expect(badWeight.status == .badRequest && badWeight.html.contains("Deadlift: enter both"))
            // Beside the lift's own weight, for screen readers too.
            #expect(
                badWeight.html.contains(
                    #"name="weight-conventional-deadlift" value="-3" inputmode="decimal" step="any" min="0" aria-invalid="true" aria-describedby="weight-conventional-deadlift-error""#
                ))
            // What was typed stays, the unit too: retyping pounds into a form back on kilograms would
            // store them 2.2 times too heavy.
            let pounds = try await browser.send(
                client, .post, "/intake",
                form: [
                    "csrf": csrf, "step": "weights", "state": "{}", "unit": "lb", "weight-conventional-deadlift": "0.1",
                    "reps-conventional-deadlift": "5", "weight-back-squat": "100", "reps-back-squat": "5",
                ])
            #expect(pounds.status == .badRequest && pounds.html.contains("from 0.5 to"))
            #expect(pounds.html.contains(#"value="lb" checked"#) && !pounds.html.contains(#"value="kg" checked"#))
            #expect(pounds.html.contains(#"name="weight-back-squat" value="100""#))
            let stopped = try await browser.send(
                client, .post, "/intake", form: ["csrf": csrf, "step": "flags", "state": "{}", "flag": "cannot-stand-or-walk"])
            #expect(stopped.html.contains("see a doctor today"))
            let today = try await browser.send(client, .get, "/today")
            #expect(today.html.contains("Your plan is paused"))
            // Nobody can review the flag yet: the page says where to find someone who can.
            #expect(today.html.contains("No clinician is linked") && today.html.contains(#"href="/join""#))
        }
    }

    @Test(
        "The intake wizard: Back on every step keeps what was answered; it asks when the pain began and the age (over 50 kept as the weak flag only); Roland-Morris is ticked, an unticked sentence scoring 0"
    )
    func intakeBackOnsetAgeAndTicks() async throws {
        let store = MemoryStore()
        try await APIHarness(store: store).test { client in
            var browser = Browser()
            try await browser.signUp(client, "Ann", "ann@example.org")
            let first = try await browser.send(client, .get, "/intake")
            #expect(!first.html.contains(#"name="back""#) && !first.html.contains("age-over-50"))
            let csrf = Browser.csrf(in: first.html)
            /// The wizard's answers so far, as the page carries them.
            func state(_ html: String) -> String {
                guard let match = html.firstMatch(of: /name="state" value="([^"]*)"/) else { return "{}" }
                return String(match.1).replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
            }
            func post(_ fields: [String: String], after page: String) async throws -> (status: HTTPResponse.Status, html: String)
            {
                let reply = try await browser.send(
                    client, .post, "/intake", form: fields.merging(["csrf": csrf, "state": state(page)]) { a, _ in a })
                return (reply.status, reply.html)
            }
            let pattern = try await post(["step": "flags", "flag": "fever"].filter { $0.key == "step" }, after: first.html)
            #expect(pattern.html.contains("When did this back pain start?") && pattern.html.contains(#"name="back""#))
            let tooOld = try await post(
                ["step": "pattern", "answer": "local-ache", "pain": "4", "onset": "2-6-weeks", "age": "200"], after: pattern.html)
            #expect(
                tooOld.status == .badRequest && tooOld.html.contains("from 16 to 110") && tooOld.html.contains(#"value="200""#))
            #expect(tooOld.html.contains(#"value="2-6-weeks" checked"#))
            let weights = try await post(
                ["step": "pattern", "answer": "local-ache", "pain": "4", "onset": "2-6-weeks", "age": "62"], after: tooOld.html)
            #expect(weights.html.contains("What did you lift before?"))
            // Back from the weights: the pain questions come back as answered, and so does a weight typed.
            let back = try await post(
                [
                    "step": "weights", "back": "1", "unit": "kg", "weight-conventional-deadlift": "140",
                    "reps-conventional-deadlift": "5",
                ],
                after: weights.html)
            #expect(back.html.contains(#"value="2-6-weeks" checked"#) && back.html.contains(#"value="62""#))
            #expect(back.html.contains(#"value="local-ache" checked"#) && back.html.contains(#"name="pain" value="4" checked"#))
            let again = try await post(
                ["step": "pattern", "answer": "local-ache", "pain": "4", "onset": "2-6-weeks", "age": "62"], after: back.html)
            #expect(again.html.contains(#"name="weight-conventional-deadlift" value="140""#))
            let startBack = try await post(
                ["step": "weights", "unit": "kg", "weight-conventional-deadlift": "140", "reps-conventional-deadlift": "5"],
                after: again.html)
            var answers = ["step": "startback"]
            for item in 1...9 { answers["item-\(item)"] = "0" }
            let disability = try await post(answers, after: startBack.html)
            #expect(
                disability.html.contains(#"type="checkbox" name="item-1" value="1""#)
                    && !disability.html.contains(#"type="radio" name="item-1""#))
            let done = try await browser.send(
                client, .post, "/intake",
                form: [
                    "csrf": csrf, "state": state(disability.html), "step": "disability", "item-2": "1", "item-5": "1",
                    "item-9": "1",
                ])
            #expect(done.location == "/today?welcome=1")
            let ann = try #require(try await store.credentials(email: "ann@example.org")).account
            let data = try #require(try await store.caseData(patientID: ann.id))
            #expect(data.intake.onset == .twoToSixWeeks && data.intake.flags == [.ageOver50])
            #expect(data.intake.previousWorkingWeights.first?.weight == 140)
            let rmdq = try await store.questionnaires(patientID: ann.id).first { $0.score.instrument == .rmdq }
            #expect(rmdq?.score.score == 3)
        }
    }

    @Test("A wrong invite code on the join page is answered 404 with a calm message, not 200")
    func wrongCodeIsNotFound() async throws {
        try await APIHarness().test { client in
            var browser = Browser()
            try await browser.signUp(client, "Pat", "pat@example.org")
            let page = try await browser.send(client, .get, "/join")
            let wrong = try await browser.send(
                client, .post, "/join", form: ["csrf": Browser.csrf(in: page.html), "code": "NOPE-NOPE"])
            #expect(wrong.status == .notFound && wrong.html.contains("That code was not found"))
        }
    }

    @Test("A refused session or check-in says what is wrong in words, keeps what was typed and ticked, and saves nothing")
    func refusedFormsKeepWhatWasTyped() async throws {
        let store = MemoryStore()
        try await APIHarness(store: store).test { client in
            let pat = try await APIHarness.signUp(client, "pat@example.org")
            _ = try await APIHarness.send(
                client, .put, "/api/v1/patients/\(pat.id)/intake", token: pat.token, json: APIHarness.intake)
            var person = Browser()
            try await person.signIn(client, "pat@example.org")
            let csrf = Browser.csrf(in: try await person.send(client, .get, "/log").html)
            var session = [
                "csrf": csrf, "count": "1", "ex-0": "goblet-squat", "w-0-0": "twelve", "r-0-0": "8", "p-0-0": "6",
                "after": "2", "flag": "numbness-tingling",
            ]
            let unreadable = try await person.send(client, .post, "/log", form: session)
            #expect(unreadable.status == .badRequest)
            #expect(unreadable.html.contains("Goblet squat, set 1 weight: please type a number"), "\(unreadable.html)")
            #expect(unreadable.html.contains(#"name="p-0-0" value="6" checked"#))
            #expect(unreadable.html.contains(#"value="numbness-tingling" checked"#))
            session["w-0-0"] = "0x10"  // hexadecimal is not a weight anyone types
            let hex = try await person.send(client, .post, "/log", form: session)
            #expect(hex.status == .badRequest && hex.html.contains("please type a number"))
            session["w-0-0"] = "2000"
            let tooHeavy = try await person.send(client, .post, "/log", form: session)
            #expect(tooHeavy.html.contains("Goblet squat, set 1 weight: must be"), "\(tooHeavy.html)")
            #expect(!tooHeavy.html.contains("exercises[") && !tooHeavy.html.contains("sets["))
            let checkIn = try await person.send(
                client, .post, "/check-in",
                form: ["csrf": csrf, "pain": "4", "stiffness": "5000", "flag": "numbness-tingling"])
            #expect(checkIn.status == .badRequest)
            #expect(checkIn.html.contains("Morning stiffness: 5000 is outside 0-1440"), "\(checkIn.html)")
            #expect(checkIn.html.contains(#"name="pain" value="4" checked"#) && checkIn.html.contains(#"value="5000""#))
            #expect(checkIn.html.contains(#"value="numbness-tingling" checked"#))
            let data = try #require(try await store.caseData(patientID: pat.id))
            #expect(data.workouts.isEmpty && data.checkIns.isEmpty)
        }
    }

    @Test("The account page shows who can see the record, and the person can stop sharing it")
    func stopSharing() async throws {
        try await APIHarness().test { client in
            let (pat, doc) = try await APITests.linkedPair(client, flagged: true)
            var person = Browser()
            try await person.signIn(client, "pat@example.org")
            // Paused by a flag, with a clinician to review it: no pointer to finding one.
            let paused = try await person.send(client, .get, "/today")
            #expect(paused.html.contains("Your plan is paused") && !paused.html.contains("No clinician is linked"))
            let account = try await person.send(client, .get, "/account")
            #expect(
                account.html.contains("Who can see your record") && account.html.contains("Stop sharing with doc@example.org"))
            #expect(!account.html.contains(">\(doc.id)<"))  // the id travels in a hidden field only
            let done = try await person.send(
                client, .post, "/account/unlink", form: ["csrf": Browser.csrf(in: account.html), "clinician": doc.id])
            #expect(done.location == "/account?unlinked=1")
            let after = try await person.send(client, .get, "/account?unlinked=1")
            #expect(after.html.contains("can no longer see your record") && after.html.contains("Only you."))
            let reach = try await APIHarness.send(client, .get, "/api/v1/patients/\(pat.id)/history", token: doc.token)
            #expect(reach.status == .notFound)
            #expect(try await person.send(client, .get, "/today").html.contains("No clinician is linked"))
            // A copy to keep, then the account deleted with its password.
            let copy = try await person.send(client, .get, "/account/export")
            #expect(copy.status == .ok && copy.html.contains("\"email\":\"pat@example.org\""))
            let wrong = try await person.send(
                client, .post, "/account/delete", form: ["csrf": Browser.csrf(in: after.html), "password": "not my password"])
            #expect(wrong.status == .badRequest && wrong.html.contains("nothing was deleted"))
            let gone = try await person.send(
                client, .post, "/account/delete",
                form: ["csrf": Browser.csrf(in: after.html), "password": "correct horse battery"])
            #expect(gone.location == "/?deleted=1")
            #expect(try await person.send(client, .get, "/?deleted=1").html.contains("everything held about it are deleted"))
            #expect(try await person.send(client, .get, "/today").location == "/signin")
        }
    }

    @Test("A session logged on the page and the same session through the API lead to the same next prescription")
    func pageAndAPIAgree() async throws {
        try await APIHarness().test { client in
            let byPage = try await APIHarness.signUp(client, "page@example.org")
            let byAPI = try await APIHarness.signUp(client, "api@example.org")
            for person in [byPage, byAPI] {
                _ = try await APIHarness.send(
                    client, .put, "/api/v1/patients/\(person.id)/intake", token: person.token, json: APIHarness.intake)
            }
            // Pain 6 in the walk only: the tilts and cat-cow went fine.
            var phone = Browser()
            try await phone.signIn(client, "page@example.org")
            let csrf = Browser.csrf(in: try await phone.send(client, .get, "/log").html)
            let logged = try await phone.send(
                client, .post, "/log",
                form: [
                    "csrf": csrf, "count": "3", "ex-0": "walk", "r-0-0": "10", "p-0-0": "6", "ex-1": "pelvic-tilt",
                    "r-1-0": "10", "p-1-0": "0", "ex-2": "cat-cow", "r-2-0": "10", "p-2-0": "0", "after": "2",
                ])
            #expect(logged.status == .seeOther)
            let workout: [String: Any] = [
                "date": APIHarness.today, "painAfter": 2,
                "exercises": [
                    ["exercise": "walk", "sets": [["holdSeconds": 10, "pain": 6]]],
                    ["exercise": "pelvic-tilt", "sets": [["reps": 10, "pain": 0]]],
                    ["exercise": "cat-cow", "sets": [["reps": 10, "pain": 0]]],
                ],
            ]
            #expect(
                try await APIHarness.send(
                    client, .post, "/api/v1/patients/\(byAPI.id)/workouts", token: byAPI.token, json: workout
                )
                .status == .created)
            func rules(_ person: (id: String, token: String)) async throws -> [String] {
                let next = try await APIHarness.send(
                    client, .get, "/api/v1/patients/\(person.id)/next?asOf=2026-12-08", token: person.token)
                return (next.json["exercises"] as? [[String: Any]] ?? []).map { "\($0["exercise"] ?? "") \($0["rule"] ?? "")" }
            }
            let (page, api) = (try await rules(byPage), try await rules(byAPI))
            #expect(!page.isEmpty && page == api)
        }
    }

    @Test("Signing out ends the session at once: the old cookie, replayed, no longer signs anyone in")
    func signOut() async throws {
        try await APIHarness().test { client in
            var browser = Browser()
            try await browser.signUp(client, "Sam", "sam@example.org")
            let session = try #require(browser.cookies[WebSession.cookie])
            // Signed in: the session is remembered (and cached) by the server.
            #expect(try await browser.send(client, .get, "/intake").status == .ok)
            let page = try await browser.send(client, .get, "/intake")
            let out = try await browser.send(client, .post, "/signout", form: ["csrf": Browser.csrf(in: page.html)])
            #expect(out.status == .seeOther)
            browser.cookies[WebSession.cookie] = session
            let replayed = try await browser.send(client, .get, "/today")
            #expect(replayed.status == .seeOther && replayed.location == "/signin")
        }
    }

    /// Sam, signed up and signed in through the pages, with an intake on 2026-11-02 written straight to the store.
    static func signedInPerson(_ client: some TestClientProtocol, _ store: MemoryStore) async throws -> (Browser, Account) {
        var browser = Browser()
        try await browser.signUp(client, "Sam", "sam@example.org")
        let sam = try #require(try await store.credentials(email: "sam@example.org")).account
        try await store.saveIntake(
            Intake(date: Day(iso: "2026-11-02")!, pattern: .muscular), settings: PatientSettings(), patientID: sam.id)
        return (browser, sam)
    }

    /// Dr Ada, signed in at the desk through the pages, and her account as the store holds it.
    static func clinicianDesk(_ client: some TestClientProtocol, _ store: MemoryStore) async throws -> (Browser, Account) {
        var desk = Browser()
        try await desk.signUp(client, "Dr Ada", "ada@example.org", role: "clinician")
        return (desk, try #require(try await store.credentials(email: "ada@example.org")).account)
    }

    /// A patient linked to `clinician` with an intake on 2026-11-02, written straight to the store.
    static func linkedPatient(_ name: String, of clinician: Account, in store: MemoryStore) async throws -> Account {
        let person = try await store.createAccount(
            email: "\(name.lowercased())@example.org", passwordHash: "x", name: name, role: .patient, at: Date())
        let code = InviteCode.generate()
        try await store.createInvite(code: code, clinicianID: clinician.id, at: Date())
        _ = try await store.acceptInvite(code: code, patientID: person.id, createdAfter: .distantPast)
        try await store.saveIntake(
            Intake(date: Day(iso: "2026-11-02")!, pattern: .muscular), settings: PatientSettings(), patientID: person.id)
        return person
    }

    @Test("A load more than one step above the last lift waits on the patient page for the clinician to confirm it")
    func loadConfirmation() async throws {
        let store = MemoryStore()
        try await APIHarness(store: store).test { client in
            let (signedIn, clinician) = try await Self.clinicianDesk(client, store)
            var desk = signedIn
            let sam = try await Self.linkedPatient("Sam", of: clinician, in: store)
            _ = try await store.addWorkout(
                Workout(
                    date: Day(iso: "2026-12-01")!,
                    exercises: [LoggedExercise(exercise: "trap-bar-deadlift", sets: [LoggedSet(weight: 70, reps: 8, pain: 2)])]),
                patientID: sam.id, check: { _ in })
            let page = try await desk.send(client, .get, "/patients/\(sam.id)")
            let load = ["csrf": Browser.csrf(in: page.html), "kind": "load", "exercise": "trap-bar-deadlift", "weight": "90"]
            let asked = try await desk.send(client, .post, "/patients/\(sam.id)/override", form: load)
            #expect(asked.html.contains("Check this load") && asked.html.contains("29 % above the 70 kg lifted on 2026-12-01"))
            #expect(try await store.caseData(patientID: sam.id)?.overrides.isEmpty == true)
            // The card carries everything needed to keep the load: post back exactly its fields.
            let card = try #require(asked.html.range(of: "id=\"confirm-load\"")).upperBound
            let cardHTML = String(asked.html[card...]).components(separatedBy: "</form>")[0]
            var confirmed: [String: String] = [:]
            for match in cardHTML.matches(of: /name="([a-z]+)" value="([^"]*)"/) {
                confirmed[String(match.1)] = String(match.2)
            }
            #expect(confirmed["confirm"] == "1" && confirmed["weight"] == "90" && confirmed["exercise"] == "trap-bar-deadlift")
            let saved = try await desk.send(client, .post, "/patients/\(sam.id)/override", form: confirmed)
            // Saved, then sent to the page afresh: a reload shows it and sends nothing twice.
            #expect(saved.status == .seeOther && saved.location == "/patients/\(sam.id)?done=saved")
            let shown = try await desk.send(client, .get, try #require(saved.location))
            #expect(shown.html.contains("Saved. The plan now takes this change into account."))
            let bogus = try await desk.send(
                client, .post, "/patients/\(sam.id)/override",
                form: ["csrf": Browser.csrf(in: page.html), "kind": "policy", "policy": "yolo"])
            #expect(bogus.html.contains("Not saved: please choose one of the policies."))
            let policy = try await desk.send(
                client, .post, "/patients/\(sam.id)/override",
                form: ["csrf": Browser.csrf(in: page.html), "kind": "policy", "policy": "pain-free"])
            #expect(policy.location == "/patients/\(sam.id)?done=policy")
            #expect(try await store.caseData(patientID: sam.id)?.settings.policy == .painFree)
            #expect(try await store.caseData(patientID: sam.id)?.overrides.map(\.weight) == [90])
            // A note past the limit is refused whole, not cut and saved; the field says the limit.
            #expect(page.html.contains("maxlength=\"\(InputLimits.noteLength)\""))
            let long = try await desk.send(
                client, .post, "/patients/\(sam.id)/override",
                form: [
                    "csrf": Browser.csrf(in: page.html), "kind": "note",
                    "note": String(repeating: "n", count: InputLimits.noteLength + 1),
                ])
            #expect(long.html.contains("Not saved"))
            #expect(try await store.caseData(patientID: sam.id)?.overrides.count == 1)
            // The kept load is a version of the plan under the clinician's name: what it was, what it became.
            let versions = Self.visibleText(try await desk.send(client, .get, "/patients/\(sam.id)").html)
            #expect(versions.contains("Plan versions") && versions.contains("by Dr Ada"), "\(versions)")
            #expect(versions.contains("Trap-bar deadlift") && versions.contains("next load 90 kg"))
        }
    }

    @Test("The caseload says when each person last trained, and an invite code says how long it holds")
    func caseloadAtAGlance() async throws {
        let store = MemoryStore()
        try await APIHarness(store: store).test { client in
            let (signedIn, clinician) = try await Self.clinicianDesk(client, store)
            var desk = signedIn
            for name in ["Sam", "Kim"] {
                let person = try await Self.linkedPatient(name, of: clinician, in: store)
                guard name == "Sam" else { continue }
                _ = try await store.addWorkout(
                    Workout(
                        date: Day(iso: "2026-11-30")!,
                        exercises: [LoggedExercise(exercise: "glute-bridge", sets: [LoggedSet(reps: 10, pain: 1)])]),
                    patientID: person.id, check: { _ in })
            }
            let caseload = try await desk.send(client, .get, "/caseload")
            #expect(caseload.html.contains("Last session 2026-11-30") && caseload.html.contains("No session yet"))
            let invited = try await desk.send(
                client, .post, "/caseload/invite", form: ["csrf": Browser.csrf(in: caseload.html)])
            #expect(invited.html.contains("It works once, within 7 days."))
        }
    }

    @Test(
        "A linked clinician makes a one-time password link on the patient page; it sets the password once, the person's trail names who made it, and no other clinician can make one"
    )
    func passwordLinkFromTheDesk() async throws {
        let store = MemoryStore()
        try await APIHarness(store: store).test { client in
            let (signedIn, clinician) = try await Self.clinicianDesk(client, store)
            var desk = signedIn
            let sam = try await Self.linkedPatient("Sam", of: clinician, in: store)
            let page = try await desk.send(client, .get, "/patients/\(sam.id)")
            #expect(page.html.contains("Make a password link") && page.html.contains("within 24 hours"))
            let made = try await desk.send(
                client, .post, "/patients/\(sam.id)/reset-link", form: ["csrf": Browser.csrf(in: page.html)])
            #expect(made.status == .ok && made.html.contains("It works once, until"))
            let link = try #require(made.html.firstMatch(of: /<code class="link">([^<]+)<\/code>/)).1
            #expect(link.hasPrefix("http://") && link.contains("/set-password?token="))
            let token = String(try #require(link.split(separator: "token=").last))

            var person = Browser()
            let form = try await person.send(client, .get, "/set-password?token=\(token)")
            #expect(form.status == .ok)
            let fields = ["csrf": Browser.csrf(in: form.html), "token": token, "password": "a brand new password"]
            let set = try await person.send(client, .post, "/set-password", form: fields)
            #expect(set.status == .seeOther && set.location == "/today")
            #expect(try await person.send(client, .get, "/set-password?token=\(token)").status == .badRequest)
            let trail = try await store.auditTrail(patientID: sam.id, limit: 10)
            #expect(trail.contains { $0.action == .resetLinkIssued && $0.actorID == clinician.id })
            #expect(trail.contains { $0.action == .passwordSetWithLink && $0.route == "POST /set-password" })
            // A link made before the person stops sharing their record dies with the link to that clinician.
            let again = try await desk.send(
                client, .post, "/patients/\(sam.id)/reset-link", form: ["csrf": Browser.csrf(in: page.html)])
            let second = String(try #require(again.html.firstMatch(of: /token=([^<"]+)/)).1)
            let services = try #require(APIHarness.current)
            try await services.accounts.unlink(patient: sam, clinicianID: clinician.id)
            #expect(try await !services.accounts.linkHolds(second))

            var other = Browser()
            try await other.signUp(client, "Dr Bo", "bo@example.org", role: "clinician")
            let caseload = try await other.send(client, .get, "/caseload")
            let refused = try await other.send(
                client, .post, "/patients/\(sam.id)/reset-link", form: ["csrf": Browser.csrf(in: caseload.html)])
            #expect(refused.status == .notFound && !refused.html.contains("token="))
            #expect(try await store.auditTrail(patientID: sam.id, limit: 10).filter { $0.action == .resetLinkIssued }.count == 2)
        }
    }

    @Test(
        "The log form sent twice (a double tap, or the back button and save again) stores one session; a refused form keeps its token; a paused plan shows no green saved"
    )
    func logOnce() async throws {
        let store = MemoryStore()
        try await APIHarness(store: store).test { client in
            var (browser, sam) = try await Self.signedInPerson(client, store)
            let page = try await browser.send(client, .get, "/log")
            // Every field as the browser would send it, filled in from the plan.
            var form: [String: String] = [:]
            for match in page.html.matches(of: /<input type="(?:hidden|number)" name="([^"]+)" value="([^"]*)"/) {
                form[String(match.1)] = String(match.2)
            }
            let token = try #require(form["submission"])
            #expect(!token.isEmpty && form["count"] != nil)
            // No pain tapped at all: refused beside the scale, nothing saved.
            let painless = try await browser.send(client, .post, "/log", form: form)
            #expect(painless.status == .badRequest && painless.html.contains(#"<p class="error" id="after-error">"#))
            #expect(try await store.caseData(patientID: sam.id)?.workouts.isEmpty == true)
            form["after"] = "1"
            let first = try await browser.send(client, .post, "/log", form: form)
            let second = try await browser.send(client, .post, "/log", form: form)
            #expect(first.location == "/today?logged=1" && second.location == "/today?logged=1")
            #expect(try await store.caseData(patientID: sam.id)?.workouts.count == 1)
            // Today says the day's work is done, and the plan shown is the next one.
            let done = try await browser.send(client, .get, "/today")
            #expect(done.html.contains("Today's session is logged") && done.html.contains("Log another session"))
            // A session forgotten yesterday is logged on its own day.
            var yesterday = form
            yesterday["submission"] = "forgotten-1"
            yesterday["day"] = "yesterday"
            _ = try await browser.send(client, .post, "/log", form: yesterday)
            #expect(
                try await store.caseData(patientID: sam.id)?.workouts.map(\.workout.date.description)
                    == ["2026-12-06", APIHarness.today])
            // Changed and sent again with the same form: the first save stands, and the page says so.
            var changed = form
            changed["after"] = "3"
            let edited = try await browser.send(client, .post, "/log", form: changed)
            #expect(edited.location == "/today?logged=again")
            #expect(try await browser.send(client, .get, "/today?logged=again").html.contains("saved already"))
            #expect(try await store.caseData(patientID: sam.id)?.workouts.count == 2)
            // A refused form comes back with the same token, and a new form has a new one.
            let refused = try await browser.send(
                client, .post, "/log", form: ["csrf": form["csrf"]!, "submission": "t-9", "count": "1", "ex-0": "nope"])
            #expect(refused.html.contains(#"name="submission" value="t-9""#))
            #expect(!(try await browser.send(client, .get, "/log")).html.contains(token))
            // A check-in with a red flag pauses the plan; Today then shows the pause, with no green "saved" above it.
            let checkIn = try await browser.send(client, .get, "/check-in")
            _ = try await browser.send(
                client, .post, "/check-in",
                form: ["csrf": Browser.csrf(in: checkIn.html), "pain": "3", "flag": "numbness-tingling", "submission": "c-1"])
            let paused = try await browser.send(client, .get, "/today?logged=1")
            #expect(!paused.html.contains("class=\"flash\"") && paused.html.contains("paused"))
        }
    }

    @Test(
        "A symptom reported later pauses the plan in calm words said once: an emergency has a button that calls the emergency number, and there is a way for a tick made by mistake"
    )
    func pausedPlanSpeaksOnce() async throws {
        let store = MemoryStore()
        try await APIHarness(store: store).test { client in
            var (browser, _) = try await Self.signedInPerson(client, store)
            let checkIn = try await browser.send(client, .get, "/check-in")
            _ = try await browser.send(
                client, .post, "/check-in",
                form: ["csrf": Browser.csrf(in: checkIn.html), "pain": "4", "flag": "saddle-numbness", "submission": "s-1"])
            let today = try await browser.send(client, .get, "/today")
            let text = Self.visibleText(today.html)
            #expect(today.html.contains(#"<a class="button call" href="tel:112">Call 112</a>"#))
            #expect(text.contains("Ticked by mistake?"))
            // Each sentence of the pause is said once, and no flag goes by its internal name.
            for sentence in ["Please go to an emergency department", "You reported numbness around the groin"] {
                #expect(text.components(separatedBy: sentence).count == 2, "\(sentence)")
            }
            #expect(!text.contains("saddle-numbness"))
        }
    }

    @Test(
        "Settings: unit until a weight is logged, plate step, equipment and time zone are saved; a refused save names and marks its field and keeps what was typed"
    )
    func settings() async throws {
        let store = MemoryStore()
        try await APIHarness(store: store).test { client in
            var (browser, sam) = try await Self.signedInPerson(client, store)
            let page = try await browser.send(client, .get, "/settings")
            #expect(page.status == .ok && page.html.contains(#"value="kg" checked"#))
            let csrf = Browser.csrf(in: page.html)
            let good = [
                "csrf": csrf, "unit": "kg", "plateIncrement": "1.25", "kettlebells": "8, 12, 16", "dumbbells": "",
                "timeZone": "Europe/Oslo",
            ]
            let saved = try await browser.send(client, .post, "/settings", form: good)
            #expect(saved.location == "/settings?saved=1")
            let settings = try #require(try await store.settings(patientID: sam.id))
            #expect(settings.plateIncrement == 1.25 && settings.timeZone == "Europe/Oslo")
            #expect(settings.equipment == EquipmentAtHand(kettlebells: [8, 12, 16], dumbbells: nil))
            // A zone that does not exist: refused by name, marked for screen readers, the rest kept.
            var wrongZone = good
            wrongZone["timeZone"] = "Mars/Olympus"
            wrongZone["kettlebells"] = "8, 12, 20"
            let refused = try await browser.send(client, .post, "/settings", form: wrongZone)
            #expect(
                refused.status == .badRequest && refused.html.contains(#"aria-invalid="true" aria-describedby="timeZone-error""#))
            #expect(refused.html.contains(#"value="8, 12, 20""#) && refused.html.contains("Mars/Olympus"))
            for (field, typed) in [
                ("kettlebells", "8, heavy"), ("dumbbells", "5, 1e9"), ("bar", "heavy"), ("bar", "100"), ("trapBar", "0.5"),
                ("plates", "20, x"),
            ] {
                var bad = good
                bad[field] = typed
                let answer = try await browser.send(client, .post, "/settings", form: bad)
                #expect(answer.status == .badRequest && answer.html.contains(#"aria-describedby="\#(field)-error""#), "\(field)")
            }
            #expect(try await store.settings(patientID: sam.id)?.equipment?.kettlebells == [8, 12, 16])
            // Their own bar and plates: kept, shown again as typed.
            var bars = good
            bars["bar"] = "15"
            bars["plates"] = "20, 10, 5, 2.5"
            #expect(try await browser.send(client, .post, "/settings", form: bars).location == "/settings?saved=1")
            #expect(
                try await store.settings(patientID: sam.id)?.equipment
                    == EquipmentAtHand(kettlebells: [8, 12, 16], bar: 15, plates: [20, 10, 5, 2.5]))
            let shown = try await browser.send(client, .get, "/settings").html
            #expect(shown.contains(#"name="bar" value="15""#) && shown.contains(#"value="20, 10, 5, 2.5""#))
            // Once a weight is logged the unit stays: pounds are refused, not a misreading of every session.
            _ = try await store.addWorkout(
                Workout(
                    date: Day(iso: "2026-12-01")!,
                    exercises: [LoggedExercise(exercise: "goblet-squat", sets: [LoggedSet(weight: 16, reps: 8, pain: 1)])]),
                patientID: sam.id, check: { _ in })
            var pounds = good
            pounds["unit"] = "lb"
            let stays = try await browser.send(client, .post, "/settings", form: pounds)
            #expect(stays.status == .badRequest && stays.html.contains("stays kg"))
            #expect(try await browser.send(client, .get, "/settings").html.contains(#"value="lb" disabled"#))
        }
    }

    @Test(
        "The printable report: one article a person for their clinician (the caseload's in its order), 404 for any other clinician, and its read goes on the trail"
    )
    func reports() async throws {
        let store = MemoryStore()
        try await APIHarness(store: store).test { client in
            let (signedIn, clinician) = try await Self.clinicianDesk(client, store)
            var desk = signedIn
            let sam = try await Self.linkedPatient("Sam", of: clinician, in: store)
            _ = try await Self.linkedPatient("Ria", of: clinician, in: store)
            // A clinician's change of the plan is among the decisions, under their name, with why.
            try await store.addOverride(
                Override(kind: .phase, date: Day(iso: "2026-12-05")!, by: "Dr Ada", phase: .restoreMovement, note: "Easing in"),
                patientID: sam.id, check: { _ in })
            let one = try await desk.send(client, .get, "/patients/\(sam.id)/report")
            #expect(one.status == .ok && one.html.components(separatedBy: "<article class=\"report\">").count == 2)
            #expect(one.html.contains("<td>Dr Ada</td>") && one.html.contains("(Easing in)"), "\(one.html)")
            #expect(one.html.contains("Decisions of the last 4 weeks") && one.html.contains("Red flags and reviews"))
            let every = try await desk.send(client, .get, "/caseload/report")
            #expect(every.html.components(separatedBy: "<article class=\"report\">").count == 3)
            #expect(every.html.contains("2 pages, one a person."))
            #expect(
                try await store.auditTrail(patientID: sam.id, limit: 5).contains {
                    $0.action == .viewed && $0.actorID == clinician.id
                })
            var other = Browser()
            try await other.signUp(client, "Dr Bo", "bo@example.org", role: "clinician")
            #expect(try await other.send(client, .get, "/patients/\(sam.id)/report").status == .notFound)
            #expect(!(try await other.send(client, .get, "/caseload/report").html.contains("Sam")))
        }
    }

    @Test("Today says what changed since the last session, in one line per lift that moved")
    func whatChanged() async throws {
        try await APIHarness().test { client in
            let (pat, base) = try await APIHarness.patientWithIntake(client)
            for workout in APIHarness.evidenceWorkouts + [APIHarness.workout.merging(["nextDay": "settled"]) { $1 }] {
                #expect(
                    try await APIHarness.send(client, .post, "\(base)/workouts", token: pat.token, json: workout).status
                        == .created)
            }
            var browser = Browser()
            try await browser.signIn(client, "pat@example.org")
            let today = try await browser.send(client, .get, "/today")
            #expect(today.html.contains("What changed since last time"))
            // Each exercise has its picture, drawn from its pose, with its cues.
            #expect(today.html.contains("<summary>How it looks</summary>") && today.html.contains(#"<svg class="figure""#))
            #expect(today.html.contains(#"aria-label="Stick figure: the start position of trap-bar deadlift""#))
            #expect(
                today.html.contains(
                    "<li>Trap-bar deadlift 70 to 75 kg: the last session on 2026-11-30 peaked at 3/10 and settled by the next morning.</li>"
                ))
            // The same sessions go back to a lifting app as a Strong file the importer reads back.
            #expect(try await browser.send(client, .get, "/account").html.contains(#"href="/account/strong.csv""#))
            let csv = try await browser.send(client, .get, "/account/strong.csv").html
            #expect(
                csv.hasPrefix(StrongCSV.header + "\n")
                    && csv.contains("2026-11-30 12:00:00;\"Liftback\";\"Trap Bar Deadlift\";2;70;kg;8"))
            let read = try TrainingImport.parse(csv, unit: .kg, catalog: .standard)
            #expect(read.workouts.last?.exercises.first?.sets.count == 2)
        }
    }

    @Test(
        "The calendar feed: made on the settings page and shown once, read without signing in, ended by a new address, by stopping it and by signing out everywhere; no other token opens it"
    )
    func calendarFeed() async throws {
        let store = MemoryStore()
        try await APIHarness(store: store).test { client in
            var (browser, sam) = try await Self.signedInPerson(client, store)
            let page = try await browser.send(client, .get, "/settings")
            #expect(page.html.contains("Make a calendar address"))
            let csrf = Browser.csrf(in: page.html)
            func make() async throws -> String {
                let made = try await browser.send(client, .post, "/settings/calendar", form: ["csrf": csrf, "do": "make"])
                #expect(made.status == .ok && made.html.contains("shown only this once") && made.html.contains("webcal://"))
                let address = try #require(made.html.firstMatch(of: /<code class="address">([^<]+)<\/code>/)).1
                return String(try #require(address.firstMatch(of: /\/calendar\/[0-9a-f]{64}\.ics/)).0)
            }
            func feed(_ path: String) async throws -> (HTTPResponse.Status, String) {
                try await client.execute(uri: path, method: .get) { ($0.status, String(buffer: $0.body)) }
            }
            let first = try await make()
            let (status, calendar) = try await feed(first)
            #expect(status == .ok && calendar.hasPrefix("BEGIN:VCALENDAR\r\n") && calendar.contains("BEGIN:VEVENT"))
            #expect(calendar.contains("BEGIN:VALARM") && !calendar.contains(sam.id))
            #expect(try await store.auditTrail(patientID: sam.id, limit: 10).contains { $0.action == .calendarFeedMade })
            let second = try await make()
            #expect(try await feed(first).0 == .notFound)
            #expect(try await feed(second).0 == .ok)
            let stopped = try await browser.send(client, .post, "/settings/calendar", form: ["csrf": csrf, "do": "stop"])
            #expect(stopped.location == "/settings?calendar=stopped")
            #expect(try await feed(second).0 == .notFound)
            // A session token is not a feed's secret, and a feed's secret opens no page.
            let session = try #require(browser.cookies[WebSession.cookie])
            #expect(try await feed("/calendar/\(session).ics").0 == .notFound)
            let third = try await make()
            let secret = String(third.dropFirst("/calendar/".count).dropLast(4))
            let reply = try await client.execute(
                uri: "/today", method: .get, headers: [.cookie: "\(WebSession.cookie)=\(secret)"]
            ) {
                $0.status
            }
            #expect(reply == .seeOther)
            try await APIHarness.current!.accounts.signOutEverywhere(sam)
            #expect(try await feed(third).0 == .notFound)
        }
    }

    @Test("The API makes and stops a calendar feed for the patient only")
    func calendarFeedAPI() async throws {
        try await APIHarness().test { client in
            let (pat, base) = try await APIHarness.patientWithIntake(client)
            let made = try await APIHarness.send(client, .post, "\(base)/calendar-feed", token: pat.token)
            #expect(made.status == .created && (made.json["expiresAt"] as? String)?.isEmpty == false)
            let path = try #require(made.json["path"] as? String)
            let feed = try await client.execute(uri: path, method: .get) { ($0.status, $0.headers[.contentType]) }
            #expect(feed.0 == .ok && feed.1 == "text/calendar; charset=utf-8")
            let doc = try await APIHarness.signUp(client, "doc@example.org", role: "clinician")
            #expect(try await APIHarness.send(client, .post, "\(base)/calendar-feed", token: doc.token).status == .notFound)
            #expect(try await APIHarness.send(client, .delete, "\(base)/calendar-feed", token: pat.token).status == .noContent)
            #expect(try await client.execute(uri: path, method: .get) { $0.status } == .notFound)
        }
    }

    /// What a page shows as text, without its tags and attributes.
    static func visibleText(_ html: String) -> String {
        html.replacing(/<script.*?<\/script>/.dotMatchesNewlines(), with: "").replacing(/<[^>]*>/, with: " ")
    }

    @Test(
        "The clinician's pages speak in words: status, decisions, rules, flags and policy have no internal names; the forms start at the plan's phase and policy, and the load list holds the plan's lifts"
    )
    func clinicianPagesInWords() async throws {
        let store = MemoryStore()
        try await APIHarness(store: store).test { client in
            let (signedIn, clinician) = try await Self.clinicianDesk(client, store)
            var desk = signedIn
            let sam = try await Self.linkedPatient("Sam", of: clinician, in: store)
            let ann = try await Self.linkedPatient("Ann", of: clinician, in: store)
            _ = try await store.addWorkout(
                Workout(
                    date: Day(iso: "2026-12-01")!,
                    exercises: [LoggedExercise(exercise: "glute-bridge", sets: [LoggedSet(reps: 10, pain: 2)])],
                    painDuring: 2, painAfter: 2, nextDay: .settled),
                patientID: sam.id, check: { _ in })
            try await store.addCheckIn(
                CheckIn(date: Day(iso: "2026-12-02")!, pain: 3, flags: [.numbnessTingling]), patientID: sam.id)
            try await store.addCheckIn(
                CheckIn(date: Day(iso: "2026-12-03")!, pain: 3, flags: [.saddleNumbness]), patientID: ann.id)
            _ = try await store.addQuestionnaire(
                QuestionnaireRecord(
                    date: Day(iso: "2026-11-02")!, answers: [1, 0, 0, 1, 0, 1, 1, 0, 3],
                    score: try Instrument.startback.score([1, 0, 0, 1, 0, 1, 1, 0, 3])),
                patientID: sam.id)

            let caseload = try await desk.send(client, .get, "/caseload")
            let listed = Self.visibleText(caseload.html)
            // An emergency comes first, apart from a flag that needs review.
            #expect(listed.contains("Emergency") && listed.contains("Needs review"))
            #expect(try #require(listed.range(of: "Ann")).lowerBound < (try #require(listed.range(of: "Sam"))).lowerBound)
            let page = try await desk.send(client, .get, "/patients/\(sam.id)")
            let text = Self.visibleText(page.html)
            let internalNames =
                RuleID.allCases.map(\.rawValue) + RedFlag.allCases.map(\.rawValue).filter { $0.contains("-") }
                + ["red-flag", "on-track", "pain-monitoring", "startback", "regress", "progress,"]
            for name in internalNames { #expect(!text.contains(name), "\(name) shown on the patient page") }
            #expect(text.contains("Needs review") && text.contains("numbness or tingling") && text.contains("STarT Back"))
            #expect(text.contains("paused until the open flag is reviewed"))
            #expect(page.html.contains(#"<option value="pain-monitoring" selected>"#))
            let services = try #require(APIHarness.current)
            let plan = try #require(try await services.cases.prescription(sam.id, by: Caller(clinician, route: "GET /x")))
            #expect(page.html.contains(#"<option value="\#(plan.prescription.phase.rawValue)" selected>"#))
            #expect(!page.html.contains(#"<option value="barbell-back-squat">"#))

            // Clearing asks for the outcome and the review; without them nothing is cleared.
            let csrf = Browser.csrf(in: page.html)
            // The movement screen, part by part: three of four is recorded, and not passed.
            let screened = try await desk.send(
                client, .post, "/patients/\(sam.id)/screen",
                form: ["csrf": csrf, "toeTouch": "1", "squats": "1", "plank": "1"])
            #expect(screened.location == "/patients/\(sam.id)?done=screen-not-passed")
            let screen = try #require(try await store.caseData(patientID: sam.id)?.screens.first)
            #expect(!screen.passed && screen.toeTouch == true && screen.walk == false)
            let bare = try await desk.send(
                client, .post, "/patients/\(sam.id)/clear", form: ["csrf": csrf, "flag": "numbness-tingling"])
            // A refusal looks like one: marked as an alert, answered 400, not the calm "saved" style.
            #expect(bare.status == .badRequest && bare.html.contains(#"<p class="problem" role="alert">Not cleared"#))
            let unticked = try await desk.send(
                client, .post, "/patients/\(sam.id)/clear",
                form: ["csrf": csrf, "flag": "numbness-tingling", "note": "Seen.", "reviewed": "0"])
            #expect(unticked.status == .badRequest)
            #expect(try await store.caseData(patientID: sam.id)?.clearances.isEmpty == true)
            let cleared = try await desk.send(
                client, .post, "/patients/\(sam.id)/clear",
                form: ["csrf": csrf, "flag": "numbness-tingling", "note": "Checked in clinic: no nerve signs.", "reviewed": "1"])
            #expect(cleared.location == "/patients/\(sam.id)?done=cleared")
            let clearance = try #require(try await store.caseData(patientID: sam.id)?.clearances.first)
            #expect(clearance.note == "Checked in clinic: no nerve signs." && clearance.by == "Dr Ada")
            // The person then hears who reviewed it, when, and the outcome.
            let person = try await services.cases.prescription(sam.id, by: Caller(sam, route: "GET /today"))
            let notice = try #require(person?.prescription.alerts.first { $0.id == .flagReviewed })
            #expect(notice.message.contains("Dr Ada reviewed") && notice.message.contains("no nerve signs"))
        }
    }

    @Test("Past the free tries, the sign-in page answers 429 with Retry-After and says when to try again, as the API does")
    func signInThrottled() async throws {
        try await APIHarness().test { client in
            _ = try await APIHarness.signUp(client, "pat@example.org")
            var browser = Browser()
            let page = try await browser.send(client, .get, "/signin")
            let wrong = ["csrf": Browser.csrf(in: page.html), "email": "pat@example.org", "password": "wrong password!"]
            for _ in 0..<SignInLimiter.account.freeTries {
                #expect(try await browser.send(client, .post, "/signin", form: wrong).status == .unauthorized)
            }
            let body = wrong.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" }
            let (status, retryAfter, html) = try await client.execute(
                uri: "/signin", method: .post,
                headers: [.cookie: browser.cookieHeader, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: body.joined(separator: "&"))
            ) { ($0.status, $0.headers[.retryAfter], String(buffer: $0.body)) }
            #expect(status == .tooManyRequests && Int(retryAfter ?? "") != nil)
            #expect(html.contains("Too many attempts. Please try again in"))
        }
    }

    @Test(
        "The log refuses, in words, a form that does not match the plan, one past the limits, and one with everything skipped; nothing is saved"
    )
    func logRefusals() async throws {
        let store = MemoryStore()
        try await APIHarness(store: store).test { client in
            var (browser, sam) = try await Self.signedInPerson(client, store)
            let page = try await browser.send(client, .get, "/log")
            let csrf = Browser.csrf(in: page.html)
            let unknown = try await browser.send(
                client, .post, "/log", form: ["csrf": csrf, "count": "1", "ex-0": "nope", "r-0-0": "5"])
            #expect(unknown.status == .badRequest && unknown.html.contains("no longer matches the plan"))
            var many = ["csrf": csrf, "count": "41", "after": "1"]
            for index in 0...40 {
                many["ex-\(index)"] = "walk"
                many["r-\(index)-0"] = "5"
            }
            let tooMany = try await browser.send(client, .post, "/log", form: many)
            #expect(
                tooMany.status == .badRequest && tooMany.html.contains("more than \(InputLimits.exercisesPerWorkout) exercises"))
            let skipped = try await browser.send(
                client, .post, "/log", form: ["csrf": csrf, "count": "1", "ex-0": "walk", "r-0-0": "5", "skip-0": "1"])
            #expect(skipped.status == .badRequest && skipped.html.contains("nothing to save"))
            #expect(try await store.caseData(patientID: sam.id)?.workouts.isEmpty == true)
            // A symptom reported with every exercise skipped is kept: it must reach the clinician.
            let flagged = try await browser.send(
                client, .post, "/log",
                form: ["csrf": csrf, "count": "1", "ex-0": "walk", "skip-0": "1", "flag": "numbness-tingling"])
            #expect(flagged.status == .seeOther)
            #expect(try await store.caseData(patientID: sam.id)?.workouts.first?.workout.flags == [.numbnessTingling])
        }
    }

    @Test(
        "Every refused number is marked beside its own field (for screen readers too), past a skipped exercise, and all typed is kept"
    )
    func logFieldAtFault() async throws {
        let store = MemoryStore()
        try await APIHarness(store: store).test { client in
            var (browser, sam) = try await Self.signedInPerson(client, store)
            let page = try await browser.send(client, .get, "/log").html
            var form = ["csrf": Browser.csrf(in: page), "count": "0", "skip-0": "1", "pe-1": "3", "after": "2"]
            for match in page.matches(of: /name="((?:ex|r|w)-\d+(?:-\d+)?)" value="([^"]*)"/) {
                form[String(match.1)] = String(match.2)
            }
            let count = Set(page.matches(of: /name="ex-(\d+)"/).map { $0.1 }).count
            try #require(count >= 2 && form["r-1-0"] != nil, "the plan has two exercises to log")
            form["count"] = String(count)
            form["r-1-0"] = "100000"
            // A second refused number, in another set: both are marked, each with its own words.
            let second = try #require(form.keys.sorted().first { $0.hasPrefix("r-") && !$0.hasPrefix("r-0-") && $0 != "r-1-0" })
            form[second] = "100000"
            let refused = try await browser.send(client, .post, "/log", form: form)
            #expect(refused.status == .badRequest)
            #expect(refused.html.contains(#"name="r-1-0" value="100000""#))
            for field in ["r-1-0", second] {
                #expect(refused.html.contains(#"aria-invalid="true" aria-describedby="\#(field)-error""#), "\(field)")
                #expect(refused.html.contains(#"<span class="error" id="\#(field)-error">"#), "\(field)")
            }
            #expect(refused.html.contains("One more field to check, each marked beside it."))
            // An exercise's pain out of the scale (a hand-made form) is marked on that scale too.
            var painful = form
            painful["r-1-0"] = "8"
            painful[second] = "8"
            painful["pe-1"] = "11"
            let scale = try await browser.send(client, .post, "/log", form: painful)
            #expect(scale.status == .badRequest && scale.html.contains(#"id="pe-1-error""#))
            #expect(refused.html.contains(#"name="pe-1" value="3" checked"#))
            #expect(!refused.html.contains("exercises[") && !refused.html.contains("painDuring"))
            #expect(try await store.caseData(patientID: sam.id)?.workouts.isEmpty == true)
        }
    }

    @Test(
        "A refusal's path names the log form's field (a set's, an exercise's pain, the pain after), counting the skipped exercises"
    )
    func logFormField() {
        #expect(SessionForms.formField("exercises[1].sets[0].weight", formIndices: [0, 2]) == "w-2-0")
        #expect(SessionForms.formField("exercises[0].sets[3].reps", formIndices: [1]) == "r-1-3")
        #expect(SessionForms.formField("exercises[0].sets[3].holdSeconds", formIndices: [1]) == "r-1-3")
        #expect(SessionForms.formField("exercises[5].sets[0].weight", formIndices: [0]) == nil)
        #expect(SessionForms.formField("painAfter", formIndices: [0]) == "after")
        #expect(SessionForms.formField("exercises[0].painDuring", formIndices: [1]) == "pe-1")
        #expect(SessionForms.formField("exercises[3].painDuring", formIndices: [0]) == nil)
        #expect(SessionForms.formField("exercises", formIndices: [0]) == nil)
        #expect(SessionForms.formField("exercises[0].sets[3].pain", formIndices: [1]) == "p-1-3")
        #expect(SessionForms.formField("exercises[0].sets[0].tempo", formIndices: [0]) == nil)
    }

    @Test("An address that is not there gives a browser a calm page; the API and other callers keep a bare 404")
    func notFoundPage() async throws {
        try await APIHarness(store: MemoryStore()).test { client in
            let html: HTTPFields = [.accept: "text/html,application/xhtml+xml"]
            try await client.execute(uri: "/no-such-page", method: .get, headers: html) { response in
                #expect(response.status == .notFound)
                #expect(String(buffer: response.body).contains("This page is not here"))
                #expect(String(buffer: response.body).contains(#"<meta name="viewport""#))
            }
            try await client.execute(uri: "/api/v1/no-such-route", method: .get, headers: html) { response in
                #expect(response.status == .notFound && !String(buffer: response.body).contains("<html"))
            }
            try await client.execute(uri: "/no-such-page", method: .get) { response in
                #expect(response.status == .notFound && !String(buffer: response.body).contains("<html"))
            }
        }
    }

    @Test("Today says what goes on each side of the bar from the person's bar and plates, or the nearest below they make")
    func perSideFromSettings() throws {
        let json = #"""
            {"exercise": "conventional-deadlift", "name": "Deadlift", "pattern": "hinge", "sets": 3, "reps": 5, "perSide": false,
             "weight": 70, "unit": "kg", "decision": "progress", "rule": "load-progress", "reasons": [], "stage": "working", "cue": ""}
            """#
        let line = try JSONDecoder().decode(PrescribedExercise.self, from: Data(json.utf8))
        let catalog = Catalog.standard
        #expect(PrescriptionView.plates(line, catalog: catalog, equipment: nil) == "Per side 25 on the 20 kg bar")
        let own = EquipmentAtHand(bar: 15, plates: [20, 10, 5, 2.5])
        #expect(PrescriptionView.plates(line, catalog: catalog, equipment: own) == "Per side 20 + 5 + 2.5 on the 15 kg bar")
        let heavy = EquipmentAtHand(plates: [20, 10])
        #expect(
            PrescriptionView.plates(line, catalog: catalog, equipment: heavy)
                == "Your plates make 60 kg at the nearest below: per side 20 on the 20 kg bar.")
    }

    @Test("A check-in saved says so on Today; an entry a phone kept offline is saved on its own day, up to a week back")
    func keptDayAndCheckInSaved() async throws {
        let store = MemoryStore()
        try await APIHarness(store: store).test { client in
            var (browser, sam) = try await Self.signedInPerson(client, store)
            var page = try await browser.send(client, .get, "/check-in")
            let saved = try await browser.send(
                client, .post, "/check-in", form: ["csrf": Browser.csrf(in: page.html), "pain": "2", "submission": "k-1"])
            #expect(saved.location == "/today?checked=1")
            #expect(try await browser.send(client, .get, "/today?checked=1").html.contains("Check-in saved"))
            // Kept on the phone since two days ago: stored on that day.
            let today = try #require(try await store.caseData(patientID: sam.id)?.checkIns.first?.date)
            page = try await browser.send(client, .get, "/check-in")
            let kept = try await browser.send(
                client, .post, "/check-in",
                form: [
                    "csrf": Browser.csrf(in: page.html), "pain": "3", "submission": "k-2", "date": "\(today.adding(days: -2))",
                ])
            #expect(kept.status == .seeOther)
            #expect(try await store.caseData(patientID: sam.id)?.checkIns.map(\.date).contains(today.adding(days: -2)) == true)
            // Longer than a week: refused in words, nothing saved.
            page = try await browser.send(client, .get, "/check-in")
            let old = try await browser.send(
                client, .post, "/check-in",
                form: [
                    "csrf": Browser.csrf(in: page.html), "pain": "3", "submission": "k-3", "date": "\(today.adding(days: -8))",
                ])
            #expect(old.status == .badRequest && old.html.contains("more than \(InputLimits.keptEntryDays) days"))
            #expect(try await store.caseData(patientID: sam.id)?.checkIns.count == 2)
        }
    }

    @Test("The day of an entry: kept by a phone (a week back to tomorrow), or today, or yesterday for a forgotten session")
    func entryDays() {
        let today = Day(iso: "2026-12-07")!
        func day(_ fields: [String: String]) -> Day? {
            PersonPages.entryDay(Form(fields.map { "\($0.key)=\($0.value)" }.joined(separator: "&")), today: today)
        }
        #expect(day([:]) == today && day(["day": "yesterday"]) == Day(iso: "2026-12-06"))
        #expect(day(["date": "2026-11-30", "day": "yesterday"]) == Day(iso: "2026-11-30"))
        #expect(day(["date": "2026-12-08"]) == Day(iso: "2026-12-08"))
        #expect(day(["date": "2026-11-29"]) == nil && day(["date": "2026-12-09"]) == nil && day(["date": "soon"]) == nil)
    }

    @Test("A refused load comes back on the patient page as typed: the exercise still chosen, the message beside the weight")
    func refusedLoadKept() {
        let data = CaseData(settings: PatientSettings(), intake: Intake(date: Day(iso: "2026-11-02")!, pattern: .muscular))
        let c = data.asCase(asOf: Day(iso: "2026-12-07")!)
        let engine = Engine.standard
        let view = PatientView(
            patient: Account(id: "p", email: "p@example.org", name: "Pat", role: .patient, createdAt: Date()), data: data,
            prescription: engine.nextPrescription(for: c),
            progress: ProgressSummary(c, questionnaires: [], catalog: engine.catalog),
            csrf: "", engine: engine, pending: nil, resetLink: nil, resetLinkHours: 24,
            plan: ["goblet-squat", "trap-bar-deadlift"],
            refusedLoad: .init(exercise: "trap-bar-deadlift", weight: "10000", message: "Weight: must be between 0 and 500 kg."))
        let form = view.loadForm.description
        #expect(form.contains(#"<option value="trap-bar-deadlift" selected>"#))
        #expect(form.contains(#"name="weight" value="10000""#) && form.contains(#"aria-describedby="weight-error""#))
        #expect(form.contains("between 0 and 500 kg"))
    }

    @Test(
        "The follow-along timer reads its numbers from the page: the hold, its sets, the rest between holds and the side switch")
    func timerAttributes() throws {
        let json = #"""
            {"exercise": "side-plank", "name": "Side plank", "pattern": "anti-lateral-flexion", "sets": 3, "holdSeconds": 30,
             "perSide": true, "decision": "hold", "rule": "one-step-per-week", "reasons": [], "stage": "bodyweight", "cue": ""}
            """#
        let line = try JSONDecoder().decode(PrescribedExercise.self, from: Data(json.utf8))
        let attributes = Timers.attributes(line).description
        for expected in [
            #"data-sets="3""#, #"data-hold="30""#, #"data-hold-rest="\#(Exercise.restBetweenHolds)""#,
            #"data-switch="\#(Exercise.changeSides)""#, "data-per-side",
        ] {
            #expect(attributes.contains(expected), "\(attributes)")
        }
    }

    @Test("Text people type is escaped wherever it is shown")
    func escaping() {
        let html: HTML = "<p>\("<script>alert(1)</script> & \"quotes\"")</p>"
        #expect(html.description == "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;</p>")
    }
}
