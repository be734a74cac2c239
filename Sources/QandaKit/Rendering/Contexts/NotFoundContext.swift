/// 404.html, served by hosts for any missing URL.
package struct NotFoundContext: PageContext {
    package static let layout = "404"
    package var common: PageCommon
    var searchURL: String

    package enum Name: String, CaseIterable { case search_url }

    package func value(of name: Name) -> Any {
        switch name {
        case .search_url: searchURL
        }
    }
}
