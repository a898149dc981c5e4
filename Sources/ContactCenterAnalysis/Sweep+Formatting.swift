import ContactCenter
import SimulationKernel

extension SweepReport: FormattedReport {

    /// `{"scenario", "replications", "seed", "parameters": [paths], "points": [{"set": {path: value}, "result": run JSON}]}`.
    public func json() -> JSONValue {
        let first = points.first?.report
        return .object([
            JSONMember(key: "ccsimVersion", value: .integer(ScenarioReader.formatVersion)),
            JSONMember(key: "scenario", value: first.map { .string($0.scenarioName) } ?? .null),
            JSONMember(key: "replications", value: first.map { .integer($0.replications) } ?? .null),
            JSONMember(key: "seed", value: first.map { .integer($0.seed) } ?? .null),
            JSONMember(key: "parameters", value: .array(parameters.map { .string($0.path.description) })),
            JSONMember(key: "points", value: .array(points.map { point in
                .object([
                    JSONMember(key: "set", value: .object(zip(parameters, point.values).map {
                        JSONMember(key: $0.path.description, value: .double($1))
                    })),
                    JSONMember(key: "result", value: point.report.json()),
                ])
            })),
        ])
    }

    /// The run report's CSV rows of every point, prefixed with the point's values.
    public func csv() -> String {
        var lines: [String] = []
        for point in points {
            let rows = point.report.csv().split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
            if lines.isEmpty { lines.append((parameters.map { csvField($0.path.description) } + [String(rows[0])]).joined(separator: ",")) }
            let prefix = point.values.map { JSONValue.double($0).serialized(pretty: false) }
            lines += rows.dropFirst().map { (prefix + [String($0)]).joined(separator: ",") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line per point: its values, then the main KPIs and money with their 95 % half widths.
    public func table() -> String {
        guard let first = points.first?.report else { return "ccsim sweep: no point\n" }
        var out = "ccsim sweep: \(first.scenarioName), \(points.count) point(s) × \(first.replications) replication(s), seed \(first.seed), common random numbers\n"
        out += "mean ± half width of the 95 % confidence interval\n\n"
        let kpis: [(key: String, header: String)] = [
            ("serviceLevel", "service level"), ("abandonmentRate", "abandoned"), ("averageSpeedOfAnswer", "ASA"),
            ("occupancy", "occupancy"),
        ]
        let hasCosts = first.money?.costs.isEmpty == false, hasROI = first.money?.roi.isEmpty == false
        var header = parameters.map(\.path.description) + kpis.map(\.header)
        if hasCosts { header.append("cost a year") }
        let currency = first.money?.currency ?? "EUR"
        if hasROI { header.append("revenue − cost a year") }
        let rows = points.map { point -> [String] in
            var cells = point.values.map { JSONValue.double($0).serialized() }
            for kpi in kpis {
                let estimate = point.report.centre.first { $0.definition.key == kpi.key }
                cells.append(Self.plusMinus(estimate?.interval, unit: estimate?.definition.unit ?? .count))
            }
            let money = point.report.money
            if hasCosts { cells.append(Self.amount(money?.costs.first { $0.line.key == "total" }?.byScale[.perYear], currency)) }
            // The scenario's ROI ((revenue − cost) / cost) falls as staff is added even when the net
            // benefit rises, so the table shows the net benefit; the JSON has both.
            if hasROI { cells.append(Self.amount(money?.roi.first { $0.line.key == "netBenefit" }?.byScale[.perYear], currency)) }
            return cells
        }
        out += renderTable(header: header, rows: rows, rightAligned: Set(0..<header.count))
        return out
    }

    /// "mean ± half width", or the mean alone with one replication (no interval).
    static func plusMinus(_ interval: ConfidenceInterval?, unit: KPIUnit) -> String {
        guard let interval else { return "-" }
        let half = interval.halfWidth
        switch unit {
        case .share: return formatNumber(interval.mean * 100, decimals: 1) + " %" + (half.map { " ± " + formatNumber($0 * 100, decimals: 1) } ?? "")
        case .seconds: return formatNumber(interval.mean, decimals: 1) + " s" + (half.map { " ± " + formatNumber($0, decimals: 1) } ?? "")
        default: return formatNumber(interval.mean, decimals: 2) + (half.map { " ± " + formatNumber($0, decimals: 2) } ?? "")
        }
    }

    static func amount(_ interval: ConfidenceInterval?, _ currency: String) -> String {
        guard let interval else { return "-" }
        return formatNumber(interval.mean, decimals: 2) + (interval.halfWidth.map { " ± " + formatNumber($0, decimals: 2) } ?? "") + " " + currency
    }
}
