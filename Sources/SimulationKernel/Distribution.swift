#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A probability distribution of a non-negative duration (seconds) or other quantity, parameterised
/// the way planners state it (a mean and a coefficient of variation, a mean and a shape, ...).
///
/// Sampling takes the generator as `inout`, is never biased at the edges (uniforms come from the open
/// interval (0, 1), so `log` never sees 0), never loops without bound (rejection samplers fall back to
/// a deterministic approximation after 64 rejections, which a real generator reaches with probability
/// below 10⁻⁴⁰), and never traps on a degenerate generator that returns only zeros or only ones.
public struct Distribution: Sendable, Equatable {
    @usableFromInline
    enum Kind: Sendable, Equatable {
        case exponential(mean: Double)
        case lognormal(mu: Double, sigma: Double)
        case gamma(shape: Double, scale: Double)
        case erlang(k: Int, scale: Double)
        case weibull(shape: Double, scale: Double)
        case uniform(min: Double, max: Double)
        case deterministic(Double)
        case empirical([Double])
    }

    @usableFromInline let kind: Kind
    /// The mean when `kind` is exponential, else NaN. ``sample(using:)`` reads it first, so the most
    /// common draw of a queueing model (exponential gaps, patience, talk) takes neither the switch
    /// over `kind` nor a copy of it; the draw is the same expression, so the same bits.
    @usableFromInline let exponentialMean: Double

    @usableFromInline init(kind: Kind) {
        self.kind = kind
        if case .exponential(let mean) = kind { exponentialMean = mean } else { exponentialMean = .nan }
    }

    /// Whether two distributions are the same family with the same parameters.
    public static func == (lhs: Distribution, rhs: Distribution) -> Bool { lhs.kind == rhs.kind }

    /// Exponential with the given mean (> 0).
    public static func exponential(mean: Double) -> Distribution {
        precondition(mean.isFinite && mean > 0, "exponential mean must be finite and > 0")
        return Distribution(kind: .exponential(mean: mean))
    }

    /// Lognormal with the given mean (> 0) and coefficient of variation (≥ 0; below 10⁻⁶ gives the constant mean).
    public static func lognormal(mean: Double, cv: Double) -> Distribution {
        precondition(mean.isFinite && mean > 0 && cv.isFinite && cv >= 0, "lognormal needs mean > 0, cv ≥ 0")
        if cv < 1e-6 { return .deterministic(mean) }  // below that, the variation is lost in rounding
        let sigma2 = log1p(cv * cv)
        return Distribution(kind: .lognormal(mu: log(mean) - sigma2 / 2, sigma: sigma2.squareRoot()))
    }

    /// Gamma with the given mean (> 0) and coefficient of variation (≥ 0): shape 1/cv², scale mean·cv²
    /// (below 10⁻⁶ the constant mean).
    public static func gamma(mean: Double, cv: Double) -> Distribution {
        precondition(mean.isFinite && mean > 0 && cv.isFinite && cv >= 0, "gamma needs mean > 0, cv ≥ 0")
        if cv < 1e-6 { return .deterministic(mean) }  // a shape above 10¹² would overflow the sampler
        return Distribution(kind: .gamma(shape: 1 / (cv * cv), scale: mean * cv * cv))
    }

    /// Erlang: the sum of `k` (≥ 1) exponential phases, with the given total mean (> 0).
    public static func erlang(mean: Double, k: Int) -> Distribution {
        precondition(mean.isFinite && mean > 0 && k >= 1, "erlang needs mean > 0, k ≥ 1")
        return Distribution(kind: .erlang(k: k, scale: mean / Double(k)))
    }

    /// Weibull with the given mean (> 0) and shape (> 0); the scale is mean / Γ(1 + 1/shape).
    public static func weibull(mean: Double, shape: Double) -> Distribution {
        precondition(mean.isFinite && mean > 0 && shape.isFinite && shape > 0, "weibull needs mean > 0, shape > 0")
        let scale = mean / tgamma(1 + 1 / shape)
        precondition(scale.isFinite && scale > 0, "weibull scale out of range; shape too small")
        return Distribution(kind: .weibull(shape: shape, scale: scale))
    }

    /// Uniform on [min, max] with 0 ≤ min ≤ max.
    public static func uniform(min: Double, max: Double) -> Distribution {
        precondition(min.isFinite && max.isFinite && min <= max, "uniform needs min ≤ max")
        return Distribution(kind: .uniform(min: min, max: max))
    }

    /// Always `value`.
    public static func deterministic(_ value: Double) -> Distribution {
        precondition(value.isFinite, "deterministic value must be finite")
        return Distribution(kind: .deterministic(value))
    }

    /// Resamples the given observations, each with equal probability (at least one value).
    public static func empirical(_ values: [Double]) -> Distribution {
        precondition(!values.isEmpty && values.allSatisfy(\.isFinite), "empirical needs finite values")
        return Distribution(kind: .empirical(values))
    }

    /// The distribution of `factor` × X: the same shape and coefficient of variation, every draw scaled,
    /// so a stream yields the same callers, each `factor` times as long (common random numbers).
    /// - Parameter factor: a finite scale ≥ 0; 0 gives the constant 0.
    public func scaled(by factor: Double) -> Distribution {
        precondition(factor.isFinite && factor >= 0, "scale factor must be finite and ≥ 0")
        if factor == 0 { return .deterministic(0) }
        switch kind {
        case .exponential(let mean): return Distribution(kind: .exponential(mean: mean * factor))
        case .lognormal(let mu, let sigma): return Distribution(kind: .lognormal(mu: mu + log(factor), sigma: sigma))
        case .gamma(let shape, let scale): return Distribution(kind: .gamma(shape: shape, scale: scale * factor))
        case .erlang(let k, let scale): return Distribution(kind: .erlang(k: k, scale: scale * factor))
        case .weibull(let shape, let scale): return Distribution(kind: .weibull(shape: shape, scale: scale * factor))
        case .uniform(let lo, let hi): return Distribution(kind: .uniform(min: lo * factor, max: hi * factor))
        case .deterministic(let value): return Distribution(kind: .deterministic(value * factor))
        case .empirical(let values): return Distribution(kind: .empirical(values.map { $0 * factor }))
        }
    }

    /// The exact mean of the distribution.
    public var mean: Double {
        switch kind {
        case .exponential(let mean): return mean
        case .lognormal(let mu, let sigma): return exp(mu + sigma * sigma / 2)
        case .gamma(let shape, let scale): return shape * scale
        case .erlang(let k, let scale): return Double(k) * scale
        case .weibull(let shape, let scale): return scale * tgamma(1 + 1 / shape)
        case .uniform(let lo, let hi): return (lo + hi) / 2
        case .deterministic(let value): return value
        case .empirical(let values): return values.reduce(0, +) / Double(values.count)
        }
    }

    /// The exact variance of the distribution.
    public var variance: Double {
        switch kind {
        case .exponential(let mean): return mean * mean
        case .lognormal(let mu, let sigma): return expm1(sigma * sigma) * exp(2 * mu + sigma * sigma)
        case .gamma(let shape, let scale): return shape * scale * scale
        case .erlang(let k, let scale): return Double(k) * scale * scale
        case .weibull(let shape, let scale):
            let g1 = tgamma(1 + 1 / shape)
            return scale * scale * (tgamma(1 + 2 / shape) - g1 * g1)
        case .uniform(let lo, let hi): return (hi - lo) * (hi - lo) / 12
        case .deterministic: return 0
        case .empirical(let values):
            let m = values.reduce(0, +) / Double(values.count)
            return values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count)
        }
    }

    /// Draws one value.
    /// - Parameter rng: the stream to draw from.
    /// - Returns: a sample, finite for every generator output.
    @inlinable @inline(__always)
    public func sample<G: RandomNumberGenerator>(using rng: inout G) -> Double {
        if !exponentialMean.isNaN { return -exponentialMean * log(rng.nextOpenUnit()) }
        return sampleByKind(using: &rng)
    }

    /// ``sample(using:)`` of any family, by a switch over `kind`.
    @inlinable
    func sampleByKind<G: RandomNumberGenerator>(using rng: inout G) -> Double {
        switch kind {
        case .exponential(let mean):
            return -mean * log(rng.nextOpenUnit())
        case .deterministic(let value):
            return value
        case .lognormal(let mu, let sigma):
            return exp(mu + sigma * Distribution.standardNormal(using: &rng))
        case .gamma(let shape, let scale):
            return scale * Distribution.standardGamma(shape: shape, using: &rng)
        case .erlang(let k, let scale):
            if k <= 16 {
                var sum = 0.0
                for _ in 0..<k { sum -= log(rng.nextOpenUnit()) }
                return scale * sum
            }
            return scale * Distribution.standardGamma(shape: Double(k), using: &rng)
        case .weibull(let shape, let scale):
            return scale * pow(-log(rng.nextOpenUnit()), 1 / shape)
        case .uniform(let lo, let hi):
            return lo + (hi - lo) * rng.nextOpenUnit()
        case .empirical(let values):
            let index = Int(truncatingIfNeeded: rng.next().multipliedFullWidth(by: UInt64(values.count)).high)
            return values[index]
        }
    }

    /// A standard normal variate by the Box–Muller transform (no rejection, so it cannot loop).
    @inlinable
    static func standardNormal<G: RandomNumberGenerator>(using rng: inout G) -> Double {
        let radius = (-2 * log(rng.nextOpenUnit())).squareRoot()
        return radius * cos(2 * Double.pi * rng.nextOpenUnit())
    }

    /// A Gamma(shape, 1) variate by Marsaglia and Tsang (2000), with Stuart's boost for shape < 1.
    ///
    /// After 64 rejections in a row (probability below 10⁻⁴⁰ for shape ≥ 1 with a sound generator,
    /// certain with a constant one) it returns the Wilson–Hilferty approximation of the last normal
    /// draw, so the call always ends.
    @inlinable
    static func standardGamma<G: RandomNumberGenerator>(shape: Double, using rng: inout G) -> Double {
        if shape < 1 {
            let boosted = standardGamma(shape: shape + 1, using: &rng)
            return boosted * pow(rng.nextOpenUnit(), 1 / shape)
        }
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        var x = 0.0
        for _ in 0..<64 {
            x = standardNormal(using: &rng)
            let base = 1 + c * x
            if base <= 0 { continue }
            let v = base * base * base
            let u = rng.nextOpenUnit()
            let x2 = x * x
            if u < 1 - 0.0331 * x2 * x2 || log(u) < 0.5 * x2 + d * (1 - v + log(v)) {
                return d * v
            }
        }
        let base = Swift.max(1 + c * x, 0)
        return d * base * base * base
    }
}
