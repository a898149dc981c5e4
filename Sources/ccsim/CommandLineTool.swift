import ContactCenter
import ContactCenterAnalysis
import Foundation

/// What a command produced: text for standard output and standard error, and the exit status
/// (0 success, 1 a failed check, 2 bad input).
struct CommandOutcome: Equatable {
    var status: Int32
    var standardOutput = ""
    var standardError = ""

    static func success(_ output: String) -> CommandOutcome { CommandOutcome(status: 0, standardOutput: output) }
    static func badInput(_ message: String) -> CommandOutcome {
        CommandOutcome(status: 2, standardError: message.hasSuffix("\n") ? message : message + "\n")
    }
}

/// The `ccsim` command line: parses arguments, calls the library, renders output. No model logic.
enum CommandLineTool {
    static let version = "0.1.0"

    static let overview = """
        ccsim \(version): a discrete-event contact-center simulator.

        USAGE: ccsim [COMMAND] [OPTIONS]

        COMMANDS:
          (none)      run the built-in example scenario and print its report
          run         simulate a scenario file and report KPIs with 95 % confidence intervals
          validate    check a scenario file and list every error with its JSON path
          erlang      exact Erlang B, C and A figures for a quick check

        Run `ccsim COMMAND --help` for a command's options.
        Exit status: 0 success, 1 a failed check, 2 bad input.

        """

    /// Runs the command line `arguments` (without the program name).
    static func execute(_ arguments: [String]) -> CommandOutcome {
        do {
            guard let command = arguments.first else { return try runBuiltInExample([]) }
            let rest = Array(arguments.dropFirst())
            switch command {
            case "run": return try run(rest)
            case "validate": return try validate(rest)
            case "erlang": return try erlang(rest)
            case "--help", "-h", "help": return .success(overview)
            case "--version": return .success("ccsim \(version)\n")
            case "example": return try runBuiltInExample(rest)
            default:
                if command.hasPrefix("-") { return try runBuiltInExample(arguments) }
                return .badInput("ccsim: unknown command \"\(command)\"\n\n" + overview)
            }
        } catch let error as UsageError {
            return .badInput("ccsim: \(error.message)")
        } catch let error as ScenarioError {
            return .badInput(error.description)
        } catch {
            return .badInput("ccsim: \(error)")
        }
    }

    // MARK: run

    static let runOptions = [
        OptionSpec(name: "replications", value: "N", help: "number of replications (overrides the scenario's)"),
        OptionSpec(name: "seed", value: "S", help: "master seed, 0 to 18446744073709551615 (overrides the scenario's)"),
        OptionSpec(name: "threads", value: "T", help: "worker threads (default: all cores); results do not depend on it"),
        OptionSpec(name: "format", value: "FORMAT", help: "table (default), json or csv"),
        OptionSpec(name: "help", value: nil, help: "show this help"),
    ]

    static func run(_ arguments: [String]) throws -> CommandOutcome {
        let parsed = try parseArguments(arguments, options: runOptions, command: "run")
        if parsed.flags.contains("help") {
            return .success(helpText(
                usage: "ccsim run FILE [--replications N] [--seed S] [--threads T] [--format table|json|csv]",
                summary: "Simulates the scenario in FILE and reports its KPIs with 95 % confidence intervals.",
                options: runOptions))
        }
        guard parsed.positionals.count == 1 else {
            throw UsageError(message: "run: expected one scenario file, found \(parsed.positionals.count) (see ccsim run --help)")
        }
        let options = try RunOptions(parsed)
        return simulate(try ScenarioReader.read(contentsOf: parsed.positionals[0]), options)
    }

    static func runBuiltInExample(_ arguments: [String]) throws -> CommandOutcome {
        let parsed = try parseArguments(arguments, options: runOptions, command: "example")
        if parsed.flags.contains("help") {
            return .success(helpText(
                usage: "ccsim [--replications N] [--seed S] [--threads T] [--format table|json|csv]",
                summary: "Simulates the built-in example scenario (configs/mid-size-hotline.json).",
                options: runOptions))
        }
        guard parsed.positionals.isEmpty else {
            throw UsageError(message: "example: takes no file (use ccsim run FILE)")
        }
        let options = try RunOptions(parsed)
        return simulate(try ScenarioReader.parse(Array(builtInExample.utf8), file: "(built-in example)"), options)
    }

    /// The options of `run`, checked before any file is read.
    struct RunOptions {
        var replications: Int?
        var seed: UInt64?
        var threads: Int
        var format: ReportFormat

        init(_ parsed: ParsedArguments) throws(UsageError) {
            replications = try parsed.value("replications", as: "a whole number from 1 to \(ScenarioReader.maximumReplications)") {
                Int($0).flatMap { (1...Int(ScenarioReader.maximumReplications)).contains($0) ? $0 : nil }
            }
            seed = try parsed.value("seed", as: "a whole number from 0 to 18446744073709551615") { UInt64($0) }
            threads = try parsed.value("threads", as: "a whole number of threads from 1 to 1024") {
                Int($0).flatMap { (1...1024).contains($0) ? $0 : nil }
            } ?? ProcessInfo.processInfo.activeProcessorCount
            format = try parsed.value("format", as: "table, json or csv") { ReportFormat(rawValue: $0) } ?? .table
        }
    }

    static func simulate(_ original: Scenario, _ options: RunOptions) -> CommandOutcome {
        var scenario = original
        if let replications = options.replications { scenario.simulation.replications = replications }
        if let seed = options.seed { scenario.simulation.seed = seed }
        let results = Simulation(scenario: scenario).run(threads: options.threads)
        return .success(RunReport(scenario: scenario, results: results).rendered(as: options.format))
    }

    // MARK: validate

    static let validateOptions = [OptionSpec(name: "help", value: nil, help: "show this help")]

    static func validate(_ arguments: [String]) throws -> CommandOutcome {
        let parsed = try parseArguments(arguments, options: validateOptions, command: "validate")
        if parsed.flags.contains("help") {
            return .success(helpText(
                usage: "ccsim validate FILE...",
                summary: "Checks scenario files and lists every problem with its JSON path; exit status 2 if any.",
                options: validateOptions))
        }
        guard !parsed.positionals.isEmpty else {
            throw UsageError(message: "validate: expected at least one scenario file (see ccsim validate --help)")
        }
        var outcome = CommandOutcome(status: 0)
        for file in parsed.positionals {
            do {
                let scenario = try ScenarioReader.read(contentsOf: file)
                outcome.standardOutput += "\(file): valid (\"\(scenario.name)\": \(scenario.callTypes.count) call type(s), \(scenario.agentGroups.count) agent group(s))\n"
            } catch {
                outcome.status = 2
                outcome.standardError += error.description + "\n"
            }
        }
        return outcome
    }

    // MARK: erlang

    static let erlangOptions = [
        OptionSpec(name: "per-hour", value: "X", help: "arrival rate, calls per hour"),
        OptionSpec(name: "aht", value: "SECONDS", help: "average handle time, seconds"),
        OptionSpec(name: "agents", value: "N", help: "number of agents"),
        OptionSpec(name: "patience", value: "SECONDS", help: "mean patience (exponential), seconds: gives Erlang A"),
        OptionSpec(name: "target", value: "SECONDS", help: "service-level target, seconds (default 20)"),
        OptionSpec(name: "format", value: "FORMAT", help: "table (default), json or csv"),
        OptionSpec(name: "help", value: nil, help: "show this help"),
    ]

    static func erlang(_ arguments: [String]) throws -> CommandOutcome {
        let parsed = try parseArguments(arguments, options: erlangOptions, command: "erlang")
        if parsed.flags.contains("help") {
            return .success(helpText(
                usage: "ccsim erlang --per-hour X --aht SECONDS --agents N [--patience SECONDS] [--target SECONDS]",
                summary: """
                    Exact steady-state figures: Erlang B blocking, and Erlang C (M/M/n) or, with --patience,
                    Erlang A (M/M/n+M): probability of wait, service level (answered within target / offered),
                    ASA of answered calls, abandonment and occupancy.
                    """,
                options: erlangOptions))
        }
        guard parsed.positionals.isEmpty else {
            throw UsageError(message: "erlang: unexpected argument \"\(parsed.positionals[0])\"")
        }
        func required<T>(_ name: String, _ what: String, _ convert: (String) -> T?) throws -> T {
            guard let value = try parsed.value(name, as: what, convert) else {
                throw UsageError(message: "erlang: missing --\(name) (\(what))")
            }
            return value
        }
        let positive: (String) -> Double? = { Double($0).flatMap { $0.isFinite && $0 > 0 ? $0 : nil } }
        let perHour = try required("per-hour", "a rate ≥ 0 in calls per hour") {
            Double($0).flatMap { $0.isFinite && $0 >= 0 && $0 <= 1e9 ? $0 : nil }
        }
        let aht = try required("aht", "a number of seconds > 0", positive)
        let agents = try required("agents", "a whole number of agents from 1 to 1000000") {
            Int($0).flatMap { (1...1_000_000).contains($0) ? $0 : nil }
        }
        let patience = try parsed.value("patience", as: "a number of seconds > 0", positive)
        let target = try parsed.value("target", as: "a number of seconds ≥ 0", {
            Double($0).flatMap { $0.isFinite && $0 >= 0 ? $0 : nil }
        }) ?? 20
        let format = try parsed.value("format", as: "table, json or csv", { ReportFormat(rawValue: $0) }) ?? .table
        if let patience, Erlang.modalQueueLength(
            arrivalsPerHour: perHour, averageHandleTime: aht, averagePatience: patience, agents: agents) >= Erlang.maximumModalQueue
        {
            throw UsageError(message: "erlang: the load so far exceeds the agents that about \(Int(Erlang.maximumModalQueue)) or more callers would wait; Erlang A is not computed for queues that long")
        }
        let report = ErlangReport(arrivalsPerHour: perHour, averageHandleTime: aht, agents: agents, averagePatience: patience, targetSeconds: target)
        return .success(report.rendered(as: format))
    }
}
