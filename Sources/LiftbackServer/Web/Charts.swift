import LiftbackCore

/// Small server-rendered SVG line charts with a plain-language caption. The axis labels are HTML
/// beside the drawing, not text inside it, so that they stay at least 12 px however narrow the
/// phone (an SVG's text shrinks with it), and the drawing never needs a sideways scroll.
enum Chart {
    struct Series {
        var label: String
        var points: [(x: Int, y: Double)]
        var color: String
    }

    /// A line chart with the unit on its value axis; `reference` draws a dashed horizontal line
    /// (for example the previous working weight), named in the legend.
    static func line(
        title: String, caption: String, unit: String, series: [Series], reference: (label: String, value: Double)? = nil,
        yMax: Double? = nil
    ) -> HTML {
        let width = 400.0
        let height = 180.0
        let pad = 6.0
        let xs = series.flatMap { $0.points.map(\.x) }
        guard let minX = xs.min(), let maxX = xs.max() else {
            return "<figure class=\"chart\"><figcaption><strong>\(title)</strong>: nothing logged yet.</figcaption></figure>"
        }
        let ys = series.flatMap { $0.points.map(\.y) } + (reference.map { [$0.value] } ?? [])
        let upper = yMax ?? max(1, (ys.max() ?? 1) * 1.1)
        func px(_ x: Int) -> Double { pad + (width - 2 * pad) * (maxX == minX ? 0.5 : Double(x - minX) / Double(maxX - minX)) }
        func py(_ y: Double) -> Double { pad + (height - 2 * pad) * (1 - y / upper) }
        // A coordinate on the canvas, whatever the data: a point off the scale is drawn at its edge.
        func at(_ v: Double) -> Int { Int(rounding: min(max(v, -1e6), 1e6)) ?? 0 }
        let lines = series.html { s in
            let path = s.points.map { "\(at(px($0.x))),\(at(py($0.y)))" }.joined(separator: " ")
            let dots = s.points.html { "<circle cx=\"\(at(px($0.x)))\" cy=\"\(at(py($0.y)))\" r=\"3.5\" fill=\"\(s.color)\"/>" }
            return "<polyline fill=\"none\" stroke=\"\(s.color)\" stroke-width=\"2.5\" points=\"\(path)\"/>\(dots)"
        }
        let referenceLine: HTML =
            reference.map { ref in
                "<line x1=\"0\" x2=\"\(at(width))\" y1=\"\(at(py(ref.value)))\" y2=\"\(at(py(ref.value)))\" stroke=\"#8a4b00\" stroke-width=\"2\" stroke-dasharray=\"8 5\"/>"
            } ?? ""
        let keys = series.html {
            "<span class=\"key\"><svg width=\"12\" height=\"12\" aria-hidden=\"true\"><rect width=\"12\" height=\"12\" fill=\"\($0.color)\"/></svg> \($0.label)</span>"
        }
        let referenceKey: HTML =
            reference.map {
                "<span class=\"key\"><svg width=\"18\" height=\"12\" aria-hidden=\"true\"><line x1=\"0\" x2=\"18\" y1=\"6\" y2=\"6\" stroke=\"#8a4b00\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/></svg> \($0.label): \(formatNumber($0.value)) \(unit)</span>"
            } ?? ""
        let first = Day(ordinal: minX)
        let last = Day(ordinal: maxX)
        return """
            <figure class="chart">
            <figcaption><strong>\(title)</strong></figcaption>
            <div class="plot">
            <div class="y-axis" aria-hidden="true"><span>\(formatNumber(upper)) \(unit)</span><span>0 \(unit)</span></div>
            <svg viewBox="0 0 \(at(width)) \(at(height))" role="img" aria-label="\(title): \(caption)">
            <line x1="0" x2="0" y1="0" y2="\(at(height))" stroke="#8a94a3"/>
            <line x1="0" x2="\(at(width))" y1="\(at(height - 0.5))" y2="\(at(height - 0.5))" stroke="#8a94a3"/>
            \(referenceLine)
            \(lines)
            </svg>
            <div></div>
            <div class="x-axis" aria-hidden="true"><span>\(first.shortDate)</span>\(first == last ? "" : HTML("<span>\(last.shortDate)</span>"))</div>
            </div>
            <p class="legend">\(keys)\(referenceKey)</p>
            <p class="muted">\(caption)</p>
            </figure>
            """
    }
}

extension Day {
    /// A day as a chart's axis writes it: "2 Nov 2026".
    var shortDate: String {
        let (year, month, day) = parts
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(day) \(months[month - 1]) \(year)"
    }
}
