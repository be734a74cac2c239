import Foundation

/// `source: {url, license, license_url}` on a question or an answer (Qanda's extension): where the post was first
/// published and under which licence it is republished. The thread page says so under the post ("Originally posted
/// at stackoverflow.com · Licensed under CC BY-SA 4.0"), as licences such as CC BY-SA require of a copy.
package struct Attribution: Sendable, Equatable {
    /// The original post's address: absolute http(s).
    package var url: String
    /// The licence's name as readers know it (`CC BY-SA 4.0`, `MIT`).
    package var license: String?
    /// The licence's text, absolute http(s); only with `license`.
    package var licenseURL: String?

    package init(url: String, license: String? = nil, licenseURL: String? = nil) {
        self.url = url
        self.license = license
        self.licenseURL = licenseURL
    }

    /// The host a reader recognises (`stackoverflow.com`), without a leading `www.`.
    package var host: String {
        let host = URLComponents(string: url)?.host ?? url
        return host.lowercased().hasPrefix("www.") ? String(host.dropFirst(4)) : host
    }

    /// Why `url` cannot be a `source:` address, or nil: absolute http(s) with a host, no user name or password.
    /// Unlike `base_url`, a query or a fragment is fine (`…/questions/1#answer-2`).
    package static func urlProblem(_ url: String) -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https" else { return "is not an absolute http(s) address" }
        guard let host = components.host, !host.isEmpty else { return "has no host name" }
        if components.user != nil || components.password != nil { return "contains a user name or password" }
        return nil
    }
}
