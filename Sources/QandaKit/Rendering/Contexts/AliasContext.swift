/// The small page left at an old URL (an alias) that sends readers and crawlers to the question.
package struct AliasContext: PageContext {
    package static let layout = "alias"
    package var common: PageCommon
    var targetURL: String
    /// "This page has moved to <a href=…>Title</a>."
    var movedHTML: String

    package enum Name: String, CaseIterable { case target_url, moved_html }

    package func value(of name: Name) -> Any {
        switch name {
        case .target_url: targetURL
        case .moved_html: movedHTML
        }
    }
}
