import Foundation
import Hummingbird
import LiftbackCore

/// JSON in and out in the contract's shapes.
enum JSONResponse {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        make(raw: (try? encoder.encode(value)) ?? Data("{}".utf8), status: status)
    }

    /// A response from JSON already encoded.
    static func make(raw data: Data, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The largest JSON body or export read, in bytes.
    static let bodyLimit = 1_000_000

    /// Decodes a request body, naming the field at fault; nothing is guessed.
    /// `entry`, when given, refuses any field that has no place in that kind of entry.
    static func decode<T: Decodable>(
        _ type: T.Type, from request: Request, entry: EntryBody? = nil, limit: Int = bodyLimit
    ) async throws -> T {
        // JSON bodies only: a form or text/plain body, which a page on another site could send, is refused unread.
        guard let sent = request.headers[.contentType], Self.isJSON(sent) else {
            throw APIError(
                .unsupportedMediaType, "send the body as JSON, with Content-Type: application/json", field: "Content-Type")
        }
        let buffer = try await request.body(upTo: limit)
        let data = Data(buffer.readableBytesView)
        guard let tape = try JSONTape.read(data) else { throw CaseError.notJSON }
        do {
            let value = try LiftbackJSON.decode(type, from: data, tape: tape)
            try entry?.refuseUnknownFields(tape)
            if let closed = type as? any ClosedBody.Type { try closed.refuseUnknownFields(data) }
            return value
        } catch let error as DecodingError {
            throw CaseError(decodingError: error)
        }
    }

    /// Whether a Content-Type names JSON: the media type itself, in any case, with parameters such
    /// as a charset allowed (`application/jsonp` or `application/json-patch` are not JSON bodies).
    static func isJSON(_ contentType: String) -> Bool {
        let mediaType = contentType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return mediaType.trimmingCharacters(in: .whitespaces).lowercased() == "application/json"
    }
}

/// A request body with a fixed set of top-level fields: any other is refused by name, so a
/// misspelt field is never silently ignored.
protocol ClosedBody: Decodable {
    static var fields: Set<String> { get }
}

extension ClosedBody {
    static func refuseUnknownFields(_ data: Data) throws {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let unknown = object.keys.sorted().first(where: { !fields.contains($0) })
        else { return }
        throw CaseError(field: unknown, message: "is not a field of this request (a misspelt name would otherwise be lost)")
    }
}
