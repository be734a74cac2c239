import ArgumentParser
import Foundation
import QandaKit

struct CiteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cite",
        abstract: "Print the reference for a question page (or one answer) without building the site.",
        discussion: """
        The same reference the page shows and its downloads contain. Examples:
          qanda cite pursuing-an-ethical-post-therapy-relationship
          qanda cite sunday-night-dread --answer jonah-pelletier --format bibtex
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case apa, apaHTML = "apa-html", bibtex, ris, cslJSON = "csl-json"
    }

    @Argument(help: ArgumentHelp("The thread's slug (its URL segment under /questions/).", valueName: "thread-slug"))
    var slug: String

    @Option(name: .long, help: ArgumentHelp("Cite one answer: its file name without .md.", valueName: "answer-file-stem"))
    var answer: String?

    @Option(name: .long, help: "apa, apa-html, bibtex, ris or csl-json.")
    var format: Format = .apa

    @Option(name: .long, help: ArgumentHelp("The site folder (holding qanda.yml).", valueName: "dir"))
    var site: String = "."

    func run() async throws {
        let terminal = Terminal.standardError
        let loader = SiteLoader(siteFolder: site)
        let (thread, loadedSite, diagnostics) = await loader.loadThread(slug: slug)
        let formatter = DiagnosticFormatter(siteFolder: site, useColor: terminal.usesColor)
        terminal.write(formatter.format(diagnostics.filter { $0.severity == .error }))
        guard let loadedSite else {
            terminal.line("error: the site has errors; fix them to cite its pages")
            throw ExitCode(1)
        }
        if thread == nil, let withdrawn = loadedSite.withdrawnThreads.first(where: { $0.slug == slug }), let withdrawal = withdrawn.question.withdrawal {
            terminal.line("error: thread '\(slug)' was withdrawn on \(withdrawal.date.text) (\(withdrawal.reason)); a withdrawn page has no reference")
            throw ExitCode(1)
        }
        guard let thread else {
            let suggestion = Suggestion.closest(to: slug, in: loadedSite.threads.map(\.slug))
            terminal.line("error: no thread '\(slug)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
                          + "; the slug is the URL segment under /questions/")
            throw ExitCode(1)
        }
        let retrieved = loadedSite.config.citationRetrieved ? ContentDate.today(Date()) : nil
        let record: CitationRecord
        if let answer {
            if let withdrawn = thread.withdrawnAnswers.first(where: { $0.id == answer }), let withdrawal = withdrawn.withdrawal {
                terminal.line("error: answer '\(answer)' of thread '\(slug)' was withdrawn on \(withdrawal.date.text) (\(withdrawal.reason)); a withdrawn answer has no reference")
                throw ExitCode(1)
            }
            guard let found = thread.answers.first(where: { $0.id == answer }) else {
                let stems = thread.answers.map(\.id)
                terminal.line("error: thread '\(slug)' has no answer '\(answer)'; its answers are: \(stems.joined(separator: ", "))")
                throw ExitCode(1)
            }
            record = CitationRecord.answer(found, in: thread, site: loadedSite, retrieved: retrieved)
        } else {
            record = CitationRecord.page(thread, site: loadedSite, retrieved: retrieved)
        }
        switch format {
        case .apa: print(APAReference.plain(record))
        case .apaHTML: print(APAReference.html(record))
        case .bibtex: print(CitationFiles.text(of: [record], as: .bibtex), terminator: "")
        case .ris: print(CitationFiles.text(of: [record], as: .ris), terminator: "")
        case .cslJSON: print(CitationFiles.text(of: [record], as: .cslJSON), terminator: "")
        }
    }

}
