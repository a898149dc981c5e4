/// Replication results as JSON, for shards: a partial result carries its raw per-replication statistics
/// so that merging gives exactly the numbers of a single run (doubles are written in their shortest
/// round-trip form and read back bit for bit).
extension ReplicationResult {
    /// The result as a JSON object.
    public func json() -> JSONValue {
        .object([
            JSONMember(key: "replication", value: .integer(replication)),
            JSONMember(key: "observedSeconds", value: .double(observedSeconds)),
            JSONMember(key: "callTypes", value: .array(callTypes.map { $0.json() })),
            JSONMember(key: "overall", value: overall.json()),
            JSONMember(key: "agentGroups", value: .array(agentGroups.map { $0.json() })),
            JSONMember(key: "waitingIntegral", value: .double(waitingIntegral)),
            JSONMember(key: "intervals", value: .array(intervals.map { $0.json() })),
            JSONMember(key: "intervalStaffedSeconds", value: .array(intervalStaffedSeconds.map { .double($0) })),
            JSONMember(key: "intervalBusySeconds", value: .array(intervalBusySeconds.map { .double($0) })),
            JSONMember(key: "intervalObservedSeconds", value: .array(intervalObservedSeconds.map { .double($0) })),
            JSONMember(key: "events", value: .integer(events)),
            JSONMember(key: "answeredWithin", value: .array(answeredWithin.map { .integer($0) })),
        ])
    }

    /// Reads a result written by ``json()``.
    /// - Throws: ``ScenarioError`` (with `file` and the JSON path of the first problem) when it is not one.
    public init(json value: JSONValue, file: String, path: String) throws(ScenarioError) {
        var reader = StrictReader(file: file)
        self = try reader.result(value, path)
    }
}

extension ContactTally {
    static var integerFields: [(String, WritableKeyPath<ContactTally, Int>)] { [
        ("arrivals", \.arrivals), ("closedArrivals", \.closedArrivals), ("blocked", \.blocked), ("contained", \.contained),
        ("inIVRAtEnd", \.inIVRAtEnd), ("repeatArrivals", \.repeatArrivals), ("transfers", \.transfers),
        ("callbacksOffered", \.callbacksOffered), ("callbacksAccepted", \.callbacksAccepted),
        ("callbacksCompleted", \.callbacksCompleted), ("callbacksPendingAtEnd", \.callbacksPendingAtEnd), ("issues", \.issues),
        ("issuesResolved", \.issuesResolved), ("issuesResolvedFirstContact", \.issuesResolvedFirstContact),
        ("issuesAbandoned", \.issuesAbandoned), ("issuesUnresolved", \.issuesUnresolved), ("droppedAtClose", \.droppedAtClose),
        ("answered", \.answered), ("abandoned", \.abandoned), ("waitingAtEnd", \.waitingAtEnd),
        ("answeredWithinTarget", \.answeredWithinTarget), ("abandonedWithinTarget", \.abandonedWithinTarget),
        ("chatsOffered", \.chatsOffered), ("chatsAnswered", \.chatsAnswered),
    ] }
    static var doubleFields: [(String, WritableKeyPath<ContactTally, Double>)] { [
        ("callbackDelay", \.callbackDelay), ("waitPastLongWait", \.waitPastLongWait), ("waitOfAnswered", \.waitOfAnswered),
        ("waitOfAbandoned", \.waitOfAbandoned), ("waitAtEnd", \.waitAtEnd), ("waitOfDroppedAtClose", \.waitOfDroppedAtClose),
        ("waitOfOther", \.waitOfOther), ("talkTime", \.talkTime), ("wrapUpTime", \.wrapUpTime), ("maxWait", \.maxWait),
    ] }
    static var optionalFields: [(String, WritableKeyPath<ContactTally, Double?>)] { [
        ("waitP50", \.waitP50), ("waitP90", \.waitP90), ("waitP99", \.waitP99),
    ] }

    func json() -> JSONValue {
        .object(
            ContactTally.integerFields.map { JSONMember(key: $0.0, value: .integer(self[keyPath: $0.1])) }
                + ContactTally.doubleFields.map { JSONMember(key: $0.0, value: .double(self[keyPath: $0.1])) }
                + ContactTally.optionalFields.map { JSONMember(key: $0.0, value: self[keyPath: $0.1].map { .double($0) } ?? .null) })
    }
}

extension AgentGroupTally {
    func json() -> JSONValue {
        .object([
            JSONMember(key: "staffedSeconds", value: .double(staffedSeconds)),
            JSONMember(key: "busySeconds", value: .double(busySeconds)),
            JSONMember(key: "overtimeSeconds", value: .double(overtimeSeconds)),
            JSONMember(key: "answered", value: .integer(answered)),
            JSONMember(key: "peakChatsPerAgent", value: .integer(peakChatsPerAgent)),
        ])
    }
}

/// Reads result JSON, failing at the first member that is missing or of the wrong kind.
package struct StrictReader {
    package let file: String

    package init(file: String) { self.file = file }

    package func fail(_ path: String, _ expected: String) -> ScenarioError {
        ScenarioError(file: file, problems: [ScenarioProblem(path: path, message: "expected \(expected)")])
    }

    package func member(_ value: JSONValue, _ key: String, _ path: String) throws(ScenarioError) -> JSONValue {
        guard case .object = value else { throw fail(path, "an object") }
        guard let member = value[key] else { throw fail(joinPath(path, key), "a value (missing)") }
        return member
    }

    package func double(_ value: JSONValue, _ key: String, _ path: String) throws(ScenarioError) -> Double {
        guard case .number(let number) = try member(value, key, path) else { throw fail(joinPath(path, key), "a number") }
        return number.value
    }

    package func optionalDouble(_ value: JSONValue, _ key: String, _ path: String) throws(ScenarioError) -> Double? {
        switch try member(value, key, path) {
        case .number(let number): return number.value
        case .null: return nil
        default: throw fail(joinPath(path, key), "a number or null")
        }
    }

    package func integer(_ value: JSONValue, _ key: String, _ path: String) throws(ScenarioError) -> Int {
        guard case .number(let number) = try member(value, key, path), let integer = number.exactInteger else {
            throw fail(joinPath(path, key), "a whole number")
        }
        return Int(integer)
    }

    package func array(_ value: JSONValue, _ key: String, _ path: String) throws(ScenarioError) -> [JSONValue] {
        guard case .array(let elements) = try member(value, key, path) else { throw fail(joinPath(path, key), "an array") }
        return elements
    }

    package func doubles(_ value: JSONValue, _ key: String, _ path: String) throws(ScenarioError) -> [Double] {
        var out: [Double] = []
        for (index, element) in try array(value, key, path).enumerated() {
            guard case .number(let number) = element else { throw fail("\(joinPath(path, key))[\(index)]", "a number") }
            out.append(number.value)
        }
        return out
    }

    package mutating func tally(_ value: JSONValue, _ path: String) throws(ScenarioError) -> ContactTally {
        var tally = ContactTally()
        for (key, field) in ContactTally.integerFields { tally[keyPath: field] = try integer(value, key, path) }
        for (key, field) in ContactTally.doubleFields { tally[keyPath: field] = try double(value, key, path) }
        for (key, field) in ContactTally.optionalFields { tally[keyPath: field] = try optionalDouble(value, key, path) }
        return tally
    }

    package mutating func result(_ value: JSONValue, _ path: String) throws(ScenarioError) -> ReplicationResult {
        var callTypes: [ContactTally] = [], intervals: [ContactTally] = [], groups: [AgentGroupTally] = []
        for (index, element) in try array(value, "callTypes", path).enumerated() {
            callTypes.append(try tally(element, "\(joinPath(path, "callTypes"))[\(index)]"))
        }
        for (index, element) in try array(value, "intervals", path).enumerated() {
            intervals.append(try tally(element, "\(joinPath(path, "intervals"))[\(index)]"))
        }
        for (index, element) in try array(value, "agentGroups", path).enumerated() {
            let at = "\(joinPath(path, "agentGroups"))[\(index)]"
            var group = AgentGroupTally()
            group.staffedSeconds = try double(element, "staffedSeconds", at)
            group.busySeconds = try double(element, "busySeconds", at)
            group.overtimeSeconds = try double(element, "overtimeSeconds", at)
            group.answered = try integer(element, "answered", at)
            group.peakChatsPerAgent = try integer(element, "peakChatsPerAgent", at)
            groups.append(group)
        }
        var result = ReplicationResult(
            replication: try integer(value, "replication", path), observedSeconds: try double(value, "observedSeconds", path),
            callTypes: callTypes, overall: try tally(try member(value, "overall", path), joinPath(path, "overall")),
            agentGroups: groups, waitingIntegral: try double(value, "waitingIntegral", path), intervals: intervals,
            intervalStaffedSeconds: try doubles(value, "intervalStaffedSeconds", path),
            intervalBusySeconds: try doubles(value, "intervalBusySeconds", path),
            intervalObservedSeconds: try doubles(value, "intervalObservedSeconds", path), events: try integer(value, "events", path))
        result.answeredWithin = try doubles(value, "answeredWithin", path).map { Int($0) }
        return result
    }
}
