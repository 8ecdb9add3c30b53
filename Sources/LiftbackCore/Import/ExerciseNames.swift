extension TrainingImport {
    /// Exercise names as Strong, Hevy and FitNotes write them (their built-in names and a few common
    /// custom ones), by catalogue exercise. Matching ignores case, punctuation and extra spaces, so
    /// `Seated Wide-Grip Row (Cable)` and `seated wide grip row cable` are one name.
    ///
    /// Only true counterparts are listed: a Smith-machine, machine or dumbbell version of a barbell lift
    /// loads differently and stays unmatched, as do assisted pull-ups (their weight is the assistance),
    /// chin-ups, sumo deadlifts and forward lunges.
    public static let exerciseNames: [(exercise: ExerciseID, names: [String])] = [
        ("conventional-deadlift", ["Deadlift (Barbell)", "Deadlift", "Conventional Deadlift", "Barbell Deadlift"]),
        ("trap-bar-deadlift", ["Trap Bar Deadlift", "Trap Bar Deadlift (Trap Bar)", "Hex Bar Deadlift", "Deadlift (Trap Bar)"]),
        ("romanian-deadlift", ["Romanian Deadlift (Barbell)", "Romanian Deadlift", "Barbell Romanian Deadlift"]),
        ("hip-thrust", ["Hip Thrust (Barbell)", "Hip Thrust", "Barbell Hip Thrust"]),
        ("kettlebell-swing", ["Kettlebell Swing", "Kettlebell Swings"]),
        (
            "back-extension",
            [
                "Back Extension", "Back Extension (Hyperextension)", "Back Extension (Weighted Hyperextension)",
                "Hyperextension",
            ]
        ),
        ("cable-pull-through", ["Cable Pull Through", "Pull Through (Cable)"]),
        ("glute-bridge", ["Glute Bridge"]),
        ("single-leg-glute-bridge", ["Single Leg Glute Bridge"]),
        (
            "back-squat",
            [
                "Squat (Barbell)", "Barbell Squat", "Barbell Back Squat", "Back Squat", "Squat", "High Bar Squat",
                "Low Bar Squat",
            ]
        ),
        ("front-squat", ["Front Squat (Barbell)", "Front Squat", "Barbell Front Squat"]),
        (
            "goblet-squat",
            [
                "Goblet Squat (Kettlebell)", "Goblet Squat (Dumbbell)", "Goblet Squat", "Dumbbell Goblet Squat",
                "Kettlebell Goblet Squat",
            ]
        ),
        ("bodyweight-squat", ["Air Squat", "Bodyweight Squat", "Squat (Bodyweight)"]),
        ("leg-press", ["Leg Press", "Leg Press (Machine)"]),
        ("split-squat", ["Split Squat", "Split Squat (Dumbbell)", "Dumbbell Split Squat"]),
        (
            "bulgarian-split-squat",
            ["Bulgarian Split Squat", "Bulgarian Split Squat (Dumbbell)", "Dumbbell Bulgarian Split Squat"]
        ),
        ("reverse-lunge", ["Reverse Lunge", "Reverse Lunge (Dumbbell)", "Dumbbell Reverse Lunge"]),
        ("step-up", ["Step Up", "Step Up (Dumbbell)", "Dumbbell Step Up"]),
        (
            "bench-press",
            [
                "Bench Press (Barbell)", "Bench Press", "Flat Barbell Bench Press", "Barbell Bench Press",
                "Bench Press (Touch and Go)",
            ]
        ),
        ("dumbbell-bench-press", ["Bench Press (Dumbbell)", "Dumbbell Bench Press", "Flat Dumbbell Bench Press"]),
        (
            "overhead-press",
            [
                "Overhead Press (Barbell)", "Overhead Press", "Barbell Overhead Press", "Standing Barbell Shoulder Press",
                "Standing Barbell Shoulder Press (OHP)",
            ]
        ),
        ("landmine-press", ["Landmine Press", "Half Kneeling Landmine Press"]),
        ("push-up", ["Push Up", "Push Ups", "Pushups"]),
        (
            "seated-cable-row",
            [
                "Seated Row (Cable)", "Seated Cable Row", "Cable Row", "Seated Cable Row - V Grip (Cable)",
                "Seated Cable Row - Bar Grip", "Seated Cable Row - Bar Wide Grip", "Seated Wide-Grip Row (Cable)",
            ]
        ),
        (
            "one-arm-dumbbell-row",
            ["Bent Over One Arm Row (Dumbbell)", "One Arm Dumbbell Row", "Dumbbell Row", "Single Arm Dumbbell Row"]
        ),
        ("chest-supported-row", ["Chest Supported Incline Row (Dumbbell)", "Chest Supported Row (Dumbbell)"]),
        (
            "lat-pulldown",
            [
                "Lat Pulldown (Cable)", "Lat Pulldown", "Cable Lat Pulldown", "Lat Pulldown - Wide Grip (Cable)",
                "Lat Pulldown - Close Grip (Cable)", "Wide Grip Lat Pulldown", "Close Grip Lat Pulldown", "Close Lat Pulldown",
            ]
        ),
        (
            "pull-up",
            [
                "Pull Up", "Pull Ups", "Pullup", "Pullups", "Pull Up (Weighted)", "Weighted Pull Up", "Wide Grip Pull Up",
                "Wide Grip Pullups", "Narrow Pullup",
            ]
        ),
        ("farmer-carry", ["Farmer's Walk", "Farmer Carry", "Farmers Carry"]),
        ("suitcase-carry", ["Suitcase Carry"]),
        ("front-plank", ["Plank", "Front Plank", "Forearm Plank", "Low Plank"]),
        ("side-plank", ["Side Plank"]),
        ("dead-bug", ["Dead Bug"]),
        ("bird-dog", ["Bird Dog"]),
        ("pallof-press", ["Pallof Press"]),
        ("ab-wheel-rollout", ["Ab Wheel", "Ab Wheel Rollout"]),
    ]

    /// The catalogue exercise for a name as an app writes it; `nil` when the table has no counterpart.
    public static func exercise(named name: String) -> ExerciseID? { exerciseByKey[nameKey(name)] }

    /// A name reduced for matching: lowercase letters and digits, words separated by one space, apostrophes
    /// dropped (`Farmer's Walk` is `farmers walk`, `Lat Pulldown - Wide Grip (Cable)` is
    /// `lat pulldown wide grip cable`).
    public static func nameKey(_ name: String) -> String {
        var words: [String] = []
        var word = ""
        for character in name.lowercased() {
            if character == "'" || character == "\u{2019}" { continue }
            if character.isLetter || character.isNumber {
                word.append(character)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words.joined(separator: " ")
    }

    static let exerciseByKey: [String: ExerciseID] = {
        var byKey: [String: ExerciseID] = [:]
        for entry in TrainingImport.exerciseNames {
            for name in entry.names { byKey[TrainingImport.nameKey(name)] = entry.exercise }
        }
        return byKey
    }()
}
