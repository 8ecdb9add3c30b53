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

    /// Whether the file imports `module`, in any form (`import X`, `@testable import X`,
    /// `import struct X.Y`).
    static func imports(_ text: String, _ module: String) -> Bool {
        text.split(separator: "\n").contains { line in
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).filter { !$0.hasPrefix("@") }
            guard words.first == "import", let last = words.last else { return false }
            return last == module || last.hasPrefix(module + ".")
        }
    }

    @Test("The JSON API and the pages never import a store: they call the application's services")
    func adaptersUseServices() throws {
        let files = try Self.files(in: "LiftbackServer")
        #expect(files.count > 10)
        #expect(Self.imports("@testable import struct LiftbackStore.Account", "LiftbackStore"))
        for (name, text) in files {
            for module in ["LiftbackStore", "LiftbackSQLite", "LiftbackPostgres", "GRDB", "PostgresNIO"] {
                #expect(!Self.imports(text, module), "\(name) imports \(module)")
            }
            #expect(!text.contains("any Store"), "\(name) holds a store")
            #expect(!text.contains("EntryValidation"), "\(name) validates entries itself instead of through a service")
        }
    }

    @Test("No store decides what is valid: each runs the check it is given")
    func storesRunTheCheckGiven() throws {
        for target in ["LiftbackStore", "LiftbackSQLite", "LiftbackPostgres"] {
            let files = try Self.files(in: target)
            #expect(!files.isEmpty, "\(target)")
            for (name, text) in files {
                #expect(!text.contains("EntryValidation."), "\(target)/\(name) calls EntryValidation")
            }
        }
    }

    @Test("The application layer holds a store but not a database: an app with SQLite alone needs no PostgresNIO")
    func servicesNeedNoDatabase() throws {
        let files = try Self.files(in: "LiftbackApp")
        #expect(files.count > 5)
        for (name, text) in files {
            for module in ["LiftbackSQLite", "LiftbackPostgres", "GRDB", "PostgresNIO"] {
                #expect(!Self.imports(text, module), "\(name) imports \(module)")
            }
        }
    }
}
