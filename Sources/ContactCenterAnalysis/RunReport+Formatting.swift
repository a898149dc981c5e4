import ContactCenter
import Foundation
import SimulationKernel

/// The output formats of every command.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// A readable table.
    case table
    /// JSON for machines: stable key order and round-trip numbers, byte-identical for the same inputs.
    case json
    /// CSV for spreadsheets: one row per KPI.
    case csv
}

/// A result that renders in every output format: a readable table, JSON and CSV.
public protocol FormattedReport {
    /// The readable table, ending with a newline.
    func table() -> String
    /// The JSON document.
    func json() -> JSONValue
    /// The CSV rows with their header, ending with a newline.
    func csv() -> String
}

extension FormattedReport {
    /// The result in `format`, ending with a newline.
    public func rendered(as format: ReportFormat) -> String {
        switch format {
        case .table: return table()
        case .json: return json().serialized() + "\n"
        case .csv: return csv()
        }
    }
}

extension RunReport: FormattedReport {}

extension RunReport {

    // MARK: JSON

    /// The report as a JSON document (DESIGN.md, "Output").
    public func json() -> JSONValue {
        .object([
            JSONMember(key: "ccsimVersion", value: .integer(ScenarioReader.formatVersion)),
            JSONMember(key: "scenario", value: .string(scenarioName)),
            JSONMember(key: "replications", value: .integer(replications)),
            JSONMember(key: "seed", value: .integer(seed)),
            JSONMember(key: "horizonSeconds", value: .double(horizonSeconds)),
            JSONMember(key: "warmupSeconds", value: .double(warmupSeconds)),
            JSONMember(key: "serviceLevelTargetSeconds", value: .double(serviceLevel.targetSeconds)),
            JSONMember(key: "serviceLevelGoal", value: .double(serviceLevel.goal)),
            JSONMember(key: "kpis", value: RunReport.json(centre)),
            JSONMember(key: "waitDistribution", value: .array(waitDistribution.map { point in
                .object([
                    JSONMember(key: "seconds", value: .double(point.seconds)),
                    JSONMember(key: "share", value: RunReport.json(point.share)),
                ])
            })),
            JSONMember(key: "callTypes", value: .array(callTypes.map { type in
                .object([
                    JSONMember(key: "name", value: .string(type.name)),
                    JSONMember(key: "kpis", value: RunReport.json(type.kpis)),
                ])
            })),
            JSONMember(key: "intervals", value: .array(intervals.map { interval in
                .object([
                    JSONMember(key: "start", value: .string(interval.start)),
                    JSONMember(key: "kpis", value: RunReport.json(interval.kpis)),
                ])
            })),
            JSONMember(key: "agentGroups", value: .array(agentGroups.map { group in
                .object([
                    JSONMember(key: "name", value: .string(group.name)),
                    JSONMember(key: "agents", value: .integer(group.agents)),
                    JSONMember(key: "kpis", value: RunReport.json(group.kpis)),
                ])
            })),
        ] + (money?.jsonMembers() ?? []))
    }

    static func json(_ estimates: [KPIEstimate]) -> JSONValue {
        .object(estimates.map { estimate in
            JSONMember(key: estimate.definition.key, value: json(estimate.interval))
        })
    }

    /// `{"mean": m, "ciLow": l, "ciHigh": h, "n": k}`: `n` replications where the KPI is defined (a ratio
    /// over zero contacts is not); `null` bounds with fewer than two, `null` mean when in none.
    static func json(_ interval: ConfidenceInterval?) -> JSONValue {
        .object([
            JSONMember(key: "mean", value: interval.map { .double($0.mean) } ?? .null),
            JSONMember(key: "ciLow", value: interval?.lower.map { .double($0) } ?? .null),
            JSONMember(key: "ciHigh", value: interval?.upper.map { .double($0) } ?? .null),
            JSONMember(key: "n", value: .integer(interval?.count ?? 0)),
        ])
    }

    // MARK: CSV

    /// One row per KPI: `scope,name,kpi,mean,ciLow,ciHigh` (scope `centre`, `callType` or `agentGroup`).
    public func csv() -> String {
        var lines = ["scope,name,kpi,mean,ciLow,ciHigh"]
        func rows(_ scope: String, _ name: String, _ estimates: [KPIEstimate]) {
            for estimate in estimates {
                let cells = [estimate.interval?.mean, estimate.interval?.lower, estimate.interval?.upper].map {
                    $0.map { JSONValue.double($0).serialized(pretty: false) } ?? ""
                }
                lines.append(([scope, csvField(name), estimate.definition.key] + cells).joined(separator: ","))
            }
        }
        rows("centre", scenarioName, centre)
        for type in callTypes { rows("callType", type.name, type.kpis) }
        for group in agentGroups { rows("agentGroup", group.name, group.kpis) }
        for interval in intervals { rows("interval", interval.start, interval.kpis) }
        if let money {
            for (section, estimates) in money.sections {
                for estimate in estimates {
                    for scale in MoneyScale.allCases {
                        guard let interval = estimate.byScale[scale] else { continue }
                        let cells = [interval.mean, interval.lower, interval.upper].map {
                            $0.map { JSONValue.double($0).serialized(pretty: false) } ?? ""
                        }
                        lines.append(([section, estimate.line.scales ? scale.rawValue : "", estimate.line.key] + cells).joined(separator: ","))
                    }
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }


    // MARK: Table

    /// A readable report: the centre's KPIs with their confidence intervals, then one line per call
    /// type and per agent group.
    public func table() -> String {
        var out = "ccsim: \(scenarioName)\n"
        let horizon = horizonSeconds.truncatingRemainder(dividingBy: 86400) == 0
            ? "\(formatNumber(horizonSeconds / 86400, decimals: 0)) day(s)"
            : "\(formatNumber(horizonSeconds / 3600, decimals: 2)) hour(s)"
        out += "\(replications) replication(s) of \(horizon)\(hasOpeningHours ? "" : ", 24/7"), seed \(seed)"
        if warmupSeconds > 0 { out += ", warm-up \(formatNumber(warmupSeconds / 60, decimals: 0)) min" }
        out += "\nservice level = answered within \(formatNumber(serviceLevel.targetSeconds, decimals: 0)) s / offered"
        out += " (goal \(formatNumber(serviceLevel.goal * 100, decimals: 0)) %)\n\n"

        let rows = centre.map { estimate -> [String] in
            [estimate.definition.label, format(estimate.interval?.mean, estimate.definition.unit), intervalText(estimate)]
        }
        out += renderTable(header: ["centre", "mean", "95 % confidence interval"], rows: rows, rightAligned: [1])

        out += "\n"
        out += summaryTable(
            header: ["call type", "offered", "service level", "abandoned", "ASA", "wait p90", "AHT"],
            keys: ["offered", "serviceLevel", "abandonmentRate", "averageSpeedOfAnswer", "waitP90", "averageHandleTime"],
            rows: callTypes.map { ([$0.name], $0.kpis) })
        out += "\n"
        out += summaryTable(
            header: ["agent group", "agents", "occupancy", "contacts/agent-hour"], keys: ["occupancy", "contactsPerAgentHour"],
            rows: agentGroups.map { ([$0.name, String($0.agents)], $0.kpis) })
        out += "\n"
        out += summaryTable(
            header: ["interval", "offered", "service level", "abandoned", "ASA", "occupancy", "agents"],
            keys: ["offered", "serviceLevel", "abandonmentRate", "averageSpeedOfAnswer", "occupancy", "agentsStaffed"],
            rows: intervals.map { ([$0.start], $0.kpis) })
        if let money { out += "\n" + money.table() }
        return out
    }

    /// One line per row: its leading cells, then the mean of each KPI in `keys`.
    private func summaryTable(header: [String], keys: [String], rows: [(cells: [String], kpis: [KPIEstimate])]) -> String {
        let lines = rows.map { row in
            row.cells + keys.map { key in
                let estimate = row.kpis.first { $0.definition.key == key }
                return format(estimate?.interval?.mean, estimate?.definition.unit ?? .count)
            }
        }
        let leading = rows.first?.cells.count ?? 1
        return renderTable(header: header, rows: lines, rightAligned: Set(leading..<header.count).union(leading > 1 ? [1] : []))
    }

    private func intervalText(_ estimate: KPIEstimate) -> String {
        guard let interval = estimate.interval, let low = interval.lower, let high = interval.upper else {
            return estimate.interval == nil ? "not defined" : "(one replication)"
        }
        return "[\(format(low, estimate.definition.unit)), \(format(high, estimate.definition.unit))]"
    }

    private func format(_ value: Double?, _ unit: KPIUnit) -> String {
        guard let value else { return "-" }
        switch unit {
        case .count: return formatNumber(value, decimals: 1)
        case .share: return formatNumber(value * 100, decimals: 2) + " %"
        case .seconds: return formatNumber(value, decimals: 1) + " s"
        case .perAgentHour, .average: return formatNumber(value, decimals: 2)
        }
    }
}

/// A CSV field, quoted (RFC 4180) when it holds a comma, a quote or a line break.
func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

/// `value` with a fixed number of decimals, independent of the locale.
func formatNumber(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
    let text = String(format: "%.\(decimals)f", value)
    // A negative value that rounds to zero prints as "0.0", not "-0.0".
    return text.hasPrefix("-") && text.allSatisfy({ "-0.".contains($0) }) ? String(text.dropFirst()) : text
}

/// Columns padded to their widest cell; `rightAligned` lists the columns aligned to the right.
func renderTable(header: [String], rows: [[String]], rightAligned: Set<Int>) -> String {
    let all = [header] + rows
    let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
    func line(_ cells: [String]) -> String {
        cells.enumerated().map { column, cell in
            let pad = String(repeating: " ", count: widths[column] - cell.count)
            return rightAligned.contains(column) ? pad + cell : cell + pad
        }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
    }
    return ([line(header)] + rows.map(line)).joined(separator: "\n") + "\n"
}
