/// What one load read, per file, kept by a long-running process (`qanda serve`) so that the next load reads
/// again only the files that changed.
public struct LoadedSources: Sendable {
    struct Result<Value: Sendable>: Sendable {
        var value: Value?
        var diagnostics: [Diagnostic]
        init(_ value: Value?, _ diagnostics: [Diagnostic]) {
            self.value = value
            self.diagnostics = diagnostics
        }
        var pair: (Value?, [Diagnostic]) { (value, diagnostics) }
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
    var options: OptionsKey?
    var authorIDs: Set<String> = []
    var authorPhotos: Set<String> = []
    /// By file name in Content/authors/.
    var authors: [String: Result<Author>] = [:]
    /// By folder name in Content/questions/.
    var threads: [String: Result<ThreadLoader.Loaded>] = [:]
    /// By file name in Content/pages/.
    var pages: [String: Result<Page>] = [:]

    public init() {}
}

/// What an earlier load read and which source files changed since: the one cache object the loader takes, from
/// the build cache on disk (`BuildCache.reusableSources`) or from memory (`qanda serve`). It answers, file by
/// file, with what was read before when that file did not change.
public struct SourceReuse: Sendable {
    public var sources: LoadedSources
    public var changes: SourceChanges

    public init(sources: LoadedSources, changes: SourceChanges) {
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
    func page(_ name: String) -> LoadedSources.Result<Page>? {
        changes.contains("Content/pages/\(name)") ? nil : sources.pages[name]
    }
}

/// The source paths (relative to the site folder) that changed since a load, as a file watcher reports them.
public struct SourceChanges: Sendable {
    let paths: Set<String>
    /// Thread folders named by a changed path.
    let threadFolders: Set<String>
    /// The entries of Content/questions, sorted, when whoever found the changes had just listed it (`SourceScan`):
    /// the loader then does not list it again.
    let questionEntries: [DirectoryEntry]?

    public init(_ paths: [String]) { self.init(paths, questionEntries: nil) }

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
    public var touchesEverything: Bool {
        paths.contains { path in
            !(path == "qanda.yml" || path.hasPrefix("Templates/") || path == "Templates" || path.hasPrefix("Content/"))
                || ["Content", "Content/questions", "Content/authors", "Content/pages"].contains(path)
        }
    }

    func contains(_ path: String) -> Bool { paths.contains(path) }
    func touchesThread(_ folder: String) -> Bool { threadFolders.contains(folder) }
}
