/// How one exposure to an exercise was tolerated, with the numbers behind it.
public enum Tolerance: Equatable, Sendable {
    /// No pain during or after, and the next day was not worse.
    case painFree
    /// Within the pain monitoring model: up to the acceptable maximum, settled the next day.
    case acceptable
    /// Some pain that the pain-free policy does not progress on.
    case notPainFree
    /// Over the acceptable maximum, worse the next day, stopped early or locked up.
    case tooMuch(String)
    /// The next-day response is not known yet.
    case awaitingNextDay
}

/// One session's worth of one exercise, reduced to what the rules need.
public struct Exposure: Equatable, Sendable {
    public var date: Day
    public var exercise: ExerciseID
    /// The heaviest set's weight, in the case's unit.
    public var weight: Double?
    public var setCount: Int
    /// The fewest reps (or seconds) across the sets.
    public var amount: Int?
    public var tempo: String?
    public var pauseSeconds: Int?
    public var painDuring: Int?
    public var painAfter: Int?
    public var nextDay: NextDayResponse?
    public var stoppedEarly: Bool
    public var lockedUp: Bool

    init(workout: Workout, logged: LoggedExercise) {
        date = workout.date
        exercise = logged.exercise
        weight = logged.sets.compactMap(\.weight).max()
        setCount = logged.sets.count
        amount = logged.sets.compactMap { $0.reps ?? $0.holdSeconds }.min()
        tempo = logged.sets.last(where: { $0.tempo != nil })?.tempo
        pauseSeconds = logged.sets.compactMap(\.pauseSeconds).max()
        let setPain = logged.sets.compactMap(\.pain).max()
        painDuring = [logged.painDuring ?? workout.painDuring, setPain].compactMap { $0 }.max()
        painAfter = workout.painAfter
        nextDay = workout.nextDay
        stoppedEarly = workout.stoppedEarly ?? false
        lockedUp = workout.lockedUp ?? false
    }

    /// The peak pain reported for this exposure, during or after.
    public var peakPain: Int? { [painDuring, painAfter].compactMap { $0 }.max() }

    /// Classifies the exposure (domain spec section 5): too much first, then acceptable or pain-free.
    public func tolerance(policy: ProgressionPolicy, settings: EngineSettings) -> Tolerance {
        if stoppedEarly { return .tooMuch("the session was stopped early for a new or sharp symptom") }
        if lockedUp { return .tooMuch("the back felt locked up for hours afterwards") }
        if let pain = painDuring, pain > settings.acceptablePainMax {
            return .tooMuch("pain reached \(pain)/10 during it, above \(settings.acceptablePainMax)/10")
        }
        if let pain = painAfter, pain > settings.acceptablePainMax {
            return .tooMuch("pain was \(pain)/10 afterwards, above \(settings.acceptablePainMax)/10")
        }
        if nextDay == .worse { return .tooMuch("the back was worse the next day") }
        guard nextDay != nil else { return .awaitingNextDay }
        if (painDuring ?? 0) == 0, (painAfter ?? 0) == 0 { return .painFree }
        return policy == .painFree ? .notPainFree : .acceptable
    }
}
