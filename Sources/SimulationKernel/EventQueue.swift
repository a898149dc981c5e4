/// One scheduled event: when it happens, its insertion order, and an opaque payload.
///
/// The kernel does not interpret `payload`; a model packs into it whatever identifies the event
/// (a kind and an index, say). Events are ordered by `time`, then by `sequence`, so events at the same
/// time run first-in first-out and a run is reproducible.
public struct Event: Sendable, Equatable {
    /// Simulated time of the event, in seconds.
    public var time: Double
    /// Insertion order, unique within one ``EventQueue``; breaks ties between equal times.
    public var sequence: UInt64
    /// Model-defined data: the kernel only stores and returns it.
    public var payload: UInt64

    /// Creates an event.
    /// - Parameters:
    ///   - time: simulated time, in seconds.
    ///   - sequence: insertion order (the queue assigns it).
    ///   - payload: model-defined data.
    @inlinable
    public init(time: Double, sequence: UInt64, payload: UInt64) {
        self.time = time
        self.sequence = sequence
        self.payload = payload
    }

    /// Whether `self` runs before `other`: earlier time, or equal time and earlier insertion.
    @inlinable @inline(__always)
    public func precedes(_ other: Event) -> Bool {
        time < other.time || (time == other.time && sequence < other.sequence)
    }
}

/// A pending-event set: an array-backed 4-ary min-heap of ``Event`` ordered by (time, sequence).
///
/// A 4-ary heap halves the depth of a binary heap, and its four children share a cache line or two,
/// which makes `removeMin` cheaper on the short heaps (tens to thousands of events) a contact-center
/// model keeps. Elements are moved into a hole rather than swapped.
///
/// With the compile-time flag `CCSIM_INVARIANTS` every mutation checks the heap order
/// (see `EventQueue+Invariants.swift`); without it the check compiles to nothing.
public struct EventQueue: Sendable {
    @usableFromInline var storage: ContiguousArray<Event>
    @usableFromInline var nextSequence: UInt64 = 0

    /// Creates an empty queue with room for `minimumCapacity` events before it reallocates.
    public init(minimumCapacity: Int = 0) {
        storage = []
        storage.reserveCapacity(minimumCapacity)
    }

    /// The number of pending events.
    @inlinable public var count: Int { storage.count }

    /// Whether no event is pending.
    @inlinable public var isEmpty: Bool { storage.isEmpty }

    /// The next event to run, if any, without removing it.
    /// - Complexity: O(1)
    @inlinable public var min: Event? { storage.first }

    /// Reserves room for `minimumCapacity` events.
    public mutating func reserveCapacity(_ minimumCapacity: Int) {
        storage.reserveCapacity(minimumCapacity)
    }

    /// Schedules an event at `time` (seconds) with `payload`; later insertions at an equal time run later.
    /// - Complexity: O(log₄ n)
    @inlinable
    public mutating func schedule(at time: Double, payload: UInt64) {
        let event = Event(time: time, sequence: nextSequence, payload: payload)
        nextSequence &+= 1
        storage.append(event)
        storage.withUnsafeMutableBufferPointer { heap in
            var hole = heap.count - 1
            while hole > 0 {
                let parent = (hole &- 1) >> 2
                let candidate = heap[parent]
                guard event.precedes(candidate) else { break }
                heap[hole] = candidate
                hole = parent
            }
            heap[hole] = event
        }
        checkInvariants()
    }

    /// Removes and returns the next event, or `nil` when the queue is empty.
    /// - Complexity: O(log₄ n)
    @inlinable
    public mutating func popMin() -> Event? {
        storage.isEmpty ? nil : removeMin()
    }

    /// Removes and returns the next event.
    /// - Precondition: the queue is not empty.
    /// - Complexity: O(log₄ n)
    @inlinable
    public mutating func removeMin() -> Event {
        precondition(!storage.isEmpty, "removeMin() on an empty EventQueue")
        let last = storage.removeLast()
        if storage.isEmpty { return last }
        let first = storage.withUnsafeMutableBufferPointer { heap -> Event in
            let first = heap[0]
            let count = heap.count
            var hole = 0
            while true {
                let firstChild = hole &* 4 &+ 1
                if firstChild >= count { break }
                var best = firstChild
                var bestEvent = heap[firstChild]
                let end = Swift.min(firstChild &+ 4, count)
                var child = firstChild &+ 1
                while child < end {
                    let candidate = heap[child]
                    if candidate.precedes(bestEvent) {
                        best = child
                        bestEvent = candidate
                    }
                    child &+= 1
                }
                guard bestEvent.precedes(last) else { break }
                heap[hole] = bestEvent
                hole = best
            }
            heap[hole] = last
            return first
        }
        checkInvariants()
        return first
    }

    /// Removes every pending event; the insertion sequence keeps counting.
    public mutating func removeAll(keepingCapacity: Bool = true) {
        storage.removeAll(keepingCapacity: keepingCapacity)
    }
}
