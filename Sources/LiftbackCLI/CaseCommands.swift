import ArgumentParser
import Foundation
import LiftbackCore

/// A file's bytes, or standard input's for `-`; `what` names it in the error.
func readInput(_ path: String, _ what: String, readStandardInput: () -> Data = { FileHandle.standardInput.readDataToEndOfFile() })
    throws -> Data
{
    if path == "-" { return readStandardInput() }
    guard let contents = FileManager.default.contents(atPath: path) else { throw CLIFailure("cannot read the \(what) \(path)") }
    return contents
}

/// Reads a case file (or standard input for `-`) and validates it.
func loadCase(_ path: String, readStandardInput: () -> Data = { FileHandle.standardInput.readDataToEndOfFile() }) throws -> Case {
    let data = try readInput(path, "case file", readStandardInput: readStandardInput)
    do {
        return try Case.decode(from: data, catalog: configuredEngine.catalog)
    } catch {
        throw CLIFailure("case \(error.description)")
    }
}

/// `liftback next --case FILE.json` (or `-` for standard input)
struct NextCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next", abstract: "Print the next prescription for a case.")

    @Option(name: .customLong("case"), help: "A case file (see docs/case-format.md), or - for standard input.") var casePath:
        String

    func run() async throws { try emit { try Self.output(casePath: casePath) } }

    static func output(casePath: String) throws -> String {
        LiftbackJSON.encode(configuredEngine.nextPrescription(for: try loadCase(casePath)))
    }
}

/// `liftback baseline --case FILE.json`
struct BaselineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Previous working weights and estimated one-rep maxima (Epley, Brzycki) from a case's intake.")

    @Option(name: .customLong("case"), help: "A case file, or - for standard input.") var casePath: String

    func run() async throws {
        try emit {
            let c = try loadCase(casePath)
            return LiftbackJSON.encode(Baseline.lifts(for: c.intake, unit: c.unit))
        }
    }
}

/// `liftback import EXPORT.csv --unit kg`
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read a Strong, Hevy or FitNotes export into workouts for an intake's training history.",
        discussion: """
            Prints JSON: the format, the units, the workouts (as in a case file, docs/case-format.md, in --unit), the exercise \
            names with no counterpart in the catalogue, the rows left out on purpose (warm-ups, rest timers, cardio), \
            and the baseline the history gives: the heaviest weight lifted for at least three repetitions per exercise, \
            with estimated one-rep maxima.
            """)

    @Argument(help: "The exported CSV file, or - for standard input.") var file: String
    @Option(help: "The unit to give weights in: kg or lb.", transform: Arguments.unit("--unit")) var unit: WeightUnit = .kg
    @Option(
        help: "The unit the app was set to, for exports that do not say (Strong's comma-separated export).",
        transform: Arguments.unit("--source-unit"))
    var sourceUnit: WeightUnit?

    struct Output: Encodable {
        var history: ImportedHistory
        var baseline: [BaselineLift]

        func encode(to encoder: any Encoder) throws {
            try history.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(baseline, forKey: .baseline)
        }

        enum Keys: String, CodingKey { case baseline }
    }

    func run() async throws { try emit { try Self.output(file: file, unit: unit, sourceUnit: sourceUnit) } }

    static func output(
        file: String, unit target: WeightUnit, sourceUnit source: WeightUnit?,
        readStandardInput: () -> Data = {
            FileHandle.standardInput.readDataToEndOfFile()
        }
    ) throws -> String {
        let text = String(decoding: try readInput(file, "export", readStandardInput: readStandardInput), as: UTF8.self)
        let history: ImportedHistory
        do {
            history = try TrainingImport.parse(text, unit: target, catalog: configuredEngine.catalog, defaultSourceUnit: source)
        } catch {
            let hint = error.kind == .unitMissing ? " (give --source-unit kg or lb)" : ""
            throw CLIFailure("export \(error.description)\(hint)")
        }
        let intake = Intake(
            date: (history.workouts.last?.date ?? Day(ordinal: 0)).adding(days: 1), pattern: .nonSpecific,
            trainingHistory: history.workouts)
        return LiftbackJSON.encode(Output(history: history, baseline: Baseline.lifts(for: intake, unit: target)))
    }
}

/// `liftback catalog`
struct CatalogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog", abstract: "List every exercise and variation ladder as JSON.")

    struct Listing: Encodable {
        var exercises: [Exercise]
        var ladders: [Ladder]
    }

    func run() async throws { try emit { Self.output() } }

    static func output() -> String {
        LiftbackJSON.encode(Listing(exercises: configuredEngine.catalog.exercises, ladders: configuredEngine.catalog.ladders))
    }
}

/// `liftback pattern --answers leg-pain,sharp-shooting`
struct PatternCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pattern", abstract: "The likely presentation pattern from intake answers (not a diagnosis).",
        discussion: "Answers: \(PatternAnswer.allCases.map(\.rawValue).joined(separator: ", ")).")

    @Option(help: "Comma-separated answers that apply.", transform: Arguments.patternAnswers) var answers: [PatternAnswer] = []

    func run() async throws { try emit { Self.output(answers: answers) } }

    static func output(answers: [PatternAnswer]) -> String { LiftbackJSON.encode(PatternAssessment.assess(Set(answers))) }
}
