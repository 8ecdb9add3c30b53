import Foundation
import LiftbackCore

/// A new account's fields, checked one way for the API and for the sign-up page.
public struct NewAccountInput {
    /// A password's length: at least this many characters...
    public static let passwordMinimum = 10
    /// ...and at most this many bytes, all bcrypt reads (it ignores the rest).
    public static let passwordMaximumBytes = 72
    /// A name's length, in characters.
    public static let nameLength = 1...100
    /// An email address's length, in characters.
    public static let emailMaximum = 254

    var name: String
    var email: String
    var password: String

    /// The trimmed name and email, or an error naming the field at fault.
    func validated() throws(AppError) -> (name: String, email: String) {
        let email = email.trimmingCharacters(in: .whitespaces)
        guard email.count <= Self.emailMaximum, email.unicodeScalars.count <= Self.emailMaximum, email.contains("@"),
            !email.hasPrefix("@"), !email.hasSuffix("@"), PlainText.isPlain(email), !PlainText.hasReordering(email)
        else { throw .invalid(field: "email", message: "enter an email address like name@example.org") }
        // bcrypt reads 72 bytes and ignores the rest: a longer password is refused, never silently cut.
        guard password.count >= Self.passwordMinimum, password.utf8.count <= Self.passwordMaximumBytes,
            PlainText.isPlain(password)
        else {
            throw .invalid(
                field: "password",
                message:
                    "use a password of \(Self.passwordMinimum) to \(Self.passwordMaximumBytes) characters (letters, digits, spaces, symbols; accented letters count as two)"
            )
        }
        // The guesses tried first: one character repeated, a few over and over, the email itself.
        let local = email.lowercased().split(separator: "@").first.map(String.init) ?? ""
        guard Set(password.lowercased().filter { !$0.isWhitespace }).count >= 4,
            !password.lowercased().contains(email.lowercased()), local.count < 4 || !password.lowercased().contains(local)
        else {
            throw .invalid(
                field: "password",
                message: "choose a password that is harder to guess: not your email, and not a few characters repeated")
        }
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard Self.nameLength.contains(name.count), InputLimits.fits(name, characters: Self.nameLength.upperBound),
            PlainText.isPlain(name), !PlainText.hasReordering(name)
        else {
            throw .invalid(
                field: "name",
                message:
                    "enter a name of up to \(Self.nameLength.upperBound) characters, without line breaks or characters that reorder or hide text"
            )
        }
        return (name, email)
    }
}
