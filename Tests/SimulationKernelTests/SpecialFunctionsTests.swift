import Foundation
import Testing
@testable import SimulationKernel

/// Every expected value below is from SciPy 1.17 (`scipy.stats.t`, `scipy.stats.norm`,
/// `scipy.special.betainc`).
@Suite struct SpecialFunctionsTests {
    private func close(_ value: Double, _ expected: Double, relative: Double = 1e-10) -> Bool {
        abs(value - expected) <= relative * abs(expected)
    }

    /// scipy.stats.t.ppf(0.975, df)
    @Test(arguments: [
        (1.0, 12.706204736174694), (2, 4.302652729749462), (3, 3.1824463052837078), (4, 2.7764451051977934),
        (5, 2.5705818356363146), (9, 2.262157162798205), (19, 2.0930240544083087), (29, 2.045229642132703),
        (99, 1.9842169515864174), (999, 1.9623414611334493), (7.5, 2.333039626864974),
    ])
    func studentQuantileMatchesSciPy(degreesOfFreedom: Double, expected: Double) {
        #expect(close(StudentT.quantile(0.975, degreesOfFreedom: degreesOfFreedom), expected))
        #expect(close(StudentT.criticalValue(confidence: 0.95, degreesOfFreedom: degreesOfFreedom), expected))
        #expect(close(StudentT.quantile(0.025, degreesOfFreedom: degreesOfFreedom), -expected))
    }

    @Test func studentTailQuantiles() {
        #expect(close(StudentT.quantile(0.9995, degreesOfFreedom: 9), 4.780912585931217))  // t.ppf(0.9995, 9)
        #expect(close(StudentT.quantile(0.995, degreesOfFreedom: 1.5), 17.820310514462804))  // t.ppf(0.995, 1.5)
    }

    @Test func studentDistributionFunctionMatchesSciPyIncludingFarTails() {
        #expect(close(StudentT.cdf(-50, degreesOfFreedom: 3), 8.808576020635984e-06, relative: 1e-9))
        #expect(close(StudentT.cdf(2.5, degreesOfFreedom: 7.5), 0.9805898708631873))
        #expect(close(StudentT.cdf(-3.2, degreesOfFreedom: 19), 0.0023570945141315916, relative: 1e-9))
        #expect(close(StudentT.cdf(-8, degreesOfFreedom: 4), 0.0006619484546085836, relative: 1e-9))
        #expect(StudentT.cdf(0, degreesOfFreedom: 5) == 0.5)
        #expect(StudentT.cdf(.infinity, degreesOfFreedom: 5) == 1)
        // One degree of freedom is the Cauchy distribution: ½ + atan(t)/π.
        for t in [-30.0, -1, 0.3, 4, 100] {
            #expect(close(StudentT.cdf(t, degreesOfFreedom: 1), 0.5 + atan(t) / Double.pi, relative: 1e-12))
        }
    }

    @Test func studentQuantileInvertsTheDistributionFunction() {
        for nu in [1.0, 2.5, 10, 60, 400] {
            for p in [0.001, 0.05, 0.3, 0.7, 0.95, 0.999] {
                let t = StudentT.quantile(p, degreesOfFreedom: nu)
                #expect(close(StudentT.cdf(t, degreesOfFreedom: nu), p, relative: 1e-11), "ν=\(nu) p=\(p)")
            }
        }
    }

    /// scipy.stats.norm.ppf(p)
    @Test func normalQuantileMatchesSciPy() {
        #expect(close(StandardNormal.quantile(1e-10), -6.361340902404056, relative: 1e-12))
        #expect(close(StandardNormal.quantile(0.025), -1.9599639845400545, relative: 1e-12))
        #expect(StandardNormal.quantile(0.5) == 0 || abs(StandardNormal.quantile(0.5)) < 1e-15)
        #expect(close(StandardNormal.quantile(0.975), 1.959963984540054, relative: 1e-12))
        #expect(close(StandardNormal.quantile(1 - 1e-10), 6.361340889697422, relative: 1e-12))
        #expect(close(StandardNormal.cdf(-10), 7.61985302416047e-24, relative: 1e-12))  // norm.cdf(-10)
    }

    /// scipy.special.betainc(a, b, x)
    @Test func incompleteBetaMatchesSciPy() {
        #expect(close(regularizedIncompleteBeta(0.3, 2.5, 0.5), 0.018927124071945658))
        #expect(close(regularizedIncompleteBeta(0.9, 10, 3), 0.889130022255))
        #expect(close(regularizedIncompleteBeta(0.5, 0.5, 0.5), 0.5))
        #expect(regularizedIncompleteBeta(0, 2, 3) == 0)
        #expect(regularizedIncompleteBeta(1, 2, 3) == 1)
    }
}
