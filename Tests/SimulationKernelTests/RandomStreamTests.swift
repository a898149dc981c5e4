import Testing
@testable import SimulationKernel

@Suite struct RandomStreamTests {
    /// Reference outputs of xoshiro256** from Vigna's C code, state {1, 2, 3, 4}.
    @Test func xoshiroMatchesReferenceImplementation() {
        var rng = Xoshiro256StarStar(seed: 0)
        rng.s0 = 1
        rng.s1 = 2
        rng.s2 = 3
        rng.s3 = 4
        let expected: [UInt64] = [11520, 0, 1509978240, 1215971899390074240]
        #expect((0..<4).map { _ in rng.next() } == expected)
    }

    /// Reference outputs of SplitMix64 seeded with 1234567 (Vigna's splitmix64.c).
    @Test func splitMixMatchesReferenceImplementation() {
        var rng = SplitMix64(seed: 1234567)
        let expected: [UInt64] = [6457827717110365317, 3203168211198807973, 9817491932198370423]
        #expect((0..<3).map { _ in rng.next() } == expected)
    }

    @Test func streamsDependOnlyOnTheirKey() {
        let key = StreamKey(seed: 2026, replication: 3, purpose: 1, subject: stableHash("billing"))
        var a = Xoshiro256StarStar(stream: key)
        var b = Xoshiro256StarStar(stream: key)
        #expect((0..<10).map { _ in a.next() } == (0..<10).map { _ in b.next() })
    }

    @Test func everyPartOfTheKeyChangesTheStream() {
        let base = StreamKey(seed: 1, replication: 0, purpose: 1, subject: 7)
        var variants = [base]
        variants.append(StreamKey(seed: 2, replication: 0, purpose: 1, subject: 7))
        variants.append(StreamKey(seed: 1, replication: 1, purpose: 1, subject: 7))
        variants.append(StreamKey(seed: 1, replication: 0, purpose: 2, subject: 7))
        variants.append(StreamKey(seed: 1, replication: 0, purpose: 1, subject: 8))
        #expect(Set(variants.map(\.seedValue)).count == variants.count)
    }

    @Test func stableHashIsFNV1a() {
        // FNV-1a 64 test vectors (Fowler, Noll, Vo).
        #expect(stableHash("") == 0xCBF2_9CE4_8422_2325)
        #expect(stableHash("a") == 0xAF63_DC4C_8601_EC8C)
        #expect(stableHash("foobar") == 0x8594_4171_F739_67E8)
    }

    @Test func openUnitNeverReachesZeroOrOne() {
        var zeros = ConstantGenerator(value: 0)
        var ones = ConstantGenerator(value: .max)
        let low = zeros.nextOpenUnit()
        let high = ones.nextOpenUnit()
        #expect(low > 0 && low < 1e-15)
        #expect(high < 1 && high > 1 - 1e-15)
    }

    /// Uniformity: a chi-square test on 64 cells, 640,000 draws; the 0.999 critical value for 63 degrees
    /// of freedom is 103.4 (scipy.stats.chi2.ppf(0.999, 63)), so a sound generator fails 1 time in 1,000 seeds.
    @Test func openUnitIsUniform() {
        var rng = Xoshiro256StarStar(seed: 42)
        var cells = [Int](repeating: 0, count: 64)
        let draws = 640_000
        for _ in 0..<draws { cells[Int(rng.nextOpenUnit() * 64)] += 1 }
        let expected = Double(draws) / 64
        let chiSquare = cells.reduce(0.0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
        #expect(chiSquare < 103.4)
    }
}

/// A degenerate generator that always returns the same word: samplers must not crash or hang on it.
struct ConstantGenerator: RandomNumberGenerator {
    var value: UInt64
    mutating func next() -> UInt64 { value }
}
