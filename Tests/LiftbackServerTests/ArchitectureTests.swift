import Foundation
import Testing

/// The layers' rules that SwiftPM cannot enforce by itself (every module built is importable by any
/// target after it): the adapters reach the data only through the application layer's services,
/// and the stores store what they are given (docs/architecture.md).
@Suite("Architecture")
struct ArchitectureTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// Every Swift file under `Sources/<target>`, with its text.
    static func files(in target: String) throws -> [(name: String, text: String)] {
        let root = sources.appendingPathComponent(target)
        let paths = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        return try paths.filter { $0.hasSuffix(".swift") }.sorted().map {
            ($0, try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8))
        }
    }

    @Test("The JSON API and the pages never import a store: they call the application's services")
    func adaptersUseServices() throws {
        let files = try Self.files(in: "LiftbackServer")
        #expect(files.count > 10)
        for (name, text) in files {
            for module in ["LiftbackStore", "GRDB", "PostgresNIO"] {
                #expect(!text.contains("import \(module)"), "\(name) imports \(module)")
            }
            #expect(!text.contains("any Store"), "\(name) holds a store")
            #expect(!text.contains("EntryValidation"), "\(name) validates entries itself instead of through a service")
        }
    }

    @Test("No store decides what is valid: each runs the check it is given")
    func storesRunTheCheckGiven() throws {
        let files = try Self.files(in: "LiftbackStore")
        #expect(files.count > 3)
        for (name, text) in files {
            #expect(!text.contains("EntryValidation."), "\(name) calls EntryValidation")
        }
    }
}
