extension EventQueue {
    /// Checks the heap order of every parent against its children.
    ///
    /// Compiled in only with `-DCCSIM_INVARIANTS` (`swift test -Xswiftc -DCCSIM_INVARIANTS`); a no-op
    /// that the optimizer removes otherwise, so release builds pay nothing.
    @inlinable @inline(__always)
    func checkInvariants() {
        #if CCSIM_INVARIANTS
        for index in 1..<Swift.max(storedCount, 1) {
            let parent = (index - 1) / 4
            precondition(
                !heap[index].precedes(heap[parent]),
                "EventQueue heap order broken at \(index) (parent \(parent))")
        }
        #endif
    }
}
