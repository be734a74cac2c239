import Testing
@testable import QandaKit

@Suite struct StructureRulesTests {
    /// The quick path for plain titles gives the key of the rule written out: lower case, white space collapsed.
    @Test(arguments: ["How can I sleep better?", "How can I  sleep Better?", " Leading", "Trailing ", "Tab\there",
                      "Line\nbreak", "Ünïcode  Title", "No\u{00A0}break space", "", " ", "A", "ALL CAPS TITLE"])
    func titleKeyCollapsesWhiteSpaceAndCase(_ title: String) {
        #expect(StructureRules.titleKey(title) == title.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " "))
    }
}
