import Foundation
import LiftbackCore

/// An exercise's stick figure drawn as SVG from its pose's joint angles (`Pose`, `StandardFigures`):
/// the start and, for a movement, the end position, with the cues beside them. Seen from the side,
/// facing right; the far arm and leg are drawn lighter, behind.
enum FigureView {
    static let trunk = 30.0
    static let thigh = 22.0
    static let shin = 22.0
    static let upperArm = 15.0
    static let forearm = 14.0
    static let head = 5.0

    struct Point { var x: Double, y: Double }

    /// A limb's direction for an angle from straight down (positive forward), y pointing up.
    static func limb(_ degrees: Double) -> Point {
        let radians = degrees * .pi / 180
        return Point(x: sin(radians), y: -cos(radians))
    }

    static func step(_ from: Point, _ length: Double, _ direction: Point) -> Point {
        Point(x: from.x + length * direction.x, y: from.y + length * direction.y)
    }

    /// The figure's lines (near and far) and its head, from the hip at the origin.
    static func skeleton(_ pose: Pose) -> (near: [[Point]], far: [[Point]], head: Point, hand: Point) {
        let hip = Point(x: 0, y: 0)
        let up = pose.trunk * .pi / 180
        let shoulder = step(hip, trunk, Point(x: sin(up), y: cos(up)))
        let headCentre = step(shoulder, head + 3, Point(x: sin(up), y: cos(up)))
        func leg(_ thighAngle: Double, _ shinAngle: Double) -> [Point] {
            let knee = step(hip, thigh, limb(thighAngle))
            let ankle = step(knee, shin, limb(shinAngle))
            return [hip, knee, ankle, step(ankle, 5, limb(shinAngle + 90))]
        }
        func arm(_ upper: Double, _ fore: Double) -> [Point] {
            let elbow = step(shoulder, upperArm, limb(upper))
            return [shoulder, elbow, step(elbow, forearm, limb(fore))]
        }
        let nearArm = arm(pose.upperArm, pose.forearm)
        return (
            near: [[hip, shoulder], leg(pose.thigh, pose.shin), nearArm],
            far: [
                leg(pose.farThigh ?? pose.thigh, pose.farShin ?? pose.shin),
                arm(pose.farUpperArm ?? pose.upperArm, pose.farForearm ?? pose.forearm),
            ],
            head: headCentre, hand: nearArm[2]
        )
    }

    /// One pose as a small SVG, standing on a ground line under its lowest point.
    static func svg(_ pose: Pose, label: String) -> HTML {
        let (near, far, headCentre, hand) = skeleton(pose)
        let points = (near + far).flatMap { $0 } + [headCentre, hand]
        let pad = 7.0
        let minX = (points.map(\.x) + [headCentre.x - head]).min()! - pad
        let maxX = (points.map(\.x) + [headCentre.x + head]).max()! + pad
        let minY = (points.map(\.y) + [headCentre.y - head]).min()!
        let maxY = (points.map(\.y) + [headCentre.y + head]).max()! + pad
        let width = max(maxX - minX, 40)
        let height = maxY - minY + pad
        // SVG's y points down: a point's drawn y is its distance below the top.
        func at(_ p: Point) -> String { "\(Int(rounding: p.x - minX) ?? 0),\(Int(rounding: maxY - p.y) ?? 0)" }
        let ground = Int(rounding: maxY - minY) ?? 0
        func lines(_ list: [[Point]], _ colour: String) -> String {
            list.map { "<polyline points=\"\($0.map(at).joined(separator: " "))\" stroke=\"\(colour)\"/>" }.joined()
        }
        let weight =
            pose.weight
            ? "<circle cx=\"\(Int(rounding: hand.x - minX) ?? 0)\" cy=\"\(Int(rounding: maxY - hand.y) ?? 0)\" r=\"4\" fill=\"#1b2430\"/>"
            : ""
        return HTML(
            raw: """
                <svg class="figure" viewBox="0 0 \(Int(rounding: width) ?? 40) \(Int(rounding: height) ?? 40)" role="img" aria-label="\(HTML.escape(label))">\
                <line x1="0" x2="\(Int(rounding: width) ?? 40)" y1="\(ground)" y2="\(ground)" stroke="#8a94a3" stroke-width="1"/>\
                <g fill="none" stroke-width="3" stroke-linecap="round" stroke-linejoin="round">\(lines(far, "#9aa4b2"))\(lines(near, "#1b2430"))</g>\
                <circle cx="\(Int(rounding: headCentre.x - minX) ?? 0)" cy="\(Int(rounding: maxY - headCentre.y) ?? 0)" r="\(Int(head))" fill="#fff" stroke="#1b2430" stroke-width="3"/>\(weight)</svg>
                """)
    }

    /// The exercise's picture and cues, folded away under "How it looks".
    static func details(for exercise: Exercise) -> HTML {
        guard let figure = StandardFigures.figures[exercise.id] else { return "" }
        let name = exercise.name.lowercased()
        let pictures: HTML =
            figure.end.map { end in
                "<figure><figcaption>Start</figcaption>\(svg(figure.start, label: "Stick figure: the start position of \(name)"))</figure><figure><figcaption>End</figcaption>\(svg(end, label: "Stick figure: the end position of \(name)"))</figure>"
            }
            ?? "<figure><figcaption>Hold</figcaption>\(svg(figure.start, label: "Stick figure: the position of \(name)"))</figure>"
        let cues = [exercise.cue] + exercise.pattern.cues
        return """
            <details class="how"><summary>How it looks</summary><div class="figures">\(pictures)</div>\
            <ul class="compact">\(cues.html { "<li>\($0)</li>" })</ul></details>
            """
    }
}
