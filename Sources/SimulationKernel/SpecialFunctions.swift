// SpecialFunctions.swift
//
// Special functions for the statistics part of the simulation kernel:
// the standard normal and Student's t distributions (CDF and quantile) and the
// regularized incomplete beta function they rest on.
//
// Self-contained: it uses only the C math library (no Foundation). Every helper
// is `private` and prefixed with `sf` so the file can be dropped into any module.
//
// Algorithms:
// - Standard normal CDF: ½·erfc(−x/√2), with −x/√2 carried in double-double so
//   the lower tail keeps full relative accuracy.
// - Standard normal quantile: Wichura (1988), Algorithm AS 241, PPND16.
// - Regularized incomplete beta: continued fraction evaluated by the modified
//   Lentz method, with the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) chosen so the
//   fraction converges quickly; the prefactor x^a (1−x)^b / B(a, b) is formed in
//   logarithms with a Stirling-corrected log B(a, b) that stays accurate for
//   large arguments.
// - Student's t CDF: I_x(ν/2, ½) with x = ν/(ν + t²); for ν ≥ 1e5 Hill's (1970,
//   CACM Algorithm 395) asymptotic normalizing transformation, whose error there
//   is below 1e−17 relative.
// - Student's t quantile: closed forms for ν = 1 and ν = 2; otherwise Newton's
//   method in log|t| started from a one-sided bound (so it converges
//   monotonically), safeguarded by a bracket with geometric bisection.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Standard normal

/// The standard normal distribution N(0, 1).
public enum StandardNormal {
    /// The cumulative distribution function Φ(x) = P(Z ≤ x) of the standard normal distribution.
    ///
    /// Computed as ½·erfc(−x/√2), with the scaled argument carried to extra precision,
    /// so the lower tail keeps close to full relative accuracy down to underflow
    /// (Φ(−10) ≈ 7.62e−24, Φ(−38) ≈ 2.9e−316). In the upper tail the result is
    /// 1 − (tiny) rounded to a double, so it reads exactly 1 for x ≳ 8.3;
    /// use `cdf(-x)` to get an upper-tail probability with full relative accuracy.
    ///
    /// - Parameter x: Any value; ±infinity give 0 and 1.
    /// - Returns: Φ(x) in [0, 1].
    /// - Precondition: `x` is not NaN.
    public static func cdf(_ x: Double) -> Double {
        precondition(!x.isNaN, "StandardNormal.cdf: x must not be NaN")
        if x.isInfinite { return x < 0 ? 0 : 1 }
        // w = −x/√2 as wHi + wLo (1/√2 = sfInvSqrt2Hi + sfInvSqrt2Lo).
        let negX = -x
        let wHi = negX * sfInvSqrt2Hi
        let wLo = (-wHi).addingProduct(negX, sfInvSqrt2Hi) + negX * sfInvSqrt2Lo
        // erfc(wHi + wLo) ≈ erfc(wHi) − (2/√π)·exp(−wHi²)·wLo.
        let value = 0.5 * (erfc(wHi) - sfTwoOverSqrtPi * exp(-wHi * wHi) * wLo)
        return min(max(value, 0), 1)
    }

    /// The quantile function Φ⁻¹(p) of the standard normal distribution: the `z` with Φ(z) = p.
    ///
    /// Wichura's Algorithm AS 241 (PPND16), accurate to about 1e−16 relative over the whole
    /// range of doubles in (0, 1). For p > ½ the tail probability 1 − p is formed exactly, so
    /// precision in the upper tail is limited only by how finely doubles near 1 resolve p.
    ///
    /// - Parameter p: A probability strictly between 0 and 1.
    /// - Returns: The p-quantile of N(0, 1); negative for p < ½, 0 for p = ½.
    /// - Precondition: `0 < p < 1` (NaN is rejected).
    public static func quantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "StandardNormal.quantile: p must lie strictly between 0 and 1")
        let q = p - 0.5
        if abs(q) <= 0.425 {
            let r = 0.180625 - q * q
            let num = (((((((2.5090809287301226727e+3 * r + 3.3430575583588128105e+4) * r
                + 6.7265770927008700853e+4) * r + 4.5921953931549871457e+4) * r
                + 1.3731693765509461125e+4) * r + 1.9715909503065514427e+3) * r
                + 1.3314166789178437745e+2) * r + 3.3871328727963666080e+0)
            let den = (((((((5.2264952788528545610e+3 * r + 2.8729085735721942674e+4) * r
                + 3.9307895800092710610e+4) * r + 2.1213794301586595867e+4) * r
                + 5.3941960214247511077e+3) * r + 6.8718700749205790830e+2) * r
                + 4.2313330701600911252e+1) * r + 1.0)
            return q * num / den
        }
        // Tail: r = sqrt(−log(min(p, 1 − p))); 1 − p is exact for p ≥ ½.
        var r = sqrt(-log(q < 0 ? p : 1 - p))
        let z: Double
        if r <= 5 {
            r -= 1.6
            let num = (((((((7.74545014278341407640e-4 * r + 2.27238449892691845833e-2) * r
                + 2.41780725177450611770e-1) * r + 1.27045825245236838258e+0) * r
                + 3.64784832476320460504e+0) * r + 5.76949722146069140550e+0) * r
                + 4.63033784615654529590e+0) * r + 1.42343711074968357734e+0)
            let den = (((((((1.05075007164441684324e-9 * r + 5.47593808499534494600e-4) * r
                + 1.51986665636164571966e-2) * r + 1.48103976427480074590e-1) * r
                + 6.89767334985100004550e-1) * r + 1.67638483018380384940e+0) * r
                + 2.05319162663775882187e+0) * r + 1.0)
            z = num / den
        } else {
            r -= 5
            let num = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r
                + 1.24266094738807843860e-3) * r + 2.65321895265761230930e-2) * r
                + 2.96560571828504891230e-1) * r + 1.78482653991729133580e+0) * r
                + 5.46378491116411436990e+0) * r + 6.65790464350110377720e+0)
            let den = (((((((2.04426310338993978564e-15 * r + 1.42151175831644588870e-7) * r
                + 1.84631831751005468180e-5) * r + 7.86869131145613259100e-4) * r
                + 1.48753612908506148525e-2) * r + 1.36929880922735805310e-1) * r
                + 5.99832206555887937690e-1) * r + 1.0)
            z = num / den
        }
        return q < 0 ? -z : z
    }
}

// MARK: - Student's t

/// Student's t distribution with `degreesOfFreedom` ν (> 0, may be non-integer).
///
/// `degreesOfFreedom` may also be `+infinity`, which gives the standard normal distribution.
/// Accuracy is close to full double precision: relative error typically below 1e−14 for the
/// CDF (in either tail, computed as the smaller tail) and below 1e−13 for the quantile.
public enum StudentT {
    /// The cumulative distribution function P(T ≤ t) of Student's t distribution.
    ///
    /// Evaluated through the regularized incomplete beta function,
    /// P(T ≤ −|t|) = ½·I_x(ν/2, ½) with x = ν/(ν + t²), computing whichever of the tail and the
    /// central part is small directly, so the lower tail keeps full relative accuracy
    /// (e.g. P(T ≤ −50) with ν = 3 ≈ 1.2e−5 is exact to ~1e−15). For t > 0 the result is
    /// 1 − (upper tail) rounded to a double; use `cdf(-t, …)` for upper-tail probabilities.
    /// For ν ≥ 1e5 Hill's asymptotic transformation to the normal is used instead (its error
    /// is far below double precision there).
    ///
    /// - Parameters:
    ///   - t: Any value; ±infinity give 0 and 1.
    ///   - degreesOfFreedom: ν > 0; `+infinity` gives the standard normal CDF.
    /// - Returns: P(T ≤ t) in [0, 1].
    /// - Precondition: `t` is not NaN; `degreesOfFreedom > 0` (NaN is rejected).
    public static func cdf(_ t: Double, degreesOfFreedom: Double) -> Double {
        precondition(!t.isNaN, "StudentT.cdf: t must not be NaN")
        precondition(degreesOfFreedom > 0, "StudentT.cdf: degreesOfFreedom must be > 0")
        if degreesOfFreedom == .infinity { return StandardNormal.cdf(t) }
        if t == 0 { return 0.5 }
        let parts = sfStudentTParts(abs(t), degreesOfFreedom)
        return t < 0 ? parts.tail : 0.5 + parts.center
    }

    /// The quantile function of Student's t distribution: the `t` with P(T ≤ t) = p.
    ///
    /// Closed forms for ν = 1 (Cauchy) and ν = 2; otherwise the CDF is inverted by Newton's
    /// method on log|t|, started from a one-sided bound and safeguarded by bracketing and
    /// geometric bisection, to about 1e−15 relative (limited by the CDF's own accuracy,
    /// i.e. ~1e−13 relative or better). Near p = ½ the central probability |p − ½| is used,
    /// so tiny quantiles keep full relative accuracy.
    ///
    /// For very heavy tails (small ν with p near 0 or 1) the exact quantile can exceed the
    /// largest double; the result is then ±infinity.
    ///
    /// - Parameters:
    ///   - p: A probability strictly between 0 and 1.
    ///   - degreesOfFreedom: ν > 0; `+infinity` gives the standard normal quantile.
    /// - Returns: The p-quantile; negative for p < ½ and exactly 0 for p = ½.
    /// - Precondition: `0 < p < 1`; `degreesOfFreedom > 0` (NaN is rejected for both).
    public static func quantile(_ p: Double, degreesOfFreedom: Double) -> Double {
        precondition(p > 0 && p < 1, "StudentT.quantile: p must lie strictly between 0 and 1")
        precondition(degreesOfFreedom > 0, "StudentT.quantile: degreesOfFreedom must be > 0")
        let df = degreesOfFreedom
        if p == 0.5 { return 0 }
        if df == .infinity { return StandardNormal.quantile(p) }
        let lowerHalf = p < 0.5
        // Tail probability min(p, 1 − p) (exact) and central probability |p − ½|
        // (exact whenever p ≥ ¼; otherwise it is ≥ ¼ and carries one rounding).
        let q = lowerHalf ? p : 1 - p
        let c = lowerHalf ? 0.5 - p : p - 0.5
        let magnitude: Double
        if df == 1 {
            // Cauchy: |t| = cot(πq) = tan(πc).
            if q < 1e-8 {
                magnitude = (1 / Double.pi) / q
            } else if q < 0.25 {
                magnitude = 1 / tan(Double.pi * q)
            } else {
                magnitude = tan(Double.pi * c)
            }
        } else if df == 2 {
            // F(t) = ½ + t / (2·sqrt(2 + t²))  ⇒  |t| = 2c / sqrt(2q(1 − q)).
            magnitude = (2 * c) / sqrt(2 * q * (1 - q))
        } else {
            magnitude = sfStudentTUpperQuantile(q: q, c: c, df: df)
        }
        return lowerHalf ? -magnitude : magnitude
    }

    /// The two-sided critical value t_{1−α/2, ν} for a confidence level 1 − α.
    ///
    /// For example `confidence: 0.95` returns the 0.975 quantile (≈ 2.262 for ν = 9), so that
    /// mean ± criticalValue · standardError is a 95 % confidence interval. The upper-tail
    /// probability α/2 = (1 − confidence)/2 is formed directly, so confidences very close to
    /// 1 are handled without loss of precision. Values for `confidence == 0.95` and integer
    /// ν in 1...1000 come from a table computed once, on first use, with this same function.
    ///
    /// - Parameters:
    ///   - confidence: The two-sided confidence level, strictly between 0 and 1.
    ///   - degreesOfFreedom: ν > 0; `+infinity` gives the normal critical value.
    /// - Returns: A positive critical value.
    /// - Precondition: `0 < confidence < 1`; `degreesOfFreedom > 0` (NaN is rejected for both).
    public static func criticalValue(confidence: Double, degreesOfFreedom: Double) -> Double {
        precondition(confidence > 0 && confidence < 1,
                     "StudentT.criticalValue: confidence must lie strictly between 0 and 1")
        precondition(degreesOfFreedom > 0, "StudentT.criticalValue: degreesOfFreedom must be > 0")
        if confidence == 0.95, degreesOfFreedom >= 1, degreesOfFreedom <= 1000,
           degreesOfFreedom == degreesOfFreedom.rounded(.towardZero) {
            return sfCritical95Table[Int(degreesOfFreedom) - 1]
        }
        return sfCriticalValue(confidence: confidence, degreesOfFreedom: degreesOfFreedom)
    }

    /// Uncached critical value (also used to build the table, so both paths agree exactly).
    private static func sfCriticalValue(confidence: Double, degreesOfFreedom: Double) -> Double {
        let halfAlpha = 0.5 * (1 - confidence)
        return -quantile(halfAlpha, degreesOfFreedom: degreesOfFreedom)
    }

    /// t_{0.975, ν} for ν = 1...1000, built lazily (thread-safe static initialization).
    private static let sfCritical95Table: [Double] = (1...1000).map {
        sfCriticalValue(confidence: 0.95, degreesOfFreedom: Double($0))
    }
}

// MARK: - Regularized incomplete beta

/// The regularized incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b).
///
/// I_x(a, b) is the CDF at `x` of the Beta(a, b) distribution. It is evaluated with the
/// classical continued fraction (modified Lentz method), using the symmetry
/// I_x(a, b) = 1 − I_{1−x}(b, a) whenever x > (a + 1)/(a + b + 2) so the fraction converges
/// fast; the prefactor x^a (1−x)^b / B(a, b) is formed in logarithms. The result has close to
/// full relative accuracy whenever it is below about ½ (and full absolute accuracy always).
/// For very large a and b (≳ 1e6) the logarithmic prefactor limits relative accuracy to
/// roughly (a + b)·1e−16, and the fraction needs O(√max(a, b)) terms.
///
/// - Parameters:
///   - x: The upper integration limit, in [0, 1]; I_0 = 0 and I_1 = 1.
///   - a: First shape parameter, finite and > 0.
///   - b: Second shape parameter, finite and > 0.
/// - Returns: I_x(a, b) in [0, 1].
/// - Precondition: `0 ≤ x ≤ 1`, `a > 0`, `b > 0`, `a` and `b` finite (NaN is rejected).
public func regularizedIncompleteBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
    precondition(x >= 0 && x <= 1, "regularizedIncompleteBeta: x must lie in [0, 1]")
    precondition(a > 0 && a.isFinite, "regularizedIncompleteBeta: a must be finite and > 0")
    precondition(b > 0 && b.isFinite, "regularizedIncompleteBeta: b must be finite and > 0")
    if x == 0 { return 0 }
    if x == 1 { return 1 }
    // 1 − x is exact for x ≥ ½; for x < ½ log1p keeps log(1 − x) accurate.
    let parts = sfIncompleteBeta(a: a, b: b, x: x, y: 1 - x, logX: log(x), logY: log1p(-x))
    return parts.lower
}

// MARK: - Private helpers

private let sfInvSqrt2Hi = 0.7071067811865476          // 1/√2 rounded to double
private let sfInvSqrt2Lo = -4.833646656726457e-17      // 1/√2 − sfInvSqrt2Hi
private let sfTwoOverSqrtPi = 1.1283791670955126       // 2/√π
private let sfHalfLog2Pi = 0.9189385332046728          // ½·log(2π)
private let sfLn2 = 0.6931471805599453                 // log 2

/// Degrees of freedom from which Student's t uses Hill's asymptotic transformation.
private let sfHillThreshold = 1e5

/// log Γ(x) for x > 0 (re-entrant `lgamma_r` through the overlay's tuple form).
private func sfLogGamma(_ x: Double) -> Double {
    let (value, _) = lgamma(x)
    return value
}

/// Stirling-series remainder δ(x) = log Γ(x) − [(x − ½) log x − x + ½ log 2π], for x ≥ 10.
private func sfStirlingCorrection(_ x: Double) -> Double {
    let z = 1 / x
    let z2 = z * z
    var s = -3617.0 / 122_400.0
    s = s * z2 + 1.0 / 156.0
    s = s * z2 - 691.0 / 360_360.0
    s = s * z2 + 1.0 / 1188.0
    s = s * z2 - 1.0 / 1680.0
    s = s * z2 + 1.0 / 1260.0
    s = s * z2 - 1.0 / 360.0
    s = s * z2 + 1.0 / 12.0
    return s * z
}

/// log B(a, b) for a, b > 0, without the cancellation of lgamma differences at large arguments.
private func sfLogBeta(_ a: Double, _ b: Double) -> Double {
    let p = min(a, b)
    let q = max(a, b)
    if p >= 10 {
        let corr = sfStirlingCorrection(p) + sfStirlingCorrection(q) - sfStirlingCorrection(p + q)
        let ratio = p / (p + q)
        return -0.5 * log(q) + sfHalfLog2Pi + corr + (p - 0.5) * log(ratio) + q * log1p(-ratio)
    }
    if q >= 10 {
        let corr = sfStirlingCorrection(q) - sfStirlingCorrection(p + q)
        return sfLogGamma(p) + corr + p - p * log(p + q) + (q - 0.5) * log1p(-p / (p + q))
    }
    return sfLogGamma(p) + sfLogGamma(q) - sfLogGamma(p + q)
}

/// I_x(a, b) and its complement, each also as a logarithm.
private struct SFBetaParts {
    var lower: Double      // I_x(a, b)
    var upper: Double      // 1 − I_x(a, b)
    var logLower: Double
    var logUpper: Double
}

/// Regularized incomplete beta with caller-supplied x, y = 1 − x and their logarithms
/// (so callers that know 1 − x or the logs more accurately than `1 - x` can pass them).
/// Requires 0 < x < 1 in exact arithmetic; `x` itself may have underflowed to 0.
private func sfIncompleteBeta(a: Double, b: Double, x: Double, y: Double,
                              logX: Double, logY: Double) -> SFBetaParts {
    if x * (a + b + 2) < a + 1 {
        let logDirect = a * logX + b * logY - sfLogBeta(a, b) + log(sfBetaContinuedFraction(a, b, x) / a)
        let direct = min(exp(logDirect), 1)
        return SFBetaParts(lower: direct, upper: 1 - direct,
                           logLower: min(logDirect, 0), logUpper: log1p(-direct))
    } else {
        let logDirect = b * logY + a * logX - sfLogBeta(b, a) + log(sfBetaContinuedFraction(b, a, y) / b)
        let direct = min(exp(logDirect), 1)
        return SFBetaParts(lower: 1 - direct, upper: direct,
                           logLower: log1p(-direct), logUpper: min(logDirect, 0))
    }
}

/// The continued fraction for I_x(a, b) (Numerical Recipes `betacf`), modified Lentz method.
/// Converges quickly for x < (a + 1)/(a + b + 2); needs O(√max(a, b)) terms in the worst case.
private func sfBetaContinuedFraction(_ a: Double, _ b: Double, _ x: Double) -> Double {
    let tiny = 1e-300
    let qab = a + b
    let qap = a + 1
    let qam = a - 1
    var c = 1.0
    var d = 1 - qab * x / qap
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var h = d
    let maxIterations = 1000 + Int(min(10 * max(a, b).squareRoot(), 1e7))
    var m = 1
    while m <= maxIterations {
        let dm = Double(m)
        let m2 = 2 * dm
        // Even step.
        var aa = dm * (b - dm) * x / ((qam + m2) * (a + m2))
        d = 1 + aa * d
        if abs(d) < tiny { d = tiny }
        c = 1 + aa / c
        if abs(c) < tiny { c = tiny }
        d = 1 / d
        h *= d * c
        // Odd step.
        aa = -(a + dm) * (qab + dm) * x / ((a + m2) * (qap + m2))
        d = 1 + aa * d
        if abs(d) < tiny { d = tiny }
        c = 1 + aa / c
        if abs(c) < tiny { c = tiny }
        d = 1 / d
        let delta = d * c
        h *= delta
        if abs(delta - 1) <= Double.ulpOfOne { break }
        sfDebugCF += 1
        m += 1
    }
    return h
}

/// For s = |t| > 0: the upper tail P(T > s) and the central part P(0 < T < s), with logs.
private struct SFStudentTParts {
    var tail: Double
    var center: Double
    var logTail: Double
    var logCenter: Double
}

private func sfStudentTParts(_ s: Double, _ df: Double) -> SFStudentTParts {
    if s == .infinity {
        return SFStudentTParts(tail: 0, center: 0.5, logTail: -.infinity, logCenter: -sfLn2)
    }
    if df >= sfHillThreshold {
        return sfStudentTPartsHill(s, df)
    }
    // x = ν/(ν + s²) = 1/(1 + r²), y = r²/(1 + r²), with r = s/√ν; logs formed without
    // under- or overflow of r².
    let r = s / df.squareRoot()
    let logR = log(r)
    let x: Double, y: Double, logX: Double, logY: Double
    if r <= 1 {
        let u = r * r
        let l1pu = log1p(u)
        x = 1 / (1 + u)
        y = u / (1 + u)
        logX = -l1pu
        logY = 2 * logR - l1pu
    } else {
        let invR = 1 / r
        let v = invR * invR
        let l1pv = log1p(v)
        x = v / (1 + v)
        y = 1 / (1 + v)
        logX = -2 * logR - l1pv
        logY = -l1pv
    }
    let parts = sfIncompleteBeta(a: 0.5 * df, b: 0.5, x: x, y: y, logX: logX, logY: logY)
    return SFStudentTParts(tail: 0.5 * parts.lower, center: 0.5 * parts.upper,
                           logTail: parts.logLower - sfLn2, logCenter: parts.logUpper - sfLn2)
}

/// Hill (1970), CACM Algorithm 395: P(T > s) = Φ(−z) with
/// z = sqrt(w)·(1 + (w + 3 + r(w))/b), w = (ν − ½)·log(1 + s²/ν), b = 48(ν − ½)².
/// Relative error below 1e−17 for ν ≥ 1e5 across the representable range.
private func sfStudentTPartsHill(_ s: Double, _ df: Double) -> SFStudentTParts {
    let a = df - 0.5
    let bb = 48 * a * a
    let r = s / df.squareRoot()
    let log1pR2 = r <= 1e150 ? log1p(r * r) : 2 * log(r)
    let w = a * log1pR2
    let correction = ((((-0.4 * w - 3.3) * w - 24) * w - 85.5) / (0.8 * w * w + 100 + bb) + w + 3) / bb
    let z = (1 + correction) * w.squareRoot()
    let tail = StandardNormal.cdf(-z)
    let center = 0.5 * erf(z * sfInvSqrt2Hi)
    let logTail: Double
    if tail > 1e-300 {
        logTail = log(tail)
    } else {
        // Asymptotic log Φ(−z) for z > 37.
        let iz2 = 1 / (z * z)
        logTail = -0.5 * z * z - log(z) - sfHalfLog2Pi + log1p(iz2 * (-1 + iz2 * (3 - 15 * iz2)))
    }
    return SFStudentTParts(tail: tail, center: center, logTail: logTail, logCenter: log(center))
}

/// log f(s) for the t density, given log B(ν/2, ½).
private func sfStudentTLogPdf(_ s: Double, _ df: Double, logBetaHalf: Double) -> Double {
    let r = s / df.squareRoot()
    let log1pR2 = r <= 1e150 ? log1p(r * r) : 2 * log(r)
    return -logBetaHalf - 0.5 * log(df) - 0.5 * (df + 1) * log1pR2
}

/// The s > 0 with P(T > s) = q, equivalently P(0 < T < s) = c (c = ½ − q, supplied exactly
/// when q ≥ ¼). Newton's method on log s; safeguarded by a bracket and geometric bisection.
private func sfStudentTUpperQuantile(q: Double, c: Double, df: Double) -> Double {
    let logBetaHalf = sfLogBeta(0.5 * df, 0.5)
    let logDf = log(df)
    let logPdf0 = -logBetaHalf - 0.5 * logDf

    // Lower bound from the central part: P(0 < T < s) ≤ f(0)·s.
    let centralLowerBound = exp(log(c) - logPdf0)
    // Central formulation where the quantile is in the body (keeps tiny quantiles exact);
    // tail formulation otherwise.
    let useCentral = c < 0.25 && (df >= 1 || centralLowerBound <= 0.5 * df.squareRoot())

    let logTarget = useCentral ? log(c) : log(q)
    // G(s) is increasing in s, concave in log s for the central formulation (so Newton from
    // the lower bound converges monotonically) and convex for the tail formulation (so Newton
    // from the upper bound converges monotonically).
    func evaluate(_ s: Double) -> (g: Double, slope: Double) {
        let parts = sfStudentTParts(s, df)
        let logPdf = sfStudentTLogPdf(s, df, logBetaHalf: logBetaHalf)
        if useCentral {
            return (parts.logCenter - logTarget, exp(log(s) + logPdf - parts.logCenter))
        } else {
            return (logTarget - parts.logTail, exp(log(s) + logPdf - parts.logTail))
        }
    }

    var lo = 0.0
    var hi = Double.infinity
    var s: Double
    if useCentral {
        lo = centralLowerBound
        s = centralLowerBound
    } else {
        // Upper bound from the power-law tail: f(t) ≤ k ν^((ν+1)/2) t^−(ν+1)
        // ⇒ P(T > s) ≤ exp(−log B(ν/2, ½) + (ν/2 − 1) log ν − ν log s).
        let logUpper = (-logBetaHalf + (0.5 * df - 1) * logDf - log(q)) / df
        let powerLawBound = exp(logUpper)
        hi = powerLawBound
        s = powerLawBound
        if df >= 1 {
            // Cornish–Fisher expansion about the normal quantile (Abramowitz & Stegun 26.7.5):
            // usually much closer than the bound when ν is moderate or large.
            let z = -StandardNormal.quantile(q)
            let z2 = z * z
            let g1 = (z2 + 1) * z / 4
            let g2 = ((5 * z2 + 16) * z2 + 3) * z / 96
            let g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384
            let cornishFisher = z + (g1 + (g2 + g3 / df) / df) / df
            if cornishFisher > 0 && cornishFisher < s { s = cornishFisher }
        }
        if !s.isFinite { s = .greatestFiniteMagnitude }
    }

    for _ in 0..<200 {
        sfDebugNewton += 1
        let (g, slope) = evaluate(s)
        if g == 0 { return s }
        if g > 0 {
            hi = min(hi, s)
        } else {
            lo = max(lo, s)
            if s == .greatestFiniteMagnitude { return .infinity }
        }
        var next = s * exp(-g / slope)
        if abs(next - s) <= 1e-15 * s { return next }
        if !(next > lo && next < hi) {
            // Newton left the bracket (or failed): bisect geometrically, or expand.
            if lo > 0 && hi.isFinite {
                next = lo.squareRoot() * hi.squareRoot()
            } else if hi.isFinite {
                next = hi / 16
            } else {
                next = min(lo * 16, .greatestFiniteMagnitude)
            }
        }
        if hi - lo <= 1e-15 * lo { return next }
        s = next
    }
    return s
}

nonisolated(unsafe) public var sfDebugCF = 0 // DEBUG
nonisolated(unsafe) public var sfDebugNewton = 0 // DEBUG
