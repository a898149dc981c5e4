extension ReplicationResult {
    /// Checks the accounting identities every replication must satisfy: conservation
    /// (arrivals = closed + answered + abandoned + dropped at closing + still waiting, per call type and
    /// overall; the intervals' offered contacts add up to the centre's), busy time within
    /// staffed time, and, without a warm-up, Little's law as a sample-path identity
    /// (∫ callers waiting dt = total time callers waited).
    ///
    /// Compiled in only with `-DCCSIM_INVARIANTS` (CI runs the whole test suite that way, so every
    /// simulation the tests run is checked); a no-op otherwise.
    @inline(__always)
    func checkInvariants(warmupSeconds: Double) {
        #if CCSIM_INVARIANTS
        for (index, tally) in (callTypes + [overall]).enumerated() {
            precondition(
                tally.arrivals == tally.closedArrivals + tally.blocked + tally.contained + tally.inIVRAtEnd
                    + tally.answered + tally.abandoned + tally.droppedAtClose + tally.waitingAtEnd + tally.callbacksAccepted,
                "replication \(replication), tally \(index): conservation broken: \(tally)")
        }
        let offered = intervals.reduce(0) { $0 + $1.arrivals }
        precondition(offered == overall.offered, "intervals do not add up to the offered contacts")
        for group in agentGroups {
            precondition(group.busySeconds <= group.staffedSeconds * (1 + 1e-12), "busy time above staffed time")
        }
        if warmupSeconds == 0 {
            let waited = overall.waitOfAnswered + overall.waitOfAbandoned + overall.waitAtEnd + overall.waitOfDroppedAtClose + overall.waitOfOther
            precondition(
                abs(waitingIntegral - waited) <= 1e-9 * Swift.max(waited, 1),
                "replication \(replication): Little's law broken: ∫Q dt = \(waitingIntegral), waits = \(waited)")
        }
        #endif
    }
}
