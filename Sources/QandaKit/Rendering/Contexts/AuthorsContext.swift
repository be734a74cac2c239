/// /authors/: every author and reviewer.
package struct AuthorsContext: PageContext {
    package static let layout = "authors"
    package var common: PageCommon
    var authors: [AuthorBox]

    package enum Name: String, CaseIterable { case authors }

    package func value(of name: Name) -> Any {
        switch name {
        case .authors: authors
        }
    }

    package static var parts: [any TemplateObject.Type] { [AuthorBox.self] }
}
