import Foundation
import SimulationKernel

/// Reads a scenario file (`ccsimVersion: 1`) and validates all of it before anything runs.
///
/// Every problem is collected with its JSON path and what was expected, so that a user fixes a file in
/// one pass; unknown keys are errors (a typo must never be ignored), and so are keys of the scenario
/// format that this version does not simulate yet.
public enum ScenarioReader {
    /// The scenario format version this reader understands.
    public static let formatVersion: Int64 = 1
    /// Largest scenario file read, in bytes (64 MiB).
    public static let maximumFileSize = 64 << 20
    /// Limits that keep a valid but absurd scenario from exhausting memory.
    public static let maximumAgents: Int64 = 1_000_000
    /// Most call types a scenario may have (each replication keeps a 50 KiB wait histogram per type).
    public static let maximumCallTypes = 1_000
    /// Most agent groups a scenario may have.
    public static let maximumAgentGroups = 1_000
    /// Largest number of replications accepted.
    public static let maximumReplications: Int64 = 100_000
    /// Smallest positive arrival rate accepted, contacts per hour (one every 114,000 years: anything
    /// smaller would make the mean time between arrivals overflow).
    public static let minimumRate = 1e-9
    /// Largest arrival rate accepted, contacts per hour.
    public static let maximumRate = 1e9
    /// Longest duration parameter (a mean, a target) accepted, in seconds (about 31.7 years).
    public static let maximumDuration = 1e9
    /// Longest simulated time per replication, in seconds (about 3,170 years; the work a horizon
    /// implies is bounded separately, by ``SimulationLimits``).
    public static let maximumHorizon = 1e11

    /// Reads and validates the scenario in the file at `path`.
    ///
    /// A file may be a *variant* of another: `{"ccsimVersion": 1, "base": "baseline.json", "patch": {...}}`
    /// is the base scenario (path relative to this file) with the patch applied by JSON Merge Patch
    /// (RFC 7396). Bases may themselves be variants; a cycle or a missing base is an error. Unless the
    /// patch sets `name`, a variant is named after its file.
    /// - Throws: ``ScenarioError`` listing every problem, with `path` as the file name.
    public static func read(contentsOf path: String) throws(ScenarioError) -> Scenario {
        let (document, stem, folder) = try resolvedDocument(contentsOf: path)
        return try decode(document, file: path, defaultName: stem, folder: folder)
    }

    /// The document in the file at `path` with its bases applied, the file's name without extension
    /// (a scenario's default name) and its folder (where relative paths start).
    public static func resolvedDocument(contentsOf path: String) throws(ScenarioError) -> (document: JSONValue, stem: String, folder: String) {
        let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let own = try parseDocument(try readFile(path), file: path)
        var document = try resolveBase(of: own, at: path, chain: [])
        if own["base"] != nil, own["patch"]?["name"] == nil {
            document = document.mergePatched(with: .object([JSONMember(key: "name", value: .string(stem))]))
        }
        let folder = path.range(of: "/", options: .backwards).map { String(path[..<$0.upperBound]) } ?? ""
        return (document, stem, folder)
    }

    /// Longest chain of variants on variants.
    public static let maximumBaseDepth = 32

    /// `document`, read from `path`, with its chain of bases applied; `chain` lists the files
    /// already on the way (to detect cycles).
    static func resolveBase(of document: JSONValue, at path: String, chain: [String]) throws(ScenarioError) -> JSONValue {
        guard document["base"] != nil else { return document }
        func fail(_ key: String, _ message: String) -> ScenarioError {
            ScenarioError(file: path, problems: [ScenarioProblem(path: key, message: message)])
        }
        let problems = ProblemCollector()
        guard let reader = ObjectReader(document, path: "", problems: problems) else { return document }
        _ = reader.integer(
            "ccsimVersion", required: true, in: formatVersion...formatVersion,
            expected: "the scenario format version \(formatVersion)")
        let base = reader.string("base", expected: "the path of the base scenario, relative to this file", accept: { !$0.isEmpty })
        let patch = reader.value("patch") ?? .object([])
        if case .object = patch {} else {
            problems.add("patch", "expected an object (a JSON Merge Patch of the base scenario), found \(describeFound(patch))")
        }
        reader.rejectUnknownKeys()
        if !problems.problems.isEmpty {
            var listed = problems.problems
            for index in listed.indices where listed[index].message.hasPrefix("unknown key") {
                listed[index].message += "; a variant holds only ccsimVersion, base and patch (put changes under \"patch\")"
            }
            throw ScenarioError(file: path, problems: listed)
        }
        guard let base else { return document }
        // The base as the user would name it (relative to where they named this file), and its
        // canonical form, which detects a cycle however the files name each other.
        let folder = path.range(of: "/", options: .backwards).map { String(path[..<$0.upperBound]) } ?? ""
        let basePath = base.hasPrefix("/") ? base : folder + base
        let canonical = { (file: String) in URL(fileURLWithPath: file).standardizedFileURL.path }
        let visited = chain + [path]
        if visited.contains(where: { canonical($0) == canonical(basePath) }) {
            // Reported against the file the user named, where the chain starts.
            let names = (visited + [basePath]).map { URL(fileURLWithPath: $0).lastPathComponent }
            throw ScenarioError(file: visited[0], problems: [ScenarioProblem(
                path: "base", message: "the chain of bases forms a cycle: \(names.joined(separator: " -> "))")])
        }
        if visited.count > maximumBaseDepth {
            throw fail("base", "more than \(maximumBaseDepth) bases in a chain")
        }
        guard FileManager.default.fileExists(atPath: basePath) else {
            throw fail("base", "the base scenario \"\(base)\" does not exist (a base's path is relative to the folder of the file that names it)")
        }
        let baseDocument = try parseDocument(try readFile(basePath), file: basePath)
        return try resolveBase(of: baseDocument, at: basePath, chain: visited).mergePatched(with: patch)
    }

    /// Reads a file's bytes, or throws a ``ScenarioError`` that says why it cannot be read.
    public static func readFile(_ path: String) throws(ScenarioError) -> [UInt8] {
        func fail(_ message: String) -> ScenarioError {
            ScenarioError(file: path, problems: [ScenarioProblem(path: "", message: message)])
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw fail("no such file")
        }
        if isDirectory.boolValue { throw fail("is a directory, expected a scenario file (JSON)") }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw fail("cannot be opened for reading") }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maximumFileSize + 1) ?? Data()
        } catch {
            throw fail("cannot be read: \(error.localizedDescription)")
        }
        if data.count > maximumFileSize { throw fail("is larger than \(maximumFileSize >> 20) MiB, expected a scenario file") }
        return [UInt8](data)
    }

    /// Parses and validates a scenario from its JSON text (a variant's base is not resolved here:
    /// use ``read(contentsOf:)`` for files).
    /// - Parameters:
    ///   - bytes: the file's content (UTF-8 JSON).
    ///   - file: the file name used in error messages.
    ///   - defaultName: the scenario's name when the file gives none.
    /// - Throws: ``ScenarioError`` listing every problem.
    public static func parse(_ bytes: [UInt8], file: String, defaultName: String = "scenario") throws(ScenarioError) -> Scenario {
        try decode(try parseDocument(bytes, file: file), file: file, defaultName: defaultName)
    }

    /// The JSON document in the file at `path` (a scenario or a result), with the reader's checks of
    /// size, encoding and syntax; bases are not resolved.
    public static func parseDocumentForReport(_ path: String) throws(ScenarioError) -> JSONValue {
        try parseDocument(try readFile(path), file: path)
    }

    /// The JSON document in `bytes`, or a ``ScenarioError`` for an empty, non-UTF-8 or malformed text.
    static func parseDocument(_ bytes: [UInt8], file: String) throws(ScenarioError) -> JSONValue {
        func fail(_ message: String) -> ScenarioError {
            ScenarioError(file: file, problems: [ScenarioProblem(path: "", message: message)])
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw fail("the file is empty\(bytes.isEmpty ? "" : " (only white space)"), expected a JSON object")
        }
        if let offset = firstInvalidUTF8(bytes) {
            let line = 1 + bytes[..<offset].count(where: { $0 == 0x0A })
            let lineStart = bytes[..<offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            throw fail("the file is not valid UTF-8 text (line \(line), column \(offset - lineStart + 1): byte 0x\(String(bytes[offset], radix: 16, uppercase: true))), expected a JSON scenario")
        }
        do {
            return try JSONParser.parse(bytes)
        } catch {
            throw fail("invalid JSON at \(error)")
        }
    }

    /// The offset of the first byte that is not part of well-formed UTF-8, if any.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// Validates a parsed document and builds the scenario.
    /// - Parameter folder: where relative paths in the scenario (arrival traces) start; `nil` when the
    ///   scenario has no file, and then traces are refused.
    public static func decode(
        _ document: JSONValue, file: String, defaultName: String = "scenario", folder: String? = nil
    ) throws(ScenarioError) -> Scenario {
        let problems = ProblemCollector()
        let scenario = ScenarioDecoder(problems: problems, folder: folder).decodeScenario(document, defaultName: defaultName)
        if let scenario, problems.problems.isEmpty {
            // The checks a scenario built in code gets: what `validate` accepts, `run` can run.
            let remaining = scenario.validationProblems()
            if remaining.isEmpty { return scenario }
            throw ScenarioError(file: file, problems: remaining)
        }
        throw ScenarioError(file: file, problems: problems.problems)
    }
}

/// The walk over a scenario document; each `decode…` records problems and returns `nil` on failure.
struct ScenarioDecoder {
    let problems: ProblemCollector
    /// Folder of the scenario file, for relative paths (`nil`: no file).
    var folder: String? = nil

    func decodeScenario(_ document: JSONValue, defaultName: String) -> Scenario? {
        guard let root = ObjectReader(document, path: "", problems: problems) else { return nil }
        let version = root.integer(
            "ccsimVersion", required: true, in: ScenarioReader.formatVersion...ScenarioReader.formatVersion,
            expected: "the scenario format version \(ScenarioReader.formatVersion)")
        let name = root.string("name", expected: nameExpectation, accept: isValidName) ?? defaultName
        _ = root.string("description")
        let simulation = root.object("simulation", required: true).flatMap(decodeSimulation)
        let calendar = root.value("calendar") == nil ? .alwaysOpen : root.object("calendar").flatMap(decodeCalendar)
        var busynessCV = 0.0
        if let busyness = root.object("busyness") {
            busynessCV = busyness.number("cv", required: true, expected: "a coefficient of variation from 0 to 2") { $0 >= 0 && $0 <= 2 } ?? 0
            busyness.rejectUnknownKeys()
        }
        let serviceLevel = root.value("serviceLevel") == nil ? ServiceLevelGoal() : root.object("serviceLevel").flatMap(decodeServiceLevel)
        var callTypeElements = root.array("callTypes", required: true, nonEmpty: true, expected: "an array of call types")
        if let elements = callTypeElements, elements.count > ScenarioReader.maximumCallTypes {
            root.problem("callTypes", "expected at most \(ScenarioReader.maximumCallTypes) call types, found \(elements.count)")
            callTypeElements = nil
        }
        let callTypes = callTypeElements?.map { decodeCallType($0.value, path: $0.path, calendar: calendar) }
        var groupElements = root.array("agentGroups", required: true, nonEmpty: true, expected: "an array of agent groups")
        if let elements = groupElements, elements.count > ScenarioReader.maximumAgentGroups {
            root.problem("agentGroups", "expected at most \(ScenarioReader.maximumAgentGroups) agent groups, found \(elements.count)")
            groupElements = nil
        }
        let groups = groupElements?.map { decodeAgentGroup($0.value, path: $0.path, hasCalendar: root.has("calendar")) }
        var routing: RoutingPolicy? = .longestIdleAgent
        if let routingReader = root.object("routing") {
            routing = decodeRouting(routingReader)
        }
        let costsReader = root.object("costs", expected: "an object of costs such as {\"currency\": \"EUR\", \"inHouse\": {\"hourlyWage\": 15}}")
        let revenue = root.object("revenue", expected: "an object such as {\"customerLifetimeValue\": 1200, \"churn\": {…}}").flatMap(decodeRevenue)
        let leverElements = root.array("automation", expected: "an array of automation levers such as {\"kind\": \"autoTranscription\", \"wrapUpReduction\": 0.5}")
        let lines = root.integer("lines", in: 1...10_000_000, expected: "a whole number of trunk lines from 1 to 10000000")
        // A variant's base is resolved by `read(contentsOf:)`, relative to its file; text parsed
        // without a file has nowhere to look for it.
        for key in ["base", "patch"] where root.value(key) != nil {
            root.problem(key, "\"\(key)\" makes a variant, which is resolved only when the scenario is read from a file")
        }
        root.rejectUnknownKeys()

        if let callTypeElements, let callTypes, let groups {
            // Names come from the document, so a call type with another problem still counts as named.
            let typeNames = callTypeElements.map { element -> String? in
                if case .string(let name)? = element.value["name"], !name.isEmpty { return name }
                return nil
            }
            checkNames(typeNames, path: "callTypes", what: "call type")
            checkNames(groups.map { $0?.name }, path: "agentGroups", what: "agent group")
            checkSkills(typeNames: typeNames, callTypes: callTypes, groups: groups)
            let totalAgents = groups.reduce(Int64(0)) { $0 + Int64($1?.agents ?? 0) }
            if totalAgents > ScenarioReader.maximumAgents {
                problems.add("agentGroups", "expected at most \(ScenarioReader.maximumAgents) agents in all, found \(totalAgents)")
            }
        }
        let costs = costsReader.flatMap { decodeCosts($0, groupNames: groupElements?.map { element -> String? in
            if case .string(let name)? = element.value["name"], !name.isEmpty { return name }
            return nil
        } ?? []) }
        let levers = callTypes.flatMap({ $0.allNonNil() }).flatMap { types in
            leverElements?.map { element in
                ObjectReader(element.value, path: element.path, problems: problems).flatMap { decodeLever($0, callTypes: types) }
            }
        }
        guard version != nil, let simulation, let serviceLevel, let routing,
            let callTypes = callTypes.flatMap({ $0.allNonNil() }), let groups = groups.flatMap({ $0.allNonNil() }),
            root.has("costs") == (costs != nil), root.has("revenue") == (revenue != nil)
        else { return nil }
        let automation = levers?.allNonNil() ?? []
        if root.has("automation") && automation.count != leverElements?.count { return nil }
        guard let calendar else { return nil }
        var scenario = Scenario(
            name: name, simulation: simulation, serviceLevel: serviceLevel,
            callTypes: callTypes, agentGroups: groups, routing: routing)
        scenario.calendar = calendar
        scenario.busynessCV = busynessCV
        scenario.costs = costs
        scenario.revenue = revenue
        scenario.automation = automation
        if root.has("lines") {
            guard let lines else { return nil }
            scenario.lines = Int(lines)
        }
        return scenario
    }

    func decodeSimulation(_ reader: ObjectReader) -> SimulationSettings? {
        let limit = ScenarioReader.maximumHorizon
        let hours = reader.number("hours", expected: "a number of hours, at least one second and at most \(Int(limit / 3600))") {
            $0 * 3600 >= 1 && $0 * 3600 <= limit
        }
        let days = reader.number("days", expected: "a number of days, at least one second and at most \(Int(limit / 86400))") {
            $0 * 86400 >= 1 && $0 * 86400 <= limit
        }
        let replications = reader.integer(
            "replications", in: 1...ScenarioReader.maximumReplications,
            expected: "a whole number of replications from 1 to \(ScenarioReader.maximumReplications)")
        let seed = reader.unsigned("seed", expected: "a whole number from 0 to 18446744073709551615")
        let warmupMinutes = reader.number("warmupMinutes", expected: "a number of minutes ≥ 0") { $0 >= 0 && $0 * 60 <= limit }
        reader.rejectUnknownKeys()
        let hasHours = reader.has("hours"), hasDays = reader.has("days")
        if hasHours && hasDays {
            reader.problem(nil, "give either \"hours\" or \"days\", not both")
            return nil
        }
        if !hasHours && !hasDays {
            reader.problem(nil, "missing key \"hours\" or \"days\" (expected the simulated time per replication)")
            return nil
        }
        guard let horizon = hours.map({ $0 * 3600 }) ?? days.map({ $0 * 86400 }) else { return nil }
        if reader.has("replications") && replications == nil { return nil }
        if reader.has("seed") && seed == nil { return nil }
        if reader.has("warmupMinutes") && warmupMinutes == nil { return nil }
        let warmup = (warmupMinutes ?? 0) * 60
        if warmup >= horizon {
            reader.problem("warmupMinutes", "expected a warm-up shorter than the simulated time (\(plain(horizon / 60)) minutes)")
            return nil
        }
        return SimulationSettings(
            horizonSeconds: horizon, replications: Int(replications ?? 10), seed: seed ?? 1, warmupSeconds: warmup)
    }

    func decodeServiceLevel(_ reader: ObjectReader) -> ServiceLevelGoal? {
        let target = reader.number("targetSeconds", expected: secondsExpectation) { $0 >= 0 && $0 <= ScenarioReader.maximumDuration }
        let goal = reader.number("goal", expected: "a share from 0 to 1") { $0 >= 0 && $0 <= 1 }
        reader.rejectUnknownKeys()
        if (reader.has("targetSeconds") && target == nil) || (reader.has("goal") && goal == nil) { return nil }
        let defaults = ServiceLevelGoal()
        return ServiceLevelGoal(targetSeconds: target ?? defaults.targetSeconds, goal: goal ?? defaults.goal)
    }

    func decodeCallType(_ value: JSONValue, path: String, calendar: BusinessCalendar?) -> CallType? {
        guard let reader = ObjectReader(value, path: path, problems: problems) else { return nil }
        let name = reader.string("name", required: true, expected: nameExpectation, accept: isValidName)
        let channelName = reader.string("channel", expected: "\"voice\", \"chat\" or \"email\"", accept: { Channel(rawValue: $0) != nil })
        let channel = channelName.flatMap(Channel.init) ?? .voice
        let responseTarget = reader.number("responseTargetSeconds", expected: "a number of seconds from 1e-6 to 1e9", accept: isPositiveDuration)
        if channel == .email {
            for key in ["patience", "ivr", "callback", "redial"] where reader.has(key) {
                reader.problem(key, "an email has no \"\(key)\" (it waits in its queue until answered); remove it")
            }
        } else if reader.has("responseTargetSeconds") {
            reader.problem("responseTargetSeconds", "a response-time target is for emails; \(channel == .chat ? "chats" : "voice calls") use serviceLevel.targetSeconds")
        }
        if channel == .chat {
            for key in ["callback", "misrouting"] where reader.has(key) {
                reader.problem(key, "a chat has no \"\(key)\" (\(key == "callback" ? "virtual hold is for calls" : "transfers are modelled for calls and emails only")); remove it")
            }
        }
        let growth = reader.number("handleTimeGrowthPerChat", expected: "a fraction from 0 to 10 (0.25: +25 % talk per other chat in hand)") {
            $0 >= 0 && $0 <= 10
        }
        if reader.has("handleTimeGrowthPerChat") && channel != .chat {
            reader.problem("handleTimeGrowthPerChat", "a handle-time growth per chat is for call types with \"channel\": \"chat\"")
        }
        reader.rejectMisplaced(
            "concurrency", "the chats an agent holds at once are set per agent group: move \"concurrency\" to agentGroups[…] (see the README)")
        let arrivals = reader.object("arrivals", required: true, expected: "an object such as {\"perHour\": 25}").flatMap {
            decodeArrivals($0, calendar: calendar)
        }
        let handle = reader.object("handleTime", required: true, expected: "a distribution").flatMap { decodeDistribution($0, positiveMean: true) }
        let wrapUp = reader.object("wrapUp").flatMap { decodeDistribution($0, positiveMean: false) }
        let patience = reader.object("patience").flatMap { decodeDistribution($0, positiveMean: false) }
        let share = "a probability from 0 to 1"
        let resolution = reader.number("firstContactResolution", expected: share) { $0 >= 0 && $0 <= 1 }
        let retry = reader.object("retry").flatMap(decodeRepeat)
        let redial = reader.object("redial").flatMap(decodeRepeat)
        let ivr = reader.object("ivr").flatMap(decodeIVR)
        let callback = reader.object("callback").flatMap(decodeCallback)
        let misrouting = reader.object("misrouting").flatMap(decodeMisrouting)
        reader.rejectUnimplemented(["priority"])
        reader.rejectUnknownKeys()
        if reader.has("channel") && channelName == nil { return nil }
        if reader.has("handleTimeGrowthPerChat") && (growth == nil || channel != .chat) { return nil }
        if reader.has("concurrency") { return nil }
        if channel == .chat && (reader.has("callback") || reader.has("misrouting")) { return nil }
        if reader.has("wrapUp") && wrapUp == nil { return nil }
        if reader.has("patience") && patience == nil { return nil }
        if (reader.has("firstContactResolution") && resolution == nil) || (reader.has("retry") && retry == nil)
            || (reader.has("redial") && redial == nil) || (reader.has("ivr") && ivr == nil)
            || (reader.has("callback") && callback == nil) || (reader.has("misrouting") && misrouting == nil)
        {
            return nil
        }
        guard let name, let arrivals, let handle else { return nil }
        var callType = CallType(
            name: name, arrivalsPerHour: arrivals.perHour, handleTime: handle,
            wrapUp: wrapUp, patience: patience)
        callType.profile = arrivals.profile
        callType.closedPerHour = arrivals.closedPerHour
        callType.traceHandleTimes = arrivals.handleTimes
        callType.firstContactResolution = resolution ?? 1
        callType.retry = retry
        callType.redial = redial
        callType.ivr = ivr
        callType.callback = callback
        callType.misrouting = misrouting
        callType.channel = channel
        if let responseTarget { callType.responseTargetSeconds = responseTarget }
        callType.handleTimeGrowthPerChat = growth ?? 0
        if channel == .email && (callType.patience != nil || ivr != nil || callback != nil || redial != nil) { return nil }
        return callType
    }

    /// The arrival pattern: exactly one of `perHour`, `perDay` (with an optional `profile`) and
    /// `perInterval`, plus an optional `closedPerHour`.
    func decodeArrivals(
        _ reader: ObjectReader, calendar: BusinessCalendar?
    ) -> (perHour: Double, profile: DemandProfile?, closedPerHour: Double, handleTimes: [Double]?)? {
        let rateExpected = "a rate in contacts per hour: 0, or from 1e-9 to 1e9"
        let isRate = { (x: Double) in x == 0 || (x >= ScenarioReader.minimumRate && x <= ScenarioReader.maximumRate) }
        let given = ["perHour", "perDay", "perInterval", "trace"].filter(reader.has)
        if given.count != 1 {
            reader.problem(nil, given.isEmpty
                ? "missing key \"perHour\", \"perDay\", \"perInterval\" or \"trace\" (expected the demand of the call type)"
                : "give one of \"perHour\", \"perDay\", \"perInterval\" and \"trace\", not \(given.joined(separator: " and "))")
        }
        let trace = reader.string(
            "trace", expected: "the path of a CSV file of arrival times (and optionally handle times), relative to the scenario file",
            accept: { !$0.isEmpty })
            .flatMap { readTrace($0, reader: reader) }
        let perHour = reader.number("perHour", expected: rateExpected, accept: isRate)
        let perDay = reader.number("perDay", expected: "a number of contacts a day: 0, or from 1e-9 to 1e10") {
            $0 == 0 || ($0 >= ScenarioReader.minimumRate && $0 <= 1e10)
        }
        let closedPerHour = reader.number("closedPerHour", expected: rateExpected, accept: isRate)
        let intervals = calendar?.intervalCount
        func perIntervalValues(_ key: String, expected: String, accept: (Double) -> Bool) -> [Double]? {
            guard let elements = reader.array(key, nonEmpty: true, expected: expected) else { return nil }
            var values: [Double] = []
            for element in elements {
                if case .number(let number) = element.value, accept(number.value) {
                    values.append(number.value)
                } else {
                    problems.add(element.path, "expected \(expected.hasPrefix("an array of") ? String(expected.dropFirst(12)) : expected), found \(describeFound(element.value))")
                }
            }
            guard values.count == elements.count else { return nil }
            if let intervals, values.count != intervals {
                reader.problem(key, "expected one value per calendar interval (\(intervals)), found \(values.count)")
                return nil
            }
            return values
        }
        let profile = perIntervalValues("profile", expected: "an array of weights ≥ 0", accept: { $0 >= 0 && $0 <= 1e12 })
        if reader.has("profile") && !reader.has("perDay") {
            reader.problem("profile", "a profile spreads \"perDay\" over the day's intervals; give \"perDay\" with it")
        }
        if let profile, profile.allSatisfy({ $0 == 0 }), (perDay ?? 0) > 0 {
            reader.problem("profile", "expected at least one weight > 0")
        }
        let perInterval = perIntervalValues("perInterval", expected: "an array of rates in contacts per hour", accept: isRate)
        reader.rejectUnknownKeys()
        guard given.count == 1, reader.has("closedPerHour") == (closedPerHour != nil) else { return nil }
        switch given[0] {
        case "perHour":
            guard let perHour else { return nil }
            return (perHour, nil, closedPerHour ?? 0, nil)
        case "perDay":
            guard let perDay, reader.has("profile") == (profile != nil) else { return nil }
            return (0, .perDay(perDay, weights: profile ?? []), closedPerHour ?? 0, nil)
        case "trace":
            guard let trace else { return nil }
            return (0, .trace(trace.times), closedPerHour ?? 0, trace.handleTimes)
        default:
            guard let perInterval else { return nil }
            return (0, .perInterval(perInterval), closedPerHour ?? 0, nil)
        }
    }

    /// Arrival times from a CSV file: one contact a line, its arrival time in seconds from the start of
    /// the simulation (Monday 00:00), ascending, and optionally, in a second column, its handle (talk)
    /// time in seconds, on every line or on none; a first line that is not a number is a header.
    func readTrace(_ name: String, reader: ObjectReader) -> (times: [Double], handleTimes: [Double]?)? {
        guard let folder else {
            reader.problem("trace", "a trace is read from a file next to the scenario file; give the scenario as a file")
            return nil
        }
        let path = name.hasPrefix("/") ? name : folder + name
        let bytes: [UInt8]
        do {
            bytes = try ScenarioReader.readFile(path)
        } catch {
            reader.problem("trace", "the trace \(name): \(error.problems.first?.message ?? "cannot be read")")
            return nil
        }
        var times: [Double] = []
        var handleTimes: [Double] = []
        /// Whether the rows carry a handle time (decided by the first row).
        var withHandleTimes: Bool?
        func fail(_ line: Int, _ message: String) -> (times: [Double], handleTimes: [Double]?)? {
            reader.problem("trace", "the trace \(name), line \(line): \(message)")
            return nil
        }
        for (number, line) in String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline).enumerated() {
            var fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            while fields.count > 1, fields.last!.isEmpty { fields.removeLast() }  // trailing empty columns
            guard let first = fields.first, !first.isEmpty || fields.count > 1 else { continue }
            guard let time = Double(first), time.isFinite, time >= 0 else {
                if number == 0 { continue }  // a header
                return fail(number + 1, "expected an arrival time in seconds ≥ 0, found \"\(first)\"")
            }
            if fields.count > 2 {
                return fail(number + 1, "expected at most two columns (arrival time, handle time in seconds), found \(fields.count)")
            }
            let hasHandle = fields.count == 2
            if let expected = withHandleTimes, expected != hasHandle {
                return fail(number + 1, expected
                    ? "expected a handle time in seconds after the arrival time, as on the first line"
                    : "expected only an arrival time, as on the first line (give handle times on every line or on none)")
            }
            withHandleTimes = hasHandle
            if let last = times.last, time < last {
                return fail(number + 1, "expected times in ascending order, found \(first) after \(plain(last))")
            }
            if hasHandle {
                guard let handle = Double(fields[1]), isPositiveDuration(handle) else {
                    return fail(number + 1, "expected a handle time in seconds from 1e-6 to 1e9, found \"\(fields[1])\"")
                }
                handleTimes.append(handle)
            }
            times.append(time)
        }
        return (times, withHandleTimes == true ? handleTimes : nil)
    }

    /// `{"share": s, "to": "other type", "transferTalk": distribution}`.
    func decodeMisrouting(_ reader: ObjectReader) -> Misrouting? {
        let share = reader.number("share", required: true, expected: "a probability from 0 to 1") { $0 >= 0 && $0 <= 1 }
        let to = reader.string("to", required: true, expected: "the name of the call type whose queue misrouted contacts reach", accept: isValidName)
        let talk = reader.object("transferTalk", required: true, expected: "a distribution of the talk before the transfer").flatMap {
            decodeDistribution($0, positiveMean: false)
        }
        reader.rejectUnknownKeys()
        guard let share, let to, let talk else { return nil }
        return Misrouting(share: share, to: to, transferTalk: talk)
    }

    /// `{"offerAfterSeconds": s, "acceptance": p, "maxDelaySeconds": d}`.
    func decodeCallback(_ reader: ObjectReader) -> CallbackOffer? {
        let after = reader.number("offerAfterSeconds", required: true, expected: secondsExpectation, accept: isDuration)
        let acceptance = reader.number("acceptance", required: true, expected: "a probability from 0 to 1") { $0 >= 0 && $0 <= 1 }
        let maxDelay = reader.number("maxDelaySeconds", expected: secondsExpectation, accept: isDuration)
        reader.rejectUnknownKeys()
        guard let after, let acceptance, !reader.has("maxDelaySeconds") || maxDelay != nil else { return nil }
        return CallbackOffer(offerAfterSeconds: after, acceptance: acceptance, maxDelaySeconds: maxDelay)
    }

    /// `{"probability": p, "delay": distribution}`.
    func decodeRepeat(_ reader: ObjectReader) -> RepeatContact? {
        let probability = reader.number("probability", required: true, expected: "a probability from 0 to 1") { $0 >= 0 && $0 <= 1 }
        let delay = reader.object("delay", required: true, expected: "a distribution of the delay in seconds").flatMap {
            decodeDistribution($0, positiveMean: false)
        }
        reader.rejectUnknownKeys()
        guard let probability, let delay else { return nil }
        return RepeatContact(probability: probability, delay: delay)
    }

    /// `{"durationSeconds": d, "containment": c, "falseContainment": {"share": s, "delay": distribution}}`.
    func decodeIVR(_ reader: ObjectReader) -> IVRStage? {
        let duration = reader.number("durationSeconds", required: true, expected: "a number of seconds ≥ 0 and at most 1e9") {
            $0 >= 0 && $0 <= ScenarioReader.maximumDuration
        }
        let containment = reader.number("containment", required: true, expected: "a probability from 0 to 1") { $0 >= 0 && $0 <= 1 }
        var falseShare = 0.0
        var falseDelay: Distribution?
        var falseValid = true
        if let falseReader = reader.object("falseContainment", expected: "an object such as {\"share\": 0.2, \"delay\": {...}}") {
            let share = falseReader.number("share", required: true, expected: "a probability from 0 to 1") { $0 >= 0 && $0 <= 1 }
            let delay = falseReader.object("delay", required: true, expected: "a distribution of the delay in seconds").flatMap {
                decodeDistribution($0, positiveMean: false)
            }
            falseReader.rejectUnknownKeys()
            if let share, let delay {
                falseShare = share
                falseDelay = delay
            } else {
                falseValid = false
            }
        } else if reader.has("falseContainment") {
            falseValid = false
        }
        reader.rejectUnknownKeys()
        guard let duration, let containment, falseValid else { return nil }
        return IVRStage(durationSeconds: duration, containment: containment, falseContainment: falseShare, falseContainmentDelay: falseDelay)
    }

    /// "HH:MM" (00:00 to 24:00) as seconds after midnight.
    func timeOfDay(_ reader: ObjectReader, _ key: String, required: Bool = true) -> Double? {
        guard let text = reader.string(key, required: required, expected: "a time of day \"HH:MM\" from 00:00 to 24:00", accept: {
            parseTimeOfDay($0) != nil
        }) else { return nil }
        return parseTimeOfDay(text)
    }

    func decodeCalendar(_ reader: ObjectReader) -> BusinessCalendar? {
        let open = timeOfDay(reader, "open")
        let close = timeOfDay(reader, "close")
        let interval = reader.integer("intervalMinutes", in: 1...1440, expected: "15, 30 or 60 minutes")
        let dayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        var days = Set(0..<7)
        if let elements = reader.array("days", nonEmpty: true, expected: "an array of weekdays such as [\"mon\", \"tue\"]") {
            days = []
            for element in elements {
                if case .string(let name) = element.value, let day = dayNames.firstIndex(of: name.lowercased()) {
                    days.insert(day)
                } else {
                    problems.add(element.path, "expected a weekday (mon, tue, wed, thu, fri, sat or sun), found \(describeFound(element.value))")
                }
            }
        }
        let closedCalls = reader.string("closedCalls", expected: "\"drop\" or \"carryOver\"", accept: { ClosedCallPolicy(rawValue: $0) != nil })
        let atClose = reader.string("atClose", expected: "\"serve\" or \"drop\"", accept: { ClosingPolicy(rawValue: $0) != nil })
        let spread = reader.number("carryOverSpreadMinutes", expected: "a number of minutes from 0 to the length of the opening hours") { $0 >= 0 && $0 <= 1440 }
        reader.rejectUnknownKeys()
        guard let open, let close else { return nil }
        if close <= open {
            reader.problem("close", "expected a closing time after the opening time")
            return nil
        }
        let minutes = Double(interval ?? 30)
        if interval != nil, ![15.0, 30, 60].contains(minutes) {
            reader.problem("intervalMinutes", "expected 15, 30 or 60 minutes, found \(Int(minutes))")
            return nil
        }
        if (close - open).truncatingRemainder(dividingBy: minutes * 60) != 0 {
            reader.problem("intervalMinutes", "expected intervals that divide the opening hours (\(plain((close - open) / 60)) minutes) evenly")
            return nil
        }
        if reader.has("intervalMinutes") && interval == nil { return nil }
        if reader.has("closedCalls") && closedCalls == nil { return nil }
        if reader.has("atClose") && atClose == nil { return nil }
        if reader.has("days") && days.isEmpty { return nil }
        if reader.has("carryOverSpreadMinutes") {
            guard let spread else { return nil }
            if spread * 60 > close - open {
                reader.problem("carryOverSpreadMinutes", "expected at most the opening hours (\(plain((close - open) / 60)) minutes), found \(plain(spread))")
                return nil
            }
            if closedCalls != "carryOver" {
                reader.problem("carryOverSpreadMinutes", "applies to callers carried over: give \"closedCalls\": \"carryOver\"")
                return nil
            }
        }
        var calendar = BusinessCalendar(
            open: open, close: close, intervalSeconds: minutes * 60, days: days,
            closedCalls: closedCalls.flatMap(ClosedCallPolicy.init) ?? .drop, atClose: atClose.flatMap(ClosingPolicy.init) ?? .serve)
        calendar.carryOverSpreadSeconds = (spread ?? 0) * 60
        return calendar
    }

    /// A distribution of a duration in seconds (`nil` on a problem). One that is identically zero
    /// (a zero wrap-up, a patience of 0 that turns the queue into a loss system) becomes `.deterministic(0)`.
    func decodeDistribution(_ reader: ObjectReader, positiveMean: Bool) -> Distribution? {
        let kinds = ["exponential", "lognormal", "gamma", "erlang", "weibull", "uniform", "deterministic", "empirical"]
        guard let kind = reader.string(
            "distribution", required: true, expected: "one of \(kinds.joined(separator: ", "))",
            accept: { kinds.contains($0) })
        else { return nil }  // its other keys depend on the kind: not reported as unknown
        let meanExpected = positiveMean ? "a mean in seconds from 1e-6 to \(durationLimit)" : "a mean in seconds: 0, or from 1e-6 to \(durationLimit)"
        func mean() -> Double? {
            reader.number("mean", required: true, expected: meanExpected) { positiveMean ? isPositiveDuration($0) : isDuration($0) }
        }
        func cv() -> Double? {
            reader.number("cv", required: true, expected: "a coefficient of variation from 0 to 100") { $0 >= 0 && $0 <= 100 }
        }
        var result: Distribution?
        switch kind {
        case "exponential":
            if let mean = mean() { result = mean == 0 ? .deterministic(0) : .exponential(mean: mean) }
        case "lognormal":
            if let mean = mean(), let cv = cv() { result = mean == 0 ? .deterministic(0) : .lognormal(mean: mean, cv: cv) }
        case "gamma":
            if let mean = mean(), let cv = cv() { result = mean == 0 ? .deterministic(0) : .gamma(mean: mean, cv: cv) }
        case "erlang":
            let mean = mean()
            let k = reader.integer("k", required: true, in: 1...1000, expected: "a whole number of phases from 1 to 1000")
            if let mean, let k { result = mean == 0 ? .deterministic(0) : .erlang(mean: mean, k: Int(k)) }
        case "weibull":
            let mean = mean()
            let shape = reader.number("shape", required: true, expected: "a shape from 0.05 to 100") { $0 >= 0.05 && $0 <= 100 }
            if let mean, let shape { result = mean == 0 ? .deterministic(0) : .weibull(mean: mean, shape: shape) }
        case "uniform":
            let low = reader.number("min", required: true, expected: secondsExpectation, accept: isDuration)
            let high = reader.number("max", required: true, expected: secondsExpectation, accept: isDuration)
            if let low, let high {
                if high < low {
                    reader.problem("max", "expected max ≥ min (\(plain(low))), found \(plain(high))")
                } else if positiveMean && high == 0 {
                    reader.problem("max", "expected max > 0: a handle time cannot always be zero")
                } else {
                    result = high == 0 ? .deterministic(0) : .uniform(min: low, max: high)
                }
            }
        case "deterministic":
            if let value = reader.number(
                "value", required: true, expected: positiveMean ? "a number of seconds from 1e-6 to \(durationLimit)" : secondsExpectation,
                accept: positiveMean ? isPositiveDuration : isDuration)
            {
                result = .deterministic(value)
            }
        default:  // empirical
            if let elements = reader.array("values", required: true, nonEmpty: true, expected: "an array of durations in seconds") {
                var values: [Double] = []
                for element in elements {
                    if case .number(let number) = element.value, isDuration(number.value) {
                        values.append(number.value)
                    } else {
                        problems.add(element.path, "expected \(secondsExpectation), found \(describeFound(element.value))")
                    }
                }
                if values.count == elements.count {
                    if positiveMean && values.allSatisfy({ $0 == 0 }) {
                        reader.problem("values", "expected at least one value > 0: a handle time cannot always be zero")
                    } else {
                        result = values.allSatisfy({ $0 == 0 }) ? .deterministic(0) : .empirical(values)
                    }
                }
            }
        }
        reader.rejectUnknownKeys()
        return result
    }

    func decodeAgentGroup(_ value: JSONValue, path: String, hasCalendar: Bool) -> AgentGroup? {
        guard let reader = ObjectReader(value, path: path, problems: problems) else { return nil }
        let name = reader.string("name", required: true, expected: nameExpectation, accept: isValidName)
        let agents = reader.integer(
            "agents", required: !reader.has("shifts"), in: 0...ScenarioReader.maximumAgents,
            expected: "a whole number of agents from 0 to \(ScenarioReader.maximumAgents)")
        var skills: [String]?
        var priorities: [Int] = [], delays: [Double] = []
        if let elements = reader.array("skills", required: true, nonEmpty: true, expected: "an array of call-type names") {
            var names: [String] = []
            var seen: Set<String> = []
            for element in elements {
                var name: String?
                var priority: Int64 = 1, delay = 0.0
                if case .string(let skill) = element.value, isValidName(skill) {
                    name = skill
                } else if case .object = element.value, let rule = ObjectReader(element.value, path: element.path, problems: problems) {
                    name = rule.string("callType", required: true, expected: nameExpectation, accept: isValidName)
                    let priorityValue = rule.integer("priority", in: 1...1000, expected: "a whole number from 1 (highest) to 1000")
                    let delayValue = rule.number("afterSeconds", expected: secondsExpectation, accept: isDuration)
                    rule.rejectUnknownKeys()
                    if (rule.has("priority") && priorityValue == nil) || (rule.has("afterSeconds") && delayValue == nil) { name = nil }
                    priority = priorityValue ?? 1
                    delay = delayValue ?? 0
                } else {
                    problems.add(element.path, "expected the name of a call type or {\"callType\": …, \"priority\": …, \"afterSeconds\": …}, found \(describeFound(element.value))")
                }
                guard let name else { continue }
                if !seen.insert(name).inserted {
                    problems.add(element.path, "duplicate skill \"\(name)\"")
                }
                names.append(name)
                priorities.append(Int(priority))
                delays.append(delay)
            }
            skills = names.count == elements.count ? names : nil
        }
        var shifts: [Shift] = []
        var shiftsValid = true
        if let elements = reader.array("shifts", nonEmpty: true, expected: "an array of shifts such as {\"start\": \"08:00\", \"end\": \"16:00\", \"agents\": 6}") {
            for element in elements {
                guard let shift = ObjectReader(element.value, path: element.path, problems: problems) else {
                    shiftsValid = false
                    continue
                }
                let start = timeOfDay(shift, "start")
                let end = timeOfDay(shift, "end")
                let count = shift.integer(
                    "agents", required: true, in: 0...ScenarioReader.maximumAgents,
                    expected: "a whole number of agents from 0 to \(ScenarioReader.maximumAgents)")
                let breakElements = shift.array(
                    "breaks", expected: "an array of breaks such as {\"start\": \"12:00\", \"minutes\": 30}")
                shift.rejectUnknownKeys()
                guard let start, let end, let count else {
                    shiftsValid = false
                    continue
                }
                if end <= start {
                    shift.problem("end", "expected a shift that ends after it starts on the same day (split a night shift in two)")
                    shiftsValid = false
                    continue
                }
                guard let breaks = decodeBreaks(breakElements, of: shift, start: start, end: end, agents: count),
                    !shift.has("breaks") || breakElements != nil
                else {
                    shiftsValid = false
                    continue
                }
                shifts.append(Shift(start: start, end: end, agents: Int(count), breaks: breaks))
            }
        } else if reader.has("shifts") {
            shiftsValid = false
        }
        if reader.has("shifts") && reader.has("agents") {
            reader.problem(nil, "give either \"agents\" (a constant head count) or \"shifts\", not both")
            shiftsValid = false
        }
        let shrinkage = reader.number("shrinkage", expected: "a share of paid time from 0 to 0.95") { $0 >= 0 && $0 <= 0.95 }
        if reader.has("outsourced") {
            _ = reader.value("outsourced")
            reader.problem("outsourced", "an outsourced group is declared under costs.outsourced, with the vendor's tariff: {\"agentGroup\": \"…\", \"perAgentHour\": …}")
        }
        let concurrency = reader.integer(
            "concurrency", in: 1...1000, expected: "a whole number of chats an agent holds at once, from 1 to 1000")
        reader.rejectMisplaced(
            "breaks", "breaks belong to a shift: give the group \"shifts\" and put them in shifts[…].breaks, e.g. [{\"start\": \"12:00\", \"minutes\": 30}]")
        reader.rejectUnknownKeys()
        guard let name, let skills, shiftsValid, !reader.has("shrinkage") || shrinkage != nil, !reader.has("outsourced") else { return nil }
        if reader.has("concurrency") && concurrency == nil { return nil }
        var group: AgentGroup
        if reader.has("shifts") {
            group = AgentGroup(name: name, agents: shifts.reduce(0) { $0 + $1.agents }, skills: skills)
            group.shifts = shifts
        } else {
            guard let agents else { return nil }
            group = AgentGroup(name: name, agents: Int(agents), skills: skills)
        }
        group.shrinkage = shrinkage ?? 0
        if priorities.contains(where: { $0 != 1 }) { group.skillPriorities = priorities }
        if delays.contains(where: { $0 != 0 }) { group.skillDelays = delays }
        group.concurrency = Int(concurrency ?? 1)
        return group
    }

    /// The breaks of a shift from `start` to `end` (seconds after midnight) with `agents` agents: each
    /// `{"start": "12:00", "minutes": 30, "agents": 2}` (all the shift's agents when `agents` is
    /// absent), inside the shift, ending before it, in order of time and not overlapping.
    func decodeBreaks(_ elements: [(path: String, value: JSONValue)]?, of shift: ObjectReader, start: Double, end: Double, agents: Int64) -> [ShiftBreak]? {
        guard let elements else { return [] }
        var breaks: [ShiftBreak] = []
        var valid = true
        for element in elements {
            guard let reader = ObjectReader(element.value, path: element.path, problems: problems) else {
                valid = false
                continue
            }
            let from = timeOfDay(reader, "start")
            let minutes = reader.number("minutes", required: true, expected: "a number of minutes from 1 to 1440") { $0 >= 1 && $0 <= 1440 }
            let count = reader.integer("agents", in: 0...agents, expected: "a whole number of the shift's agents, from 0 to \(agents)")
            reader.rejectUnknownKeys()
            guard let from, let minutes, !reader.has("agents") || count != nil else {
                valid = false
                continue
            }
            let to = from + minutes * 60
            if from < start || to >= end {
                reader.problem(nil, "expected a break inside the shift (\(clock(start))-\(clock(end))) that ends before the shift does, found \(clock(from))-\(clock(to))")
                valid = false
                continue
            }
            if let last = breaks.last, from < last.start + last.durationSeconds {
                reader.problem("start", "expected breaks in order of time that do not overlap: this one starts at \(clock(from)), before the previous one ends (\(clock(last.start + last.durationSeconds)))")
                valid = false
                continue
            }
            breaks.append(ShiftBreak(start: from, durationSeconds: minutes * 60, agents: count.map(Int.init)))
        }
        return valid ? breaks : nil
    }

    /// Seconds after midnight as "HH:MM" (seconds, if any, as "HH:MM:SS").
    func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.down))
        let text = clockText(minutes: whole / 60)
        return whole % 60 == 0 ? text : text + String(format: ":%02d", whole % 60)
    }

    func decodeRouting(_ reader: ObjectReader) -> RoutingPolicy? {
        let implemented = RoutingPolicy.allCases.map(\.rawValue)  // longestIdleAgent, priority
        let policy = reader.string(
            "policy", expected: "one of \(implemented.joined(separator: ", "))",
            accept: { ["longestIdleAgent", "priority", "aiDispatch"].contains($0) })
        reader.rejectUnimplemented(["overflow"])
        reader.rejectUnknownKeys()
        guard let policy else { return reader.has("policy") ? nil : .longestIdleAgent }
        guard let known = RoutingPolicy(rawValue: policy) else {
            reader.problem("policy", "routing policy \"\(policy)\" is part of the scenario format but not simulated by this version of ccsim; use \(implemented.joined(separator: ", "))")
            return nil
        }
        return known
    }

    var nameExpectation: String { "a name that is not blank and has no control characters" }
    var durationLimit: String { "1e9" }
    var secondsExpectation: String { "a number of seconds: 0, or from 1e-6 to \(durationLimit)" }

    /// A duration: 0, or from a microsecond to 10⁹ s (smaller ones would underflow the samplers).
    func isDuration(_ value: Double) -> Bool { value == 0 || isPositiveDuration(value) }

    /// A positive duration: from a microsecond to 10⁹ s.
    func isPositiveDuration(_ value: Double) -> Bool { value >= 1e-6 && value <= ScenarioReader.maximumDuration }

    func isValidName(_ name: String) -> Bool {
        !name.allSatisfy(\.isWhitespace) && !name.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    /// A number as a person writes it: `300`, not `300.0`.
    func plain(_ value: Double) -> String { JSONValue.double(value).serialized() }

    func checkNames(_ names: [String?], path: String, what: String) {  // (names from the document)
        var seen: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            guard let name else { continue }
            if let first = seen[name] {
                problems.add("\(path)[\(index)].name", "duplicate \(what) name \"\(name)\" (also \(path)[\(first)])")
            } else {
                seen[name] = index
            }
        }
    }

    func checkSkills(typeNames names: [String?], callTypes: [CallType?], groups: [AgentGroup?]) {
        let typeNames = Set(names.compactMap { $0 })
        let sortedNames = typeNames.sorted()
        let allTypesNamed = !names.contains(nil)
        var suggestions = 0
        for (g, group) in groups.enumerated() {
            guard let group else { continue }
            for (s, skill) in group.skills.enumerated() where !typeNames.contains(skill) && allTypesNamed {
                var message = "skill \"\(skill)\" names no call type"
                // "Did you mean" for the first few only: each costs an edit distance per call type.
                suggestions += 1
                if suggestions <= 20, let suggestion = closestKey(to: skill, among: sortedNames) {
                    message += " (did you mean \"\(suggestion)\"?)"
                }
                problems.add("agentGroups[\(g)].skills[\(s)]", message)
            }
        }
        guard !groups.contains(nil) else { return }
        // Per call type name: whether some group has it as a skill, and whether one with agents does.
        var listed: Set<String> = [], staffed: Set<String> = []
        for group in groups.compactMap({ $0 }) {
            listed.formUnion(group.skills)
            if group.agents > 0 { staffed.formUnion(group.skills) }
        }
        for (t, callType) in callTypes.enumerated() {
            guard let callType, callType.hasArrivals else { continue }
            if !listed.contains(callType.name) {
                problems.add("callTypes[\(t)]", "call type \"\(callType.name)\" has arrivals but no agent group has it in its skills")
            } else if !staffed.contains(callType.name) {
                problems.add("callTypes[\(t)]", "call type \"\(callType.name)\" has arrivals but every group that can serve it has zero agents")
            }
        }
    }
}

extension Array {
    /// The unwrapped elements, or `nil` when any element is `nil`.
    func allNonNil<T>() -> [T]? where Element == T? {
        var result: [T] = []
        result.reserveCapacity(count)
        for element in self {
            guard let element else { return nil }
            result.append(element)
        }
        return result
    }
}

/// "HH:MM" with 00 ≤ HH ≤ 24 and 00 ≤ MM ≤ 59 (24:00 at most) as seconds after midnight.
public func parseTimeOfDay(_ text: String) -> Double? {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
        let hours = Int(parts[0]), let minutes = Int(parts[1]),
        (0...24).contains(hours), (0...59).contains(minutes), hours * 60 + minutes <= 1440
    else { return nil }
    return Double(hours * 3600 + minutes * 60)
}
