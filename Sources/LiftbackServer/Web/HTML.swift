/// Markup built in Swift: everything interpolated is escaped unless it is itself `HTML`, so text a
/// person typed can never become markup. Chosen over templates because the compiler checks every
/// view model's use and there are no template files to load at run time.
public struct HTML: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public private(set) var description: String

    public init(stringLiteral value: String) { description = value }
    init(raw: String) { description = raw }
    public init(stringInterpolation: Interpolation) { description = stringInterpolation.output }

    public struct Interpolation: StringInterpolationProtocol {
        var output = ""
        public init(literalCapacity: Int, interpolationCount: Int) { output.reserveCapacity(literalCapacity * 2) }
        public mutating func appendLiteral(_ literal: String) { output += literal }
        public mutating func appendInterpolation(_ html: HTML) { output += html.description }
        public mutating func appendInterpolation(_ list: [HTML]) { for item in list { output += item.description } }
        public mutating func appendInterpolation(_ text: some CustomStringConvertible) { output += HTML.escape(text.description) }
        public mutating func appendInterpolation(_ html: HTML?) { output += html?.description ?? "" }
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}

extension Sequence {
    /// Renders each element and joins the markup.
    func html(_ render: (Element) -> HTML) -> HTML { HTML(raw: map { render($0).description }.joined()) }
}
