import Foundation

/// What each output file is made from, as one fingerprint per file path: a file whose key equals the previous
/// build's has the same bytes, so it is neither rendered nor written again.
///
/// Keys are conservative. Everything every page shows (qanda.yml, the templates, the navigation with its counts)
/// and everything that decides which thread appears where (the threads and their order, categories, tags, who
/// answered and reviewed what) goes into one `site` fingerprint that is part of every key: adding a thread or an
/// answer, or changing a date, renders everything again. An edit to what a thread, an answer, an author or a page
/// says renders only the files that show it: what each kind of page shows beyond the `site` fingerprint is named
/// in PageJob+Dependencies.swift.
package struct OutputKeys: Sendable {
    /// Every output file, in the order the outline makes them (each page, a question's citation files before its
    /// first page, then the other files), and its key at the same position.
    let paths: Paths
    let keys: [Fingerprint]
    /// Of the paths in their order: when a build's equals the last build's, both make the same files in the same
    /// order, and their keys are compared position by position without looking up a single path.
    let pathsFingerprint: Fingerprint
    /// What every key includes, and the part of it that says which thread appears where.
    let structure: Fingerprint
    /// Per thread: the threads its page shows (related questions, newer and older), which depend only on the
    /// structure; kept for the next build, which reuses them when the structure is the same.
    let shownByThread: [[Int]]
    /// The checksum of the verified cache file (`outline.bin`) these keys' paths were read from: the next cache
    /// write keeps that file while they stay the same. Nil for keys a build made.
    let outlineChecksum: UInt64?
    /// How this build's files differ from those of the `previous` keys given to init; nil without them.
    package internal(set) var difference: Difference?

    /// The file paths: made by this build, or recorded by the last one and read only if asked, since a build
    /// needs the last one's paths only when its own differ.
    enum Paths: Sendable {
        case made([String])
        case recorded(@Sendable () -> [String]?)

        var list: [String]? {
            switch self {
            case .made(let paths): paths
            case .recorded(let read): read()
            }
        }
    }

    /// How many files the build makes.
    package var count: Int { keys.count }

    /// - Parameter structure: `structure(of: site)`.
    /// - Parameter fingerprints: what each source file holds (`LoadedSources`).
    init(site: Site, fingerprints: SiteFingerprints, structure: Fingerprint, builder: ContextBuilder, outline: SiteOutline,
         templates: TemplateSet, localization: Localization, searchAvailable: Bool, previous: OutputKeys? = nil) async {
        self.structure = structure
        outlineChecksum = nil
        var global = Fingerprint()
        global.add(fingerprints.config)
        global.add(templates.fingerprint)
        // Every page and feed shows translated strings: an edit of i18n/<language>.yml renders them all again.
        global.add(localization.fingerprint)
        global.add(searchAvailable)
        global.add(builder.retrieved?.text)
        global.add(structure)
        let itemKeys = await Parallel.map(builder.questionItems, Self.key)
        if let previous, previous.structure == structure, previous.shownByThread.count == site.threads.count {
            shownByThread = previous.shownByThread
        } else {
            shownByThread = await Parallel.map(Array(site.threads.indices)) { index in
                let (newer, older) = builder.neighbours(of: index)
                return builder.related(to: index) + [newer, older].compactMap { $0 }
            }
        }
        let inputs = PageJob.KeyInputs(site: site, itemKeys: itemKeys, fingerprints: fingerprints, shownByThread: shownByThread)
        let base = global
        // Each page's key, on all cores, with a fingerprint of its paths.
        let pageKeys = await Parallel.map(Array(outline.pages.indices)) { position -> (files: [(String, Fingerprint)], paths: Fingerprint) in
            let job = outline.pages[position]
            var key = base
            job.addDependencies(to: &key, from: inputs)
            var citationFiles: ArraySlice<String> = []
            if case .question(let index, page: 1) = job { citationFiles = outline.citationFiles(ofThread: index) }
            let route = outline.pageRoutes[position]
            key.add(route)
            let files = (citationFiles + [Routes.file(for: route)]).map { ($0, key) }
            var paths = Fingerprint()
            for (path, _) in files { paths.add(path) }
            return (files, paths)
        }
        var others = outline.staticFiles.map { name -> (String, Fingerprint) in
            var key = templates.fingerprint
            key.add(name)
            return (name, key)
        }
        others += outline.copies.map { ($0.target, Self.fileKey($0.source)) }
        others += Self.machineFileKeys(site: site, outline: outline, global: global, fingerprints: fingerprints)
        var paths: [String] = [], keys: [Fingerprint] = [], pathsFingerprint = Fingerprint()
        paths.reserveCapacity(outline.pathsInAnyOrder.count)
        keys.reserveCapacity(outline.pathsInAnyOrder.count)
        for page in pageKeys {
            pathsFingerprint.add(page.paths)
            for (path, key) in page.files {
                paths.append(path)
                keys.append(key)
            }
        }
        for (path, key) in others {
            pathsFingerprint.add(path)
            paths.append(path)
            keys.append(key)
        }
        // The manifest lists every path: those above, its own and the files of Content/static/ (among the copies).
        var manifest = global
        manifest.add(pathsFingerprint)
        pathsFingerprint.add(SiteOutline.manifestPath)
        paths.append(SiteOutline.manifestPath)
        keys.append(manifest)
        (self.paths, self.keys, self.pathsFingerprint) = (.made(paths), keys, pathsFingerprint)
        if let previous { difference = Self.difference(paths: paths, keys: keys, pathsFingerprint: pathsFingerprint, previous: previous) }
    }

    /// The keys of a site in several languages: the default language's files, then each other language's under
    /// its folder (`es/…`), compared with `previous` as one list, so that an edit renders what it changed in
    /// every language and an in-place build removes what any language no longer has. Each part's `difference`
    /// is set to its share, with its own paths.
    static func combining(_ root: OutputKeys, parts: inout [(tag: String, keys: OutputKeys)], previous: OutputKeys?) -> OutputKeys {
        var paths = root.paths.list ?? [], keys = root.keys, pathsFingerprint = root.pathsFingerprint
        for part in parts {
            let prefix = part.tag + "/"
            pathsFingerprint.add(prefix)
            pathsFingerprint.add(part.keys.pathsFingerprint)
            paths += (part.keys.paths.list ?? []).map { prefix + $0 }
            keys += part.keys.keys
        }
        var combined = OutputKeys(paths: .made(paths), keys: keys, pathsFingerprint: pathsFingerprint, structure: root.structure,
                                  shownByThread: root.shownByThread, outlineChecksum: nil)
        guard let previous, let difference = difference(paths: paths, keys: keys, pathsFingerprint: pathsFingerprint, previous: previous) else {
            return combined
        }
        combined.difference = difference
        for index in parts.indices {
            let prefix = parts[index].tag + "/"
            parts[index].keys.difference = Difference(
                changed: Set(difference.changed.lazy.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }), removed: [])
        }
        return combined
    }

    /// The files to render and to remove; nil when the previous build's paths cannot be read (render everything).
    private static func difference(paths: [String], keys: [Fingerprint], pathsFingerprint: Fingerprint,
                                   previous: OutputKeys) -> Difference? {
        if previous.pathsFingerprint == pathsFingerprint, previous.keys.count == keys.count {
            // The same files in the same order: what changed is where the keys differ, and nothing was removed.
            return Difference(changed: Set(keys.indices.lazy.filter { keys[$0] != previous.keys[$0] }.map { paths[$0] }), removed: [])
        }
        guard let previousPaths = previous.paths.list, previousPaths.count == previous.keys.count else { return nil }
        let previousKeys = Dictionary(zip(previousPaths, previous.keys), uniquingKeysWith: { a, _ in a })
        let made = Set(paths)
        return Difference(changed: Set(paths.indices.lazy.filter { previousKeys[paths[$0]] != keys[$0] }.map { paths[$0] }),
                          removed: previousPaths.filter { !made.contains($0) }.sorted())
    }

    /// Feeds show their newest threads with their authors; sitemaps the dates pages changed. In the outline's
    /// order; the manifest, which lists every path, comes after them (init).
    private static func machineFileKeys(site: Site, outline: SiteOutline, global: Fingerprint,
                                        fingerprints: SiteFingerprints) -> [(String, Fingerprint)] {
        func feedKey(_ threadIndexes: some Sequence<Int>, _ route: String) -> Fingerprint {
            var key = global
            key.add(route)
            for index in threadIndexes.prefix(AtomFeed.entryLimit) {
                key.add(fingerprints.threads[index])
                for answer in site.threads[index].answers { key.add(fingerprints.authors[answer.authorID] ?? Fingerprint()) }
            }
            return key
        }
        let categoryFeeds = Dictionary(site.categories.map { (Routes.categoryFeed($0.slug), $0) }, uniquingKeysWith: { a, _ in a })
        var sitemap = global
        for thread in site.threads { sitemap.add(thread.question.updated?.text) }
        for page in site.pages {
            sitemap.add(page.date?.text)
            sitemap.add(page.updated?.text)
        }
        return outline.machineFiles.map { path -> (String, Fingerprint) in
            if path == Routes.feed { return (path, feedKey(site.threads.indices, path)) }
            if let category = categoryFeeds[path] { return (path, feedKey(category.threadIndexes.sorted(), path)) }
            return (path, path == Routes.robots ? global : sitemap)  // sitemap.xml and its parts
        }
    }

    /// Keys read back from the build cache.
    init(paths: Paths, keys: [Fingerprint], pathsFingerprint: Fingerprint, structure: Fingerprint, shownByThread: [[Int]],
         outlineChecksum: UInt64?) {
        (self.paths, self.keys, self.pathsFingerprint) = (paths, keys, pathsFingerprint)
        (self.structure, self.shownByThread, self.outlineChecksum) = (structure, shownByThread, outlineChecksum)
    }

    /// How this build's files differ from those of the build that made `previous`.
    package struct Difference: Sendable {
        /// Files that are new or made from something else: the ones to render.
        package let changed: Set<String>
        /// Files of `previous` this build no longer makes, sorted.
        package let removed: [String]
    }

    /// Which threads exist and where each one appears: what moves items between pages, changes counts or the
    /// navigation. Made fresh each build; O(size of the site).
    static func structure(of site: Site) async -> Fingerprint {
        var key = Fingerprint()
        // Each thread's part on its own, on all cores, then added in order.
        for part in await Parallel.map(site.threads, threadStructure) { key.add(part) }
        for taxonomy in site.categories + [Taxonomy(name: "", slug: "", threadIndexes: [])] + site.tags {
            key.add(taxonomy.name)
            key.add(taxonomy.slug)
            for index in taxonomy.threadIndexes { key.add(index) }
            key.add(taxonomy.threadIndexes.count)
        }
        for author in site.authors { key.add(author.id) }
        key.add(site.authors.count)
        for page in site.pages {
            key.add(page.slug)
            key.add(page.title)
        }
        key.add(site.pages.count)
        for page in site.rootPages {
            key.add(page.slug)
            key.add(page.title)
        }
        key.add(site.rootPages.count)
        for asset in site.assets { key.add(asset) }
        // Withdrawn threads keep their URLs (a notice, their aliases), listed in the manifest.
        for thread in site.withdrawnThreads {
            key.add(thread.slug)
            key.add(thread.question.category)
            for alias in thread.question.aliases { key.add(alias) }
            key.add(thread.question.aliases.count)
        }
        key.add(site.withdrawnThreads.count)
        return key
    }

    /// What of one thread decides where it appears (see `structure(of:)`).
    private static func threadStructure(_ thread: QuestionThread) -> Fingerprint {
        var key = Fingerprint()
        key.add(thread.slug)
        key.add(thread.question.date.text)
        key.add(thread.question.category)
        for tag in thread.question.tags { key.add(tag) }
        key.add(thread.question.tags.count)
        for alias in thread.question.aliases { key.add(alias) }
        key.add(thread.question.aliases.count)
        key.add(thread.question.review?.reviewerID)
        key.add(thread.question.review?.date.text)
        for position in thread.answers.indices {
            key.add(thread.answers[position].id)
            key.add(thread.answers[position].authorID)
            key.add(thread.answers[position].date.text)
        }
        key.add(thread.answers.count)
        for answer in thread.withdrawnAnswers { key.add(answer.id) }
        key.add(thread.withdrawnAnswers.count)
        for attachment in thread.attachments { key.add(attachment) }
        key.add(thread.attachments.count)
        return key
    }

    /// A question as lists show it.
    static func key(_ item: QuestionItem) -> Fingerprint {
        var key = Fingerprint()
        key.add(item.title)
        key.add(item.url)
        key.add(item.summary)
        key.add(item.date.text)
        key.add(item.categoryName)
        key.add(item.categoryURL)
        key.add(item.answerCount)
        key.add(item.hasAccepted)
        key.add(item.votes.map { String($0) })
        return key
    }

    /// A file copied as it is: its path, size, times and inode, as the source scan sees them.
    static func fileKey(_ path: String) -> Fingerprint { SourceScan.entryKey(path, name: path) }
}

extension OutputKeys {
    /// The checksum of the cache's `outline.bin` when these keys were read from it and `next` would write the same.
    func keptOutline(for next: OutputKeys) -> UInt64? {
        guard let outlineChecksum, pathsFingerprint == next.pathsFingerprint, structure == next.structure,
              shownByThread == next.shownByThread else { return nil }
        return outlineChecksum
    }
}
