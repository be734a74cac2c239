extension ContextBuilder {
    /// A free page from Content/pages.
    public func freePage(_ index: Int) -> TemplateContext {
        let page = site.pages[index]
        var context = common(layout: "page", title: page.title, description: page.description, route: Routes.page(page.slug))
        var pageContext: TemplateContext = ["title": page.title, "body_html": page.bodyHTML, "is_updated": page.updated != nil]
        pageContext.merge(dateFields("date", page.date)) { $1 }
        pageContext.merge(dateFields("updated", page.updated)) { $1 }
        context["page"] = pageContext
        return context
    }

    /// The small page left at an old URL (an alias) that sends readers and crawlers to the question.
    public func aliasPage(threadIndex: Int) -> TemplateContext {
        let thread = site.threads[threadIndex]
        var context = common(layout: "alias", title: thread.title, description: nil, route: Routes.question(thread.slug))
        context["target_url"] = routes.absolute(Routes.question(thread.slug))
        return context
    }

    /// /search/: a GET form the search script brings to life, or, when this build has no index (`links` nil), a
    /// sentence saying search is not available on this copy.
    public func searchPage(links: SearchLinks?) -> TemplateContext {
        var context = common(layout: "search", title: "Search", description: nil, route: Routes.search)
        context["search_available"] = links != nil
        context["search_root_url"] = links?.rootURL ?? ""
        context["search_script_url"] = links?.scriptURL ?? ""
        context["search_categories"] = site.categories.map { ["name": $0.name, "slug": $0.slug] as TemplateContext }
        return context
    }

    /// 404.html, served by hosts for any missing URL: links are absolute paths, so they work from any depth.
    public func notFoundPage() -> TemplateContext {
        var context = common(layout: "404", title: "Page not found", description: nil, route: Routes.notFound)
        context["search_url"] = routes.link(Routes.search)
        return context
    }
}
