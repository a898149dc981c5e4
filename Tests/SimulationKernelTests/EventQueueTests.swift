import Testing
@testable import SimulationKernel

@Suite struct EventQueueTests {
    @Test func eventIsTwentyFourBytes() {
        #expect(MemoryLayout<Event>.size == 24)
        #expect(MemoryLayout<Event>.stride == 24)
    }

    @Test func popsInTimeOrder() {
        var queue = EventQueue()
        for (i, t) in [5.0, 1.0, 3.0, 4.0, 2.0, 0.5].enumerated() { queue.schedule(at: t, payload: UInt64(i)) }
        var times: [Double] = []
        while let event = queue.popMin() { times.append(event.time) }
        #expect(times == [0.5, 1, 2, 3, 4, 5])
        #expect(queue.popMin() == nil)
    }

    @Test func equalTimesRunFirstInFirstOut() {
        var queue = EventQueue()
        for payload in 0..<100 as Range<UInt64> { queue.schedule(at: 7, payload: payload) }
        queue.schedule(at: 3, payload: 1000)
        #expect(queue.removeMin().payload == 1000)
        var payloads: [UInt64] = []
        while let event = queue.popMin() { payloads.append(event.payload) }
        #expect(payloads == Array(0..<100))
    }

    /// Random interleavings of schedule and pop against a sorted reference, over many seeds.
    @Test(arguments: 0..<200 as Range<UInt64>)
    func matchesSortedReference(seed: UInt64) {
        var rng = Xoshiro256StarStar(seed: seed)
        var queue = EventQueue()
        var reference: [Event] = []
        var sequence: UInt64 = 0
        for _ in 0..<500 {
            if rng.next() % 3 != 0 || reference.isEmpty {
                // Coarse times make ties frequent, so FIFO tie-breaking is exercised.
                let time = Double(rng.next() % 50)
                queue.schedule(at: time, payload: sequence)
                reference.append(Event(time: time, sequence: sequence, payload: sequence))
                sequence += 1
            } else {
                let expected = reference.min { $0.precedes($1) }!
                reference.removeAll { $0 == expected }
                let got = queue.removeMin()
                #expect(got == expected, "seed \(seed)")
            }
            #expect(queue.count == reference.count)
        }
        let remaining = reference.sorted { $0.precedes($1) }
        for expected in remaining { #expect(queue.removeMin() == expected, "seed \(seed)") }
        let empty = queue.isEmpty
        #expect(empty)
    }

    @Test func negativeZeroTimeRunsAsZero() {
        var queue = EventQueue()
        queue.schedule(at: 1, payload: 0)
        queue.schedule(at: -0.0, payload: 1)
        queue.schedule(at: 0, payload: 2)
        #expect(queue.removeMin().payload == 1)
        #expect(queue.removeMin().payload == 2)
    }

    /// The heap keeps its order through growth far past its first capacity, with every number of
    /// children at the last inner node (the tournament takes four; fewer take the loop).
    @Test(arguments: [1, 2, 3, 4, 5, 17, 18, 19, 20, 1_000])
    func growsAndDrainsInOrder(size: Int) {
        var queue = EventQueue(minimumCapacity: 1)
        var rng = Xoshiro256StarStar(seed: UInt64(size))
        for index in 0..<size { queue.schedule(at: Double(rng.next() % 64), payload: UInt64(index)) }
        var previous = Event(time: 0, sequence: 0, payload: 0)
        var drained = 0
        while let event = queue.popMin() {
            if drained > 0 { #expect(previous.precedes(event)) }
            previous = event
            drained += 1
        }
        #expect(drained == size)
    }

    /// Two heaps with one counter give exactly the order of one heap, ties included, whichever heap
    /// each event went to.
    @Test(arguments: 0..<50 as Range<UInt64>)
    func pendingEventsMatchOneHeap(seed: UInt64) {
        var rng = Xoshiro256StarStar(seed: seed)
        var pending = PendingEvents()
        var single = EventQueue()
        var now = 0.0
        for step in 0..<2_000 {
            if rng.next() % 5 < 3 || single.isEmpty {
                // Coarse times make ties between the heaps frequent.
                let time = now + Double(rng.next() % 8)
                if rng.next() % 3 == 0 {
                    pending.scheduleOnSide(at: time, payload: UInt64(step))
                } else {
                    pending.schedule(at: time, payload: UInt64(step))
                }
                single.schedule(at: time, payload: UInt64(step))
            } else {
                let expected = single.removeMin()
                let got = pending.popMin()
                #expect(got == expected, "seed \(seed), step \(step)")
                now = expected.time
            }
            #expect(pending.count == single.count)
        }
        while let expected = single.popMin() { #expect(pending.popMin() == expected) }
        let drained = pending.isEmpty
        #expect(drained)
    }

    /// Replacing the next event is a pop and a push: against a reference, over many seeds, with ties.
    @Test(arguments: 0..<50 as Range<UInt64>)
    func replaceMinIsAPopAndAPush(seed: UInt64) {
        var rng = Xoshiro256StarStar(seed: seed)
        var queue = EventQueue()
        var reference: [Event] = []
        for sequence in 0..<64 as Range<UInt64> {
            let event = Event(time: Double(rng.next() % 16), sequence: sequence, payload: sequence)
            queue.insert(event)
            reference.append(event)
        }
        for sequence in 64..<1_000 as Range<UInt64> {
            let expected = reference.min { $0.precedes($1) }!
            reference.removeAll { $0 == expected }
            // Not before the event it replaces, as in an event loop.
            let event = Event(time: expected.time + Double(rng.next() % 4), sequence: sequence, payload: sequence)
            reference.append(event)
            #expect(queue.replaceMin(with: event) == expected, "seed \(seed)")
            #expect(queue.count == reference.count)
        }
        for expected in reference.sorted(by: { $0.precedes($1) }) { #expect(queue.removeMin() == expected) }
    }

    @Test func minPeeksWithoutRemoving() {
        var queue = EventQueue(minimumCapacity: 8)
        #expect(queue.min == nil)
        queue.schedule(at: 2, payload: 9)
        queue.schedule(at: 1, payload: 8)
        #expect(queue.min?.payload == 8)
        #expect(queue.count == 2)
        queue.removeAll()
        let empty = queue.isEmpty
        #expect(empty)
    }
}
