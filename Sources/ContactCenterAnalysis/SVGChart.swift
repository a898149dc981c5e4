import Foundation

/// Text made safe for XML (and so for XHTML and SVG): `&`, `<`, `>` and quotes escaped.
func xmlEscaped(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.count)
    for character in text {
        switch character {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&apos;"
        default: out.append(character)
        }
    }
    return out
}

/// A number for an SVG coordinate: two decimals at most, no exponent.
private func coordinate(_ value: Double) -> String {
    let text = String(format: "%.2f", value)
    return text.hasSuffix(".00") ? String(text.dropLast(3)) : text
}

/// One series of a bar chart: a name (for the legend), a colour and per category a value and an
/// optional confidence interval (drawn as an error bar).
struct ChartSeries {
    var name: String
    var colour: String
    var values: [Double?]
    var low: [Double?] = []
    var high: [Double?] = []
}

/// A small SVG chart: vertical grouped bars over categories, or horizontal bars for signed
/// differences, with labelled axes, a legend, error bars and optional goal lines. No script, no
/// external resource: the SVG is inline and prints as drawn.
struct SVGChart {
    var title: String
    var yLabel: String
    var xLabel: String
    var categories: [String]
    var series: [ChartSeries]
    /// Horizontal lines across the plot (a goal), with their label.
    var goals: [(value: Double, label: String, colour: String)] = []
    /// How tick labels and values are written.
    var format: (Double) -> String
    /// Smallest and largest value of the axis (computed from the data when `nil`).
    var yRange: ClosedRange<Double>? = nil

    static let width = 760.0, height = 320.0
    static let left = 70.0, right = 20.0, top = 40.0, bottom = 78.0

    /// The vertical bar chart.
    func verticalBars() -> String {
        let plotWidth = SVGChart.width - SVGChart.left - SVGChart.right
        let plotHeight = SVGChart.height - SVGChart.top - SVGChart.bottom
        let (low, high) = axisRange()
        let ticks = SVGChart.ticks(low, high)
        let y = { (value: Double) in SVGChart.top + plotHeight * (1 - (value - low) / (high - low)) }
        var svg = header()
        for tick in ticks {
            svg += "<line x1=\"\(coordinate(SVGChart.left))\" y1=\"\(coordinate(y(tick)))\" x2=\"\(coordinate(SVGChart.width - SVGChart.right))\" y2=\"\(coordinate(y(tick)))\" class=\"grid\"/>"
            svg += "<text x=\"\(coordinate(SVGChart.left - 6))\" y=\"\(coordinate(y(tick) + 4))\" class=\"tick\" text-anchor=\"end\">\(xmlEscaped(format(tick)))</text>"
        }
        let slot = plotWidth / Double(Swift.max(categories.count, 1))
        let barWidth = slot * 0.8 / Double(Swift.max(series.count, 1))
        let labelEvery = Swift.max(1, Int((Double(categories.count) / 24).rounded(.up)))
        for (index, category) in categories.enumerated() {
            let x0 = SVGChart.left + slot * Double(index) + slot * 0.1
            for (s, serie) in series.enumerated() {
                guard index < serie.values.count, let value = serie.values[index] else { continue }
                let x = x0 + barWidth * Double(s)
                let top = y(Swift.max(value, low)), base = y(Swift.max(low, Swift.min(0, high)))
                svg += "<rect x=\"\(coordinate(x))\" y=\"\(coordinate(Swift.min(top, base)))\" width=\"\(coordinate(barWidth * 0.92))\" height=\"\(coordinate(abs(base - top)))\" fill=\"\(serie.colour)\"><title>\(xmlEscaped("\(serie.name), \(category): \(format(value))"))</title></rect>"
                if index < serie.low.count, index < serie.high.count, let l = serie.low[index], let h = serie.high[index] {
                    svg += errorBar(x: x + barWidth * 0.46, from: y(Swift.max(l, low)), to: y(Swift.min(h, high)), vertical: true)
                }
            }
            if index % labelEvery == 0 {
                let cx = x0 + slot * 0.4
                svg += "<text x=\"\(coordinate(cx))\" y=\"\(coordinate(SVGChart.height - SVGChart.bottom + 14))\" class=\"tick\" text-anchor=\"end\" transform=\"rotate(-45 \(coordinate(cx)) \(coordinate(SVGChart.height - SVGChart.bottom + 14)))\">\(xmlEscaped(category))</text>"
            }
        }
        for goal in goals {
            svg += "<line x1=\"\(coordinate(SVGChart.left))\" y1=\"\(coordinate(y(goal.value)))\" x2=\"\(coordinate(SVGChart.width - SVGChart.right))\" y2=\"\(coordinate(y(goal.value)))\" stroke=\"\(goal.colour)\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"
        }
        svg += axes(plotHeight: plotHeight)
        svg += legend()
        return svg + "</svg>"
    }

    /// Horizontal bars for signed values (differences), one row per category, with error bars and a zero line.
    func horizontalBars() -> String {
        let rowHeight = 26.0
        let height = SVGChart.top + rowHeight * Double(categories.count) + 50
        let labelWidth = 230.0
        let plotLeft = labelWidth + 10, plotRight = SVGChart.width - SVGChart.right
        var values: [Double] = [0]
        for serie in series {
            values += serie.values.compactMap { $0 } + serie.low.compactMap { $0 } + serie.high.compactMap { $0 }
        }
        var (low, high) = (values.min()!, values.max()!)
        if low == high { (low, high) = (low - 1, high + 1) }
        let pad = (high - low) * 0.08
        (low, high) = (low - pad, high + pad)
        let x = { (value: Double) in plotLeft + (plotRight - plotLeft) * (value - low) / (high - low) }
        var svg = header(height: height)
        for tick in SVGChart.ticks(low, high) {
            svg += "<line x1=\"\(coordinate(x(tick)))\" y1=\"\(coordinate(SVGChart.top))\" x2=\"\(coordinate(x(tick)))\" y2=\"\(coordinate(height - 40))\" class=\"grid\"/>"
            svg += "<text x=\"\(coordinate(x(tick)))\" y=\"\(coordinate(height - 26))\" class=\"tick\" text-anchor=\"middle\">\(xmlEscaped(format(tick)))</text>"
        }
        let serie = series[0]
        for (index, category) in categories.enumerated() {
            let yTop = SVGChart.top + rowHeight * Double(index)
            svg += "<text x=\"\(coordinate(labelWidth))\" y=\"\(coordinate(yTop + rowHeight * 0.65))\" class=\"tick\" text-anchor=\"end\">\(xmlEscaped(category))</text>"
            guard index < serie.values.count, let value = serie.values[index] else { continue }
            let (a, b) = (x(Swift.min(0, value)), x(Swift.max(0, value)))
            let colour = serie.colour
            svg += "<rect x=\"\(coordinate(a))\" y=\"\(coordinate(yTop + 5))\" width=\"\(coordinate(Swift.max(b - a, 0.5)))\" height=\"\(coordinate(rowHeight - 10))\" fill=\"\(colour)\"><title>\(xmlEscaped("\(category): \(format(value))"))</title></rect>"
            if index < serie.low.count, index < serie.high.count, let l = serie.low[index], let h = serie.high[index] {
                svg += errorBar(x: yTop + rowHeight / 2, from: x(l), to: x(h), vertical: false)
            }
        }
        svg += "<line x1=\"\(coordinate(x(0)))\" y1=\"\(coordinate(SVGChart.top - 4))\" x2=\"\(coordinate(x(0)))\" y2=\"\(coordinate(height - 40))\" class=\"axis\"/>"
        svg += "<text x=\"\(coordinate((plotLeft + plotRight) / 2))\" y=\"\(coordinate(height - 8))\" class=\"label\" text-anchor=\"middle\">\(xmlEscaped(xLabel))</text>"
        return svg + "</svg>"
    }

    private func header(height: Double = SVGChart.height) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(coordinate(SVGChart.width)) \(coordinate(height))\" role=\"img\" class=\"chart\">"
            + "<title>\(xmlEscaped(title))</title>"
            + "<text x=\"\(coordinate(SVGChart.width / 2))\" y=\"20\" class=\"title\" text-anchor=\"middle\">\(xmlEscaped(title))</text>"
    }

    private func axes(plotHeight: Double) -> String {
        let bottomY = SVGChart.top + plotHeight
        return "<line x1=\"\(coordinate(SVGChart.left))\" y1=\"\(coordinate(SVGChart.top))\" x2=\"\(coordinate(SVGChart.left))\" y2=\"\(coordinate(bottomY))\" class=\"axis\"/>"
            + "<line x1=\"\(coordinate(SVGChart.left))\" y1=\"\(coordinate(bottomY))\" x2=\"\(coordinate(SVGChart.width - SVGChart.right))\" y2=\"\(coordinate(bottomY))\" class=\"axis\"/>"
            + "<text x=\"16\" y=\"\(coordinate(SVGChart.top + plotHeight / 2))\" class=\"label\" text-anchor=\"middle\" transform=\"rotate(-90 16 \(coordinate(SVGChart.top + plotHeight / 2)))\">\(xmlEscaped(yLabel))</text>"
            + "<text x=\"\(coordinate(SVGChart.left + (SVGChart.width - SVGChart.left - SVGChart.right) / 2))\" y=\"\(coordinate(SVGChart.height - 6))\" class=\"label\" text-anchor=\"middle\">\(xmlEscaped(xLabel))</text>"
    }

    private func legend() -> String {
        guard series.count > 1 || !series.isEmpty && !series[0].name.isEmpty else { return "" }
        var svg = ""
        var x = SVGChart.left
        for serie in series {
            svg += "<rect x=\"\(coordinate(x))\" y=\"28\" width=\"10\" height=\"10\" fill=\"\(serie.colour)\"/>"
            svg += "<text x=\"\(coordinate(x + 14))\" y=\"37\" class=\"tick\">\(xmlEscaped(serie.name))</text>"
            x += 24 + Double(serie.name.count) * 6.5
        }
        // Goal lines are keyed in the legend too, so no label sits on the bars.
        for goal in goals {
            svg += "<line x1=\"\(coordinate(x))\" y1=\"33\" x2=\"\(coordinate(x + 18))\" y2=\"33\" stroke=\"\(goal.colour)\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"
            svg += "<text x=\"\(coordinate(x + 22))\" y=\"37\" class=\"goal\" fill=\"\(goal.colour)\">\(xmlEscaped(goal.label))</text>"
            x += 32 + Double(goal.label.count) * 6.5
        }
        return svg
    }

    private func errorBar(x: Double, from: Double, to: Double, vertical: Bool) -> String {
        if vertical {
            return "<path d=\"M\(coordinate(x - 4)) \(coordinate(from))H\(coordinate(x + 4))M\(coordinate(x)) \(coordinate(from))V\(coordinate(to))M\(coordinate(x - 4)) \(coordinate(to))H\(coordinate(x + 4))\" class=\"error\"/>"
        }
        return "<path d=\"M\(coordinate(from)) \(coordinate(x - 5))V\(coordinate(x + 5))M\(coordinate(from)) \(coordinate(x))H\(coordinate(to))M\(coordinate(to)) \(coordinate(x - 5))V\(coordinate(x + 5))\" class=\"error\"/>"
    }

    private func axisRange() -> (Double, Double) {
        if let yRange { return (yRange.lowerBound, yRange.upperBound) }
        var values: [Double] = [0]
        for serie in series {
            values += serie.values.compactMap { $0 } + serie.high.compactMap { $0 }
        }
        values += goals.map(\.value)
        let high = values.max()!, low = Swift.min(0, values.min()!)
        return (low, high <= low ? low + 1 : high * 1.08)
    }

    /// About five round ticks from `low` to `high`.
    static func ticks(_ low: Double, _ high: Double) -> [Double] {
        let span = high - low
        guard span > 0, span.isFinite else { return [low] }
        let raw = span / 5
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        var tick = (low / step).rounded(.up) * step
        var ticks: [Double] = []
        while tick <= high + step * 1e-9 {
            ticks.append(abs(tick) < step * 1e-9 ? 0 : tick)
            tick += step
        }
        return ticks
    }
}
