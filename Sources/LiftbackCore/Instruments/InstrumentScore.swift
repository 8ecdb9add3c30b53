/// The score of one completed questionnaire, in the shape of the public contract
/// (`liftback score`): `instrument`, `score`, `category`, `psychosocial`, `physicalActivity`, `work`.
public struct InstrumentScore: Codable, Sendable, Equatable {
    public var instrument: Instrument
    /// STarT Back total, ODI percent (one decimal), RMDQ count, TSK-11 total, FABQ physical
    /// activity + work, PSFS mean (one decimal).
    public var score: Double
    /// `low`/`medium`/`high` (STarT Back) or the ODI band.
    public var category: String?
    /// STarT Back psychosocial subscale (items 5-9).
    public var psychosocial: Int?
    /// FABQ physical activity subscale (items 2-5).
    public var physicalActivity: Int?
    /// FABQ work subscale (items 6, 7, 9, 10, 11, 12, 15).
    public var work: Int?
    /// The lowest and highest possible score.
    public var range: [Double]
    /// How many items were answered (ODI may miss one section).
    public var answered: Int
    /// Plain-language reading of the score; never a diagnosis.
    public var interpretation: String

    public init(
        instrument: Instrument, score: Double, category: String? = nil, psychosocial: Int? = nil,
        physicalActivity: Int? = nil, work: Int? = nil, range: ClosedRange<Double>, answered: Int,
        interpretation: String
    ) {
        self.instrument = instrument
        self.score = score
        self.category = category
        self.psychosocial = psychosocial
        self.physicalActivity = physicalActivity
        self.work = work
        self.range = [range.lowerBound, range.upperBound]
        self.answered = answered
        self.interpretation = interpretation
    }
}

/// Rounds half away from zero to one decimal, as published scores are reported.
func roundedToTenth(_ value: Double) -> Double { (value * 10).rounded(.toNearestOrAwayFromZero) / 10 }
