/// Atom 1.0 feeds (RFC 4287) of the newest questions: the site's (`feed.xml`) and one per category
/// (`categories/<slug>/feed.xml`). Pure functions of the loaded site: every date comes from the content, so the
/// same content gives the same bytes.
package enum AtomFeed {
    /// The site's feed: the `limit` newest threads of `site.threads` (already newest first, without drafts and
    /// future threads). Written to `Routes.feed`.
    /// How many of the newest threads a feed carries.
    package static let entryLimit = 20

    package static func site(_ site: Site, limit: Int = entryLimit) -> String {
        let entries = Array(site.threads.indices.prefix(max(0, limit)))
        return document(site: site, title: site.config.title, selfRoute: Routes.feed, alternateRoute: Routes.home,
                        threadIndexes: entries)
    }

    /// The feed of one category (an index into `site.categories`): its `limit` newest threads.
    /// Written to `Routes.categoryFeed(slug)`. Its title is the site's and the category's, joined as the
    /// language joins them ("Site: Category"; "Site : Catégorie" in French).
    package static func category(_ site: Site, categoryIndex: Int, localization: Localization, limit: Int = entryLimit) -> String {
        let category = site.categories[categoryIndex]
        // Taxonomy indexes follow `site.threads`, so ascending indexes are newest first.
        let entries = Array(category.threadIndexes.sorted().prefix(max(0, limit)))
        return document(site: site, title: categoryTitle(site.config.title, category.name, localization: localization),
                        selfRoute: Routes.categoryFeed(category.slug), alternateRoute: Routes.category(category.slug),
                        threadIndexes: entries)
    }

    /// A category feed's title, as the feed and the category page's `<link rel="alternate">` give it.
    package static func categoryTitle(_ siteTitle: String, _ category: String, localization: Localization) -> String {
        localization.text(.feedCategoryTitle, ["site": siteTitle, "category": category])
    }

    /// `updated` of a feed with no entries (RFC 4287 requires the element; with no content there is no date to
    /// take, and a clock would make builds differ).
    static let emptyFeedUpdated = "1970-01-01T00:00:00Z"

    private static func document(site: Site, title: String, selfRoute: String, alternateRoute: String,
                                 threadIndexes: [Int]) -> String {
        let routes = Routes(config: site.config)
        let config = site.config
        let threads = threadIndexes.map { site.threads[$0] }
        let updated = XMLText.latest(threads.map(\.lastModified)).map(XMLText.rfc3339) ?? emptyFeedUpdated
        let selfURL = routes.absolute(selfRoute)

        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        xml += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(XMLText.escape(config.language))\">\n"
        xml += "  <id>\(XMLText.escape(selfURL))</id>\n"
        xml += "  <title type=\"text\">\(XMLText.escape(title))</title>\n"
        if let description = config.description, !description.isEmpty {
            xml += "  <subtitle type=\"text\">\(XMLText.escape(description))</subtitle>\n"
        }
        xml += "  <updated>\(updated)</updated>\n"
        xml += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(XMLText.escape(selfURL))\"/>\n"
        xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.escape(routes.absolute(alternateRoute)))\"/>\n"
        // A feed-level author keeps the feed valid when it has no entries; entries name their own authors.
        xml += "  <author>\n    <name>\(XMLText.escape(config.publisher))</name>\n  </author>\n"
        xml += "  <generator version=\"\(XMLText.escape(QandaVersion.current))\">Qanda</generator>\n"
        for thread in threads { xml += entry(thread, site: site, routes: routes) }
        xml += "</feed>\n"
        return xml
    }

    private static func entry(_ thread: QuestionThread, site: Site, routes: Routes) -> String {
        let question = thread.question
        let url = XMLText.escape(routes.absolute(Routes.question(thread.slug)))
        var xml = "  <entry>\n"
        xml += "    <id>\(url)</id>\n"
        xml += "    <title type=\"text\">\(XMLText.escape(question.title))</title>\n"
        xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(url)\"/>\n"
        xml += "    <published>\(XMLText.rfc3339(question.date))</published>\n"
        xml += "    <updated>\(XMLText.rfc3339(thread.lastModified))</updated>\n"
        var seen = Set<String>()
        let authorIDs = thread.answers.map(\.authorID).filter { seen.insert($0).inserted }
        if authorIDs.isEmpty {
            xml += "    <author>\n      <name>\(XMLText.escape(site.config.publisher))</name>\n    </author>\n"
        }
        for id in authorIDs {
            xml += "    <author>\n"
            if let author = site.author(id) {
                xml += "      <name>\(XMLText.escape(author.name))</name>\n"
                xml += "      <uri>\(XMLText.escape(routes.absolute(Routes.author(author.id))))</uri>\n"
            } else {
                // The linker reports unknown authors; a feed still needs a name.
                xml += "      <name>\(XMLText.escape(id))</name>\n"
            }
            xml += "    </author>\n"
        }
        xml += "    <category term=\"\(XMLText.escape(question.category))\"/>\n"
        var seenTags = Set<String>()
        for tag in question.tags where seenTags.insert(tag).inserted {
            xml += "    <category term=\"\(XMLText.escape(tag))\"/>\n"
        }
        let summary = question.description ?? question.summary
        xml += "    <summary type=\"text\">\(XMLText.escape(summary))</summary>\n"
        xml += "  </entry>\n"
        return xml
    }
}
