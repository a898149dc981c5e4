import Foundation
import Testing

/// End-to-end: the built `ccsim` binary, as a user runs it.
@Suite struct ExecutableTests {
    /// The `ccsim` executable next to the test bundle in the build products directory.
    static var executable: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // On Linux the test runner is <products>/ccsimPackageTests.xctest; on macOS a bundle inside it.
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("ccsim").path), directory.path != "/" {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("ccsim")
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    @Test func binaryRunsAScenarioAndExitsZero() throws {
        let result = try ExecutableTests.run(["run", config("mid-size-hotline.json"), "--replications", "2", "--format", "csv"])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("scope,name,kpi,mean,ciLow,ciHigh\n"))
        #expect(result.error.isEmpty)
    }

    @Test func binaryExitsTwoOnBadInputWithoutCrashing() throws {
        let result = try ExecutableTests.run(["run", "/definitely/missing.json"])
        #expect(result.status == 2)
        #expect(result.output.isEmpty)
        #expect(result.error == "/definitely/missing.json: (top level): no such file\n")
        let directory = try ExecutableTests.run(["validate", packageRoot.path])
        #expect(directory.status == 2)
        #expect(directory.error.contains("is a directory"))
    }
}
