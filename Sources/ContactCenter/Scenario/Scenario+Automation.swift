extension Scenario {
    /// The scenario the automation levers produce: each lever applied, in file order, through the model's
    /// own mechanisms (misrouting share, after-call work, talk time, IVR containment, callback offer), with
    /// no lever left. The simulation runs this; the cost model still sees the levers, for their cost.
    ///
    /// Scaled durations keep their shape, so the n-th caller of a type talks exactly (1 − reduction) times
    /// as long as in the scenario without the lever, on the same random stream.
    public func applyingAutomation() -> Scenario {
        var result = self
        result.automation = []
        for lever in automation {
            for index in lever.callTypes {
                var type = result.callTypes[index]
                switch lever.effect {
                case .aiDispatch(let reduction):
                    type.misrouting?.share *= 1 - reduction
                case .autoTranscription(let reduction):
                    type.wrapUp = type.wrapUp?.scaled(by: 1 - reduction)
                case .rpa(let reduction):
                    type.handleTime = type.handleTime.scaled(by: 1 - reduction)
                case .selfService(let gain, let duration):
                    if var ivr = type.ivr {
                        ivr.containment += (1 - ivr.containment) * gain
                        type.ivr = ivr
                    } else if let duration {
                        type.ivr = IVRStage(durationSeconds: duration, containment: gain)
                    }
                case .callbacks(let offer):
                    type.callback = offer
                }
                result.callTypes[index] = type
            }
        }
        return result
    }

    /// The largest number of agents of group `index` on duty at once (its seats): the constant head count,
    /// or the largest sum of overlapping shifts.
    public func peakAgents(ofGroup index: Int) -> Int {
        let group = agentGroups[index]
        guard !group.shifts.isEmpty else { return group.agents }
        // The head count only changes at a shift's start: the peak is at one of them.
        return group.shifts.map { candidate in
            group.shifts.filter { $0.start <= candidate.start && candidate.start < $0.end }.reduce(0) { $0 + $1.agents }
        }.max() ?? 0
    }
}
