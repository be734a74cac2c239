/// A name and where it leads: a question's category and tags, a breadcrumb.
struct NamedLink: TemplateObject {
    var name: String
    var url: String

    enum Name: String, CaseIterable { case name, url }

    func value(of name: Name) -> Any {
        switch name {
        case .name: self.name
        case .url: url
        }
    }
}
