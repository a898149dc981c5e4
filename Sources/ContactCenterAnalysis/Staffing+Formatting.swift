import ContactCenter
import SimulationKernel

extension StaffingPlan: FormattedReport {

    /// The plan as JSON: goals, per interval the agents and KPIs, the shifts.
    public func json() -> JSONValue {
        func optional(_ value: Double?) -> JSONValue { value.map { .double($0) } ?? .null }
        return .object([
            JSONMember(key: "ccsimVersion", value: .integer(ScenarioReader.formatVersion)),
            JSONMember(key: "scenario", value: .string(scenarioName)),
            JSONMember(key: "replications", value: .integer(replications)),
            JSONMember(key: "seed", value: .integer(seed)),
            JSONMember(key: "goals", value: .object([
                JSONMember(key: "serviceLevel", value: optional(goals.serviceLevel)),
                JSONMember(key: "targetSeconds", value: .double(goals.targetSeconds)),
                JSONMember(key: "maximumAbandonment", value: optional(goals.maximumAbandonment)),
                JSONMember(key: "maximumAverageSpeedOfAnswer", value: optional(goals.maximumAverageSpeedOfAnswer)),
            ])),
            JSONMember(key: "shrinkage", value: .double(shrinkage)),
            JSONMember(key: "simulations", value: .integer(simulations)),
            JSONMember(key: "intervals", value: .array(intervals.map { interval in
                .object([
                    JSONMember(key: "start", value: .string(interval.label)),
                    JSONMember(key: "arrivalsPerHour", value: .double(interval.arrivalsPerHour)),
                    JSONMember(key: "offeredLoad", value: .double(interval.offeredLoad)),
                    JSONMember(key: "erlangAgents", value: .integer(interval.erlangAgents)),
                    JSONMember(key: "requiredAgents", value: .integer(interval.requiredAgents)),
                    JSONMember(key: "scheduledAgents", value: .integer(interval.scheduledAgents)),
                    JSONMember(key: "plannedAgents", value: .integer(interval.plannedAgents)),
                    JSONMember(key: "serviceLevel", value: RunReport.json(interval.serviceLevel)),
                    JSONMember(key: "abandonmentRate", value: RunReport.json(interval.abandonmentRate)),
                    JSONMember(key: "averageSpeedOfAnswer", value: RunReport.json(interval.averageSpeedOfAnswer)),
                ])
            })),
            JSONMember(key: "shifts", value: .array(shifts.map { shift in
                .object([
                    JSONMember(key: "start", value: .string(StaffingSearch.clock(shift.start))),
                    JSONMember(key: "end", value: .string(StaffingSearch.clock(shift.end))),
                    JSONMember(key: "agents", value: .integer(shift.agents)),
                ])
            })),
            JSONMember(key: "scheduledAgentHoursPerDay", value: .double(scheduledAgentHours)),
            JSONMember(key: "plannedAgentHoursPerDay", value: .double(plannedAgentHours)),
        ])
    }

    /// One row per interval, then one per shift.
    public func csv() -> String {
        func cell(_ value: Double?) -> String { value.map { JSONValue.double($0).serialized(pretty: false) } ?? "" }
        var lines = ["interval,arrivalsPerHour,offeredLoad,erlangAgents,requiredAgents,scheduledAgents,plannedAgents,serviceLevel,abandonmentRate,averageSpeedOfAnswer"]
        for interval in intervals {
            lines.append([
                interval.label, cell(interval.arrivalsPerHour), cell(interval.offeredLoad), String(interval.erlangAgents),
                String(interval.requiredAgents), String(interval.scheduledAgents), String(interval.plannedAgents),
                cell(interval.serviceLevel?.mean), cell(interval.abandonmentRate?.mean), cell(interval.averageSpeedOfAnswer?.mean),
            ].joined(separator: ","))
        }
        lines.append("shiftStart,shiftEnd,agents")
        lines += shifts.map { "\(StaffingSearch.clock($0.start)),\(StaffingSearch.clock($0.end)),\($0.agents)" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A readable plan.
    public func table() -> String {
        var goalText: [String] = []
        if let level = goals.serviceLevel {
            goalText.append("service level ≥ \(formatNumber(level * 100, decimals: level * 100 == (level * 100).rounded() ? 0 : 1)) % in \(formatNumber(goals.targetSeconds, decimals: 0)) s")
        }
        if let maximum = goals.maximumAbandonment { goalText.append("abandonment ≤ \(formatNumber(maximum * 100, decimals: 1)) %") }
        if let maximum = goals.maximumAverageSpeedOfAnswer { goalText.append("ASA ≤ \(formatNumber(maximum, decimals: 0)) s") }
        var out = "ccsim staff: \(scenarioName)\n"
        out += "goals in every interval: \(goalText.joined(separator: ", ")); shrinkage \(formatNumber(shrinkage * 100, decimals: 0)) %\n"
        out += "\(simulations) simulation(s) of \(replications) replication(s), seed \(seed): Erlang start, refined by simulating the day in time order\n\n"
        let rows = intervals.map { interval -> [String] in
            [interval.label, formatNumber(interval.arrivalsPerHour, decimals: 1), formatNumber(interval.offeredLoad, decimals: 2),
             String(interval.erlangAgents), String(interval.requiredAgents), String(interval.scheduledAgents), String(interval.plannedAgents),
             interval.serviceLevel.map { formatNumber($0.mean * 100, decimals: 1) + " %" } ?? "-",
             interval.abandonmentRate.map { formatNumber($0.mean * 100, decimals: 1) + " %" } ?? "-",
             interval.averageSpeedOfAnswer.map { formatNumber($0.mean, decimals: 1) + " s" } ?? "-"]
        }
        out += renderTable(
            header: ["interval", "calls/h", "load (E)", "Erlang", "required", "scheduled", "planned", "service level", "abandoned", "ASA"],
            rows: rows, rightAligned: Set(1..<10))
        out += "\nshift plan (every open day), greedy cover of the scheduled agents\n"
        out += renderTable(
            header: ["start", "end", "agents"],
            rows: shifts.map { [StaffingSearch.clock($0.start), StaffingSearch.clock($0.end), String($0.agents)] }, rightAligned: [2])
        out += "agent-hours a day: \(formatNumber(plannedAgentHours, decimals: 1)) planned, \(formatNumber(scheduledAgentHours, decimals: 1)) scheduled (the least any plan needs)\n"
        return out
    }
}
