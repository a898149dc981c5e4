import Testing
@testable import ContactCenter

@Suite struct JSONParserTests {
    private func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try JSONParser.parse(Array(text.utf8))
    }

    @Test func parsesEveryKindOfValueKeepingKeyOrder() throws {
        let value = try parse(#"{"z": 1, "a": [true, false, null, -0.5e2, "x\u00e9\n\ud83d\ude00"], "m": {}}"#)
        guard case .object(let members) = value else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == ["z", "a", "m"])
        #expect(value["a"] == .array([.bool(true), .bool(false), .null, .number(JSONNumber(value: -50, literal: "-0.5e2")), .string("xé\n😀")]))
        #expect(value["m"] == .object([]))
    }

    @Test func keepsIntegerLiteralsExact() throws {
        guard case .number(let number) = try parse("18446744073709551615") else {
            Issue.record("not a number")
            return
        }
        #expect(number.exactUnsigned == UInt64.max)
        #expect(number.exactInteger == nil)
    }

    @Test(arguments: [
        ("", 1, 1, "expected a JSON value, found the end of the file"),
        ("{\"a\": 1,}", 1, 9, "trailing comma before '}'"),
        ("{\"a\": 1 \"b\": 2}", 1, 9, "expected ',' or '}' in an object, found '\"'"),
        ("[1, 2", 1, 6, "expected ',' or ']' in an array, found the end of the file"),
        ("{\"a\": 1, \"a\": 2}", 1, 10, "duplicate key \"a\""),
        ("{\n  \"a\": 01\n}", 2, 8, "leading zero in a number"),
        ("[1e400]", 1, 2, "number 1e400 is outside the range of a double"),
        ("[NaN]", 1, 2, "NaN is not a JSON number"),
        ("\"abc", 1, 1, "unterminated string"),
        ("\"\\ud800\"", 1, 8, "lone surrogate \\ud800 in a string"),
        ("{} x", 1, 4, "unexpected text after the JSON value"),
        ("// comment\n{}", 1, 1, "comments are not allowed in JSON"),
        ("tru", 1, 1, "expected a JSON value, found the bare word tru (text needs double quotes; the literals are true, false and null, in lower case)"),
        ("[\"a\tb\"]", 1, 4, "control character in a string (escape it)"),
    ])
    func rejectsMalformedJSONWithItsPlace(text: String, line: Int, column: Int, message: String) {
        #expect(throws: JSONSyntaxError(line: line, column: column, message: message)) {
            try JSONParser.parse(Array(text.utf8))
        }
    }

    @Test func boundsNestingDepth() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(Array(deep.utf8)) }
        let fine = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(throws: Never.self) { try JSONParser.parse(Array(fine.utf8)) }
    }

    @Test func serializationRoundTrips() throws {
        let text = #"{"name": "a \"quoted\" \\ name\u0001", "n": [1, 2.5, -3e-7, 1e+300], "b": [true, null], "o": {}}"#
        let value = try parse(text)
        #expect(try parse(value.serialized()) == value)
        #expect(try parse(value.serialized(pretty: false)) == value)
    }

    @Test func doublesPrintInShortestRoundTripForm() {
        #expect(JSONValue.double(0.1).serialized() == "0.1")
        #expect(JSONValue.double(3).serialized() == "3")
        #expect(JSONValue.double(1e-7).serialized() == "1e-07")
        #expect(JSONValue.double(.nan).serialized() == "null")
        let third = 1.0 / 3
        #expect(Double(JSONValue.double(third).serialized()) == third)
    }
}

@Suite struct JSONParserLeniencyTests {
    /// RFC 8259 §8.1 lets a parser ignore a UTF-8 byte-order mark, which some editors write.
    @Test func aByteOrderMarkIsIgnored() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("{\"a\": 1}".utf8)) == .object([
            JSONMember(key: "a", value: .number(JSONNumber(value: 1, literal: "1")))
        ]))
    }

    @Test func invalidUTF8IsLocated() {
        let bytes: [UInt8] = Array("{\n  \"name\": \"ab".utf8) + [0xC3, 0x28] + Array("\"\n}".utf8)
        #expect(throws: ScenarioError(file: "f.json", problems: [ScenarioProblem(
            path: "", message: "the file is not valid UTF-8 text (line 2, column 14: byte 0xC3), expected a JSON scenario")])) {
            try ScenarioReader.parse(bytes, file: "f.json")
        }
    }
}
