import ArgumentParser
import Foundation
import QandaKit

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the site without writing it: the CI gate for citations and reviews.",
        discussion: """
        Finds every problem a build would hit, plus the editorial ones: reviews overdue or missing, links to \
        pages that do not exist, derived citation titles, URLs that would disappear (--against).
        Notes (things to confirm, such as a derived citation title) are shown with --verbose and never fail.
        Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 usage or I/O problems.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, github }

    @Option(name: .long, help: ArgumentHelp("The site folder (holding qanda.yml).", valueName: "dir"))
    var site: String = "."

    @Option(name: .long, help: "text (for people), json (a stable schema, see the README) or github (workflow commands).")
    var format: Format = .text

    @Flag(name: .long, help: "Fail (exit 1) on warnings too (never on notes).")
    var strict = false

    @Flag(name: .long, help: "Show notes too: things to confirm rather than fix, such as a citation title Qanda derived.")
    var verbose = false

    @OptionGroup var today: TodayOption

    @Option(name: .long, help: ArgumentHelp("A previous output folder or its manifest.json: fail when a URL published there would disappear.", valueName: "path"))
    var against: String?

    @Flag(name: .customLong("no-cache"), help: "Read every file, not only those changed since the last build (its cache, .qanda-cache/, is never written by check).")
    var noCache = false

    func run() async throws {
        let output = Terminal.standardOutput
        guard DirectoryListing.isFolder(site) else {
            Terminal.standardError.line("error: \(site) is not a folder; pass the site folder with --site")
            throw ExitCode(2)
        }
        var previous: (manifest: SiteManifest, source: String)?
        if let against {
            do { previous = (try SiteManifest.read(against), against) } catch {
                Terminal.standardError.line("error: \(error)")
                throw ExitCode(2)
            }
        }
        let day = today.day
        let progress = ProgressLine(terminal: Terminal.standardError)
        let found = await SitePipeline(siteFolder: site)
            .check(today: day, previous: previous, usesBuildCache: !noCache, progress: progress.update)
        let diagnostics = verbose ? found : found.withoutNotes
        progress.finish()
        switch format {
        case .text:
            let formatter = DiagnosticFormatter(siteFolder: site, useColor: output.usesColor)
            output.write(formatter.formatByFile(diagnostics))
            var summary = diagnostics.isEmpty ? "no problems found" : formatter.summary(diagnostics)
            let hiddenNotes = found.noteCount - diagnostics.noteCount
            if hiddenNotes > 0 { summary += " (\(Plural.text(hiddenNotes, "note")) to confirm: --verbose shows them)" }
            output.line(summary)
        case .json: output.write(DiagnosticReport.json(diagnostics))
        case .github:
            let site = DiagnosticReport.siteInRepository(siteFolder: site, workspace: ProcessInfo.processInfo.environment["GITHUB_WORKSPACE"])
            output.write(DiagnosticReport.github(diagnostics, siteInRepository: site, notInSite: Set(previous.map { [$0.source] } ?? [])))
        }
        if diagnostics.hasErrors || (strict && diagnostics.hasProblems) { throw ExitCode(1) }
    }
}
