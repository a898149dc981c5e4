import ContactCenter
import Foundation
import TestSupport
import Testing
@testable import ccsim

/// `ccsim compare` from the command line: the ROI examples, its errors, and its money in the run report.
@Suite struct CompareCommandTests {
    @Test func comparesTheROIExamplesAndMarksRealDifferences() throws {
        let outcome = CommandLineTool.execute([
            "compare", config("roi/baseline.json"), config("roi/ai-dispatch.json"), config("roi/fewer-agents.json"),
            "--format", "json", "--replications", "4", "--threads", "2",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let document = try JSONParser.parse(Array(outcome.standardOutput.utf8))
        guard case .array(let variants)? = document["variants"] else {
            Issue.record("no variants in \(outcome.standardOutput.prefix(200))")
            return
        }
        #expect(variants.count == 2)
        #expect(variants[0]["name"] == .string("AI dispatch"))
        // AI dispatch removes most transfers, a real difference; two fewer agents cost less and lose service.
        #expect(variants[0]["kpis"]?["transfers"]?["significant"] == .bool(true))
        if case .number(let extra)? = variants[0]["extraInvestment"] { #expect(extra.value == 25_000) }
        if case .number(let cost)? = variants[1]["money"]?["costPerYear"]?["difference"]?["mean"] { #expect(cost.value < 0) }
        if case .number(let level)? = variants[1]["kpis"]?["serviceLevel"]?["difference"]?["mean"] { #expect(level.value < 0) }
        #expect(variants[1]["roiPercent"]?["mean"] == .null)
        // The variants inherit the base's seed: nothing to say on standard error.
        #expect(outcome.standardError.isEmpty)
    }

    @Test func tableSaysWhatIsComparedAndHowToReadIt() {
        let outcome = CommandLineTool.execute([
            "compare", config("roi/baseline.json"), config("roi/auto-transcription.json"), "--replications", "3",
        ])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.contains("common random numbers"))
        #expect(outcome.standardOutput.contains("variant \"Automatic transcription\""))
        #expect(outcome.standardOutput.contains("ROI of the change, a year"))
        #expect(outcome.standardOutput.contains("payback, months"))
    }

    @Test func aVariantWithAnotherSeedRunsOnTheBasesAndSaysSo() throws {
        let folder = try TemporaryFolder()
        let text = try String(contentsOfFile: config("small-business.json"), encoding: .utf8)
        let base = try folder.write("base.json", text)
        let other = try folder.write("other.json", #"{"ccsimVersion": 1, "base": "base.json", "patch": {"simulation": {"seed": 99}}}"#)
        let outcome = CommandLineTool.execute(["compare", base, other, "--replications", "2", "--format", "csv"])
        #expect(outcome.status == 0)
        #expect(outcome.standardError.contains("runs with the base's seed"))
        // Same scenario on the same seed: every difference is exactly zero.
        let rows = outcome.standardOutput.split(separator: "\n").dropFirst()
        #expect(rows.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false)[4] == "0" || $0.split(separator: ",", omittingEmptySubsequences: false)[4] == "" })
    }

    @Test(arguments: [
        (["compare"], "compare: expected a base scenario and at least one variant, found 0 file(s)"),
        (["compare", "only.json"], "compare: expected a base scenario and at least one variant, found 1 file(s)"),
        (["compare", "a.json", "b.json", "--replications", "0"], "--replications"),
    ])
    func badCommandLinesExitTwo(arguments: [String], message: String) {
        let outcome = CommandLineTool.execute(arguments)
        #expect(outcome.status == 2)
        #expect(outcome.standardOutput.isEmpty)
        #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
    }

    @Test func runReportsMoneyWithItsIntervals() throws {
        let outcome = CommandLineTool.execute(["run", config("roi/baseline.json"), "--replications", "2", "--format", "json"])
        #expect(outcome.status == 0)
        let document = try JSONParser.parse(Array(outcome.standardOutput.utf8))
        #expect(document["costs"]?["currency"] == .string("EUR"))
        for section in ["costs", "revenue"] {
            for scale in ["perPeriod", "perMonth", "perYear"] {
                #expect(document[section]?[scale]?["total"]?["ciLow"] != nil, "\(section).\(scale)")
            }
        }
        #expect(document["roi"]?["percent"]?["mean"] != nil)
        let table = CommandLineTool.execute(["run", config("roi/baseline.json"), "--replications", "2"])
        #expect(table.standardOutput.contains("costs (EUR)"))
        #expect(table.standardOutput.contains("ROI = (revenue − cost) / cost"))
    }
}

/// `ccsim sweep` and `ccsim staff` from the command line, and the progress bar's line.
@Suite struct WhatIfCommandTests {
    @Test func sweepPrintsOneLinePerPoint() {
        let outcome = CommandLineTool.execute([
            "sweep", config("small-business.json"), "--set", "agentGroups[0].agents=1...3", "--replications", "3",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let lines = outcome.standardOutput.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("agentGroups[0].agents") })
        #expect(lines.filter { $0.trimmingCharacters(in: .whitespaces).first?.isNumber == true }.count == 3)
        #expect(outcome.standardError.isEmpty, "no progress bar when standard error is not a terminal")
    }

    @Test(arguments: [
        (["sweep", "x.json"], "sweep: missing --set"),
        (["sweep", "x.json", "--set", "a=1...x"], "\"x\" is not a number"),
        (["staff", "x.json", "--goal", "speed=3"], "--goal: expected serviceLevel=G"),
        (["staff", "x.json", "--shift-lengths", "4,30"], "--shift-lengths: expected shift lengths in hours"),
        (["staff", "x.json", "--shift-starts", "8h"], "--shift-starts: expected start times"),
    ])
    func badWhatIfCommandLinesExitTwo(arguments: [String], message: String) {
        let outcome = CommandLineTool.execute(arguments)
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
    }

    @Test func staffPlansTheSmallBusiness() throws {
        let outcome = CommandLineTool.execute(["staff", config("small-business.json"), "--format", "json", "--shrinkage", "0.3"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let document = try JSONParser.parse(Array(outcome.standardOutput.utf8))
        guard case .array(let intervals)? = document["intervals"], case .array(let shifts)? = document["shifts"] else {
            Issue.record("no intervals or shifts")
            return
        }
        #expect(!intervals.isEmpty && !shifts.isEmpty)
        #expect(document["shrinkage"] == .double(0.3))
    }

    @Test func progressLineShowsDoneTotalAndTimeLeft() {
        #expect(ProgressBar.line(done: 5, total: 20, elapsed: 10, label: "replications")
            == "\r[#######.......................] 5/20 replications, 30 s left   ")
        #expect(ProgressBar.line(done: 20, total: 20, elapsed: 10, label: "replications").contains("done"))
        #expect(ProgressBar(total: 100, quiet: true) == nil)
    }
}
