import ArgumentParser
import Foundation
import LiftbackSimulation

/// `liftback simulate`: compares progression policies on virtual patients (docs/simulation.md).
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate", abstract: "Compare progression policies on virtual patients before they are used on people.",
        discussion: """
            Every policy meets the same simulated people (paired by seed). Prints a plain table, or JSON with --json; \
            a progress bar goes to standard error. The same seed gives byte-identical output. The model is one of \
            many: see docs/simulation.md for its parameters, their sources and its limits.
            """)

    @Option(help: "How many virtual people (1-100000).") var people = 1000
    @Option(help: "Weeks to simulate from each person's intake (1-104).") var weeks = 20
    @Option(help: "Seed for the population and its days.") var seed: UInt64 = 1
    @Option(help: "Comma-separated: \(PolicyName.allCases.map(\.rawValue).joined(separator: ", ")).")
    var policies = PolicyName.allCases.map(\.rawValue).joined(separator: ",")
    @Flag(help: "Print JSON (sorted keys) instead of a table.") var json = false

    var config: Result<SimulationConfig, SimulationConfig.OptionError> {
        SimulationConfig.validated(people: people, weeks: weeks, seed: seed, policies: policies, engine: configuredEngine)
    }

    func validate() throws {
        if case let .failure(error) = config { throw ValidationError(error.description) }
    }

    func run() async throws {
        let config = try config.get()
        var bar = ProgressBar(total: config.people)
        let report = await Simulation.run(config) { bar.update($0) }
        bar.finish()
        if json {
            print(report.json())
        } else {
            print(report.table(), terminator: "")
        }
    }
}

/// `simulating [#########           ] 45 % (450/1000 people)` on standard error, redrawn in place.
struct ProgressBar {
    let total: Int
    let width = 20
    private var shown = -1

    init(total: Int) { self.total = max(1, total) }

    mutating func update(_ done: Int) {
        let percent = done * 100 / total
        guard percent != shown else { return }
        shown = percent
        let filled = done * width / total
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
        FileHandle.standardError.write(Data("\rsimulating [\(bar)] \(percent) % (\(done)/\(total) people)".utf8))
    }

    func finish() { FileHandle.standardError.write(Data("\n".utf8)) }
}
