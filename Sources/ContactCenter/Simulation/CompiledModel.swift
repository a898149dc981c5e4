import SimulationKernel

/// A scenario turned into flat, index-addressed tables that the event loop reads without lookups
/// by name. Built once per run and shared, read-only, by every replication.
struct CompiledModel: Sendable {
    /// Random-stream purposes: constants, so a stream depends only on what it draws and for whom.
    enum StreamPurpose: UInt64 {
        case arrivals = 1, talk = 2, wrapUp = 3, patience = 4
    }

    let horizon: Double
    let warmup: Double
    let target: Double
    let seed: UInt64
    /// Per call type: time between arrivals (`nil` when the rate is 0).
    private(set) var interarrival: [Distribution?]
    private(set) var talk: [Distribution]
    private(set) var wrapUp: [Distribution?]
    private(set) var patience: [Distribution?]
    /// Per call type: the stable hash of its name, the subject of its random streams, so adding or
    /// reordering call types changes no other type's numbers.
    private(set) var streamSubjects: [UInt64]
    /// Per call type: the groups whose agents can take it, in scenario order.
    private(set) var eligibleGroups: [[Int]]
    /// Per group: the call types its agents can take, in the order of its skills.
    private(set) var groupSkills: [[Int]]
    private(set) var groupAgents: [Int]

    init(_ scenario: Scenario) {
        horizon = scenario.simulation.horizonSeconds
        warmup = scenario.simulation.warmupSeconds
        target = scenario.serviceLevel.targetSeconds
        seed = scenario.simulation.seed
        interarrival = scenario.callTypes.map {
            $0.arrivalsPerHour > 0 ? .exponential(mean: 3600 / $0.arrivalsPerHour) : nil
        }
        talk = scenario.callTypes.map(\.handleTime)
        wrapUp = scenario.callTypes.map(\.wrapUp)
        patience = scenario.callTypes.map(\.patience)
        streamSubjects = scenario.callTypes.map { stableHash($0.name) }
        let typeIndex = Dictionary(uniqueKeysWithValues: scenario.callTypes.enumerated().map { ($1.name, $0) })
        groupSkills = scenario.agentGroups.map { $0.skills.compactMap { typeIndex[$0] } }
        groupAgents = scenario.agentGroups.map(\.agents)
        var eligible = Array(repeating: [Int](), count: scenario.callTypes.count)
        for (group, skills) in groupSkills.enumerated() where groupAgents[group] > 0 {
            for type in skills { eligible[type].append(group) }
        }
        eligibleGroups = eligible
    }

    /// A copy whose arrays have storage of their own. Replications running on different threads
    /// each take one, so that the reference counts of shared array buffers are never touched by two
    /// cores at once (atomic increments on one cache line would serialise the threads).
    func withPrivateStorage() -> CompiledModel {
        var copy = self
        copy.interarrival = interarrival.map { $0 }
        copy.talk = talk.map { $0 }
        copy.wrapUp = wrapUp.map { $0 }
        copy.patience = patience.map { $0 }
        copy.streamSubjects = streamSubjects.map { $0 }
        copy.eligibleGroups = eligibleGroups.map { $0.map { $0 } }
        copy.groupSkills = groupSkills.map { $0.map { $0 } }
        copy.groupAgents = groupAgents.map { $0 }
        return copy
    }

    func stream(_ purpose: StreamPurpose, callType: Int, replication: Int) -> Xoshiro256StarStar {
        Xoshiro256StarStar(stream: StreamKey(
            seed: seed, replication: UInt64(replication), purpose: purpose.rawValue,
            subject: streamSubjects[callType]))
    }
}
