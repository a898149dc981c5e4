import ContactCenter
import Foundation
import SimulationKernel

/// What every calendar interval must achieve (`ccsim staff`); a goal left `nil` is not imposed.
public struct StaffingGoals: Sendable, Equatable {
    /// Least service level: share of offered contacts answered within ``targetSeconds``.
    public var serviceLevel: Double?
    /// The service-level answer-time target, in seconds.
    public var targetSeconds: Double
    /// Largest abandonment rate (abandoned / offered).
    public var maximumAbandonment: Double?
    /// Largest average speed of answer, in seconds.
    public var maximumAverageSpeedOfAnswer: Double?

    /// Creates goals.
    public init(serviceLevel: Double?, targetSeconds: Double, maximumAbandonment: Double? = nil, maximumAverageSpeedOfAnswer: Double? = nil) {
        self.serviceLevel = serviceLevel
        self.targetSeconds = targetSeconds
        self.maximumAbandonment = maximumAbandonment
        self.maximumAverageSpeedOfAnswer = maximumAverageSpeedOfAnswer
    }
}

/// The staffing of one calendar interval.
public struct IntervalStaffing: Sendable {
    /// Start of the interval ("08:00").
    public let label: String
    /// Contacts arriving per hour during the interval (all call types), before the IVR.
    public let arrivalsPerHour: Double
    /// Offered load reaching agents, in Erlangs (contacts per second after the IVR × handle time).
    public let offeredLoad: Double
    /// The Erlang A (or C) estimate the search starts from, in agents.
    public let erlangAgents: Int
    /// Fewest agents on duty that meet every goal in the simulation.
    public let requiredAgents: Int
    /// Agents to schedule so that `requiredAgents` are on duty after shrinkage: ⌈required / (1 − shrinkage)⌉.
    public let scheduledAgents: Int
    /// Agents the shift plan puts on duty in the interval (≥ scheduled).
    public let plannedAgents: Int
    /// The KPIs achieved with `requiredAgents` on duty, 95 % intervals over replications.
    public let serviceLevel: ConfidenceInterval?
    /// Abandonment rate achieved.
    public let abandonmentRate: ConfidenceInterval?
    /// Average speed of answer achieved, in seconds.
    public let averageSpeedOfAnswer: ConfidenceInterval?
}

/// A shift of the plan: `agents` people from `start` to `end`, every open day.
public struct PlannedShift: Sendable, Equatable {
    /// Start, in seconds after midnight.
    public let start: Double
    /// End, in seconds after midnight.
    public let end: Double
    /// Agents on it.
    public let agents: Int
}

/// The staffing of a scenario's day: per interval the fewest agents that meet the goals, what to
/// schedule after shrinkage, and a shift plan that covers it.
public struct StaffingPlan: Sendable {
    /// The scenario's name.
    public let scenarioName: String
    /// The goals imposed.
    public let goals: StaffingGoals
    /// Share of paid time agents are unavailable, in [0, 1).
    public let shrinkage: Double
    /// Replications of each simulation.
    public let replications: Int
    /// The seed of every simulation (common random numbers across the search).
    public let seed: UInt64
    /// Simulations run by the search.
    public let simulations: Int
    /// Length of an interval, in seconds.
    public let intervalSeconds: Double
    /// Per calendar interval, in order.
    public let intervals: [IntervalStaffing]
    /// The shift plan, in order of start.
    public let shifts: [PlannedShift]

    /// Agent-hours a day the scheduled agents need (the least any shift plan can have).
    public var scheduledAgentHours: Double { Double(intervals.reduce(0) { $0 + $1.scheduledAgents }) * intervalSeconds / 3600 }
    /// Agent-hours a day of the shift plan.
    public var plannedAgentHours: Double { shifts.reduce(0) { $0 + Double($1.agents) * ($1.end - $1.start) / 3600 } }
}

/// Why a staffing search cannot run.
public struct StaffingError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public let message: String
    /// The message.
    public var description: String { message }
}

/// The staffing search of `ccsim staff`.
///
/// 1. **Erlang start.** Per interval, the offered load (arrivals per hour after IVR containment × mean
///    handle time, talk plus after-call work) and the mean patience give the fewest agents that meet every
///    goal by Erlang A (Erlang C when a call type never abandons), as if the interval were in steady state.
/// 2. **Simulation, in time order.** The whole day is simulated with that staffing, as one pool of
///    agents with every skill (the same agents stay on while the head count holds), so each interval
///    inherits the backlog of the one before. The first interval whose simulated mean (over
///    replications) misses a goal gets one more agent, and the day is simulated again, until every
///    interval meets every goal. An interval is only changed when every earlier one meets its goals, so a
///    backlog is absorbed where it arises.
/// 3. **Trimming, in time order.** Each interval in turn gives up an agent when, without it, the interval
///    still meets its goals *beyond doubt* (the one-sided Student-t bound at a family-wise 1 % over the
///    intervals lies on the right side of every goal) and every interval, later ones included (their
///    backlog changes), still meets its goals on the mean.
///
/// So the plan meets every goal on the mean, and it goes below the Erlang estimate only where the
/// simulation is sure that fewer agents suffice: a stationary Erlang C or A scenario gets the formula's
/// answer (unless the simulated mean itself misses, then one more). All simulations use the scenario's
/// seed and replications (common random numbers), so the search is deterministic.
public enum StaffingSearch {
    /// Family-wise probability that trimming removes an agent an interval needs (split over the intervals).
    public static let familyError = 0.01

    /// Plans the staffing of `scenario` for `goals`.
    /// - Parameters:
    ///   - shrinkage: share of paid time agents are unavailable, in [0, 0.95].
    ///   - shiftLengths: allowed shift lengths, in seconds.
    ///   - shiftStarts: allowed start times, seconds after midnight (`nil`: every interval's start).
    ///   - progress: called after each replication of each simulation.
    /// - Throws: ``StaffingError`` when no allowed shift fits the opening hours, ``SimulationError``.
    public static func plan(
        scenario: Scenario, goals: StaffingGoals, shrinkage: Double, shiftLengths: [Double], shiftStarts: [Double]?,
        threads: Int, limits: SimulationLimits = .standard, progress: (@Sendable () -> Void)? = nil
    ) throws -> StaffingPlan {
        let calendar = scenario.calendar
        let count = calendar.intervalCount
        let step = calendar.intervalSeconds
        // Shifts are made of whole intervals within opening hours, so the plan's cover is exact.
        for length in shiftLengths where length <= 0 || length.truncatingRemainder(dividingBy: step) != 0 {
            throw StaffingError(message: "a shift of \(clock(length).replacingOccurrences(of: ":", with: " h ")) min is not a whole number of \(Int(step / 60))-minute intervals; give lengths that are")
        }
        let close = calendar.open + Double(count) * step
        for start in shiftStarts ?? [] where start < calendar.open || start >= close || (start - calendar.open).truncatingRemainder(dividingBy: step) != 0 {
            throw StaffingError(message: "a shift cannot start at \(clock(start)): starts must be the start of an interval within opening hours (\(clock(calendar.open)) to \(clock(close - step)), every \(Int(step / 60)) minutes)")
        }
        let effective = scenario.applyingAutomation()
        let rates = Simulation(scenario: scenario).openArrivalsPerHour
        var arrivals: [Double] = [], loads: [Double] = [], erlang: [Int] = []
        var steady: [(perHour: Double, aht: Double, patience: Double?)] = []
        for interval in 0..<count {
            var perHour = 0.0, offered = 0.0, work = 0.0, patienceWeight = 0.0, neverAbandon = false
            for (type, callType) in effective.callTypes.enumerated() {
                let rate = rates[type][interval]
                guard rate > 0 else { continue }
                let reaching = rate * (1 - (callType.ivr?.containment ?? 0))
                perHour += rate
                offered += reaching
                work += reaching * (callType.handleTime.mean + (callType.wrapUp?.mean ?? 0))
                if let patience = callType.patience, patience.mean > 0 { patienceWeight += reaching * patience.mean } else { neverAbandon = true }
            }
            arrivals.append(perHour)
            let aht = offered > 0 ? work / offered : 0
            steady.append((offered, aht, neverAbandon ? nil : patienceWeight / Swift.max(offered, 1e-300)))
            loads.append(offered * aht / 3600)
            erlang.append(offered > 0 ? erlangAgents(
                perHour: offered, aht: aht, patience: neverAbandon ? nil : patienceWeight / offered, goals: goals) : 0)
        }

        var simulations = 0
        func simulate(_ agents: [Int]) throws -> RunReport {
            simulations += 1
            var pooled = scenario
            var group = AgentGroup(name: "staff", agents: agents.reduce(0, +), skills: scenario.callTypes.map(\.name))
            group.shifts = layeredShifts(agents, open: calendar.open, step: step)
            group.shrinkage = shrinkage
            // Chats keep the concurrency of the groups that take them (the Erlang start counts a chat as a call).
            group.concurrency = scenario.agentGroups.map(\.concurrency).max() ?? 1
            pooled.agentGroups = [group]
            pooled.routing = .longestIdleAgent
            pooled.costs?.outsourced = []
            let results = try Simulation(scenario: pooled).run(threads: threads, limits: limits, progress: progress)
            return RunReport(scenario: pooled, results: results)
        }

        var agents = erlang
        if agents.allSatisfy({ $0 == 0 }) {
            throw StaffingError(message: "no contact arrives in any interval: there is nothing to staff")
        }
        var report = try simulate(agents)
        // Increase, in time order, where a goal is significantly missed.
        let maximumSteps = 50 * count + 100
        let sure = 1 - 2 * familyError / Double(count)  // two-sided level whose one-sided tail is familyError / count
        while let missed = (0..<count).first(where: { !verdict(report, $0, goals, confidence: sure).meanMeets }) {
            guard simulations < maximumSteps else {
                throw StaffingError(message: "the goals cannot be met within \(maximumSteps) simulations (interval \(calendar.intervalLabel(missed)) still misses them); relax a goal")
            }
            agents[missed] += 1
            report = try simulate(agents)
        }
        // Trim, in time order, while the interval still significantly meets its goals and none misses.
        for interval in 0..<count {
            while agents[interval] > 0 {
                // Only tried when the interval's margin over its goals exceeds what one agent less costs
                // in steady state (Erlang): otherwise the trial would fail, and simulating it is wasted.
                guard hasRoom(report, interval, goals, steady[interval], agents: agents[interval], confidence: sure) else { break }
                var candidate = agents
                candidate[interval] -= 1
                guard candidate.reduce(0, +) > 0 else { break }
                let trial = try simulate(candidate)
                guard verdict(trial, interval, goals, confidence: sure).beyondDoubt,
                      (0..<count).allSatisfy({ verdict(trial, $0, goals, confidence: sure).meanMeets }) else { break }
                agents = candidate
                report = trial
            }
        }

        let scheduled = agents.map { Int((Double($0) / (1 - shrinkage) - 1e-9).rounded(.up)) }
        let shifts = try shiftPlan(
            scheduled: scheduled, open: calendar.open, step: step, lengths: shiftLengths,
            starts: shiftStarts ?? (0..<count).map { calendar.open + Double($0) * step })
        let planned = (0..<count).map { index in
            let start = calendar.open + Double(index) * step
            return shifts.filter { $0.start <= start && start < $0.end }.reduce(0) { $0 + $1.agents }
        }
        let intervals = (0..<count).map { index in
            let kpis = report.intervals[index].kpis
            func estimate(_ key: String) -> ConfidenceInterval? { kpis.first { $0.definition.key == key }?.interval }
            return IntervalStaffing(
                label: calendar.intervalLabel(index), arrivalsPerHour: arrivals[index], offeredLoad: loads[index],
                erlangAgents: erlang[index], requiredAgents: agents[index], scheduledAgents: scheduled[index],
                plannedAgents: planned[index], serviceLevel: estimate("serviceLevel"),
                abandonmentRate: estimate("abandonmentRate"), averageSpeedOfAnswer: estimate("averageSpeedOfAnswer"))
        }
        return StaffingPlan(
            scenarioName: scenario.name, goals: goals, shrinkage: shrinkage, replications: scenario.simulation.replications,
            seed: scenario.simulation.seed, simulations: simulations, intervalSeconds: step, intervals: intervals, shifts: shifts)
    }

    /// Shifts that put `agents[i]` agents on duty in interval i with no change of agent where the head
    /// count does not change: the k-th agent is on duty through each run of intervals needing at least k
    /// (separate shifts per interval would let leavers finish their calls while newcomers start, a
    /// capacity the staffing does not have). Shifts that end at closing time run on up to two hours
    /// (not past midnight), so that callers still waiting at closing are served, as by the agents of a
    /// center that serves its queue at closing.
    static func layeredShifts(_ agents: [Int], open: Double, step: Double) -> [Shift] {
        var shifts: [Shift] = []
        let close = open + Double(agents.count) * step
        for level in 1...Swift.max(1, agents.max() ?? 0) {
            var index = 0
            while index < agents.count {
                guard agents[index] >= level else { index += 1; continue }
                let first = index
                while index < agents.count && agents[index] >= level { index += 1 }
                let end = open + Double(index) * step
                let shift = Shift(start: open + Double(first) * step, end: end < close ? end : Swift.min(close + 7_200, 86_400), agents: 1)
                if let last = shifts.indices.last, shifts[last].start == shift.start, shifts[last].end == shift.end {
                    shifts[last].agents += 1
                } else {
                    shifts.append(shift)
                }
            }
        }
        return shifts
    }

    /// The fewest agents that meet every goal by Erlang A (patience given) or Erlang C, at least 1.
    /// Every goal improves with each agent, so the count is found by doubling then bisection; Erlang A
    /// may need fewer agents than the load in Erlangs (callers who hang up free the queue), so its
    /// search starts at one agent.
    public static func erlangAgents(perHour: Double, aht: Double, patience: Double?, goals: StaffingGoals) -> Int {
        let load = perHour * aht / 3600
        func ok(_ n: Int) -> Bool {
            guard let f = figures(perHour: perHour, aht: aht, patience: patience, agents: n, target: goals.targetSeconds) else { return false }
            return meets(f, goals)
        }
        var low = patience == nil ? Swift.max(1, Int(load.rounded(.down)) + 1) : 1  // Erlang C needs n > load
        if ok(low) { return low }
        var high = Swift.max(low + 1, Int(load.rounded(.up)) + 1)
        while !ok(high) {
            guard high < 10_000_000 else { return high }
            low = high
            high *= 2
        }
        while high - low > 1 {  // ok(high), !ok(low)
            let middle = (low + high) / 2
            if ok(middle) { high = middle } else { low = middle }
        }
        return high
    }

    /// Erlang A figures, or Erlang C when patience is absent or so long that Erlang A's exact
    /// computation would be out of reach (then abandonment is negligible); `nil` when unstable.
    static func figures(perHour: Double, aht: Double, patience: Double?, agents: Int, target: Double) -> QueueingFigures? {
        if let patience {
            let modal = Erlang.modalQueueLength(arrivalsPerHour: perHour, averageHandleTime: aht, averagePatience: patience, agents: agents)
            let eventRate = Double(agents) / aht + (modal + 1) / patience
            if modal < Erlang.maximumModalQueue && eventRate * target * (modal + 1) <= 1e7 {
                return Erlang.a(arrivalsPerHour: perHour, averageHandleTime: aht, averagePatience: patience, agents: agents, targetSeconds: target)
            }
        }
        return Erlang.c(arrivalsPerHour: perHour, averageHandleTime: aht, agents: agents, targetSeconds: target)
    }

    static func meets(_ figures: QueueingFigures, _ goals: StaffingGoals) -> Bool {
        if let goal = goals.serviceLevel, figures.serviceLevel < goal { return false }
        if let maximum = goals.maximumAbandonment, figures.abandonmentRate > maximum { return false }
        if let maximum = goals.maximumAverageSpeedOfAnswer, figures.averageSpeedOfAnswer > maximum { return false }
        return true
    }

    /// Whether interval `interval`, simulated with `agents`, beats every goal by more than Erlang's
    /// steady-state loss from one agent less (its bound at `confidence`, shifted by that loss, still meets it).
    static func hasRoom(
        _ report: RunReport, _ interval: Int, _ goals: StaffingGoals, _ load: (perHour: Double, aht: Double, patience: Double?),
        agents: Int, confidence: Double
    ) -> Bool {
        guard agents > 1, load.perHour > 0 else { return agents == 1 }
        guard let now = figures(perHour: load.perHour, aht: load.aht, patience: load.patience, agents: agents, target: goals.targetSeconds),
              let fewer = figures(perHour: load.perHour, aht: load.aht, patience: load.patience, agents: agents - 1, target: goals.targetSeconds)
        else { return false }
        var shifted = goals
        shifted.serviceLevel = goals.serviceLevel.map { $0 + (now.serviceLevel - fewer.serviceLevel) }
        shifted.maximumAbandonment = goals.maximumAbandonment.map { $0 - (fewer.abandonmentRate - now.abandonmentRate) }
        shifted.maximumAverageSpeedOfAnswer = goals.maximumAverageSpeedOfAnswer.map { $0 - (fewer.averageSpeedOfAnswer - now.averageSpeedOfAnswer) }
        return verdict(report, interval, shifted, confidence: confidence).beyondDoubt
    }

    /// How an interval's simulated KPIs stand against the goals.
    struct Verdict: Equatable {
        /// Every goal met by the mean over replications.
        var meanMeets = true
        /// Every goal met by the bound of the interval at `confidence` (the bound nearest the goal's wrong side).
        var beyondDoubt = true
        /// Some goal missed by the other bound: the interval misses it beyond doubt.
        var missedBeyondDoubt = false
    }

    /// How interval `interval` of `report` stands against `goals`, with bounds at two-sided `confidence`
    /// (an interval without contacts meets every goal).
    static func verdict(_ report: RunReport, _ interval: Int, _ goals: StaffingGoals, confidence: Double) -> Verdict {
        let kpis = report.intervals[interval].kpis
        var verdict = Verdict()
        func check(_ key: String, _ limit: Double?, atLeast: Bool) {
            guard let limit, let estimate = kpis.first(where: { $0.definition.key == key })?.interval else { return }
            var half = 0.0
            if let h = estimate.halfWidth, estimate.count > 1 {
                let df = Double(estimate.count - 1)
                half = h * StudentT.criticalValue(confidence: confidence, degreesOfFreedom: df)
                    / StudentT.criticalValue(confidence: estimate.confidence, degreesOfFreedom: df)
            }
            let (low, high) = (estimate.mean - half, estimate.mean + half)
            let (worst, best) = atLeast ? (low, high) : (high, low)
            let meets = { (value: Double) in atLeast ? value >= limit : value <= limit }
            if !meets(estimate.mean) { verdict.meanMeets = false }
            if !meets(worst) { verdict.beyondDoubt = false }
            if !meets(best) { verdict.missedBeyondDoubt = true }
        }
        check("serviceLevel", goals.serviceLevel, atLeast: true)
        check("abandonmentRate", goals.maximumAbandonment, atLeast: false)
        check("averageSpeedOfAnswer", goals.maximumAverageSpeedOfAnswer, atLeast: false)
        return verdict
    }

    /// A shift plan covering `scheduled` agents per interval with allowed shifts, by a greedy rule:
    /// at the first interval not yet covered, add a shift that starts at the latest allowed start not
    /// after it and has the allowed length that covers the most still-uncovered intervals per hour
    /// (the longest among equals). Not always the fewest agent-hours; the report shows the lower bound.
    /// - Throws: ``StaffingError`` when no allowed shift covers an interval that needs agents.
    static func shiftPlan(scheduled: [Int], open: Double, step: Double, lengths: [Double], starts: [Double]) throws(StaffingError) -> [PlannedShift] {
        let close = open + Double(scheduled.count) * step
        var coverage = [Int](repeating: 0, count: scheduled.count)
        var chosen: [PlannedShift] = []
        for interval in scheduled.indices {
            let time = open + Double(interval) * step
            while coverage[interval] < scheduled[interval] {
                var best: (shift: PlannedShift, score: Double)?
                let start = starts.filter { candidate in candidate <= time && lengths.contains { candidate + $0 > time && candidate + $0 <= close } }.max()
                if let start {
                    for length in lengths.sorted(by: >) where start + length > time && start + length <= close {
                        let covered = scheduled.indices.filter { index in
                            let t = open + Double(index) * step
                            return t >= start && t < start + length && coverage[index] < scheduled[index]
                        }.count
                        let score = Double(covered) / length
                        if best == nil || score > best!.score + 1e-12 { best = (PlannedShift(start: start, end: start + length, agents: 1), score) }
                    }
                }
                guard let shift = best?.shift else {
                    throw StaffingError(message: "no allowed shift covers the interval starting at \(clock(time)) within the opening hours; allow other shift lengths or start times")
                }
                chosen.append(shift)
                for index in scheduled.indices {
                    let t = open + Double(index) * step
                    if t >= shift.start && t < shift.end { coverage[index] += 1 }
                }
            }
        }
        // Identical shifts merge into one line with their head count.
        var merged: [PlannedShift] = []
        for shift in chosen {
            if let index = merged.firstIndex(where: { $0.start == shift.start && $0.end == shift.end }) {
                merged[index] = PlannedShift(start: shift.start, end: shift.end, agents: merged[index].agents + 1)
            } else {
                merged.append(shift)
            }
        }
        return merged.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    /// "HH:MM" for seconds after midnight.
    static func clock(_ seconds: Double) -> String {
        clockText(minutes: Int((seconds / 60).rounded()))
    }
}
