import LiftbackCore

/// What the follow-along timer of `app.js` reads from an exercise's card: the hold in seconds,
/// the minutes of a walk or carry, the tempo to count out and the pause at the bottom, with the
/// sets and reps. Pages work without the script: these attributes then do nothing.
enum Timers {
    static func attributes(_ line: PrescribedExercise) -> HTML {
        var parts: [String] = ["data-sets=\"\(line.sets)\""]
        if let hold = line.holdSeconds {
            parts.append("data-hold=\"\(hold)\" data-hold-rest=\"\(Exercise.restBetweenHolds)\"")
            if line.perSide { parts.append("data-switch=\"\(Exercise.changeSides)\"") }
        }
        if let minutes = line.minutes { parts.append("data-minutes=\"\(minutes)\"") }
        if let reps = line.reps { parts.append("data-reps=\"\(reps)\"") }
        if let tempo = line.tempo, Tempo(tempo) != nil { parts.append("data-tempo=\"\(HTML.escape(tempo))\"") }
        if let pause = line.pauseSeconds { parts.append("data-pause=\"\(pause)\"") }
        if line.perSide { parts.append("data-per-side") }
        return HTML(raw: " " + parts.joined(separator: " "))
    }
}
