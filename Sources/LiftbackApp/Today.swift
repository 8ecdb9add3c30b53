import Foundation
import LiftbackCore

extension Day {
    /// Today in UTC, read at the edge (the server), never inside the engine.
    public static func today(now: Date = Date()) -> Day {
        Day(ordinal: Int((now.timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    /// Today where `zone` is: the person's own day, which may be a day either side of the server's.
    public static func today(now: Date = Date(), in zone: TimeZone) -> Day {
        today(now: now.addingTimeInterval(TimeInterval(zone.secondsFromGMT(for: now))))
    }
}

extension TimeZone {
    /// Coordinated universal time: the server's day.
    public static let utc = TimeZone(identifier: "UTC")!
}
