/// How counts read in the sentences a person sees, in one place.
public enum Words {
    /// Items in a sentence: "a", "a and b", "a, b and c".
    public static func list(_ items: [String]) -> String {
        items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    /// A count of days: "a day", "14 days" (as in "in the last 14 days", "14 days in a row").
    public static func days(_ count: Int) -> String { count == 1 ? "a day" : "\(count) days" }

    /// A stretch of time in the largest whole unit: "a day", "a week", "2 weeks", "10 days".
    public static func duration(days count: Int) -> String {
        switch count {
        case 7: "a week"
        case let days where days > 0 && days % 7 == 0: "\(days / 7) weeks"
        default: Self.days(count)
        }
    }

    /// The stretch up to now, as in "in the last week", "in the last 2 weeks", "in the last 10 days".
    public static func last(days count: Int) -> String {
        switch count {
        case 1: "the last day"
        case 7: "the last week"
        default: "the last \(duration(days: count))"
        }
    }

    /// A count of sessions: "1 session", "4 sessions".
    public static func sessions(_ count: Int) -> String { count == 1 ? "1 session" : "\(count) sessions" }

    /// The longest part of what someone typed that an error message repeats back.
    public static let quoteLength = 40

    /// Text someone sent, in quotes, as an error message repeats it: at most `quoteLength`
    /// characters, the rest marked as left out, so that a message never grows with its input.
    public static func quoted(_ text: some StringProtocol) -> String {
        text.count <= quoteLength ? "\"\(text)\"" : "\"\(text.prefix(quoteLength))…\""
    }
}
