/// /search/: the form the search script brings to life, or a sentence saying search is not available.
package struct SearchContext: PageContext {
    package static let layout = "search"
    package var common: PageCommon
    var links: SearchLinks?
    var categories: [Category]

    package enum Name: String, CaseIterable {
        case search_available, search_root_url, search_script_url, search_categories
    }

    package func value(of name: Name) -> Any {
        switch name {
        case .search_available: links != nil
        case .search_root_url: links?.rootURL ?? ""
        case .search_script_url: links?.scriptURL ?? ""
        case .search_categories: categories
        }
    }

    package static var parts: [any TemplateObject.Type] { [Category.self] }

    /// A category the search can be limited to.
    struct Category: TemplateObject {
        var name: String
        var slug: String

        enum Name: String, CaseIterable { case name, slug }

        func value(of name: Name) -> Any {
            switch name {
            case .name: self.name
            case .slug: slug
            }
        }
    }
}
