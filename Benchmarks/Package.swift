// swift-tools-version:6.1
// Benchmarks of ccsim, in a package of their own so the product never depends on a harness (the
// layout of swift-nio's Benchmarks/): this package depends on the root package by path and on
// ordo-one's `benchmark` harness.
//
//   swift package --package-path Benchmarks benchmark                       # every harness benchmark
//   swift run -c release --package-path Benchmarks erlang-a-benchmark       # plain calls/s table
//   swift run -c release --package-path Benchmarks erlang-a-probe ...       # used by scripts/check-*.sh
//   swift run -c release --package-path Benchmarks reference-loop[-unchecked]   # the hand-written limit
//
// The harness's malloc counters need its "MallocInterposer" trait, named explicitly here (which also
// leaves out its Linux 6.3 ARC runtime interposer, not needed for the metrics used).
import PackageDescription

let package = Package(
    name: "ccsim-benchmarks",
    platforms: [.macOS(.v15)],  // as the root package
    dependencies: [
        .package(name: "ccsim", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The reference model, shared by every benchmark that runs it.
        .target(
            name: "BenchmarkSupport",
            dependencies: [.product(name: "ContactCenter", package: "ccsim")],
            path: "Sources/BenchmarkSupport"
        ),
        .executableTarget(
            name: "erlang-a-benchmark",
            dependencies: ["BenchmarkSupport", .product(name: "ContactCenter", package: "ccsim")],
            path: "Sources/ErlangABenchmark"
        ),
        .executableTarget(
            name: "cost-curves",
            dependencies: ["BenchmarkSupport", .product(name: "ContactCenter", package: "ccsim")],
            path: "Sources/CostCurves"
        ),
        // The hand-written reference loop (the practical limit), compiled plain and unchecked.
        .target(name: "ReferenceLoop", path: "Sources/ReferenceLoop"),
        .executableTarget(name: "reference-loop", dependencies: ["ReferenceLoop"], path: "Sources/ReferenceLoopPlain"),
        .executableTarget(
            name: "reference-loop-unchecked",
            dependencies: ["ReferenceLoop"],
            path: "Sources/ReferenceLoopUnchecked",
            swiftSettings: [.unsafeFlags(["-Ounchecked"])]
        ),
        .executableTarget(
            name: "erlang-a-probe",
            dependencies: ["BenchmarkSupport", .product(name: "ContactCenter", package: "ccsim")],
            path: "Sources/ErlangAProbe"
        ),
    ],
    swiftLanguageModes: [.v6]
)

// Harness benchmarks: Benchmarks/<Name>/<Name>.swift, each an executable the `benchmark` plugin finds.
for name in ["KernelBenchmarks", "SimulationBenchmarks", "ScenarioBenchmarks"] {
    package.targets.append(
        .executableTarget(
            name: name,
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SimulationKernel", package: "ccsim"),
                .product(name: "ContactCenter", package: "ccsim"),
                .product(name: "ContactCenterAnalysis", package: "ccsim"),
            ],
            path: "Benchmarks/\(name)",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ))
}
