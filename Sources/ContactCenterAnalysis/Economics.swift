import ContactCenter
import SimulationKernel

/// Days in an average month (365.25 / 12), the unit costs "per month" are charged in.
let daysPerMonth = 365.25 / 12

/// A category of the cost breakdown, in report order.
public enum CostCategory: String, Sendable, CaseIterable {
    /// In-house agents' paid hours (staffed hours / (1 − shrinkage)) × wage × (1 + employer charges).
    case agentWages
    /// Supervisors: one per N paid agent-hours, at their wage plus charges.
    case supervision
    /// IT and support staff.
    case supportStaff
    /// Hires replacing leavers (paid hours / paid hours per agent-year × turnover) × (recruitment + training).
    case recruitmentAndTraining
    /// Technology per in-house seat (the largest number of in-house agents on duty at once) and month.
    case technology
    /// Rent and facilities per in-house seat and month.
    case facilities
    /// Telephony per minute a voice caller holds a line: IVR, waits and talk.
    case telephony
    /// Outsourcing vendors: agents billed per hour, minute or interaction, fees, amortised set-up and training.
    case outsourcing
    /// Automation levers: running costs and amortised set-up.
    case automation
    /// Amortisation of the scenario's one-off investments.
    case investments
    /// Opportunity cost of the money invested one-off, at the annual rate.
    case opportunityCost

    /// Label in the table report.
    public var label: String {
        switch self {
        case .agentWages: return "agent wages and charges"
        case .supervision: return "supervision"
        case .supportStaff: return "IT and support staff"
        case .recruitmentAndTraining: return "recruitment and training"
        case .technology: return "technology (per seat)"
        case .facilities: return "rent and facilities (per seat)"
        case .telephony: return "telephony"
        case .outsourcing: return "outsourcing"
        case .automation: return "automation levers"
        case .investments: return "investments (amortised)"
        case .opportunityCost: return "opportunity cost"
        }
    }
}

/// The money of one replication over its observed period (horizon less warm-up).
struct MoneyFigures: Sendable {
    /// Length of the observed period, in months of 365.25 / 12 days.
    var months: Double
    /// Cost per category (``CostCategory`` order), in currency units for the period.
    var costs: [Double]
    /// The part of the costs that is amortisation of one-off amounts, in currency units for the period.
    var amortisation: Double
    /// Contacts handled (answered, and callbacks made), and issues resolved, in the period.
    var answered: Double
    var issuesResolved: Double
    /// Customers lost (expected churn over the issues that ended), and retained compared with leaving them unanswered.
    var customersLost: Double
    var customersRetained: Double
    /// Revenue: value of the customers retained, and expected upsell, in currency units for the period.
    var retainedValue: Double
    var upsell: Double

    var totalCost: Double { costs.reduce(0, +) }
    var revenue: Double { retainedValue + upsell }
    /// Costs less amortisation: what the period costs in cash, in currency units.
    var runningCost: Double { totalCost - amortisation }
}

/// Turns a scenario's operation into money: its cost model and revenue model applied to a replication.
struct EconomicModel: Sendable {
    let scenario: Scenario
    /// The scenario with its levers applied (IVR stages a lever adds cost telephony minutes).
    let effective: Scenario
    /// Per agent group: whether it is run in-house.
    let inHouse: [Bool]
    /// Seats: the largest number of in-house agents on duty at once, summed over groups.
    let seats: Double
    /// Every one-off amount of the scenario (investments, levers' and contracts' set-up), in currency units.
    let oneOffTotal: Double

    init(_ scenario: Scenario) {
        self.scenario = scenario
        effective = scenario.applyingAutomation()
        let outsourced = Set(scenario.costs?.outsourced.map(\.agentGroup) ?? [])
        inHouse = scenario.agentGroups.indices.map { !outsourced.contains($0) }
        seats = Double(scenario.agentGroups.indices.filter { !outsourced.contains($0) }.reduce(0) { $0 + scenario.peakAgents(ofGroup: $1) })
        let costs = scenario.costs ?? CostModel()
        oneOffTotal = costs.investments.reduce(0) { $0 + $1.amount }
            + scenario.automation.reduce(0) { $0 + $1.setupCost }
            + costs.outsourced.reduce(0) { $0 + $1.oneOffAmount(agents: scenario.agentGroups[$1.agentGroup].agents) }
    }

    /// The money of one replication.
    func figures(_ result: ReplicationResult) -> MoneyFigures {
        let costs = scenario.costs ?? CostModel()
        // Months of calendar time the observed window stands for (whole weeks of opening hours).
        let horizon = scenario.simulation.horizonSeconds
        let months = scenario.calendar.equivalentSeconds(from: horizon - result.observedSeconds, to: horizon) / (daysPerMonth * 86_400)
        let years = months / 12
        var amounts = [Double](repeating: 0, count: CostCategory.allCases.count)
        var amortisation = 0.0
        func add(_ category: CostCategory, _ amount: Double) {
            amounts[CostCategory.allCases.firstIndex(of: category)!] += amount
        }
        func amortised(_ category: CostCategory, _ amount: Double, over period: Double) {
            let part = amount / period * months
            add(category, part)
            amortisation += part
        }

        // In-house people.
        let inHouseCosts = costs.inHouse
        let charges = 1 + inHouseCosts.employerChargesPercent / 100
        var paidHours = 0.0
        for (group, tally) in result.agentGroups.enumerated() where inHouse[group] {
            paidHours += tally.staffedSeconds / 3600 / (1 - scenario.agentGroups[group].shrinkage)
        }
        add(.agentWages, paidHours * inHouseCosts.hourlyWage * charges)
        if inHouseCosts.agentsPerSupervisor > 0 {
            add(.supervision, paidHours / inHouseCosts.agentsPerSupervisor * inHouseCosts.supervisorHourlyWage * charges)
        }
        add(.supportStaff, inHouseCosts.supportStaffPerMonth * months)
        let hires = paidHours / inHouseCosts.paidHoursPerAgentPerYear * inHouseCosts.annualTurnover
        add(.recruitmentAndTraining, hires * (inHouseCosts.recruitmentPerHire + inHouseCosts.trainingPerHire))
        add(.technology, seats * inHouseCosts.technologyPerSeatPerMonth * months)
        add(.facilities, seats * inHouseCosts.facilitiesPerSeatPerMonth * months)

        // Telephony: every minute a voice caller holds a line.
        var lineSeconds = 0.0
        for (index, type) in effective.callTypes.enumerated() where type.channel == .voice {
            let tally = result.callTypes[index]
            lineSeconds += tally.talkTime + tally.waitOfAnswered + tally.waitOfAbandoned + tally.waitOfOther + tally.waitOfDroppedAtClose
            if let ivr = type.ivr { lineSeconds += Double(tally.contained + tally.offered) * ivr.durationSeconds }
        }
        add(.telephony, lineSeconds / 60 * costs.telephonyPerMinute)

        // Outsourcing vendors.
        for contract in costs.outsourced {
            let tally = result.agentGroups[contract.agentGroup]
            switch contract.pricing {
            case .perAgentHour(let price): add(.outsourcing, tally.staffedSeconds / 3600 * price)
            case .perHandledMinute(let price): add(.outsourcing, tally.busySeconds / 60 * price)
            case .perInteraction(let price): add(.outsourcing, Double(tally.answered) * price)
            }
            add(.outsourcing, (contract.managementFeePerMonth + contract.extrasPerMonth) * months)
            amortised(.outsourcing, contract.oneOffAmount(agents: scenario.agentGroups[contract.agentGroup].agents), over: contract.contractMonths)
        }

        // Automation levers.
        for lever in scenario.automation {
            var touched = 0
            for index in lever.callTypes {
                let tally = result.callTypes[index]
                switch lever.effect {
                case .selfService: touched += tally.contained + tally.offered
                case .callbacks: touched += tally.callbacksCompleted
                default: touched += tally.answered
                }
            }
            add(.automation, (lever.perMonth + lever.perSeatPerMonth * seats) * months + lever.perContact * Double(touched))
            amortised(.automation, lever.setupCost, over: lever.amortisationMonths)
        }

        for investment in costs.investments {
            amortised(.investments, investment.amount, over: investment.amortisationMonths)
        }
        add(.opportunityCost, costs.opportunityCostRate * oneOffTotal * years)

        // Revenue.
        let overall = result.overall
        var lost = 0.0, retained = 0.0, retainedValue = 0.0, upsell = 0.0
        if let revenue = scenario.revenue {
            let churn = revenue.churn
            let outcomes: [(count: Int, churn: Double)] = [
                (overall.issuesResolvedFirstContact, churn.resolvedFirstContact),
                (overall.issuesResolved - overall.issuesResolvedFirstContact, churn.resolvedAfterRepeat),
                (overall.issuesAbandoned, churn.abandoned),
                (overall.issuesUnresolved, churn.unresolved),
            ]
            let waitChurn = churn.perMinuteWaitedPastThreshold * overall.waitPastLongWait / 60
            lost = outcomes.reduce(0) { $0 + Double($1.count) * $1.churn } + waitChurn
            retained = outcomes.reduce(0) { $0 + Double($1.count) * (churn.abandoned - $1.churn) } - waitChurn
            retainedValue = retained * revenue.customerValue
            upsell = Double(overall.answered + overall.callbacksCompleted) * revenue.upsellProbability * revenue.upsellValue
        }
        return MoneyFigures(
            months: months, costs: amounts, amortisation: amortisation, answered: Double(overall.answered + overall.callbacksCompleted),
            issuesResolved: Double(overall.issuesResolved), customersLost: lost, customersRetained: retained,
            retainedValue: retainedValue, upsell: upsell)
    }
}
