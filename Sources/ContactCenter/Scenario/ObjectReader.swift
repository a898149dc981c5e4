/// Reads the members of one JSON object, records each problem with its path, and reports every key
/// it was never asked for as unknown.
final class ObjectReader {
    let path: String
    private let members: [JSONMember]
    private let problems: ProblemCollector
    private var consumed: Set<String> = []
    /// Keys of the format that this version recognises but does not simulate: suggested for typos,
    /// never listed among the keys to use.
    private var unimplemented: Set<String> = []

    /// A reader for `value`, or `nil` (with a problem recorded) when it is not an object.
    /// - Parameter expected: what to say was expected, "an object" unless more precise.
    init?(_ value: JSONValue, path: String, problems: ProblemCollector, expected: String = "an object") {
        guard case .object(let members) = value else {
            problems.add(path, "expected \(expected), found \(describeFound(value))")
            return nil
        }
        self.path = path
        self.members = members
        self.problems = problems
    }

    func childPath(_ key: String) -> String { joinPath(path, key) }

    func problem(_ key: String?, _ message: String) {
        problems.add(key.map(childPath) ?? path, message)
    }

    func has(_ key: String) -> Bool { members.contains { $0.key == key } }

    /// The raw value of `key`, marking it as known; a missing required key is a problem.
    func value(_ key: String, required: Bool = false, expected: String = "a value") -> JSONValue? {
        consumed.insert(key)
        if let member = members.first(where: { $0.key == key }) { return member.value }
        if required { problems.add(path, "missing key \"\(key)\" (expected \(expected))") }
        return nil
    }

    /// A number satisfying `accept`; `expected` completes "expected …" in the message.
    func number(
        _ key: String, required: Bool = false, expected: String = "a number",
        accept: (Double) -> Bool = { _ in true }
    ) -> Double? {
        guard let value = value(key, required: required, expected: expected) else { return nil }
        guard case .number(let number) = value, accept(number.value) else {
            problem(key, "expected \(expected), found \(describeFound(value))")
            return nil
        }
        return number.value
    }

    /// A whole number in `range`.
    func integer(_ key: String, required: Bool = false, in range: ClosedRange<Int64>, expected: String) -> Int64? {
        guard let value = value(key, required: required, expected: expected) else { return nil }
        guard case .number(let number) = value, let integer = wholeNumber(number), range.contains(integer) else {
            problem(key, "expected \(expected), found \(describeFound(value))")
            return nil
        }
        return integer
    }

    /// A non-negative whole number up to 2⁶⁴ − 1, read exactly.
    func unsigned(_ key: String, expected: String) -> UInt64? {
        guard let value = value(key, expected: expected) else { return nil }
        guard case .number(let number) = value,
            let unsigned = number.exactUnsigned
                ?? (number.value >= 0 && number.value <= 0x1p53 && number.value.rounded() == number.value ? UInt64(number.value) : nil)
        else {
            problem(key, "expected \(expected), found \(describeFound(value))")
            return nil
        }
        return unsigned
    }

    /// A string satisfying `accept`.
    func string(
        _ key: String, required: Bool = false, expected: String = "a string",
        accept: (String) -> Bool = { _ in true }
    ) -> String? {
        guard let value = value(key, required: required, expected: expected) else { return nil }
        guard case .string(let text) = value, accept(text) else {
            problem(key, "expected \(expected), found \(describeFound(value))")
            return nil
        }
        return text
    }

    /// A nested object.
    func object(_ key: String, required: Bool = false, expected: String = "an object") -> ObjectReader? {
        guard let value = value(key, required: required, expected: expected) else { return nil }
        return ObjectReader(value, path: childPath(key), problems: problems, expected: expected)
    }

    /// An array's elements with their paths; an empty array is a problem when `nonEmpty`.
    func array(
        _ key: String, required: Bool = false, nonEmpty: Bool = false, expected: String = "an array"
    ) -> [(path: String, value: JSONValue)]? {
        guard let value = value(key, required: required, expected: expected) else { return nil }
        guard case .array(let elements) = value else {
            problem(key, "expected \(expected), found \(describeFound(value))")
            return nil
        }
        if nonEmpty && elements.isEmpty {
            problem(key, "expected \(expected) with at least one element, found an empty array")
            return nil
        }
        return elements.enumerated().map { ("\(childPath(key))[\($0.offset)]", $0.element) }
    }

    /// Records a problem for a key that belongs to the scenario format but that this version of ccsim
    /// does not simulate yet, so it is never silently ignored.
    func rejectUnimplemented(_ keys: [String]) {
        consumed.formUnion(keys)
        unimplemented.formUnion(keys)
        for key in keys where has(key) {
            problem(key, "\"\(key)\" is part of the scenario format but not simulated by this version of ccsim; remove it")
        }
    }

    /// A key of the format that belongs elsewhere: `message` says where, and the key is never
    /// suggested for a typo here.
    func rejectMisplaced(_ key: String, _ message: String) {
        consumed.insert(key)
        unimplemented.insert(key)
        if has(key) { problem(key, message) }
    }

    /// Records a problem for every key that nobody asked for, suggesting the closest known key.
    func rejectUnknownKeys() {
        for member in members where !consumed.contains(member.key) {
            var message = "unknown key \"\(member.key)\""
            let usable = consumed.subtracting(unimplemented).sorted()
            if let suggestion = closestKey(to: member.key, among: consumed.sorted()) {
                message += " (did you mean \"\(suggestion)\"?)"
            } else if !usable.isEmpty {
                message += "; expected one of: \(usable.joined(separator: ", "))"
            }
            problems.add(childPath(member.key), message)
        }
    }

    private func wholeNumber(_ number: JSONNumber) -> Int64? {
        if let exact = number.exactInteger { return exact }
        let value = number.value
        guard value.rounded() == value, abs(value) < 9e15 else { return nil }
        return Int64(value)
    }
}

/// The known key closest to `key` (case-insensitive), if exactly one is closest and it is within one
/// edit for keys of 3 to 5 characters, two edits for longer keys (none for shorter ones, where any
/// guess would be noise).
func closestKey(to key: String, among known: [String]) -> String? {
    let allowed = key.count < 3 ? 0 : key.count <= 5 ? 1 : 2
    let scored = known.map { ($0, editDistance(key.lowercased(), $0.lowercased())) }.filter { $0.1 <= allowed }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    return scored.filter { $0.1 == best.1 }.count == 1 ? best.0 : nil
}

/// Edit distance between two strings, by characters: insertions, deletions, substitutions and
/// transpositions of neighbours (optimal string alignment), so `nmae` is one edit from `name`.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty || b.isEmpty { return a.count + b.count }
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in 1...a.count {
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            d[i][j] = Swift.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                d[i][j] = Swift.min(d[i][j], d[i - 2][j - 2] + 1)
            }
        }
    }
    return d[a.count][b.count]
}
