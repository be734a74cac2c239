/// A string of the translation table that depends on a number: a mapping of CLDR plural forms
/// (`{one: "{count} answer", other: "{count} answers"}`), and optionally of exact numbers (`"=0"`).
package enum PluralKey: String, CaseIterable, Sendable {
    case questionCount = "question_count"
    case answerCount = "answer_count"
    case voteCount = "vote_count"
    case points = "points"
    case reviewCount = "review_count"
    case searchResults = "search_results"
    case searchResultsIn = "search_results_in"
}
