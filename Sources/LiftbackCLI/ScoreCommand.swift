import ArgumentParser
import LiftbackCore

/// `liftback score <instrument> --answers a,b,c`
struct ScoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score", abstract: "Score a questionnaire exactly as published.",
        discussion: """
            Instruments: startback (9 answers; items 1-8 0/1, item 9 0-4), odi (10 answers 0-5, '-' for one \
            missing section), rmdq (24 answers 0/1), tsk11 (11 answers 1-4), fabq (16 answers 0-6), \
            psfs (1-5 answers 0-10). With --baseline, the change against the published minimal important \
            change is added (odi, rmdq, tsk11, psfs).
            """)

    @Argument(help: "startback, odi, rmdq, tsk11, fabq or psfs.", transform: Arguments.instrument) var instrument: Instrument
    @Option(help: "Comma-separated answers in item order.") var answers: String
    @Option(help: "An earlier score of the same instrument to compare with.") var baseline: Double?

    func run() async throws { try emit { try Self.output(instrument: instrument, answers: answers, baseline: baseline) } }

    static func output(instrument: Instrument, answers: String, baseline: Double?) throws -> String {
        do {
            let score = try instrument.score(try instrument.parseAnswers(answers))
            guard let baseline else { return LiftbackJSON.encode(score) }
            guard let measure = ChangeMeasure(instrument) else {
                throw CLIFailure("\(instrument.rawValue) has no published minimal important change; leave out --baseline")
            }
            return LiftbackJSON.encode(
                ScoreWithChange(score: score, change: ImportantChange(measure: measure, baseline: baseline, current: score.score))
            )
        } catch let error as InstrumentError {
            throw CLIFailure(error.description)
        }
    }
}

/// A score with its change against a baseline, flattened so the score's own fields stay at the top.
struct ScoreWithChange: Encodable {
    var score: InstrumentScore
    var change: ImportantChange

    func encode(to encoder: any Encoder) throws {
        try score.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(change, forKey: .change)
    }

    enum Key: String, CodingKey { case change }
}

/// `liftback change <measure> --baseline X --current Y`
struct ChangeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "change", abstract: "Compare two scores against the published minimal important change.",
        discussion: "Measures: odi, rmdq, psfs, tsk11, pain.")

    @Argument(help: "odi, rmdq, psfs, tsk11 or pain.", transform: Arguments.measure) var measure: ChangeMeasure
    @Option(help: "The earlier score.") var baseline: Double
    @Option(help: "The later score.") var current: Double

    func validate() throws {
        guard baseline.isFinite, current.isFinite else { throw ValidationError("--baseline and --current must be numbers") }
    }

    func run() async throws { try emit { try Self.output(measure: measure, baseline: baseline, current: current) } }

    static func output(measure: ChangeMeasure, baseline: Double, current: Double) throws -> String {
        guard baseline.isFinite, current.isFinite else { throw CLIFailure("--baseline and --current must be numbers") }
        return LiftbackJSON.encode(ImportantChange(measure: measure, baseline: baseline, current: current))
    }
}
