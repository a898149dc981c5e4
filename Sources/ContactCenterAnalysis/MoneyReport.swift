import ContactCenter
import SimulationKernel

/// One money figure of a replication: an amount that scales with the period, or a ratio that does not.
public struct MoneyLine: Sendable {
    /// How the value is measured.
    public enum Unit: String, Sendable {
        /// Currency units over the period (scaled to a month and a year).
        case amount
        /// A number of customers over the period (scaled like an amount).
        case customers
        /// Currency units per contact or per issue (not scaled).
        case ratio
        /// A percentage (not scaled).
        case percent
        /// A share in [0, 1] per year (not scaled).
        case share
    }

    /// JSON key.
    public let key: String
    /// Label in the table report.
    public let label: String
    /// Unit of the value.
    public let unit: Unit
    /// The value in one replication (`nil` when undefined there).
    let value: @Sendable (MoneyFigures) -> Double?

    /// Whether the value is a total over the period, to be scaled to a month and a year.
    public var scales: Bool { unit == .amount || unit == .customers }
}

/// The time scales money is reported at.
public enum MoneyScale: String, Sendable, CaseIterable {
    /// The simulated (observed) period.
    case perPeriod
    /// A month of 365.25 / 12 days.
    case perMonth
    /// A year of 365.25 days.
    case perYear

    /// The value of a total `value` over a period of `months` months, at this scale.
    func scaled(_ value: Double, months: Double) -> Double {
        switch self {
        case .perPeriod: return value
        case .perMonth: return value / months
        case .perYear: return value / months * 12
        }
    }
}

/// The money lines of each section, in report order.
enum MoneyCatalog {
    static func costs(_ scenario: Scenario) -> [MoneyLine] {
        CostCategory.allCases.enumerated().map { index, category in
            MoneyLine(key: category.rawValue, label: category.label, unit: .amount) { $0.costs[index] }
        } + [
            MoneyLine(key: "total", label: "total cost", unit: .amount) { $0.totalCost },
            MoneyLine(key: "costPerContact", label: "cost per handled contact", unit: .ratio) {
                $0.answered > 0 ? $0.totalCost / $0.answered : nil
            },
            MoneyLine(key: "costPerResolution", label: "cost per resolved issue", unit: .ratio) {
                $0.issuesResolved > 0 ? $0.totalCost / $0.issuesResolved : nil
            },
        ]
    }

    static func revenue(_ scenario: Scenario) -> [MoneyLine] {
        var lines = [
            MoneyLine(key: "retainedValue", label: "value of customers retained", unit: .amount) { $0.retainedValue },
            MoneyLine(key: "upsell", label: "upsell and cross-sell", unit: .amount) { $0.upsell },
            MoneyLine(key: "total", label: "revenue attributable to the service", unit: .amount) { $0.revenue },
            MoneyLine(key: "customersRetained", label: "customers retained", unit: .customers) { $0.customersRetained },
            MoneyLine(key: "customersLost", label: "customers lost (churn)", unit: .customers) { $0.customersLost },
        ]
        if let customers = scenario.revenue?.customers {
            lines.append(MoneyLine(key: "customerBaseLostPerYear", label: "share of the customer base lost a year", unit: .share) {
                $0.customersLost / $0.months * 12 / customers
            })
        }
        return lines
    }

    static let roi: [MoneyLine] = [
        MoneyLine(key: "netBenefit", label: "revenue − cost", unit: .amount) { $0.revenue - $0.totalCost },
        MoneyLine(key: "percent", label: "ROI = (revenue − cost) / cost", unit: .percent) {
            $0.totalCost > 0 ? ($0.revenue - $0.totalCost) / $0.totalCost * 100 : nil
        },
    ]
}

/// A money line estimated over replications, at every scale.
public struct MoneyEstimate: Sendable {
    /// The line.
    public let line: MoneyLine
    /// The estimate per period, month and year for amounts; only `perPeriod` for ratios.
    public let byScale: [MoneyScale: ConfidenceInterval]

    init(_ line: MoneyLine, figures: [MoneyFigures]) {
        self.line = line
        var byScale: [MoneyScale: ConfidenceInterval] = [:]
        for scale in line.scales ? MoneyScale.allCases : [.perPeriod] {
            let values = figures.compactMap { figure in line.value(figure).map { scale.scaled($0, months: figure.months) } }
            if !values.isEmpty { byScale[scale] = ConfidenceInterval(values: values) }
        }
        self.byScale = byScale
    }
}

/// Cost, revenue and ROI of a run, each with its 95 % confidence interval over replications.
public struct MoneyReport: Sendable {
    /// Currency of every amount.
    public let currency: String
    /// Length of the observed period, in months of 365.25 / 12 days.
    public let periodMonths: Double
    /// The cost breakdown, total, cost per contact and per resolved issue (empty without `costs`).
    public let costs: [MoneyEstimate]
    /// Revenue and churn (empty without `revenue`).
    public let revenue: [MoneyEstimate]
    /// Net benefit and ROI % (empty unless the scenario has both costs and revenue).
    public let roi: [MoneyEstimate]

    /// The money of replications `results` of `scenario`, or `nil` when it has neither costs nor revenue.
    init?(scenario: Scenario, results: [ReplicationResult]) {
        guard scenario.costs != nil || scenario.revenue != nil, let first = results.first else { return nil }
        let model = EconomicModel(scenario)
        let figures = results.map(model.figures)
        currency = scenario.costs?.currency ?? "EUR"
        periodMonths = model.figures(first).months
        costs = scenario.costs == nil ? [] : MoneyCatalog.costs(scenario).map { MoneyEstimate($0, figures: figures) }
        revenue = scenario.revenue == nil ? [] : MoneyCatalog.revenue(scenario).map { MoneyEstimate($0, figures: figures) }
        roi = scenario.costs == nil || scenario.revenue == nil ? [] : MoneyCatalog.roi.map { MoneyEstimate($0, figures: figures) }
    }
}

extension MoneyReport {
    /// The sections that have lines: `costs`, `revenue`, `roi`.
    var sections: [(name: String, estimates: [MoneyEstimate])] {
        [("costs", costs), ("revenue", revenue), ("roi", roi)].filter { !$0.1.isEmpty }
    }

    /// The members `costs`, `revenue` and `roi` of a run's JSON: per section, the amounts under
    /// `perPeriod`, `perMonth` and `perYear`, and ratios directly.
    func jsonMembers() -> [JSONMember] {
        sections.map { name, estimates in
            var members: [JSONMember] = []
            if name == "costs" { members.append(JSONMember(key: "currency", value: .string(currency))) }
            if name != "roi" { members.append(JSONMember(key: "periodMonths", value: .double(periodMonths))) }
            let amounts = estimates.filter(\.line.scales)
            if !amounts.isEmpty {
                for scale in MoneyScale.allCases {
                    members.append(JSONMember(key: scale.rawValue, value: .object(amounts.map {
                        JSONMember(key: $0.line.key, value: RunReport.json($0.byScale[scale]))
                    })))
                }
            }
            for estimate in estimates where !estimate.line.scales {
                members.append(JSONMember(key: estimate.line.key, value: RunReport.json(estimate.byScale[.perPeriod])))
            }
            return JSONMember(key: name, value: .object(members))
        }
    }

    /// The money as a readable table: per line, the mean per period, month and year, and the 95 %
    /// interval of the yearly figure (of the value itself for ratios).
    func table() -> String {
        var rows: [[String]] = []
        for (name, estimates) in sections {
            let header = name == "costs" ? "costs (\(currency))" : name == "revenue" ? "revenue (\(currency))" : "return on investment"
            rows.append([header, "", "", "", ""])
            for estimate in estimates {
                // Categories that cost nothing in every replication are left out of the table (not of the JSON).
                if estimate.line.unit == .amount, name == "costs", estimate.line.key != "total",
                   let year = estimate.byScale[.perYear], year.mean == 0, (year.halfWidth ?? 0) == 0 { continue }
                let main = estimate.line.scales ? estimate.byScale[.perYear] : estimate.byScale[.perPeriod]
                let cells = estimate.line.scales
                    ? MoneyScale.allCases.map { money(estimate.byScale[$0]?.mean, estimate.line.unit) }
                    : ["", "", money(main?.mean, estimate.line.unit)]
                let interval = main.flatMap { interval in
                    interval.lower.map { "[\(money($0, estimate.line.unit)), \(money(interval.upper!, estimate.line.unit))]" }
                } ?? ""
                rows.append(["  " + estimate.line.label] + cells + [interval])
            }
        }
        let period = formatNumber(periodMonths, decimals: 2)
        return renderTable(
            header: ["money", "per period (\(period) months)", "per month", "per year", "95 % confidence interval"],
            rows: rows, rightAligned: [1, 2, 3])
    }

    private func money(_ value: Double?, _ unit: MoneyLine.Unit) -> String {
        guard let value else { return "-" }
        switch unit {
        case .amount: return formatNumber(value, decimals: 2) + " " + currency
        case .customers: return formatNumber(value, decimals: 1)
        case .ratio: return formatNumber(value, decimals: 2) + " " + currency
        case .percent: return formatNumber(value, decimals: 1) + " %"
        case .share: return formatNumber(value * 100, decimals: 2) + " %"
        }
    }
}
