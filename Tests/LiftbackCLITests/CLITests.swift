import Foundation
import Testing

@testable import LiftbackCLI

/// The command line's public contract (the command line, README "The engine's commands"): JSON on success, a named item on failure.
@Suite("liftback command line")
struct CLITests {
    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("score prints instrument, score, category and subscales")
    func score() throws {
        let startBack = try json(ScoreCommand.output(instrument: .startback, answers: "1,1,1,1,1,1,1,1,3", baseline: nil))
        #expect(startBack["instrument"] as? String == "startback")
        #expect(startBack["score"] as? Double == 9)
        #expect(startBack["category"] as? String == "high")
        #expect(startBack["psychosocial"] as? Int == 5)

        let odi = try json(ScoreCommand.output(instrument: .odi, answers: "1,2,3,-,2,2,1,0,1,2", baseline: nil))
        #expect(odi["score"] as? Double == 31.1)
        #expect(odi["category"] as? String == "moderate")

        let fabq = try json(ScoreCommand.output(instrument: .fabq, answers: "0,6,6,6,6,5,5,0,5,5,5,5,0,0,5,0", baseline: nil))
        #expect(fabq["physicalActivity"] as? Int == 24)
        #expect(fabq["work"] as? Int == 35)
    }

    @Test("score with a baseline adds the change against the minimal important change")
    func scoreWithBaseline() throws {
        let output = try json(ScoreCommand.output(instrument: .odi, answers: "1,1,1,1,1,1,1,1,1,1", baseline: 40))
        let change = try #require(output["change"] as? [String: Any])
        #expect(change["important"] as? Bool == true)
        #expect(output["score"] as? Double == 20)
    }

    @Test(
        "Bad answers fail with the item named",
        arguments: [
            ("startback", "1,1,1,1,1,1,1,1,5", "item 9"),
            ("odi", "1,2,-,-,2,2,1,0,1,2", "not computable"),
            ("tsk11", "1,1,1", "expected 11 answers"),
            ("rmdq", "1,0,x", "item 3"),
            ("sf36", "1", "unknown instrument"),
        ])
    func badAnswers(instrument: String, answers: String, message: String) {
        #expect(
            performing: {
                try ScoreCommand.output(instrument: Arguments.instrument(instrument), answers: answers, baseline: nil)
            },
            throws: { ($0 as? CLIFailure)?.message.contains(message) == true })
    }

    @Test("triage prints the disposition and reasons; unknown flags are errors")
    func triage() throws {
        let emergency = try json(TriageCommand.output(flags: Arguments.flags("saddle-numbness,age-over-50")))
        #expect(emergency["disposition"] as? String == "emergency")
        #expect((emergency["reasons"] as? [String])?.isEmpty == false)
        #expect(try json(TriageCommand.output(flags: Arguments.flags("")))["disposition"] as? String == "proceed")
        #expect(
            performing: { try TriageCommand.output(flags: Arguments.flags("fever,sore-toe")) },
            throws: { ($0 as? CLIFailure)?.message.contains("sore-toe") == true })
        let listing = try #require(
            try JSONSerialization.jsonObject(with: Data(TriageCommand.listing().utf8)) as? [[String: String]])
        let names = Set(listing.compactMap { $0["flag"] })
        for required in [
            "bladder-bowel-dysfunction", "saddle-numbness", "bilateral-leg-symptoms", "progressive-leg-weakness", "fever",
            "cannot-stand-or-walk", "cancer-history", "unexplained-weight-loss", "significant-trauma",
            "osteoporosis-or-steroids", "iv-drug-use", "immunosuppression", "radiating-leg-pain", "numbness-tingling",
            "worse-with-light-activity", "no-improvement-2-weeks", "age-over-50",
        ] {
            #expect(names.contains(required), "\(required)")
        }
    }

    @Test("next reads a case from a file and from standard input, and names a bad field")
    func next() throws {
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../examples/contract-example.json")
        let prescription = try json(NextCommand.output(casePath: example.path))
        #expect(prescription["disposition"] as? String == "proceed")
        #expect(prescription["phase"] as? String == "reintroduce-lifting")
        let exercises = try #require(prescription["exercises"] as? [[String: Any]])
        #expect(exercises.first?["exercise"] as? String == "trap-bar-deadlift")
        #expect(exercises.first?["weight"] as? Double == 75)
        #expect(exercises.first?["decision"] as? String == "progress")

        let data = try Data(contentsOf: example)
        let fromStdin = try loadCase("-", readStandardInput: { data })
        #expect(fromStdin.asOf.description == "2026-12-07")

        let bad = Data(
            String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\"painAfter\": 3", with: "\"painAfter\": 11").utf8)
        #expect(
            performing: { try loadCase("-", readStandardInput: { bad }) },
            throws: { ($0 as? CLIFailure)?.message.contains("workouts[0].painAfter") == true })
        #expect(performing: { try loadCase("/no/such/case.json") }, throws: { $0 is CLIFailure })
    }

    @Test("catalog lists every exercise with pattern, dose, equipment and swaps")
    func catalog() throws {
        let listing = try json(CatalogCommand.output())
        let exercises = try #require(listing["exercises"] as? [[String: Any]])
        #expect(exercises.count >= 40)
        let trapBar = try #require(exercises.first { $0["id"] as? String == "trap-bar-deadlift" })
        #expect(trapBar["pattern"] as? String == "hinge")
        #expect(trapBar["dose"] is [String: Any] && trapBar["equipment"] is [Any] && trapBar["swaps"] is [Any])
        #expect((listing["ladders"] as? [Any])?.isEmpty == false)
    }

    @Test("pattern words the result as likely and refuses unknown answers")
    func pattern() throws {
        let result = try json(PatternCommand.output(answers: Arguments.patternAnswers("leg-pain,sharp-shooting")))
        #expect(result["pattern"] as? String == "disc-related")
        #expect(
            performing: { try PatternCommand.output(answers: Arguments.patternAnswers("hurts")) }, throws: { $0 is CLIFailure })
    }

    @Test("import reads an export into workouts and a baseline, in the unit asked for; a unitless file asks for its unit")
    func importExport() throws {
        let fitNotes = """
            Date,Exercise,Category,Weight (lbs),Reps,Distance,Distance Unit,Time
            2017-03-01,Deadlift,Back,225.0,5,,,
            2017-03-01,Deadlift,Back,245.0,3,,,
            2017-03-03,Barbell Squat,Legs,185.0,8,,,
            2017-03-03,Zottman Curl,Arms,25.0,10,,,

            """
        let output = try json(
            ImportCommand.output(file: "-", unit: .kg, sourceUnit: nil, readStandardInput: { Data(fitNotes.utf8) }))
        #expect(output["format"] as? String == "fitnotes")
        #expect(output["sourceUnit"] as? String == "lb" && output["unit"] as? String == "kg")
        let workouts = try #require(output["workouts"] as? [[String: Any]])
        #expect(workouts.map { $0["date"] as? String } == ["2017-03-01", "2017-03-03"])
        #expect((output["unmatched"] as? [[String: Any]])?.first?["name"] as? String == "Zottman Curl")
        let baseline = try #require(output["baseline"] as? [[String: Any]])
        let deadlift = try #require(baseline.first { $0["exercise"] as? String == "conventional-deadlift" })
        // 245 lb x 3 is the heaviest working set: 111.13 kg.
        #expect(deadlift["weight"] as? Double == 111.13 && deadlift["reps"] as? Int == 3)

        let strong =
            "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n"
            + "2020-01-06 18:00:00,Legs,45m,Squat (Barbell),1,135.0,5,0,0,,,\n"
        #expect(throws: CLIFailure.self) {
            try ImportCommand.output(file: "-", unit: .kg, sourceUnit: nil, readStandardInput: { Data(strong.utf8) })
        }
        let named = try json(
            ImportCommand.output(file: "-", unit: .lb, sourceUnit: .lb, readStandardInput: { Data(strong.utf8) }))
        #expect((named["workouts"] as? [[String: Any]])?.count == 1)
        #expect(throws: CLIFailure.self) { try Arguments.unit("--unit")("stone") }
        // The command line parses its options with the same functions: a bad value never reaches the command.
        #expect(throws: (any Error).self) { try ImportCommand.parse(["-", "--unit", "stone"]) }
        do {
            _ = try ImportCommand.parse(["-", "--unit", "stone"])
        } catch {
            #expect(ImportCommand.message(for: error).contains("--unit: \"stone\" is not kg or lb"))
        }
        #expect(try ImportCommand.parse(["-", "--unit", "LB", "--source-unit", "kg"]).unit == .lb)
    }
}
