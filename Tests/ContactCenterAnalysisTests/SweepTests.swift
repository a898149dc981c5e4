import ContactCenter
import Foundation
import SimulationKernel
import TestSupport
import Testing
@testable import ContactCenterAnalysis

/// `ccsim sweep`: value syntax, grids, paths, and monotone KPIs over a seeded run.
@Suite struct SweepTests {
    @Test func valuesAreRangesStepsOrLists() throws {
        #expect(try SweepParameter(parsing: "agentGroups[0].agents=10...13").values == [10, 11, 12, 13])
        #expect(try SweepParameter(parsing: "automation[0].wrapUpReduction=0...0.6:0.1").values == [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6])
        #expect(try SweepParameter(parsing: "callTypes[0].arrivals.perHour=100,150,200").values == [100, 150, 200])
        #expect(try SweepParameter(parsing: "a.b=1").path.components == [.key("a"), .key("b")])
    }

    @Test(arguments: [
        ("agents", "expected PATH=VALUES"),
        ("=1...2", "is not a scenario path"),
        ("a..b=1", "is not a scenario path"),
        ("a[x]=1", "is not a scenario path"),
        ("a=ten", "\"ten\" is not a number"),
        ("a=5...1", "expected FROM ≤ TO"),
        ("a=0...1:0", "expected a step > 0"),
        ("a=0...100000", "more than 10000"),
    ])
    func badSpecificationsSayWhatIsExpected(spec: String, message: String) {
        let error = #expect(throws: SweepError.self) { try SweepParameter(parsing: spec) }
        #expect(error?.message.contains(message) == true, "\(error?.message ?? "")")
    }

    @Test func gridVariesTheFirstParameterSlowest() throws {
        let grid = SweepReport.grid([try SweepParameter(parsing: "a=1,2"), try SweepParameter(parsing: "b=10,20,30")])
        #expect(grid == [[1, 10], [1, 20], [1, 30], [2, 10], [2, 20], [2, 30]])
    }

    /// More agents, on common random numbers: service level and cost rise at every step.
    @Test func serviceLevelAndCostRiseWithAgents() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("center.json", """
            {"ccsimVersion": 1, "name": "sweep", "simulation": {"hours": 40, "replications": 5, "seed": 8},
             "callTypes": [{"name": "a", "arrivals": {"perHour": 120}, "handleTime": {"distribution": "exponential", "mean": 240},
                            "patience": {"distribution": "exponential", "mean": 120}}],
             "agentGroups": [{"name": "g", "agents": 9, "skills": ["a"]}],
             "costs": {"inHouse": {"hourlyWage": 15, "employerChargesPercent": 40}, "telephonyPerMinute": 0.02}}
            """)
        let report = try SweepReport.run(file: file, parameters: [try SweepParameter(parsing: "agentGroups[0].agents=8...13")], threads: 2)
        let levels = report.points.map { $0.report.centre("serviceLevel")!.mean }
        let costs = report.points.map { $0.report.money!.costs.first { $0.line.key == "total" }!.byScale[.perPeriod]!.mean }
        #expect(zip(levels, levels.dropFirst()).allSatisfy { $0 < $1 }, "\(levels)")
        #expect(zip(costs, costs.dropFirst()).allSatisfy { $0 < $1 }, "\(costs)")
        #expect(report.points.map(\.values) == [[8], [9], [10], [11], [12], [13]])
        // Every point runs on the scenario's seed and replications.
        #expect(report.points.allSatisfy { $0.report.seed == 8 && $0.report.replications == 5 })
        let json = report.json()
        guard case .array(let points)? = json["points"] else { Issue.record("no points"); return }
        #expect(points.count == 6)
        #expect(points[0]["set"]?["agentGroups[0].agents"] == .double(8))
    }

    @Test func pathsThatDoNotExistOrHoldNoNumberAreErrors() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("center.json", """
            {"ccsimVersion": 1, "name": "sweep", "simulation": {"hours": 4, "replications": 2},
             "callTypes": [{"name": "a", "arrivals": {"perHour": 10}, "handleTime": {"distribution": "exponential", "mean": 240}}],
             "agentGroups": [{"name": "g", "agents": 3, "skills": ["a"]}]}
            """)
        for (spec, message) in [
            ("agentGroups[2].agents=1", "agentGroups[2] does not exist: agentGroups has 1 element"),
            ("agentGroups[0].name=1", "expected a number to vary, found \"g\""),
            ("callTypes[0].arrival.perHour=1", "callTypes[0].arrival does not exist (did you mean \"arrivals\"?)"),
            ("agentGroups[0].agents=0", "every group that can serve it has zero agents"),
        ] {
            let error = #expect(throws: ScenarioError.self) {
                try SweepReport.run(file: file, parameters: [try SweepParameter(parsing: spec)], threads: 1)
            }
            #expect(error?.description.contains(message) == true, "\(error?.description ?? "")")
            #expect(error?.description.contains("sweep point") == true)
        }
    }
}
