import ArgumentParser
import Foundation
import QandaKit

struct ReviewsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reviews",
        abstract: "List every published thread with its last review and when the next is due, overdue first."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, json }

    @Option(name: .long, help: "text, csv or json.")
    var format: Format = .text

    @Option(name: .long, help: ArgumentHelp("The site folder (holding qanda.yml).", valueName: "dir"))
    var site: String = "."

    @OptionGroup var today: TodayOption


    func run() async throws {
        let day = today.day
        let (loaded, diagnostics) = await SiteLoader(siteFolder: site, options: .init(now: day.noon)).load()
        guard let loaded else {
            let formatter = DiagnosticFormatter(siteFolder: site, useColor: Terminal.standardError.usesColor)
            Terminal.standardError.write(formatter.format(diagnostics.filter { $0.severity == .error }))
            Terminal.standardError.line("error: the site has errors; `qanda check` lists them")
            throw ExitCode(1)
        }
        let report = ReviewReport(site: loaded, today: day)
        switch format {
        case .text: print(report.text, terminator: "")
        case .csv: print(report.csv, terminator: "")
        case .json: print(report.json, terminator: "")
        }
    }
}
