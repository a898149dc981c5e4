import Foundation
import Testing
@testable import SimulationKernel

@Suite struct StatisticsTests {
    @Test func welfordMatchesTwoPassFormulas() {
        let values = [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]
        let stats = RunningStatistics(values)
        #expect(stats.mean == 1e9 + 10)
        #expect(stats.variance == 30)  // exact despite the large offset
        #expect(stats.minimum == 1e9 + 4 && stats.maximum == 1e9 + 16)
    }

    @Test func mergeEqualsRecordingEverything() {
        var rng = Xoshiro256StarStar(seed: 11)
        let values = (0..<1000).map { _ in rng.nextOpenUnit() * 100 }
        var left = RunningStatistics(values[..<300])
        left.merge(RunningStatistics(values[300...]))
        let all = RunningStatistics(values)
        #expect(left.count == all.count)
        #expect(abs(left.mean - all.mean) < 1e-12)
        #expect(abs(left.variance - all.variance) < 1e-9)
    }

    @Test func timeWeightedAverageIntegratesStepFunction() {
        var average = TimeWeightedAverage(start: 0, value: 0)
        average.update(to: 2, at: 10)   // 0 on [0,10)
        average.update(to: 5, at: 20)   // 2 on [10,20)
        #expect(average.integral(upTo: 30) == 20 + 50)  // 5 on [20,30)
        #expect(average.average(upTo: 30) == 70.0 / 30)
    }

    @Test func timeWeightedAverageCountsChangesBeforeItsStartFromTheStart() {
        var average = TimeWeightedAverage(start: 100)
        average.update(to: 3, at: 40)    // before the window: no area yet
        average.update(to: 1, at: 150)   // 3 on [100, 150)
        #expect(average.integral(upTo: 200) == 3 * 50 + 1 * 50)
        #expect(average.average(upTo: 200) == 2)
    }

    @Test func histogramQuantilesWithinStatedRelativeError() {
        var rng = Xoshiro256StarStar(seed: 5)
        var histogram = LogHistogram()
        var values: [Double] = []
        for _ in 0..<100_000 {
            let value = -30 * log(rng.nextOpenUnit())
            values.append(value)
            histogram.record(value)
        }
        values.sort()
        for p in [0.01, 0.5, 0.9, 0.99, 0.999] {
            let exact = values[Int((p * Double(values.count)).rounded(.up)) - 1]
            let estimate = histogram.quantile(p)!
            #expect(abs(estimate - exact) / exact <= 1.0 / 256, "p=\(p): \(estimate) vs \(exact)")
        }
    }

    @Test func histogramCountsZerosAndClampsExtremes() {
        var histogram = LogHistogram()
        #expect(histogram.quantile(0.5) == nil)
        for _ in 0..<60 { histogram.record(0) }
        for _ in 0..<40 { histogram.record(1e20) }
        histogram.record(-.infinity)
        histogram.record(.nan)
        #expect(histogram.count == 102)
        #expect(histogram.quantile(0.5) == 0)
        #expect(histogram.quantile(1)! > 1e12)
    }

    @Test func histogramMergeAddsCounts() {
        var a = LogHistogram(), b = LogHistogram()
        for v in [1.0, 2, 3] { a.record(v) }
        for v in [4.0, 5] { b.record(v) }
        a.merge(b)
        #expect(a.count == 5)
        #expect(abs(a.quantile(1)! - 5) / 5 <= 1.0 / 256)
    }

    /// 95 % interval of {1, 2, 3, 4, 5}: 3 ± t(0.975, 4)·√2.5/√5 = 3 ± 2.776445105·0.7071068
    /// (scipy.stats.t.ppf(0.975, 4) = 2.7764451051977987).
    @Test func confidenceIntervalUsesStudentT() {
        let interval = ConfidenceInterval(values: [1, 2, 3, 4, 5])
        #expect(interval.mean == 3)
        #expect(abs(interval.halfWidth! - 2.7764451051977987 * (0.5).squareRoot()) < 1e-9)
        #expect(ConfidenceInterval(values: [7]).halfWidth == nil)
    }
}
