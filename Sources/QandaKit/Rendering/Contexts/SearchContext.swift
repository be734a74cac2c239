/// /search/: the form the search script brings to life, or a sentence saying search is not available.
package struct SearchContext: PageContext {
    package static let layout = "search"
    package var common: PageCommon
    var links: SearchLinks?
    var categories: [Category]
    /// The sentences for a reader without script, and for a copy built without an index, with their links.
    var needsScriptHTML: String
    var unavailableHTML: String
    /// The script's own words, in the site's language (`data-strings`).
    var stringsJSON: String

    package enum Name: String, CaseIterable {
        case search_available, search_root_url, search_script_url, search_categories, needs_script_html,
             unavailable_html, search_strings_json
    }

    package func value(of name: Name) -> Any {
        switch name {
        case .search_available: links != nil
        case .search_root_url: links?.rootURL ?? ""
        case .search_script_url: links?.scriptURL ?? ""
        case .search_categories: categories
        case .needs_script_html: needsScriptHTML
        case .unavailable_html: unavailableHTML
        case .search_strings_json: stringsJSON
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
