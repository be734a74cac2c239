/// Where the search page finds the index and the script of this build (both named by a hash of their bytes).
package struct SearchLinks: Sendable, Equatable {
    /// The index's root file, as a site link (with the base path).
    package var rootURL: String
    /// The search script, as a site link.
    package var scriptURL: String

    package init(rootURL: String, scriptURL: String) {
        self.rootURL = rootURL
        self.scriptURL = scriptURL
    }
}
