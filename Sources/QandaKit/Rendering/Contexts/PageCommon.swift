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
    /// The page in each language that has it (hreflang), itself included; empty on a site in one language.
    var alternates: [LanguageLink] = []
    /// The default language's version, for hreflang="x-default".
    var xDefaultURL: String?
    /// The language switcher: every language, the current one marked; empty on a site in one language.
    var languageLinks: [LanguageLink] = []

    package enum Name: String, CaseIterable {
        case layout, site, t, page_title, description, canonical_url, url, alternates, x_default_url, language_links, has_languages
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
        case .alternates: alternates
        case .x_default_url: xDefaultURL.orAbsent
        case .language_links: languageLinks
        case .has_languages: !languageLinks.isEmpty
        }
    }

    package static var parts: [any TemplateObject.Type] { [SiteSummary.self, Translations.self, LanguageLink.self] }
}
