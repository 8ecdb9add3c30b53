import LiftbackApp
import LiftbackCore

/// A refused field as a person reads it on a page. The core names fields by their path in the case
/// file (`exercises[0].sets[1].weight`), which suits the API and the command line; a page says
/// "Goblet squat, set 2 weight" instead.
enum FieldWords {
    /// Words for the last part of a path; anything else is spelled out from its name.
    static let names: [String: String] = [
        "weight": "weight", "reps": "reps", "holdSeconds": "time", "minutes": "minutes", "passes": "passes",
        "pain": "pain", "painDuring": "pain during the session", "painAfter": "pain after the session",
        "stiffnessMinutes": "morning stiffness", "flags": "symptoms", "date": "date", "note": "note",
        "exercise": "exercise", "replacement": "replacement exercise", "phase": "phase", "tempo": "tempo", "rpe": "effort",
        "unit": "units", "nextDay": "answer about the day after", "bar": "the barbell's weight",
        "trapBar": "the trap bar's weight", "plates": "plates", "kettlebells": "kettlebells", "dumbbells": "dumbbells",
    ]

    /// The field in words; `exercises` gives the names of a session's exercises, by index.
    static func describe(_ path: String, exercises: [String?] = []) -> String {
        var words: [String] = []
        var exercise: String?
        for part in path.split(separator: ".") {
            let key = part.prefix { $0 != "[" }
            let index = Int(part.drop { $0 != "[" }.dropFirst().prefix { $0 != "]" })
            switch (key, index) {
            case ("exercises", let index?):
                exercise =
                    exercises.indices.contains(index) ? exercises[index] ?? "Exercise \(index + 1)" : "Exercise \(index + 1)"
            case ("sets", let index?): words.append("set \(index + 1)")
            default: words.append(names[String(key)] ?? spelledOut(key))
            }
        }
        let rest = words.joined(separator: " ")
        guard let exercise else { return rest.prefix(1).uppercased() + rest.dropFirst() }
        return rest.isEmpty ? exercise : "\(exercise), \(rest)"
    }

    /// A refusal as one sentence for a page.
    static func sentence(_ error: CaseError, exercises: [String?] = []) -> String {
        error.field.isEmpty
            ? error.message.prefix(1).uppercased() + error.message.dropFirst() + "."
            : "\(describe(error.field, exercises: exercises)): \(error.message)."
    }

    /// `camelCase` as "camel case".
    private static func spelledOut(_ key: Substring) -> String {
        key.reduce(into: "") { text, character in
            text += character.isUppercase ? " " + character.lowercased() : String(character)
        }
    }
}
