import ContactCenter
import SimulationKernel

/// One share of a run's replications, for a batch engine's array jobs: shard `index` of `count` runs the
/// replications r with r mod count = index (round robin, so shards are even whatever the total).
public struct Shard: Sendable, Equatable {
    /// Zero-based index of this shard.
    public let index: Int
    /// Number of shards.
    public let count: Int

    /// Most shards a run may be split into.
    public static let maximumCount = 100_000

    /// Creates shard `index` of `count` (0 ≤ index < count).
    public init(index: Int, count: Int) {
        precondition(count >= 1 && index >= 0 && index < count, "a shard index must be in 0..<count")
        self.index = index
        self.count = count
    }

    /// The replications of this shard among `total`.
    public func replications(of total: Int) -> [Int] { Array(stride(from: index, to: total, by: count)) }

    /// Reads `I/N`, or `auto` / `auto/N` from the batch engine's environment: Kubernetes Indexed Jobs
    /// (`JOB_COMPLETION_INDEX`, with N from `auto/N` or `CCSIM_SHARD_COUNT`) or Slurm job arrays
    /// (`SLURM_ARRAY_TASK_ID` less `SLURM_ARRAY_TASK_MIN`, N from `SLURM_ARRAY_TASK_COUNT`).
    /// - Throws: ``ShardError`` saying what is missing or malformed.
    public init(parsing text: String, environment: [String: String]) throws(ShardError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        func whole(_ value: String?, _ what: String) throws(ShardError) -> Int {
            guard let value, let number = Int(value) else { throw ShardError(message: "\(what): expected a whole number, found \(value.map { "\"\($0)\"" } ?? "nothing")") }
            return number
        }
        var index: Int, count: Int
        if parts[0] == "auto" {
            guard parts.count <= 2 else { throw ShardError(message: "--shard \(text): expected I/N, auto or auto/N") }
            if let kubernetes = environment["JOB_COMPLETION_INDEX"] {
                index = try whole(kubernetes, "JOB_COMPLETION_INDEX")
                guard let given = parts.count == 2 ? parts[1] : environment["CCSIM_SHARD_COUNT"] else {
                    throw ShardError(message: "--shard auto: a Kubernetes Indexed Job gives the index only; give the count as --shard auto/N or CCSIM_SHARD_COUNT (the Job's completions)")
                }
                count = try whole(given, parts.count == 2 ? "--shard auto/N" : "CCSIM_SHARD_COUNT")
            } else if let slurm = environment["SLURM_ARRAY_TASK_ID"] {
                index = try whole(slurm, "SLURM_ARRAY_TASK_ID") - (try environment["SLURM_ARRAY_TASK_MIN"].map { v throws(ShardError) in try whole(v, "SLURM_ARRAY_TASK_MIN") } ?? 0)
                guard let given = parts.count == 2 ? parts[1] : environment["SLURM_ARRAY_TASK_COUNT"] else {
                    throw ShardError(message: "--shard auto: SLURM_ARRAY_TASK_COUNT is not set; give --shard auto/N")
                }
                count = try whole(given, parts.count == 2 ? "--shard auto/N" : "SLURM_ARRAY_TASK_COUNT")
            } else {
                throw ShardError(message: "--shard auto: neither JOB_COMPLETION_INDEX (Kubernetes Indexed Job) nor SLURM_ARRAY_TASK_ID (Slurm job array) is set; give --shard I/N")
            }
        } else {
            guard parts.count == 2 else { throw ShardError(message: "--shard \(text): expected I/N (0 ≤ I < N), auto or auto/N") }
            index = try whole(parts[0], "--shard I")
            count = try whole(parts[1], "--shard N")
        }
        guard count >= 1, count <= Shard.maximumCount else { throw ShardError(message: "--shard: expected from 1 to \(Shard.maximumCount) shards, found \(count)") }
        guard index >= 0, index < count else { throw ShardError(message: "--shard: expected an index from 0 to \(count - 1), found \(index)") }
        self.init(index: index, count: count)
    }
}

/// A malformed shard specification or a broken set of partial results.
public struct ShardError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public let message: String
    /// The message.
    public var description: String { message }
}

/// What a sharded command was: its partials merge into that command's output.
public enum PartialCommand: String, Sendable {
    /// `ccsim run`: one scenario, its replications shared round robin.
    case run
    /// `ccsim compare`: a base and its variants, the replications of each shared round robin.
    case compare
    /// `ccsim sweep`: one scenario per point, the points shared round robin, each with all its replications.
    case sweep
}

/// A scenario as a shard ran it: its document (bases applied; seed, replications and name set) and the
/// folder of its file, where arrival traces are found again at merge.
public struct PartialScenario: Sendable {
    /// The document as run.
    public let document: JSONValue
    /// The scenario file's folder.
    public let folder: String

    /// Creates one.
    public init(document: JSONValue, folder: String) {
        self.document = document
        self.folder = folder
    }
}

/// The partial result of one shard of `ccsim run`, `compare` or `sweep`, and the merge of partials into
/// the unsharded command's result.
///
/// A partial holds the scenarios as run, the tool's version, the shard, and the raw statistics of each
/// of its replications, so that the merge computes every figure from exactly the numbers an unsharded
/// run has: same bytes out.
public enum PartialResult {
    /// Version of the partial format.
    public static let formatVersion: Int64 = 1

    /// Which replications of which scenarios shard `shard` runs: every scenario's replications r with
    /// r mod N = I (run, compare), or every replication of the points p with p mod N = I (sweep).
    public static func work(of shard: Shard, command: PartialCommand, replications: [Int]) -> [(scenario: Int, replications: [Int])] {
        switch command {
        case .run, .compare:
            return replications.enumerated().map { ($0.offset, shard.replications(of: $0.element)) }
        case .sweep:
            return replications.enumerated().filter { $0.offset % shard.count == shard.index }.map { ($0.offset, Array(0..<$0.element)) }
        }
    }

    /// The partial document of `shard`.
    /// - Parameters:
    ///   - sweep: for a sweep, its parameters and point values (carried to the merge as they are).
    ///   - toolVersion: the ccsim version that ran it (the merge refuses to mix versions).
    ///   - results: per scenario run by the shard, its results (in `work(of:)` order).
    public static func document(
        command: PartialCommand, shard: Shard, scenarios: [PartialScenario], sweep: JSONValue? = nil, toolVersion: String,
        results: [(scenario: Int, results: [ReplicationResult])]
    ) -> JSONValue {
        let scenarioArray = JSONValue.array(scenarios.map { scenario in
            .object([JSONMember(key: "folder", value: .string(scenario.folder)), JSONMember(key: "document", value: scenario.document)])
        })
        var members = [
            JSONMember(key: "ccsimPartial", value: .integer(formatVersion)),
            JSONMember(key: "ccsim", value: .string(toolVersion)),
            JSONMember(key: "command", value: .string(command.rawValue)),
            JSONMember(key: "shard", value: .object([
                JSONMember(key: "index", value: .integer(shard.index)), JSONMember(key: "count", value: .integer(shard.count)),
            ])),
            JSONMember(key: "scenarioDigest", value: .string(String(stableHash(scenarioArray.serialized(pretty: false)), radix: 16))),
            JSONMember(key: "scenarios", value: scenarioArray),
        ]
        if let sweep { members.append(JSONMember(key: "sweep", value: sweep)) }
        members.append(JSONMember(key: "replications", value: .array(results.flatMap { entry in
            entry.results.map { .object([JSONMember(key: "scenario", value: .integer(entry.scenario)), JSONMember(key: "result", value: $0.json())]) }
        })))
        return .object(members)
    }

    /// The scenarios, and their replications in index order, of a complete set of partials.
    public struct Merged: Sendable {
        /// The command the partials came from.
        public let command: PartialCommand
        /// The scenarios as run.
        public let scenarios: [Scenario]
        /// Per scenario, its replications in index order.
        public let results: [[ReplicationResult]]
        /// For a sweep, its parameters and point values.
        public let sweep: JSONValue?
    }

    /// Merges a complete set of partials.
    /// - Throws: ``ShardError`` naming the file and the problem when a partial is missing, duplicated,
    ///   from another command, scenario, count or version, or corrupt; ``ScenarioError`` when a scenario
    ///   cannot be decoded again (an arrival trace moved, say).
    public static func merge(_ parts: [(file: String, document: JSONValue)], toolVersion: String) throws -> Merged {
        guard let first = parts.first else { throw ShardError(message: "no partial result given") }
        struct Part { var file: String; var index: Int; var count: Int; var entries: [JSONValue] }
        var read: [Part] = []
        var command = PartialCommand.run
        for (position, (file, document)) in parts.enumerated() {
            func fail(_ message: String) -> ShardError { ShardError(message: "\(file): \(message)") }
            guard case .number(let format)? = document["ccsimPartial"], format.exactInteger == formatVersion else {
                throw fail("not a partial result of ccsim run, compare or sweep --shard (no \"ccsimPartial\": \(formatVersion))")
            }
            guard document["ccsim"] == .string(toolVersion) else {
                throw fail("made by ccsim \(HTMLReport.string(document["ccsim"]) ?? "?"), not by this ccsim \(toolVersion): merge partials with the version that made them")
            }
            guard let kind = HTMLReport.string(document["command"]).flatMap(PartialCommand.init) else {
                throw fail("command: expected run, compare or sweep")
            }
            if position == 0 { command = kind }
            guard kind == command else { throw fail("a partial of \"\(kind.rawValue)\", but \(first.file) is of \"\(command.rawValue)\"") }
            guard document["scenarios"] == first.document["scenarios"], document["sweep"] == first.document["sweep"], document["scenarios"] != nil else {
                throw fail("is a partial of another scenario (digest \(HTMLReport.string(document["scenarioDigest"]) ?? "?"), expected \(HTMLReport.string(first.document["scenarioDigest"]) ?? "?") as in \(first.file))")
            }
            let reader = StrictReader(file: file)
            let shard = try reader.member(document, "shard", "")
            let index = try reader.integer(shard, "index", "shard"), count = try reader.integer(shard, "count", "shard")
            guard case .array(let entries)? = document["replications"] else { throw fail("replications: expected an array") }
            read.append(Part(file: file, index: index, count: count, entries: entries))
        }
        let count = read[0].count
        if let other = read.first(where: { $0.count != count }) {
            throw ShardError(message: "\(other.file): is shard \(other.index) of \(other.count), but \(read[0].file) is of \(count): merge the shards of one run")
        }
        var byIndex: [Int: Part] = [:]
        for part in read {
            guard part.index >= 0, part.index < count else { throw ShardError(message: "\(part.file): shard index \(part.index) is outside 0..<\(count)") }
            if let twin = byIndex[part.index] { throw ShardError(message: "\(part.file): shard \(part.index) of \(count) is given twice (also \(twin.file))") }
            byIndex[part.index] = part
        }
        let missing = (0..<count).filter { byIndex[$0] == nil }
        guard missing.isEmpty else {
            throw ShardError(message: "shard\(missing.count > 1 ? "s" : "") \(missing.prefix(10).map(String.init).joined(separator: ", "))\(missing.count > 10 ? ", …" : "") of \(count) missing")
        }
        // The scenarios as run, decoded again with the reader's checks.
        guard case .array(let scenarioValues)? = first.document["scenarios"], !scenarioValues.isEmpty else {
            throw ShardError(message: "\(first.file): scenarios: expected a non-empty array")
        }
        var scenarios: [Scenario] = []
        for (index, value) in scenarioValues.enumerated() {
            guard let document = value["document"] else { throw ShardError(message: "\(first.file): scenarios[\(index)]: expected a document") }
            scenarios.append(try ScenarioReader.decode(document, file: first.file, folder: HTMLReport.string(value["folder"]) ?? ""))
        }
        let totals = scenarios.map(\.simulation.replications)
        var results = totals.map { [ReplicationResult?](repeating: nil, count: $0) }
        for index in 0..<count {
            let part = byIndex[index]!
            let work = PartialResult.work(of: Shard(index: index, count: count), command: command, replications: totals)
            let expected = work.flatMap { entry in entry.replications.map { (entry.scenario, $0) } }
            guard part.entries.count == expected.count else {
                throw ShardError(message: "\(part.file): holds \(part.entries.count) replication(s), shard \(index) of \(count) of \(totals.reduce(0, +)) has \(expected.count): the partial is incomplete or corrupt")
            }
            let reader = StrictReader(file: part.file)
            for (position, entry) in part.entries.enumerated() {
                let scenario = try reader.integer(entry, "scenario", "replications[\(position)]")
                let result = try ReplicationResult(json: try reader.member(entry, "result", "replications[\(position)]"), file: part.file, path: "replications[\(position)].result")
                guard scenario == expected[position].0, result.replication == expected[position].1 else {
                    throw ShardError(message: "\(part.file): replications[\(position)] is replication \(result.replication) of scenario \(scenario), expected \(expected[position].1) of \(expected[position].0)")
                }
                let s = scenarios[scenario]
                guard result.callTypes.count == s.callTypes.count, result.agentGroups.count == s.agentGroups.count,
                      result.intervals.count == s.calendar.intervalCount else {
                    throw ShardError(message: "\(part.file): replications[\(position)] does not fit the scenario (call types, groups or intervals differ)")
                }
                results[scenario][result.replication] = result
            }
        }
        return Merged(command: command, scenarios: scenarios, results: results.map { $0.map { $0! } }, sweep: first.document["sweep"])
    }
}

extension PartialResult.Merged {
    /// The output of the unsharded command, in `format`: a run's report, a comparison or a sweep.
    /// - Throws: ``ShardError`` when a sweep's parameters and point values do not fit its points.
    public func rendered(as format: ReportFormat) throws(ShardError) -> String {
        switch command {
        case .run:
            return RunReport(scenario: scenarios[0], results: results[0]).rendered(as: format)
        case .compare:
            let variants = (1..<scenarios.count).map { (scenario: scenarios[$0], results: results[$0]) }
            return Comparison(base: scenarios[0], baseResults: results[0], variants: variants).rendered(as: format)
        case .sweep:
            return try sweepReport().rendered(as: format)
        }
    }

    /// The sweep of a merged `sweep`: its parameters, and per point its values and run report.
    func sweepReport() throws(ShardError) -> SweepReport {
        guard case .array(let paths)? = sweep?["parameters"], case .array(let rows)? = sweep?["values"] else {
            throw ShardError(message: "sweep: expected parameters and values")
        }
        let values: [[Double]] = rows.map { row in
            guard case .array(let cells) = row else { return [] }
            return cells.compactMap { HTMLReport.number($0) }
        }
        var parameters: [SweepParameter] = []
        for (index, path) in paths.enumerated() {
            guard case .string(let text) = path, let scenarioPath = ScenarioPath(text) else { break }
            var seen: [Double] = []
            for row in values where index < row.count && !seen.contains(row[index]) { seen.append(row[index]) }
            parameters.append(SweepParameter(path: scenarioPath, values: seen))
        }
        guard parameters.count == paths.count, values.count == scenarios.count, values.allSatisfy({ $0.count == paths.count }) else {
            throw ShardError(message: "sweep: the parameters and point values do not fit the points")
        }
        var points: [(values: [Double], report: RunReport)] = []
        for index in scenarios.indices {
            points.append((values[index], RunReport(scenario: scenarios[index], results: results[index])))
        }
        return SweepReport(parameters: parameters, points: points)
    }
}
