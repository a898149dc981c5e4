import Foundation
import TestSupport
import Testing
@testable import ContactCenter

/// One broken scenario of the corpus in `HostileScenarios/` and the one problem it must produce.
struct HostileScenario: Sendable, CustomTestStringConvertible {
    /// File name inside `HostileScenarios/`.
    var file: String
    /// The problem `ScenarioReader` must report (path `""` for the whole document).
    var problem: ScenarioProblem

    var testDescription: String { file }
}

/// Every file of `HostileScenarios/` is broken in exactly one way; `expected.tsv` names the problem each
/// must produce, and reading it must report that problem and nothing else. The folder is found from this
/// source file's path, so the corpus needs no resource bundle.
@Suite struct HostileScenarioTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("HostileScenarios").path

    /// The rows of `expected.tsv` (`#` lines are comments): file, JSON path (may be empty), message.
    static let table: [HostileScenario] = {
        guard let text = try? String(contentsOfFile: folder + "/expected.tsv", encoding: .utf8) else { return [] }
        return text.split(separator: "\n", omittingEmptySubsequences: true).compactMap { line in
            if line.hasPrefix("#") { return nil }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3 else {
                return HostileScenario(file: "malformed row: \(line)", problem: ScenarioProblem(path: "", message: ""))
            }
            return HostileScenario(file: fields[0], problem: ScenarioProblem(path: fields[1], message: fields[2]))
        }
    }()

    /// The valid scenario each file of the corpus was derived from by one change.
    static let baseline = """
        {
          "ccsimVersion": 1,
          "name": "hostile",
          "simulation": { "hours": 8, "replications": 2, "seed": 1 },
          "callTypes": [{
            "name": "billing",
            "arrivals": { "perHour": 30 },
            "handleTime": { "distribution": "exponential", "mean": 240 }
          }],
          "agentGroups": [{ "name": "level1", "agents": 3, "skills": ["billing"] }]
        }

        """

    /// Reads `path` and returns the error, recording an issue if the file is accepted.
    static func rejection(of path: String, sourceLocation: SourceLocation = #_sourceLocation) -> ScenarioError? {
        do {
            let scenario = try ScenarioReader.read(contentsOf: path)
            Issue.record("accepted \(path) as \"\(scenario.name)\"", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    /// Runs `body` with the path of a fresh temporary directory, removed afterwards.
    static func withTemporaryDirectory(_ body: (String) throws -> Void) throws {
        let folder = try TemporaryFolder()
        try body(folder.url.path)
    }

    @Test func baselineIsValid() throws {
        let scenario = try ScenarioReader.parse(Array(Self.baseline.utf8), file: "baseline.json")
        #expect(scenario.name == "hostile")
    }

    @Test func corpusAndTableListTheSameFiles() throws {
        let table = Self.table.map(\.file)
        #expect(table.count >= 45)
        #expect(Set(table).count == table.count, "a file is listed twice in expected.tsv")
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: Self.folder).filter { $0.hasSuffix(".json") })
        #expect(files.subtracting(table).sorted() == [], "files without a row in expected.tsv")
        #expect(Set(table).subtracting(files).sorted() == [], "rows of expected.tsv without a file")
    }

    @Test(arguments: table)
    func reportsExactlyTheExpectedProblem(_ hostile: HostileScenario) {
        let path = Self.folder + "/" + hostile.file
        guard let error = Self.rejection(of: path) else { return }
        #expect(error.file == path)
        #expect(error.problems.contains(hostile.problem), "got \(error.problems)")
        #expect(error.problems.count == 1, "expected a single problem, got \(error.problems)")
    }

    /// No time limit: under a loaded parallel test run a limit fails for want of a thread, not of
    /// speed; a hang would still stop CI at its own limit.
    @Test func tenMegabytesOfWhitespaceIsRejected() throws {
        try Self.withTemporaryDirectory { directory in
            let path = directory + "/whitespace.json"
            // 10,240 lines of 1,023 spaces and a newline.
            var bytes = [UInt8](repeating: UInt8(ascii: " "), count: 10 << 20)
            for end in stride(from: 1023, to: bytes.count, by: 1024) { bytes[end] = UInt8(ascii: "\n") }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let error = Self.rejection(of: path)
            #expect(error?.file == path)
            #expect(error?.problems == [ScenarioProblem(
                path: "", message: "the file is empty (only white space), expected a JSON object")])
        }
    }

    @Test func nonUTF8FileIsRejected() throws {
        try Self.withTemporaryDirectory { directory in
            let path = directory + "/not-utf8.json"
            // The baseline with the scenario's name "hostile" changed to "host" + C3 28 + "ile": a two-byte
            // UTF-8 lead byte followed by a byte that is not a continuation byte.
            let name = Array(#""hostile""#.utf8)
            var bytes = Array(Self.baseline.utf8)
            let at = try #require(bytes.indices.first { bytes[$0...].starts(with: name) })
            bytes.replaceSubrange(at..<(at + name.count), with: Array(#""host"#.utf8) + [0xC3, 0x28] + Array(#"ile""#.utf8))
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let error = Self.rejection(of: path)
            #expect(error?.file == path)
            #expect(error?.problems == [ScenarioProblem(
                path: "", message: "the file is not valid UTF-8 text (line 3, column 16: byte 0xC3), expected a JSON scenario")])
        }
    }

    @Test func directoryIsRejected() throws {
        try Self.withTemporaryDirectory { directory in
            let path = directory + "/scenario.json"
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            let error = Self.rejection(of: path)
            #expect(error?.file == path)
            #expect(error?.problems == [ScenarioProblem(path: "", message: "is a directory, expected a scenario file (JSON)")])
        }
    }

    @Test func missingFileIsRejected() throws {
        try Self.withTemporaryDirectory { directory in
            let path = directory + "/no-such-scenario.json"
            let error = Self.rejection(of: path)
            #expect(error?.file == path)
            #expect(error?.problems == [ScenarioProblem(path: "", message: "no such file")])
        }
    }
}
