/// What happened to the contacts of one call type (or of all of them) in one replication.
///
/// Counts cover the *cohort*: contacts that arrived at or after the end of the warm-up, each followed
/// to its outcome or to the end of the horizon, so that
/// `arrivals == closedArrivals + blocked + contained + inIVRAtEnd + answered + abandoned + droppedAtClose
/// + waitingAtEnd + callbacksAccepted` holds exactly in every replication.
public struct ContactTally: Sendable, Equatable {
    /// Contacts that arrived (a caller who tries again at opening after finding the center closed
    /// arrives twice: once while closed, once at opening).
    public var arrivals = 0
    /// Contacts that arrived while the center was closed.
    public var closedArrivals = 0
    /// Contacts that found every trunk line busy (busy signal).
    public var blocked = 0
    /// Contacts resolved in the IVR (self-service), falsely or not, that never reached an agent.
    public var contained = 0
    /// Contacts in the IVR when the horizon ended.
    public var inIVRAtEnd = 0
    /// Arrivals that were a customer's second or later contact about the same issue.
    public var repeatArrivals = 0
    /// Contacts answered first by an agent of the wrong queue and transferred.
    public var transfers = 0
    /// Callers offered a callback while waiting.
    public var callbacksOffered = 0
    /// Callers who accepted a callback and left the line.
    public var callbacksAccepted = 0
    /// Callbacks an agent made.
    public var callbacksCompleted = 0
    /// Accepted callbacks not yet made when the horizon ended.
    public var callbacksPendingAtEnd = 0
    /// Sum of the delays from acceptance to the callback, in seconds (completed callbacks).
    public var callbackDelay = 0.0
    /// Issues: first contacts that arrived after the warm-up.
    public var issues = 0
    /// Issues resolved (in the IVR or by an agent) by the end of the horizon.
    public var issuesResolved = 0
    /// Issues resolved at their first contact.
    public var issuesResolvedFirstContact = 0
    /// Issues that ended unresolved without the customer ever reaching an agent on the last contact:
    /// abandoned, blocked, closed or dropped at closing, and no further attempt.
    public var issuesAbandoned = 0
    /// Issues that ended unresolved after a contact an agent answered, with no further attempt.
    public var issuesUnresolved = 0
    /// Sum over answered contacts of the wait past the revenue model's long-wait threshold, in seconds
    /// (0 when the scenario has none).
    public var waitPastLongWait = 0.0
    /// Contacts still waiting at closing time and dropped (calendar `atClose: drop`).
    public var droppedAtClose = 0
    /// Contacts that reached an agent.
    public var answered = 0
    /// Chats offered: `offered` of the call types whose channel is chat (0 for other types).
    public var chatsOffered = 0
    /// Chats answered: `answered` of the call types whose channel is chat.
    public var chatsAnswered = 0
    /// Contacts that reached the agent queue: arrivals less those that found the center closed or
    /// every line busy, were contained in the IVR or were still in it at the end.
    public var offered: Int { arrivals - closedArrivals - blocked - contained - inIVRAtEnd }
    /// Contacts whose caller hung up before an agent answered.
    public var abandoned = 0
    /// Contacts still waiting for an agent when the horizon ended.
    public var waitingAtEnd = 0
    /// Answered contacts that waited at most the service-level target.
    public var answeredWithinTarget = 0
    /// Abandoned contacts that hung up within the service-level target.
    public var abandonedWithinTarget = 0
    /// Sum of the waits of answered contacts, in seconds.
    public var waitOfAnswered = 0.0
    /// Sum of the waits of abandoned contacts until they hung up, in seconds.
    public var waitOfAbandoned = 0.0
    /// Sum of the waits, up to the end of the horizon, of contacts still waiting then, in seconds.
    public var waitAtEnd = 0.0
    /// Sum of the waits, up to closing time, of contacts dropped at closing, in seconds.
    public var waitOfDroppedAtClose = 0.0
    /// Sum of the other time spent in queues, in seconds: waits before accepting a callback, and
    /// the second wait of transferred contacts (for Little's law).
    public var waitOfOther = 0.0
    /// Sum of the talk times of answered contacts, in seconds.
    public var talkTime = 0.0
    /// Sum of the after-call work of answered contacts, in seconds.
    public var wrapUpTime = 0.0
    /// Longest wait of an answered contact, in seconds.
    public var maxWait = 0.0
    /// Median wait of answered contacts, in seconds (`nil` when none was answered).
    public var waitP50: Double?
    /// 90th percentile of the wait of answered contacts, in seconds.
    public var waitP90: Double?
    /// 99th percentile of the wait of answered contacts, in seconds.
    public var waitP99: Double?

    /// Creates an empty tally.
    public init() {}

    /// Counts an answered contact that waited `wait` seconds and brings `talk` and `wrapUp` seconds of work.
    @inline(__always)
    mutating func recordAnswer(wait: Double, withinTarget: Bool, talk: Double, wrapUp: Double) {
        answered += 1
        waitOfAnswered += wait
        if withinTarget { answeredWithinTarget += 1 }
        if wait > maxWait { maxWait = wait }
        talkTime += talk
        wrapUpTime += wrapUp
    }

    /// Counts a contact whose caller hung up after `wait` seconds.
    @inline(__always)
    mutating func recordAbandonment(wait: Double, withinTarget: Bool) {
        abandoned += 1
        waitOfAbandoned += wait
        if withinTarget { abandonedWithinTarget += 1 }
    }

    /// Adds the counts and sums of `other` (percentiles are not additive and are left alone).
    public mutating func add(_ other: ContactTally) {
        arrivals += other.arrivals
        closedArrivals += other.closedArrivals
        blocked += other.blocked
        contained += other.contained
        inIVRAtEnd += other.inIVRAtEnd
        repeatArrivals += other.repeatArrivals
        issues += other.issues
        transfers += other.transfers
        callbacksOffered += other.callbacksOffered
        callbacksAccepted += other.callbacksAccepted
        callbacksCompleted += other.callbacksCompleted
        callbacksPendingAtEnd += other.callbacksPendingAtEnd
        callbackDelay += other.callbackDelay
        issuesResolved += other.issuesResolved
        issuesResolvedFirstContact += other.issuesResolvedFirstContact
        issuesAbandoned += other.issuesAbandoned
        issuesUnresolved += other.issuesUnresolved
        waitPastLongWait += other.waitPastLongWait
        droppedAtClose += other.droppedAtClose
        answered += other.answered
        chatsOffered += other.chatsOffered
        chatsAnswered += other.chatsAnswered
        abandoned += other.abandoned
        waitingAtEnd += other.waitingAtEnd
        answeredWithinTarget += other.answeredWithinTarget
        abandonedWithinTarget += other.abandonedWithinTarget
        waitOfAnswered += other.waitOfAnswered
        waitOfAbandoned += other.waitOfAbandoned
        waitAtEnd += other.waitAtEnd
        waitOfDroppedAtClose += other.waitOfDroppedAtClose
        waitOfOther += other.waitOfOther
        talkTime += other.talkTime
        wrapUpTime += other.wrapUpTime
        maxWait = Swift.max(maxWait, other.maxWait)
    }
}

/// The work of one agent group in one replication, over the observed window (after warm-up).
public struct AgentGroupTally: Sendable, Equatable {
    /// Agent-seconds on duty in the observed window.
    public var staffedSeconds = 0.0
    /// Agent-seconds spent talking or in after-call work within the observed window.
    public var busySeconds = 0.0
    /// Agent-seconds past the end of a shift spent finishing the contact in hand (included in
    /// `staffedSeconds`).
    public var overtimeSeconds = 0.0
    /// Contacts of the cohort answered by the group.
    public var answered = 0
    /// Most chats any agent of the group held at once, in chats (0 when it answered none); never
    /// above the group's `concurrency`.
    public var peakChatsPerAgent = 0

    /// Creates an empty tally.
    public init() {}
}

/// The raw outcome of one replication, from which the analysis layer computes every KPI.
public struct ReplicationResult: Sendable, Equatable {
    /// Zero-based replication index (it fixes the random streams).
    public var replication: Int
    /// Length of the observed window (horizon minus warm-up), in seconds.
    public var observedSeconds: Double
    /// Per call type, in scenario order.
    public var callTypes: [ContactTally]
    /// All call types together (percentiles over all answered contacts).
    public var overall: ContactTally
    /// Per agent group, in scenario order.
    public var agentGroups: [AgentGroupTally]
    /// ∫ (number of contacts waiting) dt over the observed window, in contact-seconds.
    public var waitingIntegral: Double
    /// Per reporting interval of the day (all days together): the contacts offered in it.
    public var intervals: [ContactTally]
    /// Per reporting interval: agent-seconds on duty in it (all groups, observed window).
    public var intervalStaffedSeconds: [Double]
    /// Per reporting interval: agent-seconds busy in it.
    public var intervalBusySeconds: [Double]
    /// Per reporting interval: seconds of it inside the observed window (over all days).
    public var intervalObservedSeconds: [Double]
    /// Events the kernel processed.
    public var events: Int
    /// Per threshold of ``waitThresholds``: answered contacts (all call types) that waited at most that
    /// long, at the wait histogram's resolution (0.4 %).
    public var answeredWithin: [Int] = []

    /// The waits, in seconds, at which the wait-time distribution is reported.
    public static let waitThresholds: [Double] = [0, 5, 10, 20, 30, 60, 120, 300, 600]
}
