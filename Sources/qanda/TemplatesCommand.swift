import ArgumentParser
import Foundation
import QandaKit

struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "List the built-in templates, or copy them into Templates/ to edit them.",
        subcommands: [TemplatesListCommand.self, TemplatesEjectCommand.self]
    )
}

struct TemplatesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Print the names of the built-in templates (what `qanda templates eject` takes), then i18n."
    )

    func run() throws {
        for name in TemplateEjector.names + [TemplateEjector.translationsName] { print(name) }
    }
}

struct TemplatesEjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eject",
        abstract: "Copy built-in templates into Templates/ for editing (all of them when no name is given).",
        discussion: """
        A copy in Templates/ replaces the built-in of the same name. Files already in Templates/ are never \
        overwritten; delete one to eject it again. `qanda templates list` prints the names. The name i18n \
        writes i18n/<language>.yml, the words pages show in the site's language, to change (never part of \
        ejecting everything).
        Examples:
          qanda templates eject question footer
          qanda templates eject qanda.css
          qanda templates eject i18n
        """
    )

    @Argument(help: ArgumentHelp("Templates to copy: names without .mustache, qanda.css / favicon.svg, or i18n.", valueName: "name"))
    var names: [String] = []

    @Option(name: .long, help: ArgumentHelp("The site folder (holding qanda.yml).", valueName: "dir"))
    var site: String = "."

    func run() throws {
        let outcomes: [ScaffoldOutcome]
        do {
            outcomes = try TemplateEjector.eject(names, siteFolder: site)
        } catch {
            Terminal.standardError.line("error: \(error)")
            throw ExitCode(1)
        }
        let display = ScaffoldDisplay(siteFolder: site)
        for outcome in outcomes {
            switch outcome {
            case .written(let path): print(display.path(path))
            case .skipped(let path):
                Terminal.standardError.line("skipped \(display.path(path)) (it exists, perhaps edited; delete it to eject it again)")
            }
        }
    }
}
