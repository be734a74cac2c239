/// The home page: the newest questions (one page's worth) and a link to the rest.
package struct HomeContext: PageContext {
    package static let layout = "home"
    package var common: PageCommon
    var latest: [QuestionItem]
    var hasMore: Bool
    var allQuestionsURL: String
    var questionCountText: String

    package enum Name: String, CaseIterable { case latest, has_more, all_questions_url, question_count_text }

    package func value(of name: Name) -> Any {
        switch name {
        case .latest: latest
        case .has_more: hasMore
        case .all_questions_url: allQuestionsURL
        case .question_count_text: questionCountText
        }
    }

    package static var parts: [any TemplateObject.Type] { [QuestionItem.self] }
}
