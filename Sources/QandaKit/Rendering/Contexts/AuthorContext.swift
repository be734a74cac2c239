/// /authors/<id>/ and its pages: the author, the answers written and the pages reviewed, each paged.
package struct AuthorContext: PageContext {
    package static let layout = "author"
    package var common: PageCommon
    var author: AuthorBox
    var structuredDataHTML: String
    var answersWritten: [WrittenAnswer]
    var hasAnswers: Bool
    var reviewed: [ReviewedQuestion]
    var pager: Pager?
    /// Points earned in forum threads (qanda.yml `points:`); nil for an author who wrote no forum answer.
    var points: Int?
    /// "2,745 points", and the sentence that says where they come from.
    var pointsText: String?
    var pointsLineText: String?
    /// "Answers (12)", "Pages reviewed (3)": the headings of the two lists.
    var answersHeading: String
    var reviewedHeading: String

    package enum Name: String, CaseIterable {
        case author, structured_data_html, answers_written, has_answers, reviewed, has_reviewed, pager, points,
             points_text, points_line_text, answers_heading, reviewed_heading
    }

    package func value(of name: Name) -> Any {
        switch name {
        case .author: author
        case .structured_data_html: structuredDataHTML
        case .answers_written: answersWritten
        case .has_answers: hasAnswers
        case .reviewed: reviewed
        case .has_reviewed: !reviewed.isEmpty
        case .pager: pager.orAbsent
        case .points: points.orAbsent
        case .points_text: pointsText.orAbsent
        case .points_line_text: pointsLineText.orAbsent
        case .answers_heading: answersHeading
        case .reviewed_heading: reviewedHeading
        }
    }

    package static var parts: [any TemplateObject.Type] {
        [AuthorBox.self, WrittenAnswer.self, ReviewedQuestion.self, Pager.self]
    }

    /// An answer the author wrote, as their page lists it.
    struct WrittenAnswer: TemplateObject {
        var questionTitle: String
        var questionURL: String
        var answerURL: String
        var accepted: Bool
        var votes: Int?
        var categoryName: String
        var categoryURL: String
        var date: ContentDate
        var dateText: String

        enum Name: String, CaseIterable {
            case question_title, question_url, answer_url, accepted, votes, category_name, category_url, date_iso, date_text
        }

        func value(of name: Name) -> Any {
            switch name {
            case .question_title: questionTitle
            case .question_url: questionURL
            case .answer_url: answerURL
            case .accepted: accepted
            case .votes: votes.orAbsent
            case .category_name: categoryName
            case .category_url: categoryURL
            case .date_iso: date.text
            case .date_text: dateText
            }
        }
    }

    /// A question the author reviewed, with the review's date.
    struct ReviewedQuestion: TemplateObject {
        var title: String
        var url: String
        var date: ContentDate
        var dateText: String
        /// "reviewed <time>April 26, 2018</time>".
        var reviewedHTML: String

        enum Name: String, CaseIterable { case title, url, date_iso, date_text, reviewed_html }

        func value(of name: Name) -> Any {
            switch name {
            case .title: title
            case .url: url
            case .date_iso: date.text
            case .date_text: dateText
            case .reviewed_html: reviewedHTML
            }
        }
    }
}
