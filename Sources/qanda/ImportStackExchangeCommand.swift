import ArgumentParser
import Foundation
import QandaKit

struct ImportStackExchangeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stackexchange",
        abstract: "Import a Stack Exchange data dump: a folder with Posts.xml, Users.xml, Tags.xml and PostHistory.xml.",
        discussion: """
        Questions become threads (title, tags, the first tag as category unless --category-map says otherwise, \
        score as votes, accepted answer, dates, last editor), answers become answer files, and users who answered \
        or edited become authors, their display names as screen names. Bodies are the Markdown of each post's \
        latest revision in PostHistory.xml, or its HTML converted to Markdown. Every page links to its original \
        post and names its licence (CC BY-SA 2.5, 3.0 or 4.0, by date, as Stack Exchange publishes them).
        The site's address is taken from the folder's name (cooking.stackexchange.com) unless --site-url gives it.
        Examples:
          qanda import stackexchange ~/dumps/cooking.stackexchange.com
          qanda import stackexchange ./dump --site-url https://cooking.stackexchange.com --dry-run
        """
    )

    @Argument(help: ArgumentHelp("The dump folder: the site's archive, extracted.", valueName: "folder"))
    var dump: String

    @Option(name: .customLong("site-url"), help: ArgumentHelp(
        "The address of the site the dump comes from (default: from the folder's name).", valueName: "url"))
    var siteURL: String?

    @Option(name: .customLong("category-map"), help: ArgumentHelp(
        "A YAML file of `tag: Category` lines: the first of a question's tags it names gives the category.", valueName: "file"))
    var categoryMap: String?

    @OptionGroup var options: ImportOptions

    func run() throws {
        do {
            let folder = try StackExchangeDump(folder: dump, siteURL: siteURL)
            let map = try categoryMap.map(StackExchangeCategoryMap.load) ?? [:]
            let reader = StackExchangeReader(dump: folder, options: .init(categoryMap: map))
            let progress = ImportProgressLine(terminal: .standardError)
            defer { progress.finish() }
            try ImportRun.perform(options, archive: dump) { sink in
                try reader.read(into: &sink, progress: progress.update)
            }
        } catch let error as StackExchangeDumpError {
            Terminal.standardError.line(error.description)
            throw ExitCode(1)
        }
    }
}

/// "Importing Posts.xml 41% (38 MB/s)" on a terminal, redrawn at most ten times a second; nothing otherwise.
final class ImportProgressLine {
    private let terminal: Terminal
    private var phase: StackExchangeReader.Progress.Phase?
    private var phaseStarted = ContinuousClock.now
    private var lastDraw: ContinuousClock.Instant?

    init(terminal: Terminal) {
        self.terminal = terminal
    }

    func update(_ progress: StackExchangeReader.Progress) {
        guard terminal.isInteractive else { return }
        let now = ContinuousClock.now
        if progress.phase != phase {
            phase = progress.phase
            phaseStarted = now
        } else if let lastDraw, now - lastDraw < .milliseconds(100) {
            return
        }
        lastDraw = now
        let elapsed = now - phaseStarted
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let percent = progress.bytesTotal > 0 ? Int(100 * progress.bytesDone / progress.bytesTotal) : 100
        let rate = seconds > 0 ? Int(Double(progress.bytesDone) / seconds / 1_000_000) : 0
        terminal.write("\r\u{1B}[2K\(progress.phase.rawValue) \(percent)% (\(rate) MB/s)")
    }

    func finish() {
        if terminal.isInteractive && lastDraw != nil { terminal.write("\r\u{1B}[2K") }
    }
}
