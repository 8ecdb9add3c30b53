import LiftbackCore

/// Something the person told the app, or a clinician entered: the only thing a policy ever sees.
public enum ReportEvent: Sendable, Equatable {
    case checkIn(CheckIn)
    case workout(Workout)
    /// The answer the day after, to the workout at this position of the log.
    case nextDay(workout: Int, NextDayResponse)
    case screen(MovementScreen)
    case clearance(Clearance)
}

/// The person's reports so far, as the `Case` Liftback's engine reads, grown one report at a time.
public struct ReportLog: Sendable, Equatable {
    public private(set) var events: [ReportEvent] = []
    public private(set) var reports: Case

    public init(intake: Intake, policy: ProgressionPolicy, unit: WeightUnit) {
        reports = Case(asOf: intake.date, policy: policy, unit: unit, intake: intake)
    }

    public mutating func append(_ event: ReportEvent) {
        events.append(event)
        Self.apply(event, to: &reports)
    }

    public mutating func setDay(_ day: Day) { reports.asOf = day }

    /// One report into a case: the single place a report becomes part of the engine's input.
    public static func apply(_ event: ReportEvent, to c: inout Case) {
        switch event {
        case let .checkIn(checkIn): c.checkIns.append(checkIn)
        case let .workout(workout): c.workouts.append(workout)
        case let .nextDay(index, response): c.workouts[index].nextDay = response
        case let .screen(screen): c.screens.append(screen)
        case let .clearance(clearance): c.clearances.append(clearance)
        }
    }

    /// The case rebuilt from scratch from the intake and the reports (tests compare it with the grown one).
    public static func rebuild(intake: Intake, policy: ProgressionPolicy, unit: WeightUnit, events: [ReportEvent], asOf: Day)
        -> Case
    {
        var c = Case(asOf: asOf, policy: policy, unit: unit, intake: intake)
        for event in events { apply(event, to: &c) }
        return c
    }
}
