/// /authors/: every author and reviewer.
public struct AuthorsContext: PageContext {
    public static let layout = "authors"
    public var common: PageCommon
    var authors: [AuthorBox]

    public enum Name: String, CaseIterable { case authors }

    public func value(of name: Name) -> Any {
        switch name {
        case .authors: authors
        }
    }

    public static var parts: [any TemplateObject.Type] { [AuthorBox.self] }
}
