/// `robots.txt`: everything may be crawled, and the sitemap is named by its absolute URL (as the sitemaps.org
/// protocol asks). Crawlers read robots.txt only at the root of a host, so under a base path (`/kb/`) the file
/// written to the output folder takes effect only where the host serves it at `/robots.txt`.
package enum RobotsTxt {
    /// - Parameter otherSitemaps: on a site in several languages, the other languages' sitemaps (absolute URLs).
    package static func text(site: Site, sitemapPath: String = Routes.sitemap, otherSitemaps: [String] = []) -> String {
        let sitemapURL = Routes(config: site.config).absolute(sitemapPath)
        return "User-agent: *\nAllow: /\n\n" + ([sitemapURL] + otherSitemaps).map { "Sitemap: \($0)\n" }.joined()
    }
}
