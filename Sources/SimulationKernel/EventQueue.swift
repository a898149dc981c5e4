/// One scheduled event: when it happens, its insertion order, and an opaque payload.
///
/// The kernel does not interpret `payload`; a model packs into it whatever identifies the event
/// (a kind and an index, say). Events are ordered by `time`, then by `sequence`, so events at the same
/// time run first-in first-out and a run is reproducible.
public struct Event: Sendable, Equatable {
    /// The bit pattern of `time`. For the non-negative times the queue accepts, the order of these
    /// integers is the order of the times, so (time, sequence) compares as one 128-bit integer,
    /// without a branch.
    @usableFromInline var timeBits: UInt64
    /// Insertion order, unique within one ``EventQueue`` (within both heaps of a ``PendingEvents``);
    /// breaks ties between equal times.
    public var sequence: UInt64
    /// Model-defined data: the kernel only stores and returns it.
    public var payload: UInt64

    /// Simulated time of the event, in seconds (≥ 0).
    @inlinable public var time: Double {
        get { Double(bitPattern: timeBits) }
        set { timeBits = Event.bits(of: newValue) }
    }

    /// Creates an event.
    /// - Parameters:
    ///   - time: simulated time, in seconds; finite or `+∞`, and ≥ 0 (`-0` counts as `0`).
    ///   - sequence: insertion order (the queue assigns it).
    ///   - payload: model-defined data.
    @inlinable
    public init(time: Double, sequence: UInt64, payload: UInt64) {
        self.timeBits = Event.bits(of: time)
        self.sequence = sequence
        self.payload = payload
    }

    /// The ordering bits of a time: checks that it is ≥ 0 (which rules out NaN) and folds `-0` into `0`.
    @inlinable @inline(__always)
    static func bits(of time: Double) -> UInt64 {
        precondition(time >= 0, "event time must be ≥ 0, got \(time)")
        return (time + 0).bitPattern
    }

    /// (time, sequence) as one integer: its order is the events' order.
    @inlinable @inline(__always)
    var orderKey: UInt128 { UInt128(timeBits) &<< 64 | UInt128(sequence) }

    /// Whether `self` runs before `other`: earlier time, or equal time and earlier insertion.
    @inlinable @inline(__always)
    public func precedes(_ other: Event) -> Bool { orderKey < other.orderKey }
}

/// A pending-event set: a 4-ary min-heap of ``Event`` ordered by (time, sequence), in one buffer the
/// queue owns.
///
/// A 4-ary heap halves the depth of a binary heap, and its four children share a cache line or two,
/// which makes `removeMin` cheaper on the short heaps (tens to thousands of events) a contact-center
/// model keeps. Elements are moved into a hole rather than swapped, and the smallest of four children
/// is chosen without a branch (a 128-bit comparison and conditional moves): the comparisons of a
/// heap are unpredictable, and mispredicted branches were a fifth of a large center's time.
///
/// The queue is move-only (`~Copyable`): it owns its buffer outright, so the event loop reaches it
/// without the copy-on-write check an `Array` makes at every mutation.
///
/// With the compile-time flag `CCSIM_INVARIANTS` every mutation checks the heap order
/// (see `EventQueue+Invariants.swift`); without it the check compiles to nothing.
public struct EventQueue: ~Copyable, @unchecked Sendable {
    @usableFromInline var heap: UnsafeMutablePointer<Event>
    @usableFromInline var capacity: Int
    @usableFromInline var storedCount = 0
    @usableFromInline var nextSequence: UInt64 = 0

    /// Creates an empty queue with room for `minimumCapacity` events before it reallocates.
    public init(minimumCapacity: Int = 0) {
        capacity = Swift.max(minimumCapacity, 16)
        heap = .allocate(capacity: capacity)
    }

    deinit { heap.deallocate() }

    /// The number of pending events.
    @inlinable public var count: Int { storedCount }

    /// Whether no event is pending.
    @inlinable public var isEmpty: Bool { storedCount == 0 }

    /// The next event to run, if any, without removing it.
    /// - Complexity: O(1)
    @inlinable public var min: Event? { storedCount > 0 ? heap[0] : nil }

    /// Reserves room for `minimumCapacity` events.
    public mutating func reserveCapacity(_ minimumCapacity: Int) {
        if minimumCapacity > capacity { resize(to: minimumCapacity) }
    }

    /// Moves the events into a buffer of `newCapacity` (≥ count) slots.
    @usableFromInline @inline(never)
    mutating func resize(to newCapacity: Int) {
        let bigger = UnsafeMutablePointer<Event>.allocate(capacity: newCapacity)
        bigger.moveInitialize(from: heap, count: storedCount)
        heap.deallocate()
        heap = bigger
        capacity = newCapacity
    }

    /// Schedules an event at `time` (seconds, ≥ 0); later insertions at an equal time run later.
    /// - Complexity: O(log₄ n)
    @inlinable
    public mutating func schedule(at time: Double, payload: UInt64) {
        let event = Event(time: time, sequence: nextSequence, payload: payload)
        nextSequence &+= 1
        insert(event)
    }

    /// Inserts an event whose sequence the caller assigned: it must differ from every other
    /// event's in the queue (``PendingEvents`` numbers the events of two queues with one counter).
    /// - Complexity: O(log₄ n)
    @inlinable
    public mutating func insert(_ event: Event) {
        if storedCount == capacity { resize(to: 2 * capacity) }
        let key = event.orderKey
        var hole = storedCount
        storedCount &+= 1
        while hole > 0 {
            let parent = (hole &- 1) >> 2
            let candidate = heap[parent]
            guard key < candidate.orderKey else { break }
            heap[hole] = candidate
            hole = parent
        }
        heap[hole] = event
        checkInvariants()
    }

    /// Removes and returns the next event, or `nil` when the queue is empty.
    /// - Complexity: O(log₄ n)
    @inlinable
    public mutating func popMin() -> Event? {
        storedCount == 0 ? nil : removeMin()
    }

    /// Removes and returns the next event.
    /// - Precondition: the queue is not empty.
    /// - Complexity: O(log₄ n)
    @inlinable
    public mutating func removeMin() -> Event {
        precondition(storedCount > 0, "removeMin() on an empty EventQueue")
        storedCount &-= 1
        let count = storedCount
        let last = heap[count]
        if count == 0 { return last }
        let first = heap[0]
        siftDown(last)
        checkInvariants()
        return first
    }

    /// Replaces the next event with `event` and returns the one replaced: a pop and a push in one
    /// pass down the heap, for an event loop that handles the next event and schedules another.
    /// - Precondition: the queue is not empty.
    /// - Complexity: O(log₄ n)
    @inlinable
    public mutating func replaceMin(with event: Event) -> Event {
        precondition(storedCount > 0, "replaceMin(with:) on an empty EventQueue")
        let first = heap[0]
        siftDown(event)
        checkInvariants()
        return first
    }

    /// Puts `event` into the hole at the root and moves it down to its place among the first
    /// `storedCount` slots.
    @inlinable @inline(__always)
    mutating func siftDown(_ event: Event) {
        let count = storedCount
        let key = event.orderKey
        var hole = 0
        while true {
            let firstChild = hole &* 4 &+ 1
            var best: Int
            if firstChild &+ 3 < count {
                // Four children: a tournament whose winners are picked by index arithmetic, not by
                // a branch or a select (which the compiler turns back into a branch): which child
                // is smallest is a coin toss, and mispredicted branches were most of a large
                // center's time in this loop.
                let left = firstChild &+ Self.bit(heap[firstChild &+ 1].orderKey < heap[firstChild].orderKey)
                let right = firstChild &+ 2 &+ Self.bit(heap[firstChild &+ 3].orderKey < heap[firstChild &+ 2].orderKey)
                let rightWins = Self.bit(heap[right].orderKey < heap[left].orderKey)
                best = left &+ (right &- left) & (0 &- rightWins)
            } else {
                if firstChild >= count { break }
                best = firstChild
                var child = firstChild &+ 1
                while child < count {
                    if heap[child].orderKey < heap[best].orderKey { best = child }
                    child &+= 1
                }
            }
            guard heap[best].orderKey < key else { break }
            heap[hole] = heap[best]
            hole = best
        }
        heap[hole] = event
    }

    /// 1 for `true`, 0 for `false`, as a number (a zero extension, not a select).
    @inlinable @inline(__always)
    static func bit(_ condition: Bool) -> Int { Int(unsafeBitCast(condition, to: UInt8.self)) }

    /// Removes every pending event; the insertion sequence keeps counting.
    public mutating func removeAll() {
        storedCount = 0
    }
}

/// The pending events of a simulation in two heaps: the main one, and a side one for a recurring
/// source of events (a model's arrival processes, say) that would otherwise make up a large share
/// of the main heap's traffic while staying few at a time. One insertion counter numbers the events of
/// both, and ``popMin()`` takes the earlier head, so events come out in exactly the (time, sequence)
/// order one heap would give; each side event costs a push and a pop on a heap of a few entries
/// instead of one the size of the whole event set.
public struct PendingEvents: ~Copyable {
    @usableFromInline var main: EventQueue
    @usableFromInline var side: EventQueue
    @usableFromInline var nextSequence: UInt64 = 0
    /// The heap whose root is the event ``popMin()`` returned last, left in place until the next
    /// ``popMin()`` or until an event is scheduled into that heap, which then takes its place in one
    /// pass down the heap (``EventQueue/replaceMin(with:)``) instead of a pop and a push: an event
    /// loop's handlers mostly schedule the next event of what they handle. 0: none, 1: main, 2: side.
    @usableFromInline var heldRoot: UInt8 = 0

    /// Creates an empty set with room for `minimumCapacity` events in the main heap.
    public init(minimumCapacity: Int = 0) {
        main = EventQueue(minimumCapacity: minimumCapacity)
        side = EventQueue()
    }

    /// The number of pending events, in both heaps.
    @inlinable public var count: Int { main.count + side.count - (heldRoot == 0 ? 0 : 1) }

    /// Whether no event is pending.
    @inlinable public var isEmpty: Bool { count == 0 }

    /// Schedules an event at `time` (seconds, ≥ 0) in the main heap.
    @inlinable
    public mutating func schedule(at time: Double, payload: UInt64) {
        push(Event(time: time, sequence: nextSequence, payload: payload), onSide: false)
    }

    /// Schedules an event at `time` (seconds, ≥ 0) in the side heap.
    @inlinable
    public mutating func scheduleOnSide(at time: Double, payload: UInt64) {
        push(Event(time: time, sequence: nextSequence, payload: payload), onSide: true)
    }

    /// Numbers `event` and puts it into its heap: in place of the held root if that heap holds it.
    @inlinable @inline(__always)
    mutating func push(_ event: Event, onSide: Bool) {
        nextSequence &+= 1
        let replacesRoot = heldRoot == (onSide ? 2 : 1)
        if replacesRoot { heldRoot = 0 }
        switch (onSide, replacesRoot) {
        case (false, false): main.insert(event)
        case (false, true): _ = main.replaceMin(with: event)
        case (true, false): side.insert(event)
        case (true, true): _ = side.replaceMin(with: event)
        }
    }

    /// Removes and returns the next event of either heap, or `nil` when none is pending. (The event
    /// stays in its heap's first slot, counted out, until the next event is scheduled into that heap
    /// or the next call; see `heldRoot`.)
    @inlinable @inline(__always)
    public mutating func popMin() -> Event? {
        if heldRoot == 1 { _ = main.removeMin() } else if heldRoot == 2 { _ = side.removeMin() }
        if side.storedCount == 0 {
            if main.storedCount == 0 {
                heldRoot = 0
                return nil
            }
            heldRoot = 1
            return main.heap[0]
        }
        if main.storedCount == 0 || side.heap[0].orderKey < main.heap[0].orderKey {
            heldRoot = 2
            return side.heap[0]
        }
        heldRoot = 1
        return main.heap[0]
    }
}
