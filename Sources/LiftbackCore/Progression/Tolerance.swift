/// How one exposure to an exercise was tolerated, with the numbers behind it.
public enum Tolerance: Equatable, Sendable {
    /// No pain during or after, and the next day was not worse.
    case painFree
    /// Within the pain monitoring model: up to the acceptable maximum, settled the next day.
    case acceptable
    /// Some pain that the pain-free policy does not progress on.
    case notPainFree
    /// Over the acceptable maximum, worse the next day, stopped early or locked up.
    case tooMuch(TooMuch)
    /// The next-day response is not known yet.
    case awaitingNextDay
    /// No pain score was logged for the session: it cannot count as pain-free or acceptable.
    case painNotReported
}

/// Why a session counted as too much (clinical model, section 5).
public enum TooMuch: Equatable, Sendable {
    case stoppedEarly
    case lockedUp
    case painDuring(Int)
    case painAfter(Int)
    case worseNextDay

    /// The reason in plain words, with its numbers.
    public func describe(limit: Int) -> String {
        switch self {
        case .stoppedEarly: "the session was stopped early for a new or sharp symptom"
        case .lockedUp: "the back felt locked up for hours afterwards"
        case let .painDuring(pain): "pain reached \(pain)/10 during it, above \(limit)/10"
        case let .painAfter(pain): "pain was \(pain)/10 afterwards, above \(limit)/10"
        case .worseNextDay: "the back was worse the next day"
        }
    }
}

/// One session's worth of one exercise, reduced to what the rules need.
///
/// Plain values only (no references), so building one per logged exercise of a long history costs
/// no reference counting.
public struct Exposure: Equatable, Sendable {
    public var date: Day
    /// The exercise's position in the catalogue it was built with.
    public var exerciseIndex: Int
    /// The heaviest set's weight, in the case's unit.
    public var weight: Double?
    public var setCount: Int
    /// The fewest reps (or seconds) across the sets.
    public var amount: Int?
    public var tempo: Tempo?
    public var pauseSeconds: Int?
    public var painDuring: Int?
    public var painAfter: Int?
    public var nextDay: NextDayResponse?
    /// The next-day answer was read from a check-in the next morning, not given directly.
    public var nextDayFromCheckIn = false
    public var stoppedEarly: Bool
    public var lockedUp: Bool

    init(workout: Workout, logged: LoggedExercise, exerciseIndex: Int, inferredNextDay: NextDayResponse? = nil) {
        date = workout.date
        self.exerciseIndex = exerciseIndex
        setCount = logged.sets.count
        // One pass over the sets, without intermediate arrays: this runs for every exposure of a history.
        var weight: Double?
        var amount: Int?
        var tempoText: String?
        var pause: Int?
        var pain = logged.painDuring ?? workout.painDuring
        for set in logged.sets {
            if let w = set.weight, w > (weight ?? -1) { weight = w }
            if let a = set.reps ?? set.holdSeconds, a < (amount ?? .max) { amount = a }
            if let t = set.tempo { tempoText = t }
            if let p = set.pauseSeconds, p > (pause ?? -1) { pause = p }
            if let p = set.pain, p > (pain ?? -1) { pain = p }
        }
        self.weight = weight
        self.amount = amount
        tempo = tempoText.flatMap(Tempo.init)
        pauseSeconds = pause
        painDuring = pain
        painAfter = workout.painAfter
        nextDay = workout.nextDay ?? inferredNextDay
        nextDayFromCheckIn = workout.nextDay == nil && inferredNextDay != nil
        stoppedEarly = workout.stoppedEarly ?? false
        lockedUp = workout.lockedUp ?? false
    }

    /// The peak pain reported for this exposure, during or after.
    public var peakPain: Int? { [painDuring, painAfter].compactMap { $0 }.max() }

    /// Classifies the exposure (clinical model, section 5): too much first, then acceptable or pain-free.
    public func tolerance(policy: ProgressionPolicy, settings: EngineSettings) -> Tolerance {
        if stoppedEarly { return .tooMuch(.stoppedEarly) }
        if lockedUp { return .tooMuch(.lockedUp) }
        if let pain = painDuring, pain > settings.acceptablePainMax { return .tooMuch(.painDuring(pain)) }
        if let pain = painAfter, pain > settings.acceptablePainMax { return .tooMuch(.painAfter(pain)) }
        if nextDay == .worse { return .tooMuch(.worseNextDay) }
        guard painDuring != nil || painAfter != nil else { return .painNotReported }
        guard nextDay != nil else { return .awaitingNextDay }
        if (painDuring ?? 0) == 0, (painAfter ?? 0) == 0 { return .painFree }
        return policy == .painFree ? .notPainFree : .acceptable
    }
}
