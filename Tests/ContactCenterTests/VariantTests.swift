import Foundation
import TestSupport
import Testing
@testable import ContactCenter

@Suite struct VariantTests {
    /// The examples of RFC 7396, appendix A.
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
