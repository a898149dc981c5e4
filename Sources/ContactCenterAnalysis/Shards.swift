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

/// The partial result of one shard of `ccsim run`, and the merge of partials into the single run's result.
///
/// A partial holds the scenario as run (its document with bases applied and the seed and replications
/// in force), the tool's version, the shard, and the raw statistics of each of its replications, so
/// that the merge computes every KPI from exactly the numbers a single run has: same bytes out.
public enum PartialResult {
    /// Version of the partial format.
    public static let formatVersion: Int64 = 1

    /// The partial document of `shard`.
    /// - Parameters:
    ///   - scenario: the scenario document as run (bases applied, seed and replications set).
    ///   - folder: the scenario file's folder, where arrival traces are found again at merge.
    ///   - toolVersion: the ccsim version that ran it (the merge refuses to mix versions).
    public static func document(
        shard: Shard, scenario: JSONValue, folder: String, toolVersion: String, results: [ReplicationResult]
    ) -> JSONValue {
        .object([
            JSONMember(key: "ccsimPartial", value: .integer(formatVersion)),
            JSONMember(key: "ccsim", value: .string(toolVersion)),
            JSONMember(key: "command", value: .string("run")),
            JSONMember(key: "shard", value: .object([
                JSONMember(key: "index", value: .integer(shard.index)), JSONMember(key: "count", value: .integer(shard.count)),
            ])),
            JSONMember(key: "scenarioDigest", value: .string(digest(scenario))),
            JSONMember(key: "scenarioFolder", value: .string(folder)),
            JSONMember(key: "scenario", value: scenario),
            JSONMember(key: "replications", value: .array(results.map { $0.json() })),
        ])
    }

    /// A short fingerprint of a scenario document (FNV-1a of its compact text), shown in messages.
    static func digest(_ scenario: JSONValue) -> String {
        String(stableHash(scenario.serialized(pretty: false)), radix: 16)
    }

    /// The scenario and the replications, in index order, of a complete set of partials.
    /// - Throws: ``ShardError`` naming the file and the problem when a partial is missing, duplicated,
    ///   from another scenario, count or version, or corrupt; ``ScenarioError`` when the scenario
    ///   cannot be decoded again (an arrival trace moved, say).
    public static func merge(
        _ parts: [(file: String, document: JSONValue)], toolVersion: String
    ) throws -> (scenario: Scenario, results: [ReplicationResult]) {
        guard let first = parts.first else { throw ShardError(message: "no partial result given") }
        struct Part { var file: String; var index: Int; var count: Int; var results: [JSONValue] }
        var read: [Part] = []
        for (file, document) in parts {
            func fail(_ message: String) -> ShardError { ShardError(message: "\(file): \(message)") }
            guard case .number(let format)? = document["ccsimPartial"], format.exactInteger == formatVersion else {
                throw fail("not a partial result of ccsim run --shard (no \"ccsimPartial\": \(formatVersion))")
            }
            guard document["ccsim"] == .string(toolVersion) else {
                throw fail("made by ccsim \(HTMLReport.string(document["ccsim"]) ?? "?"), not by this ccsim \(toolVersion): merge partials with the version that made them")
            }
            guard document["command"] == .string("run") else { throw fail("a partial of \"\(HTMLReport.string(document["command"]) ?? "?")\", expected one of \"run\"") }
            guard document["scenario"] == first.document["scenario"], document["scenario"] != nil else {
                throw fail("is a partial of another scenario (digest \(HTMLReport.string(document["scenarioDigest"]) ?? "?"), expected \(HTMLReport.string(first.document["scenarioDigest"]) ?? "?") as in \(first.file))")
            }
            let shardReader = StrictReader(file: file)
            let shard = try shardReader.member(document, "shard", "")
            let index = try shardReader.integer(shard, "index", "shard"), count = try shardReader.integer(shard, "count", "shard")
            guard case .array(let results)? = document["replications"] else { throw fail("replications: expected an array") }
            read.append(Part(file: file, index: index, count: count, results: results))
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
        // The scenario as run, decoded again with the reader's checks.
        let scenarioDocument = first.document["scenario"]!
        let folder = HTMLReport.string(first.document["scenarioFolder"]) ?? ""
        let scenario = try ScenarioReader.decode(scenarioDocument, file: first.file, folder: folder)
        let total = scenario.simulation.replications
        var results = [ReplicationResult?](repeating: nil, count: total)
        for index in 0..<count {
            let part = byIndex[index]!
            let expected = Shard(index: index, count: count).replications(of: total)
            guard part.results.count == expected.count else {
                throw ShardError(message: "\(part.file): holds \(part.results.count) replication(s), shard \(index) of \(count) of \(total) has \(expected.count): the partial is incomplete or corrupt")
            }
            for (position, value) in part.results.enumerated() {
                let result = try ReplicationResult(json: value, file: part.file, path: "replications[\(position)]")
                guard result.replication == expected[position], results[result.replication] == nil else {
                    throw ShardError(message: "\(part.file): replications[\(position)] is replication \(result.replication), expected \(expected[position])")
                }
                guard result.callTypes.count == scenario.callTypes.count, result.agentGroups.count == scenario.agentGroups.count,
                      result.intervals.count == scenario.calendar.intervalCount else {
                    throw ShardError(message: "\(part.file): replications[\(position)] does not fit the scenario (call types, groups or intervals differ)")
                }
                results[result.replication] = result
            }
        }
        return (scenario, results.map { $0! })
    }
}
