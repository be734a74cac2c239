/// What one load read, per source file: kept in the build cache (or by `qanda serve`) so that the next load
/// reads again only the files that changed, and the side table of fingerprints that output keys and the search
/// index read (the model carries none).
package struct LoadedSources: Sendable {
    /// One file's (or thread folder's) outcome.
    struct Result<Value: Sendable>: Sendable {
        var value: Value?
        var diagnostics: [Diagnostic]
        /// Of the file's bytes; for a thread, of its folder (`ThreadLoader.fingerprint`). Equal fingerprints, equal values.
        var fingerprint: Fingerprint
        init(_ value: Value?, _ diagnostics: [Diagnostic], _ fingerprint: Fingerprint) {
            self.value = value
            self.diagnostics = diagnostics
            self.fingerprint = fingerprint
        }
        var loaded: (Value?, [Diagnostic], Fingerprint) { (value, diagnostics, fingerprint) }
    }

    /// The loader options that change what a file loads to.
    struct OptionsKey: Equatable, Sendable {
        var baseURLOverride: String?
        var linksOnly: Bool
        init(_ options: SiteLoader.Options) {
            baseURLOverride = options.baseURLOverride
            linksOnly = options.linksOnly
        }
    }

    var configBytes: [UInt8]?
    /// Of qanda.yml's bytes and the base URL given on the command line: every page depends on it.
    var configFingerprint = Fingerprint()
    var options: OptionsKey?
    var authorIDs: Set<String> = []
    var authorPhotos: Set<String> = []
    /// By file name in Content/authors/.
    var authors: [String: Result<Author>] = [:]
    /// By folder name in Content/questions/.
    var threads: [String: Result<ThreadLoader.Loaded>] = [:]
    /// By file name in Content/pages/.
    var pages: [String: Result<FreePage>] = [:]

    package init() {}

    /// The side table, by source path: Content/questions/`folder`, Content/authors/`name`, Content/pages/`name`.
    func fingerprint(ofThread folder: String) -> Fingerprint { threads[folder]?.fingerprint ?? Fingerprint() }
    /// An author's id and a free page's slug are their file names without `.md`.
    /// Of the author's file and their translations' (`<id>.<tag>.md`), which every language's pages of them show.
    func fingerprint(ofAuthor author: Author) -> Fingerprint {
        var fingerprint = authors[author.id + ".md"]?.fingerprint ?? Fingerprint()
        for tag in author.translations.keys.sorted() {
            let name = author.translations[tag]!.source.file.split(separator: "/").last.map(String.init) ?? ""
            fingerprint.add(authors[name]?.fingerprint ?? Fingerprint())
        }
        return fingerprint
    }
    func fingerprint(ofPage page: FreePage) -> Fingerprint { pages[page.slug + ".md"]?.fingerprint ?? Fingerprint() }
}

/// What an earlier load read and which source files changed since: the one cache object the loader takes, from
/// the build cache on disk (`BuildCache.reusableSources`) or from memory (`qanda serve`). It answers, file by
/// file, with what was read before when that file did not change.
package struct SourceReuse: Sendable {
    package var sources: LoadedSources
    package var changes: SourceChanges

    package init(sources: LoadedSources, changes: SourceChanges) {
        self.sources = sources
        self.changes = changes
    }

    /// The earlier load of Content/authors/`name`, unless it changed.
    func author(_ name: String) -> LoadedSources.Result<Author>? {
        changes.contains("Content/authors/\(name)") ? nil : sources.authors[name]
    }

    /// The earlier load of the thread folder Content/questions/`folder`, unless anything in it changed.
    func thread(_ folder: String) -> LoadedSources.Result<ThreadLoader.Loaded>? {
        changes.touchesThread(folder) ? nil : sources.threads[folder]
    }

    /// The earlier load of Content/pages/`name`, unless it changed.
    func page(_ name: String) -> LoadedSources.Result<FreePage>? {
        changes.contains("Content/pages/\(name)") ? nil : sources.pages[name]
    }
}

/// The source paths (relative to the site folder) that changed since a load, as a file watcher reports them.
package struct SourceChanges: Sendable {
    let paths: Set<String>
    /// Thread folders named by a changed path.
    let threadFolders: Set<String>
    /// The entries of Content/questions, sorted, when whoever found the changes had just listed it (`SourceScan`):
    /// the loader then does not list it again.
    let questionEntries: [DirectoryEntry]?

    package init(_ paths: [String]) { self.init(paths, questionEntries: nil) }

    init(_ paths: [String], questionEntries: [DirectoryEntry]?) {
        self.paths = Set(paths)
        self.questionEntries = questionEntries
        threadFolders = Set(paths.compactMap { path in
            let parts = path.split(separator: "/", omittingEmptySubsequences: true)
            return parts.count >= 3 && parts[0] == "Content" && parts[1] == "questions" ? String(parts[2]) : nil
        })
    }

    /// Whether everything must be read again: a path outside the folders a load keeps per file (the watcher
    /// says "(many files)" when it lost events).
    package var touchesEverything: Bool {
        paths.contains { path in
            !(path == "qanda.yml" || path.hasPrefix("Templates/") || path == "Templates" || path.hasPrefix("Content/"))
                || ["Content", "Content/questions", "Content/authors", "Content/pages"].contains(path)
        }
    }

    func contains(_ path: String) -> Bool { paths.contains(path) }
    func touchesThread(_ folder: String) -> Bool { threadFolders.contains(folder) }
}
