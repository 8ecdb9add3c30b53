import LiftbackCore
import Testing

@Suite("Exercise catalogue as data")
struct CatalogTests {
    let catalog = Catalog.standard

    @Test("At least 40 exercises, every pattern covered")
    func coverage() {
        #expect(catalog.exercises.count >= 40)
        let patterns = Set(catalog.exercises.map(\.pattern))
        #expect(patterns == Set(MovementPattern.allCases))
    }

    @Test(
        "The contract's exercise identifiers all exist",
        arguments: [
            "dowel-hip-hinge", "kettlebell-deadlift", "trap-bar-deadlift", "conventional-deadlift", "romanian-deadlift",
            "box-squat", "goblet-squat", "back-squat", "split-squat", "glute-bridge", "hip-thrust", "front-plank",
            "side-plank", "bird-dog", "dead-bug", "pallof-press", "suitcase-carry", "walk",
        ] as [ExerciseID])
    func contractIDs(id: ExerciseID) {
        #expect(catalog.contains(id))
    }

    @Test("Identifiers are unique kebab-case; swaps and ladders name real exercises")
    func integrity() {
        let ids = catalog.exercises.map(\.id)
        #expect(Set(ids).count == ids.count)
        for exercise in catalog.exercises {
            #expect(exercise.id.rawValue.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(exercise.id)")
            #expect(exercise.swaps.allSatisfy(catalog.contains), "\(exercise.id) swaps")
            #expect(!exercise.swaps.contains(exercise.id))
            #expect(exercise.dose.amount <= exercise.dose.maxAmount)
            #expect(exercise.loaded == (exercise.loadFactor > 0), "\(exercise.id) load factor")
        }
        for ladder in catalog.ladders {
            #expect(ladder.rungs.allSatisfy(catalog.contains), "\(ladder.id)")
            #expect(ladder.rungs.contains(ladder.entry) && ladder.rungs.contains(ladder.reference))
        }
    }

    @Test("A logged hinge lift reads as its conventional-deadlift equivalent; lifts on other ladders do not")
    func referenceEquivalent() {
        let bell = LoggedExercise(
            exercise: "kettlebell-deadlift", sets: [LoggedSet(weight: 24, reps: 8), LoggedSet(weight: 28, reps: 6)])
        #expect(abs((catalog.referenceEquivalent(of: bell, on: .hinge) ?? 0) - 80) < 1e-9, "the heaviest set, 28 kg / 0.35")
        let squat = LoggedExercise(exercise: "goblet-squat", sets: [LoggedSet(weight: 20, reps: 8)])
        #expect(catalog.referenceEquivalent(of: squat, on: .hinge) == nil)
        #expect(catalog.referenceEquivalent(of: LoggedExercise(exercise: "walk", sets: []), on: .hinge) == nil)
    }

    @Test("A previous working weight's reps are 1-30, refused on the field that is wrong")
    func workingWeightLimits() {
        #expect(throws: CaseError.self) { try WorkingWeight(exercise: "back-squat", weight: 100, reps: 31).validate(unit: .kg) }
        do {
            try WorkingWeight(exercise: "back-squat", weight: 0.1, reps: 5).validate(field: "w", unit: .kg)
            Issue.record("0.1 kg accepted")
        } catch { #expect(error.field == "w.weight") }
        #expect((try? WorkingWeight(exercise: "back-squat", weight: 100, reps: 30).validate(unit: .kg)) != nil)
    }

    @Test("The hinge and squat ladders follow the spec's order")
    func specLadders() {
        #expect(
            catalog.ladder(id: "hinge")?.rungs == [
                "dowel-hip-hinge", "kettlebell-deadlift", "trap-bar-deadlift-high-handles", "trap-bar-deadlift", "block-pull",
                "conventional-deadlift",
            ])
        let squat = catalog.ladder(id: "squat")!.rungs
        #expect(squat.firstIndex(of: "box-squat")! < squat.firstIndex(of: "goblet-squat")!)
        #expect(squat.firstIndex(of: "goblet-squat")! < squat.firstIndex(of: "back-squat")!)
    }

    @Test("Back-friendly swaps: goblet for the barbell squat, trap bar for the conventional deadlift")
    func swaps() {
        #expect(catalog["back-squat"]?.swaps.contains("goblet-squat") == true)
        #expect(catalog["conventional-deadlift"]?.swaps.contains("trap-bar-deadlift") == true)
        #expect(catalog["back-squat"]?.swaps.contains("split-squat") == true)
    }

    @Test("Every slot of every phase and session names a catalogued exercise or ladder")
    func slotsResolve() {
        for phase in Phase.allCases {
            for session in SessionKind.allCases {
                for slot in SessionPlan.slots(for: phase, session: session) {
                    switch slot {
                    case let .fixed(id): #expect(catalog.contains(id), "\(id)")
                    case let .ladder(ladder, start):
                        #expect(catalog.ladder(id: ladder)?.rungs.contains(start) == true, "\(ladder)")
                    }
                }
            }
        }
    }
}

@Suite("Load steps on real plates")
struct LoadStepTests {
    @Test(
        "Steps up land inside 5-10 % on the available increments",
        arguments: [
            (70.0, 2.5, 75.0 as Double?), (100, 2.5, 107.5), (40, 2.5, 42.5), (20, 2.5, nil), (20, 1, 21), (155, 5, 165),
        ])
    func stepUp(weight: Double, increment: Double, expected: Double?) {
        #expect(LoadSteps(increment: increment, settings: .standard).stepUp(from: weight) == expected)
    }

    @Test("Steps down move at least one increment")
    func stepDown() {
        #expect(LoadSteps(increment: 2.5, settings: .standard).stepDown(from: 70) == 65)
        #expect(LoadSteps(increment: 2.5, settings: .standard).stepDown(from: 10) == 7.5)
        #expect(LoadSteps(increment: 2.5, settings: .standard).stepDown(from: 2.5) == 0)
    }

    @Test("Weights print without floating-point dust")
    func formatting() {
        #expect(formatWeight(75) == "75")
        #expect(formatWeight(72.5) == "72.5")
        #expect(formatWeight(71.25) == "71.25")
        #expect(formatWeight(0.1 + 0.2) == "0.3")
    }
}

@Suite("Baseline from history (estimated one-rep maximum)")
struct BaselineTests {
    @Test("Epley and Brzycki as published, with Epley equal to the weight for a single")
    func formulas() throws {
        let five = try #require(OneRepMax(weight: 100, reps: 5))
        #expect(five.epley == 116.7)
        #expect(five.brzycki == 112.5)
        #expect(OneRepMax(weight: 100, reps: 1)?.epley == 100)
        #expect(OneRepMax(weight: 100, reps: 1)?.brzycki == 100)
    }

    @Test("More than 10 reps is flagged unreliable")
    func unreliable() {
        #expect(OneRepMax(weight: 60, reps: 10)?.reliable == true)
        #expect(OneRepMax(weight: 60, reps: 12)?.reliable == false)
        #expect(OneRepMax(weight: 60, reps: 12)?.note != nil)
        #expect(OneRepMax(weight: 60, reps: 0) == nil)
    }

    @Test("Working weights come from logged history, and an entered weight wins")
    func fromHistory() {
        let history = [
            Workout(
                date: Fixture.day("2025-10-01"),
                exercises: [
                    LoggedExercise(
                        exercise: "back-squat",
                        sets: [LoggedSet(weight: 100, reps: 5), LoggedSet(weight: 120, reps: 1), LoggedSet(weight: 110, reps: 3)]),
                    LoggedExercise(exercise: "conventional-deadlift", sets: [LoggedSet(weight: 150, reps: 5)]),
                ])
        ]
        let intake = Intake(
            date: Fixture.intakeDay, pattern: .muscular,
            previousWorkingWeights: [WorkingWeight(exercise: "conventional-deadlift", weight: 140, reps: 5)],
            trainingHistory: history)
        let lifts = Baseline.lifts(for: intake, unit: .kg)
        let squat = lifts.first { $0.exercise == "back-squat" }
        #expect(squat?.weight == 110 && squat?.reps == 3 && squat?.source == .logged)
        #expect(squat?.estimatedMax?.epley == 121)
        let deadlift = lifts.first { $0.exercise == "conventional-deadlift" }
        #expect(deadlift?.weight == 140 && deadlift?.source == .entered)
    }

    @Test("A working weight carries across its ladder by load factors")
    func carried() {
        let lifts = [BaselineLift(exercise: "back-squat", weight: 100, reps: 5, unit: .kg, source: .entered)]
        #expect(Baseline.carried(to: "goblet-squat", from: lifts, catalog: .standard)?.weight == 30)
        #expect(Baseline.carried(to: "bench-press", from: lifts, catalog: .standard) == nil)
    }
}

@Test("Every exercise in the catalogue has a picture, drawn from its pose's numbers")
func everyExerciseHasAPicture() {
    let missing = Catalog.standard.exercises.map(\.id).filter { StandardFigures.figures[$0] == nil }
    #expect(missing.isEmpty, "\(missing)")
    let unknown = StandardFigures.figures.keys.filter { Catalog.standard[$0] == nil }
    #expect(unknown.isEmpty, "\(unknown)")
}
