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

    func run() async throws {
        let started = ContinuousClock.now
        let terminal = Terminal.standardError
        let outputPath = output ?? site + "/Site"
        if let problem = OutputLocation.problem(output: outputPath, siteFolder: site) {
            terminal.line("error: \(problem)")
            throw ExitCode(2)
        }
        let options = SiteLoader.Options(includeDrafts: drafts, includeFuture: future, baseURLOverride: baseURL)
        let sink: DiskSink
        do { sink = try DiskSink(outputPath: outputPath) } catch {
            terminal.line("error: \(error)")
            throw ExitCode(1)
        }
        let indexer = noSearch ? nil : SearchIndexer.locate()
        if !noSearch && indexer == nil {
            terminal.line("warning: Pagefind is not installed, so the site has no search index; install it with `\(SearchIndexer.installHint)`")
        }
        let progress = ProgressLine(terminal: terminal)
        let result = await SiteBuilder(siteFolder: site, options: options, searchAvailable: indexer != nil)
            .build(into: sink, progress: progress.update)
        progress.finish()
        let formatter = DiagnosticFormatter(siteFolder: site, useColor: terminal.usesColor)
        for diagnostic in result.diagnostics { terminal.write(formatter.format(diagnostic)) }
        guard result.succeeded, let built = result.site else {
            sink.abandon()
            terminal.line("error: build failed with \(formatter.summary(result.diagnostics)); the previous site (if any) is unchanged")
            throw ExitCode(1)
        }
        var searchNote = ""
        if let indexer {
            do {
                let summary = try indexer.index(siteFolder: sink.stagingPath)
                searchNote = String(format: "; search index %.1f MB in %.2f s", Double(summary.bundleBytes) / 1_000_000, summary.seconds)
            } catch {
                terminal.line("warning: \(error); the site is built without a search index")
            }
        }
        do { try sink.commit() } catch {
            sink.abandon()
            terminal.line("error: \(error)")
            throw ExitCode(1)
        }
        let stats = sink.statistics
        let seconds = Double((ContinuousClock.now - started).components.attoseconds) / 1e18
            + Double((ContinuousClock.now - started).components.seconds)
        let warnings = result.diagnostics.isEmpty ? "" : ", \(formatter.summary(result.diagnostics))"
        print("Built \(Plural.text(built.threads.count, "thread")): \(Plural.text(result.pagesRendered, "page")), "
              + "\(Plural.text(result.citationFiles, "citation file")), \(Plural.text(result.filesCopied, "other file")); \(stats.filesWritten) written, \(stats.filesUnchanged) unchanged"
              + " in \(String(format: "%.2f", seconds)) s\(searchNote)\(warnings) -> \(sink.outputPath)")
    }
}
