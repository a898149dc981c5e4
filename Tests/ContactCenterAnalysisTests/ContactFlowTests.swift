import ContactCenter
import SimulationKernel
import Testing
@testable import ContactCenterAnalysis

/// IVR containment, first-contact resolution with retries, redials and trunk lines, each against a
/// known answer, with 99.9 % confidence bands from the run's own replications.
@Suite struct ContactFlowTests {
    /// A loss system on trunk lines: with as many agents as lines, no wrap-up and no IVR, a call is
    /// blocked exactly when all lines are busy, and blocking is Erlang B for the talk-time load.
    @Test func trunkLinesReproduceErlangB() throws {
        let s = try scenario("""
            {"ccsimVersion": 1, "name": "lines", "lines": 10,
             "simulation": {"hours": 200, "replications": 10, "seed": 21, "warmupMinutes": 60},
             "callTypes": [{"name": "a", "arrivals": {"perHour": 300},
                            "handleTime": {"distribution": "lognormal", "mean": 96, "cv": 1.2}}],
             "agentGroups": [{"name": "g", "agents": 12, "skills": ["a"]}]}
            """)
        let results = try Simulation(scenario: s).run(threads: 2)
        let (mean, halfWidth) = band(results.map { Double($0.overall.blocked) / Double($0.overall.arrivals) })
        let exact = Erlang.blocking(offeredLoad: 300 * 96 / 3600, servers: 10)
        #expect(abs(mean - exact) <= halfWidth, "simulated \(mean) ± \(halfWidth), Erlang B \(exact)")
        #expect(results.allSatisfy { $0.overall.abandoned == 0 && $0.overall.maxWait == 0 })
    }

    @Test func ivrContainsTheConfiguredShare() throws {
        let s = try scenario("""
            {"ccsimVersion": 1, "name": "ivr",
             "simulation": {"hours": 100, "replications": 10, "seed": 22},
             "callTypes": [{"name": "a", "arrivals": {"perHour": 120},
                            "ivr": {"durationSeconds": 40, "containment": 0.25},
                            "handleTime": {"distribution": "exponential", "mean": 120}}],
             "agentGroups": [{"name": "g", "agents": 6, "skills": ["a"]}]}
            """)
        let results = try Simulation(scenario: s).run(threads: 2)
        let (mean, halfWidth) = band(results.map { Double($0.overall.contained) / Double($0.overall.arrivals - $0.overall.inIVRAtEnd) })
        #expect(abs(mean - 0.25) <= halfWidth, "\(mean) ± \(halfWidth)")
        // Contained calls are resolved at their first contact; the rest are resolved by the agent.
        #expect(results.allSatisfy { $0.overall.issuesResolvedFirstContact == $0.overall.contained + $0.overall.answered })
    }

    /// With first-contact resolution p and a customer who always calls again, the number of contacts
    /// per issue is geometric with mean 1/p.
    @Test func contactsPerIssueTendToOneOverResolution() throws {
        let s = try scenario("""
            {"ccsimVersion": 1, "name": "fcr",
             "simulation": {"hours": 300, "replications": 10, "seed": 23},
             "callTypes": [{"name": "a", "arrivals": {"perHour": 20},
                            "handleTime": {"distribution": "exponential", "mean": 60},
                            "firstContactResolution": 0.6,
                            "retry": {"probability": 1, "delay": {"distribution": "exponential", "mean": 600}}}],
             "agentGroups": [{"name": "g", "agents": 4, "skills": ["a"]}]}
            """)
        let results = try Simulation(scenario: s).run(threads: 2)
        // Issues still open at the end bias the ratio down by about (contacts in flight)/issues, well
        // under the band here (a 300-hour horizon against 10-minute retries).
        let contacts = band(results.map { Double($0.overall.arrivals) / Double($0.overall.issues) })
        #expect(abs(contacts.mean - 1 / 0.6) <= contacts.halfWidth + 0.005, "\(contacts)")
        let firstContact = band(results.map { Double($0.overall.issuesResolvedFirstContact) / Double($0.overall.issues) })
        #expect(abs(firstContact.mean - 0.6) <= firstContact.halfWidth, "\(firstContact)")
        let report = RunReport(scenario: s, results: results)
        #expect(abs(report.centre("repeatContactRate")!.mean - 0.4) < 0.02)
    }

    /// Callers who hang up call again with the redial probability: the repeat share of arrivals
    /// follows, and every attempt still ends in exactly one outcome.
    @Test func abandonedCallersRedial() throws {
        let s = try scenario("""
            {"ccsimVersion": 1, "name": "redial",
             "simulation": {"hours": 100, "replications": 8, "seed": 24},
             "callTypes": [{"name": "a", "arrivals": {"perHour": 60},
                            "handleTime": {"distribution": "exponential", "mean": 240},
                            "patience": {"distribution": "exponential", "mean": 30},
                            "redial": {"probability": 0.5, "delay": {"distribution": "deterministic", "value": 120}}}],
             "agentGroups": [{"name": "g", "agents": 4, "skills": ["a"]}]}
            """)
        for result in try Simulation(scenario: s).run(threads: 2) {
            let o = result.overall
            #expect(o.arrivals == o.answered + o.abandoned + o.waitingAtEnd)
            // Each abandonment is followed by a redial with probability 1/2: repeats ≈ abandoned / 2.
            let expected = Double(o.abandoned) / 2
            #expect(abs(Double(o.repeatArrivals) - expected) <= 4 * (Double(o.abandoned) * 0.25).squareRoot() + 2)
        }
    }

    @Test func falselyContainedCustomersComeBack() throws {
        let s = try scenario("""
            {"ccsimVersion": 1, "name": "false containment",
             "simulation": {"hours": 100, "replications": 6, "seed": 25},
             "callTypes": [{"name": "a", "arrivals": {"perHour": 100},
                            "ivr": {"durationSeconds": 30, "containment": 0.4,
                                    "falseContainment": {"share": 0.5, "delay": {"distribution": "exponential", "mean": 300}}},
                            "handleTime": {"distribution": "exponential", "mean": 60}}],
             "agentGroups": [{"name": "g", "agents": 4, "skills": ["a"]}]}
            """)
        for result in try Simulation(scenario: s).run(threads: 1) {
            let o = result.overall
            // Half the contained come back: repeats ≈ contained / 2.
            #expect(abs(Double(o.repeatArrivals) - Double(o.contained) / 2) <= 4 * (Double(o.contained) * 0.25).squareRoot() + 2)
            #expect(o.issuesResolved < o.issues)
        }
    }
}

@Suite struct CallbackTests {
    func run(_ callback: String, seed: Int = 41) throws -> (Scenario, [ReplicationResult]) {
        let s = try ScenarioReader.parse(Array("""
            {"ccsimVersion": 1, "name": "callbacks",
             "simulation": {"hours": 12, "replications": 8, "seed": \(seed)},
             "calendar": {"open": "08:00", "close": "20:00", "intervalMinutes": 60},
             "callTypes": [{"name": "a", "arrivals": {"perHour": 50},
                            "handleTime": {"distribution": "exponential", "mean": 240},
                            "patience": {"distribution": "exponential", "mean": 120}\(callback)}],
             "agentGroups": [{"name": "g", "agents": 3, "skills": ["a"]}]}
            """.utf8), file: "callbacks.json")
        return (s, try Simulation(scenario: s).run(threads: 2))
    }

    /// Accepted callbacks leave the line and are never counted as abandoned: the same callers, who
    /// would otherwise hang up, are called back instead, so abandonment falls.
    @Test func callbacksCutAbandonmentAndAreNeverAbandoned() throws {
        let (_, without) = try run("")
        let (s, with) = try run(#", "callback": {"offerAfterSeconds": 45, "acceptance": 0.6, "maxDelaySeconds": 1800}"#)
        for (a, b) in zip(without, with) {
            #expect(b.overall.abandoned < a.overall.abandoned, "\(b.overall.abandoned) vs \(a.overall.abandoned)")
            #expect(b.overall.callbacksAccepted > 0 && b.overall.callbacksAccepted <= b.overall.callbacksOffered)
            #expect(b.overall.callbacksCompleted + b.overall.callbacksPendingAtEnd == b.overall.callbacksAccepted)
            // Every attempt has exactly one outcome, the accepted callbacks included.
            let o = b.overall
            #expect(o.arrivals == o.answered + o.abandoned + o.waitingAtEnd + o.droppedAtClose + o.callbacksAccepted)
        }
        let report = RunReport(scenario: s, results: with)
        #expect(report.centre("callbacksCompleted")!.mean > 0)
    }

    /// Acceptance is the configured share of offers.
    @Test func acceptanceIsTheConfiguredShare() throws {
        let (_, results) = try run(#", "callback": {"offerAfterSeconds": 0, "acceptance": 0.3}"#)
        let shares = results.map { Double($0.overall.callbacksAccepted) / Double($0.overall.callbacksOffered) }
        let interval = ConfidenceInterval(values: shares, confidence: 0.999)
        #expect(abs(interval.mean - 0.3) <= interval.halfWidth!, "\(interval.mean) ± \(interval.halfWidth!)")
    }
}

@Suite struct MisroutingTests {
    func run(share: Double) throws -> [ReplicationResult] {
        let s = try ScenarioReader.parse(Array("""
            {"ccsimVersion": 1, "name": "misrouting",
             "simulation": {"hours": 40, "replications": 8, "seed": 51},
             "callTypes": [
               {"name": "billing", "arrivals": {"perHour": 40}, "handleTime": {"distribution": "exponential", "mean": 180},
                "patience": {"distribution": "exponential", "mean": 300},
                "misrouting": {"share": \(share), "to": "tech", "transferTalk": {"distribution": "deterministic", "value": 60}}},
               {"name": "tech", "arrivals": {"perHour": 20}, "handleTime": {"distribution": "exponential", "mean": 240},
                "patience": {"distribution": "exponential", "mean": 300}}],
             "agentGroups": [{"name": "b", "agents": 4, "skills": ["billing"]}, {"name": "t", "agents": 3, "skills": ["tech"]}]}
            """.utf8), file: "misrouting.json")
        let results = try Simulation(scenario: s).run(threads: 2)
        for result in results {
            let o = result.overall
            #expect(o.arrivals == o.answered + o.abandoned + o.waitingAtEnd)
        }
        return results
    }

    /// A misrouted share of billing calls is answered by the tech desk first and transferred: the
    /// transfer rate of answered billing calls matches the share, and the transfer talk adds to the
    /// billing calls' handle time.
    @Test func misroutedContactsAreTransferredAndCostHandleTime() throws {
        let misrouted = try run(share: 0.2)
        let rates = misrouted.map { Double($0.callTypes[0].transfers) / Double($0.callTypes[0].answered) }
        let interval = ConfidenceInterval(values: rates, confidence: 0.999)
        // Plus 0.01: the two queues lose different shares to abandonment, so answered calls are not
        // exactly an unbiased sample of the misrouting draw.
        #expect(abs(interval.mean - 0.2) <= interval.halfWidth! + 0.01, "\(interval.mean) ± \(interval.halfWidth!)")
        let clean = try run(share: 0)
        #expect(clean.allSatisfy { $0.overall.transfers == 0 })
        // Handle time per answered billing call: about 180 s clean, 180 + 0.2 × 60 s misrouted.
        let aht = { (r: ReplicationResult) in (r.callTypes[0].talkTime + r.callTypes[0].wrapUpTime) / Double(r.callTypes[0].answered) }
        let withTransfers = ConfidenceInterval(values: misrouted.map(aht), confidence: 0.999)
        let without = ConfidenceInterval(values: clean.map(aht), confidence: 0.999)
        #expect(withTransfers.mean > without.mean)
        // The tech desk's agents do the wrong first leg: they answer billing calls too.
        #expect(misrouted.allSatisfy { $0.agentGroups[1].answered > $0.callTypes[1].answered })
    }

    /// With nothing left pending at the end (no repeats; the last callers served after closing), every
    /// issue ends in exactly one outcome, and the unresolved share of answered issues is 1 − FCR.
    @Test func everyIssueEndsInExactlyOneOutcome() throws {
        let s = try ScenarioReader.parse(Array("""
            {"ccsimVersion": 1, "name": "outcomes", "simulation": {"days": 3, "replications": 10, "seed": 31},
             "calendar": {"open": "08:00", "close": "18:00", "intervalMinutes": 60, "atClose": "serve"},
             "callTypes": [{"name": "a", "arrivals": {"perHour": 30}, "firstContactResolution": 0.7,
                            "handleTime": {"distribution": "exponential", "mean": 300},
                            "patience": {"distribution": "exponential", "mean": 60}}],
             "agentGroups": [{"name": "g", "agents": 3, "skills": ["a"]}]}
            """.utf8), file: "outcomes.json")
        let results = try Simulation(scenario: s).run(threads: 2)
        for result in results {
            let t = result.overall
            #expect(t.issues == t.issuesResolved + t.issuesAbandoned + t.issuesUnresolved)
            #expect(t.issuesAbandoned == t.abandoned + t.closedArrivals)
            #expect(t.issuesResolved + t.issuesUnresolved == t.answered)
        }
        let share = ConfidenceInterval(values: results.map { Double($0.overall.issuesUnresolved) / Double($0.overall.answered) }, confidence: 0.999)
        #expect(abs(share.mean - 0.3) <= share.halfWidth!, "unresolved share \(share.mean) ± \(share.halfWidth!)")
    }
}
