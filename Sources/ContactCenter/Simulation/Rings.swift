/// A caller on hold: when they arrived, when their patience runs out, and the work they bring.
struct WaitingCall {
    /// Arrival time, in seconds.
    var arrival: Double
    /// Time the caller hangs up if still waiting (`+∞` for a caller who never does), in seconds.
    var deadline: Double
    /// Talk time the call will take, in seconds; negative once the call has left the queue.
    var talk: Double
    /// After-call work the call will take, in seconds.
    var wrapUp: Double
    /// The contact's issue, attempt, cohort membership and reporting interval.
    var issue = Issue(attempt: 1, counted: false, interval: 0)
    /// The contact's own call type when it waits in another type's queue (misrouted), else -1.
    var ownType: Int32 = -1

    var hasLeft: Bool { talk < 0 }

    /// `ownType` of a transferred contact back in its own queue, answered once already.
    static let transferLeg: Int32 = -2

    var isTransferLeg: Bool { ownType == WaitingCall.transferLeg }

    /// The call type the contact belongs to, when it waits in the queue of `queue`.
    @inline(__always)
    func owner(inQueue queue: Int) -> Int { ownType >= 0 ? Int(ownType) : queue }
}

/// The first-in first-out queue of one call type: a growable ring buffer addressed by absolute,
/// wrapping 32-bit positions, so that an abandonment event can name its caller's slot and find out
/// in O(1) whether the caller is still there. Callers who abandon are marked and skipped lazily.
struct CallQueue {
    private var buffer: ContiguousArray<WaitingCall>
    private var mask: UInt32
    /// Absolute position of the oldest slot still held.
    private(set) var head: UInt32 = 0
    /// Absolute position of the next slot to fill.
    private(set) var tail: UInt32 = 0
    /// Callers waiting (slots held minus callers marked as gone).
    private(set) var waiting = 0

    /// Slots held, callers gone but not yet skipped included: the queue's memory, 40 bytes each.
    var slotsHeld: Int { Int(tail &- head) }

    /// An empty queue whose first caller gets `firstPosition` (tests start near the wrap-around).
    init(firstPosition: UInt32 = 0) {
        buffer = ContiguousArray(repeating: WaitingCall(arrival: 0, deadline: 0, talk: -1, wrapUp: 0), count: 16)
        mask = 15
        head = firstPosition
        tail = firstPosition
    }

    /// Appends a caller and returns their absolute position.
    @inline(__always)
    mutating func append(_ call: WaitingCall) -> UInt32 {
        if tail &- head == UInt32(buffer.count) { grow() }
        let position = tail
        buffer[Int(position & mask)] = call
        tail &+= 1
        waiting += 1
        return position
    }

    /// The oldest caller still waiting, after dropping the slots of callers who left.
    @inline(__always)
    mutating func front() -> WaitingCall? {
        while head != tail {
            let call = buffer[Int(head & mask)]
            if !call.hasLeft { return call }
            head &+= 1
        }
        return nil
    }

    /// Removes the oldest waiting caller (call ``front()`` first).
    @inline(__always)
    mutating func removeFront() {
        buffer[Int(head & mask)].talk = -1
        head &+= 1
        waiting -= 1
    }

    /// The caller at `position` if still waiting.
    @inline(__always)
    func caller(at position: UInt32) -> WaitingCall? {
        guard position &- head < tail &- head else { return nil }
        let call = buffer[Int(position & mask)]
        return call.hasLeft ? nil : call
    }

    /// Marks the caller at `position` as gone (they must be waiting).
    @inline(__always)
    mutating func remove(at position: UInt32) {
        buffer[Int(position & mask)].talk = -1
        waiting -= 1
    }

    /// Every caller still waiting, oldest first.
    var waitingCalls: [WaitingCall] {
        var result: [WaitingCall] = []
        var position = head
        while position != tail {
            let call = buffer[Int(position & mask)]
            if !call.hasLeft { result.append(call) }
            position &+= 1
        }
        return result
    }

    private mutating func grow() {
        let oldCount = buffer.count
        var bigger = ContiguousArray(repeating: WaitingCall(arrival: 0, deadline: 0, talk: -1, wrapUp: 0), count: oldCount * 2)
        let newMask = UInt32(oldCount * 2 - 1)
        var position = head
        while position != tail {
            bigger[Int(position & newMask)] = buffer[Int(position & mask)]
            position &+= 1
        }
        buffer = bigger
        mask = newMask
    }
}

/// The idle agents of one group, longest idle first: agents join at the back when they free up, so
/// the front is always the agent who has been idle longest.
///
/// Entries carry the agent's generation at the time it became idle; an agent that goes off shift or
/// is taken while its entry waits leaves a stale entry behind, which is skipped when it reaches the
/// front (lazy deletion, O(1) amortised). The ring grows when stale entries pile up.
struct IdleAgents {
    private var buffer: ContiguousArray<UInt64>
    private var mask: Int
    private var head = 0
    private(set) var count = 0

    /// A ring with room for `capacity` entries before it grows.
    init(capacity: Int) {
        var size = 1
        while size < Swift.max(capacity, 1) { size <<= 1 }
        buffer = ContiguousArray(repeating: 0, count: size)
        mask = size - 1
    }

    var isEmpty: Bool { count == 0 }

    /// The oldest entry: an agent and its generation then (the ring must not be empty).
    @inline(__always)
    var front: (agent: Int, generation: UInt32) {
        let entry = buffer[head]
        return (Int(entry >> 32), UInt32(truncatingIfNeeded: entry))
    }

    @inline(__always)
    mutating func append(_ agent: Int, generation: UInt32) {
        if count == buffer.count { grow() }
        buffer[(head + count) & mask] = UInt64(agent) << 32 | UInt64(generation)
        count += 1
    }

    @inline(__always)
    mutating func removeFront() {
        head = (head + 1) & mask
        count -= 1
    }

    private mutating func grow() {
        var bigger = ContiguousArray<UInt64>(repeating: 0, count: buffer.count * 2)
        for offset in 0..<count { bigger[offset] = buffer[(head + offset) & mask] }
        buffer = bigger
        mask = bigger.count - 1
        head = 0
    }
}
