import ArgumentParser
import Foundation
import LiftbackCore

/// The engine every command runs, the server's included: the standard catalogue with the standard
/// settings. Built here once, so a page, an API answer and `liftback next` cannot disagree.
let configuredEngine = Engine.standard

/// `liftback`: the engine's commands (the command line, README "The engine's commands").
public struct LiftbackCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "liftback",
        abstract: "Graded return to lifting with low back pain: triage, scores and the next prescription.",
        discussion:
            "Decision support, not a diagnosis. Every command prints JSON on standard output (simulate prints a table unless --json, export ics an iCalendar, export strong a CSV); errors go to standard error with a non-zero exit.",
        subcommands: [
            ScoreCommand.self, TriageCommand.self, NextCommand.self, CatalogCommand.self, BaselineCommand.self,
            PatternCommand.self, ChangeCommand.self, ImportCommand.self, SimulateCommand.self, ServeCommand.self,
            AdminCommand.self, ExportCommand.self,
        ])

    public init() {}

    /// Parses the process's arguments and runs the chosen command, async ones (serve) included.
    public static func runFromCommandLine() async {
        do {
            var command = try await asyncParseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}

/// Bad input at the command line: the message names the item or field, and nothing goes to standard output.
public struct CLIFailure: Error, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Runs a command body: prints its JSON, or prints the failure to standard error and exits non-zero.
func emit(terminator: String = "\n", _ body: () throws -> String) throws {
    do {
        print(try body(), terminator: terminator)
    } catch let failure as CLIFailure {
        FileHandle.standardError.write(Data("error: \(failure.message)\n".utf8))
        throw ExitCode(2)
    }
}

/// Splits `a,b,c` into trimmed, non-empty items.
func commaList(_ text: String) -> [String] {
    text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}
