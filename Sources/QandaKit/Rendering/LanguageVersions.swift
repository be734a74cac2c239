import Foundation

/// The languages of a site in several (`languages:`) and which pages each has: what hreflang links, the sitemap's
/// alternates and the language switcher are made from. Each language's pages have the same routes under its own
/// base ("questions/x/" is /questions/x/ in the default language, /es/questions/x/ in Spanish).
package struct LanguageVersions: Sendable {
    package struct Language: Sendable {
        package var tag: String
        /// The language's name in itself ("español"), as a switcher shows it.
        package var name: String
        package var routes: Routes
        /// The slugs of the threads this language has.
        package var threadSlugs: Set<String>
    }

    package let languages: [Language]
    /// Pages every language has, whatever its threads.
    static let sharedRoutes: Set<String> = [Routes.home, Routes.questions, Routes.categories, Routes.tags, Routes.authors, Routes.search]

    /// Nil for a site in one language.
    package init?(site: Site) {
        let config = site.config
        guard !config.extraLanguages.isEmpty else { return nil }
        var languages = [Language(tag: config.language, name: Self.name(of: config.language), routes: Routes(config: config),
                                  threadSlugs: Set(site.threads.map(\.slug)))]
        for tag in config.extraLanguages {
            let slugs = Set(site.threads.filter { $0.translations.contains { $0.language == tag } }.map(\.slug))
            languages.append(Language(tag: tag, name: Self.name(of: tag), routes: Routes(config: Self.config(config, in: tag)), threadSlugs: slugs))
        }
        self.languages = languages
    }

    /// The settings of one language's part of the site: its language, and its base under /<tag>/.
    package static func config(_ config: SiteConfig, in tag: String) -> SiteConfig {
        var translated = config
        translated.languages = [tag]
        translated.baseURL = config.baseURL + tag + "/"
        translated.siteRootURL = config.baseURL
        return translated
    }

    /// "español", "français", "English": the language's own name, first letter as the language writes names.
    static func name(of tag: String) -> String {
        let locale = Locale(identifier: tag)
        guard let name = locale.localizedString(forIdentifier: tag), !name.isEmpty else { return tag }
        return name.prefix(1).uppercased(with: locale) + name.dropFirst()
    }

    /// Whether `language` has the page at `route`.
    func has(_ route: String, in language: Language) -> Bool {
        if Self.sharedRoutes.contains(route) { return true }
        guard route.hasPrefix("questions/"), route.hasSuffix("/") else { return false }
        let slug = route.dropFirst("questions/".count).dropLast()
        return !slug.contains("/") && language.threadSlugs.contains(String(slug))
    }

    /// The page at `route` in every language that has it; empty when only one does (no alternates to name).
    package func versions(of route: String) -> [LanguageLink] {
        let found = languages.filter { has(route, in: $0) }
        guard found.count > 1 else { return [] }
        return found.map { LanguageLink(language: $0.tag, name: $0.name, url: $0.routes.link(route), absoluteURL: $0.routes.absolute(route), isCurrent: false) }
    }

    /// The switcher of a page in `current`: each language's version of the page, or its home page when it has none.
    func switcher(route: String, current: String) -> [LanguageLink] {
        languages.map { language in
            let target = has(route, in: language) ? route : Routes.home
            return LanguageLink(language: language.tag, name: language.name, url: language.routes.link(target),
                                absoluteURL: language.routes.absolute(target), isCurrent: language.tag == current)
        }
    }
}

/// One language's version of a page: an hreflang link, a sitemap alternate, an entry of the language switcher.
package struct LanguageLink: TemplateObject {
    package var language: String
    package var name: String
    package var url: String
    package var absoluteURL: String
    package var isCurrent: Bool

    package enum Name: String, CaseIterable { case language, name, url, absolute_url, is_current }

    package func value(of name: Name) -> Any {
        switch name {
        case .language: language
        case .name: self.name
        case .url: url
        case .absolute_url: absoluteURL
        case .is_current: isCurrent
        }
    }
}
