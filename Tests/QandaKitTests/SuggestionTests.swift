import Testing
@testable import QandaKit

@Suite struct SuggestionTests {
    @Test func closeMisspelling() {
        #expect(Suggestion.closest(to: "kristina-randal", in: ["kristina-randle", "bob"]) == "kristina-randle")
        #expect(Suggestion.closest(to: "titel", in: ThreadLoader.questionKeys) == "title")
        #expect(Suggestion.closest(to: "acepted", in: ThreadLoader.answerKeys) == "accepted")
    }

    @Test func caseIsIgnored() {
        #expect(Suggestion.closest(to: "Title", in: ["title", "date"]) == "title")
    }

    @Test func nothingCloseGivesNil() {
        #expect(Suggestion.closest(to: "zzzzzz", in: ["title", "date"]) == nil)
        #expect(Suggestion.closest(to: "kristina-randal", in: ["bob", "alice"]) == nil)
        #expect(Suggestion.closest(to: "anything", in: [String]()) == nil)
    }

    @Test func closestOfSeveralWins() {
        #expect(Suggestion.closest(to: "dat", in: ["draft", "date"]) == "date")
    }

    @Test func tiesGoToTheAlphabeticallyFirst() {
        #expect(Suggestion.closest(to: "cat", in: ["hat", "bat"]) == "bat")
    }

    @Test func editDistance() {
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
        #expect(Suggestion.editDistance("", "abc") == 3)
        #expect(Suggestion.editDistance("abc", "") == 3)
        #expect(Suggestion.editDistance("same", "same") == 0)
        #expect(Suggestion.editDistance("titel", "title") == 1, "a swap of neighbours is one edit")
        #expect(Suggestion.editDistance("abcdefgh", "zzzzzzzz") == 8)
    }
}
