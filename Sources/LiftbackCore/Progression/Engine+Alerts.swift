extension Engine {
    /// Alerts for the person and the clinician, most serious first. Each has the person's wording
    /// and the clinician's (dates and numbers, no "you").
    func alertsFor(_ c: Case, reading r: Reading, screenNeeded: Bool, gentleDay: Bool) -> [Alert] {
        var alerts: [Alert] = []
        let triage = r.triage
        if triage.disposition.stopsLoading {
            let serious = triage.flags.filter { $0.level != .weak }
            let listed = (serious.isEmpty ? triage.flags : serious)
            alerts.append(
                Alert(
                    id: .redFlag,
                    message: Self.whatWasReported(listed, derived: r.timeline.noImprovement != nil, settings: settings) + " "
                        + (triage.disposition.guidance ?? ""),
                    forClinician: "\(triage.disposition.title): "
                        + listed.map { flag in
                            let derived = flag == .noImprovement2Weeks && r.timeline.noImprovement != nil
                            return flagReportDay(c, flag, timeline: r.timeline).map {
                                "\(flag.plainName) (\(derived ? "from the pain reports" : "reported") \($0))"
                            } ?? flag.plainName
                        }.joined(separator: ", ") + ". Loading is paused until the flag is reviewed and cleared."))
        }
        if let severe = r.severe, gentleDay {
            alerts.append(
                Alert(
                    id: .severePain,
                    message:
                        "Pain of \(severe.pain)/10 on \(severe.day) is a lot. Today is a gentle day, with easy movement and no weights; the next loaded session starts a step lighter. If the pain stays this high, or anything new appears, please contact your physiotherapist or doctor.",
                    forClinician:
                        "Pain \(severe.pain)/10 on \(severe.day): no loaded work until \(severe.day.adding(days: settings.severePainWindowDays + 1)), then one step lighter."
                ))
        }
        if let stopped = c.workouts.last(where: { $0.date <= c.asOf }), stopped.stoppedEarly == true,
            stopped.date.days(until: c.asOf) < settings.holdDays
        {
            alerts.append(
                Alert(
                    id: .sessionStopped,
                    message:
                        "You stopped the session on \(stopped.date) early. That was the right call; the next session drops back a step. If the symptom that stopped you comes back, please check with your physiotherapist.",
                    forClinician:
                        "Session on \(stopped.date) stopped early for a stop signal (sharp pain, new tingling or numbness, or sudden weakness); the next session is a step lighter."
                ))
        }
        if r.flareMode {
            let dates = r.cycles.map { "\($0.flare) to \($0.reflare)" }.joined(separator: "; ")
            alerts.append(
                Alert(
                    id: .flareUpCycle,
                    message:
                        "Flare, rest and flare again has happened \(r.cycles.count) times lately. Long rests lower what the back tolerates, so the plan now keeps the trunk work in, takes smaller steps and waits \(Words.duration(days: settings.flareDaysBetweenSteps)) of good sessions before each one.",
                    forClinician:
                        "Flare-rest-flare cycle \(r.cycles.count) times (\(dates)). Plan adjusted: steps of at most \(EngineSettings.percent(settings.flareMaxIncrease)), \(Words.duration(days: settings.flareDaysBetweenSteps)) tolerated per step, capacity work kept in."
                ))
        }
        if let climb = r.timeline.events.last(where: { $0.kind == .climbing }),
            climb.date.days(until: c.asOf) < settings.holdDays || climb.date >= (r.history.workoutDays.last ?? climb.date)
        {
            alerts.append(
                Alert(
                    id: .climbingSymptoms,
                    message:
                        "Your day-to-day pain has been creeping up: \(climb.reason). Loads step back and hold for \(Words.duration(days: settings.holdDays)); that usually settles things.",
                    forClinician:
                        "Climbing symptoms: \(climb.clinicianReason). Loads stepped back and held for \(settings.holdDays) days.")
            )
        }
        if screenNeeded {
            let lapsed = r.screen.lapsed.map { " (\($0))" } ?? ""
            alerts.append(
                Alert(
                    id: .screenNeeded,
                    message:
                        "Before loads reach \(settings.screenPercent) of your previous working weight, do the movement screen\(lapsed): a pain-free toe touch in a hip hinge, 20 bodyweight squats without discomfort, a 60 s plank without back tension, and a 10 minute walk without more symptoms.",
                    forClinician:
                        "Movement screen due before loads reach \(settings.screenPercent) of the previous working weight\(lapsed)."
                ))
        }
        if let summary = r.fear.clinicianSummary {
            alerts.append(
                Alert(
                    id: .fearOfMovement,
                    message: r.fear.high
                        ? "Your answers show some worry about moving, which is very common with a sore back. The plan brings those movements back in small, planned steps, and your physiotherapist can help with the worry too."
                        : "The movements you said you avoid are in the plan, in small steps, so they can feel normal again.",
                    forClinician: summary))
        }
        if r.phase.waitingForReport, !triage.disposition.stopsLoading {
            let last = r.timeline.lastReport ?? c.intake.date
            alerts.append(
                Alert(
                    id: .checkInDue,
                    message:
                        "How is your back today? The last report was on \(last). A quick check-in lets the plan move on; until then it waits where it is.",
                    forClinician:
                        "No report since \(last) (\(Words.days(last.days(until: c.asOf)))); the plan waits for one."))
        }
        if let stalled = stalledMessage(c, history: r.history, phase: r.phase.phase) {
            alerts.append(Alert(id: .stalled, message: stalled.person, forClinician: stalled.clinician))
        }
        // The person hears back from the review, for a week, once nothing is open any more.
        if !triage.disposition.stopsLoading,
            // A review dated on a report a day ahead (`Case.flagHorizon`) counts as the flag did.
            let reviewed = c.clearances.filter({ $0.date <= c.flagHorizon }).max(by: { $0.date < $1.date }),
            reviewed.date.days(until: c.asOf) < settings.holdDays
        {
            let who = reviewed.by ?? "Your clinician"
            alerts.append(
                Alert(
                    id: .flagReviewed,
                    message: "\(who) reviewed what you reported (\(reviewed.flag.meaning.lowercasedFirst.dropPeriod)) on "
                        + "\(reviewed.date)" + (reviewed.note.map { ": \"\($0)\"" } ?? ".") + " Your plan carries on from here.",
                    forClinician:
                        "\(reviewed.flag.label) reviewed and cleared by \(reviewed.by ?? "a clinician") on \(reviewed.date)."))
        }
        return alerts
    }

    /// What the person told the app, in their words; a derived flag is what their reports show.
    static func whatWasReported(_ flags: [RedFlag], derived: Bool, settings: EngineSettings) -> String {
        let told = flags.filter { !(derived && $0 == .noImprovement2Weeks) }
        var parts: [String] = []
        if !told.isEmpty {
            parts.append("You reported " + told.map { $0.meaning.lowercasedFirst.dropPeriod }.joined(separator: "; ") + ".")
        }
        if derived && flags.contains(.noImprovement2Weeks) {
            parts.append(
                "Your pain reports have stayed high for \(Words.duration(days: settings.improvementDays)) without easing.")
        }
        return parts.joined(separator: " ")
    }

    /// The day a flag was last reported (the intake, a session or a check-in); `nil` for a derived flag.
    func flagReportDay(_ c: Case, _ flag: RedFlag, timeline: SymptomTimeline) -> Day? {
        if flag == .noImprovement2Weeks, let derived = timeline.noImprovement { return derived.day }
        return c.lastReport(of: flag)
    }

    /// Stalled: in a training phase, no session for a fortnight, or three weeks of sessions without a step up.
    func stalledMessage(_ c: Case, history: History, phase: Phase) -> (person: String, clinician: String)? {
        guard phase >= .buildCapacity else { return nil }
        let lastWorkout = history.workoutDays.last
        let quietSince = lastWorkout ?? c.intake.date
        if quietSince.days(until: c.asOf) >= settings.stalledAfterDaysWithoutTraining {
            return lastWorkout == nil
                ? (
                    "No sessions logged since your intake on \(c.intake.date). A short, easy session is a good way in.",
                    "No sessions logged since the intake on \(c.intake.date)."
                )
                : (
                    "No sessions logged since \(quietSince). A short, easy session is a good way back in.",
                    "No sessions logged since \(quietSince)."
                )
        }
        let windowStart = c.asOf.adding(days: -settings.stalledAfterDaysWithoutProgress)
        let recent = history.workoutDays.filter { $0 > windowStart }.count
        let steppedUp = history.lastStepUp.map { $0 > windowStart } ?? false
        if recent >= settings.stalledMinimumSessions, !steppedUp, c.intake.date < windowStart {
            return (
                "Nothing has stepped up for \(Words.duration(days: settings.stalledAfterDaysWithoutProgress)). That is fine for a while; the reasons on each exercise say what the next step waits for.",
                "No step up in \(settings.stalledAfterDaysWithoutProgress) days across \(recent) sessions. Check the reasons on each exercise: missing next-day answers or repeated setbacks are the usual causes."
            )
        }
        return nil
    }
}

extension RedFlag {
    /// The flag's name as a clinician writes it in notes ("saddle numbness").
    public var plainName: String {
        switch self {
        case .bladderBowelDysfunction: "bladder or bowel dysfunction"
        case .saddleNumbness: "saddle numbness"
        case .bilateralLegSymptoms: "symptoms in both legs"
        case .progressiveLegWeakness: "progressive leg weakness"
        case .suddenLegWeakness: "sudden leg weakness"
        case .fever: "fever"
        case .cannotStandOrWalk: "unable to stand or walk"
        case .cancerHistory: "history of cancer"
        case .unexplainedWeightLoss: "unexplained weight loss"
        case .significantTrauma: "significant trauma"
        case .osteoporosisOrSteroids: "osteoporosis or long-term steroids"
        case .ivDrugUse: "intravenous drug use"
        case .immunosuppression: "immunosuppression"
        case .radiatingLegPain: "radiating leg pain"
        case .numbnessTingling: "numbness or tingling"
        case .burningPain: "burning pain"
        case .worseWithLightActivity: "worse with light activity"
        case .noImprovement2Weeks: "no improvement in 2 weeks"
        case .dailyActivitiesImpossible: "daily activities impossible"
        case .ageOver50: "age over 50"
        case .constantNightPain: "constant night pain"
        }
    }

    /// `plainName` starting with a capital, for a list or a label.
    public var label: String { plainName.prefix(1).uppercased() + plainName.dropFirst() }
}

extension Disposition {
    public var title: String {
        switch self {
        case .emergency: "Emergency"
        case .urgent: "Urgent"
        case .clinician: "Needs review"
        case .proceed: "No stop"
        }
    }
}
