import ArgumentParser
import LiftbackCore

/// `liftback triage --flags a,b` and `liftback triage --list`
struct TriageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triage", abstract: "Red-flag triage: emergency, urgent, clinician or proceed.")

    @Option(help: "Comma-separated flag names (see --list). Leave empty for none.") var flags: String = ""
    @Flag(help: "List every flag with its meaning and level.") var list = false

    func run() throws { try emit { try list ? Self.listing() : Self.output(flags: flags) } }

    struct FlagInfo: Encodable {
        var flag: String
        var level: String
        var meaning: String
    }

    static func listing() -> String {
        LiftbackJSON.encode(RedFlag.allCases.map { FlagInfo(flag: $0.rawValue, level: $0.level.rawValue, meaning: $0.meaning) })
    }

    static func parseFlags(_ text: String) throws -> [RedFlag] {
        try commaList(text).map { name in
            guard let flag = RedFlag(rawValue: name) else {
                throw CLIFailure("unknown flag \"\(name)\" (see `liftback triage --list`)")
            }
            return flag
        }
    }

    static func output(flags: String) throws -> String {
        LiftbackJSON.encode(Triage.assess(try parseFlags(flags)))
    }
}
