import Testing
@testable import ContactCenterAnalysis

// Expected literals below were cross-checked independently in Python 3 (numpy/scipy):
//  - Erlang B: scipy.stats.poisson.pmf(n, A) / poisson.cdf(n, A).
//  - Erlang C: closed form with explicit sums A^k/k!.
//  - Erlang A: dense generator matrix of the birth–death chain truncated at n + 400 states,
//    solved for πQ = 0 with scipy.linalg.solve; service level from scipy.linalg.expm of the
//    tagged caller's absorbing generator (states "m ahead", "served", "abandoned");
//    ASA from the phase-type moment α(−Q_T)^{-2} q_served. A discrete-event FCFS simulation of
//    2,000,000 calls agreed to Monte-Carlo accuracy (case 1: SL 0.91694, abandonment 0.013965;
//    case 2: SL 0.85049, abandonment 0.08547, ASA 4.755 s).

private func close(_ value: Double, _ expected: Double, relative: Double) -> Bool {
    abs(value - expected) <= relative * abs(expected)
}

private func inUnitInterval(_ x: Double) -> Bool { x.isFinite && x >= 0 && x <= 1 }

@Test func erlangCMatchesPublishedHundredCallsPerHalfHourExample() throws {
    // 100 calls / 30 min, AHT 180 s, 14 agents, target 20 s (A = 10 Erlangs).
    let c = try #require(Erlang.c(arrivalsPerHour: 200, averageHandleTime: 180, agents: 14, targetSeconds: 20))
    #expect(close(c.offeredLoad, 10, relative: 1e-12))
    // Python closed form: Pw 0.17413193359504983, SL 0.8883500191794669,
    // ASA 7.835937011777243 s, Lq 0.4353298339876246.
    #expect(close(c.probabilityOfWait, 0.17413193359504983, relative: 1e-10))
    #expect(close(c.serviceLevel, 0.8883500191794669, relative: 1e-10))
    #expect(close(c.averageSpeedOfAnswer, 7.835937011777243, relative: 1e-10))
    #expect(close(c.averageQueueLength, 0.4353298339876246, relative: 1e-10))
    #expect(close(c.occupancy, 10.0 / 14.0, relative: 1e-12))
    #expect(c.abandonmentRate == 0)
    // Published rounding: 17.41 % wait, 88.84 % answered within 20 s.
    #expect(abs(c.probabilityOfWait - 0.1741) < 5e-5)
    #expect(abs(c.serviceLevel - 0.8884) < 5e-5)
}

@Test func erlangAMatchesPinnedCaseWithFiveMinutePatience() {
    // Same center as the Erlang C example, exponential patience with mean 300 s.
    let f = Erlang.a(arrivalsPerHour: 200, averageHandleTime: 180, averagePatience: 300, agents: 14, targetSeconds: 20)
    // Python generator matrix + expm: Pw 0.145260114296358, abandonment 0.013983744122391322,
    // SL 0.9167920918635487, occupancy 0.7042973256268483, ASA 3.878480044520761 s,
    // Lq 0.23306240203985534.
    #expect(close(f.probabilityOfWait, 0.145260114296358, relative: 1e-9))
    #expect(close(f.abandonmentRate, 0.013983744122391322, relative: 1e-9))
    #expect(close(f.serviceLevel, 0.9167920918635487, relative: 1e-9))
    #expect(close(f.occupancy, 0.7042973256268483, relative: 1e-9))
    #expect(close(f.averageSpeedOfAnswer, 3.878480044520761, relative: 1e-9))
    #expect(close(f.averageQueueLength, 0.23306240203985534, relative: 1e-9))
    // The digits given in the specification.
    #expect(abs(f.probabilityOfWait - 0.14526) < 5e-6)
    #expect(abs(f.abandonmentRate - 0.013984) < 5e-7)
    #expect(abs(f.serviceLevel - 0.916792) < 5e-7)
    #expect(abs(f.occupancy - 0.704297) < 5e-7)
}

@Test func erlangAMatchesPinnedOverloadedCaseWithOneMinutePatience() {
    // 1200 calls/h, AHT 300 s (A = 100 Erlangs) on 95 agents, patience mean 60 s, target 20 s.
    let f = Erlang.a(arrivalsPerHour: 1200, averageHandleTime: 300, averagePatience: 60, agents: 95, targetSeconds: 20)
    // Python generator matrix + expm: abandonment 0.08563176145240126, ASA 4.764636986578244 s,
    // SL 0.8503054209068546, occupancy 0.9624928826816391, Pw 0.4593201601626565,
    // Lq 1.7126352290480251.
    #expect(close(f.abandonmentRate, 0.08563176145240126, relative: 1e-9))
    #expect(close(f.averageSpeedOfAnswer, 4.764636986578244, relative: 1e-9))
    #expect(close(f.serviceLevel, 0.8503054209068546, relative: 1e-9))
    #expect(close(f.occupancy, 0.9624928826816391, relative: 1e-9))
    #expect(close(f.probabilityOfWait, 0.4593201601626565, relative: 1e-9))
    #expect(close(f.averageQueueLength, 1.7126352290480251, relative: 1e-9))
    #expect(abs(f.abandonmentRate - 0.08563) < 5e-6)
    #expect(abs(f.averageSpeedOfAnswer - 4.765) < 5e-4)
    #expect(abs(f.serviceLevel - 0.8503) < 5e-5)
    #expect(abs(f.occupancy - 0.9625) < 5e-5)
}

@Test func erlangATendsToErlangCAsPatienceGrows() throws {
    let c = try #require(Erlang.c(arrivalsPerHour: 200, averageHandleTime: 180, agents: 14, targetSeconds: 20))
    let a = Erlang.a(arrivalsPerHour: 200, averageHandleTime: 180, averagePatience: 1e9, agents: 14, targetSeconds: 20)
    // Python generator matrix with patience 1e9 s: Pw 0.17413191741639353,
    // SL 0.888350035797284, abandonment 7.835934167880556e-09 — within ~1e-7 of Erlang C.
    #expect(close(a.probabilityOfWait, c.probabilityOfWait, relative: 1e-6))
    #expect(close(a.serviceLevel, c.serviceLevel, relative: 1e-6))
    #expect(close(a.averageSpeedOfAnswer, c.averageSpeedOfAnswer, relative: 1e-6))
    #expect(close(a.averageQueueLength, c.averageQueueLength, relative: 1e-6))
    #expect(close(a.occupancy, c.occupancy, relative: 1e-6))
    #expect(a.abandonmentRate < 1e-7)
    #expect(close(a.abandonmentRate, 7.835934167880556e-09, relative: 1e-6))
}

@Test func erlangBMatchesKnownValuesAndIsOneWithNoServers() {
    // scipy: poisson.pmf(14, 10) / poisson.cdf(14, 10) = 0.05681914338652082.
    #expect(close(Erlang.blocking(offeredLoad: 10, servers: 14), 0.05681914338652082, relative: 1e-12))
    // scipy: poisson.pmf(95, 100) / poisson.cdf(95, 100) = 0.10873588750263996.
    #expect(close(Erlang.blocking(offeredLoad: 100, servers: 95), 0.10873588750263996, relative: 1e-11))
    // B(2, 1) = 2 / 3 exactly.
    #expect(close(Erlang.blocking(offeredLoad: 2, servers: 1), 2.0 / 3.0, relative: 1e-15))
    #expect(Erlang.blocking(offeredLoad: 10, servers: 0) == 1)
    #expect(Erlang.blocking(offeredLoad: 0, servers: 0) == 1)
    #expect(Erlang.blocking(offeredLoad: 0, servers: 5) == 0)
}

@Test func erlangCIsNilWhenLoadReachesAgents() {
    // A = 14 Erlangs on 14 agents, and A = 20 on 14.
    #expect(Erlang.c(arrivalsPerHour: 280, averageHandleTime: 180, agents: 14, targetSeconds: 20) == nil)
    #expect(Erlang.c(arrivalsPerHour: 400, averageHandleTime: 180, agents: 14, targetSeconds: 20) == nil)
}

@Test func noArrivalsGivesPerfectServiceForBothModels() throws {
    let c = try #require(Erlang.c(arrivalsPerHour: 0, averageHandleTime: 180, agents: 3, targetSeconds: 20))
    let a = Erlang.a(arrivalsPerHour: 0, averageHandleTime: 180, averagePatience: 60, agents: 3, targetSeconds: 20)
    for f in [c, a] {
        #expect(f.serviceLevel == 1)
        #expect(f.averageSpeedOfAnswer == 0)
        #expect(f.occupancy == 0)
        #expect(f.probabilityOfWait == 0)
        #expect(f.abandonmentRate == 0)
        #expect(f.averageQueueLength == 0)
        #expect(f.offeredLoad == 0)
    }
}

@Test func erlangAAnsweredShareAndLittlesLawAreConsistent() {
    // (λ, AHT, patience, n, target) cases, including a single agent and an overloaded center.
    let cases: [(Double, Double, Double, Int, Double)] = [
        (200, 180, 300, 14, 20), (1200, 300, 60, 95, 20), (20, 120, 60, 1, 30), (600, 240, 90, 30, 15),
    ]
    for (perHour, aht, patience, agents, target) in cases {
        let f = Erlang.a(arrivalsPerHour: perHour, averageHandleTime: aht, averagePatience: patience, agents: agents, targetSeconds: target)
        let load = perHour * aht / 3600
        let gamma = aht / patience
        let d = Erlang.stationaryDistribution(offeredLoad: load, agents: agents, abandonmentRatio: gamma)
        let pi = d.probabilities
        #expect(abs(pi.reduce(0, +) - 1) < 1e-12)
        // Tagged caller with m ahead: P(served) = Π a_j/(a_j+θ) and E[time in queue]
        // (until service or abandonment) = Σ_j P(reach j ahead) / (a_j + θ), in AHT units.
        var pServed = 0.0
        var meanWaitAll = 0.0
        var served = 1.0
        var timeInQueue = 0.0
        var m = 0
        for (i, p) in pi.enumerated() where d.lowestState + i < agents { pServed += p }
        while agents + m <= d.lowestState + pi.count - 1 {
            let advance = Double(agents) + Double(m) * gamma
            let exitRate = advance + gamma
            served *= advance / exitRate
            timeInQueue = 1 / exitRate + (advance / exitRate) * timeInQueue
            let index = agents + m - d.lowestState
            if index >= 0 {
                pServed += pi[index] * served
                meanWaitAll += pi[index] * timeInQueue
            }
            m += 1
        }
        // Answered share = 1 − abandonment (abandonment itself comes from θ·Lq/λ).
        #expect(abs((1 - f.abandonmentRate) - pServed) < 1e-12)
        // Little's law on the queue: Lq = λ · E[wait of all calls] (λ = A per AHT).
        #expect(close(f.averageQueueLength, load * meanWaitAll, relative: 1e-10))
        // Abandonment = θ · E[wait of all calls] (hazard θ while waiting).
        #expect(close(f.abandonmentRate, gamma * meanWaitAll, relative: 1e-10))
        // Service level bounds: at least the no-wait share, at most the answered share.
        #expect(f.serviceLevel >= 1 - f.probabilityOfWait - 1e-15)
        #expect(f.serviceLevel <= 1 - f.abandonmentRate + 1e-12)
        // Occupancy: carried load = answered calls × AHT, i.e. n·occupancy = A·(1 − abandonment).
        #expect(close(f.occupancy * Double(agents), load * (1 - f.abandonmentRate), relative: 1e-10))
    }
}

@Test func erlangASingleAgentMatchesIndependentComputation() {
    // 20 calls/h, AHT 120 s, 1 agent, patience mean 60 s, target 30 s.
    // Python generator matrix + expm: Pw 0.45551485525171265, abandonment 0.31672771712237924,
    // SL 0.612518925577107, ASA 8.793812559660992 s, occupancy 0.4555148552517127.
    let f = Erlang.a(arrivalsPerHour: 20, averageHandleTime: 120, averagePatience: 60, agents: 1, targetSeconds: 30)
    #expect(close(f.probabilityOfWait, 0.45551485525171265, relative: 1e-9))
    #expect(close(f.abandonmentRate, 0.31672771712237924, relative: 1e-9))
    #expect(close(f.serviceLevel, 0.612518925577107, relative: 1e-9))
    #expect(close(f.averageSpeedOfAnswer, 8.793812559660992, relative: 1e-9))
    #expect(close(f.occupancy, 0.4555148552517127, relative: 1e-9))
}

@Test func serviceLevelApproachesAnsweredShareForLongTargetsAndNoWaitShareForZeroTarget() {
    let long = Erlang.a(arrivalsPerHour: 200, averageHandleTime: 180, averagePatience: 300, agents: 14, targetSeconds: 36_000)
    #expect(abs(long.serviceLevel - (1 - long.abandonmentRate)) < 1e-12)
    let zero = Erlang.a(arrivalsPerHour: 200, averageHandleTime: 180, averagePatience: 300, agents: 14, targetSeconds: 0)
    #expect(abs(zero.serviceLevel - (1 - zero.probabilityOfWait)) < 1e-15)
}

@Test func serviceLevelImprovesWithMoreAgents() {
    var previous = -1.0
    for agents in 90...110 {
        let f = Erlang.a(arrivalsPerHour: 1200, averageHandleTime: 300, averagePatience: 60, agents: agents, targetSeconds: 20)
        #expect(f.serviceLevel > previous)
        previous = f.serviceLevel
    }
}

@Test func largeCenterTerminatesWithFiniteProbabilities() {
    // 10,000 agents, 9,800 Erlangs (117,600 calls/h × 300 s), patience 120 s.
    let f = Erlang.a(arrivalsPerHour: 117_600, averageHandleTime: 300, averagePatience: 120, agents: 10_000, targetSeconds: 20)
    #expect(close(f.offeredLoad, 9_800, relative: 1e-12))
    for x in [f.probabilityOfWait, f.abandonmentRate, f.serviceLevel, f.occupancy] {
        #expect(inUnitInterval(x))
    }
    #expect(f.averageSpeedOfAnswer.isFinite && f.averageSpeedOfAnswer >= 0)
    #expect(f.averageQueueLength.isFinite && f.averageQueueLength >= 0)
    // Python sparse generator solve (states 0…11,000) + scipy expm_multiply for the tagged
    // caller: Pw 0.0192447638891913, abandonment 0.00014508294430134807,
    // SL 0.9998549170556885, occupancy 0.9798578187145988.
    #expect(close(f.probabilityOfWait, 0.0192447638891913, relative: 1e-8))
    #expect(close(f.abandonmentRate, 0.00014508294430134807, relative: 1e-8))
    #expect(close(f.serviceLevel, 0.9998549170556885, relative: 1e-8))
    #expect(close(f.occupancy, 0.9798578187145988, relative: 1e-8))
}

@Test func hundredThousandAgentsAndHeavyOverloadStayFinite() {
    let big = Erlang.a(arrivalsPerHour: 1_188_000, averageHandleTime: 300, averagePatience: 120, agents: 100_000, targetSeconds: 20)
    // Twice the load of the agents (20 Erlangs on 10) with patience 10^6 s: the queue mode sits
    // (A − n)·patience/AHT ≈ 27,800 calls deep.
    let overloaded = Erlang.a(arrivalsPerHour: 200, averageHandleTime: 360, averagePatience: 1_000_000, agents: 10, targetSeconds: 20)
    for f in [big, overloaded] {
        for x in [f.probabilityOfWait, f.abandonmentRate, f.serviceLevel, f.occupancy] {
            #expect(inUnitInterval(x))
        }
        #expect(f.averageSpeedOfAnswer.isFinite)
        #expect(f.averageQueueLength.isFinite)
    }
    // Python: window [96,000 … 102,500] of the chain (reflecting edges = exact conditional law)
    // solved as a sparse system + expm_multiply: Pw 0.0006937610934653856,
    // abandonment 1.295480361394492e-06, SL 0.9999987045196387, occupancy 0.9899987174744572.
    #expect(close(big.probabilityOfWait, 0.0006937610934653856, relative: 1e-8))
    #expect(close(big.abandonmentRate, 1.295480361394492e-06, relative: 1e-8))
    #expect(close(big.serviceLevel, 0.9999987045196387, relative: 1e-12))
    #expect(close(big.occupancy, 0.9899987174744572, relative: 1e-12))
    // Overloaded: almost everyone waits, half the calls abandon (carried load = n).
    #expect(overloaded.probabilityOfWait > 0.999999)
    #expect(abs(overloaded.abandonmentRate - 0.5) < 1e-3)
    #expect(overloaded.serviceLevel < 1e-12)
}
