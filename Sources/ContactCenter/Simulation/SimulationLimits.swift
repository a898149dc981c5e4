/// Bounds on the work and memory of one replication, so that an absurd but valid scenario stops
/// with a clear message instead of running for days or exhausting memory.
public struct SimulationLimits: Sendable, Equatable {
    /// Most events one replication may process (about 12 million per second on one core).
    public var maximumEvents: Int
    /// Most callers that may wait at once (each takes 40 bytes, plus the ring's slack); twice as many
    /// queue slots and pending events together (callers who hung up keep their slot until skipped).
    public var maximumWaiting: Int

    /// The defaults: 10¹⁰ events per replication (roughly a quarter of an hour of simulation) and
    /// 5 million callers waiting at once (under 512 MB).
    public static let standard = SimulationLimits(maximumEvents: 10_000_000_000, maximumWaiting: 5_000_000)

    /// Creates limits.
    public init(maximumEvents: Int, maximumWaiting: Int) {
        self.maximumEvents = maximumEvents
        self.maximumWaiting = maximumWaiting
    }
}

/// Why a simulation stopped before its horizon.
public struct SimulationError: Error, Sendable, Equatable, CustomStringConvertible {
    enum Reason: Sendable, Equatable {
        case estimate(events: Double, limit: Int)
        case events(replication: Int, limit: Int, time: Double)
        case waiting(replication: Int, limit: Int, time: Double)
    }

    let reason: Reason

    static func eventEstimate(_ events: Double, limit: Int) -> SimulationError {
        SimulationError(reason: .estimate(events: events, limit: limit))
    }
    static func eventLimit(replication: Int, limit: Int, time: Double) -> SimulationError {
        SimulationError(reason: .events(replication: replication, limit: limit, time: time))
    }
    static func waitingLimit(replication: Int, limit: Int, time: Double) -> SimulationError {
        SimulationError(reason: .waiting(replication: replication, limit: limit, time: time))
    }

    /// One sentence saying what limit was reached and what to change.
    public var description: String {
        switch reason {
        case .estimate(let events, let limit):
            return "the scenario would take about \(formatCount(events)) events per replication, over the limit of \(formatCount(Double(limit))); shorten the horizon or lower the arrival rates, or raise the limit with --max-events"
        case .events(let replication, let limit, let time):
            return "replication \(replication) reached the limit of \(formatCount(Double(limit))) events at \(formatHours(time)) of simulated time; shorten the horizon or raise the limit with --max-events"
        case .waiting(let replication, let limit, let time):
            return "replication \(replication) had more than \(formatCount(Double(limit))) callers waiting (or \(formatCount(Double(2 * limit))) queue slots and pending events) at \(formatHours(time)) of simulated time: the center is so overloaded that its queue grows without bound; add agents, give callers a patience, or shorten the horizon"
        }
    }

    private func formatCount(_ value: Double) -> String {
        value < 1e6 ? String(Int(value)) : String(format: "%.1e", value)
    }

    private func formatHours(_ seconds: Double) -> String {
        String(format: "%.1f hours", seconds / 3600)
    }
}
