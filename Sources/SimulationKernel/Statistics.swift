/// Count, mean and variance of a stream of observations by Welford's algorithm, which stays
/// accurate where the textbook sum-of-squares formula cancels catastrophically.
public struct RunningStatistics: Sendable, Equatable {
    /// Number of observations.
    public private(set) var count: Int = 0
    /// Arithmetic mean of the observations (0 when there are none).
    public private(set) var mean: Double = 0
    /// Sum of squared deviations from the mean (Welford's M₂).
    public private(set) var sumOfSquaredDeviations: Double = 0
    /// Smallest observation (+∞ when there are none).
    public private(set) var minimum: Double = .infinity
    /// Largest observation (−∞ when there are none).
    public private(set) var maximum: Double = -.infinity

    /// Creates empty statistics.
    public init() {}

    /// Creates statistics of the given observations.
    public init<S: Sequence>(_ values: S) where S.Element == Double {
        for value in values { record(value) }
    }

    /// Adds one observation.
    public mutating func record(_ value: Double) {
        count += 1
        let delta = value - mean
        mean += delta / Double(count)
        sumOfSquaredDeviations += delta * (value - mean)
        if value < minimum { minimum = value }
        if value > maximum { maximum = value }
    }

    /// Unbiased sample variance (divisor n − 1); 0 with fewer than two observations.
    public var variance: Double { count > 1 ? sumOfSquaredDeviations / Double(count - 1) : 0 }

    /// Sample standard deviation.
    public var standardDeviation: Double { variance.squareRoot() }

    /// Combines two sets of statistics as if every observation had been recorded into one
    /// (Chan, Golub and LeVeque's pairwise update).
    public mutating func merge(_ other: RunningStatistics) {
        guard other.count > 0 else { return }
        guard count > 0 else { self = other; return }
        let total = count + other.count
        let delta = other.mean - mean
        sumOfSquaredDeviations += other.sumOfSquaredDeviations
            + delta * delta * Double(count) * Double(other.count) / Double(total)
        mean += delta * Double(other.count) / Double(total)
        count = total
        minimum = Swift.min(minimum, other.minimum)
        maximum = Swift.max(maximum, other.maximum)
    }
}

/// The time average of a piecewise-constant quantity (a queue length, a number of busy agents):
/// ∫ value dt / elapsed time, over a window that starts at `start`.
///
/// Changes dated before the start are allowed and count from the start, so a model can observe only
/// the part of a run after its warm-up without a test at every change.
public struct TimeWeightedAverage: Sendable, Equatable {
    @usableFromInline var changedAt: Double
    @usableFromInline var current: Double
    @usableFromInline var area: Double = 0
    /// Start of the observation window, in seconds.
    public let start: Double

    /// Starts observing `value` at time `start` (seconds).
    public init(start: Double = 0, value: Double = 0) {
        self.start = start
        self.changedAt = start
        self.current = value
    }

    /// The current value.
    public var value: Double { current }

    /// Sets the quantity to `newValue` from time `time` on (seconds, not earlier than the previous
    /// change; a time before the window's start counts as the start).
    @inlinable
    public mutating func update(to newValue: Double, at time: Double) {
        let effective = Swift.max(time, start)
        area += current * (effective - changedAt)
        changedAt = effective
        current = newValue
    }

    /// ∫ value dt from the start up to `time` (seconds, not earlier than the last change).
    public func integral(upTo time: Double) -> Double {
        area + current * (Swift.max(time, start) - changedAt)
    }

    /// The time average from the start up to `time` (seconds); 0 over an empty window.
    public func average(upTo time: Double) -> Double {
        time > start ? integral(upTo: time) / (time - start) : 0
    }
}

/// A fixed-memory histogram of non-negative values with logarithmic buckets, for percentiles of
/// waiting times.
///
/// Each power-of-two octave is split into 128 equal buckets, read straight from the bits of the
/// `Double` (exponent and top seven mantissa bits), so recording costs a shift and an add. A quantile is
/// reported as the midpoint of its bucket: **relative error at most 1/256 ≈ 0.4 %** for values from
/// 2⁻¹⁰ s (about 1 ms) to 2⁴⁰ s. Values below 2⁻¹⁰ (including exact zeros: calls answered at once)
/// are counted as 0 (absolute error under 1 ms); larger values than 2⁴⁰ s are clamped.
/// Memory: 6,400 counters (50 KiB), whatever the number of observations.
public struct LogHistogram: Sendable, Equatable {
    @usableFromInline static let mantissaBits: UInt64 = 7
    @usableFromInline static let smallestExponent = -10
    @usableFromInline static let largestExponent = 40
    @usableFromInline static let firstBucketKey: UInt64 =
        (UInt64(1023 + smallestExponent) << 52) >> (52 - mantissaBits)
    @usableFromInline static let bucketCount = (largestExponent - smallestExponent) << Int(mantissaBits)

    @usableFromInline var zeros: UInt64 = 0
    @usableFromInline var buckets: [UInt64]
    @usableFromInline var total: UInt64 = 0

    /// Observations below 2⁻¹⁰ (reported as 0).
    public var zeroCount: UInt64 { zeros }
    /// Number of observations.
    public var count: UInt64 { total }

    /// Creates an empty histogram.
    public init() {
        buckets = Array(repeating: 0, count: LogHistogram.bucketCount)
    }

    /// Records one observation (negative values count as 0).
    @inlinable
    public mutating func record(_ value: Double) {
        total &+= 1
        let key = value.bitPattern &>> (52 &- LogHistogram.mantissaBits)
        // Negative numbers have the sign bit set and so a huge key: they are clamped below, not above.
        if value < 0x1p-10 {
            zeros &+= 1
            return
        }
        let index = Swift.min(Int(truncatingIfNeeded: key &- LogHistogram.firstBucketKey), LogHistogram.bucketCount - 1)
        buckets[index] &+= 1
    }

    /// The value at quantile `p` (0 ≤ p ≤ 1) by the nearest-rank rule: the smallest recorded value
    /// with at least ⌈p·n⌉ observations at or below it, reported as its bucket's midpoint.
    /// - Returns: `nil` when the histogram is empty.
    public func quantile(_ p: Double) -> Double? {
        guard count > 0 else { return nil }
        let rank = Swift.max(1, UInt64((p * Double(count)).rounded(.up)))
        var seen = zeroCount
        if seen >= rank { return 0 }
        for index in buckets.indices {
            seen += buckets[index]
            if seen >= rank { return LogHistogram.midpoint(ofBucket: index) }
        }
        return LogHistogram.midpoint(ofBucket: buckets.count - 1)
    }

    /// The number of observations at or below `value`, at the histogram's resolution: a bucket counts
    /// when its midpoint is at or below `value` (as ``quantile(_:)`` reports it).
    public func count(atMost value: Double) -> UInt64 {
        guard value >= 0 else { return 0 }
        var seen = zeros
        for index in buckets.indices where buckets[index] > 0 {
            guard LogHistogram.midpoint(ofBucket: index) <= value else { break }
            seen += buckets[index]
        }
        return seen
    }

    /// Adds the observations of `other`.
    public mutating func merge(_ other: LogHistogram) {
        total += other.total
        zeros += other.zeros
        for index in buckets.indices { buckets[index] += other.buckets[index] }
    }

    static func midpoint(ofBucket index: Int) -> Double {
        let lowerBits = (UInt64(index) + firstBucketKey) << (52 - mantissaBits)
        let lower = Double(bitPattern: lowerBits)
        let upper = Double(bitPattern: lowerBits + (1 << (52 - mantissaBits)))
        return (lower + upper) / 2
    }
}

/// A mean over independent replications and its two-sided Student-t confidence interval.
public struct ConfidenceInterval: Sendable, Equatable {
    /// Number of replications the estimate rests on.
    public var count: Int
    /// Mean over replications.
    public var mean: Double
    /// Half width of the interval (same unit as the mean); `nil` with fewer than two replications.
    public var halfWidth: Double?
    /// Confidence level, for example 0.95.
    public var confidence: Double

    /// Lower bound (`nil` with fewer than two replications).
    public var lower: Double? { halfWidth.map { mean - $0 } }
    /// Upper bound (`nil` with fewer than two replications).
    public var upper: Double? { halfWidth.map { mean + $0 } }

    /// The interval mean ± t₍₁₋α/₂, n−1₎ · s/√n of the given per-replication values.
    /// - Parameters:
    ///   - values: one value per replication (at least one).
    ///   - confidence: confidence level in (0, 1), 0.95 by default.
    public init(values: [Double], confidence: Double = 0.95) {
        precondition(!values.isEmpty, "a confidence interval needs at least one value")
        self.init(statistics: RunningStatistics(values), confidence: confidence)
    }

    /// The interval of the observations summarised in `statistics`.
    public init(statistics: RunningStatistics, confidence: Double = 0.95) {
        count = statistics.count
        mean = statistics.mean
        self.confidence = confidence
        if statistics.count > 1 {
            let t = StudentT.criticalValue(confidence: confidence, degreesOfFreedom: Double(statistics.count - 1))
            halfWidth = t * statistics.standardDeviation / Double(statistics.count).squareRoot()
        } else {
            halfWidth = nil
        }
    }
}
