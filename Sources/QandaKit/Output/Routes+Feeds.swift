/// Routes of the machine-facing files: feeds, sitemaps and robots.txt. Like every route, they are site paths
/// without the base path; `Routes(config:).absolute(_:)` makes the URL.
extension Routes {
    /// The site's Atom feed: "feed.xml".
    package static let feed = "feed.xml"
    /// A category's Atom feed, beside its list page: "categories/<slug>/feed.xml".
    package static func categoryFeed(_ slug: String) -> String { "categories/\(slug)/feed.xml" }
    /// The sitemap, or the sitemap index when the URLs need more than one file: "sitemap.xml".
    package static let sitemap = "sitemap.xml"
    /// Part n (1-based) of a split sitemap: "sitemap-1.xml".
    package static func sitemapPart(_ number: Int) -> String { "sitemap-\(number).xml" }
    package static let robots = "robots.txt"
}
