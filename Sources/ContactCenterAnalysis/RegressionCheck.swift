import ContactCenter
import SimulationKernel

/// One KPI of a run, as read from a result JSON: where it belongs, its estimate and its spread.
struct ResultEntry: Equatable {
    /// `centre`, `callType` or `agentGroup`.
    var scope: String
    /// Name of the call type or group (the scenario's name for the centre).
    var name: String
    /// The KPI's JSON key.
    var kpi: String
    /// Mean over replications (`nil` when undefined).
    var mean: Double?
    /// Half width of the 95 % interval (`nil` with one replication or an undefined KPI).
    var halfWidth: Double?
    /// Replications behind the estimate: those where the KPI is defined.
    var replications: Int
    /// Replications of the run.
    var runReplications: Int

    var label: String { scope == "centre" ? kpi : "\(scope) \(name): \(kpi)" }

    /// The standard error of the mean recovered from the 95 % Student-t half width.
    var standardError: Double? {
        guard let halfWidth, replications > 1 else { return nil }
        return halfWidth / StudentT.criticalValue(confidence: 0.95, degreesOfFreedom: Double(replications - 1))
    }
}

/// A run's result JSON (`ccsim run --format json`) flattened into KPI entries.
struct ResultDocument {
    var scenario: String
    var seed: UInt64?
    var replications: Int
    var entries: [ResultEntry]

    /// Reads a result document; `nil` with the reason when it is not one.
    static func read(_ document: JSONValue) -> Result<ResultDocument, ResultFormatError> {
        guard case .string(let scenario)? = document["scenario"] else {
            return .failure(ResultFormatError(path: "scenario", expected: "the scenario's name (a ccsim result JSON)"))
        }
        guard case .number(let count)? = document["replications"], let replications = count.exactInteger, replications >= 1 else {
            return .failure(ResultFormatError(path: "replications", expected: "a whole number of replications ≥ 1"))
        }
        var seed: UInt64?
        if case .number(let number)? = document["seed"] { seed = number.exactUnsigned }
        var entries: [ResultEntry] = []
        func collect(_ kpis: JSONValue?, scope: String, name: String, path: String) -> ResultFormatError? {
            guard case .object(let members)? = kpis else { return ResultFormatError(path: path, expected: "an object of KPIs") }
            for member in members {
                func number(_ key: String) -> Double?? {
                    switch member.value[key] {
                    case .number(let number)?: return .some(number.value)
                    case .null?: return .some(nil)
                    default: return nil
                    }
                }
                guard let mean = number("mean"), let low = number("ciLow"), let high = number("ciHigh") else {
                    return ResultFormatError(path: "\(path).\(member.key)", expected: "an object with mean, ciLow and ciHigh")
                }
                let halfWidth: Double? = if let mean, let low, let high { Swift.max(high - mean, mean - low) } else { nil }
                // Results written before the count was recorded: every replication.
                var defined = Int(replications)
                if case .number(let count)? = member.value["n"], let exact = count.exactInteger, exact >= 0, exact <= replications {
                    defined = Int(exact)
                }
                entries.append(ResultEntry(
                    scope: scope, name: name, kpi: member.key, mean: mean, halfWidth: halfWidth, replications: defined,
                    runReplications: Int(replications)))
            }
            return nil
        }
        if let error = collect(document["kpis"], scope: "centre", name: scenario, path: "kpis") { return .failure(error) }
        for (key, scope, nameKey) in [("callTypes", "callType", "name"), ("agentGroups", "agentGroup", "name"), ("intervals", "interval", "start")] {
            // Results recorded before intervals were reported have none: nothing to compare there.
            if key == "intervals" && document[key] == nil { continue }
            guard case .array(let items)? = document[key] else {
                return .failure(ResultFormatError(path: key, expected: "an array"))
            }
            for (index, item) in items.enumerated() {
                guard case .string(let name)? = item[nameKey] else {
                    return .failure(ResultFormatError(path: "\(key)[\(index)].\(nameKey)", expected: "a name"))
                }
                if let error = collect(item["kpis"], scope: scope, name: name, path: "\(key)[\(index)].kpis") {
                    return .failure(error)
                }
            }
        }
        // Money, when the scenario has costs or revenue: the yearly amounts and the ratios.
        for section in ["costs", "revenue", "roi"] {
            guard case .object(let members)? = document[section] else { continue }
            if let error = collect(document[section]?["perYear"], scope: section, name: "perYear", path: "\(section).perYear"),
               document[section]?["perYear"] != nil {
                return .failure(error)
            }
            let ratios = members.filter { member in
                if case .object = member.value, member.value["mean"] != nil { return true }
                return false
            }
            if !ratios.isEmpty, let error = collect(.object(ratios), scope: section, name: "ratio", path: section) { return .failure(error) }
        }
        return .success(ResultDocument(scenario: scenario, seed: seed, replications: Int(replications), entries: entries))
    }
}

/// Why a file is not a ccsim result.
public struct ResultFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// JSON path of the problem.
    public var path: String
    /// What was expected there.
    public var expected: String
    /// "path: expected …".
    public var description: String { "\(path): expected \(expected)" }
}

/// The verdict on one KPI of a regression check.
public enum KPIVerdict: String, Sendable {
    /// No significant difference.
    case ok
    /// A significant difference (or, for a count fixed by the seed, any difference).
    case regressed
    /// In the new run only (a KPI added since the expected result was recorded): not compared.
    case new
}

/// One row of a regression check.
public struct KPIComparison: Sendable {
    /// `centre`, `callType` or `agentGroup`.
    public let scope: String
    /// Name of the call type or group, or of the scenario.
    public let name: String
    /// The KPI's JSON key.
    public let kpi: String
    /// Expected mean (`nil` when undefined or missing).
    public let expected: Double?
    /// Mean of the new run (`nil` when undefined or missing).
    public let got: Double?
    /// Two-sided p-value of Welch's t-test (`nil` where no test applies).
    public let pValue: Double?
    /// The verdict.
    public let verdict: KPIVerdict
    /// Why, in a few words.
    public let reason: String
}

/// Compares a new run with an expected result, KPI by KPI (`ccsim check`).
///
/// Each KPI's replication means are compared by Welch's two-sample t-test, with the standard error
/// recovered from the 95 % Student-t interval of each result. A KPI regresses when its p-value is
/// below α / K, where K is the number of KPIs compared (Bonferroni), so that the chance that an
/// unchanged model fails the check on some KPI is at most α (1 % by default). KPIs with no spread in
/// either run (a constant, or a count fixed by the seed) must match exactly; and when both runs use
/// the same seed and number of replications, the KPIs that the seed alone determines (`arrivals`,
/// `staffedAgentHours`) must match exactly.
public struct RegressionCheck: Sendable {
    /// KPIs fixed by the seed and the demand and staffing of the scenario, whatever the model does.
    public static let seedDeterminedKPIs: Set<String> = ["arrivals", "staffedAgentHours"]

    /// Family-wise false-alarm rate.
    public let alpha: Double
    /// One row per KPI, in the order of the new run.
    public let comparisons: [KPIComparison]

    /// Whether no KPI regressed.
    public var passed: Bool { !comparisons.contains { $0.verdict == .regressed } }

    /// Compares `actual` with `expected` (both result JSON documents).
    /// - Throws: ``ResultFormatError`` when either is not a ccsim result.
    public init(expected expectedDocument: JSONValue, actual actualDocument: JSONValue, alpha: Double = 0.01) throws(ResultFormatError) {
        let expected = try ResultDocument.read(expectedDocument).get()
        let actual = try ResultDocument.read(actualDocument).get()
        self.alpha = alpha
        let sameStreams = expected.seed == actual.seed && expected.replications == actual.replications
        var expectedByLabel: [String: ResultEntry] = [:]
        for entry in expected.entries { expectedByLabel["\(entry.scope)\u{0}\(entry.name)\u{0}\(entry.kpi)"] = entry }
        let tested = actual.entries.filter { expectedByLabel["\($0.scope)\u{0}\($0.name)\u{0}\($0.kpi)"] != nil }.count
        let threshold = alpha / Double(Swift.max(tested, 1))
        var rows: [KPIComparison] = []
        var matched: Set<String> = []
        for entry in actual.entries {
            let key = "\(entry.scope)\u{0}\(entry.name)\u{0}\(entry.kpi)"
            guard let old = expectedByLabel[key] else {
                rows.append(KPIComparison(
                    scope: entry.scope, name: entry.name, kpi: entry.kpi, expected: nil, got: entry.mean, pValue: nil,
                    verdict: .new, reason: "not in the expected result"))
                continue
            }
            matched.insert(key)
            let exact = sameStreams && RegressionCheck.seedDeterminedKPIs.contains(entry.kpi)
            rows.append(RegressionCheck.compare(old, entry, exact: exact, threshold: threshold))
        }
        for entry in expected.entries where !matched.contains("\(entry.scope)\u{0}\(entry.name)\u{0}\(entry.kpi)") {
            rows.append(KPIComparison(
                scope: entry.scope, name: entry.name, kpi: entry.kpi, expected: entry.mean, got: nil, pValue: nil,
                verdict: .regressed, reason: "missing from the new run"))
        }
        comparisons = rows
    }

    static func compare(_ old: ResultEntry, _ new: ResultEntry, exact: Bool, threshold: Double) -> KPIComparison {
        func row(_ p: Double?, _ verdict: KPIVerdict, _ reason: String) -> KPIComparison {
            KPIComparison(
                scope: new.scope, name: new.name, kpi: new.kpi, expected: old.mean, got: new.mean, pValue: p,
                verdict: verdict, reason: reason)
        }
        guard let a = old.mean, let b = new.mean else {
            if old.mean == nil && new.mean == nil { return row(nil, .ok, "undefined in both") }
            // Defined in only one run: a change only if it was defined in most replications there
            // (a KPI over rare contacts comes and goes with the noise).
            let defined = old.mean == nil ? new : old
            return 2 * defined.replications >= defined.runReplications
                ? row(nil, .regressed, "defined in only one run") : row(nil, .ok, "defined in too few replications to test")
        }
        if exact {
            return a == b ? row(nil, .ok, "same seed, equal") : row(nil, .regressed, "fixed by the seed, yet different")
        }
        if old.replications < 2 || new.replications < 2 {
            return row(nil, .ok, "defined in too few replications to test")
        }
        let seA = old.standardError ?? 0, seB = new.standardError ?? 0
        let variance = seA * seA + seB * seB
        if variance == 0 || !variance.isFinite {
            let equal = abs(a - b) <= 1e-12 * Swift.max(abs(a), abs(b))
            return equal ? row(nil, .ok, "no spread, equal") : row(nil, .regressed, "no spread, different")
        }
        let t = (b - a) / variance.squareRoot()
        // Welch–Satterthwaite degrees of freedom.
        let nA = Double(old.replications), nB = Double(new.replications)
        let termA = seA * seA, termB = seB * seB
        var df = variance * variance
        df /= (nA > 1 ? termA * termA / (nA - 1) : 0) + (nB > 1 ? termB * termB / (nB - 1) : 0)
        if !df.isFinite || df < 1 { df = 1 }
        let p = 2 * StudentT.cdf(-abs(t), degreesOfFreedom: df)
        return p < threshold
            ? row(p, .regressed, "significant (p < \(formatNumber(threshold, decimals: 5)))")
            : row(p, .ok, "within noise")
    }
}
