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
        var dateText: String
        /// "It was withdrawn on <time>…</time>, with its answers."
        var withdrawnOnHTML: String
        /// "More in Anxiety".
        var moreInText: String

        enum Name: String, CaseIterable { case title, date_iso, date_text, reason, category, withdrawn_on_html, more_in_text }

        func value(of name: Name) -> Any {
            switch name {
            case .title: title
            case .date_iso: withdrawal.date.text
            case .date_text: dateText
            case .reason: withdrawal.reason
            case .category: category
            case .withdrawn_on_html: withdrawnOnHTML
            case .more_in_text: moreInText
            }
        }

        static var parts: [any TemplateObject.Type] { [NamedLink.self] }
    }
}
