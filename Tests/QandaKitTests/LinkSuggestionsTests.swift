import Testing
@testable import QandaKit

@Suite struct LinkSuggestionsTests {
    @Test func aNameBegunByTheWordIsOfferedAfterNearSpellings() {
        let slugs = ["panic-attack-in-the-grocery-store", "panics", "panicky", "sunday-night-dread"].sorted()
        #expect(LinkSuggestions.near("panic", in: slugs) == ["panics", "panicky", "panic-attack-in-the-grocery-store"])
        #expect(LinkSuggestions.near("panic-attack", in: slugs) == ["panic-attack-in-the-grocery-store"])
        #expect(LinkSuggestions.near("grocery", in: slugs).isEmpty, "only the beginning of a name counts")
    }

    @Test func aWholeWordOfTheNameComesBeforeALongerWord() {
        let slugs = ["naps-at-work", "napster", "naps-x"].sorted()
        // naps-x is two edits away; then the names that go on with a new word, then the one whose word goes on.
        #expect(LinkSuggestions.near("naps", in: slugs) == ["naps-x", "naps-at-work", "napster"])
    }

    @Test func atMostThreeAndNeverTheWordItself() {
        let slugs = ["ab", "abc", "abd", "abe", "abf"]
        #expect(LinkSuggestions.near("abc", in: slugs) == ["ab", "abd", "abe"])
    }

    @Test func theBoundedDistanceGivesUpPastItsLimit() {
        let (kitten, sitting) = (Array("kitten".utf8), Array("sitting".utf8))
        #expect(LinkSuggestions.distance(kitten, sitting, limit: 3) == 3)
        #expect(LinkSuggestions.distance(kitten, sitting, limit: 2) == nil)
        #expect(LinkSuggestions.distance(Array("titel".utf8), Array("title".utf8), limit: 2) == 1, "a swap of neighbours is one edit")
        #expect(LinkSuggestions.distance([], Array("abc".utf8), limit: 3) == 3)
        #expect(LinkSuggestions.distance(Array("abcdefgh".utf8), Array("zzzzzzzz".utf8), limit: 3) == nil)
        // Agrees with the full table wherever it answers.
        let words = ["panic", "panics", "pancake", "picnic", "nap", "naps-at-work", "", "a", "ab", "ba"]
        for a in words {
            for b in words {
                let full = Suggestion.editDistance(a, b)
                #expect(LinkSuggestions.distance(Array(a.utf8), Array(b.utf8), limit: 3) == (full <= 3 ? full : nil), "\(a) / \(b)")
            }
        }
    }

    @Test func fileNamesAreRankedSameNameThenExtensionThenEditsThenBeginnings() {
        #expect(LinkSuggestions.fileNameScore("chart.png", "Chart.PNG") == 0)
        #expect(LinkSuggestions.fileNameScore("chart.png", "chart.svg") == 1)
        #expect(LinkSuggestions.fileNameScore("chart.png", "charts.png") == 2)
        #expect(LinkSuggestions.fileNameScore("chart.png", "chart-2024-final.png") == 111)
        #expect(LinkSuggestions.fileNameScore("chart.png", "diagram.png") == nil)
        #expect(LinkSuggestions.fileNameScore("ab.png", "abc-long-name.png") == nil, "a stem under three letters begins too much")
    }
}
