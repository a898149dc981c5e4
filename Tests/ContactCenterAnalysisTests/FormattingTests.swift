import Testing
@testable import ContactCenterAnalysis

@Suite struct CSVQuotingTests {
    @Test func fieldsWithCommasOrQuotesAreQuoted() {
        #expect(csvField("plain") == "plain")
        #expect(csvField("a, b") == "\"a, b\"")
        #expect(csvField("say \"hi\"") == "\"say \"\"hi\"\"\"")
    }
}
