/// What a template sees for one page: the values every page has (`PageCommon`) and those of its layout.
package protocol PageContext: TemplateObject {
    /// The layout template that renders this page; also its `layout` value.
    static var layout: String { get }
    var common: PageCommon { get }
}

extension PageContext {
    package func child(named name: String) -> Any? {
        if let name = Name(rawValue: name) { return value(of: name) }
        return common.child(named: name)
    }

    /// The names a template of this layout can use.
    static var pageVocabulary: Set<String> { vocabulary.union(PageCommon.vocabulary) }
}
