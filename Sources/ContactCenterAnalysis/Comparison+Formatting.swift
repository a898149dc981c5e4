import ContactCenter
import SimulationKernel

extension Comparison: FormattedReport {
    /// KPIs shown in the table (the JSON and CSV have all of them).
    static let tableKeys = [
        "offered", "answered", "serviceLevel", "abandonmentRate", "averageSpeedOfAnswer", "waitP90", "averageHandleTime",
        "transfers", "ivrContainmentRate", "callbacksCompleted", "firstContactResolution", "repeatContactRate",
        "occupancy", "staffedAgentHours", "contactsPerAgentHour",
    ]


    /// `{"base": …, "replications": …, "seed": …, "currency": …, "variants": [{"name": …, "kpis": {key: difference},
    /// "money": {…}, "extraInvestment": …, "investment": …, "roiPercent": …, "paybackMonths": …}]}`.
    public func json() -> JSONValue {
        .object([
            JSONMember(key: "ccsimVersion", value: .integer(ScenarioReader.formatVersion)),
            JSONMember(key: "base", value: .string(baseName)),
            JSONMember(key: "replications", value: .integer(replications)),
            JSONMember(key: "seed", value: .integer(seed)),
            JSONMember(key: "currency", value: .string(currency)),
            JSONMember(key: "variants", value: .array(variants.map { variant in
                var members = [
                    JSONMember(key: "name", value: .string(variant.name)),
                    JSONMember(key: "kpis", value: Comparison.json(variant.kpis)),
                ]
                if !variant.money.isEmpty {
                    members += [
                        JSONMember(key: "money", value: Comparison.json(variant.money)),
                        JSONMember(key: "extraInvestment", value: .double(variant.extraInvestment)),
                        JSONMember(key: "investment", value: variant.investment.map { .double($0) } ?? .null),
                        JSONMember(key: "roiPercent", value: RunReport.json(variant.roiPercent)),
                        JSONMember(key: "paybackMonths", value: variant.paybackMonths.map { payback in
                            .object([
                                JSONMember(key: "mean", value: .double(payback.mean)),
                                JSONMember(key: "ciLow", value: payback.low.map { .double($0) } ?? .null),
                                JSONMember(key: "ciHigh", value: payback.high.map { .double($0) } ?? .null),
                            ])
                        } ?? .null),
                    ]
                }
                return .object(members)
            })),
        ])
    }

    static func json(_ differences: [PairedDifference]) -> JSONValue {
        .object(differences.map { difference in
            JSONMember(key: difference.key, value: .object([
                JSONMember(key: "base", value: difference.base.map { .double($0) } ?? .null),
                JSONMember(key: "variant", value: difference.variant.map { .double($0) } ?? .null),
                JSONMember(key: "difference", value: RunReport.json(difference.difference)),
                JSONMember(key: "significant", value: .bool(difference.significant)),
            ]))
        })
    }

    /// One row per figure: `variant,kpi,base,variant,difference,ciLow,ciHigh,significant`.
    public func csv() -> String {
        var lines = ["variant,kpi,base,variant,difference,ciLow,ciHigh,significant"]
        func cell(_ value: Double?) -> String { value.map { JSONValue.double($0).serialized(pretty: false) } ?? "" }
        for variant in variants {
            for difference in variant.kpis + variant.money {
                lines.append([
                    csvField(variant.name), difference.key, cell(difference.base), cell(difference.variant),
                    cell(difference.difference?.mean), cell(difference.difference?.lower), cell(difference.difference?.upper),
                    difference.significant ? "yes" : "no",
                ].joined(separator: ","))
            }
            if !variant.money.isEmpty {
                let returns: [(String, (mean: Double, low: Double?, high: Double?)?)] = [
                    ("extraInvestment", (variant.extraInvestment, nil, nil)), ("investment", variant.investment.map { ($0, nil, nil) }),
                    ("roiPercent", variant.roiPercent.map { ($0.mean, $0.lower, $0.upper) }), ("paybackMonths", variant.paybackMonths),
                ]
                for (key, estimate) in returns {
                    lines.append([csvField(variant.name), key, "", "", cell(estimate?.mean), cell(estimate?.low), cell(estimate?.high), ""]
                        .joined(separator: ","))
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A readable report: per variant, the main KPIs and the money, with the 95 % interval of each
    /// paired difference and whether it is significant.
    public func table() -> String {
        var out = "ccsim compare: base \"\(baseName)\", \(replications) paired replication(s), seed \(seed), common random numbers\n"
        out += "difference = variant − base, estimated replication by replication; * = its 95 % interval excludes 0\n"
        let units = Dictionary(uniqueKeysWithValues: KPICatalog.allCentre.map { ($0.key, $0.unit) })
        for variant in variants {
            out += "\nvariant \"\(variant.name)\"\n"
            var rows = Comparison.tableKeys.compactMap { key in variant.kpis.first { $0.key == key } }
                .filter { $0.base != nil || $0.variant != nil }
                .filter { $0.key != "transfers" && $0.key != "callbacksCompleted" && $0.key != "ivrContainmentRate" || ($0.base ?? 0) != 0 || ($0.variant ?? 0) != 0 }
                .map { difference -> [String] in
                    let unit = units[difference.key] ?? .count
                    return row(difference, format: { kpi($0, unit) }, differenceFormat: { kpiDifference($0, unit) })
                }
            if !variant.money.isEmpty {
                rows.append(["money (\(currency))", "", "", "", "", ""])
                rows += variant.money.map { difference in
                    // Money in the currency with two decimals; customers lost is a count.
                    let unit = difference.key == "customersLostPerYear" ? "" : " " + currency
                    let decimals = unit.isEmpty ? 1 : 2
                    return row(difference, format: { formatNumber($0, decimals: decimals) + unit }, differenceFormat: { signed($0, decimals: decimals) + unit })
                }
                rows.append(["extra one-off investment", "", "", signed(variant.extraInvestment, decimals: 2) + " " + currency, "", ""])
                if let investment = variant.investment {
                    rows.append(["put in over the first year", "", "", formatNumber(investment, decimals: 2) + " " + currency, "(one-off + extra running cost a year)", ""])
                }
                let roiText = variant.roiPercent.map { signed($0.mean, decimals: 1) + " %" } ?? "-"
                let roiInterval = variant.roiPercent.flatMap { interval in
                    interval.lower.map { "[\(signed($0, decimals: 1)) %, \(signed(interval.upper!, decimals: 1)) %]" }
                } ?? (variant.investment == nil ? "(no extra investment or cost)" : "")
                rows.append(["ROI of the change, a year", "", "", roiText, roiInterval, ""])
                if let payback = variant.paybackMonths {
                    let high = payback.high.map { formatNumber($0, decimals: 1) } ?? "never"
                    let low = payback.low.map { formatNumber($0, decimals: 1) } ?? "-"
                    rows.append(["payback, months", "", "", formatNumber(payback.mean, decimals: 1), "[\(low), \(high)]", ""])
                } else if variant.extraInvestment > 0 {
                    rows.append(["payback, months", "", "", "never", "(the change gains nothing a month)", ""])
                }
            }
            out += renderTable(header: ["figure", "base", "variant", "difference", "95 % CI of the difference", ""], rows: rows, rightAligned: [1, 2, 3])
        }
        return out
    }

    private func row(_ difference: PairedDifference, format: (Double) -> String, differenceFormat: (Double) -> String) -> [String] {
        let interval = difference.difference.flatMap { interval in
            interval.lower.map { "[\(differenceFormat($0)), \(differenceFormat(interval.upper!))]" }
        } ?? ""
        return [
            difference.label, difference.base.map(format) ?? "-", difference.variant.map(format) ?? "-",
            difference.difference.map { differenceFormat($0.mean) } ?? "-", interval, difference.significant ? "*" : "",
        ]
    }

    private func kpi(_ value: Double, _ unit: KPIUnit) -> String {
        switch unit {
        case .count: return formatNumber(value, decimals: 1)
        case .share: return formatNumber(value * 100, decimals: 2) + " %"
        case .seconds: return formatNumber(value, decimals: 1) + " s"
        case .perAgentHour, .average: return formatNumber(value, decimals: 2)
        }
    }

    private func kpiDifference(_ value: Double, _ unit: KPIUnit) -> String {
        switch unit {
        case .count: return signed(value, decimals: 1)
        case .share: return signed(value * 100, decimals: 2) + " pt"
        case .seconds: return signed(value, decimals: 1) + " s"
        case .perAgentHour, .average: return signed(value, decimals: 2)
        }
    }

    private func signed(_ value: Double, decimals: Int) -> String {
        let text = formatNumber(value, decimals: decimals)
        return value > 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "+" + text : text
    }
}
