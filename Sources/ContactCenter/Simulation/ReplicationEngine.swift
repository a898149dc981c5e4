import SimulationKernel

/// The event loop of one replication.
///
/// Three kinds of event, packed into the kernel's 64-bit payload: an arrival of a call type, an agent
/// becoming free (end of talk and after-call work), and a caller's patience running out. The loop does
/// no allocation per event (queues grow geometrically and keep their storage), calls no closure and no
/// existential, and touches Foundation nowhere.
struct ReplicationEngine {
    private enum EventKind: UInt64 {
        case arrival = 0, agentFree = 1, patienceEnds = 2
    }

    private let model: CompiledModel
    private let replication: Int
    private let limits: SimulationLimits
    private var events = EventQueue(minimumCapacity: 64)
    private var now = 0.0

    private var arrivalStreams: [Xoshiro256StarStar]
    private var talkStreams: [Xoshiro256StarStar]
    private var wrapUpStreams: [Xoshiro256StarStar]
    private var patienceStreams: [Xoshiro256StarStar]

    private var queues: [CallQueue]
    private var idle: [IdleAgents]
    private var idleSince: [Double]
    private var groupOfAgent: [Int32]

    private var tallies: [ContactTally]
    private var histograms: [LogHistogram]
    private var groupTallies: [AgentGroupTally]
    private var waitingNow = 0
    private var waiting: TimeWeightedAverage
    private var eventCount = 0

    init(model: CompiledModel, replication: Int, limits: SimulationLimits) {
        self.model = model.withPrivateStorage()
        self.replication = replication
        self.limits = limits
        let types = model.talk.indices
        arrivalStreams = types.map { model.stream(.arrivals, callType: $0, replication: replication) }
        talkStreams = types.map { model.stream(.talk, callType: $0, replication: replication) }
        wrapUpStreams = types.map { model.stream(.wrapUp, callType: $0, replication: replication) }
        patienceStreams = types.map { model.stream(.patience, callType: $0, replication: replication) }
        queues = types.map { _ in CallQueue() }
        tallies = types.map { _ in ContactTally() }
        histograms = types.map { _ in LogHistogram() }
        idle = model.groupAgents.map { IdleAgents(capacity: $0) }
        groupTallies = model.groupAgents.map { _ in AgentGroupTally() }
        let totalAgents = model.groupAgents.reduce(0, +)
        idleSince = Array(repeating: 0, count: totalAgents)
        groupOfAgent = []
        groupOfAgent.reserveCapacity(totalAgents)
        for (group, agents) in model.groupAgents.enumerated() {
            for _ in 0..<agents {
                idle[group].append(UInt32(groupOfAgent.count))
                groupOfAgent.append(Int32(group))
            }
        }
        waiting = TimeWeightedAverage(start: model.warmup)
    }

    /// Runs the replication to its horizon and returns its tallies.
    /// - Throws: ``SimulationError`` when the replication exceeds one of its ``SimulationLimits``.
    mutating func run() throws(SimulationError) -> ReplicationResult {
        for type in model.interarrival.indices {
            scheduleNextArrival(of: type)
        }
        while let event = events.popMin() {
            now = event.time
            eventCount &+= 1
            if eventCount > limits.maximumEvents {
                throw .eventLimit(replication: replication, limit: limits.maximumEvents, time: now)
            }
            if waitingNow > limits.maximumWaiting {
                throw .waitingLimit(replication: replication, limit: limits.maximumWaiting, time: now)
            }
            let payload = event.payload
            switch EventKind(rawValue: payload & 3) {
            case .arrival: arrive(Int(truncatingIfNeeded: (payload >> 2) & 0x3FFF_FFFF))
            case .agentFree: agentFrees(Int(truncatingIfNeeded: (payload >> 2) & 0x3FFF_FFFF))
            case .patienceEnds:
                patienceEnds(type: Int(truncatingIfNeeded: (payload >> 2) & 0x3FFF_FFFF), position: UInt32(truncatingIfNeeded: payload >> 32))
            case nil: preconditionFailure("unknown event kind in payload \(payload)")
            }
        }
        return finish()
    }

    // MARK: Events

    private mutating func scheduleNextArrival(of type: Int) {
        guard let gap = model.interarrival[type] else { return }
        let time = now + gap.sample(using: &arrivalStreams[type])
        if time <= model.horizon {
            events.schedule(at: time, payload: UInt64(type) << 2 | EventKind.arrival.rawValue)
        }
    }

    private mutating func arrive(_ type: Int) {
        scheduleNextArrival(of: type)
        // Every contact draws its talk, after-call work and patience from its type's own streams, in a
        // fixed order, whatever happens to it: the n-th caller of a type is the same caller in every
        // scenario run with the same seed (common random numbers).
        let talk = model.talk[type].sample(using: &talkStreams[type])
        let wrapUp = model.wrapUp[type]?.sample(using: &wrapUpStreams[type]) ?? 0
        let patience = model.patience[type]?.sample(using: &patienceStreams[type]) ?? .infinity
        if now >= model.warmup { tallies[type].arrivals += 1 }

        if let agent = longestIdleAgent(for: type) {
            startService(agent: agent, type: type, arrival: now, talk: talk, wrapUp: wrapUp)
            return
        }
        let deadline = now + patience
        noteWaitingChange(by: 1)
        let position = queues[type].append(WaitingCall(arrival: now, deadline: deadline, talk: talk, wrapUp: wrapUp))
        if deadline <= model.horizon {
            events.schedule(
                at: deadline,
                payload: UInt64(position) << 32 | UInt64(type) << 2 | EventKind.patienceEnds.rawValue)
        }
    }

    private mutating func agentFrees(_ agent: Int) {
        let group = Int(groupOfAgent[agent])
        if let type = oldestWaitingCall(for: group), let call = queues[type].front() {
            queues[type].removeFront()
            noteWaitingChange(by: -1)
            startService(agent: agent, type: type, arrival: call.arrival, talk: call.talk, wrapUp: call.wrapUp)
            return
        }
        idleSince[agent] = now
        idle[group].append(UInt32(agent))
    }

    private mutating func patienceEnds(type: Int, position: UInt32) {
        guard let call = queues[type].caller(at: position) else { return }  // answered meanwhile
        queues[type].remove(at: position)
        abandon(call, type: type)
    }

    // MARK: Routing

    /// The idle agent, among the groups skilled for `type`, who has been idle longest; removed from idle.
    private mutating func longestIdleAgent(for type: Int) -> Int? {
        var bestGroup = -1
        var bestSince = Double.infinity
        for group in model.eligibleGroups[type] where !idle[group].isEmpty {
            let since = idleSince[Int(idle[group].front)]
            if since < bestSince || bestGroup < 0 {
                bestGroup = group
                bestSince = since
            }
        }
        guard bestGroup >= 0 else { return nil }
        return Int(idle[bestGroup].removeFront())
    }

    /// The call type, among those `group` is skilled for, whose oldest waiting caller has waited
    /// longest. Callers whose patience ended at this very instant hang up first.
    private mutating func oldestWaitingCall(for group: Int) -> Int? {
        var bestType = -1
        var bestArrival = Double.infinity
        for type in model.groupSkills[group] {
            while let call = queues[type].front() {
                if call.deadline > now {
                    if call.arrival < bestArrival || bestType < 0 {
                        bestType = type
                        bestArrival = call.arrival
                    }
                    break
                }
                queues[type].removeFront()
                abandon(call, type: type)
            }
        }
        return bestType >= 0 ? bestType : nil
    }

    // MARK: Outcomes

    private mutating func startService(agent: Int, type: Int, arrival: Double, talk: Double, wrapUp: Double) {
        let group = Int(groupOfAgent[agent])
        let end = now + talk + wrapUp
        if arrival >= model.warmup {
            let wait = now - arrival
            tallies[type].answered += 1
            tallies[type].waitOfAnswered += wait
            if wait <= model.target { tallies[type].answeredWithinTarget += 1 }
            if wait > tallies[type].maxWait { tallies[type].maxWait = wait }
            tallies[type].talkTime += talk
            tallies[type].wrapUpTime += wrapUp
            histograms[type].record(wait)
            groupTallies[group].answered += 1
        }
        let busyFrom = Swift.max(now, model.warmup)
        let busyTo = Swift.min(end, model.horizon)
        if busyTo > busyFrom { groupTallies[group].busySeconds += busyTo - busyFrom }
        if end <= model.horizon {
            events.schedule(at: end, payload: UInt64(agent) << 2 | EventKind.agentFree.rawValue)
        }
    }

    private mutating func abandon(_ call: WaitingCall, type: Int) {
        noteWaitingChange(by: -1)
        guard call.arrival >= model.warmup else { return }
        let wait = call.deadline - call.arrival
        tallies[type].abandoned += 1
        tallies[type].waitOfAbandoned += wait
        if wait <= model.target { tallies[type].abandonedWithinTarget += 1 }
    }

    /// Keeps ∫ (callers waiting) dt over the observed window, for Little's law.
    @inline(__always)
    private mutating func noteWaitingChange(by delta: Int) {
        waitingNow += delta
        waiting.update(to: Double(waitingNow), at: now)
    }

    private mutating func finish() -> ReplicationResult {
        now = model.horizon
        var overall = ContactTally()
        var overallHistogram = LogHistogram()
        for type in tallies.indices {
            for call in queues[type].waitingCalls where call.arrival >= model.warmup {
                tallies[type].waitingAtEnd += 1
                tallies[type].waitAtEnd += model.horizon - call.arrival
            }
            setPercentiles(of: &tallies[type], from: histograms[type])
            overall.add(tallies[type])
            overallHistogram.merge(histograms[type])
        }
        setPercentiles(of: &overall, from: overallHistogram)
        let observed = model.horizon - model.warmup
        for group in groupTallies.indices {
            groupTallies[group].staffedSeconds = Double(model.groupAgents[group]) * observed
        }
        let result = ReplicationResult(
            replication: replication, observedSeconds: observed, callTypes: tallies, overall: overall,
            agentGroups: groupTallies, waitingIntegral: waiting.integral(upTo: model.horizon), events: eventCount)
        result.checkInvariants(warmupSeconds: model.warmup)
        return result
    }

    private func setPercentiles(of tally: inout ContactTally, from histogram: LogHistogram) {
        tally.waitP50 = histogram.quantile(0.5)
        tally.waitP90 = histogram.quantile(0.9)
        tally.waitP99 = histogram.quantile(0.99)
    }
}
