#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// log Γ(x) through the reentrant `lgamma_r` (the tuple-returning overload): plain `lgamma` writes the
/// C global `signgam`, a data race when replications or analyses run on several threads.
@inline(__always)
func logGamma(_ x: Double) -> Double {
    let (value, _) = lgamma(x)
    return value
}

/// The regularized incomplete beta function Iₓ(a, b), for 0 ≤ x ≤ 1 and a, b > 0.
///
/// Evaluated by its continued fraction (modified Lentz's method, Numerical Recipes §6.4), on the side
/// of the symmetry Iₓ(a, b) = 1 − I₁₋ₓ(b, a) where the fraction converges fast; relative accuracy
/// about 10⁻¹⁴ for the parameters of Student's t.
/// - Precondition: 0 ≤ x ≤ 1, a > 0, b > 0.
public func regularizedIncompleteBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
    precondition(x >= 0 && x <= 1 && a > 0 && b > 0, "regularizedIncompleteBeta needs 0 ≤ x ≤ 1, a > 0, b > 0")
    if x == 0 || x == 1 { return x }
    let logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * log(x) + b * log1p(-x)
    if x < (a + 1) / (a + b + 2) {
        return exp(logFront) * betaContinuedFraction(x, a, b) / a
    }
    return 1 - exp(logFront) * betaContinuedFraction(1 - x, b, a) / b
}

/// The continued fraction of the incomplete beta function (modified Lentz).
private func betaContinuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
    let tiny = 1e-300
    var c = 1.0
    var d = 1 - (a + b) * x / (a + 1)
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var result = d
    for m in 1...10_000 {
        let m = Double(m)
        let m2 = 2 * m
        var numerator = m * (b - m) * x / ((a + m2 - 1) * (a + m2))
        d = 1 + numerator * d
        if abs(d) < tiny { d = tiny }
        c = 1 + numerator / c
        if abs(c) < tiny { c = tiny }
        d = 1 / d
        result *= d * c
        numerator = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1))
        d = 1 + numerator * d
        if abs(d) < tiny { d = tiny }
        c = 1 + numerator / c
        if abs(c) < tiny { c = tiny }
        d = 1 / d
        let step = d * c
        result *= step
        if abs(step - 1) < 1e-16 { break }
    }
    return result
}

/// The standard normal distribution.
public enum StandardNormal {
    /// P(Z ≤ x), accurate in both tails (through `erfc`).
    public static func cdf(_ x: Double) -> Double {
        0.5 * erfc(-x / 2.0.squareRoot())
    }

    /// The x with P(Z ≤ x) = p, for 0 < p < 1: Acklam's rational approximation (relative error
    /// 1.15·10⁻⁹) refined by one Halley step to full double precision.
    /// - Precondition: 0 < p < 1.
    public static func quantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "StandardNormal.quantile needs 0 < p < 1")
        // 1 − p is exact for p ≥ ½ (Sterbenz), so the upper half mirrors the lower one exactly.
        if p > 0.5 { return -quantile(1 - p) }
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                 -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        var x: Double
        if p < 0.02425 {
            let q = (-2 * log(p)).squareRoot()
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else {
            let q = p - 0.5
            let r = q * q
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        }
        // One Halley step on F(x) − p (F accurate in the lower tail through erfc).
        let u = (cdf(x) - p) * (2 * Double.pi).squareRoot() * exp(x * x / 2)
        x -= u / (1 + x * u / 2)
        return x
    }
}

/// Student's t distribution with ν > 0 degrees of freedom (not necessarily whole).
public enum StudentT {
    /// P(T ≤ t) through the incomplete beta function: for t ≥ 0, 1 − ½·I_{ν/(ν+t²)}(ν/2, ½).
    /// - Precondition: ν > 0, t not NaN.
    public static func cdf(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(nu > 0 && !t.isNaN, "StudentT.cdf needs ν > 0 and a number")
        if t.isInfinite { return t > 0 ? 1 : 0 }
        let tail = 0.5 * regularizedIncompleteBeta(nu / (nu + t * t), nu / 2, 0.5)
        return t >= 0 ? 1 - tail : tail
    }

    /// The t with P(T ≤ t) = p, for 0 < p < 1: bisection to a bracket, then Newton steps on the
    /// distribution function, to about 10⁻¹² relative.
    /// - Precondition: 0 < p < 1, ν > 0.
    public static func quantile(_ p: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(p > 0 && p < 1 && nu > 0, "StudentT.quantile needs 0 < p < 1 and ν > 0")
        if p == 0.5 { return 0 }
        if p < 0.5 { return -quantile(1 - p, degreesOfFreedom: nu) }
        // Bracket [low, high] with cdf(low) ≤ p ≤ cdf(high); the normal quantile is a lower bound
        // for p > ½ (t has heavier tails), and doubling finds an upper one.
        var low = 0.0
        var high = Swift.max(1, StandardNormal.quantile(p))
        while cdf(high, degreesOfFreedom: nu) < p { low = high; high *= 2 }
        var x = (low + high) / 2
        for _ in 0..<200 {
            let f = cdf(x, degreesOfFreedom: nu) - p
            if f > 0 { high = x } else { low = x }
            let density = exp(logGamma((nu + 1) / 2) - logGamma(nu / 2) - 0.5 * log(nu * Double.pi)
                - (nu + 1) / 2 * log1p(x * x / nu))
            var next = x - f / density
            if !(next > low && next < high) { next = (low + high) / 2 }
            if abs(next - x) <= 1e-13 * abs(x) { return next }
            x = next
        }
        return x
    }

    /// The two-sided critical value t₍(1+c)/2, ν₎ of a confidence interval at level `confidence`
    /// (0.95 gives the 0.975 quantile).
    /// - Precondition: 0 < confidence < 1, ν > 0.
    public static func criticalValue(confidence: Double, degreesOfFreedom nu: Double) -> Double {
        quantile((1 + confidence) / 2, degreesOfFreedom: nu)
    }
}
