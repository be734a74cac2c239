/// A page of a list of questions: every question, a category's, or a tag's.
package struct ListContext: PageContext {
    package static let layout = "list"
    package var common: PageCommon
    var list: Heading
    var items: [QuestionItem]
    var pager: Pager?
    var categoryFeedURL: String?
    /// The category feed's title ("Site: Category", as the language writes it).
    var categoryFeedTitle: String?

    package enum Name: String, CaseIterable { case list, items, pager, category_feed_url, category_feed_title }

    package func value(of name: Name) -> Any {
        switch name {
        case .list: list
        case .items: items
        case .pager: pager.orAbsent
        case .category_feed_url: categoryFeedURL.orAbsent
        case .category_feed_title: categoryFeedTitle.orAbsent
        }
    }

    package static var parts: [any TemplateObject.Type] { [Heading.self, QuestionItem.self, Pager.self] }

    /// What the list is: its kind, name, link and size.
    struct Heading: TemplateObject {
        var kind: String
        var name: String
        var url: String
        var count: Int
        var countText: String
        var isCategory: Bool
        var isTag: Bool

        enum Name: String, CaseIterable { case kind, name, url, count, count_text, is_category, is_tag }

        func value(of name: Name) -> Any {
            switch name {
            case .kind: kind
            case .name: self.name
            case .url: url
            case .count: count
            case .count_text: countText
            case .is_category: isCategory
            case .is_tag: isTag
            }
        }
    }
}
