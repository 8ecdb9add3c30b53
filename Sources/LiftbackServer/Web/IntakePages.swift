import Foundation
import Hummingbird
import LiftbackApp
import LiftbackCore

/// The intake as a short wizard: red flags first (a stop ends on a calm page that says where to go,
/// and no plan), then the pattern questions, previous working weights, STarT Back and the
/// Roland-Morris disability questionnaire. Answers so far travel in a hidden field.
struct IntakePages {
    let web: WebController

    typealias State = IntakeAnswers

    enum Step: String, CaseIterable {
        case flags, pattern, weights, startback, disability

        var previous: Step { Self.allCases[max(0, (Self.allCases.firstIndex(of: self) ?? 0) - 1)] }
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

    /// A step of the wizard; `kept` is the refused form of the weights step, shown as typed.
    /// `fault`: the lift whose numbers were refused, marked beside its fields.
    func step(
        _ step: Step, _ state: State, _ context: AppContext, error: String? = nil, kept: Form? = nil, fault: ExerciseID? = nil
    ) throws -> Response {
        _ = try web.signedIn(context, role: .patient)
        return web.render(
            "Getting started", context, status: error == nil ? .ok : .badRequest,
            try IntakeView.page(step, state, csrf: WebSession.csrf(for: context), error: error, kept: kept, fault: fault))
    }

    func submit(_ request: Request, _ context: AppContext) async throws -> Response {
        let patient = try web.signedIn(context, role: .patient)
        let form = try await WebSession.checkedForm(request, context)
        if try await web.cases.hasIntake(patient.id) { return WebController.redirect("/today") }
        var state = (try? JSONDecoder().decode(State.self, from: Data((form["state"] ?? "{}").utf8))) ?? State()
        if let zone = web.cases.knownTimeZone(form.text("tz")) { state.timeZone = zone }
        let current = Step(rawValue: form["step"] ?? "") ?? .flags
        if form["back"] != nil {
            // Back: what this step holds so far is kept, unchecked, and the step before is shown as it was answered.
            keep(form, step: current, in: &state)
            return try step(current.previous, state, context)
        }
        switch current {
        case .flags:
            state.flags = form.all("flag").compactMap(RedFlag.init(rawValue:))
            let triage = web.cases.triage(state.flags)
            if triage.disposition.stopsLoading {
                try await web.cases.completeIntake(state, patientID: patient.id, by: context.caller(patient))
                return stopPage(triage, context)
            }
            return try step(.pattern, state, context)
        case .pattern:
            keep(form, step: .pattern, in: &state)
            guard let pain = form.int("pain"), InputLimits.pain.contains(pain) else {
                return try step(.pattern, state, context, error: "Choose your pain right now, from 0 to 10.", kept: form)
            }
            let typedAge = form.text("age") ?? ""
            if !typedAge.isEmpty, form.int("age").map(InputLimits.age.contains) != true {
                return try step(
                    .pattern, state, context,
                    error:
                        "Your age: a whole number of years from \(InputLimits.age.lowerBound) to \(InputLimits.age.upperBound), or leave it blank.",
                    kept: form)
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
                guard let entry, (try? web.cases.checkWorkingWeight(entry, unit: state.unit)) != nil else {
                    let (lightest, heaviest) = (
                        formatWeight(InputLimits.minWeight(in: state.unit)), formatWeight(InputLimits.maxWeight(in: state.unit))
                    )
                    let reps = InputLimits.workingReps
                    return try step(
                        .weights, state, context,
                        error:
                            "\(name): enter both a weight from \(lightest) to \(heaviest) \(state.unit.rawValue) and \(reps.lowerBound) to \(reps.upperBound) reps, or leave both blank. Nothing is lost: check the numbers below.",
                        kept: form, fault: id)
                }
                state.weights.append(entry)
            }
            return try step(.startback, state, context)
        case .startback:
            let answers = Instrument.startback.itemNumbers.map { form.int("item-\($0)") }
            do {
                try web.cases.checkAnswers(.startback, answers)
            } catch {
                return try step(.startback, state, context, error: "Please answer every question (\(error.description)).")
            }
            state.startBack = answers.compactMap { $0 }
            return try step(.disability, state, context)
        case .disability:
            // Roland-Morris is ticked, as its instructions say: a sentence left unticked scores 0.
            let answers: [Int?] = Instrument.rmdq.itemNumbers.map { form["item-\($0)"] == nil ? 0 : form.int("item-\($0)") }
            do {
                try web.cases.checkAnswers(.rmdq, answers)
            } catch {
                return try step(.disability, state, context, error: "Please answer every statement (\(error.description)).")
            }
            do {
                try await web.cases.completeIntake(
                    state, disability: answers, patientID: patient.id, by: context.caller(patient))
            } catch is InstrumentError {
                // Only a tampered form gets here: the STarT Back answers carried along do not score.
                return try step(.startback, state, context, error: "Please answer every question.")
            }
            return WebController.redirect("/today?welcome=1")
        }
    }

    /// What a step's form holds, kept in the answers without checking it (for Back, and for a step
    /// shown again with its error): nothing typed is lost.
    func keep(_ form: Form, step: Step, in state: inout State) {
        switch step {
        case .flags:
            state.flags = form.all("flag").compactMap(RedFlag.init(rawValue:))
        case .pattern:
            state.answers = form.all("answer").compactMap(PatternAnswer.init(rawValue:))
            state.avoids = form.all("avoid").compactMap(FearedMovement.init(rawValue:))
            state.onset = form["onset"].flatMap(PainOnset.init(rawValue:))
            state.pain = form.int("pain").flatMap { InputLimits.pain.contains($0) ? $0 : nil } ?? state.pain
            state.age = form.int("age").flatMap { InputLimits.age.contains($0) ? $0 : nil }
        case .weights:
            state.unit = WeightUnit(rawValue: form["unit"] ?? "") ?? state.unit
            state.weights = Self.baselineLifts.compactMap { id, _ in
                guard let weight = form.double("weight-\(id)"), let reps = form.int("reps-\(id)") else { return nil }
                let entry = WorkingWeight(exercise: id, weight: weight, reps: reps)
                return (try? web.cases.checkWorkingWeight(entry, unit: state.unit)) != nil ? entry : nil
            }
        case .startback:
            let answers = Instrument.startback.itemNumbers.map { form.int("item-\($0)") }
            if answers.allSatisfy({ $0 != nil }) { state.startBack = answers.compactMap { $0 } }
        case .disability:
            state.disability = Instrument.rmdq.itemNumbers.map { form["item-\($0)"] == nil ? 0 : 1 }
        }
    }

    func stopPage(_ triage: TriageResult, _ context: AppContext) -> Response {
        web.render(
            "Please check in with a professional", context,
            IntakeView.stop(triage, emergencyNumber: web.config.emergencyNumber))
    }
}
