@testable import ContactCenter
import Foundation
import SimulationKernel
import Testing
@testable import ContactCenterAnalysis

/// Cost, revenue and ROI formulas against figures computed by hand, on replications whose staffed hours
/// and contacts are fixed in the test.
@Suite struct EconomicsTests {
    /// Two groups (the second outsourced), one voice call type with a 30 s IVR, and every cost and
    /// revenue key set to a round figure.
    let text = """
        {"ccsimVersion": 1, "name": "money", "simulation": {"days": 30.4375, "replications": 2, "seed": 1},
         "callTypes": [{"name": "a", "arrivals": {"perHour": 10}, "ivr": {"durationSeconds": 30, "containment": 0.1},
                        "handleTime": {"distribution": "exponential", "mean": 200},
                        "wrapUp": {"distribution": "exponential", "mean": 20}}],
         "agentGroups": [{"name": "home", "agents": 10, "skills": ["a"], "shrinkage": 0.2},
                         {"name": "vendor", "agents": 4, "skills": ["a"]}],
         "automation": [{"kind": "autoTranscription", "wrapUpReduction": 0.5, "setupCost": 3600,
                         "amortisationMonths": 36, "perMonth": 100, "perSeatPerMonth": 2, "perContact": 0.5}],
         "costs": {"currency": "EUR", "telephonyPerMinute": 0.02, "opportunityCostRate": 0.05,
                   "investments": [{"name": "platform", "amount": 12000, "amortisationMonths": 12}],
                   "inHouse": {"hourlyWage": 15, "employerChargesPercent": 40, "paidHoursPerAgentPerYear": 1600,
                               "supervision": {"agentsPerSupervisor": 10, "hourlyWage": 25},
                               "supportStaffPerMonth": 1000, "annualTurnover": 0.5, "recruitmentPerHire": 2000,
                               "trainingPerHire": 1000, "technologyPerSeatPerMonth": {"crm": 50, "telephony": 30},
                               "facilitiesPerSeatPerMonth": 200},
                   "outsourced": [{"agentGroup": "vendor", "perHandledMinute": 1.5, "managementFeePerMonth": 175,
                                   "setupFee": 1200, "contractMonths": 12, "trainingPerAgentHour": 30,
                                   "trainingHoursPerAgent": 10, "extrasPerMonth": 25}]},
         "revenue": {"customerLifetimeValue": 500, "customers": 10000,
                     "churn": {"resolvedFirstContact": 0.02, "resolvedAfterRepeat": 0.1, "unresolved": 0.3, "abandoned": 0.5,
                               "longWaits": {"afterSeconds": 60, "perMinute": 0.01}},
                     "upsell": {"probability": 0.1, "value": 20}}}
        """

    /// A replication of exactly one month (365.25 / 12 days) with round counts.
    func fixedResult(home: Double = 800, vendorBusy: Double = 50) -> ReplicationResult {
        var contacts = ContactTally()
        contacts.arrivals = 1_000
        contacts.contained = 100
        contacts.answered = 850
        contacts.abandoned = 50
        contacts.talkTime = 850 * 200
        contacts.waitOfAnswered = 850 * 10
        contacts.waitOfAbandoned = 50 * 30
        contacts.issues = 900
        contacts.issuesResolved = 700
        contacts.issuesResolvedFirstContact = 600
        contacts.issuesAbandoned = 40
        contacts.issuesUnresolved = 60
        contacts.waitPastLongWait = 6_000  // 100 minutes past the threshold
        var homeGroup = AgentGroupTally()
        homeGroup.staffedSeconds = home * 3600
        homeGroup.answered = 800
        var vendor = AgentGroupTally()
        vendor.staffedSeconds = 200 * 3600
        vendor.busySeconds = vendorBusy * 3600
        vendor.answered = 50
        return ReplicationResult(
            replication: 0, observedSeconds: daysPerMonth * 86_400, callTypes: [contacts], overall: contacts,
            agentGroups: [homeGroup, vendor], waitingIntegral: 0, intervals: [], intervalStaffedSeconds: [],
            intervalBusySeconds: [], intervalObservedSeconds: [], events: 0)
    }

    func cost(_ figures: MoneyFigures, _ category: CostCategory) -> Double {
        figures.costs[CostCategory.allCases.firstIndex(of: category)!]
    }

    @Test func everyCostCategoryMatchesItsFormula() throws {
        let s = try scenario(text)
        let figures = EconomicModel(s).figures(fixedResult())
        #expect(abs(figures.months - 1) < 1e-12)
        // 800 staffed hours at 20 % shrinkage are 1,000 paid hours, at 15 €/h plus 40 % charges.
        #expect(abs(cost(figures, .agentWages) - 1_000 * 15 * 1.4) < 1e-6)
        #expect(abs(cost(figures, .supervision) - 1_000.0 / 10 * 25 * 1.4) < 1e-6)
        #expect(abs(cost(figures, .supportStaff) - 1_000) < 1e-6)
        // 1,000 paid hours are 1,000 / 1,600 agent-years; half leave in a year: 0.3125 hires.
        #expect(abs(cost(figures, .recruitmentAndTraining) - 1_000.0 / 1_600 * 0.5 * 3_000) < 1e-6)
        // Seats: the 10 in-house agents (the vendor's 4 are not ours).
        #expect(abs(cost(figures, .technology) - 10 * 80) < 1e-6)
        #expect(abs(cost(figures, .facilities) - 10 * 200) < 1e-6)
        // Line minutes: talk, waits and 30 s of IVR for the 100 contained and 900 offered calls.
        let lineSeconds: Double = 850 * 200 + 850 * 10 + 50 * 30 + 1_000 * 30
        let lineMinutes = lineSeconds / 60
        #expect(abs(cost(figures, .telephony) - lineMinutes * 0.02) < 1e-6)
        // Vendor: 50 handled hours at 1.5 €/min, fees, and set-up plus 4 × 10 h of training over 12 months.
        let vendor = 50.0 * 60 * 1.5 + 175 + 25 + (1_200 + 4 * 10 * 30) / 12.0
        #expect(abs(cost(figures, .outsourcing) - vendor) < 1e-6)
        // Lever: 100 a month, 2 per seat, 0.5 per handled contact, 3,600 over 36 months.
        #expect(abs(cost(figures, .automation) - (100 + 2 * 10 + 0.5 * 850 + 100)) < 1e-6)
        #expect(abs(cost(figures, .investments) - 1_000) < 1e-6)
        // 5 % a year on every one-off amount: 12,000 + 3,600 + 1,200 + 1,200.
        #expect(abs(cost(figures, .opportunityCost) - 18_000 * 0.05 / 12) < 1e-6)
        #expect(abs(figures.amortisation - (100 + 1_000 + 2_400.0 / 12)) < 1e-6)
        #expect(abs(figures.totalCost - figures.costs.reduce(0, +)) < 1e-9)
    }

    @Test func revenueCountsRetainedCustomersAgainstLeavingThemUnanswered() throws {
        let s = try scenario(text)
        let figures = EconomicModel(s).figures(fixedResult())
        // Outcomes: 600 resolved at once, 100 after repeats, 40 abandoned, 60 unresolved; 100 minutes
        // waited past 60 s add 1 expected lost customer.
        let lost = 600 * 0.02 + 100 * 0.1 + 40 * 0.5 + 60 * 0.3 + 1
        let retained = 600 * (0.5 - 0.02) + 100 * (0.5 - 0.1) + 60 * (0.5 - 0.3) - 1
        #expect(abs(figures.customersLost - lost) < 1e-9)
        #expect(abs(figures.customersRetained - retained) < 1e-9)
        #expect(abs(figures.retainedValue - retained * 500) < 1e-6)
        #expect(abs(figures.upsell - 850 * 0.1 * 20) < 1e-9)
        let report = try #require(MoneyReport(scenario: s, results: [fixedResult(), fixedResult()]))
        let roi = try #require(report.roi.first { $0.line.key == "percent" }?.byScale[.perPeriod])
        #expect(abs(roi.mean - (figures.revenue - figures.totalCost) / figures.totalCost * 100) < 1e-9)
        let perYear = try #require(report.costs.first { $0.line.key == "total" }?.byScale[.perYear])
        #expect(abs(perYear.mean - figures.totalCost * 12) < 1e-6)
        let baseShare = try #require(report.revenue.first { $0.line.key == "customerBaseLostPerYear" }?.byScale[.perPeriod])
        #expect(abs(baseShare.mean - lost * 12 / 10_000) < 1e-12)
    }

    @Test func incrementalROIAndPaybackFollowTheirDefinitions() throws {
        let base = try scenario(text)
        var variant = base
        variant.name = "more"
        variant.costs!.investments.append(Investment(name: "extra", amount: 6_000, amortisationMonths: 12))
        // Same operation, 100 more vendor hours handled: cost +9,000 a month, and the new investment
        // (500 a month amortised, 25 a month of opportunity cost).
        let baseResults = [fixedResult(), fixedResult()]
        let variantResults = [fixedResult(vendorBusy: 150), fixedResult(vendorBusy: 150)]
        let comparison = Comparison(base: base, baseResults: baseResults, variants: [(variant, variantResults)])
        let result = try #require(comparison.variants.first)
        #expect(result.extraInvestment == 6_000)
        // Put in over the first year: the one-off amount and the extra running cost (vendor and opportunity cost).
        #expect(abs(result.investment! - (6_000 + (100 * 60 * 1.5 + 25) * 12)) < 1e-6)
        let vendorMinutes: Double = 100 * 60
        let monthlyCost: Double = vendorMinutes * 1.5 + 500 + 25
        let cost = try #require(result.money.first { $0.key == "costPerYear" }?.difference)
        #expect(abs(cost.mean - monthlyCost * 12) < 1e-6)
        let roi = try #require(result.roiPercent)
        let expectedROI: Double = -monthlyCost * 12 / result.investment! * 100
        #expect(abs(roi.mean - expectedROI) < 1e-9)
        #expect(result.paybackMonths == nil, "a change that gains nothing never pays back")
    }

    @Test func paybackIsTheInvestmentOverTheMonthlyGain() throws {
        let base = try scenario(text)
        var variant = base
        variant.costs!.investments.append(Investment(name: "extra", amount: 6_000, amortisationMonths: 12))
        // The variant needs 100 fewer in-house staffed hours: 100 / 0.8 paid hours less, plus supervision
        // and turnover; running costs fall by that less the investment's opportunity cost.
        let comparison = Comparison(
            base: base, baseResults: [fixedResult(), fixedResult()],
            variants: [(variant, [fixedResult(home: 700), fixedResult(home: 700)])])
        let result = try #require(comparison.variants.first)
        let paid = 100 / 0.8
        let saving = paid * 15 * 1.4 + paid / 10 * 25 * 1.4 + paid / 1_600 * 0.5 * 3_000 - 6_000 * 0.05 / 12
        let payback = try #require(result.paybackMonths)
        #expect(abs(payback.mean - 6_000 / saving) < 1e-9)
    }

    @Test func compareOfAScenarioWithItselfGivesZeroDeltasExactly() throws {
        let s = try scenario(text.replacingOccurrences(of: "\"days\": 30.4375", with: "\"days\": 3"))
        let results = try Simulation(scenario: s).run(threads: 2)
        let again = try Simulation(scenario: s).run(threads: 1)
        let comparison = Comparison(base: s, baseResults: results, variants: [(s, again)])
        let variant = try #require(comparison.variants.first)
        for difference in variant.kpis + variant.money {
            if let interval = difference.difference {
                #expect(interval.mean == 0 && (interval.halfWidth ?? 0) == 0, "\(difference.key)")
            }
            #expect(!difference.significant)
        }
        #expect(variant.extraInvestment == 0 && variant.investment == nil && variant.roiPercent == nil)
    }

    /// Common random numbers: one more agent, compared replication by replication, gives a narrower
    /// interval on the service level than the same runs compared as independent samples (Welch).
    @Test func pairedComparisonIsTighterThanUnpaired() throws {
        let base = try scenario("""
            {"ccsimVersion": 1, "name": "crn", "simulation": {"hours": 40, "replications": 20, "seed": 5},
             "callTypes": [{"name": "a", "arrivals": {"perHour": 100}, "handleTime": {"distribution": "exponential", "mean": 300},
                            "patience": {"distribution": "exponential", "mean": 120}}],
             "agentGroups": [{"name": "g", "agents": 9, "skills": ["a"]}]}
            """)
        var variant = base
        variant.agentGroups[0].agents = 10
        let baseResults = try Simulation(scenario: base).run(threads: 2)
        let variantResults = try Simulation(scenario: variant).run(threads: 2)
        let paired = try #require(Comparison(base: base, baseResults: baseResults, variants: [(variant, variantResults)])
            .variants[0].kpis.first { $0.key == "serviceLevel" }?.difference?.halfWidth)
        let level = { (results: [ReplicationResult]) in
            results.map { Double($0.overall.answeredWithinTarget) / Double($0.overall.offered) }
        }
        let a = ConfidenceInterval(values: level(baseResults)), b = ConfidenceInterval(values: level(variantResults))
        let sa = a.halfWidth! / StudentT.criticalValue(confidence: 0.95, degreesOfFreedom: 19)
        let sb = b.halfWidth! / StudentT.criticalValue(confidence: 0.95, degreesOfFreedom: 19)
        let se = (sa * sa + sb * sb).squareRoot()
        let df = pow(sa * sa + sb * sb, 2) / (pow(sa, 4) / 19 + pow(sb, 4) / 19)
        let unpaired = se * StudentT.criticalValue(confidence: 0.95, degreesOfFreedom: df)
        #expect(paired < unpaired / 2, "paired ±\(paired), unpaired ±\(unpaired)")
    }
}

extension EconomicsTests {
    /// Long waits add churn for chats as for calls: with a threshold of 0, every answered contact's
    /// whole wait counts past it.
    @Test func longWaitsCountForChatsAndCalls() throws {
        let s = try scenario("""
            {"ccsimVersion": 1, "name": "waits", "simulation": {"hours": 20, "replications": 2, "seed": 3},
             "callTypes": [{"name": "web", "channel": "chat", "arrivals": {"perHour": 40},
                            "handleTime": {"distribution": "exponential", "mean": 300},
                            "patience": {"distribution": "exponential", "mean": 300}},
                           {"name": "phone", "arrivals": {"perHour": 20}, "handleTime": {"distribution": "exponential", "mean": 300},
                            "patience": {"distribution": "exponential", "mean": 300}}],
             "agentGroups": [{"name": "chat", "agents": 2, "concurrency": 3, "skills": ["web"]},
                             {"name": "voice", "agents": 2, "skills": ["phone"]}],
             "revenue": {"customerLifetimeValue": 100,
                         "churn": {"resolvedFirstContact": 0, "resolvedAfterRepeat": 0, "unresolved": 0, "abandoned": 0,
                                   "longWaits": {"afterSeconds": 0, "perMinute": 0.01}}}}
            """)
        for result in try Simulation(scenario: s).run(threads: 1) {
            for tally in result.callTypes {
                #expect(tally.waitOfAnswered > 0)
                #expect(abs(tally.waitPastLongWait - tally.waitOfAnswered) <= 1e-9 * tally.waitOfAnswered)
            }
        }
    }
}
