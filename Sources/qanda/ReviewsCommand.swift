import ArgumentParser
import Foundation
import QandaKit

struct ReviewsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reviews",
        abstract: "List every published thread with its last review and when the next is due, overdue first.",
        discussion: """
        --reviewer and --status narrow the list, together or alone:
          qanda reviews --reviewer scientific-advisory-board --status overdue --status due-soon
        """
    )

    /// `--status` values: the report's statuses, hyphenated.
    enum StatusName: String, ExpressibleByArgument, CaseIterable {
        case overdue, neverReviewed = "never-reviewed", dueSoon = "due-soon", fine
        var status: ReviewReport.Status { ReviewReport.Status.allCases.first { $0.optionName == rawValue }! }
    }

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, json }

    @Option(name: .long, help: "text, csv or json.")
    var format: Format = .text

    @Option(name: .long, help: ArgumentHelp("The site folder (holding qanda.yml).", valueName: "dir"))
    var site: String = "."

    @Option(name: .long, help: ArgumentHelp("Only threads whose last review is by this author id (as `reviewed.by` names it).", valueName: "author-id"))
    var reviewer: String?

    @Option(name: .long, help: ArgumentHelp("Only threads with this status: overdue, never-reviewed, due-soon or fine (repeat for several).", valueName: "status"))
    var status: [StatusName] = []

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
        if let reviewer, loaded.author(reviewer) == nil {
            let suggestion = Suggestion.closest(to: reviewer, in: loaded.authors.map(\.id))
            Terminal.standardError.line("error: --reviewer: no author '\(reviewer)' in Content/authors/"
                                        + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
                                        + "; give an author id, as `reviewed.by` names it")
            throw ExitCode(1)
        }
        let report = ReviewReport(site: loaded, today: day).filtered(reviewerID: reviewer, statuses: Set(status.map(\.status)))
        switch format {
        case .text: print(report.text, terminator: "")
        case .csv: print(report.csv, terminator: "")
        case .json: print(report.json, terminator: "")
        }
    }
}
