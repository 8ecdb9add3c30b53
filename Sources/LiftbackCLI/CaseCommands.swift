import ArgumentParser
import Foundation
import LiftbackCore

/// Reads a case file (or standard input for `-`) and validates it.
func loadCase(_ path: String, readStandardInput: () -> Data = { FileHandle.standardInput.readDataToEndOfFile() }) throws -> Case {
    let data: Data
    if path == "-" {
        data = readStandardInput()
    } else {
        guard let contents = FileManager.default.contents(atPath: path) else {
            throw CLIFailure("cannot read the case file \(path)")
        }
        data = contents
    }
    do {
        return try Case.decode(from: data)
    } catch {
        throw CLIFailure("case \(error.description)")
    }
}

/// `liftback next --case FILE.json` (or `-` for standard input)
struct NextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next", abstract: "Print the next prescription for a case.")

    @Option(name: .customLong("case"), help: "A case file (contract section 2), or - for standard input.") var casePath: String

    func run() throws { try emit { try Self.output(casePath: casePath) } }

    static func output(casePath: String) throws -> String {
        LiftbackJSON.encode(Engine().nextPrescription(for: try loadCase(casePath)))
    }
}

/// `liftback baseline --case FILE.json`
struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Previous working weights and estimated one-rep maxima (Epley, Brzycki) from a case's intake.")

    @Option(name: .customLong("case"), help: "A case file, or - for standard input.") var casePath: String

    func run() throws {
        try emit {
            let c = try loadCase(casePath)
            return LiftbackJSON.encode(Baseline.lifts(for: c.intake, unit: c.unit))
        }
    }
}

/// `liftback catalog`
struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog", abstract: "List every exercise and variation ladder as JSON.")

    struct Listing: Encodable {
        var exercises: [Exercise]
        var ladders: [Ladder]
    }

    func run() throws { try emit { Self.output() } }

    static func output() -> String {
        LiftbackJSON.encode(Listing(exercises: Catalog.standard.exercises, ladders: Catalog.standard.ladders))
    }
}

/// `liftback pattern --answers leg-pain,sharp-shooting`
struct PatternCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pattern", abstract: "The likely presentation pattern from intake answers (not a diagnosis).",
        discussion: "Answers: \(PatternAnswer.allCases.map(\.rawValue).joined(separator: ", ")).")

    @Option(help: "Comma-separated answers that apply.") var answers: String = ""

    func run() throws { try emit { try Self.output(answers: answers) } }

    static func output(answers: String) throws -> String {
        let parsed = try commaList(answers).map { name in
            guard let answer = PatternAnswer(rawValue: name) else {
                throw CLIFailure(
                    "unknown answer \"\(name)\" (use \(PatternAnswer.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return answer
        }
        return LiftbackJSON.encode(PatternAssessment.assess(Set(parsed)))
    }
}
