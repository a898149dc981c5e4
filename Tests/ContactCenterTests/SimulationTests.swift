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
                + tally.answered + tally.abandoned + tally.droppedAtClose + tally.waitingAtEnd,
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
        let waited = result.overall.waitOfAnswered + result.overall.waitOfAbandoned + result.overall.waitAtEnd + result.overall.waitOfDroppedAtClose
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
