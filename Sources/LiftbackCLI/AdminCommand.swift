import ArgumentParser
import Foundation
import LiftbackApp
import LiftbackCore

/// `liftback admin ...`: tasks for whoever runs the server.
struct AdminCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin", abstract: "Tasks for whoever runs the server.", subcommands: [SeedLoadCommand.self])
}

/// `liftback admin seed-load`: a database for load tests (docs/performance.md).
struct SeedLoadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed-load", abstract: "Create an SQLite database with one clinician and many patients with long histories.")

    @Option(help: "The SQLite file to create.") var database: String
    @Option(help: "How many patients.") var patients: Int = 1000
    @Option(help: "Weeks of history each.") var weeks: Int = 52
    @Option(help: "The last day of the histories (YYYY-MM-DD).", transform: Arguments.day("--today")) var today: Day

    func validate() throws {
        guard !FileManager.default.fileExists(atPath: database) else {
            throw ValidationError("--database: \(database) exists already")
        }
        guard (1...100_000).contains(patients), (1...520).contains(weeks) else {
            throw ValidationError("--patients 1-100000, --weeks 1-520")
        }
    }

    func run() async throws {
        try await LoadSeed.seed(path: database, patients: patients, weeks: weeks, today: today) { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        print("Clinician \(LoadSeed.clinicianEmail), password \(LoadSeed.password)")
    }
}
