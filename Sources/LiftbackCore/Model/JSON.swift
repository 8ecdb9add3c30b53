import Foundation

/// The one JSON style Liftback writes: sorted keys, readable, dates as `YYYY-MM-DD`.
public enum LiftbackJSON {
    public static func encode<T: Encodable>(_ value: T, pretty: Bool = true) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        // Encoding Liftback's own value types cannot fail: they hold no non-finite numbers.
        let data = (try? encoder.encode(value)) ?? Data("null".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
