import SimulationKernel
import Testing
@testable import ContactCenter

/// Two call types, two groups with overlapping skills, abandonment, wrap-up and a warm-up: the
/// scenario the invariants below are checked on.
let multiSkillScenario = """
{
  "ccsimVersion": 1,
  "name": "multi-skill",
  "simulation": { "hours": 30, "replications": 4, "seed": 99, "warmupMinutes": 30 },
  "callTypes": [
    { "name": "billing", "arrivals": { "perHour": 60 },
      "handleTime": { "distribution": "lognormal", "mean": 200, "cv": 0.8 },
      "wrapUp": { "distribution": "uniform", "min": 10, "max": 40 },
      "patience": { "distribution": "exponential", "mean": 90 } },
    { "name": "tech", "arrivals": { "perHour": 30 },
      "handleTime": { "distribution": "gamma", "mean": 300, "cv": 1.2 },
      "patience": { "distribution": "weibull", "mean": 120, "shape": 0.7 } }
  ],
  "agentGroups": [
    { "name": "generalists", "agents": 3, "skills": ["billing", "tech"] },
    { "name": "billing-desk", "agents": 2, "skills": ["billing"] },
    { "name": "tech-desk", "agents": 1, "skills": ["tech"] }
  ]
}
"""

/// Checks the accounting identities every replication must satisfy exactly.
func expectInvariants(_ result: ReplicationResult, scenario: Scenario, sourceLocation: SourceLocation = #_sourceLocation) {
    for tally in result.callTypes + [result.overall] {
        // Conservation: every arrival of the cohort is answered, abandoned or still waiting.
        #expect(
            tally.arrivals == tally.closedArrivals + tally.blocked + tally.contained + tally.inIVRAtEnd
                + tally.answered + tally.abandoned + tally.droppedAtClose + tally.waitingAtEnd + tally.callbacksAccepted,
            sourceLocation: sourceLocation)
        #expect(tally.answeredWithinTarget <= tally.answered, sourceLocation: sourceLocation)
        #expect(tally.maxWait >= (tally.waitP99 ?? 0) * (1 - 1.0 / 256), sourceLocation: sourceLocation)
    }
    #expect(result.overall.answered == result.agentGroups.reduce(0) { $0 + $1.answered }, sourceLocation: sourceLocation)
    // Every offered contact belongs to exactly one reporting interval.
    #expect(result.intervals.reduce(0) { $0 + $1.arrivals } == result.overall.offered, sourceLocation: sourceLocation)
    #expect(result.intervals.reduce(0) { $0 + $1.answered } == result.overall.answered, sourceLocation: sourceLocation)
    #expect(result.intervals.reduce(0) { $0 + $1.abandoned } == result.overall.abandoned, sourceLocation: sourceLocation)
    for group in result.agentGroups {
        #expect(group.busySeconds <= group.staffedSeconds * (1 + 1e-12), sourceLocation: sourceLocation)
    }
    if scenario.simulation.warmupSeconds == 0 {
        // Little's law as a sample-path identity: ∫ Q(t) dt equals the total time callers spent waiting.
        let waited = result.overall.waitOfAnswered + result.overall.waitOfAbandoned + result.overall.waitAtEnd + result.overall.waitOfDroppedAtClose + result.overall.waitOfOther
        #expect(abs(result.waitingIntegral - waited) <= 1e-9 * Swift.max(waited, 1), sourceLocation: sourceLocation)
    }
}

@Suite struct SimulationTests {
    @Test func conservationHoldsInEveryReplication() throws {
        let scenario = try readScenario(multiSkillScenario)
        let results = try Simulation(scenario: scenario).run(threads: 2)
        #expect(results.map(\.replication) == [0, 1, 2, 3])
        for result in results {
            expectInvariants(result, scenario: scenario)
            #expect(result.overall.abandoned > 0 && result.overall.answered > 0)
        }
    }

    @Test func littlesLawHoldsOnTheSamplePath() throws {
        var scenario = try readScenario(multiSkillScenario)
        scenario.simulation.warmupSeconds = 0
        for result in try Simulation(scenario: scenario).run(threads: 1) {
            expectInvariants(result, scenario: scenario)
            #expect(result.waitingIntegral > 0)
        }
    }

    @Test func sameSeedGivesIdenticalResultsWhateverTheThreadCount() throws {
        let scenario = try readScenario(multiSkillScenario)
        let simulation = Simulation(scenario: scenario)
        let one = try simulation.run(threads: 1)
        #expect(try simulation.run(threads: 2) == one)
        #expect(try simulation.run(threads: 7) == one)
        #expect(try simulation.run(replications: 2..<4, threads: 2) == Array(one[2..<4]))
    }

    @Test func differentSeedsGiveDifferentResults() throws {
        var scenario = try readScenario(multiSkillScenario)
        let first = try Simulation(scenario: scenario).runReplication(0)
        scenario.simulation.seed += 1
        #expect(try Simulation(scenario: scenario).runReplication(0) != first)
        let other = Simulation(scenario: scenario)
        #expect(try other.runReplication(1) != other.runReplication(0))
    }

    /// A call type's random streams are keyed by its name: adding another type, served by its own
    /// agents, does not change a single number of the first.
    @Test func addingACallTypeElsewhereChangesNothingForTheOthers() throws {
        let base = try readScenario(multiSkillScenario)
        var extended = base
        extended.callTypes.insert(CallType(name: "sales", arrivalsPerHour: 40, handleTime: .exponential(mean: 100)), at: 0)
        extended.agentGroups.append(AgentGroup(name: "sales-desk", agents: 2, skills: ["sales"]))
        let before = try Simulation(scenario: base).runReplication(1)
        let after = try Simulation(scenario: extended).runReplication(1)
        #expect(after.callTypes[1] == before.callTypes[0])
        #expect(after.callTypes[2] == before.callTypes[1])
    }

    @Test func callersWithoutPatienceNeverAbandon() throws {
        var scenario = try readScenario(multiSkillScenario)
        for index in scenario.callTypes.indices { scenario.callTypes[index].patience = nil }
        for result in try Simulation(scenario: scenario).run(threads: 2) {
            #expect(result.overall.abandoned == 0)
            expectInvariants(result, scenario: scenario)
        }
    }

    /// With a patience of zero nobody waits: a call that finds every agent busy is lost at once.
    @Test func zeroPatienceMakesALossSystem() throws {
        var scenario = try readScenario(multiSkillScenario)
        for index in scenario.callTypes.indices { scenario.callTypes[index].patience = .deterministic(0) }
        for result in try Simulation(scenario: scenario).run(threads: 2) {
            #expect(result.overall.maxWait == 0)
            #expect(result.overall.waitOfAbandoned == 0)
            #expect(result.overall.waitingAtEnd == 0)
            #expect(result.overall.abandoned > 0)
            #expect(result.overall.answeredWithinTarget == result.overall.answered)
        }
    }

    /// Only skilled groups answer a type: with the tech desk and generalists closed to billing, the
    /// billing desk answers every billing call.
    @Test func agentsServeOnlyTheirSkills() throws {
        var scenario = try readScenario(multiSkillScenario)
        scenario.agentGroups[0].skills = ["tech"]
        let result = try Simulation(scenario: scenario).runReplication(0)
        // Billing calls can only go to the billing desk, tech calls to the other two groups.
        #expect(result.agentGroups[1].answered == result.callTypes[0].answered)
        #expect(result.agentGroups[0].answered + result.agentGroups[2].answered == result.callTypes[1].answered)
    }

    /// Longest-idle-agent routing spreads work evenly over identical agents: two single-agent groups
    /// with the same skill answer shares whose difference stays within 4 binomial standard deviations.
    @Test func longestIdleAgentBalancesIdenticalGroups() throws {
        let scenario = Scenario(
            name: "balance", simulation: SimulationSettings(horizonSeconds: 200 * 3600, replications: 1, seed: 5),
            callTypes: [CallType(name: "a", arrivalsPerHour: 20, handleTime: .exponential(mean: 120))],
            agentGroups: [AgentGroup(name: "x", agents: 1, skills: ["a"]), AgentGroup(name: "y", agents: 1, skills: ["a"])])
        let result = try Simulation(scenario: scenario).runReplication(0)
        let n = Double(result.overall.answered)
        let difference = abs(Double(result.agentGroups[0].answered - result.agentGroups[1].answered))
        #expect(difference < 4 * n.squareRoot())
        // And busy time is shared the same way: occupancies of the two agents within a few percent.
        let occupancies = result.agentGroups.map { $0.busySeconds / $0.staffedSeconds }
        #expect(abs(occupancies[0] - occupancies[1]) < 0.05)
    }

    /// A freed agent takes the caller who has waited longest among its skills (first come, first served
    /// across queues): in an overloaded single-group centre, the two types get the same mean wait.
    @Test func freedAgentTakesTheLongestWaitingCaller() throws {
        let scenario = Scenario(
            name: "fcfs", simulation: SimulationSettings(horizonSeconds: 100 * 3600, replications: 1, seed: 8, warmupSeconds: 3600),
            callTypes: [
                CallType(name: "a", arrivalsPerHour: 50, handleTime: .exponential(mean: 100)),
                CallType(name: "b", arrivalsPerHour: 50, handleTime: .exponential(mean: 100)),
            ],
            agentGroups: [AgentGroup(name: "g", agents: 3, skills: ["b", "a"])])
        let result = try Simulation(scenario: scenario).runReplication(0)
        let waitA = result.callTypes[0].waitOfAnswered / Double(result.callTypes[0].answered)
        let waitB = result.callTypes[1].waitOfAnswered / Double(result.callTypes[1].answered)
        #expect(abs(waitA - waitB) / ((waitA + waitB) / 2) < 0.1, "\(waitA) vs \(waitB)")
    }

    @Test func theBuiltInScenarioFormatRunsWithAZeroRateType() throws {
        var scenario = try readScenario(multiSkillScenario)
        scenario.callTypes[1].arrivalsPerHour = 0
        let result = try Simulation(scenario: scenario).runReplication(0)
        #expect(result.callTypes[1].arrivals == 0)
        expectInvariants(result, scenario: scenario)
    }
}

@Suite struct RoutingTests {
    /// With the priority policy, a freed agent serves its priority-1 skill first: that type waits far
    /// less than the priority-2 type in the same overloaded group.
    @Test func priorityRoutingServesTheHigherPriorityFirst() throws {
        func waits(_ policy: String) throws -> (Double, Double) {
            let s = try readScenario("""
                {"ccsimVersion": 1, "name": "priority", "simulation": {"hours": 50, "replications": 1, "seed": 31},
                 "routing": {"policy": "\(policy)"},
                 "callTypes": [
                   {"name": "vip", "arrivals": {"perHour": 30}, "handleTime": {"distribution": "exponential", "mean": 120}},
                   {"name": "std", "arrivals": {"perHour": 30}, "handleTime": {"distribution": "exponential", "mean": 120}}],
                 "agentGroups": [{"name": "g", "agents": 2, "skills": [{"callType": "vip", "priority": 1}, {"callType": "std", "priority": 2}]}]}
                """)
            let result = try Simulation(scenario: s).runReplication(0)
            expectInvariants(result, scenario: s)
            let asa = result.callTypes.map { $0.waitOfAnswered / Double($0.answered) }
            return (asa[0], asa[1])
        }
        let (vip, std) = try waits("priority")
        #expect(vip * 3 < std, "vip \(vip) s, standard \(std) s")
        let (a, b) = try waits("longestIdleAgent")
        #expect(abs(a - b) / ((a + b) / 2) < 0.25, "without priorities both wait alike: \(a) vs \(b)")
    }

    /// An overflow group takes a caller only once the wait reaches its delay: with an overflow group so
    /// large that it always has an idle agent (20 agents for 1.3 Erlangs: all busy with probability
    /// about 1e-20), nobody waits longer than the delay, and the overflow answers some calls.
    @Test func overflowGroupTakesCallersAfterTheirDelay() throws {
        let s = try readScenario("""
            {"ccsimVersion": 1, "name": "overflow", "simulation": {"hours": 20, "replications": 1, "seed": 32},
             "serviceLevel": {"targetSeconds": 29},
             "callTypes": [{"name": "x", "arrivals": {"perHour": 40}, "handleTime": {"distribution": "exponential", "mean": 120}}],
             "agentGroups": [
               {"name": "first", "agents": 1, "skills": ["x"]},
               {"name": "backup", "agents": 20, "skills": [{"callType": "x", "afterSeconds": 30}]}]}
            """)
        let result = try Simulation(scenario: s).runReplication(0)
        expectInvariants(result, scenario: s)
        #expect(result.agentGroups[0].answered > 0 && result.agentGroups[1].answered > 0)
        #expect(result.overall.maxWait <= 30 + 1e-9)
        // Calls the backup took waited exactly 30 s, over the 29 s target.
        #expect(result.overall.answeredWithinTarget <= result.overall.answered - result.agentGroups[1].answered)
    }
}
