import Foundation
import LiftbackCore

extension Day {
    /// Today in UTC, read at the edge (the server), never inside the engine.
    public static func today(now: Date = Date()) -> Day {
        Day(ordinal: Int((now.timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
