import ArgumentParser
import LiftbackCore

/// `liftback triage --flags a,b` and `liftback triage --list`
struct TriageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triage", abstract: "Red-flag triage: emergency, urgent, clinician or proceed.")

    @Option(help: "Comma-separated flag names (see --list). Leave empty for none.", transform: Arguments.flags)
    var flags: [RedFlag] = []
    @Flag(help: "List every flag with its meaning and level.") var list = false

    func run() async throws { try emit { list ? Self.listing() : Self.output(flags: flags) } }

    struct FlagInfo: Encodable {
        var flag: String
        var level: String
        var meaning: String
    }

    static func listing() -> String {
        LiftbackJSON.encode(RedFlag.allCases.map { FlagInfo(flag: $0.rawValue, level: $0.level.rawValue, meaning: $0.meaning) })
    }

    static func output(flags: [RedFlag]) -> String { LiftbackJSON.encode(Triage.assess(flags)) }
}
