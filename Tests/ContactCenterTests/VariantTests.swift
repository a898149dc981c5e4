import Foundation
import TestSupport
import Testing
@testable import ContactCenter

@Suite struct VariantTests {
    /// The examples of RFC 7396, appendix A.
    /// A trace with a second column replays each contact's recorded talk time: one agent, contacts an
    /// hour apart (each answered at once), their talk lands exactly in the interval they arrived in,
    /// in the order of the file, through an IVR too (contacts leave it in the order they entered).
    @Test(arguments: [false, true])
    func aTraceReplaysRecordedHandleTimes(ivr: Bool) throws {
        let folder = try TemporaryFolder()
        try folder.write("calls.csv", "time,talk\n29400,100\n33000,200.5,\n36600,300\n36660,50\n40200,400\n")
        let file = try folder.write("s.json", """
            {"ccsimVersion": 1, "name": "trace", "simulation": {"days": 1, "replications": 2, "seed": 5},
             "calendar": {"open": "08:00", "close": "12:00", "intervalMinutes": 60},
             "callTypes": [{"name": "a", "arrivals": {"trace": "calls.csv"}, \(ivr ? #""ivr": {"durationSeconds": 30, "containment": 0},"# : "")
                            "handleTime": {"distribution": "exponential", "mean": 60},
                            "wrapUp": {"distribution": "deterministic", "value": 10}}],
             "agentGroups": [{"name": "g", "agents": 2, "skills": ["a"]}]}
            """)
        let s = try ScenarioReader.read(contentsOf: file)
        #expect(s.callTypes[0].traceHandleTimes == [100, 200.5, 300, 50, 400])
        for result in try Simulation(scenario: s).run(threads: 1) {
            #expect(result.intervals.map(\.talkTime) == [100, 200.5, 350, 400])
            #expect(result.overall.wrapUpTime == 50)  // after-call work is still drawn
            #expect(result.overall.maxWait == 0)
        }
    }

    @Test(arguments: [
        (#"{"a":"b"}"#, #"{"a":"c"}"#, #"{"a":"c"}"#),
        (#"{"a":"b"}"#, #"{"b":"c"}"#, #"{"a":"b","b":"c"}"#),
        (#"{"a":"b"}"#, #"{"a":null}"#, #"{}"#),
        (#"{"a":"b","b":"c"}"#, #"{"a":null}"#, #"{"b":"c"}"#),
        (#"{"a":["b"]}"#, #"{"a":"c"}"#, #"{"a":"c"}"#),
        (#"{"a":"c"}"#, #"{"a":["b"]}"#, #"{"a":["b"]}"#),
        (#"{"a":{"b":"c"}}"#, #"{"a":{"b":"d","c":null}}"#, #"{"a":{"b":"d"}}"#),
        (#"{"a":[{"b":"c"}]}"#, #"{"a":[1]}"#, #"{"a":[1]}"#),
        (#"["a","b"]"#, #"["c","d"]"#, #"["c","d"]"#),
        (#"{"a":"b"}"#, #"["c"]"#, #"["c"]"#),
        (#"{"a":"foo"}"#, "null", "null"),
        (#"{"a":"foo"}"#, #""bar""#, #""bar""#),
        (#"{"e":null}"#, #"{"a":1}"#, #"{"e":null,"a":1}"#),
        (#"[1,2]"#, #"{"a":"b","c":null}"#, #"{"a":"b"}"#),
        (#"{}"#, #"{"a":{"bb":{"ccc":null}}}"#, #"{"a":{"bb":{}}}"#),
    ])
    func mergePatchFollowsRFC7396(target: String, patch: String, result: String) throws {
        let merged = try JSONParser.parse(Array(target.utf8)).mergePatched(with: JSONParser.parse(Array(patch.utf8)))
        #expect(merged == (try JSONParser.parse(Array(result.utf8))))
    }

    @Test func aVariantIsItsBaseWithThePatchApplied() throws {
        let scratch = try TemporaryFolder()
        try scratch.write("baseline.json", minimalScenario)
        try scratch.write("more-agents.json", #"{"ccsimVersion": 1, "base": "baseline.json", "patch": {"agentGroups": [{"name": "level1", "agents": 5, "skills": ["billing"]}]}}"#)
        try scratch.write("sub/named.json", #"{"ccsimVersion": 1, "base": "../more-agents.json", "patch": {"name": "named", "simulation": {"seed": 8}}}"#)
        let variant = try ScenarioReader.read(contentsOf: scratch.path("more-agents.json"))
        #expect(variant.agentGroups[0].agents == 5)
        #expect(variant.name == "more-agents")
        #expect(variant.callTypes == (try readScenario(minimalScenario)).callTypes)
        let chained = try ScenarioReader.read(contentsOf: scratch.path("sub/named.json"))
        #expect(chained.name == "named")
        #expect(chained.simulation.seed == 8)
        #expect(chained.simulation.horizonSeconds == 36_000)
        #expect(chained.agentGroups[0].agents == 5)
    }

    @Test func cyclesAndMissingBasesAreClearErrors() throws {
        let scratch = try TemporaryFolder()
        try scratch.write("a.json", #"{"ccsimVersion": 1, "base": "b.json", "patch": {}}"#)
        try scratch.write("b.json", #"{"ccsimVersion": 1, "base": "a.json"}"#)
        try scratch.write("self.json", #"{"ccsimVersion": 1, "base": "self.json"}"#)
        try scratch.write("orphan.json", #"{"ccsimVersion": 1, "base": "missing.json"}"#)
        try scratch.write("extra.json", #"{"ccsimVersion": 1, "base": "a.json", "agentGroups": []}"#)
        try scratch.write("badpatch.json", #"{"ccsimVersion": 1, "base": "a.json", "patch": [1]}"#)
        func problems(_ name: String) -> [String] {
            do {
                _ = try ScenarioReader.read(contentsOf: scratch.path(name))
                return []
            } catch {
                return error.problems.map(\.description)
            }
        }
        #expect(problems("a.json") == ["base: the chain of bases forms a cycle: a.json -> b.json -> a.json"])
        #expect(problems("self.json") == ["base: the chain of bases forms a cycle: self.json -> self.json"])
        #expect(problems("orphan.json") == [
            "base: the base scenario \"missing.json\" does not exist (a base's path is relative to the folder of the file that names it)"
        ])
        #expect(problems("extra.json") == [
            "agentGroups: unknown key \"agentGroups\"; expected one of: base, ccsimVersion, patch; a variant holds only ccsimVersion, base and patch (put changes under \"patch\")"
        ])
        #expect(problems("badpatch.json") == ["patch: expected an object (a JSON Merge Patch of the base scenario), found an array"])
    }

    @Test func problemsOfTheMergedScenarioNameTheVariantFile() throws {
        let scratch = try TemporaryFolder()
        try scratch.write("baseline.json", minimalScenario)
        try scratch.write("broken.json", #"{"ccsimVersion": 1, "base": "baseline.json", "patch": {"simulation": {"hours": -1}}}"#)
        #expect(throws: ScenarioError(file: scratch.path("broken.json"), problems: [
            ScenarioProblem(path: "simulation.hours", message: "expected a number of hours, at least one second and at most 27777777, found -1")
        ])) {
            try ScenarioReader.read(contentsOf: scratch.path("broken.json"))
        }
    }
}

@Suite struct TraceTests {
    func scenario(trace: String) -> String {
        """
        {"ccsimVersion": 1, "name": "trace", "simulation": {"days": 1, "replications": 3, "seed": 5},
         "callTypes": [{"name": "a", "arrivals": {"trace": "\(trace)"}, "handleTime": {"distribution": "exponential", "mean": 60}}],
         "agentGroups": [{"name": "g", "agents": 1, "skills": ["a"]}]}
        """
    }

    /// A trace is replayed as recorded: the same arrivals in every replication, none past the horizon.
    @Test func aTraceIsReplayedAsRecorded() throws {
        let folder = try TemporaryFolder()
        try folder.write("calls.csv", "time\n10\n20\n20\n3600\n86000\n90000\n")
        let s = try ScenarioReader.read(contentsOf: try folder.write("s.json", scenario(trace: "calls.csv")))
        #expect(s.callTypes[0].profile == .trace([10, 20, 20, 3600, 86000, 90000]))
        let results = try Simulation(scenario: s).run(threads: 2)
        #expect(results.allSatisfy { $0.overall.arrivals == 5 })
        #expect(Simulation(scenario: s).expectedEventsPerReplication == 10)
    }

    @Test(arguments: [
        ("10\n5\n", "callTypes[0].arrivals.trace: the trace calls.csv, line 2: expected times in ascending order, found 5 after 10"),
        ("10,240,3\n", "callTypes[0].arrivals.trace: the trace calls.csv, line 1: expected at most two columns (arrival time, handle time in seconds), found 3"),
        ("10,240\n20\n", "callTypes[0].arrivals.trace: the trace calls.csv, line 2: expected a handle time in seconds after the arrival time, as on the first line"),
        ("time,talk\n10\n20,240\n", "callTypes[0].arrivals.trace: the trace calls.csv, line 3: expected only an arrival time, as on the first line (give handle times on every line or on none)"),
        ("10,240\n20,-1\n", "callTypes[0].arrivals.trace: the trace calls.csv, line 2: expected a handle time in seconds from 1e-6 to 1e9, found \"-1\""),
        ("10,240\n20,4 min\n", "callTypes[0].arrivals.trace: the trace calls.csv, line 2: expected a handle time in seconds from 1e-6 to 1e9, found \"4 min\""),
        ("10,0\n", "callTypes[0].arrivals.trace: the trace calls.csv, line 1: expected a handle time in seconds from 1e-6 to 1e9, found \"0\""),
        ("time\n-3\n", "callTypes[0].arrivals.trace: the trace calls.csv, line 2: expected an arrival time in seconds ≥ 0, found \"-3\""),
    ])
    func brokenTracesAreClearErrors(content: String, message: String) throws {
        let folder = try TemporaryFolder()
        try folder.write("calls.csv", content)
        let file = try folder.write("s.json", scenario(trace: "calls.csv"))
        #expect(throws: ScenarioError(file: file, problems: [ScenarioProblem(path: "callTypes[0].arrivals.trace", message: String(message.dropFirst("callTypes[0].arrivals.trace: ".count)))])) {
            try ScenarioReader.read(contentsOf: file)
        }
    }

    @Test func aMissingTraceIsAClearError() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("s.json", scenario(trace: "nowhere.csv"))
        #expect(throws: ScenarioError(file: file, problems: [ScenarioProblem(path: "callTypes[0].arrivals.trace", message: "the trace nowhere.csv: no such file")])) {
            try ScenarioReader.read(contentsOf: file)
        }
    }
}
