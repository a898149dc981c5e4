import ContactCenter

/// The exact figures `ccsim erlang` prints: Erlang B blocking, and Erlang C or (with a patience) Erlang A.
public struct ErlangReport: Sendable {
    /// Arrival rate, calls per hour.
    public let arrivalsPerHour: Double
    /// Average handle time, seconds.
    public let averageHandleTime: Double
    /// Number of agents.
    public let agents: Int
    /// Mean (exponential) patience, seconds; `nil` for Erlang C.
    public let averagePatience: Double?
    /// Service-level target, seconds.
    public let targetSeconds: Double
    /// Erlang B blocking probability with `agents` lines and no queue.
    public let blocking: Double
    /// Erlang C or A figures; `nil` for Erlang C when the load is at or above the number of agents.
    public let figures: QueueingFigures?

    /// Computes the figures.
    public init(arrivalsPerHour: Double, averageHandleTime: Double, agents: Int, averagePatience: Double?, targetSeconds: Double) {
        self.arrivalsPerHour = arrivalsPerHour
        self.averageHandleTime = averageHandleTime
        self.agents = agents
        self.averagePatience = averagePatience
        self.targetSeconds = targetSeconds
        blocking = Erlang.blocking(offeredLoad: arrivalsPerHour * averageHandleTime / 3600, servers: agents)
        if let averagePatience {
            figures = Erlang.a(
                arrivalsPerHour: arrivalsPerHour, averageHandleTime: averageHandleTime, averagePatience: averagePatience,
                agents: agents, targetSeconds: targetSeconds)
        } else {
            figures = Erlang.c(
                arrivalsPerHour: arrivalsPerHour, averageHandleTime: averageHandleTime, agents: agents, targetSeconds: targetSeconds)
        }
    }

    /// Name of the model the figures come from.
    public var model: String { averagePatience == nil ? "Erlang C (M/M/n)" : "Erlang A (M/M/n+M)" }

    private var rows: [(key: String, label: String, value: Double?, unit: KPIUnit)] {
        [
            ("offeredLoad", "offered load (Erlangs)", arrivalsPerHour * averageHandleTime / 3600, .average),
            ("erlangBBlocking", "Erlang B blocking (no queue)", blocking, .share),
            ("probabilityOfWait", "probability of wait", figures?.probabilityOfWait, .share),
            ("serviceLevel", "service level", figures?.serviceLevel, .share),
            ("abandonmentRate", "abandonment rate", figures?.abandonmentRate, .share),
            ("averageSpeedOfAnswer", "average speed of answer", figures?.averageSpeedOfAnswer, .seconds),
            ("averageQueueLength", "callers waiting, mean", figures?.averageQueueLength, .average),
            ("occupancy", "occupancy", figures?.occupancy, .share),
        ]
    }

    /// The figures in `format`, ending with a newline.
    public func rendered(as format: ReportFormat) -> String {
        switch format {
        case .json:
            var members = [
                JSONMember(key: "model", value: .string(model)),
                JSONMember(key: "arrivalsPerHour", value: .double(arrivalsPerHour)),
                JSONMember(key: "averageHandleTime", value: .double(averageHandleTime)),
                JSONMember(key: "agents", value: .integer(agents)),
                JSONMember(key: "averagePatience", value: averagePatience.map { .double($0) } ?? .null),
                JSONMember(key: "targetSeconds", value: .double(targetSeconds)),
            ]
            members += rows.map { JSONMember(key: $0.key, value: $0.value.map { .double($0) } ?? .null) }
            return JSONValue.object(members).serialized() + "\n"
        case .csv:
            return (["figure,value"] + rows.map { row in
                "\(row.key),\(row.value.map { JSONValue.double($0).serialized() } ?? "")"
            }).joined(separator: "\n") + "\n"
        case .table:
            var out = "\(model): \(formatNumber(arrivalsPerHour, decimals: 2)) calls/h, AHT \(formatNumber(averageHandleTime, decimals: 1)) s, \(agents) agents"
            if let averagePatience { out += ", mean patience \(formatNumber(averagePatience, decimals: 1)) s" }
            out += ", target \(formatNumber(targetSeconds, decimals: 0)) s\n"
            if figures == nil {
                out += "unstable: the offered load is at or above the number of agents, so the queue grows without bound\n"
            }
            let lines = rows.map { row -> [String] in
                let text: String
                switch (row.value, row.unit) {
                case (nil, _): text = "-"
                case (let value?, .share): text = formatNumber(value * 100, decimals: 4) + " %"
                case (let value?, .seconds): text = formatNumber(value, decimals: 3) + " s"
                case (let value?, _): text = formatNumber(value, decimals: 4)
                }
                return [row.label, text]
            }
            return out + "\n" + renderTable(header: ["figure", "value"], rows: lines, rightAligned: [1])
        }
    }
}
