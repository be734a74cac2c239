/// The home page: the newest questions (one page's worth) and a link to the rest.
public struct HomeContext: PageContext {
    public static let layout = "home"
    public var common: PageCommon
    var latest: [QuestionItem]
    var hasMore: Bool
    var allQuestionsURL: String
    var questionCountText: String

    public enum Name: String, CaseIterable { case latest, has_more, all_questions_url, question_count_text }

    public func value(of name: Name) -> Any {
        switch name {
        case .latest: latest
        case .has_more: hasMore
        case .all_questions_url: allQuestionsURL
        case .question_count_text: questionCountText
        }
    }

    public static var parts: [any TemplateObject.Type] { [QuestionItem.self] }
}
