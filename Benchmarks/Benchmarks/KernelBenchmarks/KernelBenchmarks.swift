// Benchmarks of the simulation kernel: the event queue at heap sizes from 16 to 100,000, the
// random generator, and sampling from each distribution. Each iteration does 1,000 operations
// (scaling factor .kilo), so the reported wall time and throughput are per operation and the malloc
// count is per 1,000 operations (it must be 0: nothing of the kernel allocates in steady state).
//
//   swift package --package-path Benchmarks benchmark --target KernelBenchmarks
import Benchmark
import SimulationKernel

/// A queue kept at a constant size by the "hold" model of event-list studies: each operation removes
/// the next event and schedules a new one a random time later, as a simulation's event loop does.
struct HoldModel: ~Copyable {
    var queue: EventQueue
    var rng = Xoshiro256StarStar(seed: 2026)
    var now = 0.0

    init(size: Int) {
        queue = EventQueue(minimumCapacity: size + 1)
        for index in 0..<size {
            queue.schedule(at: Double(size) * rng.nextOpenUnit(), payload: UInt64(index))
        }
    }

    /// `count` hold operations, in one call so that the loop works on the struct in place.
    @inline(never)
    mutating func hold(_ count: Int) {
        for _ in 0..<count {
            let event = queue.removeMin()
            now = event.time
            // Uniform increments with mean equal to the heap size keep the queue's shape stationary.
            queue.schedule(at: now + 2 * Double(queue.count) * rng.nextOpenUnit(), payload: event.payload)
        }
    }
}

/// Keeps a ``HoldModel`` between the iterations of a benchmark (the heap is built once, at start).
final class HoldModelBox: @unchecked Sendable {
    var model: HoldModel
    init(size: Int) { model = HoldModel(size: size) }
}

let benchmarks: @Sendable () -> Void = {
    // Wall time on a shared 2-core machine is noise (see scripts/check-instructions.sh for a stable
    // measure); these tolerances only flag changes of a different order. Allocations are exact.
    let thresholds: [BenchmarkMetric: BenchmarkThresholds] = [
        .wallClock: .init(relative: [.p90: 50.0]),
        .throughput: .init(relative: [.p90: 50.0]),
        .mallocCountTotal: .init(absolute: [.p90: 0]),
    ]

    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        warmupIterations: 3,
        scalingFactor: .kilo,
        maxDuration: .milliseconds(300),
        maxIterations: 2_000,
        thresholds: thresholds)

    for size in [16, 100, 1_000, 10_000, 100_000] {
        let box = HoldModelBox(size: size)
        Benchmark("EventQueue-hold-\(size)") { benchmark in
            box.model.hold(benchmark.scaledIterations.count)
            blackHole(box.model.now)
        }
    }

    Benchmark("EventQueue-fill-drain-1000") { benchmark in
        var queue = EventQueue(minimumCapacity: 1_000)
        var rng = Xoshiro256StarStar(seed: 7)
        for _ in 0..<3 {
            for index in benchmark.scaledIterations {
                queue.schedule(at: 1_000 * rng.nextOpenUnit(), payload: UInt64(index))
            }
            while let event = queue.popMin() { blackHole(event.payload) }
        }
    }

    Benchmark("Xoshiro256StarStar-next") { benchmark in
        var rng = Xoshiro256StarStar(seed: 2026)
        var sum: UInt64 = 0
        for _ in benchmark.scaledIterations {
            sum &+= rng.next()
        }
        blackHole(sum)
    }

    Benchmark("Xoshiro256StarStar-nextOpenUnit") { benchmark in
        var rng = Xoshiro256StarStar(seed: 2026)
        var sum = 0.0
        for _ in benchmark.scaledIterations {
            sum += rng.nextOpenUnit()
        }
        blackHole(sum)
    }

    let distributions: [(String, Distribution)] = [
        ("exponential-mean300", .exponential(mean: 300)),
        ("lognormal-mean150-cv0.7", .lognormal(mean: 150, cv: 0.7)),
        ("gamma-mean210-cv0.9", .gamma(mean: 210, cv: 0.9)),  // shape < 1: Stuart's boost
        ("gamma-mean210-cv0.5", .gamma(mean: 210, cv: 0.5)),  // shape 4
        ("erlang-mean300-k3", .erlang(mean: 300, k: 3)),
        ("weibull-mean150-shape0.8", .weibull(mean: 150, shape: 0.8)),
        ("uniform-30-90", .uniform(min: 30, max: 90)),
        ("deterministic-45", .deterministic(45)),
        ("empirical-8values", .empirical([30, 45, 60, 90, 120, 180, 240, 600])),
    ]
    for (name, distribution) in distributions {
        Benchmark("Distribution-\(name)") { benchmark in
            var rng = Xoshiro256StarStar(seed: 2026)
            var sum = 0.0
            for _ in benchmark.scaledIterations {
                sum += distribution.sample(using: &rng)
            }
            blackHole(sum)
        }
    }
}
