import SimulationKernel

/// Opening hours and the intervals KPIs are reported by.
///
/// Times of day are seconds after midnight. The simulated time starts on a Monday at 00:00; day `d`
/// of a replication is weekday `d % 7` (0 = Monday).
public struct BusinessCalendar: Sendable, Equatable {
    /// Opening time, seconds after midnight.
    public var open: Double
    /// Closing time, seconds after midnight (after `open`; 86,400 for midnight).
    public var close: Double
    /// Length of a reporting interval, in seconds (15, 30 or 60 minutes); it divides the opening hours.
    public var intervalSeconds: Double
    /// Weekdays the center opens, 0 = Monday … 6 = Sunday.
    public var days: Set<Int>
    /// What happens to a call that arrives while the center is closed.
    public var closedCalls: ClosedCallPolicy
    /// With `carryOver`: callers who found the center closed call again at a uniformly random moment
    /// of this long after the opening, in seconds (0: all at the opening instant).
    public var carryOverSpreadSeconds = 0.0
    /// What happens at closing time to calls still waiting.
    public var atClose: ClosingPolicy

    /// The 24/7 calendar with one-hour intervals: what a scenario without `calendar` uses.
    public static let alwaysOpen = BusinessCalendar(
        open: 0, close: 86_400, intervalSeconds: 3_600, days: Set(0..<7), closedCalls: .drop, atClose: .serve)

    /// Creates a calendar.
    public init(
        open: Double, close: Double, intervalSeconds: Double, days: Set<Int> = Set(0..<7),
        closedCalls: ClosedCallPolicy = .drop, atClose: ClosingPolicy = .serve
    ) {
        self.open = open
        self.close = close
        self.intervalSeconds = intervalSeconds
        self.days = days
        self.closedCalls = closedCalls
        self.atClose = atClose
    }

    /// Number of reporting intervals in a day's opening hours.
    public var intervalCount: Int { Int(((close - open) / intervalSeconds).rounded()) }

    /// Whether the center never closes.
    public var isAlwaysOpen: Bool { open == 0 && close == 86_400 && days.count == 7 }

    /// "HH:MM" of the start of interval `index`.
    public func intervalLabel(_ index: Int) -> String {
        clockText(minutes: Int((open + Double(index) * intervalSeconds) / 60))
    }
}

/// "HH:MM" for a whole number of minutes (≥ 0) after midnight: the one clock format of labels,
/// messages and reports.
public func clockText(minutes: Int) -> String {
    let hours = minutes / 60, rest = minutes % 60
    return (hours < 10 ? "0" : "") + String(hours) + ":" + (rest < 10 ? "0" : "") + String(rest)
}

/// What happens to a call that arrives while the center is closed.
public enum ClosedCallPolicy: String, Sendable, Equatable, CaseIterable {
    /// The caller hears a closed message and is lost (counted as `closedArrivals`).
    case drop
    /// The caller tries again at the next opening (counted as `closedArrivals`, then offered at opening).
    case carryOver
}

/// What happens at closing time to calls still waiting in the queue.
public enum ClosingPolicy: String, Sendable, Equatable, CaseIterable {
    /// Agents keep serving the callers already waiting (the default).
    case serve
    /// Callers still waiting are dropped (counted as `droppedAtClose`).
    case drop
}

/// Time-varying demand of a call type over a day's reporting intervals.
public enum DemandProfile: Sendable, Equatable {
    /// `perDay` contacts a day, spread over the intervals in proportion to `weights` (one per interval,
    /// or all equal when empty).
    case perDay(Double, weights: [Double])
    /// One rate per interval, in contacts per hour.
    case perInterval([Double])
    /// Arrival times replayed as recorded, in seconds from the start (Monday 00:00), ascending; the
    /// same in every replication.
    case trace([Double])
}

/// A daily shift of an agent group.
public struct Shift: Sendable, Equatable {
    /// Start, seconds after midnight.
    public var start: Double
    /// End, seconds after midnight (after `start`, at most 86,400).
    public var end: Double
    /// Agents on the shift.
    public var agents: Int
    /// Breaks during the shift, in order of time and not overlapping; each inside the shift and
    /// ending before it does.
    public var breaks: [ShiftBreak] = []

    /// Creates a shift.
    public init(start: Double, end: Double, agents: Int, breaks: [ShiftBreak] = []) {
        self.start = start
        self.end = end
        self.agents = agents
        self.breaks = breaks
    }

    /// The agents of the shift (offsets from its first agent, `0..<agents`) who take each break: break
    /// `i` takes its `agents` (all of the shift's when `nil`) in turn, after those of the breaks before
    /// it, wrapping around the shift's agents; so `[{12:00, 2 agents}, {12:30, 2 agents}]` on a shift
    /// of 4 staggers the lunch break.
    /// - Returns: per break, its first offset and its number of agents.
    public func breakAgents() -> [(firstOffset: Int, count: Int)] {
        var next = 0
        return breaks.map { pause in
            let count = Swift.min(pause.agents ?? agents, agents)
            defer { next = agents > 0 ? (next + count) % agents : 0 }
            return (next, count)
        }
    }
}

/// A break of some or all agents of a shift: off duty from `start` for `durationSeconds`. An agent
/// busy at the start finishes the contact in hand first, as at the end of a shift.
public struct ShiftBreak: Sendable, Equatable {
    /// Start, seconds after midnight.
    public var start: Double
    /// Length, in seconds.
    public var durationSeconds: Double
    /// Agents of the shift who take it (`nil`: all of them).
    public var agents: Int?

    /// Creates a break.
    public init(start: Double, durationSeconds: Double, agents: Int? = nil) {
        self.start = start
        self.durationSeconds = durationSeconds
        self.agents = agents
    }
}

/// The interactive voice response every call of a type passes through first.
public struct IVRStage: Sendable, Equatable {
    /// Time in the IVR, in seconds (the line is held).
    public var durationSeconds: Double
    /// Share of calls resolved in the IVR (self-service) that never reach an agent, in [0, 1].
    public var containment: Double
    /// Share of contained callers whose issue was not in fact resolved and who call again, in [0, 1].
    public var falseContainment: Double
    /// Delay before a falsely contained caller calls again, in seconds.
    public var falseContainmentDelay: Distribution?

    /// Creates an IVR stage.
    public init(durationSeconds: Double, containment: Double, falseContainment: Double = 0, falseContainmentDelay: Distribution? = nil) {
        self.durationSeconds = durationSeconds
        self.containment = containment
        self.falseContainment = falseContainment
        self.falseContainmentDelay = falseContainmentDelay
    }
}

/// Virtual hold: a waiting caller is offered to be called back instead of waiting on the line.
public struct CallbackOffer: Sendable, Equatable {
    /// The offer is made when the predicted wait (callers ahead × mean handle time / agents on duty)
    /// or the elapsed wait reaches this, in seconds.
    public var offerAfterSeconds: Double
    /// Probability that a caller accepts, in [0, 1].
    public var acceptance: Double
    /// Longest a callback waits before it is served ahead of inbound callers, in seconds (`nil`: it
    /// is served only when no inbound caller of the agent's skills waits).
    public var maxDelaySeconds: Double?

    /// Creates a callback offer.
    public init(offerAfterSeconds: Double, acceptance: Double, maxDelaySeconds: Double? = nil) {
        self.offerAfterSeconds = offerAfterSeconds
        self.acceptance = acceptance
        self.maxDelaySeconds = maxDelaySeconds
    }
}

/// Misrouting: a share of a type's contacts first reaches the queue of another type, whose agent
/// talks for `transferTalk`, then transfers the caller back to the right queue.
public struct Misrouting: Sendable, Equatable {
    /// Share of contacts misrouted, in [0, 1].
    public var share: Double
    /// The call type whose queue misrouted contacts reach first.
    public var to: String
    /// Talk of the wrong agent before the transfer, in seconds.
    public var transferTalk: Distribution

    /// Creates a misrouting rule.
    public init(share: Double, to: String, transferTalk: Distribution) {
        self.share = share
        self.to = to
        self.transferTalk = transferTalk
    }
}

/// A caller who tries again: with `probability`, after `delay` seconds.
public struct RepeatContact: Sendable, Equatable {
    /// Probability of trying again, in [0, 1].
    public var probability: Double
    /// Time until the next attempt, in seconds.
    public var delay: Distribution

    /// Creates a repeat rule.
    public init(probability: Double, delay: Distribution) {
        self.probability = probability
        self.delay = delay
    }
}

extension BusinessCalendar {
    /// The calendar time that a window of simulated time `from`...`to` (seconds from Monday 00:00)
    /// stands for, in seconds: the opening hours it covers, as a share of a week's opening hours, times
    /// a week. A run of whole weeks is its own length; Monday to Friday of a center open Monday to
    /// Saturday stands for 5/6 of a week, so money per month or per year is not inflated by the days
    /// the simulation did not cover. A window with no opening hours stands for itself.
    public func equivalentSeconds(from start: Double, to end: Double) -> Double {
        let perWeek = Double(days.count) * (close - open)
        guard perWeek > 0, end > start else { return Swift.max(0, end - start) }
        var covered = 0.0
        var day = (start / 86_400).rounded(.down)
        while day * 86_400 < end {
            if days.contains(((Int(day) % 7) + 7) % 7) {
                let opens = day * 86_400 + open, closes = day * 86_400 + close
                covered += Swift.max(0, Swift.min(closes, end) - Swift.max(opens, start))
            }
            day += 1
        }
        return covered > 0 ? covered * (7 * 86_400) / perWeek : end - start
    }
}
