import ContactCenter
import Foundation
import SimulationKernel
import TestSupport
import Testing
@testable import ccsim

/// Seeded fuzzing of the scenario reader and the command line: whatever the input, ccsim exits 0
/// or 2 (1 for a failed check), always with a message, never a crash or a hang.
///
/// `swift test` runs 1,000 scenario mutations and 1,000 argument lists; CI sets
/// `CCSIM_FUZZ_CASES=10000` for the full count. A failing case prints its seed and input.
@Suite struct FuzzTests {
    static var caseCount: Int {
        ProcessInfo.processInfo.environment["CCSIM_FUZZ_CASES"].flatMap(Int.init) ?? 1_000
    }

    /// The first case's seed (`CCSIM_FUZZ_FIRST`, 0 by default), to explore beyond the usual cases.
    static var firstCase: Int {
        ProcessInfo.processInfo.environment["CCSIM_FUZZ_FIRST"].flatMap(Int.init) ?? 0
    }

    static let seeds: [String] = {
        var texts = [minimalFuzzSeed]
        for name in ["mid-size-hotline.json", "erlang-a-benchmark.json"] {
            if let text = try? String(contentsOfFile: config(name), encoding: .utf8) { texts.append(text) }
        }
        return texts
    }()

    /// Values that break assumptions: extremes, wrong types, special numbers.
    static let hostileValues = [
        "0", "-1", "-0", "1e308", "-1e308", "1e-308", "1e400", "0.5", "1e9", "2147483648", "9223372036854775808",
        "18446744073709551616", "\"abc\"", "\"\"", "null", "true", "[]", "{}", "[1]", "{\"a\": 1}", "NaN", "1e-400",
    ]

    static func mutate(_ text: String, using rng: inout Xoshiro256StarStar) -> [UInt8] {
        var bytes = Array(text.utf8)
        let rounds = 1 + Int(rng.next() % 3)
        for _ in 0..<rounds {
            guard !bytes.isEmpty else { break }
            let position = Int(rng.next() % UInt64(bytes.count))
            switch rng.next() % 7 {
            case 0:  // delete a run of bytes
                let length = Swift.min(1 + Int(rng.next() % 20), bytes.count - position)
                bytes.removeSubrange(position..<(position + length))
            case 1:  // insert random bytes, including invalid UTF-8 and structural characters
                let pool: [UInt8] = [0x7B, 0x7D, 0x5B, 0x5D, 0x22, 0x2C, 0x3A, 0x5C, 0x00, 0x0A, 0xC3, 0xFF, 0x30, 0x2D, 0x65]
                for _ in 0..<(1 + Int(rng.next() % 4)) { bytes.insert(pool[Int(rng.next() % UInt64(pool.count))], at: position) }
            case 2, 3:  // replace the number or literal at a random place with a hostile value
                if let range = valueRange(in: bytes, near: position) {
                    let value = hostileValues[Int(rng.next() % UInt64(hostileValues.count))]
                    bytes.replaceSubrange(range, with: Array(value.utf8))
                }
            case 4:  // duplicate a slice elsewhere
                let length = Swift.min(1 + Int(rng.next() % 60), bytes.count - position)
                let slice = Array(bytes[position..<(position + length)])
                bytes.insert(contentsOf: slice, at: Int(rng.next() % UInt64(bytes.count)))
            case 5:  // truncate
                bytes.removeSubrange(position...)
            default:  // flip a bit
                bytes[position] ^= UInt8(1) << UInt8(rng.next() % 8)
            }
        }
        return bytes
    }

    /// The extent of the JSON number, word or string that starts at or after `position`.
    static func valueRange(in bytes: [UInt8], near position: Int) -> Range<Int>? {
        var start = position
        while start < bytes.count, !isValueStart(bytes[start]) { start += 1 }
        guard start < bytes.count else { return nil }
        var end = start + 1
        if bytes[start] == UInt8(ascii: "\"") {
            while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
            return start..<Swift.min(end + 1, bytes.count)
        }
        while end < bytes.count, isValueStart(bytes[end]) || bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: "+") { end += 1 }
        return start..<end
    }

    static func isValueStart(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "\"")
            || (byte >= 0x61 && byte <= 0x7A)
    }

    @Test(.timeLimit(.minutes(30)))
    func mutatedScenariosNeverCrashOrHang() throws {
        let scratch = try TemporaryFolder()
        let file = scratch.path("fuzz.json")
        var accepted = 0
        for index in FuzzTests.firstCase..<(FuzzTests.firstCase + FuzzTests.caseCount) {
            var rng = Xoshiro256StarStar(seed: UInt64(index))
            let seedText = FuzzTests.seeds[index % FuzzTests.seeds.count]
            let bytes = FuzzTests.mutate(seedText, using: &rng)
            try Data(bytes).write(to: URL(fileURLWithPath: file))
            let outcome = CommandLineTool.execute([
                "run", file, "--replications", "2", "--threads", "1", "--max-events", "20000", "--format", "json",
            ])
            let input = String(decoding: bytes.prefix(400), as: UTF8.self)
            #expect(outcome.status == 0 || outcome.status == 2, "case \(index): status \(outcome.status)\n\(input)")
            if outcome.status == 0 {
                accepted += 1
                #expect((try? JSONParser.parse(Array(outcome.standardOutput.utf8))) != nil, "case \(index): output is not JSON")
            } else {
                #expect(!outcome.standardError.isEmpty && outcome.standardOutput.isEmpty, "case \(index): no message\n\(input)")
            }
        }
        // Some mutations keep the scenario valid (a changed number, a changed name): those must run.
        #expect(accepted > 0)
    }

    @Test(.timeLimit(.minutes(30)))
    func randomArgumentListsNeverCrash() throws {
        let before = Set(try FileManager.default.contentsOfDirectory(atPath: FileManager.default.currentDirectoryPath))
        let scratch = try TemporaryFolder()
        let scenario = try scratch.write("s.json", minimalFuzzSeed)
        let expected = scratch.path("expected.json")
        let words = [
            "run", "validate", "erlang", "check", "example", "help", "--help", "--version", "-h", "-", "--", "frob",
            // Options that write files only ever name files in the scratch folder (a bare `--output`
            // followed by a random word would write that word into the working directory).
            scenario, expected, "/no/such/file", scratch.url.path, "--replications", "--seed", "--threads", "--format",
            "--output=\(scratch.path("out.txt"))", "--max-events", "--expect=\(expected)", "--update",
            "--junit=\(scratch.path("report.xml"))", "--alpha", "--per-hour", "--aht", "--agents",
            "--patience", "--target", "--format=json", "--seed=3", "0", "1", "2", "-1", "1e3", "0.5", "nan", "inf",
            "json", "csv", "table", "xml", "", " ", "18446744073709551616", "--max-events=5000",
        ]
        for index in FuzzTests.firstCase..<(FuzzTests.firstCase + FuzzTests.caseCount) {
            var rng = Xoshiro256StarStar(seed: 0xA5A5 &+ UInt64(index))
            var arguments = (0..<Int(rng.next() % 7)).map { _ in words[Int(rng.next() % UInt64(words.count))] }
            // Keep every simulation small: the budget is checked before anything runs.
            if arguments.first == "run" || arguments.first == "check" || arguments.first == nil || arguments.first!.hasPrefix("-") {
                arguments.append(contentsOf: ["--max-events", "30000", "--replications", "2"])
            }
            let outcome = CommandLineTool.execute(arguments)
            #expect([0, 1, 2].contains(outcome.status), "arguments \(arguments): status \(outcome.status)")
            if outcome.status == 2 {
                #expect(!outcome.standardError.isEmpty, "arguments \(arguments): no message")
            }
        }
        // Nothing was written outside the scratch folder.
        let after = Set(try FileManager.default.contentsOfDirectory(atPath: FileManager.default.currentDirectoryPath))
        #expect(after.subtracting(before).isEmpty, "files written to the working directory: \(after.subtracting(before).sorted())")
    }
}

/// A small valid scenario that exercises every key of this version.
let minimalFuzzSeed = """
{
  "ccsimVersion": 1,
  "name": "fuzz seed",
  "simulation": { "hours": 5, "replications": 2, "seed": 3, "warmupMinutes": 10 },
  "serviceLevel": { "targetSeconds": 20, "goal": 0.8 },
  "callTypes": [
    { "name": "a", "channel": "voice", "arrivals": { "perHour": 40 },
      "handleTime": { "distribution": "lognormal", "mean": 200, "cv": 0.7 },
      "wrapUp": { "distribution": "uniform", "min": 5, "max": 30 },
      "patience": { "distribution": "weibull", "mean": 90, "shape": 1.5 } },
    { "name": "b", "arrivals": { "perHour": 10 },
      "handleTime": { "distribution": "empirical", "values": [60, 120, 600] },
      "wrapUp": { "distribution": "erlang", "mean": 20, "k": 2 },
      "patience": { "distribution": "gamma", "mean": 100, "cv": 1.3 } }
  ],
  "agentGroups": [
    { "name": "x", "agents": 3, "skills": ["a", "b"] },
    { "name": "y", "agents": 1, "skills": ["b"] }
  ],
  "routing": { "policy": "longestIdleAgent" }
}
"""
