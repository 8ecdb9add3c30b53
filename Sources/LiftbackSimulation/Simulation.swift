import Foundation
import LiftbackCore

/// One simulation run's settings.
public struct SimulationConfig: Sendable, Equatable {
    /// What the command line accepts.
    public static let peopleRange = 1...100_000
    public static let weeksRange = 1...104

    /// Checks the command line's options; the message names what is wrong.
    public static func validated(people: Int, weeks: Int, seed: UInt64, policies: String, engine: Engine) -> Result<
        SimulationConfig, OptionError
    > {
        guard peopleRange.contains(people) else {
            return .failure(OptionError("--people must be between 1 and 100000 (got \(people))"))
        }
        guard weeksRange.contains(weeks) else {
            return .failure(OptionError("--weeks must be between 1 and 104 (got \(weeks))"))
        }
        switch PolicyName.parseList(policies) {
        case let .failure(unknown): return .failure(OptionError(unknown.description))
        case let .success(list) where list.isEmpty: return .failure(OptionError("--policies names no policy"))
        case let .success(list):
            return .success(SimulationConfig(people: people, weeks: weeks, seed: seed, policies: list, engine: engine))
        }
    }

    public struct OptionError: Error, Equatable, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }

    public var people: Int
    public var weeks: Int
    public var seed: UInt64
    public var policies: [PolicyName]
    public var parameters: Parameters
    /// People per task: each task runs its people under every policy.
    public var chunkSize: Int
    /// The engine the Liftback policies ask, as the server would.
    public var engine: Engine

    public init(
        people: Int = 1000, weeks: Int = 20, seed: UInt64 = 1, policies: [PolicyName] = PolicyName.allCases,
        parameters: Parameters = .standard, chunkSize: Int = 10, engine: Engine
    ) {
        self.engine = engine
        self.people = people
        self.weeks = weeks
        self.seed = seed
        self.policies = policies
        self.parameters = parameters
        self.chunkSize = chunkSize
    }

    public var days: Int { weeks * 7 }
}

/// The outcomes of one policy over the population.
public struct PolicySummary: Codable, Sendable, Equatable {
    public var policy: String
    public var people: Int
    /// Median weeks from intake to the first session at the previous working weight; `nil` when
    /// fewer than half got there within the simulated weeks ("not reached").
    public var medianWeeksBack: Double?
    /// Whether at least half got back within the simulated weeks (`medianWeeksBack` is left out otherwise).
    public var medianReached: Bool
    /// Share back at the previous working weight within the simulated weeks.
    public var shareBack: Double
    /// Flare-ups (episodes: flares within `flareUpGapDays` of each other are one) per person.
    public var flareUpsPerPerson: Double
    /// Days the model flared (sessions and heavier days of daily life) per person, and sessions alone.
    public var flareDaysPerPerson: Double
    public var flaringSessionsPerPerson: Double
    public var shareWithFlare: Double
    /// Sessions with a prescribed weight while a reported flag was not yet cleared (what a policy can know).
    public var loadsThroughReportedFlag: Int
    /// Sessions with a prescribed weight while a flag was present or reported and not yet cleared.
    public var loadsThroughOpenFlag: Int
    public var meanPeakPain: Double
    public var sessionsPerPerson: Double
    public var shareScreenPassed: Double

    public init(policy: PolicyName, outcomes: [PersonOutcome]) {
        let n = Double(max(1, outcomes.count))
        self.policy = policy.rawValue
        people = outcomes.count
        let backDays = outcomes.map { $0.backDay.map(Double.init) ?? .infinity }.sorted()
        var median: Double?
        if !backDays.isEmpty {
            let middle = backDays.count / 2
            let value = backDays.count % 2 == 1 ? backDays[middle] : (backDays[middle - 1] + backDays[middle]) / 2
            median = value.isFinite ? Self.round(value / 7, 1) : nil
        }
        medianWeeksBack = median
        medianReached = median != nil
        shareBack = Self.round(Double(outcomes.filter { $0.backDay != nil }.count) / n, 3)
        flareUpsPerPerson = Self.round(Double(outcomes.map(\.flareUps).reduce(0, +)) / n, 3)
        flareDaysPerPerson = Self.round(Double(outcomes.map(\.flares).reduce(0, +)) / n, 3)
        flaringSessionsPerPerson = Self.round(Double(outcomes.map(\.sessionFlares).reduce(0, +)) / n, 3)
        shareWithFlare = Self.round(Double(outcomes.filter { $0.flares > 0 }.count) / n, 3)
        loadsThroughReportedFlag = outcomes.map(\.loadsThroughReportedFlag).reduce(0, +)
        loadsThroughOpenFlag = outcomes.map(\.loadsThroughOpenFlag).reduce(0, +)
        meanPeakPain = Self.round(Double(outcomes.map(\.peakPain).reduce(0, +)) / n, 2)
        sessionsPerPerson = Self.round(Double(outcomes.map(\.sessions).reduce(0, +)) / n, 1)
        shareScreenPassed = Self.round(Double(outcomes.filter { $0.screensPassed > 0 }.count) / n, 3)
    }

    static func round(_ value: Double, _ places: Int) -> Double {
        let scale = pow(10, Double(places))
        return (value * scale).rounded() / scale
    }
}

/// A whole run: what was asked and each policy's outcomes, in the order asked.
public struct SimulationReport: Codable, Sendable, Equatable {
    public var people: Int
    public var weeks: Int
    public var seed: UInt64
    public var policies: [PolicySummary]
    public var parameters: Parameters

    /// Stable JSON: sorted keys, so the same seed gives the same bytes.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    /// A plain table, one row per policy.
    public func table() -> String {
        let headers = [
            "policy", "median weeks back", "back in \(weeks) wk", "flare-ups/person", "flaring sessions/person", "had a flare-up",
            "loads via reported flag", "loads via open flag", "mean peak pain", "sessions/person",
        ]
        let rows = policies.map { s in
            [
                s.policy, s.medianWeeksBack.map { String(format: "%.1f", $0) } ?? "not reached",
                String(format: "%.1f %%", s.shareBack * 100), String(format: "%.2f", s.flareUpsPerPerson),
                String(format: "%.2f", s.flaringSessionsPerPerson),
                String(format: "%.1f %%", s.shareWithFlare * 100), String(s.loadsThroughReportedFlag),
                String(s.loadsThroughOpenFlag), String(format: "%.1f", s.meanPeakPain),
                String(format: "%.1f", s.sessionsPerPerson),
            ]
        }
        let widths = headers.indices.map { column in ([headers] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                return index == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
        var text = "\(people) simulated people, \(weeks) weeks, seed \(seed)\n"
        text += line(headers) + "\n"
        text += line(widths.map { String(repeating: "-", count: $0) }) + "\n"
        for row in rows { text += line(row) + "\n" }
        return text
    }
}

/// Runs the population under each policy, using every core, and merges in person order.
public enum Simulation {
    /// One person under every policy of the run (the same person, so the comparison is paired).
    public static func outcomes(person index: Int, config: SimulationConfig, engine: Engine) -> [PersonOutcome] {
        let person = Population.person(index, seed: config.seed, days: config.days, parameters: config.parameters)
        return config.policies.map {
            PersonRun.run(person, policy: $0, parameters: config.parameters, days: config.days, engine: engine).outcome
        }
    }

    /// - Parameter progress: called on the calling task with the number of people done so far.
    public static func run(_ config: SimulationConfig, progress: (Int) -> Void = { _ in }) async -> SimulationReport {
        let engine = config.engine
        let chunk = max(1, config.chunkSize)
        let chunks = (config.people + chunk - 1) / chunk
        var results = [[[PersonOutcome]]](repeating: [], count: chunks)
        var done = 0
        await withTaskGroup(of: (Int, [[PersonOutcome]]).self) { group in
            var next = 0
            // Keep a few chunks in flight per core, so progress moves steadily and memory stays small.
            let inFlight = max(2, ProcessInfo.processInfo.activeProcessorCount * 2)
            func add() {
                let index = next
                next += 1
                group.addTask {
                    let range = (index * chunk)..<min(config.people, (index + 1) * chunk)
                    return (index, range.map { outcomes(person: $0, config: config, engine: engine) })
                }
            }
            while next < min(chunks, inFlight) { add() }
            for await (index, chunkResults) in group {
                results[index] = chunkResults
                done += chunkResults.count
                progress(done)
                if next < chunks { add() }
            }
        }
        let perPerson = results.flatMap { $0 }
        let summaries = config.policies.enumerated().map { column, policy in
            PolicySummary(policy: policy, outcomes: perPerson.map { $0[column] })
        }
        return SimulationReport(
            people: config.people, weeks: config.weeks, seed: config.seed, policies: summaries, parameters: config.parameters)
    }

    /// The same run without concurrency (tests compare the two).
    public static func runSerially(_ config: SimulationConfig) -> SimulationReport {
        let perPerson = (0..<config.people).map { outcomes(person: $0, config: config, engine: config.engine) }
        let summaries = config.policies.enumerated().map { column, policy in
            PolicySummary(policy: policy, outcomes: perPerson.map { $0[column] })
        }
        return SimulationReport(
            people: config.people, weeks: config.weeks, seed: config.seed, policies: summaries, parameters: config.parameters)
    }
}
