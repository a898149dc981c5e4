import ContactCenter
import SimulationKernel

/// The difference of one figure between a variant and its base, from paired replications.
public struct PairedDifference: Sendable {
    /// JSON key of the figure.
    public let key: String
    /// Label in the table report.
    public let label: String
    /// Mean in the base over its replications (`nil` when undefined in all).
    public let base: Double?
    /// Mean in the variant (`nil` when undefined in all).
    public let variant: Double?
    /// Mean of the per-replication differences (variant − base) over replications where the figure is
    /// defined in both, with its 95 % Student-t interval (`nil` when there are none).
    public let difference: ConfidenceInterval?

    /// Whether the 95 % interval of the difference excludes zero (a difference that is the same nonzero
    /// value in every replication counts as significant).
    public var significant: Bool {
        guard let difference else { return false }
        guard let low = difference.lower, let high = difference.upper else { return false }
        if difference.halfWidth == 0 { return difference.mean != 0 }
        return low > 0 || high < 0
    }

    init(key: String, label: String, base: [Double?], variant: [Double?]) {
        self.key = key
        self.label = label
        let baseValues = base.compactMap { $0 }, variantValues = variant.compactMap { $0 }
        self.base = baseValues.isEmpty ? nil : baseValues.reduce(0, +) / Double(baseValues.count)
        self.variant = variantValues.isEmpty ? nil : variantValues.reduce(0, +) / Double(variantValues.count)
        let differences = zip(base, variant).compactMap { pair -> Double? in
            guard let b = pair.0, let v = pair.1 else { return nil }
            return v - b
        }
        difference = differences.isEmpty ? nil : ConfidenceInterval(values: differences)
    }
}

/// What a variant changes against its base, on common random numbers: KPI, cost and revenue
/// differences, and the return on the change.
public struct VariantComparison: Sendable {
    /// The variant's name.
    public let name: String
    /// Differences of the centre's KPIs.
    public let kpis: [PairedDifference]
    /// Differences of yearly cost, revenue, net benefit (amounts per year) and of cost per contact and
    /// per resolved issue, in currency units.
    public let money: [PairedDifference]
    /// The variant's one-off investment less the base's, in currency units.
    public let extraInvestment: Double
    /// What the change's ROI is measured against, in currency units: what it puts in over its first
    /// year, its extra one-off investment plus its mean extra running cost a year (amortisation
    /// excluded), each counted when positive (`nil` when both are zero or less: the change invests and
    /// spends nothing more, so it has no ROI, only savings).
    public let investment: Double?
    /// ROI of the change, % a year: (Δ revenue − Δ cost) per year / ``investment`` × 100, per replication.
    public let roiPercent: ConfidenceInterval?
    /// Months for the extra investment to be paid back by the monthly gain (Δ revenue − Δ running cost,
    /// amortisation excluded): the mean and the interval from the gain's interval (`nil` upper bound:
    /// the gain may be zero or negative, so it may never pay back). `nil` without an extra investment or
    /// when the mean gain is not positive.
    public let paybackMonths: (mean: Double, low: Double?, high: Double?)?
}

/// A paired comparison of variants with a base scenario: every scenario runs the same replication
/// indices on the same seed, so the n-th caller of a call type draws the same numbers everywhere
/// (common random numbers), and differences are estimated replication by replication.
public struct Comparison: Sendable {
    /// The base scenario's name.
    public let baseName: String
    /// Replications per scenario.
    public let replications: Int
    /// The common seed.
    public let seed: UInt64
    /// Currency of the money figures.
    public let currency: String
    /// One comparison per variant, in command-line order.
    public let variants: [VariantComparison]

    /// Compares each of `variants` with `base`, from their replication results (same indices, same seed).
    /// - Precondition: every result list has the same, non-zero length.
    public init(base: Scenario, baseResults: [ReplicationResult], variants: [(scenario: Scenario, results: [ReplicationResult])]) {
        precondition(!baseResults.isEmpty && variants.allSatisfy { $0.results.count == baseResults.count }, "paired runs need equal replications")
        baseName = base.name
        replications = baseResults.count
        seed = base.simulation.seed
        currency = base.costs?.currency ?? variants.lazy.compactMap { $0.scenario.costs?.currency }.first ?? "EUR"
        let baseModel = EconomicModel(base)
        let baseSources = baseResults.map(KPISource.centre)
        let baseMoney = baseResults.map(baseModel.figures)
        let hasMoney = base.costs != nil || base.revenue != nil || variants.contains { $0.scenario.costs != nil || $0.scenario.revenue != nil }
        self.variants = variants.map { variant in
            let sources = variant.results.map(KPISource.centre)
            let kpis = KPICatalog.allCentre.map { definition in
                PairedDifference(
                    key: definition.key, label: definition.label,
                    base: baseSources.map(definition.value), variant: sources.map(definition.value))
            }
            let model = EconomicModel(variant.scenario)
            let money = variant.results.map(model.figures)
            let perYear: [(String, String, (MoneyFigures) -> Double?)] = [
                ("costPerYear", "total cost a year", { $0.totalCost / $0.months * 12 }),
                ("revenuePerYear", "revenue a year", { $0.revenue / $0.months * 12 }),
                ("netBenefitPerYear", "revenue − cost a year", { ($0.revenue - $0.totalCost) / $0.months * 12 }),
                ("customersLostPerYear", "customers lost a year", { $0.customersLost / $0.months * 12 }),
                ("costPerContact", "cost per handled contact", { $0.answered > 0 ? $0.totalCost / $0.answered : nil }),
                ("costPerResolution", "cost per resolved issue", { $0.issuesResolved > 0 ? $0.totalCost / $0.issuesResolved : nil }),
            ]
            let moneyDifferences = hasMoney ? perYear.map { key, label, value in
                PairedDifference(key: key, label: label, base: baseMoney.map(value), variant: money.map(value))
            } : []
            let extra = model.oneOffTotal - baseModel.oneOffTotal
            let netGains = zip(baseMoney, money).map { b, v in ((v.revenue - v.totalCost) - (b.revenue - b.totalCost)) / v.months * 12 }
            let extraRunning = zip(baseMoney, money).map { b, v in (v.runningCost - b.runningCost) / v.months * 12 }.reduce(0, +) / Double(money.count)
            let putIn = Swift.max(0, extra) + Swift.max(0, extraRunning)
            let investment: Double? = putIn > 0 ? putIn : nil
            var roi: ConfidenceInterval?
            var payback: (Double, Double?, Double?)?
            if hasMoney, let investment {
                roi = ConfidenceInterval(values: netGains.map { $0 / investment * 100 })
            }
            if hasMoney, extra > 0 {
                let monthlyGains = zip(baseMoney, money).map { b, v in
                    ((v.revenue - v.runningCost) - (b.revenue - b.runningCost)) / v.months
                }
                let gain = ConfidenceInterval(values: monthlyGains)
                if gain.mean > 0 {
                    payback = (extra / gain.mean, gain.upper.flatMap { $0 > 0 ? extra / $0 : nil },
                               gain.lower.flatMap { $0 > 0 ? extra / $0 : nil })
                }
            }
            return VariantComparison(
                name: variant.scenario.name, kpis: kpis, money: moneyDifferences, extraInvestment: extra,
                investment: hasMoney ? investment : nil, roiPercent: roi, paybackMonths: payback)
        }
    }
}
