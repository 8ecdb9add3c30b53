import Foundation
import Testing

@testable import LiftbackCore

/// The progress the person and their clinician see, computed in the core from a case.
@Suite("Progress summary")
struct ProgressSummaryTests {
    @Test(
        "Hinge lifts read as deadlift equivalents against the previous working weight; next mornings and questionnaires summed up"
    )
    func summary() throws {
        let start = Day(iso: "2026-11-02")!
        let intake = Intake(
            date: start, pattern: .muscular,
            previousWorkingWeights: [WorkingWeight(exercise: "conventional-deadlift", weight: 100, reps: 5)], pain: 4)
        func hinge(_ days: Int, _ weight: Double, _ next: NextDayResponse?, pain: Int) -> Workout {
            Workout(
                date: start.adding(days: days),
                exercises: [
                    LoggedExercise(exercise: "trap-bar-deadlift", sets: [LoggedSet(weight: weight, reps: 8, pain: pain)])
                ], nextDay: next)
        }
        let squat = Workout(
            date: start.adding(days: 12),
            exercises: [LoggedExercise(exercise: "goblet-squat", sets: [LoggedSet(weight: 16, reps: 8, pain: 1)])])
        let c = Case(
            asOf: start.adding(days: 14), intake: intake,
            workouts: [hinge(7, 60, .settled, pain: 2), hinge(10, 70, .worse, pain: 3), squat],
            checkIns: [CheckIn(date: start.adding(days: 8), pain: 2)])
        let rmdq = { (yes: Int) in
            try Instrument.rmdq.score(Array(repeating: 1, count: yes) + Array(repeating: 0, count: 24 - yes))
        }
        let summary = ProgressSummary(
            c, questionnaires: [(start, try rmdq(12)), (start.adding(days: 14), try rmdq(4))], catalog: .standard)
        #expect(summary.hingeLoad.map(\.value) == [60, 70] && summary.previousWorkingWeight == 100)
        #expect(summary.percentOfPrevious == 70)
        #expect(summary.painDuring.map(\.value) == [2, 3, 1] && summary.checkIns.map(\.value) == [2])
        #expect(summary.answeredSessions == 2 && summary.settledSessions == 1)
        let trend = try #require(summary.questionnaires.first)
        #expect(summary.questionnaires.count == 1 && trend.scores.map(\.value) == [12, 4])
        #expect(trend.change?.direction == .improved)
        // One questionnaire alone has no change to show.
        let once = ProgressSummary(c, questionnaires: [(start, try rmdq(12))], catalog: .standard)
        #expect(once.questionnaires.first?.change == nil)
    }

    @Test("Under the pain-free policy no page says that some pain during a session is fine")
    func painFreeWords() {
        let settings = EngineSettings()
        for phase in [Phase.reintroduceLifting, .returnToPerformance] {
            let free = SessionPlan.advice(for: phase, policy: .painFree, settings: settings).joined(separator: " ")
            #expect(!free.contains("/10") && free.contains("without pain"))
            let monitored = SessionPlan.advice(for: phase, policy: .painMonitoring, settings: settings).joined(separator: " ")
            #expect(monitored.contains("at or below \(settings.acceptablePainMax)/10"))
        }
        let intake = Intake(date: Day(iso: "2026-11-02")!, pattern: .muscular)
        let c = Case(asOf: intake.date, policy: .painFree, intake: intake)
        #expect(ProgressSummary(c, questionnaires: [], catalog: .standard).policy.duringRule(settings).contains("without pain"))
    }
}
