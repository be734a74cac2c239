/// The side table of source fingerprints that a load keeps by source path (`LoadedSources`), laid out by the
/// linked site's indexes: what output keys and the search index read to tell what changed. The model itself
/// carries no fingerprint.
struct SiteFingerprints: Sendable {
    /// qanda.yml and the base URL given on the command line.
    let config: Fingerprint
    /// Per thread, in the order of `site.threads`.
    let threads: [Fingerprint]
    /// By author id.
    let authors: [String: Fingerprint]
    /// Per free page, in the order of `site.pages`.
    let pages: [Fingerprint]
    /// Per withdrawn thread, in the order of `site.withdrawnThreads`.
    let withdrawnThreads: [Fingerprint]

    init(site: Site, sources: LoadedSources) {
        config = sources.configFingerprint
        threads = site.threads.map { sources.fingerprint(ofThread: $0.folder) }
        authors = Dictionary(site.authors.map { ($0.id, sources.fingerprint(ofAuthor: $0)) }, uniquingKeysWith: { a, _ in a })
        pages = site.pages.map { sources.fingerprint(ofPage: $0) }
        withdrawnThreads = site.withdrawnThreads.map { sources.fingerprint(ofThread: $0.folder) }
    }
}
