/// A command-line error: the message and the exit status (2, bad input).
struct UsageError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// An option a command accepts.
struct OptionSpec: Sendable {
    /// Long name without the dashes, e.g. `replications`.
    var name: String
    /// Name of the value in help (`N`, `FILE`), or `nil` for a flag.
    var value: String?
    /// One-line help.
    var help: String
    /// Whether the option may be given several times (its values are kept in order in `lists`).
    var repeatable = false
    /// A one-letter spelling (`-o` for `--output`), if any.
    var short: Character? = nil
}

/// Arguments of one command after parsing: positionals in order, option values by name.
struct ParsedArguments {
    var positionals: [String] = []
    var values: [String: String] = [:]
    var flags: Set<String> = []
    /// Every value of a repeatable option, in command-line order.
    var lists: [String: [String]] = [:]

    /// The value of `--name` converted by `convert`, or `nil` when absent.
    func value<T>(_ name: String, as what: String, _ convert: (String) -> T?) throws(UsageError) -> T? {
        guard let text = values[name] else { return nil }
        guard let converted = convert(text) else {
            throw UsageError(message: "--\(name): expected \(what), found \"\(text)\"")
        }
        return converted
    }
}

/// Parses `arguments` against `options`: `--name value`, `--name=value` and flags; `--` ends options.
/// Unknown options, missing values and repeated options are errors.
/// - Parameter command: the command's name for messages, empty for `ccsim` itself.
func parseArguments(_ arguments: [String], options: [OptionSpec], command name: String) throws(UsageError) -> ParsedArguments {
    let prefix = name.isEmpty ? "" : "\(name): "
    let help = name.isEmpty ? "ccsim --help" : "ccsim \(name) --help"
    var parsed = ParsedArguments()
    var index = 0
    var optionsEnded = false
    while index < arguments.count {
        let argument = arguments[index]
        index += 1
        if optionsEnded || !argument.hasPrefix("-") || argument == "-" {
            parsed.positionals.append(argument)
            continue
        }
        if argument == "--" {
            optionsEnded = true
            continue
        }
        if argument.count == 2, let letter = argument.last, let spec = options.first(where: { $0.short == letter }) {
            // "-o FILE" is "--output FILE".
            return try parseArguments(
                Array(arguments[..<(index - 1)]) + ["--\(spec.name)"] + Array(arguments[index...]), options: options, command: name)
        }
        guard argument.hasPrefix("--") else {
            throw UsageError(message: "\(prefix)unknown option \(argument) (options are spelled --name; see \(help))")
        }
        var name = String(argument.dropFirst(2))
        var inlineValue: String?
        if let equals = name.firstIndex(of: "=") {
            inlineValue = String(name[name.index(after: equals)...])
            name = String(name[..<equals])
        }
        guard let spec = options.first(where: { $0.name == name }) else {
            throw UsageError(message: "\(prefix)unknown option --\(name) (see \(help))")
        }
        if !spec.repeatable, parsed.values[name] != nil || parsed.flags.contains(name) {
            throw UsageError(message: "\(prefix)option --\(name) given twice")
        }
        if spec.value == nil {
            if inlineValue != nil { throw UsageError(message: "\(prefix)option --\(name) takes no value") }
            parsed.flags.insert(name)
            continue
        }
        if let inlineValue {
            parsed.values[name] = inlineValue
            parsed.lists[name, default: []].append(inlineValue)
        } else {
            guard index < arguments.count, !arguments[index].hasPrefix("--") else {
                // "--output --threads" is a forgotten value, not a file named "--threads".
                throw UsageError(message: "\(prefix)option --\(name) needs a value (\(spec.value!))")
            }
            parsed.values[name] = arguments[index]
            parsed.lists[name, default: []].append(arguments[index])
            index += 1
        }
    }
    return parsed
}

/// The help text of a command: usage line, description and options.
func helpText(usage: String, summary: String, options: [OptionSpec]) -> String {
    var text = "USAGE: \(usage)\n\n\(summary)\n"
    if !options.isEmpty {
        text += "\nOPTIONS:\n"
        let labels = options.map { "--\($0.name)" + ($0.value.map { " \($0)" } ?? "") }
        let width = (labels.map(\.count).max() ?? 0) + 2
        for (label, option) in zip(labels, options) {
            text += "  " + label + String(repeating: " ", count: width - label.count) + option.help + "\n"
        }
    }
    return text
}
