import Foundation
import LiftbackCore
import Testing

@testable import LiftbackServer

@Suite("Stick figures drawn from joint angles")
struct FigureTests {
    @Test("Every catalogue figure draws inside its own frame, standing on its ground line, with a name for screen readers")
    func everyFigureFits() throws {
        for exercise in Catalog.standard.exercises {
            let figure = try #require(StandardFigures.figures[exercise.id])
            for pose in [figure.start] + (figure.end.map { [$0] } ?? []) {
                let svg = FigureView.svg(pose, label: "x").description
                let box = try #require(svg.firstMatch(of: /viewBox="0 0 (\d+) (\d+)"/))
                let (width, height) = (Int(box.1)!, Int(box.2)!)
                #expect(width >= 40 && height > 0 && width <= 200 && height <= 200, "\(exercise.id)")
                for match in svg.matches(of: /(-?\d+),(-?\d+)/) {
                    let (x, y) = (Int(match.1)!, Int(match.2)!)
                    #expect(
                        (0...width).contains(x) && (0...height).contains(y),
                        "\(exercise.id): \(x),\(y) outside \(width)x\(height)")
                }
                #expect(svg.contains(#"role="img" aria-label="x""#))
            }
        }
    }

    @Test("A standing figure stands: head on top, feet on the ground line")
    func standingIsUpright() {
        let (near, _, head, _) = FigureView.skeleton(Pose())
        let ankle = near[1][2]
        #expect(head.y > 30 && abs(head.x) < 0.01 && abs(ankle.y + 44) < 0.01)
    }
}
