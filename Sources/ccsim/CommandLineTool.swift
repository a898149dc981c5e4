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

    /// One command of the tool: how it is called, what it does, its options and its body.
    struct Command: Sendable {
        /// The word that selects it (`run`); empty for the built-in example.
        var name: String
        /// One-line summary in the overview.
        var overview: String
        /// Usage line of its help.
        var usage: String
        /// Paragraph of its help.
        var summary: String
        /// Its options; `--help` is added to every command.
        var options: [OptionSpec]
        /// Runs it on parsed arguments.
        var body: @Sendable (ParsedArguments) throws -> CommandOutcome
    }

    static let helpOption = OptionSpec(name: "help", value: nil, help: "show this help")

    static let commands: [Command] = [
        Command(
            name: "", overview: "(none)      run the built-in example scenario and print its report",
            usage: "ccsim [--replications N] [--seed S] [--threads T] [--format table|json|csv] [--output FILE] [--max-events N]",
            summary: "Simulates the built-in example scenario (configs/mid-size-hotline.json).",
            options: runOptions, body: runBuiltInExample),
        Command(
            name: "run", overview: "run         simulate a scenario file and report KPIs with 95 % confidence intervals",
            usage: "ccsim run FILE [--replications N] [--seed S] [--threads T] [--format table|json|csv] [--output FILE] [--max-events N]",
            summary: "Simulates the scenario in FILE and reports its KPIs with 95 % confidence intervals.",
            options: runOptions + htmlOptions + [shardOption], body: run),
        Command(
            name: "merge", overview: "merge       merge the partial results of a sharded run, compare or sweep into its result",
            usage: "ccsim merge PART... [-o|--output RESULT] [--format json|table|csv]",
            summary: """
                Combines the partial results of ccsim run, compare or sweep --shard I/N (every shard of one run, in
                any order) into exactly the output of the unsharded command, byte for byte (JSON by default). Missing, duplicated,
                mismatched (another scenario, shard count or ccsim version) or corrupt partials are errors (exit 2).
                """,
            options: [
                OptionSpec(name: "output", value: "FILE", help: "write the result to FILE (atomically) instead of standard output", short: "o"),
                OptionSpec(name: "format", value: "FORMAT", help: "json (default), table or csv"),
            ], body: merge),
        Command(
            name: "validate", overview: "validate    check scenario files and list every error with its JSON path",
            usage: "ccsim validate FILE...",
            summary: "Checks scenario files and lists every problem with its JSON path; exit status 2 if any.",
            options: [], body: validate),
        Command(
            name: "check", overview: "check       regression check for CI: compare a run with an expected result",
            usage: "ccsim check FILE --expect RESULT [--update] [--junit FILE] [--alpha A] [--format table|json|csv]",
            summary: """
                Runs the scenario in FILE and compares every KPI with the expected result: exit 0 when none
                regressed, 1 when some did (a table says which), 2 on bad input. A KPI regresses when Welch's
                t-test on the replication means gives p < A / K for K KPIs compared (Bonferroni), so an unchanged
                model fails with probability at most A; counts fixed by the seed must match exactly.
                """,
            options: checkOptions, body: check),
        Command(
            name: "compare", overview: "compare     paired comparison of variants with a base: KPI, cost and ROI deltas with CIs",
            usage: "ccsim compare BASE VARIANT... [--replications N] [--seed S] [--threads T] [--format table|json|csv] [--output FILE] [--max-events N]",
            summary: """
                Runs the base scenario and every variant on common random numbers (the base's seed and
                replications for all, so the n-th caller of a call type is the same caller everywhere) and reports,
                per variant, the difference of every KPI, of cost and revenue a year, the ROI of the change and its
                payback, with the 95 % interval of each paired difference and whether it excludes zero.
                """,
            options: runOptions + htmlOptions + [shardOption], body: compare),
        Command(
            name: "sweep", overview: "sweep       one run per value of scenario numbers (a grid), as one table",
            usage: "ccsim sweep FILE --set PATH=VALUES [--set PATH=VALUES]... [--replications N] [--seed S] [--threads T] [--format table|json|csv] [--output FILE]",
            summary: """
                Runs the scenario once per value of each --set (several --set form a grid, the first varying
                slowest), all on the scenario's seed and replications (common random numbers), and reports the
                KPIs, cost and ROI of every point with their 95 % confidence intervals. PATH is a scenario path as
                ccsim prints it (agentGroups[0].agents, callTypes[1].arrivals.perHour, automation[0].wrapUpReduction);
                VALUES is FROM...TO (step 1), FROM...TO:STEP, or a list V1,V2,V3.
                """,
            options: [OptionSpec(name: "set", value: "PATH=VALUES", help: "a scenario number and its values (repeat for a grid)", repeatable: true)]
                + runOptions + htmlOptions + [shardOption], body: sweep),
        Command(
            name: "staff", overview: "staff       fewest agents per interval that meet the goals, and a shift plan",
            usage: "ccsim staff FILE [--goal serviceLevel=0.8] [--target SECONDS] [--max-abandonment A] [--max-asa SECONDS] [--shrinkage S] [--shift-lengths 4,6,8] [--shift-starts 08:00,10:00] [--replications N] [--seed S] [--format table|json|csv] [--output FILE]",
            summary: """
                Per calendar interval, the fewest agents on duty that meet every goal: an Erlang A (or C) estimate
                per interval, refined by simulating the whole day in time order (so each interval inherits the
                backlog of the one before). Then the agents to schedule after shrinkage, and a greedy plan of
                shifts of the allowed lengths that covers them. The service-level goal and target default to the
                scenario's; shrinkage defaults to the scenario's agent groups' (weighted by agents).
                """,
            options: [
                OptionSpec(name: "goal", value: "serviceLevel=G", help: "least service level in every interval, 0 to 1 (default: the scenario's goal)"),
                OptionSpec(name: "target", value: "SECONDS", help: "service-level answer target (default: the scenario's)"),
                OptionSpec(name: "max-abandonment", value: "A", help: "largest abandonment rate in every interval, 0 to 1"),
                OptionSpec(name: "max-asa", value: "SECONDS", help: "largest average speed of answer in every interval"),
                OptionSpec(name: "shrinkage", value: "S", help: "share of paid time agents are unavailable, 0 to 0.95"),
                OptionSpec(name: "shift-lengths", value: "HOURS", help: "allowed shift lengths in hours (default 4,6,8)"),
                OptionSpec(name: "shift-starts", value: "TIMES", help: "allowed shift starts, HH:MM,HH:MM (default: every interval's start)"),
            ] + runOptions + htmlOptions, body: staff),
        Command(
            name: "report", overview: "report      draw a result (or a scenario's run) as one self-contained HTML page",
            usage: "ccsim report FILE|RESULT --html OUT.html [--lang en|fr] [--replications N] [--seed S] [--threads T]",
            summary: """
                Draws the JSON result of run, compare, sweep or staff (--format json), or runs the scenario in FILE
                first, as one HTML page with inline CSS and SVG charts (no script, nothing fetched): service level
                and abandonment per interval against the goal, the wait-time distribution, agents per interval,
                the cost breakdown, and for comparisons the KPI, money and ROI differences with 95 % error bars.
                Every chart has a table of its numbers. --lang fr gives French labels.
                """,
            options: runOptions.filter { $0.name != "output" && $0.name != "format" } + htmlOptions, body: report),
        Command(
            name: "erlang", overview: "erlang      exact Erlang B, C and A figures for a quick check",
            usage: "ccsim erlang --per-hour X --aht SECONDS --agents N [--patience SECONDS] [--target SECONDS]",
            summary: """
                Exact steady-state figures: Erlang B blocking, and Erlang C (M/M/n) or, with --patience,
                Erlang A (M/M/n+M): probability of wait, service level (answered within target / offered),
                ASA of answered calls, abandonment and occupancy.
                """,
            options: erlangOptions, body: erlang),
    ]

    static var overview: String {
        """
        ccsim \(version): a discrete-event contact-center simulator.

        USAGE: ccsim [COMMAND] [OPTIONS]

        COMMANDS:
        \(commands.map { "  " + $0.overview }.joined(separator: "\n"))

        Run `ccsim COMMAND --help` for a command's options.
        Exit status: 0 success, 1 a failed check, 2 bad input.

        """
    }

    /// Runs the command line `arguments` (without the program name).
    static func execute(_ arguments: [String]) -> CommandOutcome {
        do {
            let word = arguments.first ?? ""
            switch word {
            case "--help", "-h", "help": return .success(overview)
            case "--version": return .success("ccsim \(version)\n")
            default: break
            }
            // Options without a command run the built-in example.
            let name = word.hasPrefix("-") ? "" : word
            guard let command = commands.first(where: { $0.name == name }) else {
                return .badInput("ccsim: unknown command \"\(word)\"\n\n" + overview)
            }
            let rest = name.isEmpty ? arguments : Array(arguments.dropFirst())
            let options = command.options + [helpOption]
            let parsed = try parseArguments(rest, options: options, command: name)
            if parsed.flags.contains("help") {
                return .success(helpText(usage: command.usage, summary: command.summary, options: options))
            }
            return try command.body(parsed)
        } catch let error as UsageError {
            return .badInput("ccsim: \(error.message)")
        } catch let error as ScenarioError {
            return .badInput(error.description)
        } catch let error as SimulationError {
            return .badInput("ccsim: \(error)")
        } catch let error as OutputError {
            return .badInput("ccsim: \(error)")
        } catch {
            return .badInput("ccsim: \(error)")
        }
    }

    // MARK: run

    static let shardOption = OptionSpec(
        name: "shard", value: "I/N",
        help: "run only shard I of N (replications r mod N = I; sweep points p mod N = I) and write a partial result for ccsim merge; auto reads Kubernetes or Slurm array indices")

    static let htmlOptions = [
        OptionSpec(name: "html", value: "OUT.html", help: "also write the result as a self-contained HTML report with charts"),
        OptionSpec(name: "lang", value: "LANG", help: "language of the HTML report: en (default) or fr"),
    ]

    /// Writes `document` as an HTML report when `--html` was given; checks `--lang` either way.
    static func writeHTMLIfAsked(_ document: @autoclosure () -> JSONValue, _ parsed: ParsedArguments) throws {
        let language = try checkLanguage(parsed)
        guard let path = parsed.values["html"] else { return }
        try writeAtomically(try HTMLReport.render(document(), language: language), to: path)
    }

    static let runOptions = [
        OptionSpec(name: "replications", value: "N", help: "number of replications (overrides the scenario's)"),
        OptionSpec(name: "seed", value: "S", help: "master seed, 0 to 18446744073709551615 (overrides the scenario's)"),
        OptionSpec(name: "threads", value: "T", help: "worker threads (default: all cores); results do not depend on it"),
        OptionSpec(name: "format", value: "FORMAT", help: "table (default), json or csv"),
        OptionSpec(name: "output", value: "FILE", help: "write the report to FILE (atomically) instead of standard output (also -o FILE)", short: "o"),
        OptionSpec(name: "max-events", value: "N", help: "stop with an error when a replication needs more than N events (default 1e10)"),
        OptionSpec(name: "quiet", value: nil, help: "no progress bar (it is shown on standard error only when that is a terminal)"),
    ]

    static func run(_ parsed: ParsedArguments) throws -> CommandOutcome {
        guard parsed.positionals.count == 1 else {
            throw UsageError(message: "run: expected one scenario file, found \(parsed.positionals.count) (see ccsim run --help)")
        }
        let options = try RunOptions(parsed)
        try checkLanguage(parsed)
        if let text = parsed.values["shard"] {
            let shard = try shard(text, command: "run", parsed)
            let run = try asRun(parsed.positionals[0], seed: options.seed, replications: options.replications)
            return try runShard(.run, shard: shard, runs: [run], options: options)
        }
        return try simulate(try ScenarioReader.read(contentsOf: parsed.positionals[0]), options, parsed)
    }

    static func runBuiltInExample(_ parsed: ParsedArguments) throws -> CommandOutcome {
        guard parsed.positionals.isEmpty else {
            throw UsageError(message: "example: takes no file (use ccsim run FILE)")
        }
        let options = try RunOptions(parsed)
        return try simulate(try ScenarioReader.parse(Array(builtInExample.utf8), file: "(built-in example)"), options)
    }

    /// The options of `run`, checked before any file is read.
    struct RunOptions {
        var replications: Int?
        var seed: UInt64?
        var threads: Int
        var format: ReportFormat
        var output: String?
        var limits: SimulationLimits
        var quiet: Bool

        init(_ parsed: ParsedArguments) throws(UsageError) {
            output = parsed.values["output"]
            quiet = parsed.flags.contains("quiet")
            limits = .standard
            if let maximum = try parsed.value("max-events", as: "a whole number of events ≥ 1", { parseCount($0) }) {
                limits.maximumEvents = maximum
            }
            replications = try parsed.value("replications", as: "a whole number from 1 to \(ScenarioReader.maximumReplications)") {
                Int($0).flatMap { (1...Int(ScenarioReader.maximumReplications)).contains($0) ? $0 : nil }
            }
            seed = try parsed.value("seed", as: "a whole number from 0 to 18446744073709551615") { UInt64($0) }
            threads = try parsed.value("threads", as: "a whole number of threads from 1 to 1024") {
                Int($0).flatMap { (1...1024).contains($0) ? $0 : nil }
            } ?? ProcessInfo.processInfo.activeProcessorCount
            format = try parsed.value("format", as: "table, json or csv") { ReportFormat(rawValue: $0) } ?? .table
        }

        /// `scenario` with `--replications` and `--seed` in force where given.
        func overriding(_ scenario: Scenario) -> Scenario {
            var scenario = scenario
            if let replications { scenario.simulation.replications = replications }
            if let seed { scenario.simulation.seed = seed }
            return scenario
        }
    }

    static func simulate(_ scenario: Scenario, _ options: RunOptions, _ parsed: ParsedArguments = ParsedArguments()) throws -> CommandOutcome {
        let runReport = try runReport(of: scenario, options)
        try writeHTMLIfAsked(runReport.json(), parsed)
        return try emit(runReport.rendered(as: options.format), options)
    }

    /// Runs `scenario` with the options' replications and seed, showing progress.
    static func runReport(of scenario: Scenario, _ options: RunOptions) throws -> RunReport {
        let scenario = options.overriding(scenario)
        let bar = ProgressBar(total: scenario.simulation.replications, quiet: options.quiet)
        let results = try Simulation(scenario: scenario).run(threads: options.threads, limits: options.limits, progress: bar?.step)
        bar?.finish()
        return RunReport(scenario: scenario, results: results)
    }

    /// `text` on standard output, or written (atomically) to `--output` when given.
    static func emit(_ text: String, _ options: RunOptions) throws -> CommandOutcome {
        try emit(text, to: options.output)
    }

    /// `text` on standard output, or written (atomically) to `output` when given.
    static func emit(_ text: String, to output: String?) throws -> CommandOutcome {
        guard let output else { return .success(text) }
        try writeAtomically(text, to: output)
        return .success("")
    }

    // MARK: shards

    /// Reads `--shard` and refuses the options that apply to a merged result only.
    static func shard(_ text: String, command: String, _ parsed: ParsedArguments) throws -> Shard {
        if parsed.values["format"].map({ $0 != "json" }) ?? false || parsed.values["html"] != nil {
            throw UsageError(message: "\(command) --shard: writes a partial result (JSON) for ccsim merge; --format and --html apply to the merged result")
        }
        do {
            return try Shard(parsing: text, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw UsageError(message: "\(command): \(error.message)")
        }
    }

    /// The scenario in `file`, with `values` set, as a shard runs it: the scenario, and its document with
    /// the seed, replications and name in force written in, so that the merge decodes the same scenario.
    static func asRun(
        _ file: String, setting values: [(path: ScenarioPath, value: Double)] = [], seed: UInt64?, replications: Int?
    ) throws -> (run: PartialScenario, scenario: Scenario) {
        let (resolved, stem, folder) = try ScenarioReader.resolvedDocument(contentsOf: file)
        var document = try ScenarioReader.setting(values, in: resolved, file: file)
        var scenario = try ScenarioReader.decode(document, file: file, defaultName: stem, folder: folder)
        if let replications { scenario.simulation.replications = replications }
        if let seed { scenario.simulation.seed = seed }
        document = try document.setting(.integer(scenario.simulation.seed), at: ScenarioPath("simulation.seed")!)
        document = try document.setting(.integer(scenario.simulation.replications), at: ScenarioPath("simulation.replications")!)
        if document["name"] == nil { document = try document.setting(.string(scenario.name), at: ScenarioPath("name")!) }
        return (PartialScenario(document: document, folder: folder), scenario)
    }

    /// Runs shard `shard` of `command` over `runs` and prints (or writes) its partial result.
    static func runShard(
        _ command: PartialCommand, shard: Shard, runs: [(run: PartialScenario, scenario: Scenario)], sweep: JSONValue? = nil,
        options: RunOptions
    ) throws -> CommandOutcome {
        let work = PartialResult.work(of: shard, command: command, replications: runs.map(\.scenario.simulation.replications))
        let bar = ProgressBar(total: work.reduce(0) { $0 + $1.replications.count }, quiet: options.quiet)
        var results: [(scenario: Int, results: [ReplicationResult])] = []
        for entry in work where !entry.replications.isEmpty {
            let simulation = Simulation(scenario: runs[entry.scenario].scenario)
            results.append((entry.scenario, try simulation.run(indices: entry.replications, threads: options.threads, limits: options.limits, progress: bar?.step)))
        }
        bar?.finish()
        let partial = PartialResult.document(
            command: command, shard: shard, scenarios: runs.map(\.run), sweep: sweep, toolVersion: version, results: results)
        return try emit(partial.serialized() + "\n", options)
    }

    static func merge(_ parsed: ParsedArguments) throws -> CommandOutcome {
        guard !parsed.positionals.isEmpty else {
            throw UsageError(message: "merge: expected the partial results of a sharded run (see ccsim merge --help)")
        }
        let format = try parsed.value("format", as: "table, json or csv") { ReportFormat(rawValue: $0) } ?? .json
        var parts: [(file: String, document: JSONValue)] = []
        for file in parsed.positionals {
            let bytes = try ScenarioReader.readFile(file)
            do {
                parts.append((file, try JSONParser.parse(bytes)))
            } catch {
                throw UsageError(message: "merge: \(file): not a partial result (invalid JSON at \(error))")
            }
        }
        let merged: PartialResult.Merged
        do {
            merged = try PartialResult.merge(parts, toolVersion: version)
        } catch let error as ShardError {
            throw UsageError(message: "merge: \(error.message)")
        }
        let text: String
        do {
            text = try merged.rendered(as: format)
        } catch {
            throw UsageError(message: "merge: \(parts[0].file): \(error.message)")
        }
        return try emit(text, to: parsed.values["output"])
    }

    // MARK: compare

    static func compare(_ parsed: ParsedArguments) throws -> CommandOutcome {
        guard parsed.positionals.count >= 2 else {
            throw UsageError(message: "compare: expected a base scenario and at least one variant, found \(parsed.positionals.count) file(s) (see ccsim compare --help)")
        }
        let options = try RunOptions(parsed)
        if let text = parsed.values["shard"] {
            let shard = try shard(text, command: "compare", parsed)
            let base = try asRun(parsed.positionals[0], seed: options.seed, replications: options.replications)
            let variants = try parsed.positionals.dropFirst().map { file in
                try asRun(file, seed: base.scenario.simulation.seed, replications: base.scenario.simulation.replications)
            }
            return try runShard(.compare, shard: shard, runs: [base] + variants, options: options)
        }
        let read = try ScenarioReader.read(contentsOf: parsed.positionals[0])
        let baseFile = read.simulation
        let base = options.overriding(read)
        var variants: [Scenario] = []
        var notes = ""
        for file in parsed.positionals.dropFirst() {
            var variant = try ScenarioReader.read(contentsOf: file)
            if variant.simulation.seed != baseFile.seed || variant.simulation.replications != baseFile.replications {
                notes += "ccsim compare: \(file): runs with the base's seed \(base.simulation.seed) and \(base.simulation.replications) replications (common random numbers)\n"
            }
            variant.simulation.seed = base.simulation.seed
            variant.simulation.replications = base.simulation.replications
            variants.append(variant)
        }
        if base.simulation.replications < 2 {
            throw UsageError(message: "compare: needs at least 2 replications for confidence intervals")
        }
        let bar = ProgressBar(total: base.simulation.replications * (variants.count + 1), quiet: options.quiet)
        let baseResults = try Simulation(scenario: base).run(threads: options.threads, limits: options.limits, progress: bar?.step)
        var runs: [(scenario: Scenario, results: [ReplicationResult])] = []
        for variant in variants {
            runs.append((variant, try Simulation(scenario: variant).run(threads: options.threads, limits: options.limits, progress: bar?.step)))
        }
        bar?.finish()
        let comparison = Comparison(base: base, baseResults: baseResults, variants: runs)
        try writeHTMLIfAsked(comparison.json(), parsed)
        var outcome = try emit(comparison.rendered(as: options.format), options)
        outcome.standardError = notes
        return outcome
    }

    // MARK: sweep

    static func sweep(_ parsed: ParsedArguments) throws -> CommandOutcome {
        guard parsed.positionals.count == 1 else {
            throw UsageError(message: "sweep: expected one scenario file, found \(parsed.positionals.count) (see ccsim sweep --help)")
        }
        let specs = parsed.lists["set"] ?? []
        guard !specs.isEmpty else {
            throw UsageError(message: "sweep: missing --set PATH=VALUES (for example --set agentGroups[0].agents=10...20)")
        }
        let parameters: [SweepParameter]
        do {
            parameters = try specs.map { spec throws(SweepError) in try SweepParameter(parsing: spec) }
        } catch {
            throw UsageError(message: "sweep: \(error.message)")
        }
        let points = parameters.reduce(1) { $0 * $1.values.count }
        guard points <= SweepReport.maximumPoints else {
            throw UsageError(message: "sweep: the grid has \(points) points, more than \(SweepReport.maximumPoints)")
        }
        let options = try RunOptions(parsed)
        let file = parsed.positionals[0]
        if let text = parsed.values["shard"] {
            let shard = try shard(text, command: "sweep", parsed)
            let grid = SweepReport.grid(parameters)
            var runs: [(run: PartialScenario, scenario: Scenario)] = []
            for values in grid {
                do {
                    runs.append(try asRun(file, setting: zip(parameters, values).map { ($0.path, $1) }, seed: options.seed, replications: options.replications))
                } catch let error as ScenarioError {
                    let point = zip(parameters, values).map { "\($0.path)=\(JSONValue.double($1).serialized())" }.joined(separator: ", ")
                    throw ScenarioError(file: "\(error.file) (sweep point \(point))", problems: error.problems)
                }
            }
            let sweep = JSONValue.object([
                JSONMember(key: "parameters", value: .array(parameters.map { .string($0.path.description) })),
                JSONMember(key: "values", value: .array(grid.map { .array($0.map { .double($0) }) })),
            ])
            return try runShard(.sweep, shard: shard, runs: runs, sweep: sweep, options: options)
        }
        let replications = try options.replications ?? ScenarioReader.read(contentsOf: file).simulation.replications
        let bar = ProgressBar(total: points * replications, quiet: options.quiet)
        let report = try SweepReport.run(
            file: file, parameters: parameters, replications: options.replications, seed: options.seed,
            threads: options.threads, limits: options.limits, progress: bar?.step)
        bar?.finish()
        try writeHTMLIfAsked(report.json(), parsed)
        return try emit(report.rendered(as: options.format), options)
    }

    // MARK: staff

    static func staff(_ parsed: ParsedArguments) throws -> CommandOutcome {
        guard parsed.positionals.count == 1 else {
            throw UsageError(message: "staff: expected one scenario file, found \(parsed.positionals.count) (see ccsim staff --help)")
        }
        let share = { (text: String) in Double(text).flatMap { $0 >= 0 && $0 <= 1 ? $0 : nil } }
        let goal = try parsed.value("goal", as: "serviceLevel=G with G from 0 to 1") { text -> Double? in
            guard text.hasPrefix("serviceLevel=") else { return nil }
            return share(String(text.dropFirst("serviceLevel=".count)))
        }
        let target = try parsed.value("target", as: "a number of seconds from 0 to 1e9") { Double($0).flatMap { $0 >= 0 && $0 <= 1e9 ? $0 : nil } }
        let abandonment = try parsed.value("max-abandonment", as: "a share from 0 to 1", share)
        let asa = try parsed.value("max-asa", as: "a number of seconds from 0 to 1e9") { Double($0).flatMap { $0 >= 0 && $0 <= 1e9 ? $0 : nil } }
        let shrinkageOption = try parsed.value("shrinkage", as: "a share from 0 to 0.95") { Double($0).flatMap { $0 >= 0 && $0 <= 0.95 ? $0 : nil } }
        let lengths = try parsed.value("shift-lengths", as: "shift lengths in hours such as 4,6,8 (each from 0.25 to 24)") { text -> [Double]? in
            let hours = text.split(separator: ",").map { Double($0) }
            guard !hours.isEmpty, hours.allSatisfy({ $0.map { $0 >= 0.25 && $0 <= 24 } ?? false }) else { return nil }
            return hours.map { $0! * 3600 }
        } ?? [4 * 3600, 6 * 3600, 8 * 3600]
        let starts = try parsed.value("shift-starts", as: "start times such as 08:00,10:00") { text -> [Double]? in
            let times = text.split(separator: ",").map { parseTimeOfDay(String($0)) }
            guard !times.isEmpty, times.allSatisfy({ $0 != nil }) else { return nil }
            return times.map { $0! }
        }
        let options = try RunOptions(parsed)
        let scenario = options.overriding(try ScenarioReader.read(contentsOf: parsed.positionals[0]))
        let goals = StaffingGoals(
            serviceLevel: goal ?? scenario.serviceLevel.goal, targetSeconds: target ?? scenario.serviceLevel.targetSeconds,
            maximumAbandonment: abandonment, maximumAverageSpeedOfAnswer: asa)
        let roster = scenario.agentGroups.reduce(0) { $0 + $1.agents }
        let shrinkage = shrinkageOption ?? (roster > 0
            ? scenario.agentGroups.reduce(0) { $0 + $1.shrinkage * Double($1.agents) } / Double(roster) : 0)
        let plan: StaffingPlan
        do {
            plan = try StaffingSearch.plan(
                scenario: scenario, goals: goals, shrinkage: shrinkage, shiftLengths: lengths, shiftStarts: starts,
                threads: options.threads, limits: options.limits)
        } catch let error as StaffingError {
            throw UsageError(message: "staff: \(error.message)")
        }
        try writeHTMLIfAsked(plan.json(), parsed)
        return try emit(plan.rendered(as: options.format), options)
    }

    /// The HTML report's language (English by default); rejects a bad `--lang`, or `--lang` without
    /// `--html`, so that commands can check it before any work.
    @discardableResult
    static func checkLanguage(_ parsed: ParsedArguments) throws -> ReportLanguage {
        let language = try parsed.value("lang", as: "en or fr") { ReportLanguage(rawValue: $0) }
        if language != nil && parsed.values["html"] == nil {
            throw UsageError(message: "--lang: applies to the HTML report; give --html OUT.html")
        }
        return language ?? .en
    }

    // MARK: report

    static func report(_ parsed: ParsedArguments) throws -> CommandOutcome {
        guard parsed.positionals.count == 1 else {
            throw UsageError(message: "report: expected one scenario or result file, found \(parsed.positionals.count) (see ccsim report --help)")
        }
        guard parsed.values["html"] != nil else {
            throw UsageError(message: "report: missing --html OUT.html (the page to write)")
        }
        try checkLanguage(parsed)
        let file = parsed.positionals[0]
        let document = try ScenarioReader.parseDocumentForReport(file)
        // A result carries what a run measured; anything else is read (and checked) as a scenario.
        let isScenario = ["kpis", "variants", "points", "shifts"].allSatisfy { document[$0] == nil }
        if isScenario {
            let options = try RunOptions(parsed)
            let runReport = try runReport(of: ScenarioReader.read(contentsOf: file), options)
            try writeHTMLIfAsked(runReport.json(), parsed)
        } else {
            for option in ["replications", "seed", "threads", "max-events"] where parsed.values[option] != nil {
                throw UsageError(message: "report: --\(option) applies when FILE is a scenario; \(file) is a result")
            }
            do {
                try writeHTMLIfAsked(document, parsed)
            } catch let error as HTMLReportError {
                throw UsageError(message: "report: \(file): \(error.message)")
            }
        }
        return .success("ccsim report: wrote \(parsed.values["html"]!)\n")
    }

    // MARK: check

    static let checkOptions = [
        OptionSpec(name: "expect", value: "RESULT", help: "the expected result (JSON of ccsim run --format json); required"),
        OptionSpec(name: "update", value: nil, help: "run and (re)write RESULT instead of comparing"),
        OptionSpec(name: "junit", value: "FILE", help: "also write a JUnit XML report to FILE"),
        OptionSpec(name: "alpha", value: "A", help: "family-wise false-alarm rate, 0 < A < 1 (default 0.01)"),
    ] + runOptions.filter { $0.name != "output" }

    static func check(_ parsed: ParsedArguments) throws -> CommandOutcome {
        guard parsed.positionals.count == 1 else {
            throw UsageError(message: "check: expected one scenario file, found \(parsed.positionals.count) (see ccsim check --help)")
        }
        guard let expectPath = parsed.values["expect"] else {
            throw UsageError(message: "check: missing --expect RESULT (the expected result file)")
        }
        let alpha = try parsed.value("alpha", as: "a number between 0 and 1") {
            Double($0).flatMap { $0 > 0 && $0 < 1 ? $0 : nil }
        } ?? 0.01
        var options = try RunOptions(parsed)
        options.output = nil
        options.format = .json
        let scenario = try ScenarioReader.read(contentsOf: parsed.positionals[0])
        let format = try parsed.value("format", as: "table, json or csv", { ReportFormat(rawValue: $0) }) ?? .table
        if (options.replications ?? scenario.simulation.replications) < 2 {
            throw UsageError(message: "check: needs at least 2 replications to tell a change from noise")
        }

        if parsed.flags.contains("update") {
            let result = try simulate(scenario, options).standardOutput
            try writeAtomically(result, to: expectPath)
            return .success("ccsim check: wrote \(expectPath)\n")
        }
        let expectedBytes: [UInt8]
        do {
            expectedBytes = try ScenarioReader.readFile(expectPath)
        } catch {
            throw UsageError(message: "check: \(expectPath): \(error.problems.first?.message ?? "cannot be read") (record it with --update)")
        }
        let expected: JSONValue
        do {
            expected = try JSONParser.parse(expectedBytes)
        } catch {
            throw UsageError(message: "check: \(expectPath): invalid JSON at \(error)")
        }
        let actual = try JSONParser.parse(Array(try simulate(scenario, options).standardOutput.utf8))
        let comparison: RegressionCheck
        do {
            comparison = try RegressionCheck(expected: expected, actual: actual, alpha: alpha)
        } catch {
            throw UsageError(message: "check: \(expectPath): not a ccsim result: \(error)")
        }
        if case .string(let expectedName)? = expected["scenario"], expectedName != scenario.name {
            throw UsageError(message: "check: \(expectPath) is the result of scenario \"\(expectedName)\", not of \"\(scenario.name)\"")
        }
        if let junit = parsed.values["junit"] {
            try writeAtomically(comparison.junit(scenario: scenario.name), to: junit)
        }
        let report = comparison.rendered(as: format, scenario: scenario.name)
        return CommandOutcome(status: comparison.passed ? 0 : 1, standardOutput: report)
    }

    // MARK: validate

    static func validate(_ parsed: ParsedArguments) throws -> CommandOutcome {
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
    ]

    static func erlang(_ parsed: ParsedArguments) throws -> CommandOutcome {
        guard parsed.positionals.isEmpty else {
            throw UsageError(message: "erlang: unexpected argument \"\(parsed.positionals[0])\"")
        }
        func required<T>(_ name: String, _ what: String, _ convert: (String) -> T?) throws -> T {
            guard let value = try parsed.value(name, as: what, convert) else {
                throw UsageError(message: "erlang: missing --\(name) (\(what))")
            }
            return value
        }
        let positive: (String) -> Double? = { Double($0).flatMap { $0 >= 1e-3 && $0 <= 1e9 ? $0 : nil } }
        let perHour = try required("per-hour", "a rate ≥ 0 in calls per hour") {
            Double($0).flatMap { $0.isFinite && $0 >= 0 && $0 <= 1e9 ? $0 : nil }
        }
        let aht = try required("aht", "a number of seconds from 0.001 to 1e9", positive)
        let agents = try required("agents", "a whole number of agents from 1 to 1000000") {
            Int($0).flatMap { (1...1_000_000).contains($0) ? $0 : nil }
        }
        let patience = try parsed.value("patience", as: "a number of seconds from 0.001 to 1e9", positive)
        let target = try parsed.value("target", as: "a number of seconds from 0 to 1e9", {
            Double($0).flatMap { $0 >= 0 && $0 <= 1e9 ? $0 : nil }
        }) ?? 20
        let format = try parsed.value("format", as: "table, json or csv", { ReportFormat(rawValue: $0) }) ?? .table
        if let patience {
            let modal = Erlang.modalQueueLength(arrivalsPerHour: perHour, averageHandleTime: aht, averagePatience: patience, agents: agents)
            if modal >= Erlang.maximumModalQueue {
                throw UsageError(message: "erlang: the load so far exceeds the agents that about \(Int(Erlang.maximumModalQueue)) or more callers would wait; Erlang A is not computed for queues that long")
            }
            // The exact service level takes about (event rate × target) steps over the queue states.
            let eventRate = Double(agents) / aht + (modal + 1) / patience
            if eventRate * target * (modal + 1) > 1e7 {
                throw UsageError(message: "erlang: the target is too long for the exact Erlang A service level at this rate of events (\(JSONValue.double(eventRate).serialized()) per second); shorten --target or lengthen --patience")
            }
        }
        let report = ErlangReport(arrivalsPerHour: perHour, averageHandleTime: aht, agents: agents, averagePatience: patience, targetSeconds: target)
        return .success(report.rendered(as: format))
    }
}
