/// The home page: the newest questions (one page's worth) and a link to the rest.
package struct HomeContext: PageContext {
    package static let layout = "home"
    package var common: PageCommon
    var latest: [QuestionItem]
    var hasMore: Bool
    var allQuestionsURL: String
    var questionCount: Int
    var questionCountText: String
    /// "All 24 questions →", the link to the rest.
    var allQuestionsText: String

    package enum Name: String, CaseIterable {
        case latest, has_more, all_questions_url, question_count, question_count_text, all_questions_text
    }

    package func value(of name: Name) -> Any {
        switch name {
        case .latest: latest
        case .has_more: hasMore
        case .all_questions_url: allQuestionsURL
        case .question_count: questionCount
        case .question_count_text: questionCountText
        case .all_questions_text: allQuestionsText
        }
    }

    package static var parts: [any TemplateObject.Type] { [QuestionItem.self] }
}
