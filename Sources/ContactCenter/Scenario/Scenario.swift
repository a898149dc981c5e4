import SimulationKernel

/// A validated contact-center scenario (scenario format `ccsimVersion: 1`, see DESIGN.md).
///
/// Values of this type are only made by ``ScenarioReader`` (or by tests through ``init(name:simulation:serviceLevel:callTypes:agentGroups:routing:)``
/// followed by ``validationProblems()``), so the simulation never sees an invalid one.
public struct Scenario: Sendable, Equatable {
    /// The scenario's name, shown in reports.
    public var name: String
    /// Horizon, replications, seed and warm-up.
    public var simulation: SimulationSettings
    /// The service-level target and goal.
    public var serviceLevel: ServiceLevelGoal
    /// The kinds of contact, in file order.
    public var callTypes: [CallType]
    /// The agent groups, in file order.
    public var agentGroups: [AgentGroup]
    /// How calls and agents are matched.
    public var routing: RoutingPolicy
    /// Opening hours and reporting intervals (``BusinessCalendar/alwaysOpen`` when the file has none).
    public var calendar: BusinessCalendar = .alwaysOpen
    /// Trunk lines of the center: a call that finds them all busy gets a busy signal (`nil`: unlimited).
    public var lines: Int?
    /// Coefficient of variation of the day-to-day busyness factor: each day's arrival rates of every
    /// call type are multiplied by one gamma-distributed factor of mean 1 (0: no such variation).
    public var busynessCV: Double = 0
    /// What the center costs (`nil`: no cost figures are reported).
    public var costs: CostModel?
    /// What the service brings or keeps (`nil`: no revenue figures are reported).
    public var revenue: RevenueModel?
    /// Automation levers, in file order; ``applyingAutomation()`` gives the model they produce.
    public var automation: [AutomationLever] = []

    /// Creates a scenario; call ``validationProblems()`` before simulating one built by hand.
    public init(
        name: String, simulation: SimulationSettings, serviceLevel: ServiceLevelGoal = ServiceLevelGoal(),
        callTypes: [CallType], agentGroups: [AgentGroup], routing: RoutingPolicy = .longestIdleAgent
    ) {
        self.name = name
        self.simulation = simulation
        self.serviceLevel = serviceLevel
        self.callTypes = callTypes
        self.agentGroups = agentGroups
        self.routing = routing
    }
}

/// How long and how often to simulate.
public struct SimulationSettings: Sendable, Equatable {
    /// Simulated time per replication, in seconds (statistics cover the part after the warm-up).
    public var horizonSeconds: Double
    /// Number of independent replications.
    public var replications: Int
    /// The seed all random streams derive from.
    public var seed: UInt64
    /// Time at the start of each replication whose arrivals are not counted, in seconds.
    public var warmupSeconds: Double

    /// Creates settings.
    /// - Parameters:
    ///   - horizonSeconds: simulated seconds per replication.
    ///   - replications: independent runs (≥ 1).
    ///   - seed: the master seed.
    ///   - warmupSeconds: seconds of warm-up (< horizon).
    public init(horizonSeconds: Double, replications: Int = 10, seed: UInt64 = 1, warmupSeconds: Double = 0) {
        self.horizonSeconds = horizonSeconds
        self.replications = replications
        self.seed = seed
        self.warmupSeconds = warmupSeconds
    }
}

/// The service-level objective: a share `goal` of offered contacts answered within `targetSeconds`.
public struct ServiceLevelGoal: Sendable, Equatable {
    /// Answer-time threshold, in seconds (20 in the common 80/20 rule).
    public var targetSeconds: Double
    /// Goal for the service level, a share in [0, 1] (0.8 in the 80/20 rule).
    public var goal: Double

    /// Creates a goal; the defaults are the industry's common 80 % in 20 seconds.
    public init(targetSeconds: Double = 20, goal: Double = 0.8) {
        self.targetSeconds = targetSeconds
        self.goal = goal
    }
}

/// One kind of contact: its demand, handle time, after-call work and callers' patience.
public struct CallType: Sendable, Equatable {
    /// Unique name; agent groups name it in their skills.
    public var name: String
    /// Stationary Poisson arrival rate, in contacts per hour.
    public var arrivalsPerHour: Double
    /// Talk time (including hold), in seconds.
    public var handleTime: Distribution
    /// After-call work during which the agent stays unavailable, in seconds; `nil` means none.
    public var wrapUp: Distribution?
    /// Time a caller is willing to wait before hanging up, in seconds; `nil` means callers never abandon.
    public var patience: Distribution?
    /// Demand that varies over the day; when set it replaces `arrivalsPerHour` during opening hours.
    public var profile: DemandProfile?
    /// With a `trace` profile: the talk time of each recorded contact, in seconds, one per arrival of
    /// the trace and in its order; `nil` draws every talk from `handleTime`.
    public var traceHandleTimes: [Double]?
    /// Arrival rate while the center is closed, in contacts per hour (0 by default).
    public var closedPerHour: Double = 0
    /// The IVR calls pass through before the queue; `nil` means none.
    public var ivr: IVRStage?
    /// Probability that a handled contact resolves the customer's issue (1 by default).
    public var firstContactResolution: Double = 1
    /// What an unresolved customer does: call again with this probability after this delay.
    public var retry: RepeatContact?
    /// What a caller who hung up or got a busy signal does: call again with this probability after this delay.
    public var redial: RepeatContact?
    /// Virtual hold: callers offered a callback instead of waiting (`nil`: never).
    public var callback: CallbackOffer?
    /// Contacts that first reach the wrong queue and are transferred (`nil`: none).
    public var misrouting: Misrouting?
    /// `voice`, `chat` or `email`: a chat uses no trunk line and an agent may hold several at once (its
    /// group's `concurrency`); an email never abandons, uses no trunk line, is never dropped at closing,
    /// and is answered within `responseTargetSeconds` rather than the voice service-level target.
    public var channel: Channel = .voice
    /// For email: the response-time target, in seconds (24 hours by default).
    public var responseTargetSeconds: Double = 86_400
    /// For chat: how much a chat's talk time grows for each other chat the agent holds when it answers
    /// this one, a fraction ≥ 0 (0.25: a chat answered as the agent's third runs 1.5 × its drawn talk).
    public var handleTimeGrowthPerChat: Double = 0

    /// Whether any contact of this type ever arrives.
    public var hasArrivals: Bool {
        switch profile {
        case nil: return arrivalsPerHour > 0 || closedPerHour > 0
        case .perDay(let total, _): return total > 0 || closedPerHour > 0
        case .perInterval(let rates): return rates.contains { $0 > 0 } || closedPerHour > 0
        case .trace(let times): return !times.isEmpty
        }
    }

    /// Creates a call type.
    public init(
        name: String, arrivalsPerHour: Double, handleTime: Distribution,
        wrapUp: Distribution? = nil, patience: Distribution? = nil
    ) {
        self.name = name
        self.arrivalsPerHour = arrivalsPerHour
        self.handleTime = handleTime
        self.wrapUp = wrapUp
        self.patience = patience
    }
}

/// A group of interchangeable agents with the same skills.
public struct AgentGroup: Sendable, Equatable {
    /// Unique name.
    public var name: String
    /// Constant head count on duty, in agents.
    public var agents: Int
    /// Names of the call types the group's agents can handle.
    public var skills: [String]
    /// Daily shifts; when not empty they replace the constant head count `agents`, which then
    /// counts the agents of all shifts (the roster).
    public var shifts: [Shift] = []
    /// Per skill (same order as `skills`): its priority, 1 the highest; used by the `priority` policy.
    public var skillPriorities: [Int] = []
    /// Per skill: how long a caller must have waited before this group takes the call, in seconds
    /// (0: at once; more makes the group an overflow for that call type).
    public var skillDelays: [Double] = []
    /// Share of paid time agents are not available (breaks, meetings, training, absence), in [0, 1):
    /// paid hours = staffed hours / (1 − shrinkage), and scheduled agents = required / (1 − shrinkage).
    public var shrinkage = 0.0
    /// Chats an agent of the group may hold at once, in chats (1 by default). Calls and emails are
    /// always one at a time, and an agent holding a chat takes no call or email.
    public var concurrency: Int = 1

    /// The priority of skill `index` (1 when not given).
    public func priority(ofSkill index: Int) -> Int { index < skillPriorities.count ? skillPriorities[index] : 1 }

    /// The overflow delay of skill `index`, in seconds (0 when not given).
    public func delay(ofSkill index: Int) -> Double { index < skillDelays.count ? skillDelays[index] : 0 }

    /// Creates an agent group.
    public init(name: String, agents: Int, skills: [String]) {
        self.name = name
        self.agents = agents
        self.skills = skills
    }
}

/// The channel of a call type.
public enum Channel: String, Sendable, Equatable, CaseIterable {
    /// Phone calls.
    case voice
    /// Web chats: no trunk line; an agent may hold up to its group's `concurrency` chats at once.
    case chat
    /// Emails: no abandonment, no trunk line, a response-time target.
    case email
}

/// How a waiting call and a free agent are matched.
public enum RoutingPolicy: String, Sendable, Equatable, CaseIterable {
    /// A call goes to the agent who has been idle longest among those with the skill; a freed agent takes
    /// the call that has waited longest among the call types it is skilled for (first come, first served).
    case longestIdleAgent
    /// As `longestIdleAgent`, but a freed agent takes the waiting caller of its highest-priority skill
    /// (priority 1 first), the longest-waiting one among equal priorities.
    case priority
}
