import Foundation
import LiftbackCore
import Testing

@Suite("Case files: bad input is refused with the field named")
struct CaseDecodingTests {
    static let valid = """
        {"asOf": "2026-12-07", "intake": {"date": "2026-11-02", "pattern": "muscular",
          "previousWorkingWeights": [{"exercise": "conventional-deadlift", "weight": 140, "reps": 5}]},
         "workouts": [{"date": "2026-11-30", "painDuring": 3, "painAfter": 3, "nextDay": "settled",
           "exercises": [{"exercise": "trap-bar-deadlift", "sets": [{"weight": 70, "reps": 8}]}]}],
         "checkIns": [{"date": "2026-12-01", "pain": 2}]}
        """

    func decode(_ text: String) throws(CaseError) -> Case { try Case.decode(from: Data(text.utf8), catalog: .standard) }

    @Test("A number too small for a Double is refused, never read as 0; a written 0 is kept")
    func vanishingNumbers() throws {
        let tiny = Self.valid.replacingOccurrences(of: "\"weight\": 70", with: "\"weight\": 7e-400")
        #expect(tiny != Self.valid)
        #expect(throws: CaseError.self) { try decode(tiny) }
        #expect(JSONNumbers.vanishes("1e-400") && JSONNumbers.vanishes("-0.5E-999"))
        #expect(!JSONNumbers.vanishes("0e10") && !JSONNumbers.vanishes("0.000") && !JSONNumbers.vanishes("1e-300"))
        // Strings and names that look like numbers are not numbers.
        let quoted = Self.valid.replacingOccurrences(of: "\"checkIns\"", with: "\"notes1e-400\": \"1e-400\", \"checkIns\"")
        #expect(throws: CaseError.self) { try decode(quoted) }  // an unknown field, not a number
        #expect((try? JSONTape.read(Data(#"{"a": "1e-400"}"#.utf8))) != nil)
        // A fraction of hundreds of digits vanishes too (found in review: it was stored as 0).
        let long = Self.valid.replacingOccurrences(
            of: "\"weight\": 70", with: "\"weight\": 0.\(String(repeating: "0", count: 400))7")
        #expect(long != Self.valid)
        do {
            _ = try decode(long)
            Issue.record("a weight of 0.000...7 was read")
        } catch {
            #expect(error.message.contains("too small a number to keep"))
        }
    }

    @Test("A minimal case decodes with the defaults: pain monitoring, kg, 2.5 kg steps")
    func defaults() throws {
        let c = try decode(Self.valid)
        #expect(c.policy == .painMonitoring && c.unit == .kg && c.plateIncrement == 2.5)
        #expect(c.workouts[0].flags.isEmpty && c.screens.isEmpty)
    }

    @Test("A misspelt or unknown field is refused with its path, never dropped in silence")
    func unknownFields() throws {
        #expect(throws: CaseError.self) {
            try decode(Self.valid.replacingOccurrences(of: "\"painDuring\": 3", with: "\"pain_during\": 3"))
        }
        do {
            _ = try decode(Self.valid.replacingOccurrences(of: "\"weight\": 70", with: "\"wieght\": 70"))
            Issue.record("a misspelt weight was accepted")
        } catch {
            #expect(error.field == "workouts[0].exercises[0].sets[0].wieght")
        }
        // A key that is not text a person could type is still named, as it was written.
        do {
            _ = try decode(Self.valid.replacingOccurrences(of: "\"painDuring\": 3", with: #""\ud800x": 3"#))
            Issue.record("a key with half a surrogate pair was accepted")
        } catch {
            #expect(error.field == #"workouts[0].\ud800x"#)
        }
    }

    @Test("Every field Liftback writes into a case reads back: a full case passes the unknown-field check")
    func fullCaseRoundTrip() throws {
        var c = try decode(Self.valid)
        c.equipment = EquipmentAtHand(kettlebells: [8, 12], dumbbells: [5])
        c.questionnaires = [QuestionnaireAnswers(instrument: .tsk11, date: c.asOf, answers: Array(repeating: 2, count: 11))]
        c.intake.avoids = [.twisting]
        c.intake.pain = 3
        c.intake.trainingHistory = [c.workouts[0]]
        c.intake.previousWorkingWeights[0].unit = .kg
        c.workouts[0].stoppedEarly = false
        c.workouts[0].lockedUp = false
        c.workouts[0].exercises[0].painDuring = 2
        c.workouts[0].exercises[0].sets[0] = LoggedSet(
            weight: 70, reps: 8, holdSeconds: 1, rpe: 6, tempo: "3-1-2", pauseSeconds: 1, pain: 2)
        c.checkIns[0].stiffnessMinutes = 10
        c.screens = [MovementScreen(date: c.asOf, passed: true, toeTouch: true, squats: true, plank: true, walk: true)]
        c.clearances = [Clearance(flag: .fever, date: c.asOf, by: "Dr Ada")]
        c.overrides = [Override(kind: .note, date: c.asOf, by: "Dr Ada", note: "Well done")]
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(c)
        #expect(try Case.decode(from: data, catalog: .standard) == c)
    }

    @Test("A value outside a list names the choices")
    func allowedValues() {
        do {
            _ = try decode(Self.valid.replacingOccurrences(of: "\"muscular\"", with: "\"lumbar\""))
            Issue.record("an unknown pattern was accepted")
        } catch {
            #expect(error.field == "intake.pattern" && error.message.contains("disc-related"))
        }
    }

    @Test("Pounds default to 5 lb steps")
    func poundDefaults() throws {
        let c = try decode(Self.valid.replacingOccurrences(of: "\"asOf\"", with: "\"unit\": \"lb\", \"asOf\""))
        #expect(c.plateIncrement == 5)
    }

    @Test(
        "Each bad field is named",
        arguments: [
            ("\"painDuring\": 3,", "\"painDuring\": 11,", "workouts[0].painDuring"),
            ("\"trap-bar-deadlift\"", "\"sumo-spine-crusher\"", "workouts[0].exercises[0].exercise"),
            ("\"2026-11-30\"", "\"30/11/2026\"", "workouts[0].date"),
            ("\"2026-11-30\"", "\"2026-02-30\"", "workouts[0].date"),
            ("\"weight\": 70", "\"weight\": -5", "workouts[0].exercises[0].sets[0].weight"),
            ("\"settled\"", "\"better\"", "workouts[0].nextDay"),
            ("\"pain\": 2", "\"pain\": \"two\"", "checkIns[0].pain"),
            ("\"muscular\"", "\"broken\"", "intake.pattern"),
            ("\"asOf\": \"2026-12-07\"", "\"asOf\": \"2026-10-01\"", "asOf"),
            ("\"reps\": 5", "\"reps\": 0", "intake.previousWorkingWeights[0].reps"),
            ("\"asOf\": \"2026-12-07\",", "", "asOf"),
        ])
    func namedField(find: String, replace: String, field: String) {
        let text = Self.valid.replacingOccurrences(of: find, with: replace)
        #expect(text != Self.valid)
        do {
            _ = try decode(text)
            Issue.record("\(field) was accepted")
        } catch {
            #expect(error.field == field, "\(error)")
        }
    }

    @Test("Text that is not JSON is refused")
    func notJSON() {
        #expect(throws: CaseError.self) { try decode("{not json") }
    }

    @Test("The shipped examples decode and give a prescription")
    func examples() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../examples")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        #expect(files.count >= 3)
        for file in files {
            let c = try Case.decode(from: Data(contentsOf: folder.appendingPathComponent(file)), catalog: .standard)
            #expect(Fixture.engine.nextPrescription(for: c).asOf == c.asOf, "\(file)")
        }
    }
}
