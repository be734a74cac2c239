/// A free page from Content/pages.
package struct FreePageContext: PageContext {
    package static let layout = "page"
    package var common: PageCommon
    var page: Body

    package enum Name: String, CaseIterable { case page }

    package func value(of name: Name) -> Any {
        switch name {
        case .page: page
        }
    }

    package static var parts: [any TemplateObject.Type] { [Body.self] }

    /// The page's own text and dates.
    struct Body: TemplateObject {
        var title: String
        var bodyHTML: String
        var date: ContentDate?
        var updated: ContentDate?
        var dateText: String?
        var updatedText: String?
        /// "Last updated <time>…</time>".
        var updatedHTML: String?

        enum Name: String, CaseIterable {
            case title, body_html, is_updated, date_iso, date_text, updated_iso, updated_text, updated_html
        }

        func value(of name: Name) -> Any {
            switch name {
            case .title: title
            case .body_html: bodyHTML
            case .is_updated: updated != nil
            case .date_iso: (date?.text).orAbsent
            case .date_text: dateText.orAbsent
            case .updated_iso: (updated?.text).orAbsent
            case .updated_text: updatedText.orAbsent
            case .updated_html: updatedHTML.orAbsent
            }
        }
    }
}
