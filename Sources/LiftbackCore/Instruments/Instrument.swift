/// A validated questionnaire that Liftback scores (scored as published; sources in docs/clinical-model.md).
public enum Instrument: String, Codable, Sendable, CaseIterable {
    /// STarT Back Screening Tool (Hill et al., Arthritis Rheum 2008;59:632-41).
    case startback
    /// Oswestry Disability Index v2.1a (Fairbank & Pynsent, Spine 2000;25:2940-52).
    case odi
    /// Roland-Morris Disability Questionnaire (Roland & Morris, Spine 1983;8:141-4).
    case rmdq
    /// Tampa Scale for Kinesiophobia, 11 items (Woby et al., Pain 2005;117:137-44).
    case tsk11
    /// Fear-Avoidance Beliefs Questionnaire (Waddell et al., Pain 1993;52:157-68).
    case fabq
    /// Patient-Specific Functional Scale (Stratford et al., Physiother Can 1995;47:258-63).
    case psfs

    /// The accepted number of answers.
    public var itemCount: ClosedRange<Int> {
        switch self {
        case .startback: 9...9
        case .odi: 10...10
        case .rmdq: 24...24
        case .tsk11: 11...11
        case .fabq: 16...16
        case .psfs: 1...5
        }
    }

    /// The numbers of a full set of items, from 1: the questions a form asks.
    public var itemNumbers: ClosedRange<Int> { 1...itemCount.upperBound }

    /// The allowed values of one item (1-based).
    public func allowedValues(item: Int) -> ClosedRange<Int> {
        switch self {
        case .startback: item == 9 ? 0...4 : 0...1
        case .odi: 0...5
        case .rmdq: 0...1
        case .tsk11: 1...4
        case .fabq: 0...6
        case .psfs: 0...10
        }
    }

    /// Whether a higher score means the person is doing better.
    public var higherIsBetter: Bool { self == .psfs }
}

/// Why a set of answers cannot be scored. Each case names the item at fault.
extension Instrument {
    /// The questionnaire's name as clinicians say it.
    public var title: String {
        switch self {
        case .startback: "STarT Back"
        case .odi: "Oswestry (ODI)"
        case .rmdq: "Roland-Morris"
        case .tsk11: "Tampa Scale (TSK-11)"
        case .fabq: "Fear-Avoidance Beliefs (FABQ)"
        case .psfs: "Patient-Specific Functional Scale"
        }
    }
}

public enum InstrumentError: Error, Equatable, Sendable, CustomStringConvertible {
    case wrongCount(instrument: Instrument, expected: ClosedRange<Int>, got: Int)
    case valueOutOfRange(instrument: Instrument, item: Int, value: Int, allowed: ClosedRange<Int>)
    case notANumber(instrument: Instrument, item: Int, text: String)
    case missingItem(instrument: Instrument, item: Int)
    case notComputable(instrument: Instrument, missingItems: [Int])

    public var description: String {
        switch self {
        case let .wrongCount(instrument, expected, got):
            let want =
                expected.lowerBound == expected.upperBound
                ? "\(expected.lowerBound)" : "\(expected.lowerBound) to \(expected.upperBound)"
            return "\(instrument.rawValue): expected \(want) answers, got \(got)"
        case let .valueOutOfRange(instrument, item, value, allowed):
            return "\(instrument.rawValue) item \(item): \(value) is outside \(allowed.lowerBound)-\(allowed.upperBound)"
        case let .notANumber(instrument, item, text):
            return "\(instrument.rawValue) item \(item): \"\(text)\" is not a whole number"
        case let .missingItem(instrument, item):
            return "\(instrument.rawValue) item \(item): an answer is required"
        case let .notComputable(instrument, missing):
            return
                "\(instrument.rawValue): not computable with \(missing.count) sections missing (items \(missing.map(String.init).joined(separator: ", "))); at most one may be missing"
        }
    }

    /// The 1-based item at fault, when there is one.
    public var item: Int? {
        switch self {
        case let .valueOutOfRange(_, item, _, _), let .notANumber(_, item, _), let .missingItem(_, item): item
        case let .notComputable(_, missing): missing.first
        case .wrongCount: nil
        }
    }
}
