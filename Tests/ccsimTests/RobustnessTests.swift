import ContactCenter
import Foundation
import TestSupport
import Testing
@testable import ccsim

/// Absurd but valid inputs stop at once with a clear message, or run within bounded memory.
@Suite struct ResourceBoundTests {
    func scenario(perHour: String = "30", hours: String = "10", agents: String = "3", replications: String = "2", patience: Bool = true) -> String {
        """
        {"ccsimVersion": 1, "name": "absurd",
         "simulation": {"hours": \(hours), "replications": \(replications), "seed": 1},
         "callTypes": [{"name": "c", "arrivals": {"perHour": \(perHour)},
           "handleTime": {"distribution": "exponential", "mean": 300}\(patience ? #", "patience": {"distribution": "exponential", "mean": 60}"# : "")}],
         "agentGroups": [{"name": "g", "agents": \(agents), "skills": ["c"]}]}
        """
    }

    /// Stopped by the up-front estimate, before any event runs.
    @Test func aBillionCallsAnHourStopsAtOnce() throws {
        let scratch = try TemporaryFolder()
        let file = try scratch.write("s.json", scenario(perHour: "1e9", hours: "24"))
        let outcome = CommandLineTool.execute(["run", file])
        #expect(outcome.status == 2)
        #expect(outcome.standardError == "ccsim: the scenario would take about 7.2e+10 events per replication, over the limit of 1.0e+10; shorten the horizon or lower the arrival rates, or raise the limit with --max-events\n")
    }

    @Test(arguments: [
        ("agents", "10000000", "agentGroups[0].agents: expected a whole number of agents from 0 to 1000000, found 10000000"),
        ("replications", "1000000", "simulation.replications: expected a whole number of replications from 1 to 100000, found 1000000"),
        ("hours", "1e12", "simulation.hours: expected a number of hours, at least one second and at most 27777777, found 1e12"),
    ])
    func absurdSizesAreRejectedAtValidation(key: String, value: String, message: String) throws {
        let scratch = try TemporaryFolder()
        let text: String
        switch key {
        case "agents": text = scenario(agents: value)
        case "replications": text = scenario(replications: value)
        default: text = scenario(hours: value)
        }
        let outcome = CommandLineTool.execute(["validate", try scratch.write("s.json", text)])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
    }

    /// A century at 30 calls an hour is 26 million calls: valid, and bounded in memory; here it only
    /// has to be accepted and its work estimated, not run in a unit test.
    @Test func aHundredYearHorizonIsAcceptedAndItsWorkEstimated() throws {
        let scratch = try TemporaryFolder()
        let file = try scratch.write("s.json", scenario(hours: String(100 * 365 * 24)))
        let scenario = try ScenarioReader.read(contentsOf: file)
        let events = Simulation(scenario: scenario).expectedEventsPerReplication
        #expect(abs(events - 30 * 876_000 * 3) < 1)
        let outcome = CommandLineTool.execute(["run", file, "--max-events", "1e6"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("over the limit of 1.0e+06"))
    }

    @Test func maxEventsStopsARunWithAClearError() throws {
        let scratch = try TemporaryFolder()
        let file = try scratch.write("s.json", scenario(hours: "1000"))
        // Over the limit by the estimate (3 events a call at most): stopped before it starts.
        let outcome = CommandLineTool.execute(["run", file, "--max-events", "20000", "--threads", "1"])
        #expect(outcome.status == 2)
        #expect(outcome.standardOutput.isEmpty)
        #expect(outcome.standardError.hasPrefix("ccsim: the scenario would take about 90000 events per replication, over the limit of 20000"))
        #expect(CommandLineTool.execute(["run", file, "--max-events", "0"]).status == 2)
        #expect(CommandLineTool.execute(["run", file, "--max-events", "1e7"]).status == 0)
        // Over the limit while running: stopped when the count passes it.
        let simulation = Simulation(scenario: try ScenarioReader.read(contentsOf: file))
        #expect(throws: SimulationError.self) {
            try simulation.runReplication(0, limits: SimulationLimits(maximumEvents: 500, maximumWaiting: 1000))
        }
        do {
            _ = try simulation.runReplication(1, limits: SimulationLimits(maximumEvents: 500, maximumWaiting: 1000))
        } catch {
            #expect(error.description.hasPrefix("replication 1 reached the limit of 500 events at "))
        }
    }

    /// Overload without abandonment grows the queue without bound: the run stops when the waiting
    /// callers pass the limit instead of exhausting memory.
    @Test func anEndlesslyGrowingQueueStops() throws {
        let scratch = try TemporaryFolder()
        let scenario = try ScenarioReader.read(contentsOf: try scratch.write("s.json", scenario(perHour: "600", hours: "1000", patience: false)))
        #expect(throws: SimulationError.self) {
            try Simulation(scenario: scenario).run(threads: 1, limits: SimulationLimits(maximumEvents: 1_000_000_000, maximumWaiting: 2_000))
        }
        do {
            _ = try Simulation(scenario: scenario).run(threads: 2, limits: SimulationLimits(maximumEvents: 1_000_000_000, maximumWaiting: 2_000))
        } catch {
            #expect(error.description.hasPrefix("replication 0 had more than 2000 callers waiting (or 4000 queue slots and pending events) at "))
            #expect(error.description.hasSuffix("add agents, give callers a patience, or shorten the horizon"))
        }
    }
}

/// The same file and seed give byte-identical output whatever the locale of the process.
@Suite struct LocaleIndependenceTests {
    @Test func outputIsTheSameInEveryLocale() throws {
        func run(_ environment: [String: String], _ format: String) throws -> String {
            let process = Process()
            process.executableURL = ExecutableTests.executable
            process.arguments = ["run", config("mid-size-hotline.json"), "--replications", "3", "--format", format]
            process.environment = environment
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            return String(decoding: data, as: UTF8.self)
        }
        for format in ["json", "csv", "table"] {
            let plain = try run(["PATH": "/usr/bin:/bin"], format)
            #expect(!plain.isEmpty)
            for locale in ["fr_FR.UTF-8", "de_DE.UTF-8", "ar_EG.UTF-8"] {
                #expect(try run(["PATH": "/usr/bin:/bin", "LC_ALL": locale, "LANG": locale], format) == plain, "\(format) in \(locale)")
            }
        }
    }
}
