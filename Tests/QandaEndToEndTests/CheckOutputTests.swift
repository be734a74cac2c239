import Foundation
import Testing
@testable import QandaKit

/// `qanda check` and `qanda reviews` as CI runs them: the built binary, its output formats and exit statuses.
@Suite struct CheckOutputTests {
    static let today = "2025-06-01"

    /// The valid site with one error (a review overdue, at `reviewed.date`, line 6 column 9) and one note
    /// (a derived citation title, at the title's value, line 2 column 8; shown with `--verbose`). `slug:` keeps the URL the same
    /// whatever the folder is called.
    static func oneErrorOneWarning(_ folder: TemporaryFolder, threadFolder: String = "sleep-better") throws -> (site: String, file: String) {
        let site = ValidSite.make(in: folder)
        try SiteEdit.replace(ValidSite.question, "date: 2025-02-01", with: "date: 2023-05-01").apply(to: site)
        try SiteEdit.replace(ValidSite.question, "citation_title: How can I sleep better?", with: "slug: sleep-better").apply(to: site)
        if threadFolder != "sleep-better" {
            try SiteEdit.rename("Content/questions/sleep-better", to: "Content/questions/\(threadFolder)").apply(to: site)
        }
        return (site, "Content/questions/\(threadFolder)/question.md")
    }

    static let warningMessage = "the reference's title is derived from the page title: 'How can I sleep better?'"
    static let warningHint = "check proper nouns, then confirm it with `citation_title: How can I sleep better?`"
    static let errorMessage = "review overdue: last reviewed 2023-05-01, due 2025-04-30 (32 days ago)"
    static let errorHint = "review the page, then update `reviewed.date` (and `reviewed.by`)"

    // MARK: the build cache

    /// After a build, check takes the files that did not change as the build read them (.qanda-cache/). Its
    /// findings must be those of reading everything, after each kind of edit, including findings in files that
    /// did not change (a link to a deleted thread, an author removed).
    @Test func afterABuildCheckFindsWhatReadingEverythingFinds() throws {
        let folder = TemporaryFolder()
        let site = SyntheticSite.write(into: folder, threads: 12)
        folder.write(SyntheticSite.answer(author: "author-1", date: "2021-01-04", body: "See [the other one](/questions/thread-05/)."),
                     to: "site/Content/questions/thread-03/answer-a.md")
        let build = try CommandRun.run(["build", "--site", site, "--no-search"])
        #expect(build.status == 0, "\(build.stderr)")
        func expectSameFindings(after edit: String, finding code: String?) throws {
            let arguments = ["check", "--site", site, "--today", Self.today, "--format", "json", "--verbose"]
            let cached = try CommandRun.run(arguments, environment: ["QANDA_TIMINGS": "1"])
            let everything = try CommandRun.run(arguments + ["--no-cache"])
            #expect(cached.stderr.contains("check (s): scan"), "the build cache is read after \(edit)")
            #expect(cached.status == everything.status, "after \(edit)")
            #expect(cached.stdout == everything.stdout, "after \(edit)")
            if let code { #expect(everything.stdout.contains("\"code\":\"\(code)\""), "\(edit): \(everything.stdout)") }
        }
        try expectSameFindings(after: "no edit", finding: nil)
        // Errors in files stop the site-wide rules, so each is mended before the next edit.
        let answer = "site/Content/questions/thread-04/answer-a.md"
        let original = try String(contentsOfFile: folder.path + "/" + answer, encoding: .utf8)
        folder.write(SyntheticSite.answer(author: "author-9", date: "2021-01-05", body: "By nobody we know."), to: answer)
        try expectSameFindings(after: "an answer by an unknown author", finding: "unknown-author")
        folder.write("---\nauthor: [author-2\ndate: 2021-02-05\n---\nBroken.\n", to: answer)
        try expectSameFindings(after: "a YAML mistake", finding: "yaml-syntax")
        folder.write(original, to: answer)
        try expectSameFindings(after: "mending the answer", finding: "derived-citation-title")
        try FileManager.default.removeItem(atPath: site + "/Content/questions/thread-05")
        try expectSameFindings(after: "deleting a thread another one links to", finding: "broken-link")
        // A damaged cache file fails its checksum and is not trusted: everything is read.
        for name in try FileManager.default.contentsOfDirectory(atPath: site + "/.qanda-cache") where name.hasPrefix("threads-") {
            try Data("damaged".utf8).write(to: URL(fileURLWithPath: site + "/.qanda-cache/" + name))
        }
        try expectSameFindings(after: "damaging the cache", finding: "broken-link")
        folder.write(SyntheticSite.config(title: "Synthetic Answers") + "review:\n  required: true\n", to: "site/qanda.yml")
        try expectSameFindings(after: "requiring reviews in qanda.yml", finding: "missing-review")
        try FileManager.default.removeItem(atPath: site + "/Content/authors/author-3.md")
        try expectSameFindings(after: "deleting an author", finding: "unknown-author")
    }

    // MARK: json

    @Test func jsonIsOneDocumentWithTheStableSchema() throws {
        let folder = TemporaryFolder()
        let (site, file) = try Self.oneErrorOneWarning(folder)
        let run = try CommandRun.run(["check", "--site", site, "--today", Self.today, "--format", "json", "--verbose"])
        #expect(run.status == 1)
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)")
        #expect(Set(object.keys) == ["version", "errors", "warnings", "notes", "diagnostics"])
        #expect(object["version"] as? Int == 1)
        #expect(object["errors"] as? Int == 1)
        #expect(object["warnings"] as? Int == 0)
        #expect(object["notes"] as? Int == 1)
        let items = try #require(object["diagnostics"] as? [[String: Any]])
        try #require(items.count == 2)
        for item in items {
            #expect(Set(item.keys) == ["file", "line", "column", "code", "severity", "message", "hint"])
            #expect(item["file"] as? String == file)
        }
        // Sorted by file, then line.
        #expect(items[0]["line"] as? Int == 2)
        #expect(items[0]["column"] as? Int == 8)
        #expect(items[0]["code"] as? String == "derived-citation-title")
        #expect(items[0]["severity"] as? String == "note")
        #expect(items[0]["message"] as? String == Self.warningMessage)
        #expect(items[0]["hint"] as? String == Self.warningHint)
        #expect(items[1]["line"] as? Int == 6)
        #expect(items[1]["column"] as? Int == 9)
        #expect(items[1]["code"] as? String == "review-overdue")
        #expect(items[1]["severity"] as? String == "error")
        #expect(items[1]["message"] as? String == Self.errorMessage)
        #expect(items[1]["hint"] as? String == Self.errorHint)
    }

    @Test func jsonUsesZeroAndNullForWhatIsUnknown() throws {
        let folder = TemporaryFolder()
        let site = ValidSite.make(in: folder)
        try SiteEdit.symlink("Content/assets/logo.svg", to: "/etc/hostname").apply(to: site)
        let run = try CommandRun.run(["check", "--site", site, "--today", Self.today, "--format", "json"])
        #expect(run.status == 0, "warnings only")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["errors"] as? Int == 0)
        #expect(object["warnings"] as? Int == 1)
        let item = try #require((object["diagnostics"] as? [[String: Any]])?.first)
        #expect(item["file"] as? String == "Content/assets/logo.svg")
        #expect(item["line"] as? Int == 0)
        #expect(item["column"] as? Int == 0)
        #expect(item["code"] as? String == "symlink-not-followed")
        #expect(item["hint"] is NSNull)
    }

    @Test func jsonOfACleanSite() throws {
        let folder = TemporaryFolder()
        let site = ValidSite.make(in: folder)
        let run = try CommandRun.run(["check", "--site", site, "--today", Self.today, "--format", "json"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        #expect(object["errors"] as? Int == 0)
        #expect(object["warnings"] as? Int == 0)
        #expect((object["diagnostics"] as? [Any])?.isEmpty == true)
    }

    // MARK: github

    @Test func githubWorkflowCommandsWithEscaping() throws {
        let folder = TemporaryFolder()
        // A folder name with a comma and a colon, which separate a workflow command's properties.
        let (site, _) = try Self.oneErrorOneWarning(folder, threadFolder: "sleep,better:1")
        let run = try CommandRun.run(["check", "--site", site, "--today", Self.today, "--format", "github", "--verbose"])
        #expect(run.status == 1)
        let file = "Content/questions/sleep%2Cbetter%3A1/question.md"
        #expect(run.stdout == """
            ::notice file=\(file),line=2,col=8,title=derived-citation-title::\(Self.warningMessage)%0Ahint: \(Self.warningHint)
            ::error file=\(file),line=6,col=9,title=review-overdue::\(Self.errorMessage)%0Ahint: \(Self.errorHint)

            """)
    }

    @Test func githubLeavesOutUnknownLineAndColumn() throws {
        let folder = TemporaryFolder()
        let site = ValidSite.make(in: folder)
        try SiteEdit.symlink("Content/assets/logo.svg", to: "/etc/hostname").apply(to: site)
        let run = try CommandRun.run(["check", "--site", site, "--today", Self.today, "--format", "github"])
        #expect(run.status == 0)
        #expect(run.stdout == "::warning file=Content/assets/logo.svg,title=symlink-not-followed::symbolic link not followed; it is not published\n")
    }

    /// In a workflow, `file=` is a path in the repository (GITHUB_WORKSPACE), whichever folder the site is in;
    /// a URL removed since the manifest given to --against (a download, or a build output) names no file.
    @Test func githubAnnotationsNameOnlyFilesInTheRepository() throws {
        let folder = TemporaryFolder()
        let repository = folder.path + "/repository"
        let (site, file) = try Self.oneErrorOneWarning(folder)
        try FileManager.default.createDirectory(atPath: repository, withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: site, toPath: repository + "/answers")
        let answers = repository + "/answers"
        let built = try CommandRun.run(["build", "--site", answers])  // into answers/Site, inside the repository
        #expect(built.status == 0, "\(built.stderr)")
        let downloaded = folder.path + "/published.json"  // outside it, as the workflow's download is
        try (#"{"base_url":"https://answers.example.org/","urls":["/","/questions/sleep-better/","/questions/gone/"]}"#)
            .write(toFile: downloaded, atomically: true, encoding: .utf8)
        let escaped = "answers/" + file.replacingOccurrences(of: ":", with: "%3A")
        for against in [downloaded, "answers/Site", answers + "/Site/manifest.json"] {
            let run = try CommandRun.run(["check", "--site", answers, "--today", Self.today, "--format", "github", "--against", against],
                                         environment: ["GITHUB_WORKSPACE": repository], in: repository)
            #expect(run.status == 1)
            let lines = run.stdout.split(separator: "\n").map(String.init)
            #expect(lines.contains { $0.hasPrefix("::error file=\(escaped),line=6,col=9,title=review-overdue::") }, "\(run.stdout)")
            if against == downloaded {
                #expect(lines.contains("::error title=url-removed::/questions/gone/ was published before and this site no longer has it"
                                       + "%0Ahint: add `aliases: [/questions/gone/]` to the thread that replaces it, so the old URL redirects; "
                                       + "or, if it was withdrawn, keep its folder with `withdrawn: {date: ..., reason: ...}` in its question.md"),
                        "\(run.stdout)")
            }
            for line in lines {
                guard let start = line.range(of: "file=") else { continue }
                let path = line[start.upperBound...].prefix { $0 != "," && $0 != ":" }.replacingOccurrences(of: "%3A", with: ":")
                #expect(FileManager.default.fileExists(atPath: repository + "/" + path), "\(line) names a file outside the repository")
            }
        }
        // A site folder outside the repository: no finding can name a file in it.
        let outside = try CommandRun.run(["check", "--site", answers, "--today", Self.today, "--format", "github", "--verbose"],
                                         environment: ["GITHUB_WORKSPACE": folder.path + "/elsewhere"])
        #expect(outside.stdout.hasPrefix("::notice title=derived-citation-title::"), "\(outside.stdout)")
        #expect(!outside.stdout.contains("file="))
    }

    @Test func githubEscapingRules() {
        #expect(DiagnosticReport.escapeData("50% done\r\nnext") == "50%25 done%0D%0Anext")
        #expect(DiagnosticReport.escapeProperty("a,b:c%d\n") == "a%2Cb%3Ac%25d%0A")
    }

    // MARK: text

    @Test func textIsCompilerStyleWithSourceLineCaretAndHint() throws {
        let folder = TemporaryFolder()
        let (site, file) = try Self.oneErrorOneWarning(folder)
        let run = try CommandRun.run(["check", "--site", site, "--today", Self.today, "--verbose"])
        #expect(run.status == 1)
        #expect(run.stdout == """
            \(file):2:8: note[derived-citation-title]: \(Self.warningMessage)
              |
            2 | title: How can I sleep better?
              |        ^
              = hint: \(Self.warningHint)
            \(file):6:9: error[review-overdue]: \(Self.errorMessage)
              |
            6 |   date: 2023-05-01
              |         ^
              = hint: \(Self.errorHint)
            1 error, 0 warnings, 1 note

            """)
        #expect(!run.stdout.contains("\u{1B}["), "colour outside a terminal")
    }

    /// A derived citation title is a note: hidden without `--verbose` (the summary says how many), and never
    /// counted by `--strict`, so a clean site passes it.
    @Test func notesAreShownWithVerboseAndNeverFailStrict() throws {
        let folder = TemporaryFolder()
        let site = ValidSite.make(in: folder)
        try SiteEdit.replace(ValidSite.question, "citation_title: How can I sleep better?\n", with: "").apply(to: site)
        let quiet = try CommandRun.run(["check", "--site", site, "--today", Self.today, "--strict"])
        #expect(quiet.status == 0, "\(quiet.stdout)")
        #expect(quiet.stdout == "no problems found (1 note to confirm: --verbose shows them)\n")
        let verbose = try CommandRun.run(["check", "--site", site, "--today", Self.today, "--strict", "--verbose"])
        #expect(verbose.status == 0, "\(verbose.stdout)")
        #expect(verbose.stdout.contains(": note[derived-citation-title]: \(Self.warningMessage)"), "\(verbose.stdout)")
        #expect(verbose.stdout.hasSuffix("0 errors, 0 warnings, 1 note\n"), "\(verbose.stdout)")
        let json = try CommandRun.run(["check", "--site", site, "--today", Self.today, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["notes"] as? Int == 0, "not asked for")
        #expect((object["diagnostics"] as? [Any])?.isEmpty == true)
    }

    @Test func textOfACleanSite() throws {
        let folder = TemporaryFolder()
        let run = try CommandRun.run(["check", "--site", ValidSite.make(in: folder), "--today", Self.today])
        #expect(run.status == 0)
        #expect(run.stdout == "no problems found\n")
        #expect(run.stderr.isEmpty)
    }

    // MARK: exit statuses

    @Test func warningsOnlyPassUnlessStrict() throws {
        let folder = TemporaryFolder()
        let site = ValidSite.make(in: folder)  // reviewed 2025-02-01, due 2027-02-01: due soon from 2027-01-02
        let relaxed = try CommandRun.run(["check", "--site", site, "--today", "2027-01-02"])
        #expect(relaxed.status == 0)
        #expect(relaxed.stdout.hasSuffix("0 errors, 1 warning\n"))
        let strict = try CommandRun.run(["check", "--site", site, "--today", "2027-01-02", "--strict"])
        #expect(strict.status == 1)
        let strictJSON = try CommandRun.run(["check", "--site", site, "--today", "2027-01-02", "--strict", "--format", "json"])
        #expect(strictJSON.status == 1)
    }

    @Test func todayDecidesTheReviewRules() throws {
        let folder = TemporaryFolder()
        let site = ValidSite.make(in: folder)  // reviewed 2025-02-01, due 2027-02-01
        #expect(try CommandRun.run(["check", "--site", site, "--today", "2027-01-01"]).stdout == "no problems found\n")  // 31 days
        #expect(try CommandRun.run(["check", "--site", site, "--today", "2027-01-02"]).stdout.contains("warning[review-due-soon]: review due 2027-02-01 (in 30 days)"))
        #expect(try CommandRun.run(["check", "--site", site, "--today", "2027-02-01"]).stdout.contains("warning[review-due-soon]: review due 2027-02-01 (in 0 days)"))
        let late = try CommandRun.run(["check", "--site", site, "--today", "2027-02-02"])
        #expect(late.status == 1)
        #expect(late.stdout.contains("error[review-overdue]: review overdue: last reviewed 2025-02-01, due 2027-02-01 (1 day ago)"))
    }

    @Test(arguments: [
        (["--today", "2025-13-01"], "--today"),
        (["--today", "2025-06-01T10:00:00Z"], "--today"),
        (["--against", "/nonexistent"], "/nonexistent"),
        (["--format", "xml"], "xml"),
    ])
    func usageAndInputProblemsExitTwo(_ arguments: [String], _ mentioned: String) throws {
        let folder = TemporaryFolder()
        let site = ValidSite.make(in: folder)
        let run = try CommandRun.run(["check", "--site", site] + arguments)
        #expect(run.status == 2, "\(run.stdout) \(run.stderr)")
        #expect(run.stderr.contains(mentioned), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func missingSiteFolderExitsTwo() throws {
        let run = try CommandRun.run(["check", "--site", "/nonexistent"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("error: /nonexistent is not a folder"))
    }

    @Test func againstAFileThatIsNotAManifestExitsTwo() throws {
        let folder = TemporaryFolder()
        let site = ValidSite.make(in: folder)
        folder.write("{\"pages\": []}\n", to: "manifest.json")
        let run = try CommandRun.run(["check", "--site", site, "--against", folder.path + "/manifest.json"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("is not a Qanda manifest"))
    }

    /// `qanda build` leaves manifest.json in the output; `--against` that folder catches a renamed thread.
    @Test func againstAPreviousBuild() throws {
        let folder = TemporaryFolder()
        let site = ValidSite.make(in: folder)
        let output = folder.path + "/published"
        let build = try CommandRun.run(["build", "--site", site, "--output", output])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(FileManager.default.fileExists(atPath: output + "/manifest.json"))
        let same = try CommandRun.run(["check", "--site", site, "--today", Self.today, "--against", output])
        #expect(same.status == 0, "\(same.stdout)")
        try SiteEdit.rename("Content/questions/sleep-better", to: "Content/questions/better-sleep").apply(to: site)
        let moved = try CommandRun.run(["check", "--site", site, "--today", Self.today, "--against", output, "--format", "json"])
        #expect(moved.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(moved.stdout.utf8)) as? [String: Any])
        let items = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(items.map { $0["code"] as? String } == ["url-removed"])
        #expect(items.first?["file"] as? String == output)
        #expect(items.first?["message"] as? String == "/questions/sleep-better/ was published before and this site no longer has it")
    }

    // MARK: qanda reviews

    /// Five threads, one per status and two overdue: very-old (due 2025-01-09), old-advice (due 2025-04-30),
    /// no-review, soon-due (due 2025-06-19), and the valid site's sleep-better (due 2027-02-01).
    static func reviewSite(_ folder: TemporaryFolder) throws -> String {
        let site = ValidSite.make(in: folder)
        func thread(_ slug: String, _ title: String, reviewed: (String, String)?) throws {
            let review = reviewed.map { "reviewed:\n  by: \($0.0)\n  date: \($0.1)\n" } ?? ""
            try SiteEdit.write("Content/questions/\(slug)/question.md",
                               "---\ntitle: \(title)\ndate: 2023-01-01\n\(review)category: Sleep\ncitation_title: X\n---\nQ\n").apply(to: site)
            try SiteEdit.write("Content/questions/\(slug)/ada-byron.md", "---\nauthor: ada-byron\ndate: 2023-01-02\n---\nA\n").apply(to: site)
        }
        try thread("soon-due", "Soon due", reviewed: ("ada-byron", "2023-06-20"))
        try thread("no-review", #"'Naps, "power naps" and work'"#, reviewed: nil)
        try thread("old-advice", "Old advice", reviewed: ("advisory-board", "2023-05-01"))
        try thread("very-old", "Very old advice", reviewed: ("ada-byron", "2023-01-10"))
        return site
    }

    @Test func reviewsAsText() throws {
        let folder = TemporaryFolder()
        let run = try CommandRun.run(["reviews", "--site", try Self.reviewSite(folder), "--today", Self.today])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == """
            STATUS          DUE         LAST REVIEWED  REVIEWER        SLUG
            overdue         2025-01-09  2023-01-10     Ada Byron       very-old
            overdue         2025-04-30  2023-05-01     Advisory Board  old-advice
            never reviewed                                             no-review
            due soon        2025-06-19  2023-06-20     Ada Byron       soon-due
            fine            2027-02-01  2025-02-01     Ada Byron       sleep-better

            2 overdue, 1 never reviewed, 1 due soon, 1 fine

            """)
    }

    @Test func reviewsAsCSV() throws {
        let folder = TemporaryFolder()
        let run = try CommandRun.run(["reviews", "--site", try Self.reviewSite(folder), "--today", Self.today, "--format", "csv"])
        #expect(run.status == 0, "\(run.stderr)")
        let expected = [
            "status,due,last_reviewed,reviewer,slug,title,file",
            "overdue,2025-01-09,2023-01-10,Ada Byron,very-old,Very old advice,Content/questions/very-old/question.md",
            "overdue,2025-04-30,2023-05-01,Advisory Board,old-advice,Old advice,Content/questions/old-advice/question.md",
            #"never reviewed,,,,no-review,"Naps, ""power naps"" and work",Content/questions/no-review/question.md"#,
            "due soon,2025-06-19,2023-06-20,Ada Byron,soon-due,Soon due,Content/questions/soon-due/question.md",
            "fine,2027-02-01,2025-02-01,Ada Byron,sleep-better,How can I sleep better?,Content/questions/sleep-better/question.md",
        ].map { $0 + "\r\n" }.joined()
        // Compared as bytes: Swift's String equality would treat "\r\n" and "\n" as different anyway, but the
        // point is the exact line ends.
        #expect(Array(run.stdout.utf8) == Array(expected.utf8), "\(run.stdout.debugDescription)")
    }

    @Test func reviewsAsJSON() throws {
        let folder = TemporaryFolder()
        let run = try CommandRun.run(["reviews", "--site", try Self.reviewSite(folder), "--today", Self.today, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["slug"] as? String } == ["very-old", "old-advice", "no-review", "soon-due", "sleep-better"])
        #expect(rows.map { $0["status"] as? String } == ["overdue", "overdue", "never reviewed", "due soon", "fine"])
        for row in rows { #expect(Set(row.keys) == ["status", "due", "last_reviewed", "reviewer", "slug", "title", "file"]) }
        #expect(rows[0]["due"] as? String == "2025-01-09")
        #expect(rows[0]["last_reviewed"] as? String == "2023-01-10")
        #expect(rows[1]["reviewer"] as? String == "Advisory Board")
        #expect(rows[2]["title"] as? String == #"Naps, "power naps" and work"#)
        #expect(rows[2]["file"] as? String == "Content/questions/no-review/question.md")
        #expect(rows[2]["due"] is NSNull)
        #expect(rows[2]["last_reviewed"] is NSNull)
        #expect(rows[2]["reviewer"] is NSNull)
    }

    /// What a review board runs each week: one reviewer's pages, by status; the two filters narrow together.
    @Test func reviewsFilteredByReviewerAndStatus() throws {
        let folder = TemporaryFolder()
        let site = try Self.reviewSite(folder)
        func slugs(_ arguments: [String]) throws -> [String] {
            let run = try CommandRun.run(["reviews", "--site", site, "--today", Self.today, "--format", "json"] + arguments)
            #expect(run.status == 0, "\(run.stderr)")
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
            return rows.compactMap { $0["slug"] as? String }
        }
        #expect(try slugs(["--reviewer", "ada-byron"]) == ["very-old", "soon-due", "sleep-better"])
        #expect(try slugs(["--reviewer", "advisory-board"]) == ["old-advice"])
        #expect(try slugs(["--status", "overdue"]) == ["very-old", "old-advice"])
        #expect(try slugs(["--status", "never-reviewed"]) == ["no-review"])
        #expect(try slugs(["--status", "overdue", "--status", "due-soon"]) == ["very-old", "old-advice", "soon-due"])
        #expect(try slugs(["--reviewer", "ada-byron", "--status", "overdue", "--status", "fine"]) == ["very-old", "sleep-better"])
        #expect(try slugs(["--reviewer", "advisory-board", "--status", "fine"]) == [])

        // The text's closing line counts what is shown.
        let text = try CommandRun.run(["reviews", "--site", site, "--today", Self.today, "--reviewer", "ada-byron", "--status", "due-soon"])
        #expect(text.stdout == """
            STATUS    DUE         LAST REVIEWED  REVIEWER   SLUG
            due soon  2025-06-19  2023-06-20     Ada Byron  soon-due

            0 overdue, 0 never reviewed, 1 due soon, 0 fine

            """)

        let misspelt = try CommandRun.run(["reviews", "--site", site, "--today", Self.today, "--reviewer", "advisory-bord"])
        #expect(misspelt.status == 1)
        #expect(misspelt.stdout.isEmpty)
        #expect(misspelt.stderr == "error: --reviewer: no author 'advisory-bord' in Content/authors/ (did you mean 'advisory-board'?); "
                + "give an author id, as `reviewed.by` names it\n")
        let unknownStatus = try CommandRun.run(["reviews", "--site", site, "--status", "late"])
        #expect(unknownStatus.status == 2)
        #expect(unknownStatus.stderr.contains("'overdue', 'never-reviewed', 'due-soon' or 'fine'"), "\(unknownStatus.stderr)")
    }

    @Test func reviewsRefusesABadDayAndASiteWithErrors() throws {
        let folder = TemporaryFolder()
        let site = ValidSite.make(in: folder)
        let badDay = try CommandRun.run(["reviews", "--site", site, "--today", "2025-13-01"])
        #expect(badDay.status == 2, "a bad --today must not fall back to the real today")
        #expect(badDay.stderr.contains("--today"))
        try SiteEdit.replace(ValidSite.answer, "author: ada-byron", with: "author: ada-byrn").apply(to: site)
        let broken = try CommandRun.run(["reviews", "--site", site, "--today", Self.today])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("error[unknown-author]"))
        #expect(broken.stdout.isEmpty)
    }
}
