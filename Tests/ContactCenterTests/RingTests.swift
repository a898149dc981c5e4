import Testing
@testable import ContactCenter

@Suite struct RingTests {
    @Test func callQueueKeepsOrderAcrossGrowthAndRemovals() {
        var queue = CallQueue()
        var positions: [UInt32] = []
        for i in 0..<100 {
            positions.append(queue.append(WaitingCall(arrival: Double(i), deadline: .infinity, talk: 1, wrapUp: 0)))
        }
        #expect(queue.waiting == 100)
        for i in stride(from: 0, to: 100, by: 3) { queue.remove(at: positions[i]) }
        #expect(queue.caller(at: positions[0]) == nil)
        #expect(queue.caller(at: positions[1])?.arrival == 1)
        var order: [Double] = []
        while let call = queue.front() {
            order.append(call.arrival)
            queue.removeFront()
        }
        #expect(order == (0..<100).filter { $0 % 3 != 0 }.map(Double.init))
        #expect(queue.waiting == 0)
        #expect(queue.caller(at: positions[99]) == nil)
    }

    @Test func callQueuePositionsWrapAround() {
        var queue = CallQueue(firstPosition: UInt32.max - 500)
        // Walk the 32-bit positions past their wrap-around point, with a backlog that grows the ring.
        for i in 0..<40 { _ = queue.append(WaitingCall(arrival: -Double(i), deadline: .infinity, talk: 1, wrapUp: 0)) }
        for i in 0..<1_000 {
            let position = queue.append(WaitingCall(arrival: Double(i), deadline: .infinity, talk: 1, wrapUp: 0))
            #expect(queue.caller(at: position)?.arrival == Double(i))
            _ = queue.front()
            queue.removeFront()
        }
        #expect(queue.waiting == 40)
        #expect(queue.tail &- queue.head == 40)
        #expect(queue.front()?.arrival == 960)
    }

    @Test func idleAgentsAreFirstInFirstOutAndGrow() {
        var idle = IdleAgents(capacity: 2)
        idle.append(2, generation: 7)
        idle.append(0, generation: 1)
        #expect(idle.front == (2, 7))
        idle.removeFront()
        for agent in 1...5 { idle.append(agent, generation: 0) }  // past the initial capacity
        var order: [Int] = []
        while !idle.isEmpty {
            order.append(idle.front.agent)
            idle.removeFront()
        }
        #expect(order == [0, 1, 2, 3, 4, 5])
    }
}
