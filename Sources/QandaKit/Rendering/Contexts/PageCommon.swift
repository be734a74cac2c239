/// The values every page has: its layout, the site, its title, description and addresses.
package struct PageCommon: TemplateObject {
    var layout: String
    var site: SiteSummary
    /// The translated strings without placeholders: `{{t.latest_questions}}`.
    var translations: Translations
    var pageTitle: String
    var description: String?
    var canonicalURL: String
    var url: String

    package enum Name: String, CaseIterable {
        case layout, site, t, page_title, description, canonical_url, url
    }

    package func value(of name: Name) -> Any {
        switch name {
        case .layout: layout
        case .site: site
        case .t: translations
        case .page_title: pageTitle
        case .description: description.orAbsent
        case .canonical_url: canonicalURL
        case .url: url
        }
    }

    package static var parts: [any TemplateObject.Type] { [SiteSummary.self, Translations.self] }
}
