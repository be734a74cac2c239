import Foundation
import Testing
@testable import QandaKit

/// A rebuild that reads only changed files and renders only pages whose inputs changed must give, file by file,
/// the bytes a clean build gives: after every kind of edit an editor makes.
@Suite struct IncrementalBuildTests {
    /// The site in memory after an incremental build and after a clean one, and what the incremental one did.
    struct Comparison {
        var incremental: [String: [UInt8]]
        var clean: [String: [UInt8]]
        var written: Set<String>
        var diagnostics: [Diagnostic]
    }

    /// Holds the last build, as `qanda serve` does, and rebuilds after each edit.
    final class Session {
        let site: String
        var files: [String: [UInt8]] = [:]
        var keys: OutputKeys?
        var sources: LoadedSources?
        let builder: SitePipeline

        init(site: String) async {
            self.site = site
            builder = SitePipeline(siteFolder: site, options: SiteLoader.Options(now: Fixtures.now))
            let sink = MemorySink()
            let (result, sources) = await builder.build(into: sink, previous: nil, reusing: nil)
            #expect(result.succeeded, "\(result.diagnostics)")
            files = sink.files
            keys = result.keys
            self.sources = sources
        }

        /// Rebuilds after `changes` (paths relative to the site, as the watcher reports them) and builds the same
        /// site again from nothing.
        func rebuild(after changes: [String]) async -> Comparison {
            let held = files
            let sink = MemorySink(keepable: { held[$0] != nil })
            let (result, sources) = await builder.build(into: sink, previous: keys, reusing: SourceReuse(sources: self.sources!, changes: SourceChanges(changes)))
            self.sources = sources
            var incremental = sink.files
            if result.succeeded {
                for path in sink.keptPaths { incremental[path] = files[path] }
                files = incremental
                keys = result.keys
            }
            let cleanSink = MemorySink()
            _ = await builder.build(into: cleanSink)
            return Comparison(incremental: incremental, clean: cleanSink.files, written: Set(sink.files.keys),
                              diagnostics: result.diagnostics)
        }
    }

    static func expectSame(_ comparison: Comparison, _ edit: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(comparison.incremental.keys.sorted() == comparison.clean.keys.sorted(), "files differ after: \(edit)",
                sourceLocation: sourceLocation)
        for (path, bytes) in comparison.clean where comparison.incremental[path] != bytes {
            Issue.record("\(path) differs from a clean build after: \(edit)", sourceLocation: sourceLocation)
        }
    }

    /// Pages of questions other than `slugs` that the rebuild wrote.
    static func otherQuestionPages(_ comparison: Comparison, except slugs: [String]) -> [String] {
        comparison.written.filter { path in
            path.hasPrefix("questions/") && path.hasSuffix("/index.html") && !slugs.contains { path.hasPrefix("questions/\($0)/") }
                && path.split(separator: "/").count == 3
        }.sorted()
    }

    @Test func everyKindOfEditGivesTheBytesOfACleanBuild() async throws {
        let folder = TemporaryFolder()
        let site = SyntheticSite.write(into: folder, threads: 24)
        let session = await Session(site: site)
        #expect(session.files.count > 100)

        // An answer's text: only its thread, and the author pages listing it, are rendered again.
        folder.write(SyntheticSite.answer(author: "author-2", date: "2021-01-08", body: "A new sentence about sleep."),
                     to: "site/Content/questions/thread-07/answer-a.md")
        var result = await session.rebuild(after: ["Content/questions/thread-07/answer-a.md"])
        Self.expectSame(result, "editing an answer")
        #expect(Self.otherQuestionPages(result, except: ["thread-07"]).isEmpty)
        #expect(String(decoding: result.incremental["questions/thread-07/index.html"]!, as: UTF8.self).contains("A new sentence about sleep."))
        #expect(result.written.count < 20, "wrote \(result.written.sorted())")

        let edits: [(String, [String], () -> Void)] = [
            ("retitling a question", ["Content/questions/thread-03/question.md"], {
                folder.write(SyntheticSite.question(title: "A retitled question", date: "2020-03-03", category: "Sleep", tags: ["rest"]),
                             to: "site/Content/questions/thread-03/question.md")
            }),
            ("changing an author's credentials", ["Content/authors/author-2.md"], {
                folder.write(SyntheticSite.author(name: "Author Two", credentials: "PsyD"), to: "site/Content/authors/author-2.md")
            }),
            ("adding an answer", ["Content/questions/thread-05/answer-new.md"], {
                folder.write(SyntheticSite.answer(author: "author-3", date: "2022-02-02", body: "Another view."),
                             to: "site/Content/questions/thread-05/answer-new.md")
            }),
            ("adding a thread", ["Content/questions/thread-new"], {
                folder.write(SyntheticSite.question(title: "A brand new question", date: "2023-01-01", category: "Anxiety", tags: ["new"]),
                             to: "site/Content/questions/thread-new/question.md")
            }),
            ("renaming a thread folder", ["Content/questions/thread-10", "Content/questions/thread-ten"], {
                try! FileManager.default.moveItem(atPath: site + "/Content/questions/thread-10", toPath: site + "/Content/questions/thread-ten")
            }),
            ("deleting a thread", ["Content/questions/thread-11"], {
                try! FileManager.default.removeItem(atPath: site + "/Content/questions/thread-11")
            }),
            ("deleting an answer", ["Content/questions/thread-12/answer-b.md"], {
                try! FileManager.default.removeItem(atPath: site + "/Content/questions/thread-12/answer-b.md")
            }),
            ("moving a question in time", ["Content/questions/thread-13/question.md"], {
                folder.write(SyntheticSite.question(title: "Question 13", date: "2018-05-05", category: "Sleep", tags: ["rest"]),
                             to: "site/Content/questions/thread-13/question.md")
            }),
            ("overriding a template", ["Templates/footer.mustache"], {
                folder.write("<footer>Edited by {{site.publisher}}</footer>\n", to: "site/Templates/footer.mustache")
            }),
            ("changing the stylesheet", ["Templates/qanda.css"], {
                folder.write("body { color: green; }\n", to: "site/Templates/qanda.css")
            }),
            ("changing qanda.yml", ["qanda.yml"], {
                folder.write(SyntheticSite.config(title: "Renamed Answers"), to: "site/qanda.yml")
            }),
            ("editing a free page", ["Content/pages/about.md"], {
                folder.write("---\ntitle: About us now\n---\nWe changed.\n", to: "site/Content/pages/about.md")
            }),
            ("replacing an attachment", ["Content/questions/thread-02/chart.svg"], {
                folder.write("<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"4\"/></svg>\n", to: "site/Content/questions/thread-02/chart.svg")
            }),
            ("adding an author", ["Content/authors/author-9.md"], {
                folder.write(SyntheticSite.author(name: "Author Nine", credentials: nil), to: "site/Content/authors/author-9.md")
            }),
            ("adding files at the site root", ["Content/static/CNAME", "Content/static/.well-known/security.txt"], {
                folder.write("kb.example.org\n", to: "site/Content/static/CNAME")
                folder.write("Contact: mailto:security@example.org\n", to: "site/Content/static/.well-known/security.txt")
            }),
            ("editing a file at the site root", ["Content/static/.well-known/security.txt"], {
                folder.write("Contact: mailto:abuse@example.org\nExpires: 2030-01-01T00:00:00Z\n", to: "site/Content/static/.well-known/security.txt")
            }),
            ("deleting a file at the site root", ["Content/static/CNAME"], {
                try! FileManager.default.removeItem(atPath: site + "/Content/static/CNAME")
            }),
            ("deleting a folder at the site root", ["Content/static/.well-known"], {
                try! FileManager.default.removeItem(atPath: site + "/Content/static/.well-known")
            }),
        ]
        for (edit, changes, apply) in edits {
            apply()
            result = await session.rebuild(after: changes)
            #expect(!result.diagnostics.hasErrors, "\(edit): \(result.diagnostics)")
            Self.expectSame(result, edit)
            if edit.hasSuffix("at the site root") {
                // Only the files of Content/static/ and the manifest that lists them: no page is rendered again.
                #expect(result.written.allSatisfy { !$0.hasSuffix(".html") }, "\(edit) wrote \(result.written.sorted())")
            }
        }
        #expect(String(decoding: session.files["manifest.json"]!, as: UTF8.self).contains("/CNAME") == false)
    }

    @Test func aBrokenSaveChangesNothingAndTheFixIsPickedUp() async throws {
        let folder = TemporaryFolder()
        let site = SyntheticSite.write(into: folder, threads: 6)
        let session = await Session(site: site)
        let before = session.files
        folder.write(SyntheticSite.answer(author: "no-such-author", date: "2021-01-05", body: "Broken."),
                     to: "site/Content/questions/thread-02/answer-a.md")
        var result = await session.rebuild(after: ["Content/questions/thread-02/answer-a.md"])
        #expect(result.diagnostics.contains { $0.code == .unknownAuthor })
        #expect(session.files == before)
        // The next save touches another file; the broken one is still read from memory and still reported.
        folder.write(SyntheticSite.answer(author: "author-1", date: "2021-01-06", body: "Elsewhere."),
                     to: "site/Content/questions/thread-04/answer-a.md")
        result = await session.rebuild(after: ["Content/questions/thread-04/answer-a.md"])
        #expect(result.diagnostics.contains { $0.code == .unknownAuthor })
        folder.write(SyntheticSite.answer(author: "author-1", date: "2021-01-05", body: "Fixed now."),
                     to: "site/Content/questions/thread-02/answer-a.md")
        result = await session.rebuild(after: ["Content/questions/thread-02/answer-a.md"])
        #expect(!result.diagnostics.hasErrors)
        Self.expectSame(result, "fixing a broken answer")
        #expect(String(decoding: result.incremental["questions/thread-02/index.html"]!, as: UTF8.self).contains("Fixed now."))
    }
}

/// A site of `threads` questions over two categories and a few tags, answered by three authors: enough lists,
/// pages and cross-links that an edit reaches many files.
enum SyntheticSite {
    static func write(into folder: TemporaryFolder, threads: Int) -> String {
        folder.write(config(title: "Synthetic Answers"), to: "site/qanda.yml")
        for number in 1...3 {
            folder.write(author(name: "Author \(number)", credentials: number == 1 ? "PhD" : nil), to: "site/Content/authors/author-\(number).md")
        }
        folder.write("---\nname: Review Board\nkind: organization\n---\nThe board.\n", to: "site/Content/authors/board.md")
        folder.write("---\ntitle: About\n---\nAbout this site.\n", to: "site/Content/pages/about.md")
        folder.write("body { margin: 0; }\n", to: "site/Content/assets/site.css")
        for number in 1...threads {
            let name = String(format: "thread-%02d", number)
            let day = String(format: "2020-%02d-%02d", number % 12 + 1, number % 27 + 1)
            folder.write(question(title: "Question \(number)", date: day, category: number % 2 == 0 ? "Sleep" : "Anxiety",
                                  tags: number % 3 == 0 ? ["rest", "worry"] : ["rest"], reviewed: number % 4 == 0 || number == 5),
                         to: "site/Content/questions/\(name)/question.md")
            folder.write(answer(author: "author-\(number % 3 + 1)", date: "2021-01-0\(number % 9 + 1)", body: "Answer to \(number)."),
                         to: "site/Content/questions/\(name)/answer-a.md")
            folder.write(answer(author: "author-\((number + 1) % 3 + 1)", date: "2021-02-0\(number % 9 + 1)", body: "Second answer to \(number)."),
                         to: "site/Content/questions/\(name)/answer-b.md")
        }
        folder.write("<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n", to: "site/Content/questions/thread-02/chart.svg")
        return folder.path + "/site"
    }

    static func config(title: String) -> String {
        "title: \(title)\nbase_url: https://example.org/kb/\npublisher: Synthetic Health\npage_size: 3\n"
    }

    static func author(name: String, credentials: String?) -> String {
        let parts = name.split(separator: " ")
        return "---\nname: \(name)\ngiven: \(parts[0])\nfamily: \(parts[1])\n" + (credentials.map { "credentials: \($0)\n" } ?? "")
            + "reviewer: true\n---\nBio of \(name).\n"
    }

    static func question(title: String, date: String, category: String, tags: [String], reviewed: Bool = false) -> String {
        "---\ntitle: \(title)\ndate: \(date)\ncategory: \(category)\ntags: [\(tags.joined(separator: ", "))]\n"
            + (reviewed ? "reviewed:\n  by: board\n  date: 2024-01-01\n" : "") + "---\nWhat should I do about \(title.lowercased())?\n"
    }

    static func answer(author: String, date: String, body: String) -> String {
        "---\nauthor: \(author)\ndate: \(date)\n---\n\(body)\n"
    }
}

/// `qanda build` with its cache, as a user runs it: after each edit the output folder must equal, file by file,
/// what a build without the cache writes into a fresh folder.
@Suite(.serialized) struct BuildCacheTests {
    /// Every file below `folder` (relative path -> bytes).
    static func tree(_ folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)!
        while let path = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = FileManager.default.contents(atPath: folder + "/" + path)
            }
        }
        return files
    }

    static func build(_ site: String, _ extra: [String] = []) throws -> CommandRun {
        let run = try CommandRun.run(["build", "--site", site, "--no-search", "--base-url", "https://example.org/kb/"] + extra)
        #expect(run.status == 0, "\(run.stderr)")
        return run
    }

    @Test func everyEditGivesTheOutputOfAFullBuild() throws {
        let folder = TemporaryFolder()
        let site = SyntheticSite.write(into: folder, threads: 12)
        _ = try Self.build(site)
        let output = site + "/Site"
        let answerPage = output + "/questions/thread-04/index.html"
        let before = try FileManager.default.attributesOfItem(atPath: answerPage)[.modificationDate] as! Date

        var run = try Self.build(site)
        #expect(run.stdout.hasPrefix("Nothing changed since the last build: 0 files written"))
        #expect(try FileManager.default.attributesOfItem(atPath: answerPage)[.modificationDate] as! Date == before)

        let edits: [(String, () -> Void)] = [
            ("editing an answer", {
                folder.write(SyntheticSite.answer(author: "author-2", date: "2021-01-05", body: "Edited on disk."),
                             to: "site/Content/questions/thread-04/answer-a.md")
            }),
            ("accepting an answer and voting on another (their authors' pages show both)", {
                folder.write("---\nauthor: author-3\ndate: 2021-02-05\naccepted: true\n---\nSecond answer to 4.\n",
                             to: "site/Content/questions/thread-04/answer-b.md")
                folder.write("---\nauthor: author-1\ndate: 2021-01-04\nvotes: 7\n---\nAnswer to 3.\n",
                             to: "site/Content/questions/thread-03/answer-a.md")
            }),
            ("moving the acceptance to the other answer (the thread still has an accepted answer)", {
                folder.write("---\nauthor: author-2\ndate: 2021-01-05\naccepted: true\n---\nAnswer to 4.\n",
                             to: "site/Content/questions/thread-04/answer-a.md")
                folder.write(SyntheticSite.answer(author: "author-3", date: "2021-02-05", body: "Second answer to 4."),
                             to: "site/Content/questions/thread-04/answer-b.md")
            }),
            ("retitling a reviewed question (its reviewer's second page lists it)", {
                folder.write(SyntheticSite.question(title: "Question twelve, retitled", date: "2020-01-13", category: "Sleep",
                                                    tags: ["rest", "worry"], reviewed: true),
                             to: "site/Content/questions/thread-12/question.md")
            }),
            ("reviewing one more question (the board's reviewed pages, two of them, shift)", {
                folder.write(SyntheticSite.question(title: "Question 1", date: "2020-02-02", category: "Anxiety", tags: ["rest"], reviewed: true),
                             to: "site/Content/questions/thread-01/question.md")
            }),
            ("adding a thread", {
                folder.write(SyntheticSite.question(title: "Added later", date: "2024-02-02", category: "Sleep", tags: ["late"]),
                             to: "site/Content/questions/thread-added/question.md")
            }),
            ("renaming a thread", {
                try! FileManager.default.moveItem(atPath: site + "/Content/questions/thread-05", toPath: site + "/Content/questions/thread-five")
            }),
            ("deleting a thread", { try! FileManager.default.removeItem(atPath: site + "/Content/questions/thread-06") }),
            ("deleting an author's only answers and the author", {
                folder.write(SyntheticSite.author(name: "Author Two", credentials: "LCSW"), to: "site/Content/authors/author-2.md")
            }),
            ("overriding a template", { folder.write("<footer>From disk {{site.title}}</footer>\n", to: "site/Templates/footer.mustache") }),
            ("removing the override", { try! FileManager.default.removeItem(atPath: site + "/Templates/footer.mustache") }),
        ]
        for (edit, apply) in edits {
            apply()
            run = try Self.build(site)
            #expect(!run.stdout.hasPrefix("Nothing changed"), "\(edit)")
            let clean = folder.path + "/clean"
            try? FileManager.default.removeItem(atPath: clean)
            _ = try Self.build(site, ["--no-cache", "--output", clean])
            let incremental = Self.tree(output), expected = Self.tree(clean)
            #expect(incremental.keys.sorted() == expected.keys.sorted(), "files differ after \(edit)")
            for (path, bytes) in expected where incremental[path] != bytes { Issue.record("\(path) differs after \(edit)") }
        }
        #expect(!FileManager.default.fileExists(atPath: output + "/questions/thread-06"), "a deleted thread's folder is removed")
    }

    @Test func aSecondBuildOfTheSameOutputWaitsItsTurn() throws {
        let folder = TemporaryFolder()
        let site = SyntheticSite.write(into: folder, threads: 3)
        _ = try Self.build(site)
        let before = Self.tree(site + "/Site")
        folder.write(SyntheticSite.answer(author: "author-2", date: "2021-01-05", body: "Changed meanwhile."),
                     to: "site/Content/questions/thread-01/answer-a.md")
        do {
            let held = try BuildLock(outputPath: site + "/Site")  // as a build in progress holds it
            let run = try CommandRun.run(["build", "--site", site, "--no-search"])
            #expect(run.status == 1)
            #expect(run.stderr.contains("another qanda build is writing"), "\(run.stderr)")
            #expect(run.stderr.contains("(process \(getpid()))"), "\(run.stderr)")
            #expect(Self.tree(site + "/Site") == before)
            withExtendedLifetime(held) {}
        }
        _ = try Self.build(site)  // the lock went with its holder
        let page = try String(contentsOfFile: site + "/Site/questions/thread-01/index.html", encoding: .utf8)
        #expect(page.contains("Changed meanwhile."))
    }

    /// A cache cut short by a full disk, damaged or written by someone else is ignored: the build is a full one
    /// and its output is that of a build without the cache.
    /// `threads-*.bin` damages every thread shard alike.
    @Test(arguments: ["sources.bin", "keys.bin", "outline.bin", "listings.bin", "state.json", "threads-*.bin"], [0, 30, -1, -2])
    func aDamagedCacheFileIsIgnored(_ file: String, _ keptBytes: Int) throws {
        let folder = TemporaryFolder()
        let site = SyntheticSite.write(into: folder, threads: 4)
        _ = try Self.build(site)
        let cache = site + "/.qanda-cache/"
        let names = file.hasPrefix("threads-")
            ? try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasPrefix("threads-") } : [file]
        #expect(names.count == (file.hasPrefix("threads-") ? 64 : 1))
        for name in names {
            var bytes = try #require(FileManager.default.contents(atPath: cache + name))
            switch keptBytes {
            case -1: bytes = Data(bytes.map { $0 ^ 0x5A })  // every byte changed
            case -2: bytes[bytes.count / 2] ^= 0x01  // one bit in the middle
            default: bytes = bytes.prefix(keptBytes)
            }
            try bytes.write(to: URL(fileURLWithPath: cache + name))
        }
        let run = try Self.editAnAnswerAndBuild(site, in: folder, body: "After the damage.")
        #expect(!run.stdout.hasPrefix("Nothing changed"))
    }

    /// Rewrites thread-01's first answer, builds with the cache, and expects the output of a build without it.
    static func editAnAnswerAndBuild(_ site: String, in folder: TemporaryFolder, body: String) throws -> CommandRun {
        folder.write(SyntheticSite.answer(author: "author-2", date: "2021-01-05", body: body),
                     to: "site/Content/questions/thread-01/answer-a.md")
        let run = try build(site)
        try expectACleanBuildsOutput(site, in: folder, cleanFolder: "clean")
        return run
    }

    /// Builds again without the cache into `cleanFolder` and expects, file by file, what the site's output holds.
    static func expectACleanBuildsOutput(_ site: String, in folder: TemporaryFolder, cleanFolder: String) throws {
        _ = try build(site, ["--no-cache", "--output", folder.path + "/" + cleanFolder])
        #expect(tree(site + "/Site") == tree(folder.path + "/" + cleanFolder))
    }

    /// After one edit, only the thread shard that holds the edited thread is written again.
    @Test func anEditRewritesOnlyItsThreadShard() throws {
        let folder = TemporaryFolder()
        let site = SyntheticSite.write(into: folder, threads: 6)
        _ = try Self.build(site)
        let cache = site + "/.qanda-cache/"
        func modified() throws -> [String: (time: Date, inode: Int)] {
            let names = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasPrefix("threads-") }
            return try Dictionary(uniqueKeysWithValues: names.map {
                let attributes = try FileManager.default.attributesOfItem(atPath: cache + $0)
                return ($0, (try #require(attributes[.modificationDate] as? Date), try #require(attributes[.systemFileNumber] as? Int)))
            })
        }
        let before = try modified()
        usleep(20_000)  // so that a rewritten shard has a later time
        _ = try Self.editAnAnswerAndBuild(site, in: folder, body: "An edit.")
        let after = try modified()
        #expect(after.count == 64)
        let rewritten = after.filter { before[$0.key]?.time != $0.value.time }
        #expect(rewritten.count == 1)
        // Replaced by a new file, not rewritten in place: a build reading the cache maps the old one (MappedFile),
        // which must not shrink under it.
        for (name, now) in rewritten { #expect(before[name]?.inode != now.inode) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasSuffix(".new") }.isEmpty)
    }

    /// The cache's list of output paths (`outline.bin`) and of folder entries (`listings.bin`) are written again
    /// only when they change: not after an answer is edited in place, but after a thread or an answer is added.
    @Test func theOutlineAndListingsAreRewrittenOnlyWhenTheyChange() throws {
        let folder = TemporaryFolder()
        let site = SyntheticSite.write(into: folder, threads: 6)
        _ = try Self.build(site)
        sleep(UInt32(SourceScan.settleSeconds + 1))
        _ = try Self.build(site, ["--no-cache"])  // no cache written: the next build starts from the settled listings
        try FileManager.default.removeItem(atPath: site + "/.qanda-cache")
        _ = try Self.build(site)
        let cache = site + "/.qanda-cache/"
        func inodes() throws -> [String: Int] {
            try Dictionary(uniqueKeysWithValues: ["outline.bin", "listings.bin"].map {
                ($0, try #require(try FileManager.default.attributesOfItem(atPath: cache + $0)[.systemFileNumber] as? Int))
            })
        }
        let first = try inodes()
        let firstKeys = FileManager.default.contents(atPath: cache + "keys.bin")
        let edited = try #require(FileHandle(forWritingAtPath: site + "/Content/questions/thread-02/answer-a.md"))
        edited.seekToEndOfFile()
        edited.write(Data("\nA sentence added in place.\n".utf8))
        edited.closeFile()
        _ = try Self.build(site)
        try Self.expectACleanBuildsOutput(site, in: folder, cleanFolder: "clean-1")
        let second = try inodes()
        #expect(second["outline.bin"] == first["outline.bin"])
        #expect(second["listings.bin"] == first["listings.bin"])
        #expect(FileManager.default.contents(atPath: cache + "keys.bin") != firstKeys)  // the edited thread's keys

        folder.write(SyntheticSite.question(title: "Added later", date: "2024-02-02", category: "Sleep", tags: ["late"]),
                     to: "site/Content/questions/thread-added/question.md")
        folder.write(SyntheticSite.answer(author: "author-3", date: "2021-03-04", body: "A new answer."),
                     to: "site/Content/questions/thread-03/answer-c.md")  // the folder's listing changes
        _ = try Self.build(site)
        try Self.expectACleanBuildsOutput(site, in: folder, cleanFolder: "clean-2")
        let third = try inodes()
        #expect(third["outline.bin"] != second["outline.bin"])
        #expect(third["listings.bin"] != second["listings.bin"])
        // A renamed thread moves no thread in the lists, but its files have other paths.
        try FileManager.default.moveItem(atPath: site + "/Content/questions/thread-05", toPath: site + "/Content/questions/thread-five")
        _ = try Self.build(site)
        try Self.expectACleanBuildsOutput(site, in: folder, cleanFolder: "clean-3")
        #expect(try inodes()["outline.bin"] != third["outline.bin"])
        // And the next edit still compares with the right paths.
        folder.write(SyntheticSite.answer(author: "author-2", date: "2021-01-05", body: "Edited after the renaming."),
                     to: "site/Content/questions/thread-five/answer-a.md")
        _ = try Self.build(site)
        try Self.expectACleanBuildsOutput(site, in: folder, cleanFolder: "clean-4")
    }

    /// Qanda's own index (docs/SEARCH.md): every name under search/ but the page's carries a hash of its bytes, so
    /// a file whose name is in both builds has the same bytes and must not be written again (same inode); the edit
    /// gives at least one new file (the root, at least), the script is kept, and the search page names the new root.
    @Test func anEditRewritesOnlyTheChangedFilesOfQandasSearchIndex() throws {
        let folder = TemporaryFolder()
        let site = SyntheticSite.write(into: folder, threads: 12)
        func build() throws -> CommandRun {
            let run = try CommandRun.run(["build", "--site", site, "--base-url", "https://example.org/kb/"])
            #expect(run.status == 0, "\(run.stderr)")
            return run
        }
        _ = try build()
        let search = site + "/Site/search/"
        func inodes() throws -> [String: Int] {
            try Dictionary(uniqueKeysWithValues: DirectoryListing.filesRecursively(under: search).files.map {
                ($0, try #require(try FileManager.default.attributesOfItem(atPath: search + $0)[.systemFileNumber] as? Int))
            })
        }
        let before = try inodes()
        #expect(before.keys.contains { $0.hasPrefix("index/root.") && $0.hasSuffix(".json") }, "\(before.keys.sorted())")
        #expect(before.keys.contains { $0.hasPrefix("qanda-search.") && $0.hasSuffix(".js") }, "\(before.keys.sorted())")
        folder.write(SyntheticSite.answer(author: "author-2", date: "2021-01-08", body: "A new sentence about sleep."),
                     to: "site/Content/questions/thread-07/answer-a.md")
        _ = try build()
        let after = try inodes()
        let kept = after.keys.filter { before[$0] != nil && $0 != "index.html" }
        #expect(!kept.isEmpty)
        for name in kept { #expect(after[name] == before[name], "\(name) has the same name, so the same bytes, yet was written again") }
        let added = after.keys.filter { before[$0] == nil }
        let root = try #require(added.first { $0.hasPrefix("index/root.") }, "the edit must give a new root: \(added.sorted())")
        let page = try String(contentsOfFile: search + "index.html", encoding: .utf8)
        #expect(page.contains("data-root=\"/kb/search/\(root)\""), "\(page)")
        // The edited thread is findable by its new words: its new id is in the docs files, with the new text.
        let docs = try after.keys.filter { added.contains($0) && $0.hasPrefix("index/docs.") }
            .map { try String(contentsOfFile: search + $0, encoding: .utf8) }.joined()
        #expect(docs.contains("/kb/questions/thread-07/"), "\(docs)")
    }

    /// Thread folders whose entries have not changed for a while are not listed again, only their files stat-ed:
    /// an edit in place, an added answer and a deleted one are all still seen.
    @Test func settledFoldersAreStatedNotListed() throws {
        let folder = TemporaryFolder()
        let site = SyntheticSite.write(into: folder, threads: 6)
        _ = try Self.build(site)
        sleep(UInt32(SourceScan.settleSeconds + 1))
        _ = try Self.editAnAnswerAndBuild(site, in: folder, body: "Written after the folders settled.")
        // Taken from the listings, every folder's fingerprint is the one listing it gave.
        #expect(try Self.build(site).stdout.hasPrefix("Nothing changed"))
        let file = try #require(MappedFile(mapping: site + "/.qanda-cache/listings.bin"))
        let listings = try #require(SourceCacheFormat.decodeListings(file))
        #expect(listings.count == 6)
        #expect(listings["thread-03"]?.names == ["answer-a.md", "answer-b.md", "question.md"])

        // In place (the folder's entries stay), so only a stat of the file can tell.
        let edited = try #require(FileHandle(forWritingAtPath: site + "/Content/questions/thread-03/answer-b.md"))
        edited.truncateFile(atOffset: 0)
        edited.write(Data(SyntheticSite.answer(author: "author-1", date: "2021-03-03", body: "Edited in place.").utf8))
        edited.closeFile()
        folder.write(SyntheticSite.answer(author: "author-3", date: "2021-03-04", body: "A new answer."),
                     to: "site/Content/questions/thread-04/answer-c.md")
        try FileManager.default.removeItem(atPath: site + "/Content/questions/thread-05/answer-b.md")
        let run = try Self.build(site)
        #expect(run.stdout.contains("6 threads"))
        try Self.expectACleanBuildsOutput(site, in: folder, cleanFolder: "clean-2")
        let page = try String(contentsOfFile: site + "/Site/questions/thread-03/index.html", encoding: .utf8)
        #expect(page.contains("Edited in place."))
    }

    @Test func aDeletedOrReplacedOutputIsBuiltInFull() throws {
        let folder = TemporaryFolder()
        let site = SyntheticSite.write(into: folder, threads: 3)
        _ = try Self.build(site)
        try FileManager.default.removeItem(atPath: site + "/Site")
        var run = try Self.build(site)
        #expect(run.stdout.contains(" written, 0 unchanged"), "\(run.stdout)")
        // A build with other settings is not "nothing changed".
        run = try Self.build(site, ["--drafts"])
        #expect(!run.stdout.hasPrefix("Nothing changed"))
        // Deleting the cache is always safe.
        try FileManager.default.removeItem(atPath: site + "/.qanda-cache")
        run = try Self.build(site, ["--drafts"])
        #expect(run.stdout.contains("0 written"), "\(run.stdout)")
    }
}
