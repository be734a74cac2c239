import ArgumentParser
import Foundation
import QandaCorpus

/// `qanda-corpus`: writes a synthetic site for tests and benchmarks.
@main
struct QandaCorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qanda-corpus",
        abstract: "Write a synthetic question-and-answer site, for tests and benchmarks.",
        discussion: """
        The same arguments give the same bytes on every run and machine. The site has threads with zero to many \
        answers, clinicians, community members, reviewers and organizations, categories, tags, aliases, \
        attachments, drafts, short and long bodies, and text in several languages and scripts. `qanda build` \
        builds it, and `qanda check --today <as-of>` finds no errors (only warnings) in it.
        With --format stackexchange and --posts it writes a Stack Exchange data dump instead (Posts.xml, Users.xml, \
        Tags.xml, PostHistory.xml), for `qanda import stackexchange`.
        """
    )

    @Option(name: .long, help: ArgumentHelp("Number of question threads.", valueName: "n"))
    var questions: Int?

    @Option(name: .long, help: ArgumentHelp("Number of posts of a Stack Exchange dump (with --format stackexchange).", valueName: "n"))
    var posts: Int?

    @Option(name: .long, help: ArgumentHelp("Seed of the random choices.", valueName: "n"))
    var seed: UInt64 = 1

    @Option(name: .long, help: ArgumentHelp("Where to write the site (a new or empty folder, or a corpus with --force).", valueName: "dir"))
    var out: String

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The corpus's today: no date is later and reviews are recent relative to it.", valueName: "yyyy-mm-dd"))
    var asOf: String = CorpusGenerator.Options.defaultAsOf.iso

    @Option(name: .long, help: ArgumentHelp("qanda (the content format), hugo (the same site for Hugo, as `make bench` compares) or stackexchange (a data dump of --posts posts).", valueName: "format"))
    var format: String = CorpusGenerator.Format.qanda.rawValue

    @Flag(name: .customLong("overdue-reviews"), help: "Give some older threads reviews more than two years old (review-overdue errors in qanda check).")
    var overdueReviews = false

    @Flag(name: .long, help: "Replace --out if it already holds a corpus.")
    var force = false

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        if format == "stackexchange" {
            guard let posts else { throw ValidationError("--format stackexchange needs --posts <n>") }
            guard posts >= 1 else { throw ValidationError("--posts must be 1 or more, not \(posts)") }
            guard questions == nil else { throw ValidationError("--questions is for sites; a Stack Exchange dump counts --posts") }
            return
        }
        guard let questions else { throw ValidationError("give --questions <n> (or --format stackexchange --posts <n>)") }
        guard posts == nil else { throw ValidationError("--posts is for --format stackexchange") }
        guard questions >= 0 else { throw ValidationError("--questions must be 0 or more, not \(questions)") }
        guard CorpusDay(iso: asOf) != nil else { throw ValidationError("--as-of must be a calendar day written YYYY-MM-DD, not '\(asOf)'") }
        guard CorpusGenerator.Format(rawValue: format) != nil else {
            throw ValidationError("--format must be qanda, hugo or stackexchange, not '\(format)'")
        }
    }

    func run() throws {
        if format == "stackexchange" { return try writeDump(posts: posts!) }
        let questions = questions!
        let options = CorpusGenerator.Options(questions: questions, seed: seed, asOf: CorpusDay(iso: asOf)!,
                                              format: CorpusGenerator.Format(rawValue: format)!, overdueReviews: overdueReviews)
        let started = Date()
        let interactive = !quiet && isatty(2) != 0
        do {
            let summary = try CorpusGenerator(options: options).write(to: out, force: force) { done in
                if interactive { FileHandle.standardError.write(Data("\r\(done) of \(questions) threads".utf8)) }
            }
            if interactive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            if !quiet {
                let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
                print("Wrote \(summary.threads) threads (\(summary.answers) answers, \(summary.drafts) drafts), \(summary.authors) authors: "
                      + "\(summary.files) files, \(summary.bytes / 1024) KiB in \(out) in \(seconds) s (seed \(seed), as of \(asOf), \(format))")
            }
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }

    /// A Stack Exchange dump into a new or empty folder (or one made before, with --force), through a staging folder.
    private func writeDump(posts: Int) throws {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: out).standardizedFileURL.path
        let entries = (try? manager.contentsOfDirectory(atPath: target)) ?? []
        if !entries.isEmpty {
            guard Set(entries).isSuperset(of: ["Posts.xml", "Users.xml", "Tags.xml"]) else {
                FileHandle.standardError.write(Data("error: \(out) is not empty and holds no dump made by qanda-corpus; choose another --out (nothing was written)\n".utf8))
                throw ExitCode(1)
            }
            guard force else {
                FileHandle.standardError.write(Data("error: \(out) already holds a dump; pass --force to replace it (nothing was written)\n".utf8))
                throw ExitCode(1)
            }
        }
        let started = Date()
        let staging = (target as NSString).deletingLastPathComponent + "/." + (target as NSString).lastPathComponent + ".qanda-corpus-\(getpid())"
        try? manager.removeItem(atPath: staging)
        try manager.createDirectory(atPath: staging, withIntermediateDirectories: true)
        let interactive = !quiet && isatty(2) != 0
        let summary: StackExchangeDumpWriter.Summary
        do {
            summary = try StackExchangeDumpWriter(posts: posts, seed: seed).write(into: staging) { done in
                if interactive { FileHandle.standardError.write(Data("\r\(done) of \(posts) posts".utf8)) }
            }
            if manager.fileExists(atPath: target) { try manager.removeItem(atPath: target) }
            try manager.moveItem(atPath: staging, toPath: target)
        } catch {
            try? manager.removeItem(atPath: staging)
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        }
        if interactive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        if !quiet {
            let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
            print("Wrote a Stack Exchange dump of \(summary.posts) posts (\(summary.questions) questions, \(summary.answers) answers, "
                  + "\(summary.otherPosts) others), \(summary.revisions) revisions, \(summary.users) users, \(summary.tags) tags: "
                  + "\(summary.bytes / 1_048_576) MiB in \(out) in \(seconds) s (seed \(seed))")
        }
    }
}
