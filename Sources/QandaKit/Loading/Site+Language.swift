extension Site {
    /// One language's part of a site in several: the threads translated into `tag` (as readers of it see them),
    /// their categories and tags, and every author; under the language's base (/<tag>/). Free pages, assets,
    /// Content/static/ and withdrawn notices stay with the default language, at the root.
    package func inLanguage(_ tag: String) -> Site {
        let config = LanguageVersions.config(self.config, in: tag)
        let threads = self.threads.compactMap { thread in
            thread.translations.first { $0.language == tag }?.apply(to: thread, answersPerPage: config.answersPerPage)
        }
        var site = Site(config: config, rootPath: rootPath, threads: threads, authors: authors.map { $0.inLanguage(tag) }, pages: [],
                        categories: [], tags: [], assets: [])
        site.rootPages = pages
        site.categories = SiteLinker.taxonomies(threads, names: { [$0.question.category] })
        site.tags = SiteLinker.taxonomies(threads, names: { $0.question.tags })
        return site
    }
}
