import Foundation
import NIOCore
import QandaKit
import Synchronization

/// One file of a built site, ready to send: the bytes (with the live-reload script in HTML pages), the content
/// type, an ETag (a hash of those bytes) and the time the bytes last changed.
package struct ServedFile: Sendable {
    package var body: ByteBuffer
    package var contentType: String
    package var etag: String
    package var lastModified: Date
}

/// A whole built site in memory: path (relative to the base path, `questions/x/index.html`) -> file.
package struct SiteFiles: Sendable {
    package var files: [String: ServedFile]
    /// The path part of base_url ("/" or "/kb/"): the site is served under it.
    package var basePath: String
    /// Counts successful builds, from 1.
    package var generation: Int

    /// Makes the served files from a build's output: `written` holds the files the build made, `kept` the paths
    /// it left as they were in `previous`. Files whose bytes did not change keep the previous buffer and its
    /// Last-Modified; everything else gets `now`.
    package static func make(written: [String: [UInt8]], kept: [String] = [], basePath: String, generation: Int,
                            previous: SiteFiles?, injectScript: Bool, now: Date = Date()) -> SiteFiles {
        var files: [String: ServedFile] = [:]
        files.reserveCapacity(written.count + kept.count)
        for path in kept { files[path] = previous?.files[path] }
        let stamp = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        for (path, bytes) in written {
            let contentType = ContentType.forPath(path)
            let served = injectScript && contentType.hasPrefix("text/html") ? LiveReload.inject(into: bytes) : bytes
            let etag = ETag.of(served)
            if let old = previous?.files[path], old.etag == etag, old.body.readableBytes == served.count {
                files[path] = old
            } else {
                files[path] = ServedFile(body: ByteBuffer(bytes: served), contentType: contentType, etag: etag, lastModified: stamp)
            }
        }
        return SiteFiles(files: files, basePath: basePath, generation: generation)
    }
}

/// Strong ETags from the bytes: their fingerprint (one pass) and their length.
enum ETag {
    static func of(_ bytes: [UInt8]) -> String {
        "\"" + hex(Fingerprint(bytes).value) + "-" + String(bytes.count, radix: 16) + "\""
    }

    private static func hex(_ value: UInt64) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}

/// What one build did, for the terminal.
package struct BuildReport: Sendable {
    package var succeeded: Bool
    /// Every finding, errors and warnings (a failed build keeps serving the last good site).
    package var diagnostics: [Diagnostic]
    /// Files in the site (when the build succeeded).
    package var fileCount: Int
    /// Files whose bytes differ from the previous site (all of them for the first build).
    package var changedCount: Int
    package var duration: Duration
    /// The source paths whose change started this build (relative to the site folder); empty for the first.
    package var changes: [String]
    /// The generation now served (0 while no build has succeeded).
    package var generation: Int
    /// The base path the site is served under now (nil while no build has succeeded).
    package var basePath: String?
}

/// The site as currently served, and the rebuild loop: every batch of source changes leads to a rebuild into
/// memory that reads again only the changed files and renders only the pages whose inputs changed (see
/// `OutputKeys`); a build that succeeds replaces the snapshot (the old one is released once the responses still
/// sending it are done) and tells browsers to reload; one that fails leaves the last good site in place and sends
/// its diagnostics to the browsers.
package actor SiteSnapshot {
    package nonisolated let siteFolder: String
    package nonisolated let liveReload: LiveReload
    private let options: SiteLoader.Options
    private let fixedNow: Bool
    private let injectScript: Bool
    private let report: @Sendable (BuildReport) -> Void
    private let storage = SnapshotStorage()
    private var generation = 0
    /// What the last load read, so the next one reads only the files that changed.
    private var loaded: LoadedSources?
    /// What the served files were made from, so the next build renders only what changed.
    private var keys: OutputKeys?

    /// - Parameters:
    ///   - options: loader options (`includeDrafts`...). `now` is refreshed for every build unless `fixedNow`.
    ///   - injectScript: put the live-reload script into HTML pages.
    ///   - report: called after every build, from the rebuild loop.
    package init(siteFolder: String, options: SiteLoader.Options = .init(), fixedNow: Bool = false,
                liveReload: LiveReload = LiveReload(), injectScript: Bool = true,
                report: @escaping @Sendable (BuildReport) -> Void = { _ in }) {
        self.siteFolder = siteFolder
        self.options = options
        self.fixedNow = fixedNow
        self.liveReload = liveReload
        self.injectScript = injectScript
        self.report = report
    }

    /// The site being served; nil until a build succeeds.
    package nonisolated var current: SiteFiles? { storage.value.withLock { $0 } }

    /// Whether a build has finished (successfully or not).
    package nonisolated var hasBuilt: Bool { current != nil || failure != nil }

    /// Diagnostics of the last build when it failed (what the page shown before any good build lists).
    package nonisolated var failure: [Diagnostic]? { storage.failure.withLock { $0 } }

    /// Builds the whole site into memory; swaps it in when it succeeds. Tells the browsers either way.
    /// Builds run one at a time, in the order asked for (a build suspends the actor, so without the chain a
    /// second one could start and an older result could replace a newer one).
    @discardableResult
    package func rebuild(changes: [String] = []) async -> BuildReport {
        let previous = lastBuild
        let build = Task { [self] in
            await previous?.value
            return await self.build(changes: changes)
        }
        lastBuild = Task { _ = await build.value }
        return await build.value
    }

    private var lastBuild: Task<Void, Never>?
    /// The last good build's search index, so that a rebuild reads only the threads that changed.
    private var search: SearchIndex?

    private func build(changes: [String]) async -> BuildReport {
        let started = ContinuousClock.now
        var options = self.options
        if !fixedNow { options.now = Date() }
        var report = BuildReport(succeeded: false, diagnostics: [], fileCount: 0, changedCount: 0,
                                 duration: .zero, changes: changes, generation: generation, basePath: current?.basePath)
        // The sink lives only in this scope: once converted, its arrays are released.
        do {
            let previous = current
            let served = previous?.files ?? [:]
            let sink = MemorySink(keepable: { served[$0] != nil })
            let (result, sources) = await SitePipeline(siteFolder: siteFolder, options: options, searchAvailable: true,
                                                      previousSearch: previous == nil ? nil : search)
                .build(into: sink, previous: previous == nil ? nil : keys,
                       reusing: changes.isEmpty ? nil : loaded.map { SourceReuse(sources: $0, changes: SourceChanges(changes)) })
            loaded = sources
            report.diagnostics = result.diagnostics
            if result.succeeded, let site = result.site {
                generation += 1
                let written = sink.files
                let files = SiteFiles.make(written: written, kept: sink.keptPaths, basePath: site.config.basePath,
                                           generation: generation, previous: previous, injectScript: injectScript)
                report.changedCount = written.keys.reduce(0) { count, path in
                    previous?.files[path]?.etag == files.files[path]?.etag ? count : count + 1
                }
                report.fileCount = files.files.count
                report.succeeded = true
                report.generation = generation
                report.basePath = files.basePath
                keys = result.keys
                search = result.search?.index
                storage.value.withLock { $0 = files }
                storage.failure.withLock { $0 = nil }
            } else {
                storage.failure.withLock { $0 = result.diagnostics }
            }
        }
        report.duration = ContinuousClock.now - started
        if report.succeeded {
            liveReload.buildSucceeded(generation: generation)
        } else {
            liveReload.buildFailed(report.diagnostics)
        }
        self.report(report)
        return report
    }

    /// Rebuilds after every batch of changes the watcher reports, until the watcher stops or the task is
    /// cancelled. A burst that arrives during a build waits for it and leads to one more build.
    package func follow(_ watcher: FileWatcher, onProblem: @Sendable (String) -> Void = { _ in }) async {
        for await _ in watcher.signals {
            for problem in watcher.takeProblems() { onProblem(problem) }
            let changes = watcher.takeChanges()
            if changes.isEmpty { continue }
            await rebuild(changes: changes)
        }
    }
}

/// The current snapshot behind a lock, so requests read it without waiting for the actor (which may be busy
/// with a build).
final class SnapshotStorage: Sendable {
    let value = Mutex<SiteFiles?>(nil)
    let failure = Mutex<[Diagnostic]?>(nil)
}
