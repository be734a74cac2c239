import ArgumentParser
import Foundation
import QandaKit

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the site without writing it: every problem a build would hit, and editorial warnings.",
        discussion: "Exit status: 0 when there is no error (warnings allowed), 1 when there are errors."
    )

    @Option(name: .long, help: ArgumentHelp("The site folder (holding qanda.yml).", valueName: "dir"))
    var site: String = "."

    func run() async throws {
        let terminal = Terminal.standardError
        async let templates = TemplateSet.load(siteFolder: site)
        let (loaded, loadDiagnostics) = await SiteLoader(siteFolder: site).load()
        var diagnostics = loadDiagnostics + (await templates).1
        if let loaded { diagnostics += CitationChecks.diagnostics(for: loaded) }
        diagnostics.sort()
        let formatter = DiagnosticFormatter(siteFolder: site, useColor: terminal.usesColor)
        for diagnostic in diagnostics { terminal.write(formatter.format(diagnostic)) }
        terminal.line(diagnostics.isEmpty ? "no problems found" : formatter.summary(diagnostics))
        if diagnostics.hasErrors { throw ExitCode(1) }
    }
}
