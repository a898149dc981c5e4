extension Scenario {
    /// The problems that would make this scenario unfit to simulate, with JSON paths as in a file.
    ///
    /// ``ScenarioReader`` already guarantees all of these for a scenario read from a file; this check is
    /// for scenarios built in code.
    public func validationProblems() -> [ScenarioProblem] {
        var problems: [ScenarioProblem] = []
        func check(_ condition: Bool, _ path: String, _ message: String) {
            if !condition { problems.append(ScenarioProblem(path: path, message: message)) }
        }
        let horizon = simulation.horizonSeconds
        check(horizon.isFinite && horizon > 0, "simulation", "expected a simulated time > 0")
        check(simulation.replications >= 1, "simulation.replications", "expected at least 1 replication")
        check(
            simulation.warmupSeconds >= 0 && simulation.warmupSeconds < horizon, "simulation.warmupMinutes",
            "expected a warm-up ≥ 0 and shorter than the simulated time")
        check(serviceLevel.targetSeconds >= 0 && serviceLevel.targetSeconds.isFinite, "serviceLevel.targetSeconds", "expected seconds ≥ 0")
        check(serviceLevel.goal >= 0 && serviceLevel.goal <= 1, "serviceLevel.goal", "expected a share from 0 to 1")
        check(!callTypes.isEmpty, "callTypes", "expected at least one call type")
        check(calendar.open >= 0 && calendar.open < calendar.close && calendar.close <= 86_400 && !calendar.days.isEmpty
              && [900.0, 1800, 3600].contains(calendar.intervalSeconds)
              && (calendar.close - calendar.open).truncatingRemainder(dividingBy: calendar.intervalSeconds) == 0,
              "calendar", "expected opening before closing, 15-, 30- or 60-minute intervals that divide the opening hours, and at least one day")
        check(busynessCV >= 0 && busynessCV <= 2, "busyness.cv", "expected a coefficient of variation from 0 to 2")
        check(calendar.carryOverSpreadSeconds >= 0 && calendar.carryOverSpreadSeconds <= calendar.close - calendar.open,
              "calendar.carryOverSpreadMinutes", "expected minutes from 0 to the length of the opening hours")
        if let lines { check(lines >= 1, "lines", "expected at least one trunk line") }
        check(!agentGroups.isEmpty, "agentGroups", "expected at least one agent group")
        var names: Set<String> = []
        let staffedSkills = Set(agentGroups.filter { $0.agents > 0 }.flatMap(\.skills))
        for (index, callType) in callTypes.enumerated() {
            let path = "callTypes[\(index)]"
            check(!callType.name.isEmpty && names.insert(callType.name).inserted, "\(path).name", "expected a unique, non-empty name")
            let rate = callType.arrivalsPerHour
            check(
                rate == 0 || (rate >= ScenarioReader.minimumRate && rate <= ScenarioReader.maximumRate),
                "\(path).arrivals.perHour", "expected a rate in contacts per hour: 0, or from 1e-9 to 1e9")
            check(callType.handleTime.mean > 0, "\(path).handleTime", "expected a mean > 0")
            let intervals = calendar.intervalCount
            switch callType.profile {
            case .perDay(let total, let weights):
                check(total.isFinite && total >= 0, "\(path).arrivals.perDay", "expected a number of contacts a day ≥ 0")
                check(weights.isEmpty || (weights.count == intervals && weights.allSatisfy { $0 >= 0 && $0.isFinite }),
                      "\(path).arrivals.profile", "expected one weight ≥ 0 per calendar interval (\(intervals))")
            case .perInterval(let rates):
                check(rates.count == intervals && rates.allSatisfy { $0 == 0 || ($0 >= ScenarioReader.minimumRate && $0 <= ScenarioReader.maximumRate) },
                      "\(path).arrivals.perInterval", "expected one rate per calendar interval (\(intervals)), each 0 or from 1e-9 to 1e9")
            case .trace(let times):
                check(zip(times, times.dropFirst()).allSatisfy { $0 <= $1 } && times.allSatisfy { $0 >= 0 && $0.isFinite },
                      "\(path).arrivals.trace", "expected arrival times ≥ 0 in ascending order")
                if let handles = callType.traceHandleTimes {
                    check(handles.count == times.count && handles.allSatisfy { $0 >= 1e-6 && $0 <= ScenarioReader.maximumDuration },
                          "\(path).arrivals.trace", "expected one handle time from 1e-6 to 1e9 seconds per arrival of the trace")
                }
            case nil: break
            }
            if case .trace = callType.profile {} else {
                check(callType.traceHandleTimes == nil, "\(path).arrivals", "expected handle times only with a trace")
            }
            check((0...1).contains(callType.firstContactResolution), "\(path).firstContactResolution", "expected a probability from 0 to 1")
            for (key, rule) in [("retry", callType.retry), ("redial", callType.redial)] {
                if let rule { check((0...1).contains(rule.probability), "\(path).\(key).probability", "expected a probability from 0 to 1") }
            }
            if callType.channel == .email {
                check(callType.patience == nil && callType.ivr == nil && callType.callback == nil && callType.redial == nil,
                      path, "expected an email without patience, IVR, callback or redial")
                check(callType.responseTargetSeconds > 0 && callType.responseTargetSeconds <= ScenarioReader.maximumDuration,
                      "\(path).responseTargetSeconds", "expected seconds from 1e-6 to 1e9")
            }
            if callType.channel == .chat {
                check(callType.callback == nil && callType.misrouting == nil, path, "expected a chat without callback or misrouting")
            }
            check(callType.handleTimeGrowthPerChat >= 0 && callType.handleTimeGrowthPerChat <= 10
                  && (callType.handleTimeGrowthPerChat == 0 || callType.channel == .chat),
                  "\(path).handleTimeGrowthPerChat", "expected a fraction from 0 to 10, on a chat call type only")
            if let misrouting = callType.misrouting {
                check(!callTypes.contains { $0.name == misrouting.to && $0.channel == .chat }, "\(path).misrouting.to",
                      "expected a call type that is not a chat (transfers are modelled for calls and emails only)")
                check((0...1).contains(misrouting.share), "\(path).misrouting.share", "expected a probability from 0 to 1")
                check(callTypes.contains { $0.name == misrouting.to } && misrouting.to != callType.name, "\(path).misrouting.to",
                      "expected the name of another call type, found \"\(misrouting.to)\"")
                check(misrouting.share == 0 || staffedSkills.contains(misrouting.to), "\(path).misrouting.to",
                      "expected a call type that a group with agents serves")
            }
            if let ivr = callType.ivr {
                check(ivr.durationSeconds >= 0 && ivr.durationSeconds <= ScenarioReader.maximumDuration, "\(path).ivr.durationSeconds", "expected seconds from 0 to 1e9")
                check((0...1).contains(ivr.containment) && (0...1).contains(ivr.falseContainment), "\(path).ivr", "expected probabilities from 0 to 1")
                check(ivr.falseContainment == 0 || ivr.falseContainmentDelay != nil, "\(path).ivr.falseContainment.delay", "expected a delay for false containment")
            }
            if callType.hasArrivals {
                check(
                    staffedSkills.contains(callType.name), path,
                    "expected an agent group with agents that can serve \"\(callType.name)\"")
            }
        }
        var groupNames: Set<String> = []
        for (index, group) in agentGroups.enumerated() {
            let path = "agentGroups[\(index)]"
            check(!group.name.isEmpty && groupNames.insert(group.name).inserted, "\(path).name", "expected a unique, non-empty name")
            check(group.agents >= 0, "\(path).agents", "expected agents ≥ 0")
            for (s, shift) in group.shifts.enumerated() {
                check(shift.start >= 0 && shift.start < shift.end && shift.end <= 86_400 && shift.agents >= 0,
                      "\(path).shifts[\(s)]", "expected 00:00 ≤ start < end ≤ 24:00 and agents ≥ 0")
                var previousEnd = shift.start
                for (b, pause) in shift.breaks.enumerated() {
                    check(pause.start >= previousEnd && pause.durationSeconds > 0 && pause.start + pause.durationSeconds < shift.end
                          && (pause.agents ?? 0) >= 0 && (pause.agents ?? 0) <= shift.agents,
                          "\(path).shifts[\(s)].breaks[\(b)]",
                          "expected a break inside the shift, ending before it, after the previous break, for at most the shift's agents")
                    previousEnd = pause.start + pause.durationSeconds
                }
            }
            check(group.shrinkage >= 0 && group.shrinkage <= 0.95, "\(path).shrinkage", "expected a share of paid time from 0 to 0.95")
            check(!group.skills.isEmpty, "\(path).skills", "expected at least one skill")
            check(group.concurrency >= 1 && group.concurrency <= 1000, "\(path).concurrency", "expected a whole number of chats from 1 to 1000")
            check(group.concurrency == 1 || callTypes.contains { $0.channel == .chat && group.skills.contains($0.name) },
                  "\(path).concurrency", "a concurrency above 1 is for groups that serve chats, and \"\(group.name)\" has no chat skill")
            for (s, skill) in group.skills.enumerated() {
                check(names.contains(skill), "\(path).skills[\(s)]", "skill \"\(skill)\" names no call type")
            }
        }
        for (index, lever) in automation.enumerated() {
            check(!lever.callTypes.isEmpty && lever.callTypes.allSatisfy(callTypes.indices.contains),
                  "automation[\(index)].callTypes", "expected call types of the scenario")
            check([lever.setupCost, lever.perMonth, lever.perSeatPerMonth, lever.perContact].allSatisfy { $0 >= 0 && $0.isFinite }
                  && lever.amortisationMonths >= 1, "automation[\(index)]", "expected amounts ≥ 0 and at least one month of amortisation")
        }
        if let costs {
            let groups = costs.outsourced.map(\.agentGroup)
            check(groups.allSatisfy(agentGroups.indices.contains) && Set(groups).count == groups.count,
                  "costs.outsourced", "expected distinct agent groups of the scenario")
            check(costs.investments.allSatisfy { $0.amount >= 0 && $0.amortisationMonths >= 1 }, "costs.investments",
                  "expected amounts ≥ 0 and at least one month of amortisation")
        }
        if let churn = revenue?.churn {
            check([churn.resolvedFirstContact, churn.resolvedAfterRepeat, churn.abandoned, churn.unresolved, churn.perMinuteWaitedPastThreshold]
                    .allSatisfy((0...1).contains), "revenue.churn", "expected probabilities from 0 to 1")
        }
        return problems
    }
}
