import Foundation

/// The published item texts of each questionnaire, kept as data (`Resources/instruments.json`) with
/// citations and licence notes. ODI statement texts are licensed and must be supplied by a deployment.
public struct InstrumentTexts: Codable, Sendable, Equatable {
    public struct Response: Codable, Sendable, Equatable {
        public var value: Int
        public var label: String
    }

    public struct Item: Codable, Sendable, Equatable {
        public var number: Int
        public var text: String
        /// Present when the item's answers differ from the instrument's default.
        public var responses: [Response]?
    }

    public struct Form: Codable, Sendable, Equatable {
        public var id: Instrument
        public var name: String
        public var citation: String
        public var licence: String
        public var wordingVerified: Bool
        public var instructions: String
        public var responses: [Response]
        public var items: [Item]

        /// The answers allowed for one item.
        public func responses(for item: Item) -> [Response] { item.responses ?? responses }
    }

    public var instruments: [Form]

    public subscript(instrument: Instrument) -> Form? { instruments.first { $0.id == instrument } }

    /// Reads the bundled texts. Throws only if the package was built without its resources.
    public static func bundled() throws -> InstrumentTexts {
        guard let url = Bundle.module.url(forResource: "instruments", withExtension: "json") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try JSONDecoder().decode(InstrumentTexts.self, from: Data(contentsOf: url))
    }
}
