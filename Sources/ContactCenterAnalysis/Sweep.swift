import ContactCenter
import Foundation
import SimulationKernel

/// One varied number of a sweep: a scenario path and its values (`--set PATH=VALUES`).
public struct SweepParameter: Sendable, Equatable {
    /// Where in the scenario the number is set.
    public let path: ScenarioPath
    /// The values, in the order they are run.
    public let values: [Double]

    /// Most values one parameter may take.
    public static let maximumValues = 10_000

    /// Parses `PATH=VALUES`: values `10...20` (step 1), `0...0.6:0.1` (a step), or a list `100,150,200`.
    /// - Throws: ``SweepError`` saying what is wrong and what was expected.
    public init(parsing text: String) throws(SweepError) {
        guard let equals = text.firstIndex(of: "=") else {
            throw SweepError(message: "--set \(text): expected PATH=VALUES, such as agentGroups[0].agents=10...20")
        }
        let pathText = String(text[..<equals]), valuesText = String(text[text.index(after: equals)...])
        guard let path = ScenarioPath(pathText) else {
            throw SweepError(message: "--set \(text): \"\(pathText)\" is not a scenario path (expected keys and indices such as callTypes[0].arrivals.perHour)")
        }
        self.path = path
        self.values = try SweepParameter.values(valuesText, in: text)
    }

    /// Creates a parameter from a path and values.
    public init(path: ScenarioPath, values: [Double]) {
        self.path = path
        self.values = values
    }

    private static func values(_ text: String, in whole: String) throws(SweepError) -> [Double] {
        func number(_ part: Substring) throws(SweepError) -> Double {
            guard let value = Double(part.trimmingCharacters(in: .whitespaces)), value.isFinite else {
                throw SweepError(message: "--set \(whole): \"\(part)\" is not a number (expected FROM...TO, FROM...TO:STEP or V1,V2,…)")
            }
            return value
        }
        if let range = text.range(of: "...") {
            let from = try number(text[..<range.lowerBound])
            let rest = text[range.upperBound...]
            let parts = rest.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let to = try number(parts[0])
            let step = parts.count == 2 ? try number(parts[1]) : 1
            guard step > 0 else { throw SweepError(message: "--set \(whole): expected a step > 0, found \(parts[1])") }
            guard to >= from else { throw SweepError(message: "--set \(whole): expected FROM ≤ TO") }
            let count = ((to - from) / step * (1 + 1e-9)).rounded(.down) + 1
            guard count <= Double(maximumValues) else {
                throw SweepError(message: "--set \(whole): \(Int(count)) values, more than \(maximumValues)")
            }
            // Each value from its index (no accumulated rounding), rounded to the step's precision.
            let scale = pow(10, Swift.max(0, (-log10(step)).rounded(.up) + 3))
            return (0..<Int(count)).map { ((from + Double($0) * step) * scale).rounded() / scale }
        }
        let values = try text.split(separator: ",", omittingEmptySubsequences: false).map { part throws(SweepError) in try number(part) }
        guard values.count <= maximumValues else { throw SweepError(message: "--set \(whole): more than \(maximumValues) values") }
        return values
    }
}

/// A malformed sweep specification.
public struct SweepError: Error, Sendable, CustomStringConvertible {
    /// What is wrong and what was expected.
    public let message: String
    /// The message.
    public var description: String { message }
}

/// One run per point of a grid of scenario values, all on common random numbers (the same seed and
/// replication indices at every point), reported as one table.
public struct SweepReport: Sendable {
    /// The parameters, in command-line order (the first varies slowest).
    public let parameters: [SweepParameter]
    /// One report per point of the grid, with the point's values (one per parameter).
    public let points: [(values: [Double], report: RunReport)]

    /// Most points a sweep may run.
    public static let maximumPoints = 10_000

    /// The grid of `parameters`: every combination, the first parameter varying slowest.
    public static func grid(_ parameters: [SweepParameter]) -> [[Double]] {
        parameters.reduce([[]]) { points, parameter in points.flatMap { point in parameter.values.map { point + [$0] } } }
    }

    /// Creates a report from the points' runs.
    public init(parameters: [SweepParameter], points: [(values: [Double], report: RunReport)]) {
        self.parameters = parameters
        self.points = points
    }

    /// Runs the scenario in `file` at every point of the grid of `parameters`, each with the seed and
    /// replications of the file (or the given ones), so the points differ only by their values.
    /// - Parameter progress: called after each replication of each point.
    /// - Throws: ``ScenarioError`` naming the point when its scenario is invalid, ``SimulationError``.
    public static func run(
        file: String, parameters: [SweepParameter], replications: Int? = nil, seed: UInt64? = nil,
        threads: Int, limits: SimulationLimits = .standard, progress: (@Sendable () -> Void)? = nil
    ) throws -> SweepReport {
        var points: [(values: [Double], report: RunReport)] = []
        for values in grid(parameters) {
            var scenario: Scenario
            do {
                scenario = try ScenarioReader.read(contentsOf: file, setting: zip(parameters, values).map { ($0.path, $1) })
            } catch {
                let point = zip(parameters, values).map { "\($0.path)=\(JSONValue.double($1).serialized())" }.joined(separator: ", ")
                throw ScenarioError(file: "\(error.file) (sweep point \(point))", problems: error.problems)
            }
            if let replications { scenario.simulation.replications = replications }
            if let seed { scenario.simulation.seed = seed }
            let results = try Simulation(scenario: scenario).run(threads: threads, limits: limits, progress: progress)
            points.append((values, RunReport(scenario: scenario, results: results)))
        }
        return SweepReport(parameters: parameters, points: points)
    }
}
