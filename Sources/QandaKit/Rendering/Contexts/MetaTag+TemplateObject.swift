/// A `<meta>` tag as the question page's `meta_tags` list shows it.
extension MetaTag: TemplateObject {
    public enum Name: String, CaseIterable { case attribute, key, content }

    public func value(of name: Name) -> Any {
        switch name {
        case .attribute: attribute
        case .key: key
        case .content: content
        }
    }
}
