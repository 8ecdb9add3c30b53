import Foundation
import PropertyBased
import Testing

@testable import LiftbackCore

/// The fast reader (`JSONTape`, `TapeDecoder`) must read every case exactly as Foundation's
/// `JSONDecoder` does, or leave it to Foundation: a weight or a pain score read differently would
/// change a prescription without a word.
@Suite("Reading cases fast gives what Foundation gives")
struct FastReadingTests {
    /// The value the fast path reads, or `nil` when it leaves the text to Foundation.
    static func fast<T: Decodable>(_ type: T.Type, _ text: String) -> T? {
        guard let tape = try? JSONTape.read(Data(text.utf8)) else { return nil }
        return try? TapeDecoder(tape).decode(T.self, at: 0)
    }

    static func foundation<T: Decodable>(_ type: T.Type, _ text: String) -> T? {
        try? JSONDecoder().decode(T.self, from: Data(text.utf8))
    }

    /// A generated history's last case, as the safety properties build them.
    static func generatedCase(_ setup: SafetyPropertyTests.Setup) -> Case {
        var last: Case?
        SafetyPropertyTests.simulate(setup) { c, _ in last = c }
        return last!
    }

    @Test("Generated histories read back through the fast path, equal to Foundation's reading and to the original")
    func generatedHistories() async {
        await propertyCheck(count: 60, input: SafetyPropertyTests.setup) { setup in
            var c = Self.generatedCase(setup)
            c.equipment = EquipmentAtHand(kettlebells: [8, 12.5], dumbbells: [2.5], bar: 15, plates: [1.25, 20])
            c.overrides = [Override(kind: .note, date: c.asOf, by: "Dr Ada", note: "Well done \"today\"\n\u{e9}\u{1F3CB}")]
            for pretty in [false, true] {
                let text = LiftbackJSON.encode(c, pretty: pretty)
                let fast = Self.fast(Case.self, text)
                #expect(fast != nil, "the fast path declined a case Liftback wrote")
                #expect(Self.fast(Case.self, Self.full) != nil)
                #expect(fast == c && fast == Self.foundation(Case.self, text))
            }
        }
    }

    /// A case with every field, as the mutations' starting point.
    static let full = LiftbackJSON.encode(
        Case(
            asOf: Day(iso: "2026-12-07")!, unit: .kg, plateIncrement: 2.5,
            intake: Intake(
                date: Day(iso: "2026-11-02")!, pattern: .muscular,
                previousWorkingWeights: [WorkingWeight(exercise: "conventional-deadlift", weight: 140, reps: 5)], pain: 4),
            clearances: [Clearance(flag: .fever, date: Day(iso: "2026-12-01")!, by: "Dr Ada")],
            workouts: [
                Workout(
                    date: Day(iso: "2026-11-30")!,
                    exercises: [
                        LoggedExercise(
                            exercise: "trap-bar-deadlift", painDuring: 2,
                            sets: [
                                LoggedSet(weight: 72.5, reps: 8, rpe: 6.5, tempo: "3-1-2", pain: 2),
                                LoggedSet(weight: 0.25, holdSeconds: 30, pauseSeconds: 1),
                            ])
                    ],
                    painDuring: 3, painAfter: 3, nextDay: .settled, flags: [.fever], stoppedEarly: false,
                    lockedUp: true)
            ],
            checkIns: [CheckIn(date: Day(iso: "2026-12-01")!, pain: 2, stiffnessMinutes: 10, flags: [.saddleNumbness])]),
        pretty: false)

    static let alphabet = Array(#"0123456789.-eE+"{}[]:, \ntrufalsn\u"#)

    @Test("Any edit of a case's text: when the fast path reads it, Foundation reads the same value")
    func editedTexts() async {
        let bytes = Array(Self.full)
        let edit = zip(Gen.int(in: 0...(bytes.count - 1)), Gen.int(in: 0...2), Gen.int(in: 0...(Self.alphabet.count - 1)))
        await propertyCheck(count: 2_000, input: edit.array(of: 1...3)) { edits in
            var text = bytes
            for (position, kind, letter) in edits {
                let at = min(position, text.count - 1)
                switch kind {
                case 0: text[at] = Self.alphabet[letter]
                case 1: text.insert(Self.alphabet[letter], at: at)
                default: text.remove(at: at)
                }
            }
            let edited = String(text)
            if let fast = Self.fast(Case.self, edited) {
                #expect(fast == Self.foundation(Case.self, edited), "\(edited)")
            }
            // The tape reads the texts Foundation reads as JSON, so no check is ever skipped; only
            // a trailing comma, which Foundation lets by and RFC 8259 does not, is refused.
            let tape = try? JSONTape.read(Data(edited.utf8))
            let parsed = (try? JSONSerialization.jsonObject(with: Data(edited.utf8), options: .fragmentsAllowed)) != nil
            let trailingComma = edited.contains(/,\s*[}\]]/)
            if tape != nil || !trailingComma { #expect((tape != nil) == parsed, "\(edited)") }
        }
    }

    @Test(
        "What the fast path leaves to Foundation still reads as Foundation reads it",
        arguments: [
            #"{"weight": 70, "reps": 8, "pa\u0069n": 9}"#,  // an escaped key
            #"{"weight": 70, "pain": 1, "pain": 9}"#,  // a key written twice
            #"{"reps": 8.0}"#, #"{"reps": 8e0}"#, #"{"reps": -0}"#,  // whole numbers written otherwise
            #"{"weight": 1.7976931348623157e308}"#, #"{"weight": 123456789012345678.5}"#, #"{"weight": -0.0}"#,
            #"{"weight": 70.125, "tempo": "3\u002d1-2", "rpe": 0.1}"#, #"{"reps": 99999999999999999999}"#,
            #"{"weight": null, "reps": null}"#, #"{"tempo": "\ud83c\udfcb"}"#, #"{"tempo": "\ud83c"}"#,
        ])
    func declinedTexts(_ text: String) throws {
        let expected = Self.foundation(LoggedSet.self, text)
        let read = try? LiftbackJSON.decode(LoggedSet.self, from: Data(text.utf8), tape: try JSONTape.read(Data(text.utf8)))
        #expect(read == expected)
        if let fast = Self.fast(LoggedSet.self, text) { #expect(fast == expected) }
    }

    struct Wide: Decodable, Equatable {
        var big: Int64?
        var small: UInt8?
    }

    @Test("Found in review: a key twice where `contains` asks, and a number where a name was, are left to Foundation")
    func reviewFindings() throws {
        for text in [#"{"big": 1, "big": 2}"#, #"{"small": 7, "small": 9, "big": 3}"#] {
            #expect(Self.fast(Wide.self, text) == nil)
            #expect(
                try LiftbackJSON.decode(Wide.self, from: Data(text.utf8), tape: JSONTape.read(Data(text.utf8)))
                    == Self.foundation(Wide.self, text))
        }
        let numbered = #"{"date": "2026-12-01", "exercises": [{"exercise": "123", "sets": []}, {"exercise": 123, "sets": []}]}"#
        #expect(Self.fast(Workout.self, numbered) == nil)
        #expect(Self.foundation(Workout.self, numbered) == nil)
    }

    @Test("Numbers read to the same Double as Foundation's, and vanish exactly when they would read as zero")
    func numbers() async {
        let number = zip(
            Gen.int(in: 0...99_999_999), Gen.int(in: 0...40), Gen.int(in: -400...400), Gen.bool, Gen.int(in: 0...2))
        await propertyCheck(count: 3_000, input: number) { digits, point, exponent, negative, form in
            var text = String(digits)
            if point > 0 { text = "\(text).\(String(repeating: "0", count: point % 5))\(point)" }
            if form == 1 { text += "e\(exponent)" }
            if form == 2 { text += "E\(exponent / 20)" }
            if negative { text = "-" + text }
            let json = #"{"weight": \#(text)}"#
            do {
                _ = try JSONTape.read(Data(json.utf8))
                #expect(!JSONNumbers.vanishes(text), "\(text)")
            } catch {
                #expect(JSONNumbers.vanishes(text), "\(text)")
                return
            }
            if let fast = Self.fast(LoggedSet.self, json) {
                #expect(fast.weight == Self.foundation(LoggedSet.self, json)?.weight, "\(text)")
            }
        }
    }
}
