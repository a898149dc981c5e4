import SimulationKernel

/// A scenario turned into flat, index-addressed tables that the event loop reads without lookups
/// by name. Built once per run and shared, read-only, by every replication.
struct CompiledModel: Sendable {
    /// Random-stream purposes: constants, so a stream depends only on what it draws and for whom.
    enum StreamPurpose: UInt64 {
        case arrivals = 1, talk = 2, wrapUp = 3, patience = 4, busyness = 5, ivr = 6, outcome = 7, repeatDelay = 8, callback = 9
        case routing = 10
    }

    let horizon: Double
    let warmup: Double
    let target: Double
    let seed: UInt64
    let calendar: CompiledCalendar
    let busyness: Distribution?
    /// Per call type: the mean time between arrivals when the rate never changes (no calendar,
    /// `perHour`), in seconds, so the arrival process needs no look-up of the calendar: gaps are
    /// exponential with this mean (NaN otherwise or when the rate is 0). A plain number, not a
    /// `Distribution?`, whose reading on every arrival copied it.
    private(set) var stationaryGapMean: [Double]
    /// Per call type and interval (`type * intervalCount + interval`): arrival rate while open, per second.
    private(set) var openRates: [Double]
    /// Per call type: arrival rate while closed, per second.
    private(set) var closedRates: [Double]
    /// Per call type: recorded arrival times replayed instead of a Poisson process (`nil`: none).
    private(set) var traces: [[Double]?]
    /// Per call type: the recorded talk time of each arrival of its trace, in seconds (`nil`: drawn).
    /// (Read only for such traces, and shared by replications like `concurrency`.)
    private(set) var traceTalk: [[Double]?]
    /// Per call type: which optional features it uses. Plain flags, read on every contact: reading
    /// the feature itself would copy a value holding a `Distribution` (a retain and a release).
    private(set) var features: [Features]
    /// Whether any call type offers callbacks (freed agents then look at the callback queues).
    private(set) var anyCallbacks = false
    private(set) var talk: [Distribution]
    private(set) var wrapUp: [Distribution?]
    private(set) var patience: [Distribution?]
    private(set) var ivr: [IVRStage?]
    /// Per call type: probability that a handled contact resolves the issue.
    private(set) var resolution: [Double]
    private(set) var retry: [RepeatContact?]
    private(set) var redial: [RepeatContact?]
    private(set) var callback: [CallbackOffer?]
    /// Per call type: misrouting share, the queue it reaches, and the talk before the transfer.
    private(set) var misrouting: [(share: Double, to: Int, talk: Distribution)?]
    /// Per call type: mean talk plus after-call work, in seconds (for the predicted wait).
    private(set) var meanWork: [Double]
    /// Per call type: the answer-time target, in seconds (the response target for email).
    private(set) var targets: [Double]
    /// Per call type: whether it is email (no line, never dropped at closing).
    private(set) var isEmail: [Bool]
    /// Whether any call type is a chat (agents then may hold several contacts at once).
    private(set) var anyChat = false
    /// Whether any call type replays recorded talk times from its trace.
    private(set) var anyTraceTalk = false
    /// Per group: chats an agent may hold at once. (Read only when chats are simulated, and so
    /// shared by replications rather than copied: `withPrivateStorage` leaves it alone.)
    private(set) var concurrency: [Int]
    /// Per call type: for a chat, the growth of its talk per other chat the agent holds, a fraction
    /// (shared by replications like `concurrency`).
    private(set) var chatGrowth: [Double]
    /// Trunk lines of the center (`nil`: unlimited).
    let lines: Int?
    /// Per call type: the stable hash of its name, the subject of its random streams, so adding or
    /// reordering call types changes no other type's numbers.
    private(set) var streamSubjects: [UInt64]
    /// Per call type: the groups whose agents take it at once, in scenario order.
    private(set) var eligibleGroups: FlatLists<Int>
    /// Per call type: the distinct overflow delays after which more groups take a waiting caller, in seconds.
    private(set) var overflowDelays: FlatLists<Double>
    /// Per call type: every group that can take it and after how long a wait (0: at once).
    private(set) var servingGroups: FlatLists<ServingGroup>
    /// Per group: the call types its agents can take, in the order of its skills.
    private(set) var groupSkills: FlatLists<Skill>
    /// Whether a freed agent takes its highest-priority skill first.
    let byPriority: Bool
    /// Per group: its roster (constant head count, or the agents of all its shifts).
    private(set) var groupAgents: [Int]
    /// Per group: its daily shifts (empty for a constant head count).
    private(set) var groupShifts: [[Shift]]

    /// Wait past which the revenue model adds churn, in seconds (infinity when it has none).
    let longWait: Double

    init(_ scenario: Scenario) {
        longWait = scenario.revenue?.churn.waitThresholdSeconds ?? .infinity
        horizon = scenario.simulation.horizonSeconds
        warmup = scenario.simulation.warmupSeconds
        target = scenario.serviceLevel.targetSeconds
        seed = scenario.simulation.seed
        calendar = CompiledCalendar(scenario.calendar)
        busyness = scenario.busynessCV > 0 ? .gamma(mean: 1, cv: scenario.busynessCV) : nil
        let intervals = calendar.intervalCount
        var open: [Double] = []
        var gaps: [Double] = []
        for type in scenario.callTypes {
            let hours = calendar.intervalSeconds / 3600
            let perHour: [Double]
            switch type.profile {
            case nil: perHour = Array(repeating: type.arrivalsPerHour, count: intervals)
            case .perInterval(let rates): perHour = rates
            case .trace: perHour = Array(repeating: 0, count: intervals)
            case .perDay(let total, let weights):
                let w = weights.isEmpty ? Array(repeating: 1.0, count: intervals) : weights
                let sum = w.reduce(0, +)
                perHour = w.map { sum > 0 ? total * $0 / sum / hours : 0 }
            }
            open += perHour.map { $0 / 3600 }
            let stationary = type.profile == nil && scenario.calendar.isAlwaysOpen && scenario.busynessCV == 0
            gaps.append(stationary && type.arrivalsPerHour > 0 ? 3600 / type.arrivalsPerHour : .nan)
        }
        openRates = open
        stationaryGapMean = gaps
        closedRates = scenario.callTypes.map { $0.closedPerHour / 3600 }
        traces = scenario.callTypes.map { type in
            if case .trace(let times) = type.profile { return times }
            return nil
        }
        traceTalk = scenario.callTypes.map(\.traceHandleTimes)
        talk = scenario.callTypes.map(\.handleTime)
        wrapUp = scenario.callTypes.map(\.wrapUp)
        patience = scenario.callTypes.map(\.patience)
        ivr = scenario.callTypes.map(\.ivr)
        resolution = scenario.callTypes.map(\.firstContactResolution)
        retry = scenario.callTypes.map(\.retry)
        redial = scenario.callTypes.map(\.redial)
        callback = scenario.callTypes.map(\.callback)
        let names = Dictionary(uniqueKeysWithValues: scenario.callTypes.enumerated().map { ($1.name, $0) })
        misrouting = scenario.callTypes.map { type in
            guard let rule = type.misrouting, rule.share > 0, let to = names[rule.to] else { return nil }
            return (rule.share, to, rule.transferTalk)
        }
        meanWork = scenario.callTypes.map { $0.handleTime.mean + ($0.wrapUp?.mean ?? 0) }
        targets = scenario.callTypes.map { $0.channel == .email ? $0.responseTargetSeconds : scenario.serviceLevel.targetSeconds }
        isEmail = scenario.callTypes.map { $0.channel == .email }
        concurrency = scenario.agentGroups.map(\.concurrency)
        chatGrowth = scenario.callTypes.map(\.handleTimeGrowthPerChat)
        lines = scenario.lines
        streamSubjects = scenario.callTypes.map { stableHash($0.name) }
        let typeIndex = Dictionary(uniqueKeysWithValues: scenario.callTypes.enumerated().map { ($1.name, $0) })
        let skills = scenario.agentGroups.map { group in
            group.skills.enumerated().compactMap { index, name in
                typeIndex[name].map { Skill(type: $0, priority: group.priority(ofSkill: index), delay: group.delay(ofSkill: index)) }
            }
        }
        groupSkills = FlatLists(skills)
        byPriority = scenario.routing == .priority
        groupAgents = scenario.agentGroups.map(\.agents)
        // With opening hours, a constant head count is on duty from opening to closing on working days.
        let calendar = self.calendar
        groupShifts = scenario.agentGroups.map { group in
            if !group.shifts.isEmpty || calendar.isAlwaysOpen { return group.shifts }
            return [Shift(start: calendar.open, end: calendar.close, agents: group.agents)]
        }
        var eligible = Array(repeating: [Int](), count: scenario.callTypes.count)
        var serving = Array(repeating: [ServingGroup](), count: scenario.callTypes.count)
        for (group, skills) in skills.enumerated() where groupAgents[group] > 0 {
            for skill in skills {
                serving[skill.type].append(ServingGroup(group: group, delay: skill.delay))
                if skill.delay == 0 { eligible[skill.type].append(group) }
            }
        }
        eligibleGroups = FlatLists(eligible)
        servingGroups = FlatLists(serving)
        let delays = serving.map { Array(Set($0.map(\.delay).filter { $0 > 0 })).sorted() }
        overflowDelays = FlatLists(delays)
        var flags: [Features] = []
        for type in scenario.callTypes.indices {
            flags.append(Features(
                trace: traces[type] != nil, ivr: ivr[type] != nil, redial: redial[type] != nil, retry: retry[type] != nil,
                callback: callback[type] != nil, overflow: !delays[type].isEmpty, traceTalk: traceTalk[type] != nil,
                chat: scenario.callTypes[type].channel == .chat, usesLine: scenario.callTypes[type].channel == .voice,
                misroutingShare: misrouting[type]?.share ?? 0))
        }
        features = flags
        anyCallbacks = flags.contains { $0.callback }
        anyChat = flags.contains { $0.chat }
        anyTraceTalk = flags.contains { $0.traceTalk }
    }

    /// A copy whose arrays have storage of their own. Replications running on different threads
    /// each take one, so that the reference counts of shared array buffers are never touched by two
    /// cores at once (atomic increments on one cache line would serialise the threads).
    func withPrivateStorage() -> CompiledModel {
        var copy = self
        copy.stationaryGapMean = stationaryGapMean.map { $0 }
        copy.openRates = openRates.map { $0 }
        copy.closedRates = closedRates.map { $0 }
        copy.traces = traces.map { $0 }
        copy.features = features.map { $0 }
        copy.talk = talk.map { $0 }
        copy.wrapUp = wrapUp.map { $0 }
        copy.patience = patience.map { $0 }
        copy.ivr = ivr.map { $0 }
        copy.resolution = resolution.map { $0 }
        copy.retry = retry.map { $0 }
        copy.redial = redial.map { $0 }
        copy.callback = callback.map { $0 }
        copy.misrouting = misrouting.map { $0 }
        copy.meanWork = meanWork.map { $0 }
        copy.targets = targets.map { $0 }
        copy.isEmail = isEmail.map { $0 }
        copy.streamSubjects = streamSubjects.map { $0 }
        copy.eligibleGroups = eligibleGroups.withPrivateStorage()
        copy.overflowDelays = overflowDelays.withPrivateStorage()
        copy.servingGroups = servingGroups.withPrivateStorage()
        copy.groupSkills = groupSkills.withPrivateStorage()
        copy.groupAgents = groupAgents.map { $0 }
        copy.groupShifts = groupShifts.map { $0.map { $0 } }
        return copy
    }

    /// The optional features of one call type, as flags.
    struct Features: Sendable {
        var trace = false, ivr = false, redial = false, retry = false, callback = false, overflow = false
        /// A trace that records each contact's talk time.
        var traceTalk = false
        /// A chat: agents may hold several at once, and its talk grows with the chats in hand.
        var chat = false
        /// Whether its contacts hold a trunk line (voice only; chats and emails do not).
        var usesLine = true
        var misroutingShare = 0.0
    }

    func stream(_ purpose: StreamPurpose, callType: Int, replication: Int) -> Xoshiro256StarStar {
        Xoshiro256StarStar(stream: StreamKey(
            seed: seed, replication: UInt64(replication), purpose: purpose.rawValue,
            subject: streamSubjects[callType]))
    }

    func stream(_ purpose: StreamPurpose, replication: Int) -> Xoshiro256StarStar {
        Xoshiro256StarStar(stream: StreamKey(seed: seed, replication: UInt64(replication), purpose: purpose.rawValue))
    }
}

/// The calendar as the event loop asks it: in which stretch of constant demand a time falls.
struct CompiledCalendar: Sendable {
    let open: Double
    let close: Double
    let intervalSeconds: Double
    let intervalCount: Int
    let workingDays: [Bool]
    let closedCalls: ClosedCallPolicy
    /// Seconds after an opening over which carried-over callers call again (0: at the opening).
    let carryOverSpread: Double
    let atClose: ClosingPolicy
    let isAlwaysOpen: Bool

    init(_ calendar: BusinessCalendar) {
        open = calendar.open
        close = calendar.close
        intervalSeconds = calendar.intervalSeconds
        intervalCount = calendar.intervalCount
        workingDays = (0..<7).map { calendar.days.contains($0) }
        closedCalls = calendar.closedCalls
        carryOverSpread = calendar.carryOverSpreadSeconds
        atClose = calendar.atClose
        isAlwaysOpen = calendar.isAlwaysOpen
    }

    /// The stretch of constant demand that contains `time` (seconds since Monday 00:00): its end and
    /// the reporting interval it belongs to (`-1` while closed).
    @inline(__always)
    func segment(at time: Double) -> (end: Double, interval: Int) {
        let day = (time / 86_400).rounded(.down)
        let midnight = day * 86_400
        let timeOfDay = time - midnight
        if !workingDays[Int(day) % 7] { return (midnight + 86_400, -1) }
        if timeOfDay < open { return (midnight + open, -1) }
        if timeOfDay >= close { return (midnight + 86_400, -1) }
        var interval = Swift.min(Int((timeOfDay - open) / intervalSeconds), intervalCount - 1)
        var end = midnight + open + Double(interval + 1) * intervalSeconds
        if end <= time, interval + 1 < intervalCount {  // rounding at a boundary
            interval += 1
            end += intervalSeconds
        }
        return (Swift.max(end, time.nextUp), interval)
    }

    /// How many of the `count` days from day `first` (0 = the first Monday) are working days.
    func workingDayCount(from first: Int, count: Int) -> Int {
        let perWeek = workingDays.filter { $0 }.count
        var total = count / 7 * perWeek
        for offset in 0..<(count % 7) where workingDays[(first + offset) % 7] { total += 1 }
        return total
    }

    /// The next opening at or after `time`, or `nil` when the calendar never opens.
    func nextOpening(after time: Double) -> Double? {
        var day = (time / 86_400).rounded(.down)
        for _ in 0..<8 {
            let opening = day * 86_400 + open
            if workingDays[Int(day) % 7], opening >= time { return opening }
            day += 1
        }
        return nil
    }

    /// Adds `weight` × the length of [from, to) ∩ [lower, upper) to `totals` (one entry per reporting
    /// interval, open hours only) and returns the total added over all of them.
    ///
    /// Whole days are added in closed form, so the cost does not grow with the length of the span.
    @discardableResult
    func spread(from: Double, to: Double, within lower: Double, _ upper: Double, weight: Double, into totals: inout [Double]) -> Double {
        totals.withUnsafeMutableBufferPointer { spread(from: from, to: to, within: lower, upper, weight: weight, into: $0) }
    }

    /// ``spread(from:to:within:_:weight:into:)`` into an event loop's per-interval table.
    @discardableResult
    func spread(from: Double, to: Double, within lower: Double, _ upper: Double, weight: Double, into totals: inout FixedArray<Double>) -> Double {
        totals.withUnsafeMutableBufferPointer { spread(from: from, to: to, within: lower, upper, weight: weight, into: $0) }
    }

    private func spread(from: Double, to: Double, within lower: Double, _ upper: Double, weight: Double, into totals: UnsafeMutableBufferPointer<Double>) -> Double {
        var start = Swift.max(from, lower)
        let stop = Swift.min(to, upper)
        var added = 0.0
        while start < stop {
            let midnight = (start / 86_400).rounded(.down) * 86_400
            if start == midnight, stop - start >= 86_400 {
                let days = ((stop - start) / 86_400).rounded(.down)
                let working = Double(workingDayCount(from: Int(midnight / 86_400), count: Int(days)))
                if working > 0 {
                    for interval in totals.indices { totals[interval] += weight * intervalSeconds * working }
                    added += weight * (close - open) * working
                }
                start += days * 86_400
                continue
            }
            let (end, interval) = segment(at: start)
            let piece = Swift.min(end, stop) - start
            if interval >= 0 {
                totals[interval] += weight * piece
                added += weight * piece
            }
            start = Swift.min(end, stop)
        }
        return added
    }
}

/// A group that can take a call type, and after how long a wait.
struct ServingGroup: Sendable {
    /// The agent group.
    var group: Int
    /// The wait after which it takes such a caller, in seconds (0: at once).
    var delay: Double
}

/// A list of lists in one contiguous array (compressed rows): list `i` is `self[bounds(of: i)]`.
///
/// The event loop walks these by index: iterating an inner array of `[[Element]]` instead retains
/// and releases it on every walk, which cost a tenth of the Erlang A benchmark's time.
struct FlatLists<Element: Sendable>: Sendable {
    private var elements: [Element]
    /// `starts[i]` is where list `i` begins; one more entry than lists.
    private var starts: [Int]

    init(_ lists: [[Element]]) {
        elements = lists.flatMap { $0 }
        starts = [0]
        for list in lists { starts.append(starts[starts.count - 1] + list.count) }
    }

    /// The positions of list `list`'s elements.
    @inline(__always)
    func bounds(of list: Int) -> Range<Int> { starts[list]..<starts[list + 1] }

    /// The element at `position` (from ``bounds(of:)``).
    @inline(__always)
    subscript(position: Int) -> Element { elements[position] }

    /// The elements of list `list`, as an array (off the hot path).
    func list(_ list: Int) -> ArraySlice<Element> { elements[bounds(of: list)] }

    /// A copy with storage of its own (see ``CompiledModel/withPrivateStorage()``).
    func withPrivateStorage() -> FlatLists {
        var copy = self
        copy.elements = elements.map { $0 }
        copy.starts = starts.map { $0 }
        return copy
    }
}

/// One skill of an agent group: a call type, its priority (1 first) and the wait after which the group
/// takes such a caller (0: at once).
struct Skill: Sendable {
    var type: Int
    var priority: Int
    var delay: Double
}
