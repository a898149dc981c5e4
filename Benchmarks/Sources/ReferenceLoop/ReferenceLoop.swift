// The practical limit of the Erlang A benchmark in Swift: a minimal hand-written loop, as the
// performance issue describes it (two event kinds, a 4-ary heap, lazy abandonment, no statistics
// beyond three counters), to measure ccsim's whole path against on the same machine.
//
// The loop is `@inlinable @inline(__always)`, so each executable compiles it with its own flags:
// `reference-loop` in plain release mode, `reference-loop-unchecked` with `-Ounchecked` (no overflow
// or bounds checks). ccsim itself is built in plain release mode only.
import Foundation

/// What one run of the reference loop counted.
public struct ReferenceCounts {
    /// Calls that arrived.
    public var calls = 0
    /// Calls an agent answered.
    public var answered = 0
    /// Calls whose patience ran out in the queue.
    public var abandoned = 0

    /// All zero.
    @inlinable public init() {}
}

/// M/M/`agents`+M: Poisson arrivals at `perSecond`, exponential talk of mean `talkMean` seconds and
/// patience of mean `patienceMean` seconds, FIFO, until `calls` calls have arrived. A caller whose
/// patience ended is found gone when an agent reaches them (lazy abandonment: no patience events).
@inlinable @inline(__always)
public func referenceErlangA(calls: Int, perSecond: Double, talkMean: Double, patienceMean: Double, agents: Int, seed: UInt64) -> ReferenceCounts {
    // xoshiro256**, seeded by splitmix64.
    var state: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    var mix = seed
    func splitmix() -> UInt64 {
        mix &+= 0x9E37_79B9_7F4A_7C15
        var z = mix
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    state = (splitmix(), splitmix(), splitmix(), splitmix())
    func uniform() -> Double {
        let result = ((state.1 &* 5) << 7 | (state.1 &* 5) >> 57) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = state.3 << 45 | state.3 >> 19
        return (Double(result >> 11) + 0.5) * 0x1p-53
    }

    // Events: time and kind (0 arrival, 1 an agent frees), in a 4-ary min-heap.
    var times: [Double] = []
    var kinds: [UInt8] = []
    times.reserveCapacity(agents + 16)
    kinds.reserveCapacity(agents + 16)
    func push(_ time: Double, _ kind: UInt8) {
        times.append(time)
        kinds.append(kind)
        var hole = times.count - 1
        while hole > 0 {
            let parent = (hole - 1) / 4
            if times[parent] <= time { break }
            times[hole] = times[parent]
            kinds[hole] = kinds[parent]
            hole = parent
        }
        times[hole] = time
        kinds[hole] = kind
    }
    func pop() -> (Double, UInt8) {
        let top = (times[0], kinds[0])
        let lastTime = times.removeLast()
        let lastKind = kinds.removeLast()
        let count = times.count
        if count == 0 { return top }
        var hole = 0
        while true {
            let first = 4 * hole + 1
            if first >= count { break }
            var best = first
            var child = first + 1
            while child < min(first + 4, count) {
                if times[child] < times[best] { best = child }
                child += 1
            }
            if times[best] >= lastTime { break }
            times[hole] = times[best]
            kinds[hole] = kinds[best]
            hole = best
        }
        times[hole] = lastTime
        kinds[hole] = lastKind
        return top
    }

    // The queue: the deadline of each waiting caller, a growable ring.
    var deadlines = [Double](repeating: 0, count: 1024)
    var head = 0
    var waiting = 0
    var free = agents
    var counts = ReferenceCounts()
    push(-log(uniform()) / perSecond, 0)
    while counts.calls < calls {
        let (now, kind) = pop()
        if kind == 0 {
            counts.calls += 1
            push(now - log(uniform()) / perSecond, 0)
            let talk = -talkMean * log(uniform())
            let patience = -patienceMean * log(uniform())
            if free > 0 {
                free -= 1
                counts.answered += 1
                push(now + talk, 1)
            } else {
                if waiting == deadlines.count {
                    var bigger = [Double](repeating: 0, count: 2 * deadlines.count)
                    for k in 0..<waiting { bigger[k] = deadlines[(head + k) % deadlines.count] }
                    deadlines = bigger
                    head = 0
                }
                deadlines[(head + waiting) % deadlines.count] = now + patience
                waiting += 1
            }
        } else {
            free += 1
            while waiting > 0 {
                let deadline = deadlines[head]
                head = (head + 1) % deadlines.count
                waiting -= 1
                if deadline > now {
                    free -= 1
                    counts.answered += 1
                    push(now - talkMean * log(uniform()), 1)
                    break
                }
                counts.abandoned += 1
            }
        }
    }
    return counts
}

/// Runs the reference loop on the Erlang A benchmark (1,200 calls/h, 300 s, 60 s, 95 agents) for
/// each count of calls in the arguments (default 12,000,000, the 10,000 hours of the whole-path
/// figure) and prints calls per second; `label` names the build. Inlined into each executable too,
/// so that the loop is compiled there, with that executable's flags.
@inlinable @inline(__always)
public func referenceLoopMain(label: String) {
    let counts = CommandLine.arguments.dropFirst().compactMap { Int($0) }
    print("build                  calls      seconds  calls_per_second  abandonment")
    for calls in counts.isEmpty ? [12_000_000] : counts {
        let clock = ContinuousClock()
        var result = ReferenceCounts()
        let elapsed = clock.measure {
            result = referenceErlangA(calls: calls, perSecond: 1_200.0 / 3_600, talkMean: 300, patienceMean: 60, agents: 95, seed: 2026)
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let abandonment = Double(result.abandoned) / Double(result.answered + result.abandoned)
        print(label.padding(toLength: 21, withPad: " ", startingAt: 0), String(result.calls).padding(toLength: 10, withPad: " ", startingAt: 0),
              String(format: "%7.3f  %16.0f  %10.4f", seconds, Double(result.calls) / seconds, abandonment))
    }
}
