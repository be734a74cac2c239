import Foundation

/// What a build or check reads: the site folder to a linked `Site`, with every diagnostic found on the way.
package struct SiteLoader: Sendable {
    package struct Options: Sendable {
        package var includeDrafts = false
        /// Include threads whose `date` is after today (normally left out until their day comes).
        package var includeFuture = false
        package var baseURLOverride: String?
        /// Parse bodies for their links only, without HTML (what `qanda check` needs).
        package var linksOnly = false
        /// "Today", injected so that output and checks never depend on the clock of the test machine.
        package var now: Date = Date()
        package init(includeDrafts: Bool = false, includeFuture: Bool = false, baseURLOverride: String? = nil, now: Date = Date()) {
            self.includeDrafts = includeDrafts
            self.includeFuture = includeFuture
            self.baseURLOverride = baseURLOverride
            self.now = now
        }
    }

    package var siteFolder: String
    package var options: Options
    /// Restricts loading to one thread folder (for `qanda cite`).
    var onlyFolder: String?

    package init(siteFolder: String, options: Options = Options()) {
        self.siteFolder = siteFolder
        self.options = options
    }

    /// - Parameter progress: (threads loaded, threads in all), now and then, from any thread.
    package func load(progress: (@Sendable (Int, Int) -> Void)? = nil) async -> (Site?, [Diagnostic]) {
        let (site, diagnostics, _) = await load(progress: progress, reusing: nil)
        return (site, diagnostics)
    }

    /// Loads the site, re-reading only what `reusing.changes` names when an earlier load of the same folder is
    /// given (what `qanda serve` does after each save). Returns what to hand to the next load.
    package func load(progress: (@Sendable (Int, Int) -> Void)? = nil,
                     reusing earlier: SourceReuse?) async -> (Site?, [Diagnostic], LoadedSources) {
        let configPath = siteFolder + "/" + SiteConfigLoader.fileName
        guard let bytes = FileBytes.read(configPath) else {
            return (nil, [Diagnostic(.missingConfig, file: SiteConfigLoader.fileName,
                                     message: "no qanda.yml in \(siteFolder)",
                                     hint: "run qanda in a site folder, or pass --site DIR")], LoadedSources())
        }
        let text: SourceText
        switch SourceText.decode(bytes) {
        case .success(let decoded): text = decoded
        case .failure(.notUTF8(let line, let column)):
            return (nil, [Diagnostic(.notUTF8, file: SiteConfigLoader.fileName, line: line, column: column,
                                     message: "qanda.yml is not UTF-8 text: the byte here (shown as \u{FFFD}) is not UTF-8",
                                     hint: "save it as UTF-8 in your editor (it was probably saved as Latin-1 or Windows-1252)")], LoadedSources())
        case .failure(.empty):
            return (nil, [Diagnostic(.notUTF8, file: SiteConfigLoader.fileName, line: 1, column: 1,
                                     message: "qanda.yml is empty", hint: "it needs title, base_url and publisher")], LoadedSources())
        }
        let (loadedConfig, configDiagnostics) = SiteConfigLoader.load(text: text.text, baseURLOverride: options.baseURLOverride)
        var diagnostics = configDiagnostics
        // Content is read even when qanda.yml is wrong, so that every problem is reported in one run.
        let config = loadedConfig ?? SiteConfig(title: "", baseURL: "https://invalid.example/", publisher: "")
        let markdown = MarkdownRenderer(allowsRawHTML: config.allowsRawHTML, basePath: config.basePath, linksOnly: options.linksOnly)

        let content = siteFolder + "/Content"
        var sources = LoadedSources()
        sources.configBytes = bytes
        sources.configFingerprint = Fingerprint(bytes)
        sources.configFingerprint.add(options.baseURLOverride)
        // Everything is read again when settings that shape every file (qanda.yml, the options) changed.
        var reuse = earlier.flatMap { earlier in
            earlier.sources.configBytes == bytes && earlier.sources.options == LoadedSources.OptionsKey(options)
                && !earlier.changes.touchesEverything ? earlier : nil
        }
        sources.options = LoadedSources.OptionsKey(options)
        for name in ["questions", "authors", "pages", "assets", "static"] where DirectoryListing.kind(of: content + "/" + name) == .symlink {
            diagnostics.append(Diagnostic(.symlinkNotFollowed, .warning, file: "Content/\(name)",
                                          message: "symbolic link not followed; nothing in it is published",
                                          hint: "make Content/\(name) a real folder (Content itself may be a link)"))
        }
        let authorEntries = Self.entries(of: content + "/authors")
        let (authors, authorDiagnostics) = await loadAuthors(content + "/authors", entries: authorEntries, markdown: markdown,
                                                             reusing: reuse, into: &sources)
        let authorIDs = Set(authorEntries
            .filter { $0.kind == .file && $0.name.hasSuffix(".md") && !Slug.isHidden($0.name) && ThreadLoader.translationName($0.name) == nil }
            .map { String($0.name.dropLast(3)) })
        // Which author ids exist decides diagnostics in every thread.
        if reuse?.sources.authorIDs != authorIDs { reuse = nil }
        sources.authorIDs = authorIDs
        let (threads, threadDiagnostics) = await loadThreads(content + "/questions", authorIDs: authorIDs, markdown: markdown,
                                                             progress: progress, reusing: reuse,
                                                             into: &sources)
        let (pages, pageDiagnostics) = await loadPages(content + "/pages", markdown: markdown,
                                                       reusing: reuse, into: &sources)
        let assets = DirectoryListing.kind(of: content + "/assets") == .symlink ? (files: [String](), symlinks: [String]())
            : DirectoryListing.filesRecursively(under: content + "/assets")
        // `qanda cite` (one folder) publishes nothing: Content/static/ is not its business.
        let (rootFiles, rootFileDiagnostics) = onlyFolder == nil ? RootFileLoader.load(siteFolder: siteFolder) : ([], [])
        diagnostics += authorDiagnostics + threadDiagnostics + pageDiagnostics + rootFileDiagnostics
        diagnostics += assets.symlinks.map {
            Diagnostic(.symlinkNotFollowed, .warning, file: "Content/assets/\($0)", message: "symbolic link not followed; it is not published")
        }
        if DirectoryListing.kind(of: content + "/questions") != .folder {
            diagnostics.append(Diagnostic(.missingQuestion, .warning, file: "Content/questions/",
                                          message: "no Content/questions folder: the site has no questions",
                                          hint: "add Content/questions/<slug>/question.md"))
        }
        var linker = SiteLinker(config: config, options: options)
        var site = await linker.link(threads: threads, authors: authors, pages: pages,
                               assets: assets.files.filter { !Slug.hasHiddenSegment($0) },
                               rootPath: siteFolder)
        site.rootFiles = rootFiles
        diagnostics += linker.diagnostics
        diagnostics = diagnostics.sortedByPlace()
        guard loadedConfig != nil, !diagnostics.hasErrors else { return (nil, diagnostics, sources) }
        return (site, diagnostics, sources)
    }

    /// Just enough of the site to cite one thread: qanda.yml, the authors and that thread (drafts included).
    /// Reads one folder when the slug is a folder name, and every question only when it is not.
    package func loadThread(slug: String) async -> (QuestionThread?, Site?, [Diagnostic]) {
        let folder = siteFolder + "/Content/questions"
        if Slug.isValidSegment(slug), DirectoryListing.kind(of: folder + "/" + slug) == .folder {
            var narrowed = self
            narrowed.onlyFolder = slug
            narrowed.options.includeDrafts = true
            narrowed.options.includeFuture = true
            let (site, diagnostics) = await narrowed.load()
            if let thread = site?.threads.first(where: { $0.slug == slug }) { return (thread, site, diagnostics) }
            if site?.withdrawnThreads.contains(where: { $0.slug == slug }) == true { return (nil, site, diagnostics) }
            if diagnostics.hasErrors { return (nil, nil, diagnostics) }
        }
        var everything = self
        everything.options.includeDrafts = true
        everything.options.includeFuture = true
        let (site, diagnostics) = await everything.load()
        return (site?.threads.first { $0.slug == slug }, site, diagnostics)
    }

    private func loadAuthors(_ folder: String, entries: [DirectoryEntry], markdown: MarkdownRenderer,
                             reusing earlier: SourceReuse?,
                             into sources: inout LoadedSources) async -> ([Author], [Diagnostic]) {
        let photos = Set(entries.filter { $0.kind == .file && !$0.name.hasSuffix(".md") }.map(\.name))
        let files = entries.filter { $0.kind == .file && $0.name.hasSuffix(".md") && !Slug.isHidden($0.name) }.map(\.name)
        // Photos are checked by every author file: a change among them reads every author again.
        let reusable = earlier.flatMap { $0.sources.authorPhotos == photos ? $0 : nil }
        sources.authorPhotos = photos
        let results = await Parallel.map(files) { name in
            let file = "Content/authors/\(name)"
            if let kept = reusable?.author(name) { return kept.loaded }
            if let (id, language) = ThreadLoader.translationName(name) {
                return AuthorLoader.loadTranslation(id: id, language: language, path: folder + "/" + name, file: file, markdown: markdown)
            }
            return AuthorLoader.load(id: String(name.dropLast(3)), path: folder + "/" + name, file: file,
                                     photoFiles: photos, markdown: markdown)
        }
        sources.authors = Dictionary(uniqueKeysWithValues: zip(files, results).map { ($0, LoadedSources.Result($1.0, $1.1, $1.2)) })
        return (results.compactMap(\.0), results.flatMap(\.1) + Self.symlinkWarnings(entries, in: "Content/authors"))
    }

    private func loadThreads(_ folder: String, authorIDs: Set<String>, markdown: MarkdownRenderer,
                             progress: (@Sendable (Int, Int) -> Void)?, reusing earlier: SourceReuse?,
                             into sources: inout LoadedSources) async -> ([ThreadLoader.Loaded], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var folders: [String] = []
        let entries = onlyFolder.map { [DirectoryEntry(name: $0, kind: .folder)] } ?? earlier?.changes.questionEntries ?? Self.entries(of: folder)
        for entry in entries where !Slug.isHidden(entry.name) {
            switch entry.kind {
            case .folder: folders.append(entry.name)
            case .symlink:
                diagnostics += Self.symlinkWarnings([entry], in: "Content/questions")
            case .file:
                diagnostics.append(Diagnostic(.missingQuestion, file: "Content/questions/\(entry.name)",
                                              message: "a file directly in Content/questions/ is not a thread",
                                              hint: "put each question in its own folder: Content/questions/<slug>/question.md"))
            case .other: break
            }
        }
        let counter = ProgressCounter(total: folders.count, report: progress)
        let results = await Parallel.map(folders) { name in
            defer { counter.add(1) }
            if let kept = earlier?.thread(name) { return kept.loaded }
            let path = folder + "/" + name
            return ThreadLoader.load(folder: name, folderPath: path, entries: DirectoryListing.entries(of: path) ?? [],
                                     authorIDs: authorIDs, markdown: markdown)
        }
        sources.threads = Dictionary(uniqueKeysWithValues: zip(folders, results).map { ($0, LoadedSources.Result($1.0, $1.1, $1.2)) })
        return (results.compactMap(\.0), diagnostics + results.flatMap(\.1))
    }

    private func loadPages(_ folder: String, markdown: MarkdownRenderer, reusing earlier: SourceReuse?,
                           into sources: inout LoadedSources) async -> ([FreePage], [Diagnostic]) {
        let entries = Self.entries(of: folder)
        let files = entries.filter { $0.kind == .file && $0.name.hasSuffix(".md") && !Slug.isHidden($0.name) }.map(\.name)
        let results = await Parallel.map(files) { name in
            let file = "Content/pages/\(name)"
            if let kept = earlier?.page(name) { return kept.loaded }
            return FreePageLoader.load(slug: String(name.dropLast(3)), path: folder + "/" + name, file: file, markdown: markdown)
        }
        sources.pages = Dictionary(uniqueKeysWithValues: zip(files, results).map { ($0, LoadedSources.Result($1.0, $1.1, $1.2)) })
        return (results.compactMap(\.0), results.flatMap(\.1) + Self.symlinkWarnings(entries, in: "Content/pages"))
    }

    /// A content folder's entries; none when the folder itself is a symbolic link (reported once, in `load`).
    /// Links are never followed anywhere under Content/: one could publish any file of the machine.
    private static func entries(of folder: String) -> [DirectoryEntry] {
        DirectoryListing.kind(of: folder) == .symlink ? [] : DirectoryListing.entries(of: folder) ?? []
    }

    private static func symlinkWarnings(_ entries: [DirectoryEntry], in folder: String) -> [Diagnostic] {
        entries.filter { $0.kind == .symlink && !Slug.isHidden($0.name) }.map {
            Diagnostic(.symlinkNotFollowed, .warning, file: "\(folder)/\($0.name)", message: "symbolic link not followed; it is not published",
                       hint: "copy the file into the site instead of linking to it")
        }
    }
}
