/// /categories/ or /tags/: every term with its count.
public struct TermsContext: PageContext {
    public static let layout = "terms"
    public var common: PageCommon
    var terms: [Term]
    var isCategories: Bool

    public enum Name: String, CaseIterable { case terms, is_categories }

    public func value(of name: Name) -> Any {
        switch name {
        case .terms: terms
        case .is_categories: isCategories
        }
    }

    public static var parts: [any TemplateObject.Type] { [Term.self] }

    /// A category or tag and how many questions it has.
    struct Term: TemplateObject {
        var name: String
        var url: String
        var count: Int

        enum Name: String, CaseIterable { case name, url, count, count_text }

        func value(of name: Name) -> Any {
            switch name {
            case .name: self.name
            case .url: url
            case .count: count
            case .count_text: Plural.count(count, "question")
            }
        }
    }
}
