extension Engine {
    /// Alerts for the person and the clinician, most serious first.
    func alertsFor(_ c: Case, triage: TriageResult, timeline: SymptomTimeline, history: History, phase: Phase) -> [Alert] {
        var alerts: [Alert] = []
        if triage.disposition.stopsLoading {
            alerts.append(
                Alert(
                    id: "red-flag",
                    message:
                        "\(triage.flags.filter { $0.level != .weak }.map(\.rawValue).joined(separator: ", ")): \(triage.disposition.guidance ?? "")"
                ))
        }
        let cycles = FlareCycles.detect(
            flareDays: timeline.flareDays, workoutDays: history.workoutDays, asOf: c.asOf, settings: settings)
        if cycles.count >= settings.flareCyclesToReport {
            let dates = cycles.map { "\($0.flare) to \($0.reflare)" }.joined(separator: "; ")
            alerts.append(
                Alert(
                    id: "flare-up-cycle",
                    message:
                        "A pattern of flare, rest and flare again has repeated \(cycles.count) times (\(dates)). Long rests lower what the back tolerates; steady, lighter training through the next flare builds capacity instead."
                ))
        }
        if let climb = timeline.events.last(where: { $0.kind == .climbing }),
            climb.date.days(until: c.asOf) < settings.holdDays || climb.date >= (history.workoutDays.last ?? climb.date)
        {
            alerts.append(
                Alert(
                    id: "climbing-symptoms",
                    message:
                        "Symptoms are climbing: \(climb.reason). Loads step back and hold for a week; that usually settles things."
                ))
        }
        if let stalled = stalledMessage(c, history: history, phase: phase) {
            alerts.append(Alert(id: "stalled", message: stalled))
        }
        return alerts
    }

    /// Stalled: in a training phase, no session for a fortnight, or three weeks of sessions without a step up.
    func stalledMessage(_ c: Case, history: History, phase: Phase) -> String? {
        guard phase >= .buildCapacity else { return nil }
        let lastWorkout = history.workoutDays.last
        let quietSince = lastWorkout ?? c.intake.date
        if quietSince.days(until: c.asOf) >= settings.stalledAfterDaysWithoutTraining {
            return lastWorkout == nil
                ? "No sessions logged since the intake on \(c.intake.date)."
                : "No sessions logged since \(quietSince). A short, easy session is a good way back in."
        }
        let windowStart = c.asOf.adding(days: -settings.stalledAfterDaysWithoutProgress)
        let recent = history.workoutDays.filter { $0 > windowStart }.count
        let steppedUp = history.lastStepUp.map { $0 > windowStart } ?? false
        if recent >= 3, !steppedUp, c.intake.date < windowStart {
            return
                "Nothing has stepped up in \(settings.stalledAfterDaysWithoutProgress) days across \(recent) sessions. Worth a look at the reasons on each exercise: missing next-day answers or repeated setbacks are the usual causes."
        }
        return nil
    }
}
