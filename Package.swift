// swift-tools-version:6.1
// ccsim: a discrete-event contact-center simulator.
// The product depends on the Swift toolchain alone; the benchmark harness lives in Benchmarks/.
import PackageDescription

/// Invariant checks of the kernel's data structures (heap order after every operation) compile in
/// only with `-Xswiftc -DCCSIM_INVARIANTS` (CI runs the tests once that way); otherwise they are no-ops.
let package = Package(
    name: "ccsim",
    // The event heap compares (time, sequence) as one UInt128 (macOS 15 and later; any Linux).
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "ccsim", targets: ["ccsim"]),
        .library(name: "SimulationKernel", targets: ["SimulationKernel"]),
        .library(name: "ContactCenter", targets: ["ContactCenter"]),
        .library(name: "ContactCenterAnalysis", targets: ["ContactCenterAnalysis"]),
    ],
    targets: [
        .target(name: "SimulationKernel"),
        .target(name: "ContactCenter", dependencies: ["SimulationKernel"]),
        .target(name: "ContactCenterAnalysis", dependencies: ["ContactCenter", "SimulationKernel"]),
        .executableTarget(name: "ccsim", dependencies: ["ContactCenterAnalysis", "ContactCenter"]),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "SimulationKernelTests", dependencies: ["SimulationKernel"]),
        .testTarget(
            name: "ContactCenterTests", dependencies: ["ContactCenter", "SimulationKernel", "TestSupport"],
            exclude: ["HostileScenarios"]),
        .testTarget(name: "ContactCenterAnalysisTests", dependencies: ["ContactCenterAnalysis", "ContactCenter"]),
        .testTarget(name: "ccsimTests", dependencies: ["ccsim", "ContactCenter", "SimulationKernel", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
