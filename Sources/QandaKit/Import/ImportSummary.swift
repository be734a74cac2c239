/// What an import did, as it prints it: threads, answers and authors written (or already there from an earlier
/// run), the rows it left out and why, what it changed, and the files it left alone. Lists keep their first
/// `listed` entries and count the rest, so an archive with a million bad rows prints a screenful.
package struct ImportSummary: Sendable, Equatable {
    package struct Count: Sendable, Equatable {
        package var written = 0
        /// Found with the very bytes this import would write: done by an earlier run.
        package var alreadyThere = 0
        /// Found with other bytes (edited since, or never this import's) and left as it was.
        package var keptExisting = 0

        package var imported: Int { written + alreadyThere }
    }

    package static let listed = 20

    package var threads = Count()
    package var answers = Count()
    package var authors = Count()
    /// qanda.yml, written because the site had none.
    package var configWritten = false
    package private(set) var skips: [ImportSkip] = []
    package private(set) var skipCount = 0
    package private(set) var notes: [ImportNote] = []
    package private(set) var noteCount = 0
    /// Files that exist with other bytes than this import would write: never overwritten.
    package private(set) var keptFiles: [String] = []

    package init() {}

    package mutating func add(_ skip: ImportSkip) {
        skipCount += 1
        if skips.count < Self.listed { skips.append(skip) }
    }

    package mutating func add(_ note: ImportNote) {
        noteCount += 1
        if notes.count < Self.listed { notes.append(note) }
    }

    package var keptCount: Int { threads.keptExisting + answers.keptExisting + authors.keptExisting }

    mutating func addKept(_ path: String) {
        if keptFiles.count < Self.listed { keptFiles.append(path) }
    }

    /// The printed summary, one line each. `site` is the folder as the user named it.
    package func lines(site: String, dryRun: Bool) -> [String] {
        func count(_ count: Count, _ noun: String) -> String {
            var text = Plural.text(count.imported, noun)
            if count.alreadyThere > 0 {
                text += " (\(Plural.grouped(count.written)) \(dryRun ? "new" : "written"), \(Plural.grouped(count.alreadyThere)) already there)"
            }
            return text
        }
        var lines: [String] = []
        let counts = "\(count(threads, "thread")), \(count(answers, "answer")), \(count(authors, "author"))"
        lines.append(dryRun ? "Dry run, nothing written: would import \(counts) into \(site)"
                            : "Imported \(counts) into \(site)")
        if configWritten { lines.append(dryRun ? "Would write qanda.yml (the site has none)" : "Wrote qanda.yml (the site had none): check its title, base_url and publisher") }
        func list<T>(_ title: String, _ items: [T], total: Int, _ text: (T) -> String) {
            guard total > 0 else { return }
            lines.append(title)
            lines += items.map { "  " + text($0) }
            if total > items.count { lines.append("  … and \(Plural.grouped(total - items.count)) more") }
        }
        list("\(Plural.text(skipCount, "row")) skipped:", skips, total: skipCount) { "\($0.location): \($0.reason)" }
        list("\(Plural.text(noteCount, "note")):", notes, total: noteCount) { "\($0.location): \($0.message)" }
        list("\(Plural.text(keptCount, "file")) left alone (\(keptCount == 1 ? "it exists" : "they exist") with other content; never overwritten):",
             keptFiles, total: keptCount) { $0 }
        return lines
    }
}
