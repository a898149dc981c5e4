/// A path into a scenario document, written as ccsim prints paths in its messages:
/// `agentGroups[0].agents`, `callTypes[1].arrivals.perHour`, `automation[0].wrapUpReduction`.
public struct ScenarioPath: Sendable, Equatable, CustomStringConvertible {
    /// One step of a path.
    public enum Component: Sendable, Equatable {
        /// A key of an object.
        case key(String)
        /// A zero-based index into an array.
        case index(Int)
    }

    /// The steps from the document's root.
    public let components: [Component]
    /// The path as written.
    public let description: String

    /// Parses `text`; `nil` when it is not a path (empty, an empty key, a malformed index).
    public init?(_ text: String) {
        var components: [Component] = []
        var key = ""
        var characters = Substring(text)
        func endKey() -> Bool {
            guard !key.isEmpty else { return false }
            components.append(.key(key))
            key = ""
            return true
        }
        while let character = characters.first {
            characters = characters.dropFirst()
            switch character {
            case ".":
                // A dot follows a key or an index, and a key follows it.
                if !key.isEmpty { _ = endKey() } else if case .index? = components.last {} else { return nil }
                guard let next = characters.first, next != ".", next != "[" else { return nil }
            case "[":
                if !key.isEmpty { _ = endKey() }
                guard !components.isEmpty, let close = characters.firstIndex(of: "]"),
                      let index = Int(characters[..<close]), index >= 0, characters[..<close].allSatisfy(\.isNumber)
                else { return nil }
                components.append(.index(index))
                characters = characters[characters.index(after: close)...]
                if let next = characters.first, next != ".", next != "[" { return nil }
            default:
                key.append(character)
            }
        }
        if !key.isEmpty { _ = endKey() }
        guard case .key? = components.first else { return nil }
        self.components = components
        self.description = text
    }
}

/// Why a value cannot be set at a path of a document.
public struct ScenarioPathError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, naming the path.
    public let message: String
    /// The message.
    public var description: String { message }
}

extension JSONValue {
    /// The document with `value` at `path`: the path's objects and array elements must exist, except
    /// its last key, which may be new (the scenario's validation then says whether it is a known key).
    /// - Throws: ``ScenarioPathError`` naming the first step that does not exist or is not a container.
    public func setting(_ value: JSONValue, at path: ScenarioPath) throws(ScenarioPathError) -> JSONValue {
        try setting(value, at: path.components[...], walked: "")
    }

    private func setting(_ value: JSONValue, at rest: ArraySlice<ScenarioPath.Component>, walked: String) throws(ScenarioPathError) -> JSONValue {
        guard let step = rest.first else { return value }
        let here = walked.isEmpty ? "the document" : walked
        switch (step, self) {
        case (.key(let key), .object(var members)):
            let next = walked.isEmpty ? key : "\(walked).\(key)"
            if let index = members.firstIndex(where: { $0.key == key }) {
                members[index].value = try members[index].value.setting(value, at: rest.dropFirst(), walked: next)
            } else if rest.count == 1 {
                members.append(JSONMember(key: key, value: value))
            } else {
                var message = "\(next) does not exist"
                if let suggestion = closestKey(to: key, among: members.map(\.key)) { message += " (did you mean \"\(suggestion)\"?)" }
                throw ScenarioPathError(message: message)
            }
            return .object(members)
        case (.index(let index), .array(var elements)):
            let next = "\(walked)[\(index)]"
            guard index < elements.count else {
                throw ScenarioPathError(message: "\(next) does not exist: \(walked) has \(elements.count) element\(elements.count == 1 ? "" : "s")")
            }
            elements[index] = try elements[index].setting(value, at: rest.dropFirst(), walked: next)
            return .array(elements)
        case (.key(let key), _):
            throw ScenarioPathError(message: "\(here) is \(typeDescription), not an object with the key \"\(key)\"")
        case (.index(let index), _):
            throw ScenarioPathError(message: "\(here) is \(typeDescription), not an array with an element [\(index)]")
        }
    }

    /// The value at `path`, if there is one.
    public func value(at path: ScenarioPath) -> JSONValue? {
        var current = self
        for step in path.components {
            switch (step, current) {
            case (.key(let key), .object):
                guard let next = current[key] else { return nil }
                current = next
            case (.index(let index), .array(let elements)) where index < elements.count:
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }
}

extension ScenarioReader {
    /// Reads the scenario in the file at `path` (resolving its bases) with numbers set at scenario paths
    /// before validation, as `ccsim sweep --set` does.
    /// - Throws: ``ScenarioError`` for a file that cannot be read, a path that does not exist or holds
    ///   no number, and every problem of the resulting scenario.
    public static func read(contentsOf path: String, setting values: [(path: ScenarioPath, value: Double)]) throws(ScenarioError) -> Scenario {
        let (document, stem, folder) = try resolvedDocument(contentsOf: path)
        return try decode(try setting(values, in: document, file: path), file: path, defaultName: stem, folder: folder)
    }

    /// `document` with numbers set at scenario paths (each path must hold a number or be a new last key).
    /// - Throws: ``ScenarioError`` naming `file` and the path.
    public static func setting(_ values: [(path: ScenarioPath, value: Double)], in document: JSONValue, file: String) throws(ScenarioError) -> JSONValue {
        var document = document
        for (target, value) in values {
            if let existing = document.value(at: target) {
                guard case .number = existing else {
                    throw ScenarioError(file: file, problems: [ScenarioProblem(
                        path: target.description, message: "expected a number to vary, found \(describeFound(existing))")])
                }
            }
            do {
                document = try document.setting(.double(value), at: target)
            } catch {
                throw ScenarioError(file: file, problems: [ScenarioProblem(path: target.description, message: error.message)])
            }
        }
        return document
    }
}
