import ArgumentParser
import LiftbackCore

/// The typed options of the commands, each read once where the command line is parsed (an option's
/// `transform`), so that a command's body only ever sees valid values. A failure names the option
/// and the values it takes (the command line, README "The engine's commands"); swift-argument-parser prints it and exits non-zero.
enum Arguments {
    static func unit(_ option: String) -> @Sendable (String) throws -> WeightUnit {
        { text in
            guard let unit = WeightUnit(rawValue: text.lowercased()) else {
                throw CLIFailure("\(option): \"\(text)\" is not kg or lb")
            }
            return unit
        }
    }

    @Sendable static func instrument(_ text: String) throws -> Instrument {
        guard let instrument = Instrument(rawValue: text.lowercased()) else {
            throw CLIFailure(
                "unknown instrument \"\(text)\" (use one of \(Instrument.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return instrument
    }

    @Sendable static func measure(_ text: String) throws -> ChangeMeasure {
        guard let measure = ChangeMeasure(rawValue: text.lowercased()) else {
            throw CLIFailure(
                "unknown measure \"\(text)\" (use one of \(ChangeMeasure.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return measure
    }

    static func day(_ option: String) -> @Sendable (String) throws -> Day {
        { text in
            guard let day = Day(iso: text) else {
                throw CLIFailure("\(option): \"\(text)\" is not a calendar date (expected YYYY-MM-DD)")
            }
            return day
        }
    }

    @Sendable static func flags(_ text: String) throws -> [RedFlag] {
        try commaList(text).map { name in
            guard let flag = RedFlag(rawValue: name) else {
                throw CLIFailure("unknown flag \"\(name)\" (see `liftback triage --list`)")
            }
            return flag
        }
    }

    @Sendable static func patternAnswers(_ text: String) throws -> [PatternAnswer] {
        try commaList(text).map { name in
            guard let answer = PatternAnswer(rawValue: name) else {
                throw CLIFailure(
                    "unknown answer \"\(name)\" (use \(PatternAnswer.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return answer
        }
    }
}
