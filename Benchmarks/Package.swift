// swift-tools-version:6.1
// Benchmarks of ccsim, in a package of their own so the product never depends on a harness.
// Run: swift run -c release --package-path Benchmarks erlang-a-benchmark
import PackageDescription

let package = Package(
    name: "ccsim-benchmarks",
    dependencies: [
        .package(name: "ccsim", path: "..")
    ],
    targets: [
        .executableTarget(
            name: "erlang-a-benchmark",
            dependencies: [.product(name: "ContactCenter", package: "ccsim")],
            path: "Sources/ErlangABenchmark"
        )
    ],
    swiftLanguageModes: [.v6]
)
