import ContactCenter
import Foundation

extension RegressionCheck {
    /// The check as a table (`table`), a JSON document (`json`) or CSV rows (`csv`), ending with a newline.
    public func rendered(as format: ReportFormat, scenario: String) -> String {
        switch format {
        case .json: return json(scenario: scenario).serialized() + "\n"
        case .csv:
            let header = "scope,name,kpi,expected,got,difference,pValue,verdict"
            return ([header] + comparisons.map { row in
                [row.scope, row.name, row.kpi].map(csvField) + [row.expected, row.got, difference(row), row.pValue].map { value in
                    value.map { JSONValue.double($0).serialized() } ?? ""
                } + [row.verdict.rawValue]
            }.map { $0.joined(separator: ",") }).joined(separator: "\n") + "\n"
        case .table:
            let regressed = comparisons.filter { $0.verdict == .regressed }.count
            var out = "ccsim check: \(scenario): "
            out += passed
                ? "passed (\(comparisons.count) KPIs, none regressed)\n"
                : "FAILED (\(regressed) of \(comparisons.count) KPIs regressed)\n"
            out += "false-alarm rate α = \(formatNumber(alpha * 100, decimals: 1)) % over all KPIs (Welch t-test, Bonferroni)\n\n"
            // Regressions first, then the rest in report order.
            let ordered = comparisons.filter { $0.verdict == .regressed } + comparisons.filter { $0.verdict != .regressed }
            let rows = ordered.map { row -> [String] in
                [
                    row.scope == "centre" ? row.kpi : "\(row.name): \(row.kpi)",
                    row.expected.map(shortNumber) ?? "-", row.got.map(shortNumber) ?? "-",
                    difference(row).map(shortNumber) ?? "-",
                    row.pValue.map { $0 < 0.0001 ? "<0.0001" : formatNumber($0, decimals: 4) } ?? "-",
                    row.verdict == .regressed ? "REGRESSED: \(row.reason)" : row.verdict.rawValue,
                ]
            }
            return out + renderTable(
                header: ["KPI", "expected", "got", "difference", "p-value", "verdict"], rows: rows, rightAligned: [1, 2, 3, 4])
        }
    }

    /// The check as JSON: the verdict, α and one object per KPI.
    public func json(scenario: String) -> JSONValue {
        .object([
            JSONMember(key: "scenario", value: .string(scenario)),
            JSONMember(key: "passed", value: .bool(passed)),
            JSONMember(key: "alpha", value: .double(alpha)),
            JSONMember(key: "comparisons", value: .array(comparisons.map { row in
                .object([
                    JSONMember(key: "scope", value: .string(row.scope)),
                    JSONMember(key: "name", value: .string(row.name)),
                    JSONMember(key: "kpi", value: .string(row.kpi)),
                    JSONMember(key: "expected", value: row.expected.map { .double($0) } ?? .null),
                    JSONMember(key: "got", value: row.got.map { .double($0) } ?? .null),
                    JSONMember(key: "difference", value: difference(row).map { .double($0) } ?? .null),
                    JSONMember(key: "pValue", value: row.pValue.map { .double($0) } ?? .null),
                    JSONMember(key: "verdict", value: .string(row.verdict.rawValue)),
                    JSONMember(key: "reason", value: .string(row.reason)),
                ])
            })),
        ])
    }

    /// A JUnit XML report: one test suite, one test case per KPI, a failure for each regression.
    public func junit(scenario: String) -> String {
        let failures = comparisons.filter { $0.verdict == .regressed }.count
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"ccsim check\" tests=\"\(comparisons.count)\" failures=\"\(failures)\">\n"
        xml += "  <testsuite name=\"\(xmlEscaped(scenario))\" tests=\"\(comparisons.count)\" failures=\"\(failures)\">\n"
        for row in comparisons {
            let name = row.scope == "centre" ? row.kpi : "\(row.scope) \(row.name): \(row.kpi)"
            xml += "    <testcase classname=\"\(xmlEscaped(scenario))\" name=\"\(xmlEscaped(name))\""
            if row.verdict == .regressed {
                let detail = "expected \(row.expected.map(shortNumber) ?? "-"), got \(row.got.map(shortNumber) ?? "-")"
                    + (row.pValue.map { ", p = \(JSONValue.double($0).serialized())" } ?? "")
                xml += ">\n      <failure message=\"\(xmlEscaped(row.reason))\">\(xmlEscaped(detail))</failure>\n    </testcase>\n"
            } else {
                xml += "/>\n"
            }
        }
        xml += "  </testsuite>\n</testsuites>\n"
        return xml
    }

    private func difference(_ row: KPIComparison) -> Double? {
        guard let expected = row.expected, let got = row.got else { return nil }
        return got - expected
    }
}

private func shortNumber(_ value: Double) -> String {
    let magnitude = abs(value)
    if magnitude != 0 && (magnitude < 0.001 || magnitude >= 1e9) { return String(format: "%.4g", value) }
    return formatNumber(value, decimals: magnitude >= 100 ? 2 : 5)
}
