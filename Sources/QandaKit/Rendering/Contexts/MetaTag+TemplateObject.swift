/// A `<meta>` tag as the question page's `meta_tags` list shows it.
extension MetaTag: TemplateObject {
    package enum Name: String, CaseIterable { case attribute, key, content }

    package func value(of name: Name) -> Any {
        switch name {
        case .attribute: attribute
        case .key: key
        case .content: content
        }
    }
}
