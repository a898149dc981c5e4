import Foundation
import SimulationKernel
import Testing
@testable import ContactCenter

/// A minimal valid scenario; tests patch it to make one thing wrong at a time.
let minimalScenario = """
{
  "ccsimVersion": 1,
  "name": "minimal",
  "simulation": { "hours": 10, "replications": 3, "seed": 7 },
  "callTypes": [{
    "name": "billing",
    "arrivals": { "perHour": 30 },
    "handleTime": { "distribution": "exponential", "mean": 240 }
  }],
  "agentGroups": [{ "name": "level1", "agents": 3, "skills": ["billing"] }]
}
"""

func readScenario(_ text: String) throws(ScenarioError) -> Scenario {
    try ScenarioReader.parse(Array(text.utf8), file: "test.json")
}

/// The problems reported for `text`, as "path: message" lines.
func problems(_ text: String) -> [String] {
    do {
        _ = try readScenario(text)
        return []
    } catch {
        return error.problems.map(\.description)
    }
}

@Suite struct ScenarioReaderTests {
    @Test func readsAValidScenario() throws {
        let scenario = try readScenario(minimalScenario)
        #expect(scenario.name == "minimal")
        #expect(scenario.simulation == SimulationSettings(horizonSeconds: 36_000, replications: 3, seed: 7, warmupSeconds: 0))
        #expect(scenario.serviceLevel == ServiceLevelGoal(targetSeconds: 20, goal: 0.8))
        #expect(scenario.callTypes == [CallType(name: "billing", arrivalsPerHour: 30, handleTime: .exponential(mean: 240))])
        #expect(scenario.agentGroups == [AgentGroup(name: "level1", agents: 3, skills: ["billing"])])
        #expect(scenario.validationProblems().isEmpty)
    }

    @Test func readsEveryDistribution() throws {
        let kinds = [
            #"{"distribution": "exponential", "mean": 60}"#: Distribution.exponential(mean: 60),
            #"{"distribution": "lognormal", "mean": 60, "cv": 0.5}"#: .lognormal(mean: 60, cv: 0.5),
            #"{"distribution": "gamma", "mean": 60, "cv": 1.5}"#: .gamma(mean: 60, cv: 1.5),
            #"{"distribution": "erlang", "mean": 60, "k": 3}"#: .erlang(mean: 60, k: 3),
            #"{"distribution": "weibull", "mean": 60, "shape": 2}"#: .weibull(mean: 60, shape: 2),
            #"{"distribution": "uniform", "min": 30, "max": 90}"#: .uniform(min: 30, max: 90),
            #"{"distribution": "deterministic", "value": 60}"#: .deterministic(60),
            #"{"distribution": "empirical", "values": [30, 60, 90]}"#: .empirical([30, 60, 90]),
        ]
        for (json, expected) in kinds {
            let text = minimalScenario.replacingOccurrences(
                of: #""handleTime": { "distribution": "exponential", "mean": 240 }"#, with: #""handleTime": \#(json)"#)
            #expect(try readScenario(text).callTypes[0].handleTime == expected, "\(json)")
        }
    }

    @Test func wholeNumbersMayBeWrittenWithAFractionOrAnExponent() throws {
        let text = minimalScenario.replacingOccurrences(of: #""seed": 7"#, with: #""seed": 7.0"#)
            .replacingOccurrences(of: #""replications": 3"#, with: #""replications": 3e0"#)
        let scenario = try readScenario(text)
        #expect(scenario.simulation.seed == 7 && scenario.simulation.replications == 3)
    }

    @Test func readsSeedsExactlyUpTo64Bits() throws {
        let text = minimalScenario.replacingOccurrences(of: #""seed": 7"#, with: #""seed": 18446744073709551615"#)
        #expect(try readScenario(text).simulation.seed == UInt64.max)
    }

    @Test func zeroPatienceMeansImmediateHangUpNotNoAbandonment() throws {
        let text = minimalScenario.replacingOccurrences(
            of: #""mean": 240 }"#, with: #""mean": 240 }, "patience": {"distribution": "deterministic", "value": 0}"#)
        #expect(try readScenario(text).callTypes[0].patience == .deterministic(0))
    }

    /// Each case changes one thing in the minimal scenario and names the path and message reported.
    @Test(arguments: [
        (#""ccsimVersion": 1"#, #""ccsimVersion": 2"#, "ccsimVersion: expected the scenario format version 1, found 2"),
        (#""ccsimVersion": 1,"#, "", "(top level): missing key \"ccsimVersion\" (expected the scenario format version 1)"),
        (#""name": "minimal""#, #""name": "minimal", "nmae": "x""#, "nmae: unknown key \"nmae\" (did you mean \"name\"?)"),
        (#""hours": 10"#, #""hours": -10"#, "simulation.hours: expected a number of hours, at least one second and at most 27777777, found -10"),
        (#""hours": 10"#, #""hours": "10""#, "simulation.hours: expected a number of hours, at least one second and at most 27777777, found \"10\""),
        (#""hours": 10"#, #""days": 1, "hours": 10"#, "simulation: give either \"hours\" or \"days\", not both"),
        (#""replications": 3"#, #""replications": 2.5"#, "simulation.replications: expected a whole number of replications from 1 to 100000, found 2.5"),
        (#""replications": 3"#, #""replications": 0"#, "simulation.replications: expected a whole number of replications from 1 to 100000, found 0"),
        (#""seed": 7"#, #""seed": -1"#, "simulation.seed: expected a whole number from 0 to 18446744073709551615, found -1"),
        (#""seed": 7"#, #""seed": 7, "warmupMinutes": 600"#, "simulation.warmupMinutes: expected a warm-up shorter than the simulated time (600 minutes)"),
        (#""perHour": 30"#, #""perHour": -1"#, "callTypes[0].arrivals.perHour: expected a rate in contacts per hour: 0, or from 1e-9 to 1e9, found -1"),
        (#""mean": 240"#, #""mean": 0"#, "callTypes[0].handleTime.mean: expected a mean in seconds from 1e-6 to 1e9, found 0"),
        (#""mean": 240"#, #""mean": 1e300"#, "callTypes[0].handleTime.mean: expected a mean in seconds from 1e-6 to 1e9, found 1e300"),
        (#""distribution": "exponential""#, #""distribution": "normal""#, "callTypes[0].handleTime.distribution: expected one of exponential, lognormal, gamma, erlang, weibull, uniform, deterministic, empirical, found \"normal\""),
        (#""mean": 240 }"#, #""mean": 240, "cv": 0.5 }"#, "callTypes[0].handleTime.cv: unknown key \"cv\"; expected one of: distribution, mean"),
        (#""agents": 3"#, #""agents": 0"#, "callTypes[0]: call type \"billing\" has arrivals but every group that can serve it has zero agents"),
        (#""agents": 3"#, #""agents": 3.5"#, "agentGroups[0].agents: expected a whole number of agents from 0 to 1000000, found 3.5"),
        (#""skills": ["billing"]"#, #""skills": ["biling"]"#, "agentGroups[0].skills[0]: skill \"biling\" names no call type (did you mean \"billing\"?)"),
        (#""skills": ["billing"]"#, #""skills": []"#, "agentGroups[0].skills: expected an array of call-type names with at least one element, found an empty array"),
        (#""name": "level1""#, #""name": "level1", "breaks": []"#, "agentGroups[0].breaks: breaks belong to a shift: give the group \"shifts\" and put them in shifts[…].breaks, e.g. [{\"start\": \"12:00\", \"minutes\": 30}]"),
        (#""arrivals""#, #""concurrency": 2, "arrivals""#, "callTypes[0].concurrency: the chats an agent holds at once are set per agent group: move \"concurrency\" to agentGroups[…] (see the README)"),
        (#""name": "minimal""#, #""name": "   ""#, "name: expected a name that is not blank and has no control characters, found \"   \""),
        (#""name": "billing""#, #""name": "bill\u0000ing""#, "callTypes[0].name: expected a name that is not blank and has no control characters, found \"bill\\u0000ing\""),
        (#""hours": 10"#, #""hours": 1e-300"#, "simulation.hours: expected a number of hours, at least one second and at most 27777777, found 1e-300"),
        (#""name": "minimal""#, #""name": "minimal", "automation": {}"#, "automation: expected an array of automation levers such as {\"kind\": \"autoTranscription\", \"wrapUpReduction\": 0.5}, found an object"),
        (#""name": "minimal""#, #""name": "minimal", "serviceLevel": {"goal": 1.5}"#, "serviceLevel.goal: expected a share from 0 to 1, found 1.5"),
        (#""name": "minimal""#, #""name": "minimal", "routing": {"policy": "random"}"#, "routing.policy: expected one of longestIdleAgent, priority, found \"random\""),
        (#""name": "minimal""#, #""name": "minimal", "automation": [{"kind": "rpa"}]"#, "automation[0]: missing key \"handleTimeReduction\" (expected a share from 0 to 0.99 (a handle time cannot vanish))"),
    ])
    func reportsThePathAndWhatWasExpected(original: String, replacement: String, expected: String) {
        let text = minimalScenario.replacingOccurrences(of: original, with: replacement)
        #expect(text != minimalScenario)
        #expect(problems(text).contains(expected), "got \(problems(text))")
    }

    @Test func listsEveryProblemNotOnlyTheFirst() {
        let text = """
            {"ccsimVersion": 1, "simulation": {"hours": 0},
             "callTypes": [
               {"name": "a", "arrivals": {"perHour": 10}, "handleTime": {"distribution": "lognormal", "mean": 60, "cv": -1}},
               {"name": "a", "arrivals": {"perHour": 10}, "handleTime": {"distribution": "exponential", "mean": 60}}],
             "agentGroups": [{"name": "g", "agents": 1, "skills": ["a", "b"]}], "colour": "red"}
            """
        #expect(problems(text) == [
            "simulation.hours: expected a number of hours, at least one second and at most 27777777, found 0",
            "callTypes[0].handleTime.cv: expected a coefficient of variation from 0 to 100, found -1",
            "colour: unknown key \"colour\"; expected one of: agentGroups, automation, base, busyness, calendar, callTypes, ccsimVersion, costs, description, lines, name, patch, revenue, routing, serviceLevel, simulation",
            "callTypes[1].name: duplicate call type name \"a\" (also callTypes[0])",
            "agentGroups[0].skills[1]: skill \"b\" names no call type",
        ])
    }

    @Test func callTypeWithoutAnyServingGroupIsRejected() {
        let text = minimalScenario.replacingOccurrences(
            of: #""agentGroups": [{ "name": "level1", "agents": 3, "skills": ["billing"] }]"#,
            with: #""callTypes2": 1, "agentGroups": [{ "name": "level1", "agents": 3, "skills": ["billing"] }]"#)
        #expect(problems(text).contains("callTypes2: unknown key \"callTypes2\" (did you mean \"callTypes\"?)"))
        let twoTypes = minimalScenario.replacingOccurrences(
            of: #""handleTime": { "distribution": "exponential", "mean": 240 }"#,
            with: #""handleTime": { "distribution": "exponential", "mean": 240 }}, {"name": "sales", "arrivals": {"perHour": 5}, "handleTime": {"distribution": "deterministic", "value": 60}"#)
        #expect(problems(twoTypes) == ["callTypes[1]: call type \"sales\" has arrivals but no agent group has it in its skills"])
    }

    @Test func rejectsFilesThatAreNotScenarios() throws {
        #expect(problems("") == ["(top level): the file is empty, expected a JSON object"])
        #expect(problems("[1, 2]") == ["(top level): expected an object, found an array"])
        #expect(problems("{\"ccsimVersion\": 1,") == ["(top level): invalid JSON at line 1, column 20: expected a key in double quotes, found the end of the file"])
        let latin1: [UInt8] = Array("{\"name\": \"caf".utf8) + [0xE9] + Array("\"}".utf8)
        #expect(throws: ScenarioError(file: "x.json", problems: [ScenarioProblem(path: "", message: "the file is not valid UTF-8 text (line 1, column 14: byte 0xE9), expected a JSON scenario")])) {
            try ScenarioReader.parse(latin1, file: "x.json")
        }
        let directory = FileManager.default.temporaryDirectory.path
        #expect(throws: ScenarioError(file: directory, problems: [ScenarioProblem(path: "", message: "is a directory, expected a scenario file (JSON)")])) {
            try ScenarioReader.read(contentsOf: directory)
        }
        #expect(throws: ScenarioError(file: "/no/such/file.json", problems: [ScenarioProblem(path: "", message: "no such file")])) {
            try ScenarioReader.read(contentsOf: "/no/such/file.json")
        }
    }

    @Test func errorMessagesNameTheFile() {
        let error = ScenarioError(file: "configs/a.json", problems: [ScenarioProblem(path: "callTypes[1].handleTime.mean", message: "expected a mean in seconds from 1e-6 to 1e9, found -3")])
        #expect(error.description == "configs/a.json: callTypes[1].handleTime.mean: expected a mean in seconds from 1e-6 to 1e9, found -3")
    }
}

@Suite struct ReviewedEdgeCaseTests {
    /// Parameters so small that the samplers would underflow, found in review, are rejected at
    /// validation instead of trapping later.
    @Test(arguments: [
        (#"{"distribution": "weibull", "mean": 1e-300, "shape": 0.05}"#, "callTypes[0].handleTime.mean: expected a mean in seconds from 1e-6 to 1e9, found 1e-300"),
        (#"{"distribution": "erlang", "mean": 1e-9, "k": 2}"#, "callTypes[0].handleTime.mean: expected a mean in seconds from 1e-6 to 1e9, found 1e-9"),
        (#"{"distribution": "uniform", "min": 0, "max": 1e-9}"#, "callTypes[0].handleTime.max: expected a number of seconds: 0, or from 1e-6 to 1e9, found 1e-9"),
        (#"{"distribution": "empirical", "values": [1e-9, 0]}"#, "callTypes[0].handleTime.values[0]: expected a number of seconds: 0, or from 1e-6 to 1e9, found 1e-9"),
    ])
    func underflowingParametersAreRejected(distribution: String, message: String) {
        let text = minimalScenario.replacingOccurrences(
            of: #""handleTime": { "distribution": "exponential", "mean": 240 }"#, with: #""handleTime": \#(distribution)"#)
        #expect(problems(text).contains(message), "\(problems(text))")
    }

    @Test func aTinyCoefficientOfVariationIsAConstant() throws {
        #expect(Distribution.gamma(mean: 60, cv: 1e-200) == .deterministic(60))
        #expect(Distribution.lognormal(mean: 60, cv: 1e-9) == .deterministic(60))
    }

    @Test func numbersThatUnderflowAreRejected() {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(Array("[1e-400]".utf8)) }
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(Array("[4e-320]".utf8)) }
        #expect(throws: Never.self) { try JSONParser.parse(Array("[0.0e-5, 1e-300]".utf8)) }
    }
}
