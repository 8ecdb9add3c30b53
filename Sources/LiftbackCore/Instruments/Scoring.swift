import Foundation

extension Instrument {
    /// Parses the command line's answer list (`1,0,1,...`; `-` marks a missing ODI section).
    public func parseAnswers(_ text: String) throws(InstrumentError) -> [Int?] {
        let fields = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        return try fields.enumerated().map { (index, field) throws(InstrumentError) -> Int? in
            if field == "-" || field.isEmpty { return nil }
            guard let value = Int(field) else { throw .notANumber(instrument: self, item: index + 1, text: field) }
            return value
        }
    }

    /// Scores answers exactly as published. `nil` marks a missing answer, allowed only for one ODI section.
    ///
    /// - Throws: `InstrumentError` naming the first item at fault; nothing is guessed.
    public func score(_ answers: [Int?]) throws(InstrumentError) -> InstrumentScore {
        guard itemCount.contains(answers.count) else {
            throw .wrongCount(instrument: self, expected: itemCount, got: answers.count)
        }
        for (index, answer) in answers.enumerated() {
            if let value = answer, !allowedValues(item: index + 1).contains(value) {
                throw .valueOutOfRange(
                    instrument: self, item: index + 1, value: value, allowed: allowedValues(item: index + 1))
            }
        }
        let missing = answers.indices.filter { answers[$0] == nil }.map { $0 + 1 }
        if self == .odi {
            if missing.count >= 2 { throw .notComputable(instrument: self, missingItems: missing) }
        } else if let first = missing.first {
            throw .missingItem(instrument: self, item: first)
        }
        let values = answers.map { $0 ?? 0 }
        switch self {
        case .startback: return Self.scoreStartBack(values)
        case .odi: return Self.scoreODI(answers)
        case .rmdq: return Self.scoreRMDQ(values)
        case .tsk11: return Self.scoreTSK11(values)
        case .fabq: return Self.scoreFABQ(values)
        case .psfs: return Self.scorePSFS(values)
        }
    }

    /// STarT Back: items 1-8 agree = 1; item 9 scores 1 for "very much" (3) or "extremely" (4).
    /// Total 0-9; psychosocial subscale items 5-9; total 0-3 low, psychosocial 4-5 high, else medium.
    static func scoreStartBack(_ values: [Int]) -> InstrumentScore {
        let itemScores = values.enumerated().map { index, value in index == 8 ? (value >= 3 ? 1 : 0) : value }
        let total = itemScores.reduce(0, +)
        let psychosocial = itemScores[4...8].reduce(0, +)
        let category = total <= 3 ? "low" : psychosocial >= 4 ? "high" : "medium"
        let reading =
            switch category {
            case "low": "Low risk of a long course: simple advice and graded activity usually suffice."
            case "high":
                "High risk: worries and low mood are weighing on recovery, so psychologically informed physiotherapy helps most."
            default: "Medium risk: physiotherapy-led exercise and support are recommended."
            }
        return InstrumentScore(
            instrument: .startback, score: Double(total), category: category, psychosocial: psychosocial,
            range: 0...9, answered: 9, interpretation: reading)
    }

    /// ODI v2.1a: 100 x sum / (5 x answered sections), one decimal; bands 0-20 minimal,
    /// 21-40 moderate, 41-60 severe, 61-80 crippled, 81-100 bed-bound.
    static func scoreODI(_ answers: [Int?]) -> InstrumentScore {
        let answered = answers.compactMap { $0 }
        let percent = roundedToTenth(100 * Double(answered.reduce(0, +)) / Double(5 * answered.count))
        let band = ODIBand(percent: percent)
        return InstrumentScore(
            instrument: .odi, score: percent, category: band.rawValue, range: 0...100, answered: answered.count,
            interpretation: band.reading)
    }

    static func scoreRMDQ(_ values: [Int]) -> InstrumentScore {
        let total = values.reduce(0, +)
        return InstrumentScore(
            instrument: .rmdq, score: Double(total), range: 0...24, answered: 24,
            interpretation: "\(total) of 24 everyday activities are limited by the back today; lower is better.")
    }

    /// TSK-11: sum of 11 items scored 1-4, no reversed items; no validated cut-off exists.
    static func scoreTSK11(_ values: [Int]) -> InstrumentScore {
        let total = values.reduce(0, +)
        return InstrumentScore(
            instrument: .tsk11, score: Double(total), range: 11...44, answered: 11,
            interpretation:
                "Fear of movement scored \(total) of 44; lower is better. Follow it over time: a fall of 4 or more is a real change."
        )
    }

    /// FABQ: physical activity = items 2-5 (0-24); work = items 6, 7, 9, 10, 11, 12, 15 (0-42).
    static func scoreFABQ(_ values: [Int]) -> InstrumentScore {
        let physical = FABQ.physicalActivityItems.map { values[$0 - 1] }.reduce(0, +)
        let work = FABQ.workItems.map { values[$0 - 1] }.reduce(0, +)
        var reading =
            physical > FABQ.physicalActivityElevatedAbove
            ? "Beliefs that activity will harm the back are elevated (physical activity \(physical) > \(FABQ.physicalActivityElevatedAbove))."
            : "Beliefs about physical activity are not elevated (physical activity \(physical) of 24)."
        if work > FABQ.workHighRiskAbove {
            reading += " Work beliefs \(work) > \(FABQ.workHighRiskAbove): a higher chance of a long time off work."
        } else if work < FABQ.workLowRiskBelow {
            reading += " Work beliefs \(work) < \(FABQ.workLowRiskBelow): a low chance of a long time off work."
        }
        return InstrumentScore(
            instrument: .fabq, score: Double(physical + work), physicalActivity: physical, work: work, range: 0...66,
            answered: 16, interpretation: reading)
    }

    /// PSFS: mean of the rated activities (0 unable, 10 as before), one decimal.
    static func scorePSFS(_ values: [Int]) -> InstrumentScore {
        let mean = roundedToTenth(Double(values.reduce(0, +)) / Double(values.count))
        return InstrumentScore(
            instrument: .psfs, score: mean, range: 0...10, answered: values.count,
            interpretation: "Your chosen activities average \(mean) of 10, where 10 is as before the problem.")
    }
}

/// FABQ subscales and the cut-offs in use (George et al., JOSPT 2008; Fritz & George 2002).
public enum FABQ {
    public static let physicalActivityItems = [2, 3, 4, 5]
    public static let workItems = [6, 7, 9, 10, 11, 12, 15]
    public static let physicalActivityElevatedAbove = 14
    public static let workHighRiskAbove = 34
    public static let workLowRiskBelow = 30
}

/// Oswestry Disability Index bands (Fairbank & Pynsent 2000).
public enum ODIBand: String, Codable, Sendable, CaseIterable {
    case minimal, moderate, severe, crippled
    case bedBound = "bed-bound"

    /// Section names of ODI v2.1a, in order. Item texts are licensed and supplied by a deployment.
    public static let sections = [
        "Pain intensity", "Personal care", "Lifting", "Walking", "Sitting", "Standing", "Sleeping", "Sex life",
        "Social life", "Travelling",
    ]

    public init(percent: Double) {
        self =
            switch percent {
            case ...20: .minimal
            case ...40: .moderate
            case ...60: .severe
            case ...80: .crippled
            default: .bedBound
            }
    }

    var reading: String {
        switch self {
        case .minimal: "Minimal disability: most everyday activities are manageable."
        case .moderate: "Moderate disability: sitting, lifting and standing are harder than usual."
        case .severe: "Severe disability: back pain limits much of daily life."
        case .crippled: "Back pain affects nearly every part of daily life (the published band name is 'crippled')."
        case .bedBound: "The highest band (published as 'bed-bound'): please make sure a clinician knows how things are."
        }
    }
}
