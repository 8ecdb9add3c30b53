import LiftbackCore
import Testing

@Suite("The phased plan (domain spec section 4)")
struct PlanTests {
    func phase(_ c: Case) -> Phase { Fixture.engine.nextPrescription(for: c).phase }

    @Test(
        "A muscular case moves settle -> restore -> build -> reintroduce at the expected pace when responses allow",
        arguments: [
            ("2026-01-05", Phase.settle), ("2026-01-06", .settle), ("2026-01-07", .restoreMovement),
            ("2026-01-11", .restoreMovement), ("2026-01-12", .buildCapacity), ("2026-01-25", .buildCapacity),
            ("2026-01-26", .reintroduceLifting),
        ])
    func muscularPace(asOf: String, expected: Phase) {
        #expect(phase(Fixture.liftingCase(asOf: asOf)) == expected)
    }

    @Test("Responses gate the phases, not only the calendar: high pain keeps the person settling")
    func painHoldsSettle() {
        let c = Fixture.liftingCase(
            asOf: "2026-01-09", checkIns: [CheckIn(date: Fixture.day("2026-01-06"), pain: 7)], prelude: false)
        #expect(phase(c) == .settle)
        let later = Fixture.liftingCase(
            asOf: "2026-01-10",
            checkIns: [CheckIn(date: Fixture.day("2026-01-06"), pain: 7), CheckIn(date: Fixture.day("2026-01-10"), pain: 4)],
            prelude: false)
        #expect(phase(later) == .restoreMovement)
    }

    @Test("A session that was too much delays the move to lifting by the quiet days it asks for")
    func setbackDelaysLifting() {
        let flare = Workout(
            date: Fixture.day("2026-01-24"),
            exercises: [LoggedExercise(exercise: "front-plank", sets: [LoggedSet(holdSeconds: 30)])],
            painDuring: 6, painAfter: 6, nextDay: .worse)
        #expect(phase(Fixture.liftingCase(asOf: "2026-01-26", workouts: [flare])) == .buildCapacity)
        #expect(
            phase(Fixture.liftingCase(asOf: "2026-01-30", workouts: [flare])) == .buildCapacity, "six quiet days are not seven")
        #expect(phase(Fixture.liftingCase(asOf: "2026-02-01", workouts: [flare])) == .reintroduceLifting)
    }

    @Test("A disc-related pattern is paced twice as slowly")
    func discRelatedPace() {
        #expect(phase(Fixture.liftingCase(asOf: "2026-01-26", pattern: .discRelated)) == .buildCapacity)
        #expect(phase(Fixture.liftingCase(asOf: "2026-02-16", pattern: .discRelated)) == .reintroduceLifting)
    }

    @Test("Return to performance needs a main lift back to 80 % of its previous working weight")
    func returnToPerformanceGate() {
        let light = [Fixture.session("2026-02-02", weight: 100)]
        #expect(phase(Fixture.liftingCase(asOf: "2026-02-20", workouts: light)) == .reintroduceLifting)
        let strong = ["2026-02-02", "2026-02-09", "2026-02-16"].map { Fixture.session($0, weight: 112) }
        #expect(phase(Fixture.liftingCase(asOf: "2026-02-20", workouts: strong)) == .returnToPerformance)
    }

    @Test(
        "A fixed place keeps its exercise and a ladder place its own rung: the dead bug beside the plank neither becomes a second plank nor pulls the plank back"
    )
    func fixedAndLadderPlaces() {
        func session(_ date: String) -> Workout {
            Workout(
                date: Fixture.day(date),
                exercises: [
                    LoggedExercise(
                        exercise: "front-plank", sets: Array(repeating: LoggedSet(holdSeconds: 40, pain: 1), count: 3)),
                    LoggedExercise(exercise: "dead-bug", sets: Array(repeating: LoggedSet(reps: 10, pain: 1), count: 3)),
                ], nextDay: .settled)
        }
        let c = Fixture.liftingCase(asOf: "2026-01-20", workouts: [session("2026-01-15"), session("2026-01-17")])
        let prescription = Fixture.engine.nextPrescription(for: c)
        #expect(prescription.phase == .buildCapacity)
        let ids = prescription.exercises.map(\.exercise)
        #expect(Set(ids).count == ids.count, "\(ids)")
        #expect(ids.contains("dead-bug"))
        #expect((prescription.exercises.first { $0.exercise == "front-plank" }?.holdSeconds ?? 0) >= 40)
    }

    @Test("A clinician's phase override is followed from its date and explained")
    func phaseOverride() {
        let override = Override(
            kind: .phase, date: Fixture.day("2026-01-20"), by: "Dr Ada", phase: .restoreMovement, note: "Give it another week.")
        let prescription = Fixture.engine.nextPrescription(for: Fixture.liftingCase(asOf: "2026-01-22", overrides: [override]))
        #expect(prescription.phase == .restoreMovement)
        #expect(prescription.phaseSince == Fixture.day("2026-01-20"))
        #expect(prescription.phaseReasons[0].contains("Dr Ada"))
    }

    @Test("Before lifting returns there is one daily session; afterwards the weekly structure of seed 003")
    func sessions() {
        #expect(Fixture.engine.nextPrescription(for: Fixture.liftingCase(asOf: "2026-01-14")).session == .daily)
        let weekKinds = (0..<7).map { offset in
            Fixture.engine.nextPrescription(
                for: Fixture.liftingCase(asOf: Fixture.day("2026-02-02").adding(days: offset).description)
            ).session
        }
        #expect(weekKinds == [.lowerBody, .mobilityCore, .upperBody, .activeRecovery, .fullBody, .activeRecovery, .rest])
    }

    @Test("Settling advice keeps people moving, points to a pharmacist for medicines and gives no doses")
    func settleAdvice() {
        let prescription = Fixture.engine.nextPrescription(for: Fixture.liftingCase(asOf: "2026-01-05"))
        #expect(prescription.exercises.map(\.exercise) == ["walk", "pelvic-tilt", "cat-cow"])
        #expect(prescription.advice.contains { $0.contains("pharmacist") })
        #expect(!prescription.advice.joined().contains("mg"))
    }

    @Test("The daily mobility routine is hip-flexor stretch, thoracic rolling and bridges")
    func dailyRoutine() {
        let routine = Fixture.engine.nextPrescription(for: Fixture.liftingCase(asOf: "2026-02-02")).dailyRoutine
        #expect(routine.map(\.exercise) == ["hip-flexor-stretch", "thoracic-foam-roll", "glute-bridge"])
        #expect(routine[0].holdSeconds == 30 && routine[0].perSide)
    }

    @Test("The likely pattern comes from intake answers and is never called a diagnosis")
    func patternAssessment() {
        #expect(PatternAssessment.assess([.legPain]).pattern == .discRelated)
        #expect(PatternAssessment.assess([.sharpShooting, .worseSittingCoughing]).pattern == .discRelated)
        #expect(PatternAssessment.assess([.localAche, .worseBendingTwisting]).pattern == .muscular)
        #expect(PatternAssessment.assess([.localAche]).pattern == .nonSpecific)
        #expect(PatternAssessment.assess([]).disclaimer.contains("not a diagnosis"))
        #expect(PatternAssessment.assess([.legPain]).expectedTimeline.contains("3-4 months"))
    }
}

@Suite("Logging a session as prescribed")
struct AsPrescribedTests {
    @Test("A set done as prescribed keeps reps and passes as reps, holds and minutes as seconds, with the prescribed load")
    func amountsLandWhereTheyAreRead() throws {
        // The daily routine has foam-roll passes and holds; the session has reps and a walk's minutes.
        let prescription = Fixture.engine.nextPrescription(for: Fixture.liftingCase(asOf: "2026-02-07"))
        let lines = prescription.exercises + prescription.dailyRoutine
        #expect(Set(lines.map(\.kind)) == [.reps, .hold, .minutes, .passes])
        for line in lines {
            let set = line.setAsPrescribed(pain: 2)
            switch line.kind {
            case .reps, .passes: #expect(set.reps == line.amount && set.holdSeconds == nil, "\(line.exercise)")
            case .hold, .minutes: #expect(set.holdSeconds == line.amount && set.reps == nil, "\(line.exercise)")
            }
            #expect(set.weight == line.weight && set.tempo == line.tempo && set.pain == 2)
        }
    }
}

@Suite("Alerts: flare-up cycles and stalls (seed 004)")
struct AlertTests {
    @Test("Repeated flare, rest and re-flare cycles are detected and reported")
    func flareCycles() {
        let workouts = [
            Fixture.session("2026-02-02", weight: 70), Fixture.session("2026-02-09", weight: 70),
            Fixture.session("2026-02-16", weight: 67.5),
        ]
        let checkIns = [
            CheckIn(date: Fixture.day("2026-01-27"), pain: 8), CheckIn(date: Fixture.day("2026-02-03"), pain: 8),
            CheckIn(date: Fixture.day("2026-02-10"), pain: 8),
        ]
        let c = Fixture.liftingCase(asOf: "2026-02-18", workouts: workouts, checkIns: checkIns, preludeThrough: "2026-01-26")
        let cycles = FlareCycles.detect(
            flareDays: checkIns.map(\.date), workoutDays: workouts.map(\.date), asOf: c.asOf, settings: .standard)
        #expect(cycles.count == 2)
        let prescription = Fixture.engine.nextPrescription(for: c)
        let alert = prescription.alerts.first { $0.id == .flareUpCycle }
        #expect(alert?.message.contains("smaller steps") == true)
        #expect(alert?.forClinician.contains("2026-01-27 to 2026-02-03") == true)
        // Severe pain twice within two weeks stepped the plan back from lifting: capacity work, not rest.
        #expect(prescription.phase < .reintroduceLifting && prescription.phase >= .restoreMovement)
    }

    @Test("One flare rested off without a re-flare is not a cycle")
    func singleFlare() {
        let cycles = FlareCycles.detect(
            flareDays: [Fixture.day("2026-01-27")], workoutDays: [Fixture.day("2026-02-05"), Fixture.day("2026-02-09")],
            asOf: Fixture.day("2026-02-18"), settings: .standard)
        #expect(cycles.isEmpty)
    }

    @Test("No sessions for two weeks in a training phase counts as stalled")
    func stalledWithoutSessions() {
        let c = Fixture.liftingCase(asOf: "2026-02-20", workouts: [Fixture.session("2026-02-02", weight: 70)])
        #expect(Fixture.engine.nextPrescription(for: c).alerts.contains { $0.id == .stalled })
        let active = Fixture.liftingCase(asOf: "2026-02-10", workouts: [Fixture.session("2026-02-02", weight: 70)])
        #expect(!Fixture.engine.nextPrescription(for: active).alerts.contains { $0.id == .stalled })
    }

    @Test("Three weeks of sessions without any step up counts as stalled")
    func stalledWithoutProgress() {
        let sessions = ["2026-02-02", "2026-02-06", "2026-02-09", "2026-02-13", "2026-02-16", "2026-02-20"].map {
            Fixture.session($0, weight: 70, nextDay: nil)
        }
        let c = Fixture.liftingCase(asOf: "2026-02-23", workouts: sessions)
        #expect(Fixture.engine.nextPrescription(for: c).alerts.contains { $0.id == .stalled })
    }
}

@Suite("Caseload status")
struct CaseStatusTests {
    @Test("A stop disposition is red-flag, climbing symptoms flaring, a fortnight without sessions stalled")
    func classify() {
        let redFlag = Fixture.engine.nextPrescription(for: Fixture.liftingCase(asOf: "2026-02-09", intakeFlags: [.fever]))
        #expect(CaseStatus(redFlag) == .redFlag)
        let stalled = Fixture.engine.nextPrescription(
            for: Fixture.liftingCase(asOf: "2026-02-20", workouts: [Fixture.session("2026-02-02", weight: 70)]))
        #expect(CaseStatus(stalled) == .stalled)
        let fine = Fixture.engine.nextPrescription(
            for: Fixture.liftingCase(asOf: "2026-02-09", workouts: [Fixture.session("2026-02-02", weight: 70)]))
        #expect(CaseStatus(fine) == .onTrack)
        #expect(
            CaseStatus.redFlag > CaseStatus.flaring && CaseStatus.flaring > CaseStatus.stalled
                && CaseStatus.stalled > CaseStatus.onTrack)
    }

    @Test(
        "A missed session is the latest training day since the last one logged (not a walk or a rest day), in a lifting phase only",
        arguments: [
            // (logged, today, missed): the week is lower body Monday, mobility and core Tuesday, upper
            // body Wednesday, a walk Thursday, full body Friday, a walk Saturday, rest Sunday.
            (["2026-11-30"], "2026-12-03", "2026-12-02"),  // Monday done, Wednesday missed: said on Thursday
            (["2026-11-30"], "2026-12-02", "2026-12-01"),  // Tuesday missed, said on Wednesday
            (["2026-11-30", "2026-12-02"], "2026-12-03", nil),  // nothing missed since Wednesday
            (["2026-11-30"], "2026-12-01", nil),  // the day after a session: nothing to miss yet
            (["2026-12-04"], "2026-12-07", nil),  // Friday done; Saturday is a walk, Sunday a rest
        ] as [([String], String, String?)])
    func missedSession(logged: [String], today: String, missed: String?) {
        let days = logged.map { Day(iso: $0)! }
        let found = SessionPlan.missed(
            phase: .reintroduceLifting, since: Day(iso: "2026-11-02")!, logged: days, asOf: Day(iso: today)!)
        #expect(found?.day.description == missed)
        #expect(
            SessionPlan.missed(phase: .restoreMovement, since: Day(iso: "2026-11-02")!, logged: days, asOf: Day(iso: today)!)
                == nil)
    }

    @Test("A missed session is never one from before the phase began")
    func missedOnlyInPhase() {
        let found = SessionPlan.missed(
            phase: .reintroduceLifting, since: Day(iso: "2026-12-03")!, logged: [], asOf: Day(iso: "2026-12-03")!)
        #expect(found == nil)
        #expect(Day(iso: "2026-12-01")!.weekdayName == "Tuesday")
    }

    @Test("The plan's exercises reach every session of the week, not only the next one, each once")
    func planExercisesAcrossTheWeek() {
        // 2026-02-02 is a Monday in reintroduce lifting: a lower-body day.
        let c = Fixture.liftingCase(asOf: "2026-02-02")
        let next = Fixture.engine.nextPrescription(for: c)
        let plan = Fixture.engine.planExercises(c)
        #expect(next.session == .lowerBody)
        #expect(Set(next.exercises.map(\.exercise)).isSubset(of: Set(plan)))
        #expect(plan.contains("dumbbell-bench-press") && !next.exercises.contains { $0.exercise == "dumbbell-bench-press" })
        #expect(Set(plan).count == plan.count)
    }
}
