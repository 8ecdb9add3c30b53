import LiftbackCore

/// Small server-rendered SVG line charts with a plain-language caption.
enum Chart {
    struct Series {
        var label: String
        var points: [(x: Int, y: Double)]
        var color: String
    }

    /// A line chart; `reference` draws a dashed horizontal line (for example the previous working weight).
    static func line(
        title: String, caption: String, series: [Series], reference: (label: String, value: Double)? = nil, yMax: Double? = nil
    )
        -> HTML
    {
        let width = 600.0
        let height = 220.0
        let left = 40.0
        let bottom = 24.0
        let top = 12.0
        let xs = series.flatMap { $0.points.map(\.x) }
        guard let minX = xs.min(), let maxX = xs.max() else {
            return "<figure><figcaption><strong>\(title)</strong>: nothing logged yet.</figcaption></figure>"
        }
        let ys = series.flatMap { $0.points.map(\.y) } + (reference.map { [$0.value] } ?? [])
        let upper = yMax ?? max(1, (ys.max() ?? 1) * 1.1)
        func px(_ x: Int) -> Double { left + (width - left - 8) * (maxX == minX ? 0.5 : Double(x - minX) / Double(maxX - minX)) }
        func py(_ y: Double) -> Double { top + (height - top - bottom) * (1 - y / upper) }
        // A coordinate on the canvas, whatever the data: a point off the scale is drawn at its edge.
        func at(_ v: Double) -> Int { Int(rounding: min(max(v, -1e6), 1e6)) ?? 0 }
        let lines = series.html { s in
            let path = s.points.map { "\(at(px($0.x))),\(at(py($0.y)))" }.joined(separator: " ")
            let dots = s.points.html { "<circle cx=\"\(at(px($0.x)))\" cy=\"\(at(py($0.y)))\" r=\"3\" fill=\"\(s.color)\"/>" }
            return "<polyline fill=\"none\" stroke=\"\(s.color)\" stroke-width=\"2\" points=\"\(path)\"/>\(dots)"
        }
        let referenceLine: HTML =
            reference.map { ref in
                """
                <line x1="\(at(left))" x2="\(at(width - 8))" y1="\(at(py(ref.value)))" y2="\(at(py(ref.value)))" stroke="#8a4b00" stroke-dasharray="6 4"/>
                <text x="\(at(left + 4))" y="\(at(py(ref.value)) - 4)" font-size="12" fill="#8a4b00">\(ref.label)</text>
                """
            } ?? ""
        let legend = series.html {
            "<svg width=\"10\" height=\"10\" aria-hidden=\"true\"><rect width=\"10\" height=\"10\" fill=\"\($0.color)\"/></svg> \($0.label) "
        }
        return """
            <figure>
            <svg class="chart" viewBox="0 0 \(at(width)) \(at(height))" role="img" aria-label="\(title)">
            <line x1="\(at(left))" x2="\(at(left))" y1="\(at(top))" y2="\(at(height - bottom))" stroke="#8a94a3"/>
            <line x1="\(at(left))" x2="\(at(width - 8))" y1="\(at(height - bottom))" y2="\(at(height - bottom))" stroke="#8a94a3"/>
            <text x="4" y="\(at(top + 10))" font-size="12" fill="#4a5563">\(formatNumber(upper))</text>
            <text x="4" y="\(at(height - bottom))" font-size="12" fill="#4a5563">0</text>
            <text x="\(at(left))" y="\(at(height - 6))" font-size="12" fill="#4a5563">\(Day(ordinal: minX))</text>
            <text x="\(at(width - 90))" y="\(at(height - 6))" font-size="12" fill="#4a5563">\(Day(ordinal: maxX))</text>
            \(referenceLine)
            \(lines)
            </svg>
            <figcaption><strong>\(title)</strong> \(legend)<br>\(caption)</figcaption>
            </figure>
            """
    }
}
