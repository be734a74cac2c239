/// A question as lists show it; made once per build (a class, so that the many lists showing it share it).
final class QuestionItem: TemplateObject {
    let title: String
    let url: String
    let summary: String
    let date: ContentDate
    let categoryName: String
    let categoryURL: String
    let answerCount: Int
    let hasAccepted: Bool
    let votes: Int?
    /// Printed on every list that shows the question: worked out once.
    private let dateText: String
    private let answerCountText: String

    init(title: String, url: String, summary: String, date: ContentDate, categoryName: String, categoryURL: String,
         answerCount: Int, hasAccepted: Bool, votes: Int?, localization: Localization) {
        (self.title, self.url, self.summary, self.date) = (title, url, summary, date)
        (self.categoryName, self.categoryURL) = (categoryName, categoryURL)
        (self.answerCount, self.hasAccepted, self.votes) = (answerCount, hasAccepted, votes)
        dateText = localization.date(date)
        answerCountText = localization.plural(.answerCount, answerCount)
    }

    enum Name: String, CaseIterable {
        case title, url, summary, date_iso, date_text, category_name, category_url, answer_count, answer_count_text,
             has_accepted, votes
    }

    func value(of name: Name) -> Any {
        switch name {
        case .title: title
        case .url: url
        case .summary: summary
        case .date_iso: date.text
        case .date_text: dateText
        case .category_name: categoryName
        case .category_url: categoryURL
        case .answer_count: answerCount
        case .answer_count_text: answerCountText
        case .has_accepted: hasAccepted
        case .votes: votes.orAbsent
        }
    }
}
