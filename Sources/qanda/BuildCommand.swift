import ArgumentParser
import Foundation
import QandaKit

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder.",
        discussion: """
        Reads qanda.yml, Content/ and Templates/, reports every problem it finds (file:line:column), and only \
        when there is none writes the site. The new site is written beside the output folder and swapped in \
        at the end, so a failed or interrupted build leaves the last good site in place.
        """
    )

    @Option(name: .long, help: ArgumentHelp("The site folder (holding qanda.yml).", valueName: "dir"))
    var site: String = "."

    @Option(name: .long, help: ArgumentHelp("Where to write the site (default: Site/ in the site folder).", valueName: "dir"))
    var output: String?

    @Flag(name: .long, help: "Include drafts (threads, answers and pages with draft: true).")
    var drafts = false

    @Flag(name: .long, help: "Include threads dated in the future (normally left out until their day).")
    var future = false

    @Flag(name: .customLong("no-search"), help: "Do not make the search index (the search page then says search is not available).")
    var noSearch = false

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Use this base URL instead of qanda.yml's base_url.", valueName: "url"))
    var baseURL: String?

    @Flag(name: .customLong("no-cache"), help: "Build everything, without reading or writing the build cache (.qanda-cache/ in the site folder).")
    var noCache = false

    @Flag(name: .long, help: "Always write a new folder and swap it in, even for a small edit, so that a build killed at any moment leaves the previous or the new site, never a mix (slower: seconds per 10,000 questions).")
    var atomic = false

    func run() async throws {
        let started = ContinuousClock.now
        let terminal = Terminal.standardError
        let outputPath = output ?? site + "/Site"
        if let problem = OutputLocation.problem(output: outputPath, siteFolder: site) {
            terminal.line("error: \(problem)")
            throw ExitCode(2)
        }
        // One build at a time writes an output folder and its cache; held until this build ends.
        let lock: BuildLock
        do { lock = try BuildLock(outputPath: outputPath) } catch {
            terminal.line("error: \(error)")
            throw ExitCode(1)
        }
        defer { withExtendedLifetime(lock) {} }
        let options = SiteLoader.Options(includeDrafts: drafts, includeFuture: future, baseURLOverride: baseURL)
        let absoluteOutput = URL(fileURLWithPath: outputPath).standardizedFileURL.path
        let settings = BuildCache.settings(options: options, search: !noSearch, outputPath: absoluteOutput)
        var timings = PhaseTimings()
        let cache = noCache ? nil : BuildCache.read(siteFolder: site, outputPath: absoluteOutput)
        timings.mark("cache keys")
        let scan = noCache ? nil : await SourceScan.scan(siteFolder: site, after: cache)
        timings.mark("scan")
        if let cache, let scan, cache.isCurrent(settings: settings, sources: scan.total) {
            print("Nothing changed since the last build: 0 files written in \(Self.seconds(since: started)) s -> \(absoluteOutput)")
            return
        }

        let progress = ProgressLine(terminal: terminal)
        let builder = SiteBuilder(siteFolder: site, options: options, searchAvailable: !noSearch)
        // The files that did not change since the last build are taken as it read them.
        var reusable: BuildCache.ReusableSources?
        if let scan, let cache { reusable = await cache.reusableSources(siteFolder: site, scan: scan) }
        timings.mark("cache sources")
        let previous = await cache?.keys
        let (prepared, diagnostics, loaded) = await builder.prepare(previous: previous, reusing: reusable.map { ($0.sources, $0.changes) },
                                                                    progress: progress.update)
        timings.mark("prepare")
        let formatter = DiagnosticFormatter(siteFolder: site, useColor: terminal.usesColor)
        guard let prepared else {
            progress.finish()
            terminal.write(formatter.formatByFile(diagnostics))
            terminal.line("error: build failed with \(formatter.summary(diagnostics)); the previous site (if any) is unchanged")
            throw ExitCode(1)
        }
        // Until this build has finished, the cache must not describe the output folder. Its new files are
        // written while the site renders; state.json, which makes them trusted, only once the output is in place.
        var cacheWrite: Task<BuildCache.Written, Error>?
        if !noCache, let scan {
            BuildCache.remove(siteFolder: site)
            cacheWrite = Task { [site, settings, reusable] in
                try await BuildCache.write(siteFolder: site, outputPath: absoluteOutput, settings: settings, scan: scan, loaded: loaded,
                                           keys: prepared.keys, after: cache, reused: reusable)
            }
        }
        // A few changed files are replaced in place; many (or --atomic) mean a new folder swapped in. In place is not atomic: killed during its last renames, it leaves those pages mixed
        // and no cache, so the next build is a full one.
        let difference = prepared.keys.difference
        let inPlace = !atomic && difference.map { $0.changed.count <= max(200, prepared.keys.count / 10) } ?? false
        let result: SiteBuilder.Result
        let stats: DiskSink.Statistics
        var searchNote = ""
        do {
            if inPlace, let difference {
                let sink = try InPlaceSink(outputPath: outputPath)
                result = await builder.render(prepared, into: sink, progress: progress.update)
                progress.finish()
                try finish(result, formatter: formatter, terminal: terminal, abandon: sink.abandon)
                // The search files of the last build that this one no longer has (their names are their hashes).
                let staleSearchFiles = result.search.map { sink.files(under: Routes.search, notIn: $0.paths) } ?? []
                try sink.commit(removing: difference.removed + staleSearchFiles)
                stats = sink.statistics
            } else {
                let sink = try DiskSink(outputPath: outputPath)
                result = await builder.render(prepared, into: sink, progress: progress.update)
                progress.finish()
                try finish(result, formatter: formatter, terminal: terminal, abandon: sink.abandon)
                do { try sink.commit() } catch {
                    sink.abandon()
                    throw error
                }
                stats = sink.statistics
            }
        } catch let error as ExitCode {
            throw error
        } catch {
            terminal.line("error: \(error)")
            throw ExitCode(1)
        }
        timings.mark("render")
        if let search = result.search {
            searchNote = String(format: "; search index %.1f MB, %d of %d files written",
                                Double(search.byteCount) / 1_000_000, search.filesWritten, search.paths.count)
        }
        if let cacheWrite {
            do {
                try BuildCache.record(try await cacheWrite.value)
            } catch {
                terminal.line("warning: \(error); the next build will be a full one")
            }
        }
        timings.mark("cache write")
        timings.report("build")
        KeptUntilExit.keep((cache, reusable, prepared, loaded, result))
        let built = result.site!
        let warnings = result.diagnostics.isEmpty ? "" : ", \(formatter.summary(result.diagnostics))"
        print("Built \(Plural.text(built.threads.count, "thread")): \(Plural.text(result.pagesRendered, "page")), "
              + "\(Plural.text(result.citationFiles, "citation file")), \(Plural.text(result.filesCopied, "other file")); \(stats.filesWritten) written, \(stats.filesUnchanged) unchanged"
              + " in \(Self.seconds(since: started)) s\(searchNote)\(warnings) -> \(absoluteOutput)")
    }

    /// Prints the diagnostics; when the build failed, abandons the unfinished output and exits 1.
    private func finish(_ result: SiteBuilder.Result, formatter: DiagnosticFormatter, terminal: Terminal, abandon: () -> Void) throws {
        terminal.write(formatter.formatByFile(result.diagnostics))
        guard result.succeeded else {
            abandon()
            terminal.line("error: build failed with \(formatter.summary(result.diagnostics)); the previous site (if any) is unchanged")
            throw ExitCode(1)
        }
    }

    private static func seconds(since start: ContinuousClock.Instant) -> String {
        let elapsed = (ContinuousClock.now - start).components
        return String(format: "%.2f", Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18)
    }
}
