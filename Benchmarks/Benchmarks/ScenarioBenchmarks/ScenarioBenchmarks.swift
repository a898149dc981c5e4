// Loading scenarios, for each example of configs/:
//   "read-FILE"      ScenarioReader.read(contentsOf:): file read, JSON parse, decode and validation;
//   "parse-FILE"     ScenarioReader.parse of the bytes already in memory: parse, decode, validation;
//   "validate-FILE"  Scenario.validationProblems() of the decoded scenario.
//
//   swift package --package-path Benchmarks benchmark --target ScenarioBenchmarks
import Benchmark
import ContactCenter
import Foundation

/// The root of the repository, found from this file's path (Benchmarks/Benchmarks/<Name>/<Name>.swift).
let repositoryRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(4)
    return parts.joined(separator: "/")
}()

let benchmarks: @Sendable () -> Void = {
    let thresholds: [BenchmarkMetric: BenchmarkThresholds] = [
        .wallClock: .init(relative: [.p90: 50.0]),
        .throughput: .init(relative: [.p90: 50.0]),
        .mallocCountTotal: .init(absolute: [.p90: 0]),
    ]

    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        warmupIterations: 10,
        maxDuration: .milliseconds(500),
        maxIterations: 5_000,
        thresholds: thresholds)

    for file in ["mid-size-hotline.json", "erlang-a-benchmark.json"] {
        let path = repositoryRoot + "/configs/" + file
        guard let bytes = try? ScenarioReader.readFile(path), let scenario = try? ScenarioReader.parse(bytes, file: path)
        else {
            print("ScenarioBenchmarks: cannot read \(path)")
            continue
        }

        Benchmark("read-\(file)") { _ in
            blackHole(try ScenarioReader.read(contentsOf: path))
        }

        Benchmark("parse-\(file)") { _ in
            blackHole(try ScenarioReader.parse(bytes, file: path))
        }

        Benchmark("validate-\(file)") { _ in
            blackHole(scenario.validationProblems())
        }
    }
}
