import Foundation
import Hummingbird
import LiftbackCore

/// A submitted `application/x-www-form-urlencoded` form, read without guessing: every value is a string.
struct Form {
    private var values: [String: [String]] = [:]

    init(_ body: String) {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            let key = decode(parts[0])
            values[key, default: []].append(parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    /// The largest form read, in bytes: far above what any page sends.
    static let limit = 256_000

    static func read(_ request: Request) async throws -> Form {
        let buffer = try await request.body(upTo: Self.limit)
        return Form(String(buffer: buffer))
    }

    subscript(_ name: String) -> String? { values[name]?.first }
    func all(_ name: String) -> [String] { values[name] ?? [] }

    /// A trimmed, non-empty value.
    func text(_ name: String) -> String? {
        self[name].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    func int(_ name: String) -> Int? { text(name).flatMap(Int.init) }
    /// A decimal number as people type one (a comma for the point is fine); `nil` for anything else,
    /// hexadecimal, infinity, not-a-number and a number too small to hold (`1e-400`) included.
    func double(_ name: String) -> Double? { text(name).flatMap(Self.number) }

    /// Text as a decimal number, as `double` reads a field.
    static func number(_ text: String) -> Double? {
        guard text.allSatisfy({ "0123456789.,-+eE".contains($0) }) else { return nil }
        let number = text.replacingOccurrences(of: ",", with: ".")
        guard !JSONNumbers.vanishes(number) else { return nil }
        return Double(number).flatMap { $0.isFinite ? $0 : nil }
    }
}
