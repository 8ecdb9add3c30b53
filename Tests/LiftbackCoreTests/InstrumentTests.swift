import LiftbackCore
import Testing

@Suite("Questionnaires scored exactly as published (instruments.md)")
struct InstrumentTests {
    struct StartBackCase: Sendable, CustomTestStringConvertible {
        var answers: [Int]
        var total: Double
        var psychosocial: Int
        var category: String
        var testDescription: String { "\(answers) -> \(total)/\(psychosocial) \(category)" }
    }

    @Test(
        "STarT Back: total, psychosocial items 5-9 and risk group",
        arguments: [
            StartBackCase(answers: [0, 0, 0, 0, 0, 0, 0, 0, 0], total: 0, psychosocial: 0, category: "low"),
            StartBackCase(answers: [0, 0, 0, 0, 1, 1, 1, 0, 0], total: 3, psychosocial: 3, category: "low"),
            StartBackCase(answers: [1, 1, 1, 1, 0, 0, 0, 0, 0], total: 4, psychosocial: 0, category: "medium"),
            StartBackCase(answers: [1, 1, 0, 0, 1, 1, 1, 0, 2], total: 5, psychosocial: 3, category: "medium"),
            StartBackCase(answers: [0, 0, 0, 0, 1, 1, 1, 1, 0], total: 4, psychosocial: 4, category: "high"),
            StartBackCase(answers: [1, 1, 1, 1, 1, 1, 1, 1, 4], total: 9, psychosocial: 5, category: "high"),
            // Item 9: "very much" (3) and "extremely" (4) score 1; "moderately" (2) scores 0.
            StartBackCase(answers: [1, 0, 0, 1, 0, 1, 1, 0, 3], total: 5, psychosocial: 3, category: "medium"),
            StartBackCase(answers: [1, 0, 0, 1, 0, 1, 1, 1, 2], total: 5, psychosocial: 3, category: "medium"),
        ])
    func startBack(example: StartBackCase) throws {
        let score = try Instrument.startback.score(example.answers)
        #expect(score.score == example.total)
        #expect(score.psychosocial == example.psychosocial)
        #expect(score.category == example.category)
    }

    @Test("STarT Back's subscale is items 5-9, not the mistaken 1, 4, 7, 8, 9")
    func startBackSubscaleItems() throws {
        // Items 1 and 4 agreed, 5 and 6 not: the wrong subscale would count 5 here.
        let score = try Instrument.startback.score([1, 0, 0, 1, 0, 0, 1, 1, 4])
        #expect(score.psychosocial == 3)
    }

    @Test(
        "ODI: percent of the answered sections to one decimal, with its band",
        arguments: [
            ([0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0.0, "minimal"),
            ([2, 2, 2, 2, 2, 0, 0, 0, 0, 0], 20.0, "minimal"),
            ([2, 2, 2, 2, 2, 1, 0, 0, 0, 0], 22.0, "moderate"),
            ([4, 4, 4, 4, 4, 0, 0, 0, 0, 0], 40.0, "moderate"),
            ([4, 4, 4, 4, 4, 1, 0, 0, 0, 0], 42.0, "severe"),
            ([3, 3, 3, 3, 3, 3, 3, 3, 3, 3], 60.0, "severe"),
            ([3, 3, 3, 3, 3, 3, 3, 3, 3, 4], 62.0, "crippled"),
            ([4, 4, 4, 4, 4, 4, 4, 4, 4, 4], 80.0, "crippled"),
            ([4, 4, 4, 4, 4, 4, 4, 4, 4, 5], 82.0, "bed-bound"),
            ([5, 5, 5, 5, 5, 5, 5, 5, 5, 5], 100.0, "bed-bound"),
        ])
    func odi(answers: [Int], percent: Double, band: String) throws {
        let score = try Instrument.odi.score(answers)
        #expect(score.score == percent)
        #expect(score.category == band)
    }

    @Test("ODI with one section missing is scored over the nine answered")
    func odiOneMissing() throws {
        let score = try Instrument.odi.score([1, 2, 3, nil, 2, 2, 1, 0, 1, 2])
        #expect(score.score == 31.1)  // 14 / 45
        #expect(score.answered == 9)
        #expect(score.category == "moderate")
    }

    @Test("ODI with two or more missing sections is not computable, naming them")
    func odiTwoMissing() {
        #expect(throws: InstrumentError.notComputable(instrument: .odi, missingItems: [4, 8])) {
            try Instrument.odi.score([1, 2, 3, nil, 2, 2, 1, nil, 1, 2])
        }
    }

    @Test("RMDQ counts the statements that apply (0-24)")
    func rmdq() throws {
        #expect(try Instrument.rmdq.score(Array(repeating: 0, count: 24)).score == 0)
        #expect(try Instrument.rmdq.score(Array(repeating: 1, count: 24)).score == 24)
        #expect(try Instrument.rmdq.score([1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]).score == 7)
    }

    @Test("TSK-11 sums items 1-4 with no reversed items (11-44) and no cut-off category")
    func tsk11() throws {
        #expect(try Instrument.tsk11.score(Array(repeating: 1, count: 11)).score == 11)
        #expect(try Instrument.tsk11.score(Array(repeating: 4, count: 11)).score == 44)
        let mixed = try Instrument.tsk11.score([1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3])
        #expect(mixed.score == 26)
        #expect(mixed.category == nil)
    }

    @Test("FABQ: physical activity is items 2-5 and work is items 6, 7, 9, 10, 11, 12, 15")
    func fabq() throws {
        var answers = Array(repeating: 0, count: 16)
        for item in [1, 8, 13, 14, 16] { answers[item - 1] = 6 }  // not scored
        let unscored = try Instrument.fabq.score(answers)
        #expect(unscored.physicalActivity == 0 && unscored.work == 0)
        for item in [2, 3, 4, 5] { answers[item - 1] = 6 }
        for item in [6, 7, 9, 10, 11, 12, 15] { answers[item - 1] = 5 }
        let score = try Instrument.fabq.score(answers)
        #expect(score.physicalActivity == 24)
        #expect(score.work == 35)
        #expect(score.interpretation.contains("elevated"))
    }

    @Test(
        "PSFS is the mean of 1-5 activities to one decimal",
        arguments: [([3, 5, 6], 4.7), ([7], 7.0), ([0, 10, 10, 10, 10], 8.0)])
    func psfs(answers: [Int], mean: Double) throws {
        #expect(try Instrument.psfs.score(answers).score == mean)
    }

    @Test(
        "Bad answers are refused with the item named",
        arguments: [
            (
                Instrument.startback, [1, 0, 0, 1, 0, 0, 1, 1, 5] as [Int?],
                InstrumentError.valueOutOfRange(instrument: .startback, item: 9, value: 5, allowed: 0...4)
            ),
            (
                .startback, [2, 0, 0, 1, 0, 0, 1, 1, 1],
                .valueOutOfRange(instrument: .startback, item: 1, value: 2, allowed: 0...1)
            ),
            (.tsk11, [1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1], .valueOutOfRange(instrument: .tsk11, item: 4, value: 0, allowed: 1...4)),
            (.rmdq, [1, 0], .wrongCount(instrument: .rmdq, expected: 24...24, got: 2)),
            (.psfs, [1, 2, 3, 4, 5, 6], .wrongCount(instrument: .psfs, expected: 1...5, got: 6)),
            (.psfs, [11], .valueOutOfRange(instrument: .psfs, item: 1, value: 11, allowed: 0...10)),
            (.fabq, [0, 0, nil, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], .missingItem(instrument: .fabq, item: 3)),
        ])
    func refused(instrument: Instrument, answers: [Int?], error: InstrumentError) {
        #expect(throws: error) { try instrument.score(answers) }
        #expect(error.description.contains("\(instrument.rawValue)"))
    }

    @Test("Answer lists parse '-' as missing and name a non-number's item")
    func parsing() throws {
        #expect(try Instrument.odi.parseAnswers("1, 2,-,3") == [1, 2, nil, 3])
        #expect(throws: InstrumentError.notANumber(instrument: .odi, item: 2, text: "x")) {
            try Instrument.odi.parseAnswers("1,x")
        }
    }

    @Test("Item texts ship as data with citations and the right item counts")
    func itemTexts() throws {
        let texts = try InstrumentTexts.bundled()
        let expected: [Instrument: Int] = [.startback: 9, .odi: 10, .rmdq: 24, .tsk11: 11, .fabq: 16, .psfs: 0]
        for (instrument, count) in expected {
            let form = try #require(texts[instrument])
            #expect(form.items.count == count, "\(instrument)")
            #expect(!form.citation.isEmpty && !form.licence.isEmpty)
            #expect(form.items.map(\.number) == Array(stride(from: 1, through: count, by: 1)))
        }
        let item9 = try #require(texts[.startback]?.items.last)
        #expect(texts[.startback]!.responses(for: item9).map(\.value) == [0, 1, 2, 3, 4])
    }
}

@Suite("Change against the minimal important difference")
struct ImportantChangeTests {
    @Test(
        "Published thresholds decide importance",
        arguments: [
            (ChangeMeasure.odi, 40.0, 32.0, false),  // 8 points, 20 %
            (.odi, 40, 30, true),  // 10 points
            (.odi, 20, 14, true),  // 6 points but 30 % of baseline
            (.odi, 20, 15, false),  // 5 points, 25 %
            (.rmdq, 10, 7, true),  // 30 %
            (.rmdq, 20, 16, false),  // 4 points, 20 %
            (.rmdq, 20, 15, true),  // 5 points
            (.psfs, 3, 5, true),
            (.psfs, 3, 4.9, false),
            (.tsk11, 30, 26, true),
            (.tsk11, 30, 27, false),
            (.pain, 6, 4, true),
            (.pain, 6, 5, false),
        ])
    func thresholds(measure: ChangeMeasure, baseline: Double, current: Double, important: Bool) {
        let change = ImportantChange(measure: measure, baseline: baseline, current: current)
        #expect(change.important == important)
    }

    @Test("Direction follows the scale: lower ODI is better, higher PSFS is better")
    func direction() {
        #expect(ImportantChange(measure: .odi, baseline: 40, current: 20).direction == .improved)
        #expect(ImportantChange(measure: .psfs, baseline: 4, current: 7).direction == .improved)
        #expect(ImportantChange(measure: .pain, baseline: 2, current: 5).direction == .worsened)
        #expect(ImportantChange(measure: .pain, baseline: 2, current: 5).important)
    }

    @Test("The explanation names the questionnaire as clinicians say it, never its identifier")
    func explanationInWords() {
        #expect(
            ImportantChange(measure: .odi, baseline: 40, current: 20).explanation
                == "Oswestry (ODI) moved from 40 to 20: an important improvement (the threshold is 10 points or 30 % of the baseline)."
        )
        for measure in ChangeMeasure.allCases {
            #expect(!ImportantChange(measure: measure, baseline: 10, current: 5).explanation.hasPrefix(measure.rawValue))
        }
    }
}
