/// The notice at a withdrawn thread's URL: what was withdrawn, when and why, and where to go instead. Nothing
/// else of the thread is shown; the page asks search engines not to index it.
package struct WithdrawnContext: PageContext {
    package static let layout = "withdrawn"
    package var common: PageCommon
    var notice: Notice

    package enum Name: String, CaseIterable { case withdrawn }

    package func value(of name: Name) -> Any {
        switch name {
        case .withdrawn: notice
        }
    }

    package static var parts: [any TemplateObject.Type] { [Notice.self] }

    /// The withdrawn thread as its notice names it.
    struct Notice: TemplateObject {
        var title: String
        var withdrawal: Withdrawal
        /// Its category's page, or the list of categories when no thread is left in it.
        var category: NamedLink

        enum Name: String, CaseIterable { case title, date_iso, date_text, reason, category }

        func value(of name: Name) -> Any {
            switch name {
            case .title: title
            case .date_iso: withdrawal.date.text
            case .date_text: withdrawal.date.longText
            case .reason: withdrawal.reason
            case .category: category
            }
        }

        static var parts: [any TemplateObject.Type] { [NamedLink.self] }
    }
}
