/// A lifting tempo: seconds lowering, paused, lifting (`3-1-2`); an `X` means explosive (0).
public struct Tempo: Equatable, Sendable, CustomStringConvertible {
    public var eccentric: Int
    public var pause: Int
    public var concentric: Int

    public init(eccentric: Int, pause: Int, concentric: Int) {
        self.eccentric = eccentric
        self.pause = pause
        self.concentric = concentric
    }

    /// Parses `3-1-2` or `3-1-2-0` (a fourth figure, the pause at the top, is accepted and ignored).
    public init?(_ text: String) {
        var values: [Int] = []
        var current: Int?
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                current = (current ?? 0) * 10 + Int(byte - UInt8(ascii: "0"))
                if current! > 20 { return nil }
            case UInt8(ascii: "X"), UInt8(ascii: "x"):
                guard current == nil else { return nil }
                current = 0
            case UInt8(ascii: "-"):
                guard let value = current else { return nil }
                values.append(value)
                current = nil
            default:
                return nil
            }
        }
        guard let last = current else { return nil }
        values.append(last)
        guard values.count == 3 || values.count == 4 else { return nil }
        self.init(eccentric: values[0], pause: values[1], concentric: values[2])
    }

    public var description: String { "\(eccentric)-\(pause)-\(concentric)" }
    /// "3-1-2 (3 s down, 1 s pause, 2 s up)".
    public var spoken: String { "\(description) (\(eccentric) s down, \(pause) s pause, \(concentric) s up)" }
}
