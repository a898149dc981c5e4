import ContactCenter
import SimulationKernel

/// The KPIs of a run: for the centre, per call type and per agent group, each as a mean over
/// replications with its 95 % Student-t confidence interval.
public struct RunReport: Sendable {
    /// The scenario's name.
    public let scenarioName: String
    /// Number of replications summarised.
    public let replications: Int
    /// The master seed.
    public let seed: UInt64
    /// Simulated time per replication, in seconds.
    public let horizonSeconds: Double
    /// Warm-up per replication, in seconds.
    public let warmupSeconds: Double
    /// The service-level objective.
    public let serviceLevel: ServiceLevelGoal
    /// KPIs of the whole centre.
    public let centre: [KPIEstimate]
    /// KPIs per call type, in scenario order.
    public let callTypes: [(name: String, kpis: [KPIEstimate])]
    /// KPIs per agent group, in scenario order.
    public let agentGroups: [(name: String, agents: Int, kpis: [KPIEstimate])]
    /// KPIs per reporting interval of the day ("08:00", …), all simulated days together.
    public let intervals: [(start: String, kpis: [KPIEstimate])]
    /// Whether the center keeps opening hours (otherwise it is open 24/7).
    public let hasOpeningHours: Bool
    /// Cost, revenue and ROI (`nil` when the scenario has neither `costs` nor `revenue`).
    public let money: MoneyReport?
    /// The wait-time distribution of answered contacts: per threshold (seconds), the share that waited
    /// at most that long.
    public let waitDistribution: [(seconds: Double, share: ConfidenceInterval?)]

    /// Summarises the replications of a run of `scenario`.
    /// - Precondition: `results` is not empty.
    public init(scenario: Scenario, results: [ReplicationResult]) {
        precondition(!results.isEmpty, "a report needs at least one replication")
        scenarioName = scenario.name
        replications = results.count
        seed = scenario.simulation.seed
        horizonSeconds = scenario.simulation.horizonSeconds
        warmupSeconds = scenario.simulation.warmupSeconds
        serviceLevel = scenario.serviceLevel

        let centreSources = results.map(KPISource.centre)
        centre = KPICatalog.allCentre.map { KPIEstimate($0, sources: centreSources) }
        callTypes = scenario.callTypes.indices.map { type in
            let sources = results.map { result in
                KPISource(
                    contacts: result.callTypes[type], staffedSeconds: 0, busySeconds: 0, answeredByAgents: 0,
                    waitingIntegral: 0, observedSeconds: result.observedSeconds)
            }
            return (scenario.callTypes[type].name, KPICatalog.contacts.map { KPIEstimate($0, sources: sources) })
        }
        hasOpeningHours = !scenario.calendar.isAlwaysOpen
        money = MoneyReport(scenario: scenario, results: results)
        waitDistribution = ReplicationResult.waitThresholds.enumerated().map { index, seconds in
            let shares = results.compactMap { result -> Double? in
                guard result.overall.answered > 0, index < result.answeredWithin.count else { return nil }
                return Double(result.answeredWithin[index]) / Double(result.overall.answered)
            }
            return (seconds, shares.isEmpty ? nil : ConfidenceInterval(values: shares))
        }
        intervals = (0..<scenario.calendar.intervalCount).map { interval in
            let sources = results.map { result in
                KPISource(
                    contacts: result.intervals[interval], staffedSeconds: result.intervalStaffedSeconds[interval],
                    busySeconds: result.intervalBusySeconds[interval], answeredByAgents: result.intervals[interval].answered,
                    waitingIntegral: 0, observedSeconds: result.intervalObservedSeconds[interval])
            }
            return (scenario.calendar.intervalLabel(interval), KPICatalog.interval.map { KPIEstimate($0, sources: sources) })
        }
        agentGroups = scenario.agentGroups.indices.map { group in
            let sources = results.map { result in
                let tally = result.agentGroups[group]
                return KPISource(
                    contacts: ContactTally(), staffedSeconds: tally.staffedSeconds, busySeconds: tally.busySeconds,
                    answeredByAgents: tally.answered, waitingIntegral: 0, observedSeconds: result.observedSeconds)
            }
            return (
                scenario.agentGroups[group].name, scenario.agentGroups[group].agents,
                KPICatalog.agents.map { KPIEstimate($0, sources: sources) }
            )
        }
    }

    /// The estimate of the centre KPI with JSON key `key`, if measured.
    public func centre(_ key: String) -> ConfidenceInterval? {
        centre.first { $0.definition.key == key }?.interval
    }
}
