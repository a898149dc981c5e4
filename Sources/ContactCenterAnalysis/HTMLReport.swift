import ContactCenter
import Foundation

/// The language of a report's labels.
public enum ReportLanguage: String, Sendable, CaseIterable {
    /// English (the default).
    case en
    /// French: labels, and decimal commas.
    case fr
}

/// A result document that is not one ccsim can draw.
public struct HTMLReportError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public let message: String
    /// The message.
    public var description: String { message }
}

/// One self-contained HTML page (XHTML: inline CSS and SVG, no script, nothing fetched) drawn from the
/// JSON result of `run`, `compare`, `sweep` or `staff`, so a report can be made now or later from a
/// saved result. Every chart has a title, labelled axes with units and a legend, and a table of the
/// numbers it draws whose cells carry the exact JSON values (`data-value`); it prints to PDF as shown.
public enum HTMLReport {
    /// The page for `document`.
    /// - Throws: ``HTMLReportError`` when the document is not a ccsim result.
    public static func render(_ document: JSONValue, language: ReportLanguage = .en) throws(HTMLReportError) -> String {
        let words = Words(language)
        var page = Page(words: words)
        if document["variants"] != nil {
            try comparison(document, into: &page)
        } else if document["points"] != nil {
            try sweep(document, into: &page)
        } else if document["shifts"] != nil {
            try staffing(document, into: &page)
        } else if document["kpis"] != nil {
            try run(document, into: &page)
        } else {
            throw HTMLReportError(message: "not a ccsim result (expected the JSON of run, compare, sweep or staff)")
        }
        return page.html(language: language)
    }

    // MARK: run

    static func run(_ document: JSONValue, into page: inout Page) throws(HTMLReportError) {
        let w = page.words
        page.title = "\(w.report): \(string(document["scenario"]) ?? "?")"
        page.meta = "\(integer(document["replications"]) ?? 0) \(w.replications), \(w.seed) \(integer(document["seed"]).map(String.init) ?? "?")"
        guard case .array(let intervals)? = document["intervals"] else { throw HTMLReportError(message: "intervals: expected an array") }
        let goal = number(document["serviceLevelGoal"])
        let target = number(document["serviceLevelTargetSeconds"]) ?? 20
        // Key figures.
        let keys = ["offered", "answered", "serviceLevel", "abandonmentRate", "averageSpeedOfAnswer", "waitP90", "averageHandleTime", "occupancy", "firstContactResolution"]
        page.table(id: "kpis", title: w.keyFigures, header: [w.kpi, w.mean, w.ci95], rows: keys.compactMap { key in
            guard let estimate = document["kpis"]?[key], let mean = number(estimate["mean"]) else { return nil }
            let unit = KPICatalog.allCentre.first { $0.key == key }?.unit ?? .count
            let interval = number(estimate["ciLow"]).flatMap { low in number(estimate["ciHigh"]).map { "[\(w.kpi(low, unit)), \(w.kpi($0, unit))]" } } ?? ""
            return [Cell(w.kpiLabel(key)), Cell(w.kpi(mean, unit), value: mean), Cell(interval)]
        })
        // Service level and abandonment per interval.
        let labels = intervals.map { string($0["start"]) ?? "" }
        func series(_ key: String) -> [Double?] { intervals.map { number($0["kpis"]?[key]?["mean"]) } }
        func bounds(_ key: String, _ bound: String) -> [Double?] { intervals.map { number($0["kpis"]?[key]?[bound]) } }
        var chart = SVGChart(
            title: w.serviceLevelPerInterval(target), yLabel: w.percentOfOffered, xLabel: w.intervalStart, categories: labels,
            series: [
                ChartSeries(name: w.serviceLevel, colour: "#4f81bd", values: series("serviceLevel"),
                            low: bounds("serviceLevel", "ciLow"), high: bounds("serviceLevel", "ciHigh")),
                ChartSeries(name: w.abandonment, colour: "#c0504d", values: series("abandonmentRate"),
                            low: bounds("abandonmentRate", "ciLow"), high: bounds("abandonmentRate", "ciHigh")),
            ], format: w.percent)
        chart.yRange = 0...1
        if let goal { chart.goals = [(goal, "\(w.goal) \(w.percent(goal))", "#2e7d32")] }
        page.chart(id: "service-level", chart.verticalBars())
        page.table(id: "intervals", title: nil, header: [w.intervalStart, w.offered, w.serviceLevel, w.abandonment, w.asa, w.agentsOnDuty], rows: intervals.map { interval in
            let k = interval["kpis"]
            return [Cell(string(interval["start"]) ?? ""), Cell(number(k?["offered"]?["mean"]), w.count),
                    Cell(number(k?["serviceLevel"]?["mean"]), w.percent), Cell(number(k?["abandonmentRate"]?["mean"]), w.percent),
                    Cell(number(k?["averageSpeedOfAnswer"]?["mean"]), w.seconds), Cell(number(k?["agentsStaffed"]?["mean"]), w.decimal)]
        })
        // Wait-time distribution.
        if case .array(let points)? = document["waitDistribution"], !points.isEmpty {
            let seconds = points.map { number($0["seconds"]) ?? 0 }
            var wait = SVGChart(
                title: w.waitDistribution, yLabel: w.percentOfAnswered, xLabel: w.waitAtMost, categories: seconds.map { w.secondsLabel($0) },
                series: [ChartSeries(name: w.answeredWithin, colour: "#4f81bd", values: points.map { number($0["share"]?["mean"]) },
                                     low: points.map { number($0["share"]?["ciLow"]) }, high: points.map { number($0["share"]?["ciHigh"]) })],
                format: w.percent)
            wait.yRange = 0...1
            page.chart(id: "wait-distribution", wait.verticalBars())
            page.table(id: "waits", title: nil, header: [w.waitAtMost, w.answeredWithin], rows: points.map { point in
                [Cell(w.secondsLabel(number(point["seconds"]) ?? 0)), Cell(number(point["share"]?["mean"]), w.percent)]
            })
        }
        // Agents on duty.
        let staffed = SVGChart(
            title: w.agentsPerInterval, yLabel: w.agents, xLabel: w.intervalStart, categories: labels,
            series: [ChartSeries(name: w.agentsOnDuty, colour: "#9bbb59", values: series("agentsStaffed"))], format: w.decimal)
        page.chart(id: "agents", staffed.verticalBars())
        // Money.
        if let costs = document["costs"], case .object(let perYear)? = costs["perYear"] {
            let currency = string(costs["currency"]) ?? "EUR"
            let lines = perYear.filter { $0.key != "total" && (number($0.value["mean"]) ?? 0) != 0 }
            let chart = SVGChart(
                title: w.costBreakdown(currency), yLabel: "", xLabel: "\(currency) \(w.perYear)", categories: lines.map { w.costLabel($0.key) },
                series: [ChartSeries(name: "", colour: "#4f81bd", values: lines.map { number($0.value["mean"]) },
                                     low: lines.map { number($0.value["ciLow"]) }, high: lines.map { number($0.value["ciHigh"]) })],
                format: w.amount)
            page.chart(id: "costs", chart.horizontalBars())
            page.table(id: "cost-table", title: nil, header: [w.category, "\(currency) \(w.perYear)"], rows: perYear.map { member in
                [Cell(w.costLabel(member.key)), Cell(number(member.value["mean"])) { w.money($0, currency) }]
            } + [["costPerContact", "costPerResolution"].compactMap { key -> [Cell]? in
                number(costs[key]?["mean"]).map { [Cell(w.costLabel(key)), Cell(w.money($0, currency), value: $0)] }
            }].flatMap { $0 })
        }
        if let roi = document["roi"], let percent = number(roi["percent"]?["mean"]) {
            page.table(id: "roi", title: w.returnOnInvestment, header: [w.figure, w.mean], rows: [
                [Cell(w.roiOfService), Cell(w.decimal(percent) + " %", value: percent)],
                [Cell(w.netBenefitPerYear), Cell(number(roi["perYear"]?["netBenefit"]?["mean"])) { w.money($0, string(document["costs"]?["currency"]) ?? "EUR") }],
            ])
        }
    }

    // MARK: compare

    static func comparison(_ document: JSONValue, into page: inout Page) throws(HTMLReportError) {
        let w = page.words
        page.title = "\(w.comparison): \(string(document["base"]) ?? "?")"
        page.meta = "\(integer(document["replications"]) ?? 0) \(w.pairedReplications), \(w.seed) \(integer(document["seed"]).map(String.init) ?? "?")"
        guard case .array(let variants)? = document["variants"] else { throw HTMLReportError(message: "variants: expected an array") }
        let currency = string(document["currency"]) ?? "EUR"
        let shares = ["serviceLevel", "abandonmentRate", "answerRate", "firstContactResolution", "repeatContactRate", "occupancy"]
        for (index, variant) in variants.enumerated() {
            let name = string(variant["name"]) ?? "?"
            let present = shares.filter { number(variant["kpis"]?[$0]?["difference"]?["mean"]) != nil }
            let chart = SVGChart(
                title: "\(name): \(w.kpiDifferences)", yLabel: "", xLabel: w.differencePoints, categories: present.map(w.kpiLabel),
                series: [ChartSeries(name: "", colour: "#4f81bd",
                                     values: present.map { number(variant["kpis"]?[$0]?["difference"]?["mean"]).map { $0 * 100 } },
                                     low: present.map { number(variant["kpis"]?[$0]?["difference"]?["ciLow"]).map { $0 * 100 } },
                                     high: present.map { number(variant["kpis"]?[$0]?["difference"]?["ciHigh"]).map { $0 * 100 } })],
                format: { w.signed($0, decimals: 1) })
            page.chart(id: "variant-\(index)-kpis", chart.horizontalBars())
            var rows = present.map { key -> [Cell] in
                let d = variant["kpis"]?[key]
                return [Cell(w.kpiLabel(key)), Cell(number(d?["base"]), w.percent), Cell(number(d?["variant"]), w.percent),
                        Cell(number(d?["difference"]?["mean"]), { w.signed($0 * 100, decimals: 2) + " pt" }),
                        Cell(d?["significant"] == .bool(true) ? "*" : "")]
            }
            if case .object(let money)? = variant["money"] {
                let yearly = money.filter { $0.key.hasSuffix("PerYear") && $0.key != "customersLostPerYear" }
                let moneyChart = SVGChart(
                    title: "\(name): \(w.moneyDifferences(currency))", yLabel: "", xLabel: "\(currency) \(w.perYear)",
                    categories: yearly.map { w.moneyLabel($0.key) },
                    series: [ChartSeries(name: "", colour: "#9bbb59", values: yearly.map { number($0.value["difference"]?["mean"]) },
                                         low: yearly.map { number($0.value["difference"]?["ciLow"]) },
                                         high: yearly.map { number($0.value["difference"]?["ciHigh"]) })],
                    format: w.amount)
                page.chart(id: "variant-\(index)-money", moneyChart.horizontalBars())
                rows += money.map { member -> [Cell] in
                    let count = member.key == "customersLostPerYear"
                    let plain: (Double) -> String = count ? { w.count($0) } : { w.money($0, currency) }
                    let signed: (Double) -> String = count ? { w.signed($0, decimals: 1) } : { w.signed($0, decimals: 2) + " " + currency }
                    return [Cell(w.moneyLabel(member.key)), Cell(number(member.value["base"]), plain), Cell(number(member.value["variant"]), plain),
                     Cell(number(member.value["difference"]?["mean"]), signed),
                     Cell(member.value["significant"] == .bool(true) ? "*" : "")]
                }
            }
            page.table(id: "variant-\(index)", title: nil, header: [w.figure, w.base, w.variant, w.difference, "*"], rows: rows)
        }
        // ROI of every variant, with its interval.
        let withROI = variants.filter { number($0["roiPercent"]?["mean"]) != nil }
        if !withROI.isEmpty {
            let chart = SVGChart(
                title: w.roiOfChanges, yLabel: "", xLabel: w.roiPercentPerYear, categories: withROI.map { string($0["name"]) ?? "?" },
                series: [ChartSeries(name: "", colour: "#8064a2", values: withROI.map { number($0["roiPercent"]?["mean"]) },
                                     low: withROI.map { number($0["roiPercent"]?["ciLow"]) }, high: withROI.map { number($0["roiPercent"]?["ciHigh"]) })],
                format: { w.decimal($0) + " %" })
            page.chart(id: "roi", chart.horizontalBars())
            page.table(id: "roi-table", title: nil, header: [w.variant, w.roiPercentPerYear, w.paybackMonths], rows: withROI.map { variant in
                [Cell(string(variant["name"]) ?? "?"), Cell(number(variant["roiPercent"]?["mean"]), { w.decimal($0) + " %" }),
                 Cell(number(variant["paybackMonths"]?["mean"]), w.decimal)]
            })
        }
    }

    // MARK: sweep

    static func sweep(_ document: JSONValue, into page: inout Page) throws(HTMLReportError) {
        let w = page.words
        page.title = "\(w.sweep): \(string(document["scenario"]) ?? "?")"
        page.meta = "\(integer(document["replications"]) ?? 0) \(w.replications), \(w.seed) \(integer(document["seed"]).map(String.init) ?? "?")"
        guard case .array(let points)? = document["points"], case .array(let parameters)? = document["parameters"] else {
            throw HTMLReportError(message: "points, parameters: expected arrays")
        }
        let names = parameters.compactMap(string)
        let labels = points.map { point in names.map { name in number(point["set"]?[name]).map(w.decimal) ?? "?" }.joined(separator: ", ") }
        let axis = names.joined(separator: ", ")
        func kpi(_ key: String, _ bound: String) -> [Double?] { points.map { number($0["result"]?["kpis"]?[key]?[bound]) } }
        var level = SVGChart(
            title: w.serviceLevelAndAbandonment, yLabel: w.percentOfOffered, xLabel: axis, categories: labels,
            series: [ChartSeries(name: w.serviceLevel, colour: "#4f81bd", values: kpi("serviceLevel", "mean"), low: kpi("serviceLevel", "ciLow"), high: kpi("serviceLevel", "ciHigh")),
                     ChartSeries(name: w.abandonment, colour: "#c0504d", values: kpi("abandonmentRate", "mean"), low: kpi("abandonmentRate", "ciLow"), high: kpi("abandonmentRate", "ciHigh"))],
            format: w.percent)
        level.yRange = 0...1
        if let goal = number(points.first?["result"]?["serviceLevelGoal"]) { level.goals = [(goal, "\(w.goal) \(w.percent(goal))", "#2e7d32")] }
        page.chart(id: "sweep-service-level", level.verticalBars())
        func money(_ key: String, _ bound: String) -> [Double?] { points.map { number($0["result"]?["costs"]?["perYear"]?["total"]?[bound]) } }
        if money("total", "mean").contains(where: { $0 != nil }) {
            let currency = string(points.first?["result"]?["costs"]?["currency"]) ?? "EUR"
            let cost = SVGChart(
                title: w.costPerYear(currency), yLabel: currency, xLabel: axis, categories: labels,
                series: [ChartSeries(name: w.totalCost, colour: "#9bbb59", values: money("total", "mean"), low: money("total", "ciLow"), high: money("total", "ciHigh"))],
                format: w.amount)
            page.chart(id: "sweep-cost", cost.verticalBars())
        }
        page.table(id: "points", title: nil, header: names + [w.serviceLevel, w.abandonment, w.asa, w.occupancy], rows: points.map { point in
            let k = point["result"]?["kpis"]
            return names.map { Cell(number(point["set"]?[$0]), w.decimal) }
                + [Cell(number(k?["serviceLevel"]?["mean"]), w.percent), Cell(number(k?["abandonmentRate"]?["mean"]), w.percent),
                   Cell(number(k?["averageSpeedOfAnswer"]?["mean"]), w.seconds), Cell(number(k?["occupancy"]?["mean"]), w.percent)]
        })
    }

    // MARK: staff

    static func staffing(_ document: JSONValue, into page: inout Page) throws(HTMLReportError) {
        let w = page.words
        page.title = "\(w.staffing): \(string(document["scenario"]) ?? "?")"
        page.meta = "\(integer(document["replications"]) ?? 0) \(w.replications), \(w.seed) \(integer(document["seed"]).map(String.init) ?? "?"), \(w.shrinkage) \(w.percent(number(document["shrinkage"]) ?? 0))"
        guard case .array(let intervals)? = document["intervals"], case .array(let shifts)? = document["shifts"] else {
            throw HTMLReportError(message: "intervals, shifts: expected arrays")
        }
        let labels = intervals.map { string($0["start"]) ?? "" }
        func values(_ key: String) -> [Double?] { intervals.map { number($0[key]) } }
        let agents = SVGChart(
            title: w.agentsRequiredAndPlanned, yLabel: w.agents, xLabel: w.intervalStart, categories: labels,
            series: [ChartSeries(name: w.erlang, colour: "#bfbfbf", values: values("erlangAgents")),
                     ChartSeries(name: w.required, colour: "#4f81bd", values: values("requiredAgents")),
                     ChartSeries(name: w.scheduled, colour: "#9bbb59", values: values("scheduledAgents")),
                     ChartSeries(name: w.planned, colour: "#f79646", values: values("plannedAgents"))],
            format: { w.decimal($0) })
        page.chart(id: "staff-agents", agents.verticalBars())
        var level = SVGChart(
            title: w.serviceLevelAchieved, yLabel: w.percentOfOffered, xLabel: w.intervalStart, categories: labels,
            series: [ChartSeries(name: w.serviceLevel, colour: "#4f81bd", values: intervals.map { number($0["serviceLevel"]?["mean"]) },
                                 low: intervals.map { number($0["serviceLevel"]?["ciLow"]) }, high: intervals.map { number($0["serviceLevel"]?["ciHigh"]) }),
                     ChartSeries(name: w.abandonment, colour: "#c0504d", values: intervals.map { number($0["abandonmentRate"]?["mean"]) })],
            format: w.percent)
        level.yRange = 0...1
        if let goal = number(document["goals"]?["serviceLevel"]) { level.goals = [(goal, "\(w.goal) \(w.percent(goal))", "#2e7d32")] }
        page.chart(id: "staff-service-level", level.verticalBars())
        page.table(id: "staff-intervals", title: nil, header: [w.intervalStart, w.erlang, w.required, w.scheduled, w.planned, w.serviceLevel], rows: intervals.map { i in
            [Cell(string(i["start"]) ?? ""), Cell(number(i["erlangAgents"]), w.decimal), Cell(number(i["requiredAgents"]), w.decimal),
             Cell(number(i["scheduledAgents"]), w.decimal), Cell(number(i["plannedAgents"]), w.decimal), Cell(number(i["serviceLevel"]?["mean"]), w.percent)]
        })
        page.table(id: "shifts", title: w.shiftPlan, header: [w.start, w.end, w.agents], rows: shifts.map { shift in
            [Cell(string(shift["start"]) ?? ""), Cell(string(shift["end"]) ?? ""), Cell(number(shift["agents"]), w.decimal)]
        })
    }

    // MARK: JSON access

    static func number(_ value: JSONValue?) -> Double? {
        if case .number(let number)? = value { return number.value }
        return nil
    }

    static func integer(_ value: JSONValue?) -> Int? { number(value).map { Int($0) } }

    static func string(_ value: JSONValue?) -> String? {
        if case .string(let text)? = value { return text }
        return nil
    }
}

/// A table cell: its text and, for a number, the exact value it shows (`data-value`, as in the JSON).
struct Cell: ExpressibleByStringLiteral {
    var text: String
    var value: Double?

    init(_ text: String, value: Double? = nil) {
        self.text = text
        self.value = value
    }

    init(stringLiteral text: String) { self.init(text) }

    /// A number formatted by `format`, or "-" when absent.
    init(_ value: Double?, _ format: (Double) -> String) {
        self.init(value.map(format) ?? "-", value: value)
    }
}

/// The page under construction.
struct Page {
    let words: Words
    var title = ""
    var meta = ""
    var body = ""

    mutating func chart(id: String, _ svg: String) {
        body += "<figure id=\"\(id)\">\(svg)</figure>\n"
    }

    mutating func table(id: String, title: String?, header: [String], rows: [[Cell]]) {
        if let title { body += "<h2>\(xmlEscaped(title))</h2>\n" }
        body += "<table id=\"\(id)\"><thead><tr>" + header.map { "<th>\(xmlEscaped($0))</th>" }.joined() + "</tr></thead><tbody>\n"
        for row in rows {
            body += "<tr>" + row.map { cell in
                let value = cell.value.map { " data-value=\"\(JSONValue.double($0).serialized(pretty: false))\"" } ?? ""
                return "<td\(value)>\(xmlEscaped(cell.text))</td>"
            }.joined() + "</tr>\n"
        }
        body += "</tbody></table>\n"
    }

    func html(language: ReportLanguage) -> String {
        """
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8"/>
        <title>\(xmlEscaped(title))</title>
        <style>
        body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; margin: 2em auto; max-width: 60em; color: #222; }
        h1 { font-size: 1.5em; margin-bottom: 0.2em; }
        h2 { font-size: 1.1em; margin-top: 1.5em; }
        p.meta { color: #555; margin-top: 0; }
        figure { margin: 1.5em 0 0.5em 0; page-break-inside: avoid; break-inside: avoid; }
        svg.chart { width: 100%; height: auto; }
        svg .title { font-size: 15px; font-weight: bold; fill: #222; }
        svg .label { font-size: 12px; fill: #333; }
        svg .tick { font-size: 11px; fill: #444; }
        svg .goal { font-size: 11px; font-weight: bold; }
        svg .grid { stroke: #e3e3e3; stroke-width: 1; }
        svg .axis { stroke: #333; stroke-width: 1.2; }
        svg .error { stroke: #222; stroke-width: 1.3; fill: none; }
        table { border-collapse: collapse; margin: 0.5em 0 1em 0; font-size: 0.85em; page-break-inside: avoid; break-inside: avoid; }
        th, td { border-bottom: 1px solid #ddd; padding: 0.2em 0.8em; text-align: right; }
        th:first-child, td:first-child { text-align: left; }
        footer { color: #777; font-size: 0.8em; margin-top: 2em; }
        @media print { body { margin: 0; max-width: none; } }
        </style>
        </head>
        <body>
        <h1>\(xmlEscaped(title))</h1>
        <p class="meta">\(xmlEscaped(meta))</p>
        \(body)<footer>\(xmlEscaped(words.footer))</footer>
        </body>
        </html>

        """
    }
}
