import Foundation

/// Text kept or looked up exactly as typed (names, emails, passwords, codes, ids) carries no
/// control characters: PostgreSQL cannot hold NUL in text, and bcrypt would cut a password at one.
public enum PlainText {
    public static func isPlain(_ text: some StringProtocol) -> Bool {
        !text.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }
}

/// A new account's fields, checked one way for the API and for the sign-up page.
struct NewAccountInput {
    var name: String
    var email: String
    var password: String

    /// The trimmed name and email, or an error naming the field at fault.
    func validated() throws(AppError) -> (name: String, email: String) {
        let email = email.trimmingCharacters(in: .whitespaces)
        guard email.count <= 254, email.contains("@"), !email.hasPrefix("@"), !email.hasSuffix("@"), PlainText.isPlain(email)
        else { throw .invalid(field: "email", message: "enter an email address like name@example.org") }
        guard (10...200).contains(password.count), PlainText.isPlain(password) else {
            throw .invalid(
                field: "password", message: "use a password of at least 10 characters (letters, digits, spaces, symbols)")
        }
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...100).contains(name.count), PlainText.isPlain(name) else {
            throw .invalid(field: "name", message: "enter a name of up to 100 characters, without line breaks")
        }
        return (name, email)
    }
}
