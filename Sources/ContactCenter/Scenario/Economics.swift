import SimulationKernel

/// What the contact center costs (`costs` in the scenario), all amounts in ``currency``.
///
/// Amounts are per the unit their name says (per hour, per month, per seat and month, per minute,
/// one-off); the analysis layer turns them into the cost of the simulated period and scales it to a
/// month (365.25 / 12 days) and a year (365.25 days).
public struct CostModel: Sendable, Equatable {
    /// ISO 4217 code or any label shown with amounts (EUR by default).
    public var currency = "EUR"
    /// Costs of the agent groups run in-house (every group not listed in ``outsourced``).
    public var inHouse = InHouseCosts()
    /// Telephony, per minute a voice caller holds a line (IVR, wait and talk), in currency units.
    public var telephonyPerMinute = 0.0
    /// One-off investments (a platform, a fit-out), amortised in equal monthly parts.
    public var investments: [Investment] = []
    /// Annual rate of the opportunity cost of the money invested (0.05 for 5 % a year): charged on every
    /// one-off amount (investments, set-up of levers and of outsourcing contracts) for the period.
    public var opportunityCostRate = 0.0
    /// Agent groups run by an outsourcing vendor, with its tariff.
    public var outsourced: [OutsourcingContract] = []

    /// Creates an empty cost model (every amount 0).
    public init() {}
}

/// Costs of in-house agent groups.
public struct InHouseCosts: Sendable, Equatable {
    /// Gross wage per paid agent-hour, in currency units.
    public var hourlyWage = 0.0
    /// Employer charges on wages (agents and supervisors), in percent of the wage (45 for 45 %).
    public var employerChargesPercent = 0.0
    /// Paid hours of one full-time agent in a year, to turn paid hours into people for turnover
    /// (1,607 by default: France's legal working year of 35 h a week).
    public var paidHoursPerAgentPerYear = 1_607.0
    /// Agents per supervisor (0: no supervision cost).
    public var agentsPerSupervisor = 0.0
    /// Gross wage per supervisor hour, in currency units.
    public var supervisorHourlyWage = 0.0
    /// IT and support staff, total per month, in currency units.
    public var supportStaffPerMonth = 0.0
    /// Share of agents who leave in a year and are replaced (0.3 for 30 %).
    public var annualTurnover = 0.0
    /// Recruitment cost per hire, in currency units.
    public var recruitmentPerHire = 0.0
    /// Onboarding and training cost per hire, in currency units.
    public var trainingPerHire = 0.0
    /// Technology per seat and month (CRM, ticketing, ERP, telephony platform), in currency units.
    public var technologyPerSeatPerMonth = 0.0
    /// Rent and facilities per seat and month (rent, electricity, internet), in currency units.
    public var facilitiesPerSeatPerMonth = 0.0

    /// Creates in-house costs (every amount 0).
    public init() {}
}

/// A one-off investment, amortised in equal monthly parts.
public struct Investment: Sendable, Equatable {
    /// What it is, shown in reports.
    public var name: String
    /// The amount, in currency units.
    public var amount: Double
    /// Months over which it is amortised (≥ 1).
    public var amortisationMonths: Double

    /// Creates an investment.
    public init(name: String, amount: Double, amortisationMonths: Double = 36) {
        self.name = name
        self.amount = amount
        self.amortisationMonths = amortisationMonths
    }
}

/// An agent group run by an outsourcing vendor: no wages, seats or turnover of ours, the vendor's tariff instead.
public struct OutsourcingContract: Sendable, Equatable {
    /// How the vendor bills the agents' work.
    public enum Pricing: Sendable, Equatable {
        /// Dedicated agents, per staffed agent-hour, in currency units.
        case perAgentHour(Double)
        /// Shared agents, per handled minute (talk and after-call work), in currency units.
        case perHandledMinute(Double)
        /// Shared agents, per handled contact, in currency units.
        case perInteraction(Double)
    }

    /// Index of the agent group in the scenario.
    public var agentGroup: Int
    /// How the work is billed.
    public var pricing: Pricing
    /// One-off set-up fee, amortised over ``contractMonths``, in currency units.
    public var setupFee = 0.0
    /// Length of the contract, over which one-off fees are amortised, in months.
    public var contractMonths = 12.0
    /// Management (subscription) fee per month, in currency units.
    public var managementFeePerMonth = 0.0
    /// Training, per agent-hour of training, in currency units.
    public var trainingPerAgentHour = 0.0
    /// Hours of training per agent of the group's roster (every agent of its shifts), one-off.
    public var trainingHoursPerAgent = 0.0
    /// Extras (phone number, call forwarding, overtime) per month, in currency units.
    public var extrasPerMonth = 0.0

    /// Creates a contract for group `agentGroup` billed by `pricing`.
    public init(agentGroup: Int, pricing: Pricing) {
        self.agentGroup = agentGroup
        self.pricing = pricing
    }

    /// The contract's one-off amount: set-up and training, in currency units.
    public func oneOffAmount(agents: Int) -> Double {
        setupFee + trainingPerAgentHour * trainingHoursPerAgent * Double(agents)
    }
}

/// What the service brings or keeps (`revenue` in the scenario).
///
/// Each issue (a customer's first contact and its repeats) ends in one outcome, each with its churn
/// probability. The service *retains* a customer it saves from the churn of an unanswered customer
/// (``ChurnRates/abandoned``): retained customers = Σ over ended issues of (churn if abandoned − churn of
/// the outcome), less the churn that long waits add. Revenue attributable to the service = retained
/// customers × ``customerValue`` + upsell.
public struct RevenueModel: Sendable, Equatable {
    /// Value of one customer kept: the customer lifetime value, or one year's revenue when only
    /// `annualRevenuePerCustomer` is given, in currency units.
    public var customerValue: Double
    /// Size of the customer base (optional), to report the share of it lost in a year.
    public var customers: Double?
    /// Churn probability per issue outcome.
    public var churn: ChurnRates
    /// Probability that an answered contact brings an upsell or cross-sell, in [0, 1].
    public var upsellProbability = 0.0
    /// Value of one upsell, in currency units.
    public var upsellValue = 0.0

    /// Creates a revenue model.
    public init(customerValue: Double, churn: ChurnRates) {
        self.customerValue = customerValue
        self.churn = churn
    }
}

/// Churn probability of a customer per outcome of the issue, each in [0, 1].
public struct ChurnRates: Sendable, Equatable {
    /// The issue was resolved at its first contact.
    public var resolvedFirstContact: Double
    /// The issue was resolved after one or more repeat contacts.
    public var resolvedAfterRepeat: Double
    /// The customer gave up without ever being answered (abandoned, blocked, closed, dropped).
    public var abandoned: Double
    /// The customer was answered but the issue was never resolved.
    public var unresolved: Double
    /// Extra churn per minute an answered contact waited past ``waitThresholdSeconds`` (0: none).
    public var perMinuteWaitedPastThreshold = 0.0
    /// Wait after which churn rises, in seconds (`nil`: churn does not depend on the wait).
    public var waitThresholdSeconds: Double?

    /// Creates churn rates.
    public init(resolvedFirstContact: Double, resolvedAfterRepeat: Double, abandoned: Double, unresolved: Double) {
        self.resolvedFirstContact = resolvedFirstContact
        self.resolvedAfterRepeat = resolvedAfterRepeat
        self.abandoned = abandoned
        self.unresolved = unresolved
    }
}

/// An automation lever (`automation` in the scenario): a change to the model through the model's own
/// mechanisms, and the cost that comes with it.
public struct AutomationLever: Sendable, Equatable {
    /// The lever and its effect.
    public enum Effect: Sendable, Equatable {
        /// AI dispatch: the misrouted share of contacts is multiplied by (1 − reduction).
        case aiDispatch(misroutingReduction: Double)
        /// Automatic transcription: after-call work is multiplied by (1 − reduction).
        case autoTranscription(wrapUpReduction: Double)
        /// Robotic process automation: talk time is multiplied by (1 − reduction).
        case rpa(handleTimeReduction: Double)
        /// Self-service: a share `gain` of the calls the IVR does not contain now are contained
        /// (containment c becomes c + (1 − c) × gain); a call type without an IVR gets one of
        /// `durationSeconds`.
        case selfService(containmentGain: Double, durationSeconds: Double?)
        /// Callbacks: the offer is switched on (or replaced) for the lever's voice call types.
        case callbacks(CallbackOffer)
    }

    /// The lever's name in the scenario format (`aiDispatch`, `autoTranscription`, ...).
    public var kind: String {
        switch effect {
        case .aiDispatch: return "aiDispatch"
        case .autoTranscription: return "autoTranscription"
        case .rpa: return "rpa"
        case .selfService: return "selfService"
        case .callbacks: return "callbacks"
        }
    }

    /// What it changes.
    public var effect: Effect
    /// Indices of the call types it acts on (all that its mechanism applies to when the file names none).
    public var callTypes: [Int]
    /// One-off set-up cost (an investment), in currency units.
    public var setupCost = 0.0
    /// Months over which the set-up is amortised.
    public var amortisationMonths = 36.0
    /// Running cost per month, in currency units.
    public var perMonth = 0.0
    /// Running cost per in-house seat and month, in currency units.
    public var perSeatPerMonth = 0.0
    /// Running cost per contact it touches (handled contacts of its call types; contacts entering the
    /// IVR for self-service; callbacks made for callbacks), in currency units.
    public var perContact = 0.0

    /// Creates a lever acting on call types `callTypes`.
    public init(effect: Effect, callTypes: [Int]) {
        self.effect = effect
        self.callTypes = callTypes
    }
}
