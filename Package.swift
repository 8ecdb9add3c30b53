// swift-tools-version: 6.2
import PackageDescription

import class Foundation.ProcessInfo

let package = Package(
    name: "Liftback",
    platforms: [.macOS(.v14), .iOS(.v17)],
    products: [
        .library(name: "LiftbackCore", targets: ["LiftbackCore"]),
        .library(name: "LiftbackStore", targets: ["LiftbackStore"]),
        // What an app on a phone takes: the core and SQLite (with LiftbackApp for the services),
        // without PostgresNIO.
        .library(name: "LiftbackSQLite", targets: ["LiftbackSQLite"]),
        .library(name: "LiftbackApp", targets: ["LiftbackApp"]),
        .library(name: "LiftbackServer", targets: ["LiftbackServer"]),
        .executable(name: "liftback", targets: ["liftback"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // Pure clinical engine: Foundation only, no clock, no I/O beyond its own bundled texts.
        .target(
            name: "LiftbackCore",
            resources: [.copy("Resources/instruments.json")]
        ),
        // Persistence behind one protocol: the protocol, its records, the entry wrappers and row
        // mappers both SQL stores share, and an in-memory store for tests. Foundation only.
        .target(name: "LiftbackStore", dependencies: ["LiftbackCore"]),
        // GRDB on an SQLite file, the default: what an app embedding the core on a phone would take.
        .target(
            name: "LiftbackSQLite",
            dependencies: [
                "LiftbackCore", "LiftbackStore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        // PostgresNIO on PostgreSQL, for several app servers sharing one database.
        .target(
            name: "LiftbackPostgres",
            dependencies: ["LiftbackCore", "LiftbackStore", .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
        // The application layer: one service method per operation (cases, accounts and links, the
        // caseload), over the store; the adapters reach a store only through it (LiftbackHosting
        // opens and seeds stores for the entry points).
        .target(
            name: "LiftbackApp",
            dependencies: [
                "LiftbackCore",
                "LiftbackStore",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Opening the services over a real database (SQLite or PostgreSQL), with the stores'
        // background work, for the server and the command line; and load-test seeding.
        .target(
            name: "LiftbackHosting",
            dependencies: [
                "LiftbackCore",
                "LiftbackStore",
                "LiftbackApp",
                "LiftbackSQLite",
                "LiftbackPostgres",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // HTTP adapters: the JSON API under /api/v1 with its OpenAPI document, and the pages. Each
        // handler reads the request, calls one service, renders; it never imports the store.
        .target(
            name: "LiftbackServer",
            dependencies: [
                "LiftbackCore",
                "LiftbackApp",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Virtual patients: compares progression policies on a simulated population before they are
        // used on people. Foundation only, deterministic, no clock, no I/O (docs/simulation.md).
        .target(name: "LiftbackSimulation", dependencies: ["LiftbackCore"]),
        // The command line's logic, kept in a library so tests can reach it.
        .target(
            name: "LiftbackCLI",
            dependencies: [
                "LiftbackCore",
                "LiftbackApp",
                "LiftbackHosting",
                "LiftbackServer",
                "LiftbackSimulation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(name: "liftback", dependencies: ["LiftbackCLI"]),
        .testTarget(
            name: "LiftbackCoreTests",
            dependencies: [
                "LiftbackCore",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "LiftbackSimulationTests", dependencies: ["LiftbackSimulation"]),
        .testTarget(name: "LiftbackCLITests", dependencies: ["LiftbackCLI"]),
        .testTarget(
            name: "LiftbackStoreTests",
            dependencies: ["LiftbackStore", "LiftbackSQLite", "LiftbackPostgres", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(
            name: "LiftbackServerTests",
            dependencies: [
                "LiftbackServer",
                "LiftbackApp",
                "LiftbackStore",
                "LiftbackSQLite",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ]
)

// Benchmarks build only when asked for, so `swift test` and CI never compile the harness:
// LIFTBACK_BENCHMARKS=1 swift package --scratch-path .build-bench benchmark (see docs/performance.md).
if ProcessInfo.processInfo.environment["LIFTBACK_BENCHMARKS"] != nil {
    package.dependencies.append(
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]))
    package.targets.append(
        .executableTarget(
            name: "EngineBenchmarks",
            dependencies: ["LiftbackCore", .product(name: "Benchmark", package: "benchmark")],
            path: "Benchmarks/EngineBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ))
}

// LIFTBACK_SIMULATION_ONLY=1 keeps only the simulation's tests, so `swift build --build-tests` compiles
// LiftbackCore and LiftbackSimulation without the server stack (docs/simulation.md).
if ProcessInfo.processInfo.environment["LIFTBACK_SIMULATION_ONLY"] != nil {
    package.targets.removeAll { $0.type == .test && $0.name != "LiftbackSimulationTests" }
}

// LIFTBACK_PROBES=1 compiles the tests that need what a fresh clone does not have: the real Strong,
// Hevy and FitNotes exports beside the repository, and the simulation's tuning probes. Without it
// they are not built at all, so `swift test` skips nothing (docs/architecture.md, "Tests").
if ProcessInfo.processInfo.environment["LIFTBACK_PROBES"] != nil {
    for target in package.targets where ["LiftbackCoreTests", "LiftbackSimulationTests"].contains(target.name) {
        target.swiftSettings = (target.swiftSettings ?? []) + [.define("LIFTBACK_PROBES")]
    }
}
