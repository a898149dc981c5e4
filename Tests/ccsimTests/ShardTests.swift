import ContactCenter
import Foundation
import TestSupport
import Testing
@testable import ccsim

/// `run --shard` and `merge`: the merged result is the single run's, byte for byte; broken sets of
/// partials are refused; the Kubernetes and Slurm files' own commands work.
@Suite struct ShardTests {
    let scenario = config("small-business.json")

    func single(_ replications: Int) -> String {
        CommandLineTool.execute(["run", scenario, "--replications", "\(replications)", "--format", "json", "--threads", "2"]).standardOutput
    }

    /// Writes the partials of `count` shards into `folder` and returns their paths.
    func shards(_ count: Int, replications: Int, in folder: TemporaryFolder) throws -> [String] {
        (0..<count).map { index in
            let path = folder.path("part-\(index).json")
            let outcome = CommandLineTool.execute([
                "run", scenario, "--replications", "\(replications)", "--shard", "\(index)/\(count)", "-o", path, "--threads", "\(1 + index % 2)",
            ])
            #expect(outcome.status == 0, "\(outcome.standardError)")
            return path
        }
    }

    @Test(arguments: [1, 2, 3, 7])
    func mergeOfShardsIsTheSingleRunByteForByte(count: Int) throws {
        let folder = try TemporaryFolder()
        let parts = try shards(count, replications: 9, in: folder)
        let merged = CommandLineTool.execute(["merge"] + parts.reversed())
        #expect(merged.status == 0, "\(merged.standardError)")
        #expect(merged.standardOutput == single(9))
        let table = CommandLineTool.execute(["merge", "--format", "table"] + parts)
        #expect(table.standardOutput == CommandLineTool.execute(["run", scenario, "--replications", "9"]).standardOutput)
    }

    @Test func replicationResultsRoundTripThroughJSON() throws {
        let s = try ScenarioReader.read(contentsOf: config("multi-skill-center.json"))
        for result in try Simulation(scenario: s).run(replications: 0..<2, threads: 2) {
            let text = result.json().serialized()
            let back = try ReplicationResult(json: try JSONParser.parse(Array(text.utf8)), file: "x", path: "")
            #expect(back == result)
        }
    }

    func edited(_ path: String, _ change: (inout String) -> Void, in folder: TemporaryFolder, as name: String) throws -> String {
        var text = try String(contentsOfFile: path, encoding: .utf8)
        change(&text)
        return try folder.write(name, text)
    }

    @Test func brokenSetsOfPartialsAreRefusedWithExitTwo() throws {
        let folder = try TemporaryFolder()
        let parts = try shards(3, replications: 6, in: folder)
        let otherSeed = CommandLineTool.execute(["run", scenario, "--replications", "6", "--seed", "99", "--shard", "2/3", "-o", folder.path("seed.json")])
        #expect(otherSeed.status == 0)
        let otherCount = CommandLineTool.execute(["run", scenario, "--replications", "6", "--shard", "2/4", "-o", folder.path("four.json")])
        #expect(otherCount.status == 0)
        let version = try edited(parts[2], { $0 = $0.replacingOccurrences(of: "\"ccsim\": \"\(CommandLineTool.version)\"", with: "\"ccsim\": \"0.0.1\"") }, in: folder, as: "old.json")
        let truncated = try edited(parts[2], { $0 = String($0.prefix($0.count / 2)) }, in: folder, as: "truncated.json")
        let corrupt = try edited(parts[2], { $0 = $0.replacingOccurrences(of: "\"answered\": ", with: "\"answered\": \"many\", \"x\": ") }, in: folder, as: "corrupt.json")
        let dropped = try edited(parts[2], { text in
            // Remove the last replication from the partial.
            if let range = text.range(of: "{\n      \"scenario\": 0,", options: .backwards) {
                text = String(text[..<range.lowerBound]).trimmingCharacters(in: .whitespacesAndNewlines).dropLast() + "\n  ]\n}\n"
            }
        }, in: folder, as: "dropped.json")
        let cases: [([String], String)] = [
            ([parts[0], parts[1]], "shard 2 of 3 missing"),
            ([parts[0], parts[1], parts[1], parts[2]], "shard 1 of 3 is given twice"),
            ([parts[0], parts[1], folder.path("seed.json")], "is a partial of another scenario"),
            ([parts[0], parts[1], folder.path("four.json")], "is shard 2 of 4, but"),
            ([parts[0], parts[1], version], "made by ccsim 0.0.1"),
            ([parts[0], parts[1], truncated], "not a partial result (invalid JSON"),
            ([parts[0], parts[1], corrupt], "expected a whole number"),
            ([parts[0], parts[1], dropped], "holds 1 replication(s), shard 2 of 3 of 6 has 2"),
            ([scenario], "not a partial result of ccsim run, compare or sweep --shard"),
            ([folder.path("nothing.json")], "no such file"),
        ]
        for (arguments, message) in cases {
            let outcome = CommandLineTool.execute(["merge"] + arguments)
            #expect(outcome.status == 2, "\(arguments.map { URL(fileURLWithPath: $0).lastPathComponent })")
            #expect(outcome.standardOutput.isEmpty)
            #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
        }
    }

    @Test(arguments: [
        (["--shard", "3/3"], "--shard: expected an index from 0 to 2, found 3"),
        (["--shard", "1"], "expected I/N"),
        (["--shard", "auto"], "neither JOB_COMPLETION_INDEX"),
        (["--shard", "0/2", "--format", "table"], "writes a partial result (JSON)"),
    ])
    func badShardOptionsExitTwo(arguments: [String], message: String) {
        let outcome = CommandLineTool.execute(["run", scenario] + arguments)
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
    }

    /// Runs `command` with /bin/sh in `directory`, the built ccsim first on the PATH, and `environment` added.
    func shell(_ command: String, in directory: String, environment: [String: String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = ExecutableTests.executable.deletingLastPathComponent().path + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        env.merge(environment) { $1 }
        process.environment = env
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func kubernetesJobCommandsRunLocallyAndMergeToTheSingleRun() throws {
        let yaml = try String(contentsOfFile: packageRoot.appendingPathComponent("deploy/kubernetes/ccsim-job.yaml").path, encoding: .utf8)
        let arguments = yaml.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("- ccsim run") || $0.hasPrefix("- test ") }.map { String($0.dropFirst(2)) }
        #expect(arguments.count == 2)
        let folder = try TemporaryFolder()
        let results = folder.path("results")
        try FileManager.default.createDirectory(atPath: results, withIntermediateDirectories: true)
        for index in 0..<3 {
            let status = try shell(arguments[0], in: folder.url.path, environment: [
                "JOB_COMPLETION_INDEX": "\(index)", "CCSIM_SHARD_COUNT": "3", "REPLICATIONS": "5", "SCENARIO": scenario, "RESULTS": results,
            ])
            #expect(status == 0)
        }
        #expect(try shell(arguments[1], in: folder.url.path, environment: ["CCSIM_SHARD_COUNT": "3", "RESULTS": results]) == 0)
        #expect(try String(contentsOfFile: results + "/result.json", encoding: .utf8) == single(5))
    }

    @Test func slurmArrayScriptRunsLocallyAndMergesToTheSingleRun() throws {
        let script = packageRoot.appendingPathComponent("deploy/slurm/ccsim-array.sh").path
        let text = try String(contentsOfFile: script, encoding: .utf8)
        let wrap = try #require(text.split(separator: "\n").first { $0.contains("--wrap") })
        let merge = try #require(wrap.split(separator: "'").dropFirst().first.map(String.init))
        let folder = try TemporaryFolder()
        for task in 1...3 {  // an array started at 1
            let status = try shell("bash '\(script)' '\(scenario)' results 5", in: folder.url.path, environment: [
                "SLURM_ARRAY_TASK_ID": "\(task)", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_COUNT": "3",
            ])
            #expect(status == 0)
        }
        #expect(try shell(merge, in: folder.url.path, environment: [:]) == 0)
        #expect(try String(contentsOfFile: folder.path("results/result.json"), encoding: .utf8) == single(5))
    }

    /// A comparison and a sweep, sharded and merged: the unsharded command's JSON, byte for byte.
    @Test func shardedComparisonAndSweepMergeToTheUnshardedOutput() throws {
        let folder = try TemporaryFolder()
        let roi = config("roi/baseline.json"), variants = [config("roi/auto-transcription.json"), config("roi/fewer-agents.json")]
        let compare = ["compare", roi] + variants + ["--replications", "5"]
        let single = CommandLineTool.execute(compare + ["--format", "json"])
        let parts = (0..<3).map { index -> String in
            let path = folder.path("compare-\(index).json")
            #expect(CommandLineTool.execute(compare + ["--shard", "\(index)/3", "-o", path]).status == 0)
            return path
        }
        #expect(CommandLineTool.execute(["merge"] + parts.reversed()).standardOutput == single.standardOutput)

        let sweep = ["sweep", scenario, "--set", "agentGroups[0].agents=1...3", "--set", "callTypes[0].arrivals.perDay=40,60", "--replications", "3"]
        let sweepSingle = CommandLineTool.execute(sweep + ["--format", "json"])
        let sweepParts = (0..<4).map { index -> String in
            let path = folder.path("sweep-\(index).json")
            #expect(CommandLineTool.execute(sweep + ["--shard", "\(index)/4", "-o", path]).status == 0)
            return path
        }
        #expect(CommandLineTool.execute(["merge"] + sweepParts).standardOutput == sweepSingle.standardOutput)
        #expect(CommandLineTool.execute(["merge", "--format", "table"] + sweepParts).standardOutput
            == CommandLineTool.execute(sweep).standardOutput)
        // Partials of different commands do not mix.
        let mixed = CommandLineTool.execute(["merge", sweepParts[0], parts[1], parts[2]])
        #expect(mixed.status == 2 && mixed.standardError.contains("a partial of \"compare\", but"))
    }
}
