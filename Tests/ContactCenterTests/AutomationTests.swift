import SimulationKernel
import Testing
@testable import ContactCenter

/// Each automation lever acts through the model's own mechanism and moves its KPI the right way on a
/// seeded run; bad levers are refused with their JSON path.
@Suite struct AutomationTests {
    /// Two voice call types with wrap-up, an IVR on one, misrouting between them, patience.
    func scenario(automation: String) throws -> Scenario {
        try ScenarioReader.parse(Array("""
            {"ccsimVersion": 1, "name": "levers", "simulation": {"hours": 100, "replications": 4, "seed": 9},
             "callTypes": [
               {"name": "a", "arrivals": {"perHour": 60}, "handleTime": {"distribution": "lognormal", "mean": 240, "cv": 0.8},
                "wrapUp": {"distribution": "exponential", "mean": 60}, "patience": {"distribution": "exponential", "mean": 90},
                "ivr": {"durationSeconds": 30, "containment": 0.1},
                "misrouting": {"share": 0.2, "to": "b", "transferTalk": {"distribution": "exponential", "mean": 45}}},
               {"name": "b", "arrivals": {"perHour": 30}, "handleTime": {"distribution": "exponential", "mean": 300},
                "patience": {"distribution": "exponential", "mean": 120}}],
             "agentGroups": [{"name": "ga", "agents": 6, "skills": ["a"]}, {"name": "gb", "agents": 4, "skills": ["b"]}],
             "automation": [\(automation)]}
            """.utf8), file: "levers.json")
    }

    func total(_ s: Scenario) throws -> ContactTally {
        var tally = ContactTally()
        for result in try Simulation(scenario: s).run(threads: 2) { tally.add(result.overall) }
        return tally
    }

    func aht(_ t: ContactTally) -> Double { (t.talkTime + t.wrapUpTime) / Double(t.answered) }
    func abandonment(_ t: ContactTally) -> Double { Double(t.abandoned) / Double(t.offered) }

    @Test func aiDispatchCutsTransfers() throws {
        let before = try total(try scenario(automation: ""))
        let after = try total(try scenario(automation: #"{"kind": "aiDispatch", "misroutingReduction": 0.75}"#))
        #expect(Double(after.transfers) < 0.4 * Double(before.transfers), "\(before.transfers) → \(after.transfers)")
        #expect(abandonment(after) < abandonment(before))
    }

    @Test func autoTranscriptionShrinksWrapUpAndRaisesCapacity() throws {
        let before = try total(try scenario(automation: ""))
        let lever = try scenario(automation: #"{"kind": "autoTranscription", "wrapUpReduction": 0.5}"#)
        #expect(lever.applyingAutomation().callTypes[0].wrapUp!.mean == 30)
        let after = try total(lever)
        #expect(after.wrapUpTime / Double(after.answered) < 0.6 * before.wrapUpTime / Double(before.answered))
        #expect(aht(after) < aht(before))
        #expect(abandonment(after) < abandonment(before))
        #expect(after.answered > before.answered)
    }

    @Test func rpaShrinksTalkTime() throws {
        let before = try total(try scenario(automation: ""))
        let lever = try scenario(automation: #"{"kind": "rpa", "handleTimeReduction": 0.2, "callTypes": ["b"]}"#)
        #expect(abs(lever.applyingAutomation().callTypes[1].handleTime.mean - 240) < 1e-9)
        #expect(lever.applyingAutomation().callTypes[0].handleTime == lever.callTypes[0].handleTime)
        let after = try total(lever)
        #expect(aht(after) < aht(before))
        #expect(abandonment(after) < abandonment(before))
    }

    @Test func selfServiceRaisesContainment() throws {
        let before = try total(try scenario(automation: ""))
        // Type a's IVR contains 10 %, type b gets a 20 s stage: 0.1 + 0.9 × 0.3 = 37 % and 30 %.
        let lever = try scenario(automation: #"{"kind": "selfService", "containmentGain": 0.3, "durationSeconds": 20}"#)
        let applied = lever.applyingAutomation()
        #expect(abs(applied.callTypes[0].ivr!.containment - 0.37) < 1e-12)
        #expect(applied.callTypes[1].ivr == IVRStage(durationSeconds: 20, containment: 0.3))
        let after = try total(lever)
        #expect(Double(after.contained) / Double(after.arrivals) > 2 * Double(before.contained) / Double(before.arrivals))
    }

    @Test func callbacksLeverCutsAbandonment() throws {
        let before = try total(try scenario(automation: ""))
        let after = try total(try scenario(automation: #"{"kind": "callbacks", "offerAfterSeconds": 30, "acceptance": 0.6}"#))
        #expect(before.callbacksCompleted == 0 && after.callbacksCompleted > 0)
        #expect(abandonment(after) < abandonment(before))
    }

    /// The n-th caller of a type is the same caller with and without a lever: a lever that changes
    /// nothing (a reduction of 0) gives the identical run.
    @Test func aLeverOfZeroChangesNothing() throws {
        let plain = try Simulation(scenario: try scenario(automation: "")).run(threads: 1)
        let zero = try Simulation(scenario: try scenario(automation: #"{"kind": "rpa", "handleTimeReduction": 0}"#)).run(threads: 1)
        #expect(plain == zero)
    }

    @Test(arguments: [
        (#"{"kind": "aiDispatch"}"#, "automation[0]: missing key \"misroutingReduction\""),
        (#"{"kind": "autoTranscription", "wrapUpReduction": 1.5}"#, "automation[0].wrapUpReduction: expected a share from 0 to 1, found 1.5"),
        (#"{"kind": "rpa", "handleTimeReduction": 1}"#, "automation[0].handleTimeReduction: expected a share from 0 to 0.99"),
        (#"{"kind": "autoTranscription", "wrapUpReduction": 0.5, "callTypes": ["b"]}"#, "call type \"b\" has no after-call work"),
        (#"{"kind": "rpa", "handleTimeReduction": 0.1, "callTypes": ["c"]}"#, "automation[0].callTypes[0]: call type \"c\" does not exist"),
        (#"{"kind": "selfService", "containmentGain": 0.2, "callTypes": ["b"]}"#, "has no IVR; give \"durationSeconds\""),
        (#"{"kind": "drones"}"#, "automation[0].kind: expected one of aiDispatch"),
        (#"{"kind": "rpa", "handleTimeReduction": 0.1, "setupCosts": 5}"#, "unknown key \"setupCosts\" (did you mean \"setupCost\"?)"),
        (#"{"kind": "rpa", "handleTimeReduction": 0.1, "setupCost": -5}"#, "automation[0].setupCost: expected an amount ≥ 0"),
    ])
    func badLeversAreRefusedWithTheirPath(lever: String, message: String) throws {
        let error = #expect(throws: ScenarioError.self) { try scenario(automation: lever) }
        #expect(error?.description.contains(message) == true, "\(error?.description ?? "")")
    }
}
