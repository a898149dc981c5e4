import ContactCenter
import SimulationKernel
import Testing
@testable import ContactCenterAnalysis

/// The chat channel: concurrency, handle time growing with the chats in hand, abandonment, no trunk
/// line, `chatHonouredRate`, against exact Erlang A figures where they exist (99.9 % bands from the
/// run's own replications; fixed seeds, not chosen to pass).
@Suite struct ChatTests {
    /// A chat scenario: one chat type (Poisson, exponential talk and patience), one group.
    func chats(perHour: Double, aht: Double, patience: Double, agents: Int, concurrency: Int, growth: Double = 0,
               hours: Double = 300, seed: Int = 31) -> String {
        """
        {"ccsimVersion": 1, "name": "chat", "lines": 1,
         "simulation": {"hours": \(hours), "replications": 10, "seed": \(seed), "warmupMinutes": 120},
         "callTypes": [{"name": "chat", "channel": "chat", "arrivals": {"perHour": \(perHour)},
                        "handleTimeGrowthPerChat": \(growth),
                        "handleTime": {"distribution": "exponential", "mean": \(aht)},
                        "patience": {"distribution": "exponential", "mean": \(patience)}}],
         "agentGroups": [{"name": "g", "agents": \(agents), "concurrency": \(concurrency), "skills": ["chat"]}]}
        """
    }

    func expectMatches(_ results: [ReplicationResult], _ exact: QueueingFigures, occupancy: Bool, _ label: String) {
        typealias Measure = (ReplicationResult) -> Double
        let serviceLevel: Measure = { Double($0.overall.answeredWithinTarget) / Double($0.overall.offered) }
        let abandonment: Measure = { Double($0.overall.abandoned) / Double($0.overall.offered) }
        let speed: Measure = { $0.overall.waitOfAnswered / Double($0.overall.answered) }
        let busy: Measure = { $0.agentGroups[0].busySeconds / $0.agentGroups[0].staffedSeconds }
        var checks: [(String, Double, Measure)] = [
            ("service level", exact.serviceLevel, serviceLevel), ("abandonment", exact.abandonmentRate, abandonment),
            ("ASA", exact.averageSpeedOfAnswer, speed),
        ]
        if occupancy { checks.append(("occupancy", exact.occupancy, busy)) }
        for (name, value, measure) in checks {
            let (mean, halfWidth) = band(results.map(measure))
            #expect(abs(mean - value) <= halfWidth, "\(label) \(name): simulated \(mean) ± \(halfWidth), exact \(value)")
        }
    }

    /// Concurrency 1 without growth: a chat queue is the voice queue, M/M/n+M (Erlang A).
    @Test func concurrencyOneIsErlangA() throws {
        let s = try scenario(chats(perHour: 40, aht: 360, patience: 90, agents: 3, concurrency: 1))
        let results = try Simulation(scenario: s).run(threads: 2)
        let exact = Erlang.a(arrivalsPerHour: 40, averageHandleTime: 360, averagePatience: 90, agents: 3, targetSeconds: 20)
        expectMatches(results, exact, occupancy: true, "concurrency 1")
        #expect(results.allSatisfy { $0.agentGroups[0].peakChatsPerAgent == 1 && $0.overall.blocked == 0 })  // one trunk line
    }

    /// Without growth, an agent's chats are independent servers: n agents holding c chats each are
    /// M/M/(n·c)+M for the customers (Erlang A with n·c servers), whatever agent takes which chat.
    @Test func concurrencyWithoutGrowthIsErlangAWithMoreServers() throws {
        let s = try scenario(chats(perHour: 60, aht: 600, patience: 120, agents: 3, concurrency: 3))
        let results = try Simulation(scenario: s).run(threads: 2)
        let exact = Erlang.a(arrivalsPerHour: 60, averageHandleTime: 600, averagePatience: 120, agents: 9, targetSeconds: 20)
        expectMatches(results, exact, occupancy: false, "3 agents × 3 chats")
        for result in results {
            #expect(result.agentGroups[0].peakChatsPerAgent == 3)
            // Busy while holding at least one chat: at most staffed, at least the work / concurrency.
            let group = result.agentGroups[0]
            #expect(group.busySeconds <= group.staffedSeconds)
            #expect(group.busySeconds * 3 >= result.overall.talkTime * 0.9)
        }
    }

    /// Higher concurrency answers more chats of an overloaded queue even when each chat slows down
    /// with the others in hand, and never lets an agent hold more than its concurrency.
    @Test func higherConcurrencyRaisesThroughput() throws {
        func run(_ concurrency: Int) throws -> [ReplicationResult] {
            let s = try scenario(chats(perHour: 60, aht: 300, patience: 120, agents: 3, concurrency: concurrency, growth: 0.3, hours: 100))
            return try Simulation(scenario: s).run(threads: 2)
        }
        let one = try run(1), three = try run(3)
        let answered1 = band(one.map { Double($0.overall.answered) }), answered3 = band(three.map { Double($0.overall.answered) })
        #expect(answered3.mean - answered3.halfWidth > answered1.mean + answered1.halfWidth, "\(answered1) vs \(answered3)")
        // The mean talk grows: a chat answered as the k-th in hand takes 1 + 0.3 (k − 1) times its draw.
        let talk1 = band(one.map { $0.overall.talkTime / Double($0.overall.answered) })
        let talk3 = band(three.map { $0.overall.talkTime / Double($0.overall.answered) })
        #expect(abs(talk1.mean - 300) <= talk1.halfWidth, "\(talk1)")
        #expect(talk3.mean > 300 * 1.2 && talk3.mean < 300 * 1.6, "\(talk3)")
        #expect(three.allSatisfy { $0.agentGroups[0].peakChatsPerAgent == 3 })
        #expect(one.allSatisfy { $0.agentGroups[0].peakChatsPerAgent == 1 })
    }

    /// Chats in a blended centre: voice, chat and email agents with shifts, overflow and priorities.
    /// No agent ever holds more chats than its group's concurrency (the engine also checks it on every
    /// chat under CCSIM_INVARIANTS), chats hold no trunk line, and every contact ends in one outcome.
    @Test func blendedCentreKeepsConcurrencyAndConservation() throws {
        let s = try scenario("""
            {"ccsimVersion": 1, "name": "blend", "lines": 4,
             "simulation": {"days": 5, "replications": 6, "seed": 33},
             "calendar": {"open": "08:00", "close": "20:00", "intervalMinutes": 60},
             "callTypes": [
               {"name": "voice", "arrivals": {"perHour": 20}, "handleTime": {"distribution": "lognormal", "mean": 240, "cv": 1},
                "patience": {"distribution": "exponential", "mean": 100},
                "redial": {"probability": 0.5, "delay": {"distribution": "exponential", "mean": 300}}},
               {"name": "chat", "channel": "chat", "arrivals": {"perHour": 30}, "handleTimeGrowthPerChat": 0.25,
                "handleTime": {"distribution": "gamma", "mean": 420, "cv": 0.8}, "wrapUp": {"distribution": "deterministic", "value": 30},
                "patience": {"distribution": "exponential", "mean": 300}, "firstContactResolution": 0.8,
                "retry": {"probability": 0.7, "delay": {"distribution": "exponential", "mean": 1800}},
                "ivr": {"durationSeconds": 20, "containment": 0.1}},
               {"name": "mail", "channel": "email", "arrivals": {"perHour": 5}, "handleTime": {"distribution": "exponential", "mean": 300}}],
             "agentGroups": [
               {"name": "chatters", "concurrency": 3, "skills": ["chat", {"callType": "mail", "priority": 2}],
                "shifts": [{"start": "08:00", "end": "14:00", "agents": 2}, {"start": "14:00", "end": "20:00", "agents": 2}]},
               {"name": "blended", "agents": 2, "concurrency": 2, "skills": ["voice", {"callType": "chat", "afterSeconds": 60}]},
               {"name": "phones", "agents": 2, "skills": ["voice", "mail"]}],
             "routing": {"policy": "priority"}}
            """)
        let results = try Simulation(scenario: s).run(threads: 2)
        for result in results {
            #expect(result.agentGroups[0].peakChatsPerAgent == 3)
            #expect(result.agentGroups[1].peakChatsPerAgent <= 2)
            #expect(result.agentGroups[2].peakChatsPerAgent == 0)
            #expect(result.callTypes[1].blocked == 0 && result.callTypes[2].blocked == 0)
            for tally in result.callTypes + [result.overall] {
                #expect(tally.arrivals == tally.closedArrivals + tally.blocked + tally.contained + tally.inIVRAtEnd + tally.answered
                        + tally.abandoned + tally.droppedAtClose + tally.waitingAtEnd + tally.callbacksAccepted)
            }
            for group in result.agentGroups { #expect(group.busySeconds <= group.staffedSeconds * (1 + 1e-12)) }
        }
        let report = RunReport(scenario: s, results: results)
        let honoured = try #require(report.centre("chatHonouredRate"))
        let chat = band(results.map { Double($0.callTypes[1].answered) / Double($0.callTypes[1].offered) })
        #expect(abs(honoured.mean - chat.mean) < 1e-12)
        #expect(honoured.mean > 0.5 && honoured.mean <= 1)
        // Defined for chat types only.
        let perType = report.callTypes.map { $0.kpis.first { $0.definition.key == "chatHonouredRate" }!.interval }
        #expect(perType[0] == nil && perType[1] != nil && perType[2] == nil)
    }
}
