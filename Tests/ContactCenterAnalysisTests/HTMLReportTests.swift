import ContactCenter
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ContactCenterAnalysis

/// The HTML report: well-formed XHTML, one SVG per chart, self-contained, numbers equal to the JSON.
@Suite struct HTMLReportTests {
    /// What an XML parse of the page found: element counts, and per table id the `data-value` of each row's cells.
    final class Collector: NSObject, XMLParserDelegate {
        var counts: [String: Int] = [:]
        var tables: [String: [[String]]] = [:]
        var attributeTexts: [String] = []
        private var table: String?
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            counts[name, default: 0] += 1
            attributeTexts += attributes.values
            if name == "table" { table = attributes["id"]; tables[table ?? "", default: []] = [] }
            if name == "tr", let table { tables[table]!.append([]) }
            if name == "td", let table { tables[table]![tables[table]!.count - 1].append(attributes["data-value"] ?? "") }
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "table" { table = nil }
        }
    }

    func parse(_ html: String) throws -> Collector {
        let parser = XMLParser(data: Data(html.utf8))
        let collector = Collector()
        parser.delegate = collector
        #expect(parser.parse(), "not well-formed: \(parser.parserError.map { "\($0)" } ?? "")")
        return collector
    }

    func runResult() throws -> (Scenario, JSONValue) {
        let s = try ScenarioReader.parse(Array("""
            {"ccsimVersion": 1, "name": "report", "simulation": {"days": 3, "replications": 4, "seed": 5},
             "calendar": {"open": "08:00", "close": "12:00", "intervalMinutes": 60},
             "callTypes": [{"name": "a", "arrivals": {"perInterval": [40, 80, 60, 30]},
                            "handleTime": {"distribution": "exponential", "mean": 200},
                            "patience": {"distribution": "exponential", "mean": 90}}],
             "agentGroups": [{"name": "g", "agents": 4, "skills": ["a"]}],
             "costs": {"inHouse": {"hourlyWage": 15}, "telephonyPerMinute": 0.02}}
            """.utf8), file: "report.json")
        let report = RunReport(scenario: s, results: try Simulation(scenario: s).run(threads: 2))
        return (s, report.json())
    }

    @Test func runReportIsWellFormedSelfContainedAndMatchesTheJSON() throws {
        let (_, json) = try runResult()
        let html = try HTMLReport.render(json)
        let page = try parse(html)
        // One SVG per chart: service level, wait distribution, agents, costs.
        #expect(page.counts["figure"] == 4 && page.counts["svg"] == 4)
        #expect(page.counts["script"] == nil && page.counts["link"] == nil && page.counts["img"] == nil)
        #expect(!page.attributeTexts.contains { $0.hasPrefix("http") && !$0.hasPrefix("http://www.w3.org/") })
        // Every chart is titled and its axes labelled.
        #expect(html.contains("Service level (answered within 20 s) and abandonment per interval"))
        #expect(html.contains("% of offered contacts") && html.contains("interval (start, local time)"))
        #expect(html.contains("wait at most (seconds)") && html.contains("EUR per year"))
        // The interval table's numbers are the JSON's, exactly.
        guard case .array(let intervals)? = json["intervals"] else { Issue.record("no intervals"); return }
        let rows = try #require(page.tables["intervals"]).filter { !$0.isEmpty }
        #expect(rows.count == intervals.count)
        for (row, interval) in zip(rows, intervals) {
            let expected = interval["kpis"]?["serviceLevel"]?["mean"].map { $0.serialized(pretty: false) } ?? ""
            #expect(row[2] == expected)
        }
        let total = try #require(page.tables["cost-table"]?.first { !$0.isEmpty && $0[1] == json["costs"]?["perYear"]?["total"]?["mean"]?.serialized(pretty: false) })
        #expect(!total.isEmpty)
    }

    @Test func frenchLabelsAndDecimalCommas() throws {
        let (_, json) = try runResult()
        let html = try HTMLReport.render(json, language: .fr)
        _ = try parse(html)
        #expect(html.contains("lang=\"fr\""))
        #expect(html.contains("Niveau de service (répondus en 20 s) et abandon par intervalle"))
        #expect(html.contains("Distribution du temps d'attente des contacts répondus") || html.contains("Distribution du temps d&apos;attente"))
        #expect(html.range(of: #"\d+,\d %"#, options: .regularExpression) != nil)
    }

    @Test func comparisonSweepAndStaffingPagesDrawTheirCharts() throws {
        let (s, _) = try runResult()
        var variant = s
        variant.name = "more"
        variant.agentGroups[0].agents = 5
        let comparison = Comparison(
            base: s, baseResults: try Simulation(scenario: s).run(threads: 2),
            variants: [(variant, try Simulation(scenario: variant).run(threads: 2))])
        let page = try parse(try HTMLReport.render(comparison.json()))
        #expect(page.counts["svg"] == page.counts["figure"] && (page.counts["svg"] ?? 0) >= 2)
        let differences = try #require(page.tables["variant-0"]?.filter { !$0.isEmpty })
        let serviceLevel = comparison.variants[0].kpis.first { $0.key == "serviceLevel" }!.difference!.mean
        #expect(differences.contains { $0[3] == JSONValue.double(serviceLevel).serialized(pretty: false) })

        let plan = try StaffingSearch.plan(
            scenario: s, goals: StaffingGoals(serviceLevel: 0.8, targetSeconds: 20), shrinkage: 0.2,
            shiftLengths: [4 * 3600], shiftStarts: nil, threads: 2)
        let staffPage = try parse(try HTMLReport.render(plan.json()))
        #expect(staffPage.counts["svg"] == 2)
        let required = try #require(staffPage.tables["staff-intervals"]?.filter { !$0.isEmpty })
        #expect(required.map { $0[2] } == plan.intervals.map { JSONValue.double(Double($0.requiredAgents)).serialized(pretty: false) })
    }

    @Test func aDocumentThatIsNotAResultIsRefused() {
        #expect(throws: HTMLReportError.self) { try HTMLReport.render(.object([JSONMember(key: "name", value: .string("x"))])) }
    }
}
