import Foundation
import LiftbackApp
import LiftbackCore

/// The person's two forms as views: a session to log and the day's check-in. They read only what
/// they are given; `PersonPages` fetches it and saves what comes back.
enum SessionForms {
    /// The session form, filled from the plan, or with what was typed when `kept` is the refused form.
    /// The hidden field that makes a form's save happen once: a new token for each form shown, the
    /// same one when a refused form comes back, so that sending it twice (a double tap, the back
    /// button) stores one entry.
    static func submission(_ kept: Form?) -> HTML {
        let token = kept?.text("submission") ?? UUID().uuidString
        return "<input type=\"hidden\" name=\"submission\" value=\"\(token)\">"
    }

    /// The log form's field for a refusal's path (`exercises[1].sets[0].weight` is `w-2-0` when the
    /// form's second exercise was skipped), or nil for a path with no field of its own.
    static func formField(_ path: String, formIndices: [Int]) -> String? {
        if path == "painAfter" { return "after" }
        if let match = path.wholeMatch(of: /exercises\[(\d+)\]\.painDuring/), let exercise = Int(match.1),
            formIndices.indices.contains(exercise)
        {
            return "pe-\(formIndices[exercise])"
        }
        guard let match = path.wholeMatch(of: /exercises\[(\d+)\]\.sets\[(\d+)\]\.(\w+)/),
            let exercise = Int(match.1), formIndices.indices.contains(exercise), let set = Int(match.2)
        else { return nil }
        let prefix: String? =
            switch match.3 {
            case "weight": "w"
            case "reps", "holdSeconds", "minutes", "passes": "r"
            case "pain": "p"
            default: nil
            }
        return prefix.map { "\($0)-\(formIndices[exercise])-\(set)" }
    }

    static func log(
        _ prescription: Prescription, unit: WeightUnit, catalog: Catalog, csrf: String?, error: String?, kept: Form?,
        faults: [String: String] = [:]
    ) -> HTML {
        let unit = unit.rawValue
        // Each field at fault carries its own message beside it; the summary above the form says the first.
        func message(_ name: String) -> String? { faults[name] }
        let exercises = prescription.exercises.enumerated().html { index, line in
            let sets = (0..<line.sets).html { set in
                let (weight, amount, pain) = ("w-\(index)-\(set)", "r-\(index)-\(set)", "p-\(index)-\(set)")
                let planned = String(line.amount ?? 0)
                return """
                    <div class="set">
                    <div class="setrow">
                    \(line.weight != nil || catalog[line.exercise]?.loaded == true ? Layout.field("Set \(set + 1) weight (\(line.unit?.rawValue ?? unit))", name: weight, type: "number", value: kept.map { $0[weight] ?? "" } ?? line.weight.map(formatWeight) ?? "", extra: "inputmode=\"decimal\" step=\"any\" min=\"0\"", error: message(weight)) : "")
                    \(Layout.field("Set \(set + 1) \(line.kind.unitWord)", name: amount, type: "number", value: kept.map { $0[amount] ?? "" } ?? planned, extra: "inputmode=\"numeric\" min=\"0\"", error: message(amount)))
                    </div>
                    <details class="set-pain"\(kept?.int(pain) != nil || message(pain) != nil ? " open" : "")><summary>Pain in set \(set + 1) (optional)</summary>
                    \(Layout.painScale("Pain during set \(set + 1)", name: pain, selected: kept?.int(pain), required: false, error: message(pain)))
                    </details>
                    </div>
                    """
            }
            let rest = catalog[line.exercise]?.restSeconds ?? Exercise.restAfterOtherSet
            return """
                <section class="card" data-step data-rest="\(rest)"\(Timers.attributes(line))>
                <h2>\(line.name)</h2>
                <p class="dose">\(line.describe(times: "×"))</p>
                <input type="hidden" name="ex-\(index)" value="\(line.exercise.rawValue)">
                <label class="check"><input type="checkbox" name="skip-\(index)" value="1"\(Layout.checked(kept?["skip-\(index)"] != nil))> I skipped this one</label>
                \(Layout.painScale("Pain during \(line.name.lowercased())", name: "pe-\(index)", selected: kept?.int("pe-\(index)"), required: false, error: message("pe-\(index)")))
                \(sets)
                </section>
                """
        }
        let symptoms = Layout.flagChoices(RedFlag.reportableLater, ticked: Set(kept?.all("flag") ?? []))
        return
            """
            <h1>Log today's session</h1>
            <p>Weights and reps are filled in from your plan: change them if you did something else, and tap your pain for each exercise (for each set too, if you like).</p>
            \(error.map { HTML("<p class=\"error\" role=\"alert\">\($0)</p>") })
            <form method="post" action="/log">
            \(Layout.csrfField(csrf))\(submission(kept))
            <input type="hidden" name="count" value="\(prescription.exercises.count)">
            <fieldset class="when"><legend>When did you train?</legend>
            <label class="check"><input type="radio" name="day" value="today"\(Layout.checked(kept?["day"] != "yesterday"))> Today</label>
            <label class="check"><input type="radio" name="day" value="yesterday"\(Layout.checked(kept?["day"] == "yesterday"))> Yesterday (forgot to log it)</label>
            </fieldset>
            \(exercises)
            <section class="card" data-step>
            <h2>After the session</h2>
            \(Layout.painScale("Pain right after the session", name: "after", selected: kept?.int("after"), error: message("after")))
            <label class="check"><input type="checkbox" name="stopped" value="1"\(Layout.checked(kept?["stopped"] != nil))> I stopped early because of sharp pain or a new symptom</label>
            <fieldset><legend>Anything new? (tick only if it is new)</legend>\(symptoms)</fieldset>
            </section>
            <button>Save session</button>
            </form>
            """
    }

    /// The check-in form, empty, or with what was chosen when `kept` is the refused form; with the
    /// next-day question when a session waits for its answer.
    static func checkIn(awaiting waiting: StoredWorkout?, csrf: String?, error: String?, kept: Form?) -> HTML {
        let answer = kept?["nextDay"]
        func choice(_ value: NextDayResponse, _ text: String, required: Bool = false) -> HTML {
            """
            <label class="check"><input type="radio" name="nextDay" value="\(value.rawValue)"\(required ? " required" : "")\(Layout.checked(answer == value.rawValue))> \(text)</label>
            """
        }
        let question: HTML =
            waiting.map { stored in
                """
                <fieldset><legend>After your session on \(stored.workout.date), is your back back to usual?</legend>
                \(choice(.settled, "Yes, back to my usual", required: true))
                \(choice(.same, "About the same as before the session"))
                \(choice(.worse, "Worse than before the session"))
                </fieldset>
                <label class="check"><input type="checkbox" name="lockedUp" value="1"\(Layout.checked(kept?["lockedUp"] != nil))> My back felt locked up for hours afterwards</label>
                <input type="hidden" name="workout" value="\(stored.id)">
                """
            } ?? ""
        let symptoms = Layout.flagChoices(RedFlag.reportableLater, ticked: Set(kept?.all("flag") ?? []))
        return
            """
            <h1>How is your back today?</h1>
            \(error.map { HTML("<p class=\"error\" role=\"alert\">\($0) Nothing was saved yet; please check and save again.</p>") })
            <form method="post" action="/check-in">
            \(Layout.csrfField(csrf))\(submission(kept))
            \(question)
            \(Layout.painScale("Your pain today", name: "pain", selected: kept?.int("pain")))
            \(Layout.field("Morning stiffness, in minutes", name: "stiffness", type: "number", value: kept?["stiffness"] ?? "", extra: "inputmode=\"numeric\" min=\"0\" max=\"\(InputLimits.stiffnessMinutes.upperBound)\""))
            <fieldset><legend>Anything new? (tick only if it is new)</legend>\(symptoms)</fieldset>
            <button>Save</button>
            </form>
            """
    }
}
