/// How much a red flag matters on its own, from the most to the least serious.
///
/// Source: the clinical model, section 2 (seeds 000, 001, 003 and the serious-pathology
/// screens of low back pain guidelines).
public enum FlagLevel: String, Codable, Sendable, DeclarationOrdered {
    /// Possible cauda equina or a fast-changing nerve problem: emergency care now.
    case emergency
    /// Possible serious pathology: see a doctor today; no plan until a clinician clears it.
    case urgent
    /// Needs a clinician's review before lifting; gentle movement only.
    case clinician
    /// Noted, not a referral on its own (for example age over 50).
    case weak

    public static let declaredMostFirst = true
}

/// A red-flag symptom or history item, named as in the public contract (`liftback triage --list`).
public enum RedFlag: String, Codable, Sendable, CaseIterable, Hashable {
    case bladderBowelDysfunction = "bladder-bowel-dysfunction"
    case saddleNumbness = "saddle-numbness"
    case bilateralLegSymptoms = "bilateral-leg-symptoms"
    case progressiveLegWeakness = "progressive-leg-weakness"
    case suddenLegWeakness = "sudden-leg-weakness"
    case fever
    case cannotStandOrWalk = "cannot-stand-or-walk"
    case cancerHistory = "cancer-history"
    case unexplainedWeightLoss = "unexplained-weight-loss"
    case significantTrauma = "significant-trauma"
    case osteoporosisOrSteroids = "osteoporosis-or-steroids"
    case ivDrugUse = "iv-drug-use"
    case immunosuppression
    case radiatingLegPain = "radiating-leg-pain"
    case numbnessTingling = "numbness-tingling"
    case burningPain = "burning-pain"
    case worseWithLightActivity = "worse-with-light-activity"
    case noImprovement2Weeks = "no-improvement-2-weeks"
    case dailyActivitiesImpossible = "daily-activities-impossible"
    case ageOver50 = "age-over-50"
    case constantNightPain = "constant-night-pain"

    /// New symptoms asked about after the intake, with every session and check-in (clinical model
    /// section 2 and 5b; seed 003: tingling, numbness or burning, sudden loss of strength; seed 001:
    /// both legs, progressive weakness, unable to stand or walk).
    public static let reportableLater: [RedFlag] = [
        .numbnessTingling, .burningPain, .radiatingLegPain, .suddenLegWeakness, .progressiveLegWeakness,
        .bilateralLegSymptoms, .cannotStandOrWalk, .saddleNumbness, .bladderBowelDysfunction, .fever,
    ]

    /// The level this flag carries on its own.
    public var level: FlagLevel {
        switch self {
        case .bladderBowelDysfunction, .saddleNumbness, .bilateralLegSymptoms, .progressiveLegWeakness,
            .suddenLegWeakness:
            .emergency
        case .fever, .cannotStandOrWalk, .cancerHistory, .unexplainedWeightLoss, .significantTrauma,
            .osteoporosisOrSteroids, .ivDrugUse, .immunosuppression:
            .urgent
        case .radiatingLegPain, .numbnessTingling, .burningPain, .worseWithLightActivity, .noImprovement2Weeks,
            .dailyActivitiesImpossible:
            .clinician
        case .ageOver50, .constantNightPain:
            .weak
        }
    }

    /// What the flag means, in the words a person would recognise.
    public var meaning: String {
        switch self {
        case .bladderBowelDysfunction: "New trouble controlling or passing urine or stools."
        case .saddleNumbness: "Numbness around the groin, buttocks or inner thighs (the saddle area)."
        case .bilateralLegSymptoms: "Numbness, tingling or weakness in both legs."
        case .progressiveLegWeakness: "A leg that is clearly weak or getting weaker."
        case .suddenLegWeakness: "A sudden loss of strength on one side, such as a foot that drops or gives way."
        case .fever: "A temperature above 38.3 °C (101 °F) together with the back pain."
        case .cannotStandOrWalk: "Pain so severe that standing or walking is not possible."
        case .cancerHistory: "Cancer now or in the past."
        case .unexplainedWeightLoss: "Weight loss without trying."
        case .significantTrauma: "The pain began with a fall, a crash or a heavy blow."
        case .osteoporosisOrSteroids: "Osteoporosis, or long-term steroid tablets."
        case .ivDrugUse: "Injecting drugs."
        case .immunosuppression: "A weakened immune system (from illness or medicines)."
        case .radiatingLegPain: "Sharp or shooting pain down a leg."
        case .numbnessTingling: "Numbness or tingling that has no clear reason."
        case .burningPain: "Burning pain, in the back or down a leg."
        case .worseWithLightActivity: "Pain that gets worse even with light activity."
        case .noImprovement2Weeks: "No improvement after two weeks of looking after it."
        case .dailyActivitiesImpossible: "Everyday tasks such as dressing or getting to work are not possible."
        case .ageOver50: "Aged over 50 (noted; not a reason to stop on its own)."
        case .constantNightPain: "Constant pain at night that no position eases (noted; not a reason to stop on its own)."
        }
    }
}
