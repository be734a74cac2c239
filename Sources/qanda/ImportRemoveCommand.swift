import ArgumentParser
import QandaKit

/// `qanda import remove --site DIR`: takes out what imports wrote, by their journals.
struct ImportRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove what qanda import wrote into a site: exactly the files its journal lists, unless edited since.",
        discussion: """
        Reads .qanda-import/*.journal in the site folder, deletes each file listed there whose bytes are still \
        those the import wrote, then the folders it made once they are empty, then the journal. A file edited \
        since the import is kept and listed (its journal line stays, so that remove can run again later), and so \
        is what the posts left need: their thread's question.md, their authors, and qanda.yml while Content/ holds \
        anything.
        """
    )

    @Option(name: .long, help: ArgumentHelp("The site folder the import wrote into.", valueName: "dir"))
    var site: String

    @Option(name: .long, help: ArgumentHelp("Remove only this import (a file name in .qanda-import/, such as csv-posts-csv.journal); repeat for several. Default: every import.", valueName: "name"))
    var journal: [String] = []

    func run() throws {
        let outcome: ImportRemoval.Outcome
        do {
            outcome = try ImportRemoval.remove(site: site, journals: journal)
        } catch {
            Terminal.standardError.line("error: \(error)")
            throw ExitCode(1)
        }
        print("Removed \(Plural.text(outcome.removedFiles, "file")) and \(Plural.text(outcome.removedFolders, "folder")) "
              + "of \(outcome.journals.joined(separator: ", ")) from \(site)"
              + (outcome.missingCount > 0 ? " (\(Plural.grouped(outcome.missingCount)) listed \(outcome.missingCount == 1 ? "was" : "were") already gone)" : ""))
        func list(_ title: String, _ paths: [String], total: Int) {
            guard total > 0 else { return }
            print(title)
            for path in paths { print("  \(path)") }
            if total > paths.count { print("  … and \(Plural.grouped(total - paths.count)) more") }
        }
        list("Kept \(Plural.text(outcome.keptCount, "file")) edited since the import (still listed in the journal):", outcome.keptFiles, total: outcome.keptCount)
        list("Kept \(Plural.text(outcome.neededCount, "unchanged file")) that remaining posts need (their question, their author, qanda.yml):",
             outcome.neededFiles, total: outcome.neededCount)
    }
}
