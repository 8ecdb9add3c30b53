import Foundation
import Hummingbird
import LiftbackApp
import LiftbackCore

/// The intake as a short wizard: red flags first (a stop ends on a calm page that says where to go,
/// and no plan), then the pattern questions, previous working weights, STarT Back and the
/// Roland-Morris disability questionnaire. Answers so far travel in a hidden field.
struct IntakePages {
    let web: WebController

    struct State: Codable {
        var flags: [RedFlag] = []
        var answers: [PatternAnswer] = []
        var pain: Int?
        var unit: WeightUnit = .kg
        var weights: [WorkingWeight] = []
        var startBack: [Int]?
        /// Movements avoided or feared (graded exposure brings each back).
        var avoids: [FearedMovement]?
        /// The browser's time zone, so that the person's "today" is theirs.
        var timeZone: String?

        var settings: PatientSettings { PatientSettings(unit: unit, timeZone: timeZone) }
    }

    enum Step: String {
        case flags, pattern, weights, startback, disability
    }

    /// The lifts whose previous working weights the wizard asks for.
    static let baselineLifts: [(ExerciseID, String)] = [
        ("conventional-deadlift", "Deadlift"), ("back-squat", "Back squat"), ("bench-press", "Bench press"),
    ]

    func register(_ router: RouterGroup<AppContext>) {
        router.get("intake") { _, context in try await start(context) }
        router.post("intake") { request, context in try await submit(request, context) }
    }

    /// The intake is done once; afterwards changes go through the clinician or a new check-in.
    func start(_ context: AppContext) async throws -> Response {
        let patient = try web.signedIn(context, role: .patient)
        if try await web.cases.hasIntake(patient.id) { return WebController.redirect("/today") }
        return try step(.flags, State(), context)
    }

    func stateField(_ state: State) -> HTML {
        let json = String(decoding: (try? JSONEncoder().encode(state)) ?? Data("{}".utf8), as: UTF8.self)
        return "<input type=\"hidden\" name=\"state\" value=\"\(json)\">"
    }

    /// A step of the wizard; `kept` is the refused form of the weights step, shown as typed.
    func step(_ step: Step, _ state: State, _ context: AppContext, error: String? = nil, kept: Form? = nil) throws -> Response {
        _ = try web.signedIn(context, role: .patient)
        let number = ["flags": 1, "pattern": 2, "weights": 3, "startback": 4, "disability": 5][step.rawValue]!
        let body: HTML
        switch step {
        case .flags: body = flagsStep()
        case .pattern: body = patternStep(state)
        case .weights: body = weightsStep(state, kept: kept)
        case .startback: body = try questionnaireStep(.startback)
        case .disability: body = try questionnaireStep(.rmdq)
        }
        return web.render(
            "Getting started", context, status: error == nil ? .ok : .badRequest,
            """
            <p class="muted">Step \(number) of 5</p>
            <form method="post" action="/intake">
            \(Layout.csrfField(WebSession.csrf(for: context)))
            <input type="hidden" name="step" value="\(step.rawValue)">
            \(stateField(state))
            <input type="hidden" name="tz" value="">
            \(error.map { HTML("<p class=\"error\" role=\"alert\">\($0)</p>") })
            \(body)
            <button>Continue</button>
            </form>
            """)
    }

    func flagsStep() -> HTML {
        let flags = Layout.flagChoices(RedFlag.allCases)
        return """
            <h1>First, a safety check</h1>
            <p>Tick anything that applies to you now. Most people tick nothing; if you do, we will tell you calmly what to do next.</p>
            <fieldset><legend>Any of these?</legend>\(flags)</fieldset>
            """
    }

    func patternStep(_ state: State) -> HTML {
        let answers = PatternAnswer.allCases.html { answer in
            "<label class=\"check\"><input type=\"checkbox\" name=\"answer\" value=\"\(answer.rawValue)\"> \(answer.meaning)</label>"
        }
        let avoided = FearedMovement.allCases.html { movement in
            "<label class=\"check\"><input type=\"checkbox\" name=\"avoid\" value=\"\(movement.rawValue)\"\((state.avoids ?? []).contains(movement) ? " checked" : "")> \(movement.title)</label>"
        }
        return """
            <h1>How does your back feel?</h1>
            <fieldset><legend>Which of these fit your pain?</legend>\(answers)</fieldset>
            <fieldset><legend>Anything you have been avoiding, or that feels risky at the moment?</legend>\(avoided)</fieldset>
            \(Layout.painScale("Your pain right now (0 none, 10 worst imaginable)", name: "pain", selected: state.pain))
            """
    }

    func weightsStep(_ state: State, kept: Form? = nil) -> HTML {
        let unit = kept.flatMap { WeightUnit(rawValue: $0["unit"] ?? "") } ?? state.unit
        let rows = Self.baselineLifts.html { id, name in
            """
            <fieldset><legend>\(name)</legend><div class="setrow">
            \(Layout.field("Weight", name: "weight-\(id)", type: "number", value: kept?["weight-\(id)"] ?? "", extra: "inputmode=\"decimal\" step=\"any\" min=\"0\""))
            \(Layout.field("Reps", name: "reps-\(id)", type: "number", value: kept?["reps-\(id)"] ?? "", extra: "inputmode=\"numeric\" min=\"\(InputLimits.workingReps.lowerBound)\" max=\"\(InputLimits.workingReps.upperBound)\""))
            </div></fieldset>
            """
        }
        return """
            <h1>What did you lift before?</h1>
            <p>Your usual working sets before the back pain, if you remember them. Leave blank what you did not do; the plan then starts you light.</p>
            <fieldset><legend>Units</legend>
            <label class="check"><input type="radio" name="unit" value="kg"\(Layout.checked(unit == .kg))> kilograms</label>
            <label class="check"><input type="radio" name="unit" value="lb"\(Layout.checked(unit == .lb))> pounds</label>
            </fieldset>
            \(rows)
            """
    }

    func questionnaireStep(_ instrument: Instrument) throws -> HTML {
        guard let form = try InstrumentTexts.bundled()[instrument] else { return "" }
        let items = form.items.html { item in
            let options = form.responses(for: item).html { response in
                "<label class=\"check\"><input type=\"radio\" name=\"item-\(item.number)\" value=\"\(response.value)\" required> \(response.label)</label>"
            }
            return "<fieldset><legend>\(item.number). \(item.text)</legend>\(options)</fieldset>"
        }
        return """
            <h1>\(form.name)</h1>
            <p>\(form.instructions)</p>
            \(items)
            <p class="muted">\(form.citation)</p>
            """
    }

    func submit(_ request: Request, _ context: AppContext) async throws -> Response {
        let patient = try web.signedIn(context, role: .patient)
        let form = try await WebSession.checkedForm(request, context)
        if try await web.cases.hasIntake(patient.id) { return WebController.redirect("/today") }
        var state = (try? JSONDecoder().decode(State.self, from: Data((form["state"] ?? "{}").utf8))) ?? State()
        if let zone = web.cases.knownTimeZone(form.text("tz")) { state.timeZone = zone }
        switch Step(rawValue: form["step"] ?? "") ?? .flags {
        case .flags:
            state.flags = form.all("flag").compactMap(RedFlag.init(rawValue:))
            let triage = Triage.assess(state.flags)
            if triage.disposition.stopsLoading {
                try await saveIntake(state, patient: patient)
                return stopPage(triage, context)
            }
            return try step(.pattern, state, context)
        case .pattern:
            state.answers = form.all("answer").compactMap(PatternAnswer.init(rawValue:))
            state.avoids = form.all("avoid").compactMap(FearedMovement.init(rawValue:))
            guard let pain = form.int("pain"), InputLimits.pain.contains(pain) else {
                return try step(.pattern, state, context, error: "Choose your pain right now, from 0 to 10.")
            }
            state.pain = pain
            return try step(.weights, state, context)
        case .weights:
            state.unit = WeightUnit(rawValue: form["unit"] ?? "") ?? .kg
            state.weights = []
            for (id, name) in Self.baselineLifts {
                let weight = form.double("weight-\(id)")
                let reps = form.int("reps-\(id)")
                if weight == nil && reps == nil { continue }
                let entry = weight.flatMap { weight in reps.map { WorkingWeight(exercise: id, weight: weight, reps: $0) } }
                // The core's limits, checked as the service will check them.
                guard let entry, (try? entry.validate(unit: state.unit)) != nil else {
                    let (lightest, heaviest) = (
                        formatWeight(InputLimits.minWeight(in: state.unit)), formatWeight(InputLimits.maxWeight(in: state.unit))
                    )
                    let reps = InputLimits.workingReps
                    return try step(
                        .weights, state, context,
                        error:
                            "\(name): enter both a weight from \(lightest) to \(heaviest) \(state.unit.rawValue) and \(reps.lowerBound) to \(reps.upperBound) reps, or leave both blank. Nothing is lost: check the numbers below.",
                        kept: form)
                }
                state.weights.append(entry)
            }
            return try step(.startback, state, context)
        case .startback:
            let answers = (1...9).map { form.int("item-\($0)") }
            do {
                _ = try Instrument.startback.score(answers)
            } catch {
                return try step(.startback, state, context, error: "Please answer every question (\(error.description)).")
            }
            state.startBack = answers.compactMap { $0 }
            return try step(.disability, state, context)
        case .disability:
            let answers = (1...24).map { form.int("item-\($0)") }
            do {
                _ = try Instrument.rmdq.score(answers)
            } catch {
                return try step(.disability, state, context, error: "Please answer every statement (\(error.description)).")
            }
            let day = web.cases.today(for: state.settings)
            // Everything is scored before anything is saved, so a tampered form stores nothing.
            guard let startBack = state.startBack, (try? Instrument.startback.score(startBack)) != nil else {
                return try step(.startback, state, context, error: "Please answer every question.")
            }
            try await saveIntake(state, patient: patient)
            try await web.cases.addQuestionnaire(.startback, date: day, answers: startBack, patientID: patient.id)
            try await web.cases.addQuestionnaire(.rmdq, date: day, answers: answers, patientID: patient.id)
            return WebController.redirect("/today?welcome=1")
        }
    }

    func saveIntake(_ state: State, patient: Account) async throws {
        let pattern = PatternAssessment.assess(Set(state.answers)).pattern
        let intake = Intake(
            date: web.cases.today(for: state.settings), flags: state.flags, pattern: pattern,
            previousWorkingWeights: state.weights, pain: state.pain, avoids: state.avoids ?? [])
        try await web.cases.saveIntake(intake, settings: state.settings, patientID: patient.id)
    }

    func stopPage(_ triage: TriageResult, _ context: AppContext) -> Response {
        web.render(
            "Please check in with a professional", context,
            """
            <h1>Thank you. Let's pause here.</h1>
            <div class="alert red-flag" role="alert"><p>\(triage.disposition.guidance ?? "")</p></div>
            <p>You told us about:</p>
            <ul>\(triage.flags.filter { $0.level != .weak }.html { "<li>\($0.meaning)</li>" })</ul>
            <p>These symptoms are uncommon and usually have a clear explanation, but they deserve a professional's look before any training plan. Liftback will not suggest loaded exercise until a clinician has reviewed them.</p>
            <p>When a clinician has cleared you, sign in again and carry on.</p>
            """)
    }
}
