import Testing
@testable import SimulationKernel

@Suite struct FixedArrayTests {
    @Test func holdsWhatItWasMadeWith() {
        let squares = FixedArray(count: 5) { $0 * $0 }
        let count = squares.count
        #expect(count == 5)
        #expect(squares.array == [0, 1, 4, 9, 16])
        let copies = FixedArray(repeating: 2.5, count: 3)
        #expect(copies.array == [2.5, 2.5, 2.5])
        let empty = FixedArray<Int>([])
        let isEmpty = empty.isEmpty
        #expect(isEmpty)
        #expect(empty.array == [])
    }

    @Test func mutatesElementsInPlace() {
        struct Tally { var answered = 0; var wait = 0.0 }
        var tallies = FixedArray(repeating: Tally(), count: 3)
        tallies[1].answered += 2
        tallies[1].wait += 4.5
        tallies[2].answered = 7
        #expect(tallies.array.map(\.answered) == [0, 2, 7])
        let wait = tallies[1].wait
        #expect(wait == 4.5)
    }

    /// Elements that own storage (arrays here) are released with the array: nothing leaks and nothing
    /// is freed twice (run under the address sanitizer or valgrind to see it).
    @Test func ownsElementsWithStorage() {
        var lists = FixedArray(count: 4) { Array(repeating: $0, count: $0) }
        lists[3].append(9)
        let (last, first) = (lists[3], lists[0])
        #expect(last == [3, 3, 3, 9])
        #expect(first.isEmpty)
    }

    @Test func sharesNothingWithTheArrayItCameFrom() {
        var source = [1, 2, 3]
        var fixed = FixedArray(source)
        source[0] = 100
        fixed[1] = 20
        #expect(fixed.array == [1, 20, 3])
        #expect(source == [100, 2, 3])
    }

    @Test func mutableBufferSeesTheElements() {
        var totals = FixedArray(repeating: 0.0, count: 4)
        totals.withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices { buffer[index] = Double(index) }
        }
        #expect(totals.array == [0, 1, 2, 3])
    }
}
