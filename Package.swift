// swift-tools-version: 6.2
import PackageDescription

import class Foundation.ProcessInfo

let package = Package(
    name: "Liftback",
    platforms: [.macOS(.v14), .iOS(.v17)],
    products: [
        .library(name: "LiftbackCore", targets: ["LiftbackCore"]),
        .executable(name: "liftback", targets: ["liftback"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // Pure clinical engine: Foundation only, no clock, no I/O beyond its own bundled texts.
        .target(
            name: "LiftbackCore",
            resources: [.copy("Resources/instruments.json")]
        ),
        // The command line's logic, kept in a library so tests can reach it.
        .target(
            name: "LiftbackCLI",
            dependencies: [
                "LiftbackCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
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
        .testTarget(name: "LiftbackCLITests", dependencies: ["LiftbackCLI"]),
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
