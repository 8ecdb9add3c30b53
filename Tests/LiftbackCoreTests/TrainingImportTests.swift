import Foundation
import LiftbackCore
import Testing

/// The real Strong, Hevy and FitNotes exports beside the repository (`../shared/data/import-samples`).
/// A fresh clone does not have them, so the suite that reads them is built only with
/// `LIFTBACK_PROBES=1` (Package.swift); the small exports made for the purpose in
/// `Tests/Fixtures/imports` cover every dialect and always run.
enum TrainingImportSamples {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // LiftbackCoreTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // the repository
        .appendingPathComponent("../shared/data/import-samples")
        .standardizedFileURL

    static var available: Bool { FileManager.default.fileExists(atPath: folder.path) }

    static func text(_ file: String) throws -> String {
        try String(decoding: Data(contentsOf: folder.appendingPathComponent(file)), as: UTF8.self)
    }
}

/// What one sample file gives, counted from the file with awk and a CSV reader outside Swift.
struct TrainingImportExpectation: Sendable, CustomTestStringConvertible {
    var file: String
    var format: String
    var sourceUnit: WeightUnit
    /// Lines after the header.
    var rows: Int
    /// Distinct dates with at least one set of a matched exercise.
    var workouts: Int
    var sets: Int
    /// Warm-ups, rest timers, and rows with neither weight nor reps.
    var skipped: Int

    var testDescription: String { file }
}

/// The sets of one exercise on one day, or none.
func importedSets(_ history: ImportedHistory, on day: String, _ exercise: ExerciseID) -> [LoggedSet] {
    guard let date = Day(iso: day), let workout = history.workouts.first(where: { $0.date == date }) else { return [] }
    return workout.exercises.first(where: { $0.exercise == exercise })?.sets ?? []
}

/// Weights equal to within a thousandth (the importer rounds to hundredths), `nil` matching only `nil`.
func sameWeights(_ actual: [Double?], _ expected: [Double?]) -> Bool {
    guard actual.count == expected.count else { return false }
    return zip(actual, expected).allSatisfy { pair in
        switch pair {
        case (nil, nil): true
        case let (a?, b?): abs(a - b) < 0.001
        default: false
        }
    }
}

/// The error an import throws, or `nil` when it succeeds.
func importError(_ text: String, unit: WeightUnit = .kg, defaultSourceUnit: WeightUnit? = nil) -> ImportError? {
    do {
        _ = try TrainingImport.parse(text, unit: unit, catalog: .standard, defaultSourceUnit: defaultSourceUnit)
        return nil
    } catch {
        return error
    }
}

/// Checks an import against what was counted from its file outside Swift: every row imported,
/// skipped or reported, and every imported set sound.
func checkWhole(_ history: ImportedHistory, _ expected: TrainingImportExpectation) throws {
    #expect(history.format == expected.format)
    #expect(history.sourceUnit == expected.sourceUnit)
    #expect(history.unit == .kg)
    #expect(history.workouts.count == expected.workouts)
    let sets = history.workouts.flatMap(\.exercises).flatMap(\.sets)
    #expect(sets.count == expected.sets)
    #expect(history.skippedRows == expected.skipped)
    let unmatchedSets = history.unmatched.reduce(0) { $0 + $1.sets }
    #expect(sets.count + history.skippedRows + unmatchedSets == expected.rows)

    // One workout per date, oldest first; every exercise from the catalogue; every set has something.
    let ascending = zip(history.workouts, history.workouts.dropFirst()).allSatisfy { $0.date < $1.date }
    #expect(ascending)
    for workout in history.workouts {
        #expect(!workout.exercises.isEmpty)
        #expect(Set(workout.exercises.map(\.exercise)).count == workout.exercises.count)
        for logged in workout.exercises {
            #expect(Catalog.standard.contains(logged.exercise))
            #expect(!logged.sets.isEmpty)
        }
    }
    for loggedSet in sets {
        #expect(loggedSet.weight != nil || loggedSet.reps != nil)
        if let weight = loggedSet.weight {
            #expect(weight > 0 && abs(weight * 100 - (weight * 100).rounded()) < 1e-6, "\(weight)")
        }
    }
    for name in history.unmatched.map(\.name) {
        #expect(TrainingImport.exercise(named: name) == nil)
    }

    // The history passes the same checks as one typed in at intake.
    let intake = Intake(date: Day(ordinal: 20_500), pattern: .nonSpecific, trainingHistory: history.workouts)
    try EntryValidation.intake(intake, unit: .kg, catalog: .standard)
}

#if LIFTBACK_PROBES
    @Suite("Training import: the real sample exports")
    struct TrainingImportSampleTests {
        static let expectations: [TrainingImportExpectation] = [
            .init(
                file: "fitnotes_weight_kgs_col_2014.csv", format: "fitnotes", sourceUnit: .kg, rows: 297, workouts: 78,
                sets: 173, skipped: 0),
            .init(
                file: "fitnotes_weight_lbs_col_2017.csv", format: "fitnotes", sourceUnit: .lb, rows: 281, workouts: 9,
                sets: 45, skipped: 25),
            .init(
                file: "fitnotes_weight_unit_2023.csv", format: "fitnotes", sourceUnit: .kg, rows: 292, workouts: 13,
                sets: 79, skipped: 0),
            .init(
                file: "fitnotes_weight_unit_comment_2024.csv", format: "fitnotes", sourceUnit: .kg, rows: 299,
                workouts: 18, sets: 85, skipped: 0),
            .init(
                file: "hevy_kg_cardio_dropset.csv", format: "hevy", sourceUnit: .kg, rows: 296, workouts: 13, sets: 55,
                skipped: 31),
            .init(
                file: "hevy_kg_rpe_supersets_settypes.csv", format: "hevy", sourceUnit: .kg, rows: 292, workouts: 11,
                sets: 69, skipped: 18),
            .init(
                file: "hevy_kg_with_distance_miles.csv", format: "hevy", sourceUnit: .kg, rows: 296, workouts: 18,
                sets: 54, skipped: 4),
            .init(
                file: "hevy_lbs_miles.csv", format: "hevy", sourceUnit: .lb, rows: 299, workouts: 31, sets: 96,
                skipped: 0),
            .init(
                file: "strong_v1_semicolon_kg_2019.csv", format: "strong", sourceUnit: .kg, rows: 294, workouts: 15,
                sets: 104, skipped: 9),
            .init(
                file: "strong_v2_comma_lbs_rpe_2020.csv", format: "strong", sourceUnit: .lb, rows: 282, workouts: 9,
                sets: 59, skipped: 0),
            .init(
                file: "strong_v2_comma_resttimer_2025.csv", format: "strong", sourceUnit: .lb, rows: 218, workouts: 2,
                sets: 6, skipped: 109),
            .init(
                file: "strong_v3_workoutnum_semicolon_quoted_kg_2023.csv", format: "strong", sourceUnit: .kg, rows: 293,
                workouts: 17, sets: 42, skipped: 26),
        ]

        /// Reads a sample in kg; `.lb` is the unit for the two Strong files that do not say theirs (and is
        /// ignored by every file that does).
        func load(_ file: String, unit: WeightUnit = .kg) throws -> ImportedHistory {
            try TrainingImport.parse(TrainingImportSamples.text(file), unit: unit, catalog: .standard, defaultSourceUnit: .lb)
        }

        @Test(
            "Each sample is read whole: its rows are imported, skipped or reported",
            arguments: TrainingImportSampleTests.expectations)
        func sample(_ expected: TrainingImportExpectation) throws {
            try checkWhole(try load(expected.file), expected)
        }

        /// A file read whole: every row imported, skipped or reported, one workout per date, oldest
        /// first, only catalogue exercises, and a history that passes the intake's own checks.

        @Test("Strong's old ';' export: a unit on each row, plank rows without weight or reps left out")
        func strongSemicolon() throws {
            let history = try load("strong_v1_semicolon_kg_2019.csv")
            let first = try #require(history.workouts.first)
            #expect(first.date.description == "2019-01-11")
            #expect(first.exercises.map(\.exercise) == ["conventional-deadlift", "leg-press"])
            let deadlift = importedSets(history, on: "2019-01-11", "conventional-deadlift")
            #expect(sameWeights(deadlift.map(\.weight), [20, 20, 20]))
            #expect(deadlift.map(\.reps) == [5, 4, 6])
            let legPress = importedSets(history, on: "2019-01-11", "leg-press")
            #expect(sameWeights(legPress.map(\.weight), [18.14, 18.14, 18.14]))
            // The nine "Plank" rows hold only seconds.
            #expect(history.skippedRows == 9)

            let intake = Intake(date: Day(ordinal: 20_500), pattern: .muscular, trainingHistory: history.workouts)
            let lifts = Baseline.lifts(for: intake, unit: .kg)
            let baseline = try #require(lifts.first(where: { $0.exercise == "conventional-deadlift" }))
            #expect(baseline.weight == 62.5 && baseline.reps == 4 && baseline.date?.description == "2019-02-12")
            #expect(baseline.source == .logged)
        }

        @Test("Strong's common export does not say its unit: refused without one, read with lb")
        func strongWithoutUnit() throws {
            let text = try TrainingImportSamples.text("strong_v2_comma_lbs_rpe_2020.csv")
            let error = try #require(importError(text))
            #expect(error.kind == .unitMissing)
            #expect(error.line == 1 && error.column == "Weight")
            #expect(error.description.contains("kg or lb"))

            let inKilograms = try TrainingImport.parse(text, unit: .kg, catalog: .standard, defaultSourceUnit: .lb)
            #expect(inKilograms.sourceUnit == .lb)
            // Line 6: "Lat Pulldown - Wide Grip (Cable)",1,130.0,6 -> 130 lb is 58.97 kg.
            let pulldown = importedSets(inKilograms, on: "2020-07-27", "lat-pulldown")
            #expect(sameWeights(pulldown.map(\.weight), [58.97, 58.97, 58.97]))
            #expect(pulldown.map(\.reps) == [6, 6, 6])
            // Line 12: "Seated Wide-Grip Row (Cable)",1,115.0,12 -> 52.16 kg.
            let row = importedSets(inKilograms, on: "2020-07-27", "seated-cable-row")
            #expect(sameWeights(row.prefix(1).map(\.weight), [52.16]) && row.first?.reps == 12)

            let inPounds = try TrainingImport.parse(text, unit: .lb, catalog: .standard, defaultSourceUnit: .lb)
            #expect(importedSets(inPounds, on: "2020-07-27", "lat-pulldown").first?.weight == 130)
        }

        @Test("Strong's rest timer rows are left out and float reps read as whole reps")
        func strongRestTimers() throws {
            let history = try load("strong_v2_comma_resttimer_2025.csv")
            #expect(history.skippedRows == 109)  // grep -c ',Rest Timer,'
            #expect(history.workouts.map(\.date.description) == ["2025-06-03", "2025-06-12"])
            // Lines 30, 32, 34: "Lat Pulldown (Cable)",n,70.0,9.0 -> 70 lb is 31.75 kg.
            let pulldown = importedSets(history, on: "2025-06-03", "lat-pulldown")
            #expect(sameWeights(pulldown.map(\.weight), [31.75, 31.75, 31.75]))
            #expect(pulldown.map(\.reps) == [9, 9, 9])
            // Lines 140, 142, 144: 95.0 x 11.0, 95.0 x 10.0, 105.0 x 4.0 lb.
            let bench = importedSets(history, on: "2025-06-12", "bench-press")
            #expect(sameWeights(bench.map(\.weight), [43.09, 43.09, 47.63]))
            #expect(bench.map(\.reps) == [11, 10, 4])
        }

        @Test("Strong's quoted export: warm-ups left out, failure sets kept, long decimals rounded")
        func strongQuoted() throws {
            let history = try load("strong_v3_workoutnum_semicolon_quoted_kg_2023.csv")
            #expect(history.sourceUnit == .kg)
            // 24 WARM_UP rows and 2 "Ring Holds" rows holding only seconds.
            #expect(history.skippedRows == 26)
            // Lines 269-272: 1, WARM_UP, FAILURE, 3 at 163.2932532, 40.8233133, 163.2932532, 122.4699399 kg.
            let legPress = importedSets(history, on: "2024-02-12", "leg-press")
            #expect(sameWeights(legPress.map(\.weight), [163.29, 163.29, 122.47]))
            #expect(legPress.map(\.reps) == [8, 9, 13])
            let split = importedSets(history, on: "2024-02-02", "bulgarian-split-squat")
            #expect(sameWeights(split.map(\.weight), [36.29, 36.29, 36.29]))
            #expect(split.map(\.reps) == [9, 9, 8])
            // Push-ups logged with the bodyweight (73.391245466) keep their reps and lose the weight.
            let pushUps = importedSets(history, on: "2023-04-24", "push-up")
            #expect(pushUps.map(\.reps) == [7, 9] && pushUps.allSatisfy { $0.weight == nil })
        }

        @Test("Hevy lists the newest workout first; the history is oldest first, pounds converted")
        func hevyNewestFirst() throws {
            let history = try load("hevy_lbs_miles.csv")
            #expect(history.sourceUnit == .lb)
            #expect(history.workouts.first?.date.description == "2025-10-13")
            #expect(history.workouts.last?.date.description == "2025-11-15")  // the file's first row
            // Lines 279-281: 205 x 10, 225 x 6, 235 x 2 lb.
            let oldest = importedSets(history, on: "2025-10-13", "bench-press")
            #expect(sameWeights(oldest.map(\.weight), [92.99, 102.06, 106.59]))
            #expect(oldest.map(\.reps) == [10, 6, 2])
            // Line 2: 225 x 4 lb.
            let newest = importedSets(history, on: "2025-11-15", "bench-press")
            #expect(sameWeights(newest.prefix(1).map(\.weight), [102.06]) && newest.first?.reps == 4)

            let inPounds = try load("hevy_lbs_miles.csv", unit: .lb)
            #expect(importedSets(inPounds, on: "2025-11-15", "bench-press").map(\.weight) == [225, 235, 245])
        }

        @Test("Hevy warm-ups are left out; failure sets kept; cardio left out, not reported")
        func hevySetTypes() throws {
            let rpe = try load("hevy_kg_rpe_supersets_settypes.csv")
            #expect(rpe.skippedRows == 18)  // grep -c '"warmup"'
            #expect(rpe.workouts.last?.date.description == "2025-10-06")
            // Lines 2-5: warmup 55 x 8, then 75 x 4, 85 x 4, 87.5 x 7.
            let bench = importedSets(rpe, on: "2025-10-06", "bench-press")
            #expect(sameWeights(bench.map(\.weight), [75, 85, 87.5]))
            #expect(bench.map(\.reps) == [4, 4, 7])

            let cardio = try load("hevy_kg_cardio_dropset.csv")
            #expect(cardio.skippedRows == 31)  // 30 warm-ups and one Treadmill row
            // Lines 288-291: warmup 20.41 x 15, normal 29.48 x 15, normal 43.09 x 10, failure 52.16 x 10.
            let squat = importedSets(cardio, on: "2025-07-08", "back-squat")
            #expect(sameWeights(squat.map(\.weight), [29.48, 43.09, 52.16]))
            #expect(squat.map(\.reps) == [15, 10, 10])
            #expect(!cardio.unmatched.contains(where: { $0.name == "Treadmill" }))
            // Assisted chin-ups: the weight is the assistance, so they stay unmatched (3 sets, one without weight).
            #expect(cardio.unmatched.first(where: { $0.name == "Chin Up (Assisted)" })?.sets == 3)
            #expect(cardio.unmatched.first?.name == "Lateral Raise (Dumbbell)")
        }

        @Test("FitNotes: a unit in the header or on each row; one workout per date, exercises in first-seen order")
        func fitNotes() throws {
            let pounds = try load("fitnotes_weight_lbs_col_2017.csv")
            #expect(pounds.sourceUnit == .lb)
            let day = try #require(pounds.workouts.first(where: { $0.date.description == "2018-08-15" }))
            // Lines 192-205 alternate squat and deadlift rows: 105, 105, 95, 85 lb.
            #expect(day.exercises.map(\.exercise) == ["back-squat", "conventional-deadlift"])
            for logged in day.exercises {
                #expect(sameWeights(logged.sets.map(\.weight), [47.63, 47.63, 43.09, 38.56]))
                #expect(logged.sets.map(\.reps) == [15, 12, 10, 10])
            }

            let kilograms = try load("fitnotes_weight_kgs_col_2014.csv")
            let first = importedSets(kilograms, on: "2014-02-11", "bench-press")
            #expect(sameWeights(first.map(\.weight), [75]) && first.map(\.reps) == [5])
            // Line 71: "Pull Up,Back,88.0,4" is the bodyweight: the reps are kept, the weight is not.
            let pullUps = importedSets(kilograms, on: "2014-05-09", "pull-up")
            #expect(pullUps.count == 1 && pullUps.first?.weight == nil && pullUps.first?.reps == 4)

            let perRow = try load("fitnotes_weight_unit_2023.csv")
            #expect(perRow.sourceUnit == .kg)
            #expect(perRow.workouts.first?.exercises.map(\.exercise) == ["pull-up", "seated-cable-row"])
            #expect(sameWeights(importedSets(perRow, on: "2023-11-21", "seated-cable-row").map(\.weight), [52, 52, 52]))

            let comment = try load("fitnotes_weight_unit_comment_2024.csv")
            let bench = importedSets(comment, on: "2024-08-30", "bench-press")
            #expect(sameWeights(bench.map(\.weight), [50, 50, 50]) && bench.map(\.reps) == [6, 8, 6])
            #expect(importedSets(comment, on: "2024-08-30", "overhead-press").map(\.reps) == [8, 6])
        }

        @Test("A date that cannot be read is refused with its line and column")
        func unreadableDateInSample() throws {
            var lines = try TrainingImportSamples.text("strong_v1_semicolon_kg_2019.csv")
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(lines[3].hasPrefix("2019-01-11 12:31:54;"))
            lines[3] = lines[3].replacingOccurrences(of: "2019-01-11 12:31:54", with: "11/01/2019 12:31")
            let error = try #require(importError(lines.joined(separator: "\n")))
            #expect(error.kind == .unreadable)
            #expect(error.line == 4 && error.column == "Date")
            #expect(error.description.hasPrefix("line 4, column \"Date\""))
        }
    }
#endif

@Suite("Training import: formats, quoting and refusals")
struct TrainingImportTests {
    /// Hevy's header, with its line end.
    static let hevyHeader =
        #""title","start_time","end_time","description","exercise_title","superset_id","exercise_notes","#
        + #""set_index","set_type","weight_kg","reps","distance_km","duration_seconds","rpe""# + "\n"

    @Test("';' separators, quoted fields with the separator and doubled quotes, a unit on each row")
    func quotingAndSemicolons() throws {
        let header =
            "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;"
            + "Seconds;Notes;Workout Notes\n"
        let text =
            header + #"""
                2019-05-08 18:45:13;"Legs; heavy";"Squat (Barbell)";1;100;kg;5;;;;0;"felt ""easy""; fast";""
                2019-05-08 18:45:13;"Legs; heavy";"Deadlift (Barbell)";1;225;lbs;3;;;;0;;"a; b"
                2019-05-08 18:45:13;"Legs; heavy";"Bench ""Paused""; wide";1;60,5;kg;5;;;;0;;
                """#
        let history = try TrainingImport.parse(text, unit: .kg, catalog: .standard)
        #expect(history.format == "strong")
        #expect(history.workouts.count == 1)
        let workout = try #require(history.workouts.first)
        #expect(workout.date.description == "2019-05-08")
        #expect(workout.exercises.map(\.exercise) == ["back-squat", "conventional-deadlift"])
        #expect(workout.exercises.first?.sets == [LoggedSet(weight: 100, reps: 5)])
        #expect(sameWeights(workout.exercises.last?.sets.map(\.weight) ?? [], [102.06]))
        #expect(history.unmatched == [UnmatchedExercise(name: #"Bench "Paused"; wide"#, sets: 1)])
    }

    @Test("A byte-order mark, CRLF line ends, a trailing newline; a row with neither weight nor reps")
    func bomAndLineEnds() throws {
        let text =
            "\u{FEFF}Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time\r\n"
            + "2024-01-02,Deadlift,Back,140.0,5,,,\r\n"
            + "2024-01-02,Plank,Abs,,,,,0:01:00\r\n"
        let history = try TrainingImport.parse(text, unit: .kg, catalog: .standard)
        #expect(history.format == "fitnotes" && history.sourceUnit == .kg)
        #expect(history.workouts.map(\.date.description) == ["2024-01-02"])
        #expect(importedSets(history, on: "2024-01-02", "conventional-deadlift") == [LoggedSet(weight: 140, reps: 5)])
        #expect(history.skippedRows == 1 && history.unmatched.isEmpty)
    }

    @Test("Hevy: sessions on one date merge; warm-ups and cardio left out; bodyweight sets kept without weight")
    func hevyInline() throws {
        let text =
            Self.hevyHeader + #"""
                "Evening","2 Jan 2026, 18:00","2 Jan 2026, 19:00","","Push Up",,"",0,"normal",,12,,,
                "Evening","2 Jan 2026, 18:00","2 Jan 2026, 19:00","","Squat (Barbell)",,"",0,"normal",100,5,,,
                "Evening","2 Jan 2026, 18:00","2 Jan 2026, 19:00","","Lat Pulldown (Cable)",,"",0,"normal",,8,,,
                "Morning","2 Jan 2026, 07:00","2 Jan 2026, 08:00","","Squat (Barbell)",,"",0,"warmup",60,5,,,
                "Morning","2 Jan 2026, 07:00","2 Jan 2026, 08:00","","Squat (Barbell)",,"",1,"failure",105,3,,,
                "Morning","2 Jan 2026, 07:00","2 Jan 2026, 08:00","","Treadmill",,"",0,"normal",,,,1800,
                "Old","30 Dec 2025, 10:00","30 Dec 2025, 11:00","","Leg Press (Machine)",,"",0,"dropset",120.5,10.0,,,
                "Old","30 Dec 2025, 10:00","30 Dec 2025, 11:00","","Bicep Curl (Dumbbell)",,"",0,"normal",12,10,,,
                "Old","30 Dec 2025, 10:00","30 Dec 2025, 11:00","","Bicep Curl (Dumbbell)",,"",1,"normal",12,8,,,
                """#
        let history = try TrainingImport.parse(text, unit: .kg, catalog: .standard)
        #expect(history.format == "hevy" && history.sourceUnit == .kg)
        #expect(history.workouts.map(\.date.description) == ["2025-12-30", "2026-01-02"])
        let legPress = LoggedExercise(exercise: "leg-press", sets: [LoggedSet(weight: 120.5, reps: 10)])
        #expect(history.workouts.first?.exercises == [legPress])
        let day = try #require(history.workouts.last)
        #expect(day.exercises.map(\.exercise) == ["push-up", "back-squat", "lat-pulldown"])
        #expect(importedSets(history, on: "2026-01-02", "push-up") == [LoggedSet(reps: 12)])
        let squat = importedSets(history, on: "2026-01-02", "back-squat")
        #expect(squat == [LoggedSet(weight: 100, reps: 5), LoggedSet(weight: 105, reps: 3)])
        #expect(importedSets(history, on: "2026-01-02", "lat-pulldown") == [LoggedSet(reps: 8)])
        #expect(history.skippedRows == 2)
        #expect(history.unmatched == [UnmatchedExercise(name: "Bicep Curl (Dumbbell)", sets: 2)])
    }

    @Test("Strong's unitless export takes the caller's unit; float reps are rounded down")
    func strongDefaultUnit() throws {
        let text = """
            Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE
            2025-06-03 20:23:00,"W",1h,"Deadlift (Barbell)",1,140.0,5.0,0,0.0,,,
            2025-06-03 20:23:00,"W",1h,"Deadlift (Barbell)",Rest Timer,0,0.0,0,120.0,,,
            2025-06-03 20:23:00,"W",1h,"Squat (Barbell)",1,100,7.9,0,0.0,,,
            """
        let error = try #require(importError(text))
        #expect(error.kind == .unitMissing)
        let history = try TrainingImport.parse(text, unit: .kg, catalog: .standard, defaultSourceUnit: .kg)
        #expect(history.sourceUnit == .kg && history.skippedRows == 1)
        #expect(importedSets(history, on: "2025-06-03", "conventional-deadlift") == [LoggedSet(weight: 140, reps: 5)])
        #expect(importedSets(history, on: "2025-06-03", "back-squat") == [LoggedSet(weight: 100, reps: 7)])
    }

    @Test("A row with a weight and an empty unit needs the caller's unit")
    func emptyRowUnit() throws {
        let text = """
            Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time
            2023-11-21,Deadlift,Back,100.0,,5,,,
            """
        let error = try #require(importError(text))
        #expect(error.kind == .unitMissing && error.line == 2 && error.column == "Weight Unit")
        let history = try TrainingImport.parse(text, unit: .kg, catalog: .standard, defaultSourceUnit: .lb)
        #expect(sameWeights(importedSets(history, on: "2023-11-21", "conventional-deadlift").map(\.weight), [45.36]))
    }

    @Test("Unreadable input is refused with its line and column")
    func refusals() throws {
        let fitNotesHeader = "Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time\n"
        let row = "2024-01-02,Deadlift,Back,140.0,5,,,\n"

        let empty = try #require(importError(""))
        #expect(empty.kind == .unrecognised)
        let unknown = try #require(importError("name,age\nBob,3\n"))
        #expect(unknown.kind == .unrecognised && unknown.line == 1)

        let badDate = try #require(importError(fitNotesHeader + row + "2024-13-01,Deadlift,Back,140.0,5,,,\n"))
        #expect(badDate.kind == .unreadable && badDate.line == 3 && badDate.column == "Date")
        #expect(badDate.description.contains("2024-13-01"))

        let german = #""A","25 Juli 2026, 14:21","25 Juli 2026, 15:00","","Squat (Barbell)",,"",0,"normal",100,5,,,"#
        let month = try #require(importError(Self.hevyHeader + german))
        #expect(month.line == 2 && month.column == "start_time")

        let badReps = try #require(importError(fitNotesHeader + "2024-01-02,Deadlift,Back,140.0,five,,,\n"))
        #expect(badReps.kind == .unreadable && badReps.line == 2 && badReps.column == "Reps")

        let unclosed = try #require(importError(fitNotesHeader + row + "2024-01-03,\"Deadlift,Back,140.0,5,,,\n"))
        #expect(unclosed.kind == .unreadable && unclosed.line == 3)

        let short = try #require(importError(fitNotesHeader + row + row + "2024-01-02,Deadlift,Back\n"))
        #expect(short.kind == .unreadable && short.line == 4)

        let heavy = try #require(importError(fitNotesHeader + "2024-01-02,Deadlift,Back,2500,5,,,\n"))
        #expect(heavy.kind == .unreadable && heavy.line == 2 && heavy.column == "Weight (kgs)")
    }

    @Test("The name table names only catalogue exercises, and no name twice")
    func nameTable() {
        var owners: [String: ExerciseID] = [:]
        for entry in TrainingImport.exerciseNames {
            #expect(Catalog.standard.contains(entry.exercise), "\(entry.exercise)")
            for name in entry.names {
                let key = TrainingImport.nameKey(name)
                #expect(owners[key] == nil, "\(name) is listed twice")
                owners[key] = entry.exercise
                #expect(TrainingImport.exercise(named: name) == entry.exercise)
            }
        }
    }

    @Test("Names match without regard to case, punctuation or spaces; others are not guessed")
    func nameMatching() {
        #expect(TrainingImport.exercise(named: "  DEADLIFT  (barbell) ") == "conventional-deadlift")
        #expect(TrainingImport.exercise(named: "Farmer\u{2019}s walk") == "farmer-carry")
        #expect(TrainingImport.exercise(named: "Lat Pulldown \u{2013} Wide Grip [Cable]") == "lat-pulldown")
        #expect(TrainingImport.exercise(named: "seated-wide-grip-row-cable") == "seated-cable-row")
        #expect(TrainingImport.exercise(named: "Deadlift (Smith Machine)") == nil)
        #expect(TrainingImport.exercise(named: "Pull Up (Assisted)") == nil)
        #expect(TrainingImport.exercise(named: "Sumo Deadlift") == nil)
        #expect(TrainingImport.nameKey("Seated Wide-Grip Row (Cable)") == "seated wide grip row cable")
    }

    @Test("Hostile input is refused quickly: too many fields, and long runs of quotes read in one pass")
    func hostileInput() throws {
        let wide = String(repeating: "a,", count: 300) + "a\n"
        #expect(importError(wide)?.message.contains("more than 200 fields") == true)
        // Blanks then a run of quotes: a rescan per quote would take hours at this size; one pass is instant.
        let quotes = String(repeating: " ", count: 200_000) + "x" + String(repeating: "\"", count: 200_000) + "\n"
        #expect(importError(quotes)?.kind == .unrecognised)
    }
}

/// Small exports written for the tests, one per dialect, in the repository (`Tests/Fixtures/imports`).
@Suite("Training import: the repository's own exports, one per dialect")
struct TrainingImportFixtureTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/imports")

    static let expectations: [TrainingImportExpectation] = [
        .init(file: "strong-semicolon-kg.csv", format: "strong", sourceUnit: .kg, rows: 7, workouts: 2, sets: 5, skipped: 1),
        .init(file: "strong-comma-no-unit.csv", format: "strong", sourceUnit: .lb, rows: 4, workouts: 1, sets: 3, skipped: 1),
        .init(file: "hevy-kg.csv", format: "hevy", sourceUnit: .kg, rows: 7, workouts: 2, sets: 4, skipped: 2),
        .init(file: "hevy-lb.csv", format: "hevy", sourceUnit: .lb, rows: 2, workouts: 1, sets: 2, skipped: 0),
        .init(file: "fitnotes-unit-column.csv", format: "fitnotes", sourceUnit: .kg, rows: 4, workouts: 2, sets: 3, skipped: 1),
        .init(file: "fitnotes-lbs-column.csv", format: "fitnotes", sourceUnit: .lb, rows: 2, workouts: 1, sets: 2, skipped: 0),
    ]

    static func load(_ file: String) throws -> ImportedHistory {
        let text = String(decoding: try Data(contentsOf: folder.appendingPathComponent(file)), as: UTF8.self)
        return try TrainingImport.parse(text, unit: .kg, catalog: .standard, defaultSourceUnit: .lb)
    }

    @Test("Each export is read whole: its rows are imported, skipped or reported", arguments: expectations)
    func whole(_ expected: TrainingImportExpectation) throws {
        try checkWhole(try Self.load(expected.file), expected)
    }

    @Test("What each dialect holds lands where it should: units converted, warm-ups and rest timers out, unknown names reported")
    func contents() throws {
        let strong = try Self.load("strong-semicolon-kg.csv")
        #expect(importedSets(strong, on: "2024-03-04", "conventional-deadlift").map(\.weight) == [60, 80, 100])
        #expect(strong.unmatched.map(\.name) == ["Nordic Hamstring Curl"])
        let intake = Intake(date: Day(iso: "2024-04-01")!, pattern: .muscular, trainingHistory: strong.workouts)
        let squat = try #require(Baseline.lifts(for: intake, unit: .kg).first { $0.exercise == "back-squat" })
        #expect(squat.weight == 90 && squat.reps == 3)

        let pounds = try Self.load("hevy-lb.csv")
        #expect(sameWeights(importedSets(pounds, on: "2025-11-15", "conventional-deadlift").map(\.weight), [142.88, 151.95]))

        let hevy = try Self.load("hevy-kg.csv")
        #expect(hevy.workouts.map(\.date.description) == ["2025-01-06", "2025-01-09"], "oldest first")
        #expect(
            importedSets(hevy, on: "2025-01-09", "bench-press").map(\.reps) == [5, 4],
            "the warm-up left out, the failure set kept")
        #expect(hevy.unmatched.map(\.name) == ["Lateral Raise (Dumbbell)"])

        #expect(throws: (any Error).self) {
            try TrainingImport.parse(
                String(
                    decoding: try Data(contentsOf: Self.folder.appendingPathComponent("strong-comma-no-unit.csv")), as: UTF8.self),
                unit: .kg, catalog: .standard)
        }
    }
}
