import Foundation

/// Settings in qanda.yml that load but cannot be what the editor meant.
package enum ConfigRules {
    /// The example domains reserved for documentation (RFC 2606). `qanda init` writes `https://example.org/` when no
    /// `--base-url` is given; a site published there has links, feeds, the sitemap and citations that point
    /// nowhere. Only their root is a placeholder: a path (`https://example.org/kb/`) or a subdomain
    /// (`answers.example.org`) was written on purpose, as documentation and test sites do, and nobody gets one by
    /// accident.
    package static let placeholderHosts: Set<String> = [
        "example.org", "example.com", "example.net", "www.example.org", "www.example.com", "www.example.net",
    ]

    package static func diagnostics(config: SiteConfig) -> [Diagnostic] {
        guard let location = config.baseURLLocation, isPlaceholder(config.baseURL) else { return [] }
        return [Diagnostic(.placeholderBaseURL, .warning, at: location,
                           message: "base_url '\(config.baseURL)' is a placeholder: links, feeds, the sitemap and citations would point to it",
                           hint: "set base_url to the address the site will be published at, such as https://answers.your-domain.org/")]
    }

    package static func isPlaceholder(_ baseURL: String) -> Bool {
        guard let components = URLComponents(string: baseURL), let host = components.host?.lowercased() else { return false }
        return placeholderHosts.contains(host) && (components.path.isEmpty || components.path == "/")
    }
}
