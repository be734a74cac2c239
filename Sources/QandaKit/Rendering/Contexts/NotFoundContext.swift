/// 404.html, served by hosts for any missing URL.
public struct NotFoundContext: PageContext {
    public static let layout = "404"
    public var common: PageCommon
    var searchURL: String

    public enum Name: String, CaseIterable { case search_url }

    public func value(of name: Name) -> Any {
        switch name {
        case .search_url: searchURL
        }
    }
}
