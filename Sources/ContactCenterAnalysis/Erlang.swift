#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Steady-state figures of a single-queue, n-agent Markovian call center.
///
/// Probabilities and ratios are dimensionless numbers in `0...1`; times are in seconds;
/// lengths are numbers of calls.
public struct QueueingFigures: Sendable, Equatable {
    /// Number of agents (servers) staffed; a count.
    public var agents: Int
    /// Offered load in Erlangs: arrival rate (calls per second) × average handle time (seconds).
    public var offeredLoad: Double
    /// Probability (dimensionless, `0...1`) that an arriving call finds all agents busy and
    /// has to queue. By PASTA this equals the time-average probability that all agents are busy.
    public var probabilityOfWait: Double
    /// Fraction (dimensionless, `0...1`) of offered calls that abandon before being answered.
    /// Always 0 for Erlang C.
    public var abandonmentRate: Double
    /// Fraction (dimensionless, `0...1`) of ALL offered calls that are answered after a wait of
    /// at most `targetSeconds` seconds. Abandoned calls count as failures.
    public var serviceLevel: Double
    /// Average speed of answer in seconds: mean wait of the ANSWERED calls, zero waits included.
    public var averageSpeedOfAnswer: Double
    /// Time-average number of calls waiting in the queue (calls, not in service).
    public var averageQueueLength: Double
    /// Agent occupancy (dimensionless, `0...1`): mean number of busy agents divided by `agents`.
    public var occupancy: Double
    /// Service-level target in seconds used for `serviceLevel`.
    public var targetSeconds: Double

    /// Creates a set of figures; see the properties for the unit of every quantity.
    /// - Parameters:
    ///   - agents: number of agents (count).
    ///   - offeredLoad: offered load in Erlangs.
    ///   - probabilityOfWait: probability of waiting (dimensionless).
    ///   - abandonmentRate: abandoned / offered calls (dimensionless).
    ///   - serviceLevel: answered within target / offered calls (dimensionless).
    ///   - averageSpeedOfAnswer: mean wait of answered calls, in seconds.
    ///   - averageQueueLength: mean number of calls waiting (calls).
    ///   - occupancy: mean busy agents / agents (dimensionless).
    ///   - targetSeconds: service-level target in seconds.
    public init(
        agents: Int, offeredLoad: Double, probabilityOfWait: Double, abandonmentRate: Double,
        serviceLevel: Double, averageSpeedOfAnswer: Double, averageQueueLength: Double,
        occupancy: Double, targetSeconds: Double
    ) {
        self.agents = agents
        self.offeredLoad = offeredLoad
        self.probabilityOfWait = probabilityOfWait
        self.abandonmentRate = abandonmentRate
        self.serviceLevel = serviceLevel
        self.averageSpeedOfAnswer = averageSpeedOfAnswer
        self.averageQueueLength = averageQueueLength
        self.occupancy = occupancy
        self.targetSeconds = targetSeconds
    }
}

/// Erlang B, Erlang C (M/M/n) and exact Erlang A (M/M/n+M) steady-state formulas.
///
/// Common inputs: `arrivalsPerHour` is the Poisson arrival rate in calls per hour,
/// `averageHandleTime` the mean of the exponential handle time in seconds, `agents` the
/// number of agents, `targetSeconds` the service-level answer-time target in seconds.
public enum Erlang {
    /// The longest modal queue ``a(arrivalsPerHour:averageHandleTime:averagePatience:agents:targetSeconds:)``
    /// accepts, in calls: its memory and time grow with it (10⁷ calls: about 80 MB and a second).
    public static let maximumModalQueue = 1e7

    /// The most likely number of callers waiting in Erlang A, max(0, ⌊(A − n)·patience/AHT⌋) calls,
    /// where A is the offered load in Erlangs; Erlang A is computable while it stays below
    /// ``maximumModalQueue``.
    public static func modalQueueLength(
        arrivalsPerHour: Double, averageHandleTime: Double, averagePatience: Double, agents: Int
    ) -> Double {
        let load = arrivalsPerHour * averageHandleTime / 3600
        return Swift.max(0, ((load - Double(agents)) * averagePatience / averageHandleTime).rounded(.down))
    }

    /// Erlang B blocking probability, stable recursion B(0)=1, B(k)=A B(k-1)/(k + A B(k-1)).
    ///
    /// - Parameters:
    ///   - offeredLoad: offered load A in Erlangs (dimensionless, calls/s × seconds); must be
    ///     finite and `>= 0` (precondition).
    ///   - servers: number of servers n (count); must be `>= 0` (precondition).
    /// - Returns: the probability (dimensionless, `0...1`) that an arriving call finds all
    ///   `servers` busy in an M/M/n/n loss system. `B(A, 0) = 1`.
    /// - Complexity: O(`servers`).
    public static func blocking(offeredLoad: Double, servers: Int) -> Double {
        precondition(offeredLoad >= 0 && offeredLoad.isFinite, "offeredLoad must be finite and >= 0")
        precondition(servers >= 0, "servers must be >= 0")
        var b = 1.0
        if servers == 0 { return b }
        for k in 1...servers {
            let ab = offeredLoad * b
            b = ab / (Double(k) + ab)
        }
        return b
    }

    /// Erlang C (M/M/n), nil when offeredLoad >= agents (unstable).
    ///
    /// Formulas, with A = `arrivalsPerHour` × `averageHandleTime` / 3600 (Erlangs) and
    /// ρ = A / n: probability of wait C = B / (1 − ρ(1 − B)) with B the Erlang B value;
    /// service level = 1 − C·exp(−(n − A)·t / AHT); ASA = C·AHT / (n − A) seconds;
    /// queue length = C·A / (n − A) calls; occupancy = ρ; abandonment = 0.
    ///
    /// - Parameters:
    ///   - arrivalsPerHour: arrival rate in calls per hour; precondition: finite and `>= 0`.
    ///     A rate of 0 gives service level 1, ASA 0 s and occupancy 0.
    ///   - averageHandleTime: mean handle time in seconds; precondition: finite and `> 0`.
    ///   - agents: number of agents; precondition: `>= 1`.
    ///   - targetSeconds: service-level target in seconds; precondition: finite and `>= 0`.
    /// - Returns: the steady-state figures, or `nil` when the offered load in Erlangs is
    ///   `>= agents` (no steady state exists).
    /// - Complexity: O(`agents`).
    public static func c(
        arrivalsPerHour: Double, averageHandleTime: Double, agents: Int, targetSeconds: Double
    ) -> QueueingFigures? {
        checkCommonInputs(arrivalsPerHour, averageHandleTime, agents, targetSeconds)
        let load = arrivalsPerHour * averageHandleTime / 3600
        let n = Double(agents)
        guard load < n else { return nil }
        let b = blocking(offeredLoad: load, servers: agents)
        let rho = load / n
        let pWait = b / (1 - rho * (1 - b))
        let gap = n - load
        return QueueingFigures(
            agents: agents,
            offeredLoad: load,
            probabilityOfWait: pWait,
            abandonmentRate: 0,
            serviceLevel: 1 - pWait * exp(-gap * targetSeconds / averageHandleTime),
            averageSpeedOfAnswer: pWait * averageHandleTime / gap,
            averageQueueLength: pWait * load / gap,
            occupancy: rho,
            targetSeconds: targetSeconds)
    }

    /// Erlang A (M/M/n+M), exponential patience with mean averagePatience seconds (> 0). Always stable.
    ///
    /// Exact (not an approximation) apart from the truncations below. The number of calls in
    /// the system is a birth–death chain with birth rate λ (calls/s) and death rate
    /// μ·min(k, n) + θ·max(k − n, 0) in state k, where μ = 1/AHT and θ = 1/patience (per second).
    ///
    /// - Stationary distribution: computed from the modal state outwards with ratios
    ///   π(k±1)/π(k) that are all `<= 1`, so nothing overflows for any number of agents
    ///   (1 … 100,000 and beyond); it is normalised at the end.
    ///   **Truncation rule:** moving away from the mode the ratios decrease monotonically, so the
    ///   mass beyond state k is bounded by w(k)·q/(1 − q), where q is the next ratio; a side is
    ///   cut at the first state where that bound is `<= 1e-16` × (mass accumulated so far),
    ///   i.e. each neglected tail is below 1e-16 relative to the total.
    /// - Probability of wait = Σ_{k≥n} π(k); abandonment = θ·E[queue length] / λ;
    ///   occupancy = E[min(k, n)] / n.
    /// - Service level: a call arriving in state n + m has m calls ahead; the line ahead moves
    ///   at rate a(m) = nμ + mθ and the caller abandons at rate θ. P(served within t | m) is
    ///   computed by uniformization of that absorbing chain, with the Poisson weights started at
    ///   their mode and the Poisson series truncated so that the neglected mass is `< 1e-14`.
    ///   Arrivals with so many calls ahead that service within t has probability `< 1e-14`
    ///   contribute 0.
    /// - ASA: with r(m) = a(m) + θ, s(m) = Π_{j≤m} a(j)/r(j) = P(served | m) and
    ///   T(m) = E[wait·1{served} | m] = s(m)/r(m) + a(m)/r(m)·T(m − 1) (T(−1) = 0),
    ///   ASA = Σ π(n + m)·T(m) / P(served).
    ///
    /// - Parameters:
    ///   - arrivalsPerHour: arrival rate in calls per hour; precondition: finite and `>= 0`.
    ///     A rate of 0 gives service level 1, ASA 0 s, occupancy 0 and no abandonment.
    ///   - averageHandleTime: mean handle time in seconds; precondition: finite and `> 0`.
    ///   - averagePatience: mean of the exponential patience in seconds; precondition: finite
    ///     and `> 0`.
    ///   - agents: number of agents; precondition: `>= 1`.
    ///   - targetSeconds: service-level target in seconds; precondition: finite and `>= 0`.
    /// - Returns: the steady-state figures (a steady state always exists when patience is finite).
    /// - Complexity: linear in the highest retained state for the distribution and ASA, plus
    ///   O(M·L) for the service level, where M is the number of retained queue states and
    ///   L ≈ (nμ + Mθ + θ)·t the Poisson truncation point. When heavily overloaded the modal
    ///   queue length is about (A − n)·patience/AHT; it must stay below ``maximumModalQueue`` (precondition).
    public static func a(
        arrivalsPerHour: Double, averageHandleTime: Double, averagePatience: Double, agents: Int,
        targetSeconds: Double
    ) -> QueueingFigures {
        checkCommonInputs(arrivalsPerHour, averageHandleTime, agents, targetSeconds)
        precondition(
            averagePatience > 0 && averagePatience.isFinite, "averagePatience must be finite and > 0")
        let load = arrivalsPerHour * averageHandleTime / 3600
        guard load > 0 else {
            return QueueingFigures(
                agents: agents, offeredLoad: 0, probabilityOfWait: 0, abandonmentRate: 0,
                serviceLevel: 1, averageSpeedOfAnswer: 0, averageQueueLength: 0, occupancy: 0,
                targetSeconds: targetSeconds)
        }
        // Work in units of the handle time: μ = 1, λ = A, θ = γ = AHT / patience.
        let gamma = averageHandleTime / averagePatience
        let distribution = stationaryDistribution(offeredLoad: load, agents: agents, abandonmentRatio: gamma)
        let pi = distribution.probabilities
        let lowest = distribution.lowestState
        let highest = lowest + pi.count - 1
        let n = agents
        let nD = Double(n)

        var pNoWait = 0.0
        var pWait = 0.0
        var queueLength = 0.0
        var busy = 0.0
        for (index, p) in pi.enumerated() {
            let k = lowest + index
            if k < n {
                pNoWait += p
                busy += Double(k) * p
            } else {
                pWait += p
                busy += nD * p
                queueLength += Double(k - n) * p
            }
        }

        // P(served) and E[wait · 1{served}] (in AHT units) for queued arrivals.
        let maxAhead = highest - n
        let firstAhead = max(0, lowest - n)
        var servedQueued = 0.0
        var waitServed = 0.0
        if maxAhead >= 0 {
            var served = 1.0  // s(m)
            var waitTerm = 0.0  // T(m)
            for m in 0...maxAhead {
                let advance = nD + Double(m) * gamma
                let exitRate = advance + gamma
                served *= advance / exitRate
                waitTerm = served / exitRate + (advance / exitRate) * waitTerm
                if m >= firstAhead {
                    let p = pi[n + m - lowest]
                    servedQueued += p * served
                    waitServed += p * waitTerm
                }
            }
        }
        let pServed = pNoWait + servedQueued

        var serviceLevel = pNoWait
        if maxAhead >= firstAhead {
            let within = probabilitiesServedWithin(
                target: targetSeconds / averageHandleTime, agents: n, abandonmentRatio: gamma,
                maxAhead: maxAhead)
            if firstAhead < within.count {
                for m in firstAhead..<within.count {
                    serviceLevel += pi[n + m - lowest] * within[m]
                }
            }
        }

        return QueueingFigures(
            agents: agents,
            offeredLoad: load,
            probabilityOfWait: pWait,
            abandonmentRate: min(1, gamma * queueLength / load),
            serviceLevel: min(1, max(0, serviceLevel)),
            averageSpeedOfAnswer: pServed > 0 ? waitServed / pServed * averageHandleTime : 0,
            averageQueueLength: queueLength,
            occupancy: busy / nD,
            targetSeconds: targetSeconds)
    }
}

extension Erlang {
    /// Truncated, normalised stationary distribution of the Erlang A birth–death chain:
    /// `probabilities[i]` is the probability (dimensionless) of `lowestState + i` calls in system.
    struct StationaryDistribution {
        /// Smallest retained state (number of calls in system).
        var lowestState: Int
        /// Probabilities of the retained states, summing to 1.
        var probabilities: [Double]
    }

    /// Traps unless arrivals (calls/hour) are finite and >= 0, AHT (seconds) is finite and > 0,
    /// agents >= 1 and the target (seconds) is finite and >= 0.
    static func checkCommonInputs(
        _ arrivalsPerHour: Double, _ averageHandleTime: Double, _ agents: Int, _ targetSeconds: Double
    ) {
        precondition(arrivalsPerHour >= 0 && arrivalsPerHour.isFinite, "arrivalsPerHour must be finite and >= 0")
        precondition(averageHandleTime > 0 && averageHandleTime.isFinite, "averageHandleTime must be finite and > 0")
        precondition(agents >= 1, "agents must be >= 1")
        precondition(targetSeconds >= 0 && targetSeconds.isFinite, "targetSeconds must be finite and >= 0")
    }

    /// Stationary distribution of the chain with birth rate `offeredLoad` and death rate
    /// min(k, n) + γ·max(k − n, 0) (time unit: the average handle time). Built outwards from
    /// the mode; each tail is cut once its geometric bound is `<= 1e-16` of the mass so far.
    static func stationaryDistribution(
        offeredLoad a: Double, agents n: Int, abandonmentRatio gamma: Double
    ) -> StationaryDistribution {
        precondition(a > 0 && gamma > 0)
        let nD = Double(n)
        let tolerance = 1e-16
        func death(_ k: Int) -> Double { k <= n ? Double(k) : nD + Double(k - n) * gamma }
        // Largest k with death(k) <= a: ratios π(k)/π(k−1) = a/death(k) are >= 1 up to here.
        let modeD = a < nD ? a.rounded(.down) : nD + ((a - nD) / gamma).rounded(.down)
        precondition(modeD < maximumModalQueue, "Erlang A: modal queue too long (see Erlang.modalQueueLength)")
        let mode = Int(modeD)

        var total = 1.0
        var below: [Double] = []  // w(mode-1), w(mode-2), …
        var weight = 1.0
        var k = mode
        while k > 0 {
            let ratio = death(k) / a  // w(k-1) / w(k); decreases as k decreases
            if ratio < 1 && weight * ratio / (1 - ratio) <= tolerance * total { break }
            weight *= ratio
            below.append(weight)
            total += weight
            k -= 1
        }
        let lowest = k

        var above: [Double] = []  // w(mode+1), w(mode+2), …
        weight = 1
        k = mode
        while true {
            let ratio = a / death(k + 1)  // w(k+1) / w(k); decreases as k increases
            if ratio < 1 && weight * ratio / (1 - ratio) <= tolerance * total { break }
            weight *= ratio
            above.append(weight)
            total += weight
            k += 1
        }

        var probabilities: [Double] = []
        probabilities.reserveCapacity(below.count + 1 + above.count)
        probabilities.append(contentsOf: below.reversed())
        probabilities.append(1)
        probabilities.append(contentsOf: above)
        let scale = 1 / total
        for i in probabilities.indices { probabilities[i] *= scale }
        return StationaryDistribution(lowestState: lowest, probabilities: probabilities)
    }

    /// Poisson(`mean`) probabilities for k = `first` ..< `first + weights.count`, computed from
    /// the mode outwards by ratios (no overflow/underflow issues for large means) and normalised;
    /// each neglected tail is `<= tolerance` relative.
    static func poissonWeights(mean x: Double, tolerance: Double) -> (first: Int, weights: [Double]) {
        guard x > 0 else { return (0, [1]) }
        let mode = Int(x.rounded(.down))
        var total = 1.0
        var below: [Double] = []
        var weight = 1.0
        var k = mode
        while k > 0 {
            let ratio = Double(k) / x  // p(k-1)/p(k)
            if ratio < 1 && weight * ratio / (1 - ratio) <= tolerance * total { break }
            weight *= ratio
            below.append(weight)
            total += weight
            k -= 1
        }
        let first = k
        var above: [Double] = []
        weight = 1
        k = mode
        while true {
            let ratio = x / Double(k + 1)  // p(k+1)/p(k)
            if ratio < 1 && weight * ratio / (1 - ratio) <= tolerance * total { break }
            weight *= ratio
            above.append(weight)
            total += weight
            k += 1
        }
        var weights = Array(below.reversed())
        weights.append(1)
        weights.append(contentsOf: above)
        let scale = 1 / total
        for i in weights.indices { weights[i] *= scale }
        return (first, weights)
    }

    /// P(answered within `target` | m calls ahead) for m = 0 ..< result.count, by uniformization.
    ///
    /// Time unit: the average handle time (μ = 1); `target` is in that unit, γ = θ/μ.
    /// The result covers m = 0 ... min(`maxAhead`, L − 1), where L is the Poisson truncation
    /// point: with more calls ahead than L − 1, service needs more than L uniformized jumps and
    /// has probability `< 1e-14`, so those entries are omitted (treated as 0).
    static func probabilitiesServedWithin(
        target tau: Double, agents n: Int, abandonmentRatio gamma: Double, maxAhead: Int
    ) -> [Double] {
        guard maxAhead >= 0 else { return [] }
        let nD = Double(n)
        let tolerance = 5e-15  // per tail: total neglected Poisson mass < 1e-14
        var top = maxAhead
        var rate = 0.0
        var poisson: (first: Int, weights: [Double]) = (0, [1])
        while true {
            rate = nD + Double(top + 1) * gamma  // max exit rate a(top) + θ among states 0...top
            poisson = poissonWeights(mean: rate * tau, tolerance: tolerance)
            let last = poisson.first + poisson.weights.count - 1
            if last - 1 >= top { break }
            top = last - 1
            if top < 0 { return [] }
        }
        let last = poisson.first + poisson.weights.count - 1
        let count = top + 1
        var down = [Double](repeating: 0, count: count)  // P(one step closer to service)
        var stay = [Double](repeating: 0, count: count)  // P(self-loop of the uniformized chain)
        for j in 0..<count {
            down[j] = (nD + Double(j) * gamma) / rate
            stay[j] = Double(top - j) * gamma / rate  // (rate − a(j) − θ) / rate, exactly
        }
        // v[j] = P(served within k uniformized jumps | j ahead); zero for j >= k.
        var v = [Double](repeating: 0, count: count)
        var result = [Double](repeating: 0, count: count)
        down.withUnsafeBufferPointer { down in
            stay.withUnsafeBufferPointer { stay in
                v.withUnsafeMutableBufferPointer { v in
                    result.withUnsafeMutableBufferPointer { result in
                        for k in 0..<last {
                            let highest = min(k, top)
                            var j = highest
                            while j > 0 {
                                v[j] = stay[j] * v[j] + down[j] * v[j - 1]
                                j -= 1
                            }
                            v[0] = stay[0] * v[0] + down[0]
                            let jumps = k + 1
                            if jumps >= poisson.first {
                                let p = poisson.weights[jumps - poisson.first]
                                for i in 0...highest { result[i] += p * v[i] }
                            }
                        }
                    }
                }
            }
        }
        for i in result.indices { result[i] = min(1, result[i]) }
        return result
    }
}
