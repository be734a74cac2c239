/// The site-wide part of every page: name, navigation, categories. Made once per build (a class, so that each
/// page holds it without copying it).
final class SiteSummary: TemplateObject {
    let title: String
    let publisher: String
    let language: String
    /// `ltr`, or `rtl` for Arabic, Hebrew and the other right-to-left scripts.
    let direction: String
    let description: String?
    let baseURL: String
    let basePath: String
    /// The site's root, where free pages, assets and Content/static/ are: `base_path` but on another language's
    /// part of a site in several ("/" where `base_path` is "/es/").
    let rootPath: String
    let homeURL: String
    let questionsURL: String
    let authorsURL: String
    let categoriesURL: String
    let tagsURL: String
    let stylesheetURL: String
    let searchURL: String
    let feedURL: String
    let faviconURL: String
    let categories: [Category]
    let pages: [PageLink]
    /// qanda.yml `ask:`, the way to ask or answer.
    let askURL: String?
    let askLabel: String?

    init(site: Site, routes: Routes, localization: Localization) {
        let config = site.config
        (title, publisher) = (config.title, config.publisher)
        // The language the pages are made in (a site in several languages has one Localization per language).
        (language, direction) = (localization.language, localization.direction)
        description = config.description.flatMap { $0.isEmpty ? nil : $0 }
        (baseURL, basePath, rootPath) = (config.baseURL, config.basePath, config.rootPath)
        homeURL = routes.link(Routes.home)
        questionsURL = routes.link(Routes.questions)
        authorsURL = routes.link(Routes.authors)
        categoriesURL = routes.link(Routes.categories)
        tagsURL = routes.link(Routes.tags)
        stylesheetURL = routes.link(Routes.stylesheet)
        searchURL = routes.link(Routes.search)
        feedURL = routes.link(Routes.feed)
        faviconURL = routes.link(Routes.favicon)
        categories = site.categories.map {
            Category(name: $0.name, url: routes.link(Routes.category($0.slug)), count: $0.threadIndexes.count)
        }
        pages = site.pages.map { PageLink(title: $0.title, url: routes.link(Routes.page($0.slug))) }
            + site.rootPages.map { PageLink(title: $0.title, url: config.rootPath + Routes.percentEncoded(Routes.page($0.slug))) }
        askURL = config.ask?.url
        askLabel = config.ask.map { $0.label ?? localization.text(.askLabel) }
    }

    enum Name: String, CaseIterable {
        case title, publisher, language, direction, is_rtl, description, base_url, base_path, root_path, is_language, home_url, questions_url, authors_url,
             categories_url, tags_url, stylesheet_url, search_url, feed_url, favicon_url, categories, pages, ask_url,
             ask_label
    }

    func value(of name: Name) -> Any {
        switch name {
        case .title: title
        case .publisher: publisher
        case .language: language
        case .direction: direction
        case .is_rtl: direction == "rtl"
        case .description: description.orAbsent
        case .base_url: baseURL
        case .base_path: basePath
        case .root_path: rootPath
        // `{{#site.is_language.es}}…{{/site.is_language.es}}`: words a template writes itself, per language (the
        // tag as written, and its language alone: `pt-BR` is also `pt`).
        case .is_language: Dictionary([(language, true), (String(language.prefix { $0 != "-" }), true)], uniquingKeysWith: { a, _ in a })
        case .home_url: homeURL
        case .questions_url: questionsURL
        case .authors_url: authorsURL
        case .categories_url: categoriesURL
        case .tags_url: tagsURL
        case .stylesheet_url: stylesheetURL
        case .search_url: searchURL
        case .feed_url: feedURL
        case .favicon_url: faviconURL
        case .categories: categories
        case .pages: pages
        case .ask_url: askURL.orAbsent
        case .ask_label: askLabel.orAbsent
        }
    }

    static var parts: [any TemplateObject.Type] { [Category.self, PageLink.self] }

    /// A category in the navigation.
    struct Category: TemplateObject {
        var name: String
        var url: String
        var count: Int

        enum Name: String, CaseIterable { case name, url, count }

        func value(of name: Name) -> Any {
            switch name {
            case .name: self.name
            case .url: url
            case .count: count
            }
        }
    }

    /// A free page in the navigation.
    struct PageLink: TemplateObject {
        var title: String
        var url: String

        enum Name: String, CaseIterable { case title, url }

        func value(of name: Name) -> Any {
            switch name {
            case .title: title
            case .url: url
            }
        }
    }
}
