import Foundation
import LiftbackApp
import LiftbackCore

/// The intake wizard's steps as views; `IntakePages` keeps the answers so far and saves the intake.
enum IntakeView {
    /// A step of the wizard; `kept` is the refused form of the weights step, shown as typed.
    static func page(
        _ step: IntakePages.Step, _ state: IntakePages.State, csrf: String?, error: String?, kept: Form?,
        fault: ExerciseID? = nil
    ) throws -> HTML {
        let number = (IntakePages.Step.allCases.firstIndex(of: step) ?? 0) + 1
        let body: HTML
        switch step {
        case .flags: body = flagsStep(state)
        case .pattern: body = patternStep(state, kept: kept, ageError: kept == nil ? nil : error)
        case .weights: body = weightsStep(state, kept: kept, fault: fault.map { ($0, error ?? "") })
        case .startback: body = try questionnaireStep(.startback, answered: state.startBack)
        case .disability: body = try questionnaireStep(.rmdq, answered: state.disability)
        }
        // Back keeps what this step holds and shows the one before; the browser's checks wait.
        let back: HTML =
            number > 1 ? "<button class=\"secondary\" name=\"back\" value=\"1\" formnovalidate>Back</button> " : ""
        return """
            <p class="muted">Step \(number) of \(IntakePages.Step.allCases.count)</p>
            <form method="post" action="/intake">
            \(Layout.csrfField(csrf))
            <input type="hidden" name="step" value="\(step.rawValue)">
            \(stateField(state))
            <input type="hidden" name="tz" value="">
            \(error.map { HTML("<p class=\"error\" role=\"alert\">\($0)</p>") })
            \(body)
            <p class="actions"><button>Continue</button> \(back)</p>
            </form>
            """
    }

    static func stateField(_ state: IntakePages.State) -> HTML {
        let json = String(decoding: (try? JSONEncoder().encode(state)) ?? Data("{}".utf8), as: UTF8.self)
        return "<input type=\"hidden\" name=\"state\" value=\"\(json)\">"
    }

    /// The safety questions: every flag a person can tick for themselves (age is asked with the
    /// pain questions, and the two-week rule is read from the pain reports).
    static let safetyFlags = RedFlag.allCases.filter { $0 != .ageOver50 && $0 != .noImprovement2Weeks }

    static func flagsStep(_ state: IntakePages.State) -> HTML {
        let flags = Layout.flagChoices(safetyFlags, ticked: Set(state.flags.map(\.rawValue)))
        return """
            <h1>First, a safety check</h1>
            <p>Tick anything that applies to you now. Most people tick nothing; if you do, we will tell you calmly what to do next.</p>
            <fieldset><legend>Any of these?</legend>\(flags)</fieldset>
            """
    }

    static func patternStep(_ state: IntakePages.State, kept: Form? = nil, ageError: String? = nil) -> HTML {
        let age = kept?["age"] ?? state.age.map(String.init) ?? ""
        let answers = PatternAnswer.allCases.html { answer in
            "<label class=\"check\"><input type=\"checkbox\" name=\"answer\" value=\"\(answer.rawValue)\"\(Layout.checked(state.answers.contains(answer)))> \(answer.meaning)</label>"
        }
        let onsets = PainOnset.allCases.html { onset in
            "<label class=\"check\"><input type=\"radio\" name=\"onset\" value=\"\(onset.rawValue)\"\(Layout.checked(state.onset == onset))> \(onset.title)</label>"
        }
        let avoided = FearedMovement.allCases.html { movement in
            "<label class=\"check\"><input type=\"checkbox\" name=\"avoid\" value=\"\(movement.rawValue)\"\((state.avoids ?? []).contains(movement) ? " checked" : "")> \(movement.title)</label>"
        }
        return """
            <h1>How does your back feel?</h1>
            <fieldset><legend>Which of these fit your pain?</legend>\(answers)</fieldset>
            <fieldset><legend>Anything you have been avoiding, or that feels risky at the moment?</legend>\(avoided)</fieldset>
            <fieldset><legend>When did this back pain start?</legend>\(onsets)</fieldset>
            \(Layout.painScale("Your pain right now (0 none, 10 worst imaginable)", name: "pain", selected: state.pain))
            \(Layout.field("Your age in years (we keep only whether you are over 50, which a clinician likes to know)", name: "age", type: "number", value: age, extra: "inputmode=\"numeric\" min=\"\(InputLimits.age.lowerBound)\" max=\"\(InputLimits.age.upperBound)\"", error: ageError))
            """
    }

    /// - Parameter fault: the lift whose numbers were refused, with why: said beside its weight.
    static func weightsStep(_ state: IntakePages.State, kept: Form? = nil, fault: (ExerciseID, String)? = nil) -> HTML {
        let unit = kept.flatMap { WeightUnit(rawValue: $0["unit"] ?? "") } ?? state.unit
        let rows = IntakePages.baselineLifts.html { id, name in
            let saved = state.weights.first { $0.exercise == id }
            let weight = kept?["weight-\(id)"] ?? saved.map { formatWeight($0.weight) } ?? ""
            let reps = kept?["reps-\(id)"] ?? saved.map { String($0.reps) } ?? ""
            return """
                <fieldset><legend>\(name)</legend><div class="setrow">
                \(Layout.field("Weight", name: "weight-\(id)", type: "number", value: weight, extra: "inputmode=\"decimal\" step=\"any\" min=\"0\"", error: fault?.0 == id ? fault?.1 : nil))
                \(Layout.field("Reps", name: "reps-\(id)", type: "number", value: reps, extra: "inputmode=\"numeric\" min=\"\(InputLimits.workingReps.lowerBound)\" max=\"\(InputLimits.workingReps.upperBound)\""))
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

    /// A questionnaire as its instructions describe it: Roland-Morris as sentences to tick ("put a tick
    /// against it"; an unticked sentence scores 0), the others as one choice per question.
    static func questionnaireStep(_ instrument: Instrument, answered: [Int]?) throws -> HTML {
        guard let form = try InstrumentTexts.bundled()[instrument] else { return "" }
        func chosen(_ number: Int) -> Int? {
            answered.flatMap { number - 1 < $0.count ? $0[number - 1] : nil }
        }
        let items: HTML
        if instrument == .rmdq {
            items =
                "<fieldset class=\"ticks\"><legend>Tick each sentence that describes you today</legend>\(form.items.html { item in "<label class=\"check\"><input type=\"checkbox\" name=\"item-\(item.number)\" value=\"1\"\(Layout.checked(chosen(item.number) == 1))> \(item.number). \(item.text)</label>" })</fieldset>"
        } else {
            items = form.items.html { item in
                let options = form.responses(for: item).html { response in
                    "<label class=\"check\"><input type=\"radio\" name=\"item-\(item.number)\" value=\"\(response.value)\" required\(Layout.checked(chosen(item.number) == response.value))> \(response.label)</label>"
                }
                return "<fieldset><legend>\(item.number). \(item.text)</legend>\(options)</fieldset>"
            }
        }
        return """
            <h1>\(form.name)</h1>
            <p>\(form.instructions)</p>
            \(items)
            <p class="muted">\(form.citation)</p>
            """
    }

    static func stop(_ triage: TriageResult, emergencyNumber: String) -> HTML {
        """
        <h1>Thank you. Let's pause here.</h1>
        <div class="alert red-flag" role="alert"><p>\(triage.disposition.guidance ?? "")</p></div>
        \(Layout.emergencyCall(triage.disposition, number: emergencyNumber))
        <p>You told us about:</p>
        <ul>\(triage.flags.filter { $0.level != .weak }.html { "<li>\($0.meaning)</li>" })</ul>
        <p>These symptoms are uncommon and usually have a clear explanation, but they deserve a professional's look before any training plan. Liftback will not suggest loaded exercise until a clinician has reviewed them.</p>
        <p>When a clinician has cleared you, sign in again and carry on.</p>
        """
    }
}
