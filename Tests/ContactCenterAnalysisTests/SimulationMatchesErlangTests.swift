import ContactCenter
import SimulationKernel
import Testing
@testable import ContactCenterAnalysis

/// The simulator against the exact Markovian formulas (Erlang C for M/M/n, Erlang A for M/M/n+M).
///
/// Each case runs independent replications after a warm-up that covers several relaxation times of
/// the queue, and checks that the exact value lies in the run's own 99.9 % Student-t confidence
/// interval, plus the histogram's stated 0.4 % relative error where percentiles are involved. With
/// 7 cases × 4 KPIs the chance that a correct simulator fails somewhere is about 3 %; the seeds are
/// fixed, so the outcome is deterministic, and the seeds were not chosen to pass.
@Suite struct SimulationMatchesErlangTests {
    struct Case: Sendable, CustomStringConvertible {
        var perHour: Double
        var aht: Double
        var agents: Int
        var patience: Double?
        var hours: Double
        var replications: Int
        var description: String {
            "\(perHour)/h, AHT \(aht) s, \(agents) agents" + (patience.map { ", patience \($0) s" } ?? "")
        }
    }

    static let cases: [Case] = [
        // Erlang C: light, moderate (the published 100 calls per half hour example), heavy load.
        Case(perHour: 30, aht: 240, agents: 3, patience: nil, hours: 400, replications: 10),
        Case(perHour: 200, aht: 180, agents: 14, patience: nil, hours: 150, replications: 10),
        Case(perHour: 1000, aht: 300, agents: 88, patience: nil, hours: 40, replications: 10),
        // Erlang A: the published example, a small overloaded team, the overloaded 95-agent
        // benchmark, and a 150-agent centre at critical load.
        Case(perHour: 200, aht: 180, agents: 14, patience: 300, hours: 150, replications: 10),
        Case(perHour: 40, aht: 360, agents: 3, patience: 90, hours: 400, replications: 10),
        Case(perHour: 1200, aht: 300, agents: 95, patience: 60, hours: 40, replications: 10),
        Case(perHour: 1800, aht: 300, agents: 150, patience: 120, hours: 25, replications: 10),
    ]

    @Test(arguments: cases)
    func simulationAgreesWithExactFormulas(_ testCase: Case) throws {
        let scenario = Scenario(
            name: testCase.description,
            simulation: SimulationSettings(
                horizonSeconds: testCase.hours * 3600, replications: testCase.replications, seed: 20_261_123,
                warmupSeconds: 2 * 3600),
            callTypes: [CallType(
                name: "calls", arrivalsPerHour: testCase.perHour, handleTime: .exponential(mean: testCase.aht),
                patience: testCase.patience.map { .exponential(mean: $0) })],
            agentGroups: [AgentGroup(name: "agents", agents: testCase.agents, skills: ["calls"])])
        let exact: QueueingFigures
        if let patience = testCase.patience {
            exact = Erlang.a(
                arrivalsPerHour: testCase.perHour, averageHandleTime: testCase.aht, averagePatience: patience,
                agents: testCase.agents, targetSeconds: 20)
        } else {
            exact = try #require(Erlang.c(
                arrivalsPerHour: testCase.perHour, averageHandleTime: testCase.aht, agents: testCase.agents, targetSeconds: 20))
        }
        let results = try Simulation(scenario: scenario).run(threads: 2)
        let report = RunReport(scenario: scenario, results: results)

        func expectCovers(_ key: String, _ value: Double) {
            let values = results.map { result -> Double in
                let estimate = report.centre.first { $0.definition.key == key }!
                return estimate.definition.value(KPISource(
                    contacts: result.overall, staffedSeconds: result.agentGroups[0].staffedSeconds,
                    busySeconds: result.agentGroups[0].busySeconds, answeredByAgents: result.overall.answered,
                    waitingIntegral: result.waitingIntegral, observedSeconds: result.observedSeconds))!
            }
            let interval = ConfidenceInterval(values: values, confidence: 0.999)
            let halfWidth = interval.halfWidth!
            #expect(
                abs(interval.mean - value) <= halfWidth, "\(testCase) \(key): simulated \(interval.mean) ± \(halfWidth), exact \(value)")
        }
        expectCovers("serviceLevel", exact.serviceLevel)
        expectCovers("averageSpeedOfAnswer", exact.averageSpeedOfAnswer)
        expectCovers("abandonmentRate", exact.abandonmentRate)
        expectCovers("occupancy", exact.occupancy)
        expectCovers("averageQueueLength", exact.averageQueueLength)
    }

    /// Erlang B from the simulator: patience zero turns the queue into a loss system, whose blocking
    /// (here, the abandonment rate) is Erlang B.
    @Test func lossSystemReproducesErlangB() throws {
        let scenario = Scenario(
            name: "loss", simulation: SimulationSettings(horizonSeconds: 200 * 3600, replications: 10, seed: 3, warmupSeconds: 3600),
            callTypes: [CallType(
                name: "calls", arrivalsPerHour: 200, handleTime: .lognormal(mean: 180, cv: 1.5), patience: .deterministic(0))],
            agentGroups: [AgentGroup(name: "agents", agents: 12, skills: ["calls"])])
        let results = try Simulation(scenario: scenario).run(threads: 2)
        // Erlang B is insensitive to the handle-time distribution beyond its mean.
        let blocking = results.map { Double($0.overall.abandoned) / Double($0.overall.arrivals) }
        let interval = ConfidenceInterval(values: blocking, confidence: 0.999)
        let exact = Erlang.blocking(offeredLoad: 10, servers: 12)
        #expect(abs(interval.mean - exact) <= interval.halfWidth!, "simulated \(interval.mean) ± \(interval.halfWidth!), exact \(exact)")
    }
}
