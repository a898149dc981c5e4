/// One thing wrong with a scenario: where it is (a JSON path such as `callTypes[1].handleTime.mean`;
/// empty for the document itself) and what was expected.
public struct ScenarioProblem: Sendable, Equatable, CustomStringConvertible {
    /// JSON path of the offending value, `""` for the whole document.
    public var path: String
    /// What was expected and what was found.
    public var message: String

    /// Creates a problem.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// "path: message", or "(top level): message" for the whole document.
    public var description: String { "\(path.isEmpty ? "(top level)" : path): \(message)" }
}

/// Why a scenario cannot run: the file and every problem found in it (not only the first).
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file the scenario came from, as the user named it.
    public var file: String
    /// Every problem, in document order.
    public var problems: [ScenarioProblem]

    /// Creates an error.
    public init(file: String, problems: [ScenarioProblem]) {
        self.file = file
        self.problems = problems
    }

    /// One line per problem: "file: path: message".
    public var description: String {
        problems.map { "\(file): \($0)" }.joined(separator: "\n")
    }
}

/// Collects problems while a scenario is read, so that all of them are reported at once.
final class ProblemCollector {
    private(set) var problems: [ScenarioProblem] = []

    func add(_ path: String, _ message: String) {
        problems.append(ScenarioProblem(path: path, message: message))
    }
}

/// Joins a JSON path and a key: `join("callTypes[0]", "name")` is `callTypes[0].name`.
func joinPath(_ path: String, _ key: String) -> String {
    path.isEmpty ? key : "\(path).\(key)"
}

/// Renders a value found in a document for an error message: numbers and short strings as written.
func describeFound(_ value: JSONValue) -> String {
    switch value {
    case .number(let number): return number.literal
    case .string(let text): return text.count <= 40 ? value.serialized() : "a string"
    case .bool(let flag): return String(flag)
    default: return value.typeDescription
    }
}
