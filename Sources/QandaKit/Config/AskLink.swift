/// The way to ask or answer on a site that cannot take posts itself (qanda.yml `ask:`): a form's address or a
/// `mailto:` address, shown in the header and on every question page.
public struct AskLink: Sendable, Equatable {
    public var url: String
    /// The header link's text; nil for the translation table's `ask_label` ("Ask a question").
    public var label: String?

    public init(url: String, label: String? = nil) {
        self.url = url
        self.label = label
    }

    /// Why `url` cannot be used, or nil: an absolute http(s) address or a mailto: one.
    static func problem(_ url: String) -> String? {
        let lowered = url.lowercased()
        if lowered.hasPrefix("mailto:") { return url.count > "mailto:".count ? nil : "has no address after mailto:" }
        return SiteConfigLoader.baseURLProblem(url).map { _ in "is not an absolute http(s) or mailto: address" }
    }
}
