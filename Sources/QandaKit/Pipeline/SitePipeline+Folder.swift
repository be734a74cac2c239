import Foundation

/// `qanda build`: the pipeline with the build cache, writing into an output folder. A few changed files are
/// replaced in place; many (or `atomic`) mean a new folder, swapped in at the end.
extension SitePipeline {
    /// What a folder build did, for the command to print.
    package enum FolderOutcome: Sendable {
        /// The cache says no source and no setting changed since the last build: nothing was read or written.
        case unchanged(outputPath: String)
        /// Something is wrong (the diagnostics say what); the output folder is as it was.
        case failed([Diagnostic])
        case built(FolderBuild)
    }

    /// A finished folder build.
    package struct FolderBuild: Sendable {
        package var outputPath: String
        package var result: Result
        package var statistics: DiskSink.Statistics
        /// The cache could not be written: the build succeeded, and the next one is a full one.
        package var cacheProblem: String?
    }

    /// Problems with where to write, before anything is read: the command's usage is wrong (exit status 2).
    package struct OutputFolderRefused: Error, CustomStringConvertible {
        package let description: String
    }

    /// Builds into `outputPath` (absolute or relative to the working folder). Throws `OutputFolderRefused` for an
    /// output folder that would replace sources, and other errors when the system refuses (a lock, a write).
    /// - Parameters:
    ///   - useCache: read and write the build cache (`.qanda-cache/` in the site folder).
    ///   - atomic: always write a new folder and swap it in, so that a build killed at any moment leaves the
    ///     previous or the new site, never a mix.
    package func build(toFolder outputPath: String, useCache: Bool = true, atomic: Bool = false,
                      progress: (@Sendable (BuildProgress) -> Void)? = nil) async throws -> FolderOutcome {
        if let problem = OutputLocation.problem(output: outputPath, siteFolder: siteFolder) { throw OutputFolderRefused(description: problem) }
        // One build at a time writes an output folder and its cache; held until this build ends.
        let lock = try BuildLock(outputPath: outputPath)
        defer { withExtendedLifetime(lock) {} }
        let absoluteOutput = URL(fileURLWithPath: outputPath).standardizedFileURL.path
        let settings = BuildCache.settings(options: options, search: searchAvailable, outputPath: absoluteOutput)
        var timings = PhaseTimings()
        let cache = useCache ? BuildCache.read(siteFolder: siteFolder, outputPath: absoluteOutput) : nil
        timings.mark("cache keys")
        let scan = useCache ? await SourceScan.scan(siteFolder: siteFolder, after: cache) : nil
        timings.mark("scan")
        if let cache, let scan, cache.isCurrent(settings: settings, sources: scan.total) { return .unchanged(outputPath: absoluteOutput) }

        var pipeline = self
        // The files that did not change since the last build are taken as it read them.
        var reusable: BuildCache.ReusableSources?
        if let scan, let cache { reusable = await cache.reusableSources(siteFolder: siteFolder, scan: scan) }
        timings.mark("cache sources")
        let (prepared, diagnostics, loaded) = await prepare(previous: await cache?.keys, reusing: reusable?.reuse, progress: progress)
        timings.mark("prepare")
        guard let prepared else { return .failed(diagnostics) }
        // Until this build has finished, the cache must not describe the output folder. Its new files are
        // written while the site renders; state.json, which makes them trusted, only once the output is in place.
        var cacheWrite: Task<BuildCache.Written, Error>?
        if useCache, let scan {
            BuildCache.remove(siteFolder: siteFolder)
            cacheWrite = Task { [siteFolder, keys = prepared.keys, reused = reusable] in
                try await BuildCache.write(siteFolder: siteFolder, outputPath: absoluteOutput, settings: settings, scan: scan,
                                           loaded: loaded, keys: keys, after: cache, reused: reused)
            }
        }
        // Read on the side while the site loaded.
        if searchAvailable {
            pipeline.previousSearch = await cache?.search
            pipeline.previousLanguageSearches = await cache?.languageSearches ?? [:]
        }
        let difference = prepared.keys.difference
        // In place is not atomic: killed during its last renames, it leaves those pages mixed and no cache, so
        // the next build is a full one.
        let inPlace = !atomic && difference.map { $0.changed.count <= max(200, prepared.keys.count / 10) } ?? false
        let result: Result
        let statistics: DiskSink.Statistics
        if inPlace, let difference {
            let sink = try InPlaceSink(outputPath: outputPath)
            result = await pipeline.render(prepared, into: sink, progress: progress)
            guard result.succeeded else {
                sink.abandon()
                return .failed(result.diagnostics)
            }
            // The search files of the last build that this one no longer has (their names are their hashes).
            var staleSearchFiles = result.search.map { sink.files(under: Routes.search, notIn: $0.paths) } ?? []
            for (folder, paths) in result.languageSearchFiles { staleSearchFiles += sink.files(under: folder, notIn: paths) }
            try sink.commit(removing: difference.removed + staleSearchFiles)
            statistics = sink.statistics
        } else {
            let sink = try DiskSink(outputPath: outputPath)
            result = await pipeline.render(prepared, into: sink, progress: progress)
            guard result.succeeded else {
                sink.abandon()
                return .failed(result.diagnostics)
            }
            do { try sink.commit() } catch {
                sink.abandon()
                throw error
            }
            statistics = sink.statistics
        }
        timings.mark("render")
        var cacheProblem: String?
        if let cacheWrite {
            do {
                try BuildCache.record(try await cacheWrite.value, search: result.search?.index, languageSearches: result.languageSearches)
            } catch {
                cacheProblem = "\(error)"
            }
        }
        timings.mark("cache write")
        timings.report("build")
        KeptUntilExit.keep((cache, reusable, prepared, loaded, result))
        return .built(FolderBuild(outputPath: absoluteOutput, result: result, statistics: statistics, cacheProblem: cacheProblem))
    }
}
