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

    /// Whether the file imports `module`, in any form: `import X`, `@testable import X`,
    /// `import struct X.Y`, an access level before it (`internal import X`, `package import X`),
    /// a comment or a semicolon after it.
    static func imports(_ text: String, _ module: String) -> Bool {
        let kinds: Set<Substring> = ["struct", "class", "enum", "protocol", "typealias", "func", "let", "var", "actor"]
        let levels: Set<Substring> = ["public", "package", "internal", "fileprivate", "private"]
        return text.split(whereSeparator: { $0 == "\n" || $0 == ";" }).contains { line in
            let code = line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            var words = code.split(whereSeparator: { $0 == " " || $0 == "\t" })[...]
            while let first = words.first, first.hasPrefix("@") || levels.contains(first) { words = words.dropFirst() }
            guard words.first == "import" else { return false }
            words = words.dropFirst()
            if let kind = words.first, kinds.contains(kind) { words = words.dropFirst() }
            guard let name = words.first else { return false }
            return name == module || name.hasPrefix(module + ".")
        }
    }

    @Test("The JSON API and the pages never import a store: they call the application's services")
    func adaptersUseServices() throws {
        let files = try Self.files(in: "LiftbackServer")
        #expect(files.count > 10)
        for spelling in [
            "@testable import struct LiftbackStore.Account", "internal import LiftbackStore", "public import LiftbackStore",
            "import LiftbackStore // records", "import Foundation; import LiftbackStore",
            "@_implementationOnly import LiftbackStore",
        ] {
            #expect(Self.imports(spelling, "LiftbackStore"), "\(spelling)")
        }
        #expect(
            !Self.imports("import LiftbackStoreKit", "LiftbackStore") && !Self.imports("// import LiftbackStore", "LiftbackStore")
        )
        for (name, text) in files {
            for module in ["LiftbackStore", "LiftbackSQLite", "LiftbackPostgres", "GRDB", "PostgresNIO"] {
                #expect(!Self.imports(text, module), "\(name) imports \(module)")
            }
            #expect(!text.contains("any Store"), "\(name) holds a store")
            #expect(!text.contains("EntryValidation"), "\(name) validates entries itself instead of through a service")
            // Clinical decisions are the core's, reached through a service: triage, the pattern, scores, checks.
            for decision in [".validate(", ".assess(", ".score(", "Triage.", "PatternAssessment."] {
                #expect(!text.contains(decision), "\(name) decides \(decision) itself instead of asking a service")
            }
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
