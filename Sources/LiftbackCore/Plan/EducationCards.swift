/// Short education cards for each phase, in Liftback's own words (clinical model, section 1: reassure,
/// educate, build confidence; never frighten with form-policing).
public struct EducationCard: Codable, Sendable, Equatable {
    public var title: String
    public var text: String
}

extension Phase {
    public func educationCards(settings: EngineSettings) -> [EducationCard] {
        var cards = [
            EducationCard(
                title: "Your spine is built to carry load",
                text:
                    "Most back pain, lifting-related pain included, is not damage. Backs settle with time, and scans often show changes in people with no pain at all."
            )
        ]
        switch self {
        case .settle:
            cards.append(
                EducationCard(
                    title: "Movement helps more than rest",
                    text:
                        "Bed rest tends to stiffen things. Short, easy walks through the day keep the back moving while it calms down."
                ))
        case .restoreMovement:
            cards.append(
                EducationCard(
                    title: "Some discomfort is allowed",
                    text:
                        "Gentle exercises may feel a little sore. Up to a mild level that settles by the next morning is a normal part of getting moving again."
                ))
        case .buildCapacity:
            cards.append(
                EducationCard(
                    title: "Capacity comes from graded load",
                    text:
                        "Avoiding movement lowers what the back can tolerate. Small, regular doses raise it again, a little each week."
                ))
        case .reintroduceLifting, .returnToPerformance:
            cards.append(
                EducationCard(
                    title: "There is no single perfect technique",
                    text:
                        "Some rounding of the back is normal and safe. What matters most is a load you can control and steps small enough for your back to keep up."
                ))
            cards.append(
                EducationCard(
                    title: "Setbacks are part of the process",
                    text:
                        "If symptoms climb, the plan steps back for \(Words.duration(days: settings.holdDays)) and then tries again. That is the method working, not failure."
                ))
        }
        return cards
    }
}
