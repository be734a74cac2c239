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
        let options = SiteLoader.Options(includeDrafts: drafts, includeFuture: future, baseURLOverride: baseURL)
        let pipeline = SitePipeline(siteFolder: site, options: options, searchAvailable: !noSearch)
        let progress = ProgressLine(terminal: terminal)
        let formatter = DiagnosticFormatter(siteFolder: site, useColor: terminal.usesColor)
        let outcome: SitePipeline.FolderOutcome
        do {
            outcome = try await pipeline.build(toFolder: output ?? site + "/Site", useCache: !noCache, atomic: atomic,
                                               progress: progress.update)
        } catch let refused as SitePipeline.OutputFolderRefused {
            terminal.line("error: \(refused)")
            throw ExitCode(2)
        } catch {
            progress.finish()
            terminal.line("error: \(error)")
            throw ExitCode(1)
        }
        progress.finish()
        switch outcome {
        case .unchanged(let outputPath):
            print("Nothing changed since the last build: 0 files written in \(Self.seconds(since: started)) s -> \(outputPath)")
        case .failed(let diagnostics):
            terminal.write(formatter.formatByFile(diagnostics))
            terminal.line("error: build failed with \(formatter.summary(diagnostics)); the previous site (if any) is unchanged")
            throw ExitCode(1)
        case .built(let build):
            let result = build.result
            terminal.write(formatter.formatByFile(result.diagnostics))
            if let problem = build.cacheProblem { terminal.line("warning: \(problem); the next build will be a full one") }
            var searchNote = ""
            if let search = result.search {
                searchNote = String(format: "; search index %.1f MB, %d of %d files written",
                                    Double(search.byteCount) / 1_000_000, search.filesWritten, search.paths.count)
            }
            let built = result.site!
            let warnings = result.diagnostics.isEmpty ? "" : ", \(formatter.summary(result.diagnostics))"
            print("Built \(Plural.text(built.threads.count, "thread")): \(Plural.text(result.pagesRendered, "page")), "
                  + "\(Plural.text(result.citationFiles, "citation file")), \(Plural.text(result.filesCopied, "other file")); "
                  + "\(build.statistics.filesWritten) written, \(build.statistics.filesUnchanged) unchanged"
                  + " in \(Self.seconds(since: started)) s\(searchNote)\(warnings) -> \(build.outputPath)")
        }
    }

    private static func seconds(since start: ContinuousClock.Instant) -> String {
        let elapsed = (ContinuousClock.now - start).components
        return String(format: "%.2f", Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18)
    }
}
