/// /categories/ or /tags/: every term with its count.
package struct TermsContext: PageContext {
    package static let layout = "terms"
    package var common: PageCommon
    var terms: [Term]
    var isCategories: Bool

    package enum Name: String, CaseIterable { case terms, is_categories }

    package func value(of name: Name) -> Any {
        switch name {
        case .terms: terms
        case .is_categories: isCategories
        }
    }

    package static var parts: [any TemplateObject.Type] { [Term.self] }

    /// A category or tag and how many questions it has.
    struct Term: TemplateObject {
        var name: String
        var url: String
        var count: Int
        var countText: String

        enum Name: String, CaseIterable { case name, url, count, count_text }

        func value(of name: Name) -> Any {
            switch name {
            case .name: self.name
            case .url: url
            case .count: count
            case .count_text: countText
            }
        }
    }
}
