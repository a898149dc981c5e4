import Foundation
import TestSupport
import Testing
@testable import ccsim

/// The package root, found from this file's path (Tests/ccsimTests/ is two levels below it).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func config(_ name: String) -> String { packageRoot.appendingPathComponent("configs/\(name)").path }

@Suite struct CommandLineToolTests {
    @Test func builtInExampleIsTheCommittedConfig() throws {
        let committed = try String(contentsOfFile: config("mid-size-hotline.json"), encoding: .utf8)
        #expect(committed == builtInExample)
    }

    @Test func noArgumentsRunsTheBuiltInExample() {
        let outcome = CommandLineTool.execute(["--replications", "2", "--threads", "1"])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.hasPrefix("ccsim: Mid-size B2C hotline\n"))
        #expect(outcome.standardOutput.contains("service level"))
        #expect(outcome.standardError.isEmpty)
    }

    @Test func jsonIsByteIdenticalWhateverTheThreadCount() {
        let file = config("mid-size-hotline.json")
        let one = CommandLineTool.execute(["run", file, "--format", "json", "--threads", "1", "--replications", "4"])
        let two = CommandLineTool.execute(["run", file, "--format", "json", "--threads", "2", "--replications", "4"])
        let many = CommandLineTool.execute(["run", file, "--format=json", "--threads=5", "--replications=4"])
        #expect(one.status == 0)
        #expect(one.standardOutput == two.standardOutput)
        #expect(one.standardOutput == many.standardOutput)
    }

    @Test func jsonCarriesMeanAndConfidenceIntervalOfEveryKPI() throws {
        let outcome = CommandLineTool.execute(["run", config("mid-size-hotline.json"), "--format", "json", "--replications", "3"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        #expect(object["replications"] as? Int == 3)
        #expect(object["seed"] as? Int == 2026)
        let kpis = try #require(object["kpis"] as? [String: [String: Any]])
        for key in [
            "arrivals", "offered", "answered", "abandoned", "abandonmentRate", "answerRate", "serviceLevel",
            "averageSpeedOfAnswer", "waitP50", "waitP90", "waitP99", "maxWait", "averageHandleTime", "occupancy",
            "contactsPerAgentHour",
        ] {
            let kpi = try #require(kpis[key], "missing \(key)")
            let mean = try #require(kpi["mean"] as? Double, "\(key).mean")
            let low = try #require(kpi["ciLow"] as? Double, "\(key).ciLow")
            let high = try #require(kpi["ciHigh"] as? Double, "\(key).ciHigh")
            #expect(low <= mean && mean <= high, "\(key)")
        }
        let callTypes = try #require(object["callTypes"] as? [[String: Any]])
        #expect(callTypes.map { $0["name"] as? String } == ["billing", "technical"])
    }

    @Test func csvHasOneRowPerKPI() {
        let outcome = CommandLineTool.execute(["run", config("mid-size-hotline.json"), "--format", "csv", "--replications", "2"])
        let lines = outcome.standardOutput.split(separator: "\n")
        #expect(lines.first == "scope,name,kpi,mean,ciLow,ciHigh")
        #expect(lines.contains { $0.hasPrefix("centre,Mid-size B2C hotline,serviceLevel,") })
        #expect(lines.contains { $0.hasPrefix("callType,billing,averageSpeedOfAnswer,") })
        #expect(lines.contains { $0.hasPrefix("agentGroup,generalists,occupancy,") })
    }

    @Test func seedOverrideChangesTheNumbers() {
        let file = config("mid-size-hotline.json")
        let a = CommandLineTool.execute(["run", file, "--format", "json", "--replications", "2"])
        let b = CommandLineTool.execute(["run", file, "--format", "json", "--replications", "2", "--seed", "1"])
        #expect(a.standardOutput != b.standardOutput)
        #expect(b.standardOutput.contains("\"seed\": 1,"))
    }

    @Test func validateAcceptsEveryCommittedConfig() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("configs").path)
            .filter { $0.hasSuffix(".json") }.sorted()
        #expect(!files.isEmpty)
        let outcome = CommandLineTool.execute(["validate"] + files.map(config))
        #expect(outcome.status == 0, "\(outcome.standardError)")
    }

    @Test func validateListsEveryErrorWithFileAndPathAndExitsTwo() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("broken.json", """
            {"ccsimVersion": 1, "simulation": {"days": 1},
             "callTypes": [{"name": "a", "arrivals": {"perHour": 10},
                            "handleTime": {"distribution": "exponential", "mean": -3}}],
             "agentGroups": [{"name": "g", "agents": 2, "skills": ["a"], "colour": "red"}]}
            """)
        let outcome = CommandLineTool.execute(["validate", file])
        #expect(outcome.status == 2)
        #expect(outcome.standardOutput.isEmpty)
        #expect(outcome.standardError == """
            \(file): callTypes[0].handleTime.mean: expected a mean in seconds from 1e-6 to 1e9, found -3
            \(file): agentGroups[0].colour: unknown key "colour"; expected one of: agents, concurrency, name, shifts, shrinkage, skills

            """)
        let run = CommandLineTool.execute(["run", file])
        #expect(run.status == 2)
        #expect(run.standardError.contains("callTypes[0].handleTime.mean"))
    }

    @Test(arguments: [
        (["run"], "ccsim: run: expected one scenario file, found 0 (see ccsim run --help)"),
        (["run", "a.json", "--bogus"], "ccsim: run: unknown option --bogus (see ccsim run --help)"),
        (["run", "a.json", "--replications"], "ccsim: run: option --replications needs a value (N)"),
        (["run", "a.json", "--replications", "0"], "ccsim: --replications: expected a whole number from 1 to 100000, found \"0\""),
        (["run", "a.json", "--threads", "two"], "ccsim: --threads: expected a whole number of threads from 1 to 1024, found \"two\""),
        (["run", "a.json", "--format", "xml"], "ccsim: --format: expected table, json or csv, found \"xml\""),
        (["run", "a.json", "-x"], "ccsim: run: unknown option -x (options are spelled --name; see ccsim run --help)"),
        (["frobnicate"], "ccsim: unknown command \"frobnicate\""),
        (["erlang", "--aht", "180", "--agents", "14"], "ccsim: erlang: missing --per-hour (a rate ≥ 0 in calls per hour)"),
        (["erlang", "--per-hour", "200", "--aht", "-1", "--agents", "14"], "ccsim: --aht: expected a number of seconds from 0.001 to 1e9, found \"-1\""),
        (["erlang", "--per-hour", "nan", "--aht", "1", "--agents", "14"], "ccsim: --per-hour: expected a rate ≥ 0 in calls per hour, found \"nan\""),
        (["validate"], "ccsim: validate: expected at least one scenario file (see ccsim validate --help)"),
        (["run", "a.json", "--output", "--threads", "2"], "ccsim: run: option --output needs a value (FILE)"),
        (["erlang", "--per-hour", "1e9", "--aht", "1e300", "--agents", "5"], "ccsim: --aht: expected a number of seconds from 0.001 to 1e9, found \"1e300\""),
        (["erlang", "--per-hour", "200", "--aht", "180", "--agents", "14", "--patience", "300", "--target", "1e9"], "ccsim: erlang: the target is too long for the exact Erlang A service level"),
    ])
    func badArgumentsExitTwoWithAClearMessage(arguments: [String], message: String) {
        let outcome = CommandLineTool.execute(arguments)
        #expect(outcome.status == 2)
        #expect(outcome.standardOutput.isEmpty)
        #expect(outcome.standardError.hasPrefix(message), "got: \(outcome.standardError)")
    }

    @Test(arguments: [["--help"], ["run", "--help"], ["validate", "--help"], ["erlang", "--help"], ["--version"]])
    func helpIsAvailableEverywhere(arguments: [String]) {
        let outcome = CommandLineTool.execute(arguments)
        #expect(outcome.status == 0)
        #expect(!outcome.standardOutput.isEmpty)
    }

    @Test func erlangPrintsThePublishedFigures() throws {
        let c = CommandLineTool.execute(["erlang", "--per-hour", "200", "--aht", "180", "--agents", "14", "--format", "json"])
        let figures = try #require(try JSONSerialization.jsonObject(with: Data(c.standardOutput.utf8)) as? [String: Any])
        #expect(abs((figures["probabilityOfWait"] as! Double) - 0.1741) < 5e-5)
        #expect(abs((figures["serviceLevel"] as! Double) - 0.8884) < 5e-5)
        let a = CommandLineTool.execute(["erlang", "--per-hour", "200", "--aht", "180", "--agents", "14", "--patience", "300"])
        #expect(a.standardOutput.contains("Erlang A (M/M/n+M)"))
        #expect(a.standardOutput.contains("91.6792 %"))
        #expect(a.standardOutput.contains("1.3984 %"))
        let unstable = CommandLineTool.execute(["erlang", "--per-hour", "200", "--aht", "180", "--agents", "9"])
        #expect(unstable.status == 0)
        #expect(unstable.standardOutput.contains("unstable"))
    }
}
