#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SimulationKernel

/// The event loop of one replication.
///
/// Events are packed into the kernel's 64-bit payload: a kind (4 bits), an index (28 bits: a call
/// type, an agent or a shift) and, for a caller's patience, the caller's position in its queue
/// (32 bits). The loop does no allocation per event (queues grow geometrically and keep their
/// storage), calls no closure and no existential, and touches Foundation nowhere.
///
/// The engine is move-only: its per-type and per-agent state sits in ``FixedArray``s it owns and its
/// events in ``PendingEvents`` (arrivals in a side heap), so a mutation on the hot path costs a bounds
/// check, not the copy-on-write uniqueness check of an `Array` (a runtime call). Model tables read on
/// every contact are walked by index (``FlatLists``), never as nested arrays, whose iteration
/// retains and releases the inner array.
struct ReplicationEngine: ~Copyable {
    private enum EventKind: UInt64 {
        case arrival = 0, agentFree = 1, patienceEnds = 2, opening = 3, closing = 4, shiftStart = 5, shiftEnd = 6
        case ivrExit = 7, repeatArrival = 8, lineRelease = 9, overflow = 10, callbackOffer = 11, transferDone = 12
        case chatEnd = 13, breakStart = 14, breakEnd = 15
    }

    private let model: CompiledModel
    private let calendar: CompiledCalendar
    private let replication: Int
    private let limits: SimulationLimits
    /// Pending events; the arrivals of the call types' Poisson processes and traces in the side heap
    /// (one per type at a time).
    private var events = PendingEvents(minimumCapacity: 64)
    private var now = 0.0

    private var arrivalStreams: FixedArray<Xoshiro256StarStar>
    private var talkStreams: FixedArray<Xoshiro256StarStar>
    private var wrapUpStreams: FixedArray<Xoshiro256StarStar>
    private var patienceStreams: FixedArray<Xoshiro256StarStar>
    /// Per call type: containment in the IVR and false containment.
    private var ivrStreams: FixedArray<Xoshiro256StarStar>
    /// Per call type: whether a handled contact resolves the issue, and whether a customer tries again.
    private var outcomeStreams: FixedArray<Xoshiro256StarStar>
    /// Per call type: the delays before customers try again.
    private var repeatDelayStreams: FixedArray<Xoshiro256StarStar>
    /// Per call type: whether a caller accepts a callback.
    private var callbackStreams: FixedArray<Xoshiro256StarStar>
    /// Per call type: accepted callbacks waiting for an agent, oldest first (`arrival` = acceptance).
    private var callbacks: FixedArray<CallQueue>
    /// Per group: agents on duty now.
    private var onDutyCount: FixedArray<Int>
    /// Per call type: the next row of its arrival trace.
    private var traceIndex: FixedArray<Int>
    /// The recorded talk of the trace contact being entered now, in seconds (negative: none, drawn).
    private var recordedTalk = -1.0
    /// Per call type with recorded talk times and an IVR: the recorded talk of each contact in the
    /// IVR, in order of entry (negative for a contact without one), from `ivrTalkHead` on. The IVR
    /// takes the same time for every contact of a type, so contacts leave it in that order.
    private var ivrTalk: [[Double]] = []
    private var ivrTalkHead: [Int] = []
    /// Per call type: whether a contact is misrouted, and the wrong agent's talk.
    private var routingStreams: FixedArray<Xoshiro256StarStar>
    /// Contacts being transferred back to their own queue (slots reused through `freeTransferSlots`).
    private var transferring: [WaitingCall] = []
    private var freeTransferSlots: [Int] = []
    /// Per simulated day: the busyness factor of that day's arrival rates (empty: always 1).
    private var busyness: [Double] = []

    private var queues: FixedArray<CallQueue>
    /// Per call type: callers who found the center closed and try again at the next opening.
    private var carried: [[(arrival: Double, issue: Issue)]]
    /// Trunk lines in use (held from arrival through IVR, wait and talk).
    private var linesInUse = 0
    /// Per call type: contacts of the cohort in the IVR now.
    private var inIVR: FixedArray<Int>

    private var idle: FixedArray<IdleAgents>
    private var idleSince: FixedArray<Double>
    private var groupOfAgent: FixedArray<Int32>
    private var onDuty: FixedArray<Bool>
    private var busy: FixedArray<Bool>
    /// Bumped whenever an agent stops being idle, so that its old idle entry is known to be stale.
    private var generation: FixedArray<UInt32>
    /// When the shift of an agent still finishing a contact ended, in seconds.
    private var dutyEnded: FixedArray<Double>
    /// Per agent, with chats in the scenario (empty otherwise): chats in hand now.
    private var chatsHeld: FixedArray<Int32>
    /// Per agent, with chats: when it last went from no chat to one, in seconds (its busy time runs
    /// from then until its last chat ends).
    private var chatBusySince: FixedArray<Double>
    /// Per group, with chats: its first agent (a group's agents are numbered consecutively).
    private var firstAgent: [Int] = []
    /// Per shift (all groups, flattened): its group, its first agent and the shift.
    private var shifts: [(group: Int, firstAgent: Int, shift: Shift)] = []
    /// Per shift: its breaks, as a range of `breaks` (empty when no shift has breaks, so that
    /// scenarios without breaks allocate nothing for them).
    private var shiftBreaks: [Range<Int>] = []
    /// Every break of every shift: its shift, its start and end (seconds after midnight), and its
    /// agents (offsets from the shift's first agent, wrapping around the shift's agents).
    private var breaks: [(shift: Int, start: Double, end: Double, firstOffset: Int, count: Int)] = []

    private var tallies: FixedArray<ContactTally>
    private var histograms: FixedArray<LogHistogram>
    private var groupTallies: FixedArray<AgentGroupTally>
    private var intervalTallies: FixedArray<ContactTally>
    private var intervalStaffed: FixedArray<Double>
    private var intervalBusy: FixedArray<Double>
    /// The stretch of constant demand that contains `now` (its start, end and reporting interval),
    /// looked up again only when time leaves it: segments last 15 minutes or more.
    private var segmentStart = 1.0
    private var segmentEnd = 0.0
    private var segmentInterval = -1
    private var waitingNow = 0
    private var waiting: TimeWeightedAverage
    private var eventCount = 0

    init(model: CompiledModel, replication: Int, limits: SimulationLimits) {
        self.model = model.withPrivateStorage()
        self.calendar = model.calendar
        self.replication = replication
        self.limits = limits
        let types = model.talk.count
        func streams(_ purpose: CompiledModel.StreamPurpose) -> FixedArray<Xoshiro256StarStar> {
            FixedArray(count: types) { model.stream(purpose, callType: $0, replication: replication) }
        }
        arrivalStreams = streams(.arrivals)
        talkStreams = streams(.talk)
        wrapUpStreams = streams(.wrapUp)
        patienceStreams = streams(.patience)
        ivrStreams = streams(.ivr)
        outcomeStreams = streams(.outcome)
        repeatDelayStreams = streams(.repeatDelay)
        callbackStreams = streams(.callback)
        routingStreams = streams(.routing)
        callbacks = FixedArray(count: types) { _ in CallQueue() }
        traceIndex = FixedArray(repeating: 0, count: types)
        if model.anyTraceTalk {
            ivrTalk = Array(repeating: [], count: types)
            ivrTalkHead = Array(repeating: 0, count: types)
        }
        onDutyCount = FixedArray(count: model.groupAgents.count) { model.groupShifts[$0].isEmpty ? model.groupAgents[$0] : 0 }
        inIVR = FixedArray(repeating: 0, count: types)
        if let factor = model.busyness {
            var stream = model.stream(.busyness, replication: replication)
            let days = Int((model.horizon / 86_400).rounded(.up)) + 1
            busyness = (0..<days).map { _ in factor.sample(using: &stream) }
        }
        queues = FixedArray(count: types) { _ in CallQueue() }
        carried = Array(repeating: [], count: types)
        tallies = FixedArray(repeating: ContactTally(), count: types)
        histograms = FixedArray(repeating: LogHistogram(), count: types)
        idle = FixedArray(count: model.groupAgents.count) { IdleAgents(capacity: model.groupAgents[$0]) }
        groupTallies = FixedArray(repeating: AgentGroupTally(), count: model.groupAgents.count)
        let intervals = model.calendar.intervalCount
        intervalTallies = FixedArray(repeating: ContactTally(), count: intervals)
        intervalStaffed = FixedArray(repeating: 0, count: intervals)
        intervalBusy = FixedArray(repeating: 0, count: intervals)
        let totalAgents = model.groupAgents.reduce(0, +)
        idleSince = FixedArray(repeating: 0, count: totalAgents)
        onDuty = FixedArray(repeating: false, count: totalAgents)
        busy = FixedArray(repeating: false, count: totalAgents)
        generation = FixedArray(repeating: 0, count: totalAgents)
        dutyEnded = FixedArray(repeating: 0, count: totalAgents)
        groupOfAgent = FixedArray(model.groupAgents.enumerated().flatMap { group, agents in repeatElement(Int32(group), count: agents) })
        waiting = TimeWeightedAverage(start: model.warmup)
        // Per-agent chat state only with chats in the scenario (empty otherwise).
        chatsHeld = FixedArray(repeating: 0, count: model.anyChat ? totalAgents : 0)
        chatBusySince = FixedArray(repeating: 0, count: model.anyChat ? totalAgents : 0)
        if model.anyChat {
            var next = 0
            firstAgent = model.groupAgents.map { agents in defer { next += agents }; return next }
        }
        let anyBreaks = model.groupShifts.contains { $0.contains { !$0.breaks.isEmpty } }
        var first = 0
        for (group, agents) in model.groupAgents.enumerated() {
            defer { first += agents }
            if model.groupShifts[group].isEmpty {
                // On duty around the clock: idle from the start, staffed over the whole window.
                for agent in first..<(first + agents) {
                    onDuty[agent] = true
                    idle[group].append(agent, generation: 0)
                }
                addStaffed(group: group, agents: agents, from: 0, to: model.horizon)
            } else {
                var next = first
                for shift in model.groupShifts[group] {
                    if anyBreaks {
                        let lower = breaks.count
                        for (pause, agents) in zip(shift.breaks, shift.breakAgents()) {
                            breaks.append((shifts.count, pause.start, pause.start + pause.durationSeconds, agents.firstOffset, agents.count))
                        }
                        shiftBreaks.append(lower..<breaks.count)
                    }
                    shifts.append((group, next, shift))
                    next += shift.agents
                }
            }
        }
    }

    /// Runs the replication to its horizon and returns its tallies.
    /// - Throws: ``SimulationError`` when the replication exceeds one of its ``SimulationLimits``.
    mutating func run() throws(SimulationError) -> ReplicationResult {
        for type in model.talk.indices {
            scheduleNextArrival(of: type)
        }
        for index in shifts.indices {
            scheduleShift(index, onOrAfter: 0)
        }
        if !calendar.isAlwaysOpen {
            if calendar.closedCalls == .carryOver, let opening = calendar.nextOpening(after: 0) {
                schedule(.opening, at: opening)
            }
            if calendar.atClose == .drop { scheduleNextClosing(after: 0) }
        }
        while let event = events.popMin() {
            now = event.time
            eventCount &+= 1
            if eventCount > limits.maximumEvents {
                throw .eventLimit(replication: replication, limit: limits.maximumEvents, time: now)
            }
            if eventCount & 1023 == 0 {
                // Memory: the slots queues hold (callers gone but not yet skipped included) and the
                // pending events (a patience event stays until its deadline), checked every 1,024 events.
                var held = events.count
                for type in queues.indices { held += queues[type].slotsHeld }
                if waitingNow > limits.maximumWaiting || held > 2 * limits.maximumWaiting {
                    throw .waitingLimit(replication: replication, limit: limits.maximumWaiting, time: now)
                }
            }
            let payload = event.payload
            let index = Int(truncatingIfNeeded: (payload >> 4) & 0x0FFF_FFFF)
            let position = UInt32(truncatingIfNeeded: payload >> 32)
            // On the raw kind: `EventKind(rawValue:)` of 16 cases is not inlined (a call per event).
            switch payload & 15 {
            case EventKind.arrival.rawValue: arrive(index)
            case EventKind.agentFree.rawValue: agentFrees(index)
            case EventKind.patienceEnds.rawValue: patienceEnds(type: index, position: position)
            case EventKind.ivrExit.rawValue: leaveIVR(index, Issue(packed: position))
            case EventKind.repeatArrival.rawValue: enter(index, Issue(packed: position).next)
            case EventKind.lineRelease.rawValue: linesInUse -= 1
            case EventKind.overflow.rawValue: overflow(type: index, position: position)
            case EventKind.transferDone.rawValue: transferBack(slot: index)
            case EventKind.chatEnd.rawValue: chatEnds(agent: index)
            case EventKind.breakStart.rawValue: startBreak(index)
            case EventKind.breakEnd.rawValue: endBreak(index)
            case EventKind.callbackOffer.rawValue:
                // The elapsed wait reached the offer threshold, if the caller is still on the line.
                if let call = queues[index].caller(at: position), call.deadline > now { offerCallback(type: index, position: position, call: call) }
            case EventKind.opening.rawValue: open()
            case EventKind.closing.rawValue: closeQueues()
            case EventKind.shiftStart.rawValue: startShift(index)
            case EventKind.shiftEnd.rawValue: endShift(index)
            default: preconditionFailure("unknown event kind in payload \(payload)")
            }
        }
        return finish()
    }

    @inline(__always)
    private mutating func schedule(_ kind: EventKind, at time: Double, index: Int = 0, position: UInt32 = 0) {
        let payload = UInt64(position) << 32 | UInt64(index) << 4 | kind.rawValue
        if kind == .arrival {
            events.scheduleOnSide(at: time, payload: payload)
        } else {
            events.schedule(at: time, payload: payload)
        }
    }

    // MARK: Arrivals

    /// Schedules the next arrival of `type` after now: from one exponential gap when its rate never
    /// changes, otherwise by walking the stretches of constant rate (each reporting interval of each
    /// day, the closed hours, the day's busyness), drawing a fresh exponential gap in each stretch
    /// with a positive rate. By the memorylessness of the exponential this is the non-homogeneous
    /// Poisson process exactly, with no thinning.
    private mutating func scheduleNextArrival(of type: Int) {
        if model.features[type].trace, let times = model.traces[type] {
            // A recorded trace: the next time in it, the same in every replication.
            guard traceIndex[type] < times.count else { return }
            let time = times[traceIndex[type]]
            traceIndex[type] += 1
            if time <= model.horizon { schedule(.arrival, at: Swift.max(time, now), index: type) }
            return
        }
        let gapMean = model.stationaryGapMean[type]
        if !gapMean.isNaN {
            // Distribution.exponential(mean: gapMean).sample(using:), the same expression.
            let time = now + -gapMean * log(arrivalStreams[type].nextOpenUnit())
            if time <= model.horizon { schedule(.arrival, at: time, index: type) }
            return
        }
        let intervals = calendar.intervalCount
        var time = now
        while time < model.horizon {
            // The first stretch is the one of now, which the loop keeps (an arrival enters in it too).
            let (end, interval) = time == now ? currentSegment() : calendar.segment(at: time)
            var rate = interval >= 0 ? model.openRates[type * intervals + interval] : model.closedRates[type]
            if !busyness.isEmpty { rate *= busyness[Int(time / 86_400)] }
            if rate > 0 {
                let candidate = time - log(arrivalStreams[type].nextOpenUnit()) / rate
                if candidate < end {
                    if candidate <= model.horizon { schedule(.arrival, at: candidate, index: type) }
                    return
                }
            }
            time = end
        }
    }

    private mutating func arrive(_ type: Int) {
        if model.anyTraceTalk {
            arriveWithRecordedTalk(type)
            return
        }
        scheduleNextArrival(of: type)
        enter(type, Issue(attempt: 1, counted: now >= model.warmup, interval: 0))
    }

    /// A contact of a trace with handle times arrives: it talks for its row's recorded time. (Rows
    /// are scheduled one at a time, so the row of this arrival is the one before the next.)
    @inline(never)
    private mutating func arriveWithRecordedTalk(_ type: Int) {
        if let talk = model.traceTalk[type] { recordedTalk = talk[traceIndex[type] - 1] }
        scheduleNextArrival(of: type)
        enter(type, Issue(attempt: 1, counted: now >= model.warmup, interval: 0))
        recordedTalk = -1
    }

    /// A contact of `type` arrives now: a new issue's first contact, or an attempt to call again.
    /// It finds the center closed, all lines busy, or goes through the IVR to the queue.
    private mutating func enter(_ type: Int, _ issue: Issue) {
        let counted = now >= model.warmup
        if counted {
            tallies[type].arrivals += 1
            if issue.attempt > 1 { tallies[type].repeatArrivals += 1 }
        }
        if issue.attempt == 1 && issue.counted { tallies[type].issues += 1 }
        let interval = currentInterval()
        if interval < 0 {
            // Closed: the caller hears so; with carry-over they call again at the next opening.
            if counted { tallies[type].closedArrivals += 1 }
            if calendar.closedCalls == .carryOver { carried[type].append((now, issue)) } else { endIssue(issue, type: type, answered: false) }
            return
        }
        if let lines = model.lines, model.features[type].usesLine {
            if linesInUse >= lines {
                if counted { tallies[type].blocked += 1 }
                tryAgain(type, issue, rule: model.features[type].redial ? model.redial[type] : nil, answered: false)
                return
            }
            linesInUse += 1
        }
        var entered = issue
        entered.interval = UInt16(interval)
        if model.features[type].ivr, let ivr = model.ivr[type] {
            if counted { inIVR[type] += 1 }
            entered.contactCounted = counted
            if now + ivr.durationSeconds <= model.horizon {
                schedule(.ivrExit, at: now + ivr.durationSeconds, index: type, position: entered.packed)
                if model.features[type].traceTalk { ivrTalk[type].append(recordedTalk) }
            }
            return
        }
        offer(type, entered, counted: counted)
    }

    /// A contact leaves the IVR: contained (self-service; a share falsely, who call again) or on to
    /// the queue.
    private mutating func leaveIVR(_ type: Int, _ issue: Issue) {
        let ivr = model.ivr[type]!
        if issue.contactCounted { inIVR[type] -= 1 }
        if model.features[type].traceTalk {
            recordedTalk = ivrTalk[type][ivrTalkHead[type]]
            ivrTalkHead[type] += 1
            if ivrTalkHead[type] >= 1024 && 2 * ivrTalkHead[type] >= ivrTalk[type].count {
                // Drop what was read, in place (no allocation): memory stays bounded by the contacts in the IVR.
                ivrTalk[type].removeFirst(ivrTalkHead[type])
                ivrTalkHead[type] = 0
            }
            leaveIVR(type, issue, ivr: ivr)
            recordedTalk = -1
            return
        }
        leaveIVR(type, issue, ivr: ivr)
    }

    private mutating func leaveIVR(_ type: Int, _ issue: Issue, ivr: IVRStage) {
        if ivrStreams[type].nextOpenUnit() < ivr.containment {
            if model.lines != nil && model.features[type].usesLine { linesInUse -= 1 }
            if issue.contactCounted { tallies[type].contained += 1 }
            if ivr.falseContainment > 0 && ivrStreams[type].nextOpenUnit() < ivr.falseContainment {
                scheduleRepeat(type, issue, after: ivr.falseContainmentDelay!.sample(using: &repeatDelayStreams[type]))
            } else {
                resolve(issue, type: type)
            }
            return
        }
        offer(type, issue, counted: issue.contactCounted)
    }

    /// The customer of an unresolved issue tries again by `rule` (retry, redial), or gives up; `answered`
    /// says whether the contact that failed them reached an agent.
    private mutating func tryAgain(_ type: Int, _ issue: Issue, rule: RepeatContact?, answered: Bool, after start: Double? = nil) {
        guard let rule, issue.attempt < Issue.maximumAttempts, outcomeStreams[type].nextOpenUnit() < rule.probability else {
            endIssue(issue, type: type, answered: answered)
            return
        }
        let delay = rule.delay.sample(using: &repeatDelayStreams[type])
        scheduleRepeat(type, issue, after: (start ?? now) - now + delay)
    }

    /// Counts an issue that ends unresolved: the customer gives up after a contact that reached an agent
    /// (`answered`) or one that never did.
    @inline(__always)
    private mutating func endIssue(_ issue: Issue, type: Int, answered: Bool) {
        guard issue.counted else { return }
        if answered { tallies[type].issuesUnresolved += 1 } else { tallies[type].issuesAbandoned += 1 }
    }

    private mutating func scheduleRepeat(_ type: Int, _ issue: Issue, after delay: Double) {
        let time = now + delay
        if time <= model.horizon { schedule(.repeatArrival, at: time, index: type, position: issue.packed) }
    }

    /// Counts an issue resolved by the contact `issue` describes.
    private mutating func resolve(_ issue: Issue, type: Int) {
        guard issue.counted else { return }
        tallies[type].issuesResolved += 1
        if issue.attempt == 1 { tallies[type].issuesResolvedFirstContact += 1 }
    }

    /// A contact reaches the queue of `type` now (counted in the cohort or not): an idle skilled agent
    /// takes it, or it waits.
    private mutating func offer(_ type: Int, _ issue: Issue, counted: Bool) {
        // Every offered contact draws its talk, after-call work and patience from its type's own
        // streams, in a fixed order: the n-th caller of a type is the same caller in every scenario run
        // with the same seed (common random numbers).
        // A contact replayed from a trace with handle times takes its recorded talk (no draw).
        let talk = recordedTalk >= 0 ? recordedTalk : model.talk[type].sample(using: &talkStreams[type])
        let wrapUp = model.wrapUp[type]?.sample(using: &wrapUpStreams[type]) ?? 0
        let patience = model.patience[type]?.sample(using: &patienceStreams[type]) ?? .infinity
        var issue = issue
        issue.contactCounted = counted
        if counted { intervalTallies[Int(issue.interval)].arrivals += 1 }
        var call = WaitingCall(arrival: now, deadline: now + patience, talk: talk, wrapUp: wrapUp, issue: issue)
        // Misrouted: the contact first reaches another type's queue; `type` is then that queue.
        var type = type
        let misrouteShare = model.features[type].misroutingShare
        if misrouteShare > 0, routingStreams[type].nextOpenUnit() < misrouteShare {
            call.ownType = Int32(type)
            type = model.misrouting[type]!.to
        }
        if model.anyChat && model.features[type].chat {
            if let agent = chatAgent(for: type, waited: 0) {
                startChat(agent: agent, type: type, call: call)
                return
            }
        } else if let agent = longestIdleAgent(for: type) {
            startService(agent: agent, type: type, call: call)
            return
        }
        noteWaitingChange(by: 1)
        let position = queues[type].append(call)
        if call.deadline <= model.horizon {
            schedule(.patienceEnds, at: call.deadline, index: type, position: position)
        }
        // Overflow groups take the caller once the wait reaches their delay.
        if model.features[type].overflow {
            for slot in model.overflowDelays.bounds(of: type) {
                let delay = model.overflowDelays[slot]
                if now + delay < call.deadline && now + delay <= model.horizon {
                    schedule(.overflow, at: now + delay, index: type, position: position)
                }
            }
        }
        if call.ownType < 0, model.features[type].callback, let offer = model.callback[type] {
            // Predicted wait: callers ahead × mean work / agents on duty that take the type at once.
            var agents = 0
            for slot in model.eligibleGroups.bounds(of: type) { agents += onDutyCount[model.eligibleGroups[slot]] }
            let predicted = Double(queues[type].waiting - 1) * model.meanWork[type] / Double(Swift.max(agents, 1))
            if predicted >= offer.offerAfterSeconds {
                offerCallback(type: type, position: position, call: call)
            } else if now + offer.offerAfterSeconds < call.deadline && now + offer.offerAfterSeconds <= model.horizon {
                schedule(.callbackOffer, at: now + offer.offerAfterSeconds, index: type, position: position)
            }
        }
    }

    /// Offers a waiting caller a callback; one who accepts leaves the line and waits in the callback
    /// queue, without patience (a callback is never abandoned).
    private mutating func offerCallback(type: Int, position: UInt32, call: WaitingCall) {
        if call.issue.contactCounted { tallies[type].callbacksOffered += 1 }
        guard callbackStreams[type].nextOpenUnit() < model.callback[type]!.acceptance else { return }
        queues[type].remove(at: position)
        noteWaitingChange(by: -1)
        if model.lines != nil { linesInUse -= 1 }
        if call.issue.contactCounted {
            tallies[type].callbacksAccepted += 1
            tallies[type].waitOfOther += now - call.arrival
        }
        var callback = call
        callback.arrival = now
        callback.deadline = .infinity
        _ = callbacks[type].append(callback)
    }

    /// A waiting caller's wait reached an overflow delay: an idle agent of a group that takes it after
    /// that wait answers it now. (Callers ahead of it in its queue have waited longer and were offered
    /// to the same agents first, so none of them is passed over.)
    private mutating func overflow(type: Int, position: UInt32) {
        guard let call = queues[type].caller(at: position), call.deadline > now else { return }
        let waited = now - call.arrival
        if model.anyChat && model.features[type].chat {
            guard let agent = chatAgent(for: type, waited: waited) else { return }
            queues[type].remove(at: position)
            noteWaitingChange(by: -1)
            startChat(agent: agent, type: type, call: call)
            return
        }
        var bestGroup = -1
        var bestSince = Double.infinity
        for slot in model.servingGroups.bounds(of: type) {
            let serving = model.servingGroups[slot]
            guard serving.delay <= waited, let agent = idleFront(of: serving.group) else { continue }
            if idleSince[agent] < bestSince || bestGroup < 0 {
                bestGroup = serving.group
                bestSince = idleSince[agent]
            }
        }
        guard bestGroup >= 0 else { return }
        let agent = idle[bestGroup].front.agent
        idle[bestGroup].removeFront()
        queues[type].remove(at: position)
        noteWaitingChange(by: -1)
        startService(agent: agent, type: type, call: call)
    }

    /// Opening time: callers who found the center closed call again, in the order they first called,
    /// whatever their call type.
    private mutating func open() {
        var callers: [(type: Int, arrival: Double, issue: Issue)] = []
        for type in carried.indices where !carried[type].isEmpty {
            callers += carried[type].map { (type, $0.arrival, $0.issue) }
            carried[type].removeAll(keepingCapacity: true)
        }
        callers.sort { ($0.arrival, $0.type) < ($1.arrival, $1.type) }
        if calendar.carryOverSpread > 0 {
            // Each calls again at a uniform moment of the spread, drawn in a fixed order from its type's stream.
            for caller in callers {
                scheduleRepeat(caller.type, caller.issue, after: calendar.carryOverSpread * repeatDelayStreams[caller.type].nextOpenUnit())
            }
        } else {
            for caller in callers { enter(caller.type, caller.issue.next) }
        }
        if let next = calendar.nextOpening(after: now + 1), next <= model.horizon { schedule(.opening, at: next) }
    }

    /// Closing time with `atClose: drop`: every caller still waiting is dropped.
    private mutating func closeQueues() {
        for type in queues.indices where !model.isEmail[type] {
            while let call = queues[type].front() {
                queues[type].removeFront()
                noteWaitingChange(by: -1)
                let owner = call.owner(inQueue: type)
                if model.lines != nil && model.features[owner].usesLine { linesInUse -= 1 }
                guard call.issue.contactCounted else { continue }
                if call.isTransferLeg {
                    tallies[owner].waitOfOther += now - call.arrival  // answered already: not dropped
                    endIssue(call.issue, type: owner, answered: true)
                } else {
                    endIssue(call.issue, type: owner, answered: false)
                    tallies[owner].droppedAtClose += 1
                    tallies[owner].waitOfDroppedAtClose += now - call.arrival
                    intervalTallies[Int(call.issue.interval)].droppedAtClose += 1
                }
            }
        }
        scheduleNextClosing(after: now + 1)
    }

    private mutating func scheduleNextClosing(after time: Double) {
        var day = (time / 86_400).rounded(.down)
        for _ in 0..<8 {
            let closing = day * 86_400 + calendar.close
            if calendar.workingDays[Int(day) % 7], closing >= time {
                if closing <= model.horizon { schedule(.closing, at: closing) }
                return
            }
            day += 1
        }
    }

    // MARK: Agents and shifts

    private mutating func agentFrees(_ agent: Int) {
        busy[agent] = false
        let group = Int(groupOfAgent[agent])
        if !onDuty[agent] {
            // The shift ended during the contact: the agent finishes it, then leaves.
            addOvertime(agent, group: group, until: now)
            return
        }
        makeAvailable(agent, group: group)
    }

    /// Counts the time from the end of an agent's shift to `time`, spent finishing a contact, as
    /// overtime and as staffed time.
    private mutating func addOvertime(_ agent: Int, group: Int, until time: Double) {
        let overtime = windowOverlap(dutyEnded[agent], time)
        groupTallies[group].overtimeSeconds += overtime
        groupTallies[group].staffedSeconds += overtime
        calendar.spread(from: dutyEnded[agent], to: time, within: model.warmup, model.horizon, weight: 1, into: &intervalStaffed)
    }

    /// An on-duty agent with nothing in hand makes an overdue callback, else takes the longest-waiting
    /// inbound caller of its skills, else makes the oldest callback, else idles.
    private mutating func makeAvailable(_ agent: Int, group: Int) {
        if model.anyCallbacks, let type = oldestCallback(for: group, overdueOnly: true) {
            makeCallback(agent: agent, type: type)
            return
        }
        if let type = oldestWaitingCall(for: group), let call = queues[type].front() {
            queues[type].removeFront()
            noteWaitingChange(by: -1)
            if model.anyChat && model.features[type].chat {
                // A chat: the agent may take more waiting chats at once, up to its concurrency.
                startChat(agent: agent, type: type, call: call)
                takeWaitingChats(agent: agent, group: group)
                return
            }
            startService(agent: agent, type: type, call: call)
            return
        }
        if model.anyCallbacks, let type = oldestCallback(for: group, overdueOnly: false) {
            makeCallback(agent: agent, type: type)
            return
        }
        idleSince[agent] = now
        idle[group].append(agent, generation: generation[agent])
    }

    /// The call type of the oldest callback among `group`'s skills (only those past their maximum
    /// delay when `overdueOnly`).
    private mutating func oldestCallback(for group: Int, overdueOnly: Bool) -> Int? {
        var bestType = -1
        var bestAccepted = Double.infinity
        for slot in model.groupSkills.bounds(of: group) {
            let skill = model.groupSkills[slot]
            guard model.features[skill.type].callback, let offer = model.callback[skill.type],
                let callback = callbacks[skill.type].front()
            else { continue }
            if overdueOnly, now - callback.arrival < (offer.maxDelaySeconds ?? .infinity) { continue }
            if callback.arrival < bestAccepted {
                bestType = skill.type
                bestAccepted = callback.arrival
            }
        }
        return bestType >= 0 ? bestType : nil
    }

    /// The agent calls the customer back: talk and after-call work as the call would have taken.
    private mutating func makeCallback(agent: Int, type: Int) {
        let callback = callbacks[type].front()!
        callbacks[type].removeFront()
        if callback.issue.contactCounted {
            tallies[type].callbacksCompleted += 1
            tallies[type].callbackDelay += now - callback.arrival
        }
        var work = callback
        work.issue.contactCounted = false  // an outbound call, not an answered inbound one
        if model.lines != nil { linesInUse += 1 }  // the outbound call holds a line while it talks
        startService(agent: agent, type: type, call: work)
    }

    private mutating func scheduleShift(_ index: Int, onOrAfter time: Double) {
        let shift = shifts[index].shift
        var day = (time / 86_400).rounded(.down)
        for _ in 0..<8 {
            let start = day * 86_400 + shift.start
            if calendar.workingDays[Int(day) % 7], start >= time {
                if start < model.horizon {
                    schedule(.shiftStart, at: start, index: index)
                    let end = day * 86_400 + shift.end
                    if end <= model.horizon { schedule(.shiftEnd, at: end, index: index) }
                }
                return
            }
            day += 1
        }
    }

    private mutating func startShift(_ index: Int) {
        let (group, first, shift) = shifts[index]
        onDutyCount[group] += shift.agents
        addStaffed(group: group, agents: shift.agents, from: now, to: now + (shift.end - shift.start))
        for agent in first..<(first + shift.agents) { returnToDuty(agent, group: group) }
        // Today's breaks of the shift.
        let midnight = (now / 86_400).rounded(.down) * 86_400
        for pause in shiftBreaks.isEmpty ? 0..<0 : shiftBreaks[index] where midnight + breaks[pause].start < model.horizon {
            schedule(.breakStart, at: midnight + breaks[pause].start, index: pause)
            if midnight + breaks[pause].end <= model.horizon { schedule(.breakEnd, at: midnight + breaks[pause].end, index: pause) }
        }
        scheduleShift(index, onOrAfter: now + 1)
    }

    /// An agent comes on duty (a shift starts, a break ends): one still finishing a contact since it
    /// went off duty ends its overtime now; an idle one takes work.
    @inline(never)  // off the calls-only path: keeps the hot loop compact
    private mutating func returnToDuty(_ agent: Int, group: Int) {
        if busy[agent] && !onDuty[agent] {
            addOvertime(agent, group: group, until: now)
        }
        onDuty[agent] = true
        if !busy[agent] {
            makeAvailable(agent, group: group)
        } else if model.anyChat && chatsHeld[agent] > 0 {
            takeWaitingChats(agent: agent, group: group)
        }
    }

    /// A break starts: its agents go off duty for its length (one busy finishes the contact in hand
    /// first, and that time counts as overtime, as at the end of a shift); the group's staffed time
    /// loses the break.
    @inline(never)  // off the calls-only path: keeps the hot loop compact
    private mutating func startBreak(_ index: Int) {
        let pause = breaks[index]
        let (group, first, shift) = shifts[pause.shift]
        onDutyCount[group] -= pause.count
        addStaffed(group: group, agents: -pause.count, from: now, to: now + (pause.end - pause.start))
        for k in 0..<pause.count { leaveDuty(first + (pause.firstOffset + k) % shift.agents) }
    }

    /// A break ends: its agents are back on duty.
    @inline(never)  // off the calls-only path: keeps the hot loop compact
    private mutating func endBreak(_ index: Int) {
        let pause = breaks[index]
        let (group, first, shift) = shifts[pause.shift]
        onDutyCount[group] += pause.count
        for k in 0..<pause.count {
            returnToDuty(first + (pause.firstOffset + k) % shift.agents, group: group)
        }
    }

    private mutating func endShift(_ index: Int) {
        let (group, first, shift) = shifts[index]
        onDutyCount[group] -= shift.agents
        for agent in first..<(first + shift.agents) { leaveDuty(agent) }
    }

    /// An agent goes off duty (its shift or a break starts): one busy finishes the contact in hand,
    /// its time from now counting as overtime; an idle one leaves a stale entry in its idle ring.
    private mutating func leaveDuty(_ agent: Int) {
        onDuty[agent] = false
        dutyEnded[agent] = now
        generation[agent] &+= 1  // an idle entry left in the ring is now stale
    }

    /// The reporting interval of `now` (`-1` while closed).
    @inline(__always)
    private mutating func currentInterval() -> Int { currentSegment().interval }

    /// The stretch of constant demand that contains `now`: its end, in seconds, and its reporting
    /// interval (`-1` while closed), looked up only when time has left the last one.
    @inline(__always)
    private mutating func currentSegment() -> (end: Double, interval: Int) {
        if now < segmentStart || now >= segmentEnd {
            (segmentEnd, segmentInterval) = calendar.segment(at: now)
            segmentStart = now
        }
        return (segmentEnd, segmentInterval)
    }

    /// Adds the busy time [from, to) of one agent to the intervals it spans (the common case, a
    /// contact inside the current stretch, without a look-up).
    @inline(__always)
    private mutating func addBusy(from: Double, to: Double) {
        let interval = currentInterval()
        if to <= segmentEnd && from >= model.warmup && to <= model.horizon {
            if interval >= 0 { intervalBusy[interval] += to - from }
        } else {
            calendar.spread(from: from, to: to, within: model.warmup, model.horizon, weight: 1, into: &intervalBusy)
        }
    }

    /// Adds `agents` × [from, to) of scheduled time to the group's and the intervals' staffed time.
    private mutating func addStaffed(group: Int, agents: Int, from: Double, to: Double) {
        groupTallies[group].staffedSeconds += Double(agents) * windowOverlap(from, to)
        calendar.spread(from: from, to: to, within: model.warmup, model.horizon, weight: Double(agents), into: &intervalStaffed)
    }

    /// The length of [from, to) inside the observed window [warm-up, horizon).
    @inline(__always)
    private func windowOverlap(_ from: Double, _ to: Double) -> Double {
        Swift.max(0, Swift.min(to, model.horizon) - Swift.max(from, model.warmup))
    }

    // MARK: Routing

    /// The front of a group's idle ring after dropping stale entries, if any agent is idle.
    @inline(__always)
    private mutating func idleFront(of group: Int) -> Int? {
        while !idle[group].isEmpty {
            let (agent, stamp) = idle[group].front
            if stamp == generation[agent] && onDuty[agent] && !busy[agent] { return agent }
            idle[group].removeFront()
        }
        return nil
    }

    /// The idle agent, among the groups skilled for `type`, who has been idle longest; removed from idle.
    private mutating func longestIdleAgent(for type: Int) -> Int? {
        var bestGroup = -1
        var bestSince = Double.infinity
        for slot in model.eligibleGroups.bounds(of: type) {
            let group = model.eligibleGroups[slot]
            guard let agent = idleFront(of: group) else { continue }
            let since = idleSince[agent]
            if since < bestSince || bestGroup < 0 {
                bestGroup = group
                bestSince = since
            }
        }
        guard bestGroup >= 0 else { return nil }
        let agent = idle[bestGroup].front.agent
        idle[bestGroup].removeFront()
        return agent
    }

    /// The call type whose caller a freed agent of `group` takes: among its skills whose oldest waiting
    /// caller has waited at least the skill's overflow delay, the one with the longest wait (with the
    /// `priority` policy: the highest priority first, then the longest wait). Callers whose patience
    /// ended at this very instant hang up first.
    private mutating func oldestWaitingCall(for group: Int) -> Int? { oldestWaiting(for: group, chatsOnly: false) }

    /// The scan of ``oldestWaitingCall(for:)`` over all of the group's skills, or its chat skills only.
    @inline(__always)
    private mutating func oldestWaiting(for group: Int, chatsOnly: Bool) -> Int? {
        var bestType = -1
        var bestArrival = Double.infinity
        var bestPriority = Int.max
        for slot in model.groupSkills.bounds(of: group) {
            let skill = model.groupSkills[slot]
            let type = skill.type
            if chatsOnly && !model.features[type].chat { continue }
            while let call = queues[type].front() {
                if call.deadline > now {
                    let priority = model.byPriority ? skill.priority : 0
                    if now - call.arrival >= skill.delay,
                        bestType < 0 || priority < bestPriority || (priority == bestPriority && call.arrival < bestArrival)
                    {
                        bestType = type
                        bestArrival = call.arrival
                        bestPriority = priority
                    }
                    break
                }
                queues[type].removeFront()
                abandon(call, type: type)
            }
        }
        return bestType >= 0 ? bestType : nil
    }

    /// Counts a contact of the cohort answered at its first pick-up (a call, or a chat) by an agent of
    /// `group` after `wait` seconds, bringing `talk` and `wrapUp` seconds of work.
    @inline(__always)
    private mutating func countAnswer(type: Int, group: Int, interval: Int, wait: Double, talk: Double, wrapUp: Double) {
        let withinTarget = wait <= model.targets[type]
        tallies[type].recordAnswer(wait: wait, withinTarget: withinTarget, talk: talk, wrapUp: wrapUp)
        intervalTallies[interval].recordAnswer(wait: wait, withinTarget: withinTarget, talk: talk, wrapUp: wrapUp)
        histograms[type].record(wait)
        if wait > model.longWait { tallies[type].waitPastLongWait += wait - model.longWait }
        groupTallies[group].answered += 1
    }

    // MARK: Chats

    /// The agent to whom a chat of `type` that has waited `waited` seconds goes: among the groups that
    /// take it after that wait, the agent holding the fewest chats (an idle agent first, the longest
    /// idle of them), then the one whose last chat ended longest ago; `nil` when every such agent is
    /// on a call or full. An idle agent is removed from its idle ring.
    ///
    /// - Complexity: O(groups) when an idle agent is found, otherwise O(agents of the groups with a
    ///   concurrency above 1): only scenarios with chats pay for it.
    @inline(never)  // off the calls-only path: keeps the hot loop compact
    private mutating func chatAgent(for type: Int, waited: Double) -> Int? {
        var best = -1
        var bestHeld = Int32.max
        var bestSince = Double.infinity
        var bestRing = -1
        for slot in model.servingGroups.bounds(of: type) {
            let group = model.servingGroups[slot].group
            guard model.servingGroups[slot].delay <= waited else { continue }
            if let agent = idleFront(of: group) {
                if bestHeld > 0 || idleSince[agent] < bestSince {
                    (best, bestHeld, bestSince, bestRing) = (agent, 0, idleSince[agent], group)
                }
                continue
            }
            let capacity = Int32(model.concurrency[group])
            guard capacity > 1, bestHeld > 0 else { continue }
            let first = firstAgent[group]
            for agent in first..<(first + model.groupAgents[group]) where onDuty[agent] {
                let held = chatsHeld[agent]
                guard held > 0, held < capacity else { continue }
                if held < bestHeld || (held == bestHeld && idleSince[agent] < bestSince) {
                    (best, bestHeld, bestSince, bestRing) = (agent, held, idleSince[agent], -1)
                }
            }
        }
        guard best >= 0 else { return nil }
        if bestRing >= 0 { idle[bestRing].removeFront() }
        return best
    }

    /// The agent answers a chat: it holds one more, and the chat's talk grows by the type's growth for
    /// each other chat in hand. The agent counts as busy from its first chat to the end of its last.
    @inline(never)  // off the calls-only path: keeps the hot loop compact
    private mutating func startChat(agent: Int, type: Int, call: WaitingCall) {
        let group = Int(groupOfAgent[agent])
        let held = chatsHeld[agent] + 1
        #if CCSIM_INVARIANTS
        precondition(onDuty[agent] && (busy[agent] == (held > 1)), "agent \(agent) took a chat off shift or on a call")
        precondition(Int(held) <= model.concurrency[group], "agent \(agent) holds \(held) chats, above its group's concurrency \(model.concurrency[group])")
        precondition(model.groupSkills.list(group).contains { $0.type == type }, "agent \(agent) took a chat outside its skills")
        #endif
        chatsHeld[agent] = held
        if held == 1 {
            busy[agent] = true
            generation[agent] &+= 1
            chatBusySince[agent] = now
        }
        if Int(held) > groupTallies[group].peakChatsPerAgent { groupTallies[group].peakChatsPerAgent = Int(held) }
        let talk = call.talk * (1 + model.chatGrowth[type] * Double(held - 1))
        let end = now + talk + call.wrapUp
        if call.issue.contactCounted {
            countAnswer(type: type, group: group, interval: Int(call.issue.interval), wait: now - call.arrival, talk: talk, wrapUp: call.wrapUp)
        }
        if end <= model.horizon { schedule(.chatEnd, at: end, index: agent) }
        decideOutcome(of: call.issue, type: type, talkEnds: now + talk)
    }

    /// One of the agent's chats ends (talk and after-call work): with chats left, the agent takes
    /// waiting chats into the free slot; after its last, it is free as after a call.
    @inline(never)  // off the calls-only path: keeps the hot loop compact
    private mutating func chatEnds(agent: Int) {
        let group = Int(groupOfAgent[agent])
        chatsHeld[agent] -= 1
        if chatsHeld[agent] == 0 {
            addChatBusy(agent: agent, group: group, until: now)
            agentFrees(agent)
            return
        }
        idleSince[agent] = now
        if onDuty[agent] { takeWaitingChats(agent: agent, group: group) }
    }

    /// An agent holding chats takes the longest-waiting chats of its skills while it has free slots.
    @inline(never)  // off the calls-only path: keeps the hot loop compact
    private mutating func takeWaitingChats(agent: Int, group: Int) {
        while Int(chatsHeld[agent]) < model.concurrency[group], let type = oldestWaitingChat(for: group), let call = queues[type].front() {
            queues[type].removeFront()
            noteWaitingChange(by: -1)
            startChat(agent: agent, type: type, call: call)
        }
    }

    /// As ``oldestWaitingCall(for:)``, among the group's chat skills only.
    @inline(never)  // off the calls-only path: keeps the hot loop compact
    private mutating func oldestWaitingChat(for group: Int) -> Int? { oldestWaiting(for: group, chatsOnly: true) }

    /// Adds the agent's busy time from its first chat in hand to `time` (its last chat ended).
    @inline(never)  // off the calls-only path: keeps the hot loop compact
    private mutating func addChatBusy(agent: Int, group: Int, until time: Double) {
        groupTallies[group].busySeconds += windowOverlap(chatBusySince[agent], time)
        calendar.spread(from: chatBusySince[agent], to: time, within: model.warmup, model.horizon, weight: 1, into: &intervalBusy)
    }

    // MARK: Outcomes

    /// A transfer ends: the contact joins its own queue (without patience: the customer was answered
    /// once and stays on the line) and is served there by a right agent.
    private mutating func transferBack(slot: Int) {
        var call = transferring[slot]
        freeTransferSlots.append(slot)
        let owner = Int(call.ownType)
        call.ownType = WaitingCall.transferLeg
        call.arrival = now
        call.deadline = .infinity
        if let agent = longestIdleAgent(for: owner) {
            startService(agent: agent, type: owner, call: call)
            return
        }
        noteWaitingChange(by: 1)
        _ = queues[owner].append(call)
    }

    private mutating func patienceEnds(type: Int, position: UInt32) {
        // Gone (answered or dropped) meanwhile; the deadline check also rules out a new caller in a
        // reused slot after 2³² positions.
        guard let call = queues[type].caller(at: position), call.deadline == now else { return }
        queues[type].remove(at: position)
        abandon(call, type: type)
    }

    private mutating func startService(agent: Int, type: Int, call: WaitingCall) {
        let group = Int(groupOfAgent[agent])
        #if CCSIM_INVARIANTS
        precondition(onDuty[agent] && !busy[agent], "agent \(agent) took a contact off shift or while busy")
        precondition(model.groupSkills.list(group).contains { $0.type == type }, "agent \(agent) took a contact outside its skills")
        #endif
        busy[agent] = true
        generation[agent] &+= 1
        let owner = call.owner(inQueue: type)
        let misrouted = call.ownType >= 0
        // A misrouted contact takes only the wrong agent's talk before the transfer.
        let talk = misrouted ? model.misrouting[owner]!.talk.sample(using: &routingStreams[owner]) : call.talk
        let wrapUp = misrouted ? 0 : call.wrapUp
        let end = now + talk + wrapUp
        if call.issue.contactCounted {
            let wait = now - call.arrival
            if call.isTransferLeg {
                // The second leg of a transferred contact: more work on the same contact.
                tallies[owner].waitOfOther += wait
                tallies[owner].talkTime += talk
                tallies[owner].wrapUpTime += wrapUp
            } else {
                // Answered at the first pick-up, by the right agent or the wrong one.
                countAnswer(type: owner, group: group, interval: Int(call.issue.interval), wait: wait, talk: talk, wrapUp: wrapUp)
                if misrouted { tallies[owner].transfers += 1 }
            }
        }
        groupTallies[group].busySeconds += windowOverlap(now, end)
        addBusy(from: now, to: end)
        if end <= model.horizon { schedule(.agentFree, at: end, index: agent) }
        if misrouted {
            // The transfer: the line stays held, the issue is decided by the right agent.
            var slot = transferring.count
            if let free = freeTransferSlots.popLast() { slot = free; transferring[slot] = call } else { transferring.append(call) }
            if end <= model.horizon { schedule(.transferDone, at: end, index: slot) }
            return
        }
        if model.lines != nil && model.features[owner].usesLine {
            // The line is free when the talk ends (after-call work needs none).
            if now + call.talk <= model.horizon { schedule(.lineRelease, at: now + call.talk) }
        }
        decideOutcome(of: call.issue, type: owner, talkEnds: now + call.talk)
    }

    /// Decides, when an agent answers, whether the contact resolves the issue; an unresolved
    /// customer may call again (a retry), counting the delay from `talkEnds`, in seconds.
    @inline(__always)
    private mutating func decideOutcome(of issue: Issue, type: Int, talkEnds: Double) {
        if model.resolution[type] >= 1 || outcomeStreams[type].nextOpenUnit() < model.resolution[type] {
            resolve(issue, type: type)
        } else {
            tryAgain(type, issue, rule: model.features[type].retry ? model.retry[type] : nil, answered: true, after: talkEnds)
        }
    }

    private mutating func abandon(_ call: WaitingCall, type queue: Int) {
        let type = call.owner(inQueue: queue)
        noteWaitingChange(by: -1)
        if model.lines != nil && model.features[type].usesLine { linesInUse -= 1 }
        tryAgain(type, call.issue, rule: model.features[type].redial ? model.redial[type] : nil, answered: false)
        guard call.issue.contactCounted else { return }
        let wait = call.deadline - call.arrival
        tallies[type].recordAbandonment(wait: wait, withinTarget: wait <= model.targets[type])
        intervalTallies[Int(call.issue.interval)].recordAbandonment(wait: wait, withinTarget: wait <= model.targets[type])
    }

    /// Keeps ∫ (callers waiting) dt over the observed window, for Little's law.
    @inline(__always)
    private mutating func noteWaitingChange(by delta: Int) {
        waitingNow += delta
        waiting.update(to: Double(waitingNow), at: now)
    }

    private mutating func finish() -> ReplicationResult {
        now = model.horizon
        // Agents still finishing a contact after their shift: their overtime up to the horizon.
        for agent in busy.indices where busy[agent] && !onDuty[agent] {
            addOvertime(agent, group: Int(groupOfAgent[agent]), until: model.horizon)
        }
        // Agents still holding chats: busy up to the horizon.
        for agent in chatsHeld.indices where chatsHeld[agent] > 0 {
            addChatBusy(agent: agent, group: Int(groupOfAgent[agent]), until: model.horizon)
        }
        // First every queue (a misrouted caller counts for its own type), then the totals.
        for type in queues.indices {
            for call in queues[type].waitingCalls where call.issue.contactCounted {
                let owner = call.owner(inQueue: type)
                if call.isTransferLeg {
                    tallies[owner].waitOfOther += model.horizon - call.arrival  // answered already
                    continue
                }
                tallies[owner].waitingAtEnd += 1
                tallies[owner].waitAtEnd += model.horizon - call.arrival
                intervalTallies[Int(call.issue.interval)].waitingAtEnd += 1
            }
        }
        var overall = ContactTally()
        var overallHistogram = LogHistogram()
        for type in tallies.indices {
            tallies[type].inIVRAtEnd = inIVR[type]
            tallies[type].callbacksPendingAtEnd = callbacks[type].waitingCalls.filter { $0.issue.contactCounted }.count
            if model.features[type].chat {
                tallies[type].chatsOffered = tallies[type].offered
                tallies[type].chatsAnswered = tallies[type].answered
            }
            Self.setPercentiles(of: &tallies[type], from: histograms[type])
            overall.add(tallies[type])
            overallHistogram.merge(histograms[type])
        }
        Self.setPercentiles(of: &overall, from: overallHistogram)
        var observed = Array(repeating: 0.0, count: calendar.intervalCount)
        calendar.spread(from: 0, to: model.horizon, within: model.warmup, model.horizon, weight: 1, into: &observed)
        var result = ReplicationResult(
            replication: replication, observedSeconds: model.horizon - model.warmup, callTypes: tallies.array, overall: overall,
            agentGroups: groupTallies.array, waitingIntegral: waiting.integral(upTo: model.horizon),
            intervals: intervalTallies.array, intervalStaffedSeconds: intervalStaffed.array, intervalBusySeconds: intervalBusy.array,
            intervalObservedSeconds: observed, events: eventCount)
        result.answeredWithin = ReplicationResult.waitThresholds.map { Int(overallHistogram.count(atMost: $0)) }
        result.checkInvariants(warmupSeconds: model.warmup)
        return result
    }

    private static func setPercentiles(of tally: inout ContactTally, from histogram: LogHistogram) {
        tally.waitP50 = histogram.quantile(0.5)
        tally.waitP90 = histogram.quantile(0.9)
        tally.waitP99 = histogram.quantile(0.99)
    }
}

/// A contact's place in its customer's issue: which attempt it is, whether the issue and the contact
/// belong to the counted cohort, and the reporting interval it entered in. Packed into 32 bits for
/// the payload of IVR and repeat events.
struct Issue: Equatable {
    /// The most attempts an issue makes (a customer who never gives up stops there).
    static let maximumAttempts: UInt16 = 16_383

    /// 1 for the issue's first contact.
    var attempt: UInt16
    /// Whether the issue's first contact arrived after the warm-up.
    var counted: Bool
    /// Reporting interval of the contact's entry.
    var interval: UInt16
    /// Whether this contact arrived after the warm-up.
    var contactCounted = false

    init(attempt: UInt16, counted: Bool, interval: UInt16) {
        self.attempt = attempt
        self.counted = counted
        self.interval = interval
    }

    /// bits 0-13 attempt, 14 counted, 15 contact counted, 16-31 interval.
    init(packed: UInt32) {
        attempt = UInt16(packed & 0x3FFF)
        counted = packed & 0x4000 != 0
        contactCounted = packed & 0x8000 != 0
        interval = UInt16(packed >> 16)
    }

    var packed: UInt32 {
        UInt32(attempt) | (counted ? 0x4000 : 0) | (contactCounted ? 0x8000 : 0) | UInt32(interval) << 16
    }

    /// The customer's next attempt at the same issue.
    var next: Issue { Issue(attempt: attempt + 1, counted: counted, interval: 0) }
}
