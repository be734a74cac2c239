/// Where the search page finds the index and the script of this build (both named by a hash of their bytes).
public struct SearchLinks: Sendable, Equatable {
    /// The index's root file, as a site link (with the base path).
    public var rootURL: String
    /// The search script, as a site link.
    public var scriptURL: String

    public init(rootURL: String, scriptURL: String) {
        self.rootURL = rootURL
        self.scriptURL = scriptURL
    }
}
