/// The kind of session a day holds.
public enum SessionKind: String, Codable, Sendable, CaseIterable {
    /// The same short session every day, before lifting returns.
    case daily
    case lowerBody = "lower-body"
    case mobilityCore = "mobility-core-cardio"
    case upperBody = "upper-body"
    case activeRecovery = "active-recovery"
    case fullBody = "full-body-reduced"
    case rest

    public var title: String {
        switch self {
        case .daily: "Daily session"
        case .lowerBody: "Lower body"
        case .mobilityCore: "Mobility, core and light cardio"
        case .upperBody: "Upper body"
        case .activeRecovery: "Active recovery"
        case .fullBody: "Full body, reduced volume"
        case .rest: "Rest day"
        }
    }
}

/// A place in a session: a fixed exercise, or whatever rung of a ladder the person is on.
public enum Slot: Sendable, Equatable {
    case fixed(ExerciseID)
    /// A ladder id and the rung to begin on when nothing on it was done yet.
    case ladder(LadderID, start: ExerciseID)
}

/// Which slots each phase and session kind holds (clinical model, section 4; seeds 001, 003).
public enum SessionPlan {
    /// The weekly structure of the lifting phases (seed 003), Monday first.
    public static let week: [(SessionKind, String)] = [
        (.lowerBody, "Lower body: hinge, squat and single-leg work with glute and hamstring focus."),
        (.mobilityCore, "Mobility, core activation and light cardio."),
        (.upperBody, "Upper body: push, pull and a carry."),
        (.activeRecovery, "Active recovery: a walk and easy mobility."),
        (.fullBody, "Full body at reduced volume: one set fewer of the main lifts."),
        (.activeRecovery, "Active recovery: a longer walk."),
        (.rest, "Rest: move as you like, no training."),
    ]

    /// Whether a session of this kind is training the person would miss (not a walk or a rest).
    public static func isTraining(_ kind: SessionKind) -> Bool {
        [.lowerBody, .mobilityCore, .upperBody, .fullBody].contains(kind)
    }

    /// The latest training day of the last week that went by with nothing logged, in a lifting
    /// phase, since both the phase began and the last session logged: what "you missed Tuesday's
    /// session" speaks of. `nil` when nothing was missed, or before lifting (every day is the same
    /// short session then, and a missed one needs no word).
    public static func missed(phase: Phase, since: Day, logged: [Day], asOf: Day) -> (day: Day, kind: SessionKind)? {
        guard phase.loadsLifts else { return nil }
        let last = logged.filter { $0 < asOf }.max()
        for back in 1...6 {
            let day = asOf.adding(days: -back)
            if day < since || last.map({ day <= $0 }) == true { return nil }
            let kind = session(for: phase, on: day)
            if isTraining(kind) { return (day, kind) }
        }
        return nil
    }

    /// The session kind for a day in a phase.
    public static func session(for phase: Phase, on day: Day) -> SessionKind {
        phase.loadsLifts ? week[day.isoWeekday - 1].0 : .daily
    }

    /// Every exercise with a fixed place in some session of `phase`.
    static func fixedExercises(in phase: Phase) -> Set<ExerciseID> {
        Set(
            SessionKind.allCases.flatMap { slots(for: phase, session: $0) }.compactMap {
                if case let .fixed(id) = $0 { id } else { nil }
            })
    }

    public static func slots(for phase: Phase, session: SessionKind) -> [Slot] {
        switch (phase, session) {
        case (.settle, _):
            return [.fixed("walk"), .fixed("pelvic-tilt"), .fixed("cat-cow")]
        case (.restoreMovement, _):
            return [
                .fixed("walk"), .ladder(.bridge, start: "glute-bridge"), .fixed("prone-press-up"),
                .ladder(.antiExtension, start: "dead-bug"), .fixed("hamstring-stretch"), .fixed("childs-pose"),
                .fixed("cat-cow"),
            ]
        case (.buildCapacity, _):
            return [
                .fixed("dowel-hip-hinge"), .ladder(.bridge, start: "glute-bridge"),
                .ladder(.antiExtension, start: "front-plank"), .ladder(.antiLateralFlexion, start: "side-plank"),
                .ladder(.antiRotation, start: "bird-dog"), .fixed("dead-bug"), .fixed("back-extension"),
                .ladder(.squat, start: "box-squat"), .fixed("pallof-press"), .fixed("suitcase-carry"), .fixed("walk"),
            ]
        case (_, .lowerBody):
            return [
                .ladder(.hinge, start: "trap-bar-deadlift-high-handles"), .ladder(.squat, start: "goblet-squat"),
                .ladder(.singleLeg, start: "split-squat"), .ladder(.bridge, start: "hip-thrust"),
                .ladder(.antiExtension, start: "front-plank"), .ladder(.antiLateralFlexion, start: "side-plank"),
            ]
        case (_, .upperBody):
            return [
                .ladder(.push, start: "dumbbell-bench-press"), .ladder(.pull, start: "chest-supported-row"),
                .ladder(.carry, start: "suitcase-carry"), .ladder(.antiRotation, start: "pallof-press"),
                .fixed("bird-dog"),
            ]
        case (_, .fullBody):
            return [
                .ladder(.hinge, start: "trap-bar-deadlift-high-handles"), .ladder(.squat, start: "goblet-squat"),
                .ladder(.push, start: "dumbbell-bench-press"), .ladder(.pull, start: "chest-supported-row"),
                .ladder(.carry, start: "suitcase-carry"),
            ]
        case (_, .mobilityCore):
            return [
                .fixed("stationary-bike"), .fixed("dead-bug"), .fixed("bird-dog"),
                .ladder(.antiLateralFlexion, start: "side-plank"), .fixed("cat-cow"), .fixed("hip-flexor-stretch"),
            ]
        case (_, .activeRecovery):
            return [.fixed("walk"), .fixed("cat-cow"), .fixed("hip-flexor-stretch"), .fixed("thoracic-foam-roll")]
        case (_, .rest), (_, .daily):
            return [.fixed("walk")]
        }
    }

    /// The short daily mobility routine around sessions (seed 001).
    public static let dailyRoutine: [ExerciseID] = ["hip-flexor-stretch", "thoracic-foam-roll", "glute-bridge"]

    /// Gentle movement that stays open while a clinician reviews a flag.
    public static let gentleMovement: [ExerciseID] = ["walk", "pelvic-tilt", "cat-cow"]

    /// Capacity work kept in every training session while flare-ups repeat (seed 004).
    public static let capacityWork: [ExerciseID] = ["bird-dog", "dead-bug"]

    /// Advice on a day without training: a stop disposition, or a gentle day after severe pain.
    /// Nothing here speaks of training through discomfort.
    public static func restAdvice(_ disposition: Disposition?) -> [String] {
        var advice = [
            "Keep gently moving through the day: short, easy walks help more than rest in bed.",
            "Find a comfortable position to rest in, and change position often.",
        ]
        if disposition == nil {
            advice.append("A warm pack for 20-30 minutes can ease a sore back. Never sleep on a heating pad.")
        }
        advice.append("For pain relief medicines, ask a pharmacist or doctor what suits you.")
        return advice
    }

    /// Habits for the phase, in plain words (clinical model, section 4). No medication doses, ever.
    public static func advice(for phase: Phase, policy: ProgressionPolicy, settings: EngineSettings) -> [String] {
        var advice = [
            "Break up sitting: stand and move for a minute at least every 30 minutes.",
            "Sleep in any position that is comfortable; a pillow between or under the knees often helps.",
        ]
        switch phase {
        case .settle:
            advice.insert(
                "Keep moving rather than resting in bed: a 2-3 minute walk each waking hour is a good rhythm.",
                at: 0)
            advice.append(
                "In the first 48 hours a cold pack for 15-20 minutes can ease pain; after that, warmth for 20-30 minutes. Never sleep on a heating pad."
            )
            advice.append("For pain relief medicines, ask a pharmacist or doctor what suits you.")
        case .restoreMovement:
            advice.append("Leave out sit-ups and double-leg raises for now; everything in today's list is fine.")
        case .buildCapacity:
            advice.append(
                "Practise the hip hinge with a dowel each day, and brace as you lift: breathe in, brace, breathe out at the top.")
        case .reintroduceLifting, .returnToPerformance:
            advice.append(policy.duringRule(settings))
        }
        return advice
    }
}
