import ContactCenter
import SimulationKernel

/// How a KPI's value is measured, for formatting.
public enum KPIUnit: String, Sendable {
    /// A number of contacts.
    case count
    /// A share in [0, 1], shown as a percentage.
    case share
    /// A duration in seconds.
    case seconds
    /// Contacts per staffed agent-hour.
    case perAgentHour
    /// A mean number (of callers waiting, say).
    case average
}

/// A key performance indicator: its JSON key, its label and how it is computed from one replication.
public struct KPIDefinition: Sendable {
    /// JSON key (DESIGN.md), e.g. `serviceLevel`.
    public let key: String
    /// Label in the table report.
    public let label: String
    /// Unit of the value.
    public let unit: KPIUnit
    /// The value in one replication, `nil` when undefined there (a ratio over zero contacts).
    let value: @Sendable (KPISource) -> Double?
}

/// What a KPI is computed from in one replication: a contact tally and, for the centre or a group,
/// the agents' time.
struct KPISource {
    var contacts: ContactTally
    var staffedSeconds: Double
    var busySeconds: Double
    var answeredByAgents: Int
    var waitingIntegral: Double
    var observedSeconds: Double
}

extension KPISource {
    /// The whole centre's source in one replication.
    static func centre(_ result: ReplicationResult) -> KPISource {
        KPISource(
            contacts: result.overall,
            staffedSeconds: result.agentGroups.reduce(0) { $0 + $1.staffedSeconds },
            busySeconds: result.agentGroups.reduce(0) { $0 + $1.busySeconds },
            answeredByAgents: result.overall.answered,
            waitingIntegral: result.waitingIntegral, observedSeconds: result.observedSeconds)
    }
}

private func ratio(_ numerator: Double, _ denominator: Double) -> Double? {
    denominator > 0 ? numerator / denominator : nil
}

/// The KPIs of DESIGN.md that this version measures, in report order.
public enum KPICatalog {
    /// KPIs about contacts, reported for the centre and per call type.
    public static let contacts: [KPIDefinition] = [
        KPIDefinition(key: "arrivals", label: "arrivals", unit: .count) { Double($0.contacts.arrivals) },
        KPIDefinition(key: "closedArrivals", label: "arrived while closed", unit: .count) { Double($0.contacts.closedArrivals) },
        KPIDefinition(key: "blocked", label: "blocked (busy signal)", unit: .count) { Double($0.contacts.blocked) },
        KPIDefinition(key: "blockingRate", label: "blocking rate", unit: .share) {
            ratio(Double($0.contacts.blocked), Double($0.contacts.arrivals))
        },
        KPIDefinition(key: "contained", label: "contained in the IVR", unit: .count) { Double($0.contacts.contained) },
        KPIDefinition(key: "ivrContainmentRate", label: "IVR containment rate", unit: .share) {
            ratio(Double($0.contacts.contained), Double($0.contacts.arrivals))
        },
        KPIDefinition(key: "offered", label: "offered (reach the queue)", unit: .count) { Double($0.contacts.offered) },
        KPIDefinition(key: "answered", label: "answered", unit: .count) { Double($0.contacts.answered) },
        KPIDefinition(key: "abandoned", label: "abandoned", unit: .count) { Double($0.contacts.abandoned) },
        KPIDefinition(key: "droppedAtClose", label: "dropped at closing", unit: .count) { Double($0.contacts.droppedAtClose) },
        KPIDefinition(key: "waitingAtEnd", label: "still waiting at end", unit: .count) { Double($0.contacts.waitingAtEnd) },
        KPIDefinition(key: "serviceLevel", label: "service level", unit: .share) {
            ratio(Double($0.contacts.answeredWithinTarget), Double($0.contacts.offered))
        },
        KPIDefinition(key: "abandonmentRate", label: "abandonment rate", unit: .share) {
            ratio(Double($0.contacts.abandoned), Double($0.contacts.offered))
        },
        KPIDefinition(key: "answerRate", label: "answer rate", unit: .share) {
            ratio(Double($0.contacts.answered), Double($0.contacts.offered))
        },
        KPIDefinition(key: "chatHonouredRate", label: "chats honoured", unit: .share) {
            ratio(Double($0.contacts.chatsAnswered), Double($0.contacts.chatsOffered))
        },
        KPIDefinition(key: "averageSpeedOfAnswer", label: "average speed of answer", unit: .seconds) {
            ratio($0.contacts.waitOfAnswered, Double($0.contacts.answered))
        },
        KPIDefinition(key: "waitP50", label: "wait, median", unit: .seconds) { $0.contacts.waitP50 },
        KPIDefinition(key: "waitP90", label: "wait, 90th percentile", unit: .seconds) { $0.contacts.waitP90 },
        KPIDefinition(key: "waitP99", label: "wait, 99th percentile", unit: .seconds) { $0.contacts.waitP99 },
        KPIDefinition(key: "maxWait", label: "longest wait", unit: .seconds) {
            $0.contacts.answered > 0 ? $0.contacts.maxWait : nil
        },
        KPIDefinition(key: "averageHandleTime", label: "average handle time", unit: .seconds) {
            ratio($0.contacts.talkTime + $0.contacts.wrapUpTime, Double($0.contacts.answered))
        },
        KPIDefinition(key: "transfers", label: "transfers (misrouted)", unit: .count) { Double($0.contacts.transfers) },
        KPIDefinition(key: "transferRate", label: "transfers / answered", unit: .share) {
            ratio(Double($0.contacts.transfers), Double($0.contacts.answered))
        },
        KPIDefinition(key: "callbacksOffered", label: "callbacks offered", unit: .count) { Double($0.contacts.callbacksOffered) },
        KPIDefinition(key: "callbacksAccepted", label: "callbacks accepted", unit: .count) { Double($0.contacts.callbacksAccepted) },
        KPIDefinition(key: "callbacksCompleted", label: "callbacks made", unit: .count) { Double($0.contacts.callbacksCompleted) },
        KPIDefinition(key: "callbackDelay", label: "callback delay, mean", unit: .seconds) {
            ratio($0.contacts.callbackDelay, Double($0.contacts.callbacksCompleted))
        },
        KPIDefinition(key: "issues", label: "issues (first contacts)", unit: .count) { Double($0.contacts.issues) },
        KPIDefinition(key: "firstContactResolution", label: "first-contact resolution", unit: .share) {
            ratio(Double($0.contacts.issuesResolvedFirstContact), Double($0.contacts.issues))
        },
        KPIDefinition(key: "repeatContactRate", label: "repeat contacts / arrivals", unit: .share) {
            ratio(Double($0.contacts.repeatArrivals), Double($0.contacts.arrivals))
        },
        KPIDefinition(key: "contactsPerIssue", label: "contacts per issue", unit: .average) {
            ratio(Double($0.contacts.arrivals), Double($0.contacts.issues))
        },
    ]

    /// KPIs about agents' time, reported for the centre and per agent group.
    public static let agents: [KPIDefinition] = [
        KPIDefinition(key: "occupancy", label: "occupancy", unit: .share) { ratio($0.busySeconds, $0.staffedSeconds) },
        KPIDefinition(key: "contactsPerAgentHour", label: "contacts per agent-hour", unit: .perAgentHour) {
            ratio(Double($0.answeredByAgents), $0.staffedSeconds / 3600)
        },
        KPIDefinition(key: "staffedAgentHours", label: "staffed agent-hours", unit: .count) { $0.staffedSeconds / 3600 },
    ]

    /// KPIs of a reporting interval (contacts offered in it, agents' time in it), all days together.
    public static let interval: [KPIDefinition] = [
        contacts.first { $0.key == "offered" }!,
        contacts.first { $0.key == "answered" }!,
        contacts.first { $0.key == "abandoned" }!,
        contacts.first { $0.key == "serviceLevel" }!,
        contacts.first { $0.key == "abandonmentRate" }!,
        contacts.first { $0.key == "averageSpeedOfAnswer" }!,
        agents.first { $0.key == "occupancy" }!,
        KPIDefinition(key: "agentsStaffed", label: "agents on duty, average", unit: .average) {
            ratio($0.staffedSeconds, $0.observedSeconds)
        },
    ]

    /// Every KPI reported for the centre, in report order.
    public static var allCentre: [KPIDefinition] { contacts + agents + centre }

    /// KPIs of the centre only.
    public static let centre: [KPIDefinition] = [
        KPIDefinition(key: "averageQueueLength", label: "callers waiting, time average", unit: .average) {
            ratio($0.waitingIntegral, $0.observedSeconds)
        }
    ]
}

/// One KPI estimated over replications: its mean and 95 % confidence interval.
public struct KPIEstimate: Sendable {
    /// The KPI.
    public let definition: KPIDefinition
    /// The estimate over the replications where the KPI is defined; `nil` when it is defined in none.
    public let interval: ConfidenceInterval?

    /// Estimates `definition` from its per-replication values (undefined replications left out).
    init(_ definition: KPIDefinition, sources: [KPISource]) {
        self.definition = definition
        let values = sources.compactMap(definition.value)
        interval = values.isEmpty ? nil : ConfidenceInterval(values: values)
    }
}
