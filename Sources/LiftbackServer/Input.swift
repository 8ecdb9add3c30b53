import Foundation
import Hummingbird

/// Text kept or looked up exactly as typed (names, emails, passwords, codes, ids) carries no
/// control characters: PostgreSQL cannot hold NUL in text, and bcrypt would cut a password at one.
enum PlainText {
    static func isPlain(_ text: some StringProtocol) -> Bool {
        !text.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }
}

/// A new account's fields, checked one way for the API and for the sign-up page.
struct NewAccountInput {
    var name: String
    var email: String
    var password: String

    /// The trimmed name and email, or an error naming the field at fault.
    func validated() throws(APIError) -> (name: String, email: String) {
        let email = email.trimmingCharacters(in: .whitespaces)
        guard email.count <= 254, email.contains("@"), !email.hasPrefix("@"), !email.hasSuffix("@"), PlainText.isPlain(email)
        else { throw APIError(.badRequest, "enter an email address like name@example.org", field: "email") }
        guard (10...200).contains(password.count), PlainText.isPlain(password) else {
            throw APIError(
                .badRequest, "use a password of at least 10 characters (letters, digits, spaces, symbols)", field: "password")
        }
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...100).contains(name.count), PlainText.isPlain(name) else {
            throw APIError(.badRequest, "enter a name of up to 100 characters, without line breaks", field: "name")
        }
        return (name, email)
    }
}

/// A path with control characters in it (a `%00` in an id, say) names nothing that can exist, so it
/// is answered 404 before any store sees it.
struct PlainPathMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        guard PlainText.isPlain(request.uri.path.removingPercentEncoding ?? "\0") else { throw APIError.notFound }
        return try await next(request, context)
    }
}
