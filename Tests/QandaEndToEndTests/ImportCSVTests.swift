import Foundation
import Testing
@testable import QandaKit

/// `qanda import csv` and `qanda import remove`, run as an editor runs them, on small CSV files written here (the
/// CounselChat corpus is not in the repository; these rows have its shape, and the repository's map reads them).
@Suite struct ImportCSVTests {
    static let repositoryMap = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("import/counselchat.yml").path
    static let header = ",questionID,questionTitle,questionText,questionLink,topic,therapistInfo,therapistURL,answerText,upvotes,views,split"
    /// Two threads (question 0's rows are not next to each other), four therapists, one of them answering twice.
    static let rows = """
        \(header)
        0,0,Can I change my feeling of being worthless?,"I barely sleep.
           How can I change this?",https://counselchat.com/questions/can-i-change-my-feeling-of-being-worthless,depression,"Sherry Katz, LCSWCouples and Family Therapist, LCSW",https://counselchat.com/therapists/sherry-katz-lcsw,"Find new people to hang out with.Seriously, it helps.",1,2899,train
        1,0,Can I change my feeling of being worthless?,"I barely sleep.
           How can I change this?",https://counselchat.com/questions/can-i-change-my-feeling-of-being-worthless,depression,"Lee KingI use an integrative approach to treatment.",https://counselchat.com/therapists/lee-king,"Feelings of worthlessness are common; *you* are not alone.",3,3514,train
        2,1,How do I stop worrying?,I worry all day.,https://counselchat.com/questions/how-do-i-stop-worrying,anxiety,"Britta NeinastLCSW",https://counselchat.com/therapists/britta-neinast,Write the worries down.,0,120,val
        3,0,Can I change my feeling of being worthless?,"I barely sleep.
           How can I change this?",https://counselchat.com/questions/can-i-change-my-feeling-of-being-worthless,depression,"Dr. Avraham CohenDepth work with individuals",https://counselchat.com/therapists/dr-avraham-cohen,#1 keep a journal.,2,50,test
        4,1,How do I stop worrying?,I worry all day.,https://counselchat.com/questions/how-do-i-stop-worrying,anxiety,"Sherry Katz, LCSWCouples and Family Therapist, LCSW",https://counselchat.com/therapists/sherry-katz-lcsw,Breathe slowly.,5,120,val

        """
    static let worthless = "can-i-change-my-feeling-of-being-worthless"
    static let worrying = "how-do-i-stop-worrying"

    /// A folder with the CSV (`data.csv`) and a site folder path (`site`, not made yet).
    struct Setup {
        let folder = TemporaryFolder()
        var csv: String { folder.path + "/data.csv" }
        var site: String { folder.path + "/site" }
        var map: String { folder.path + "/map.yml" }

        init(csv: String = ImportCSVTests.rows, map: String? = nil) {
            folder.write(csv, to: "data.csv")
            if let map { folder.write(map, to: "map.yml") }
        }

        /// `qanda import csv` with the repository's map (or map.yml), the site's address, and `--date` unless told.
        func importCSV(map: String? = nil, date: String? = "2020-03-25", _ extra: [String] = []) throws -> CommandRun {
            var arguments = ["import", "csv", csv, "--map", map ?? ImportCSVTests.repositoryMap, "--site", site,
                             "--base-url", "https://counselchat.example.org/", "--title", "CounselChat"]
            if let date { arguments += ["--date", date] }
            return try CommandRun.run(arguments + extra)
        }

        /// Every file under the site folder with its bytes (hidden ones too), by relative path.
        func tree(_ root: String? = nil) -> [String: Data] {
            let root = root ?? site
            var files: [String: Data] = [:]
            guard let walker = FileManager.default.enumerator(atPath: root) else { return files }
            for case let path as String in walker {
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder), !isFolder.boolValue {
                    files[path] = FileManager.default.contents(atPath: root + "/" + path)
                }
            }
            return files
        }

        func text(_ relative: String) -> String? { try? String(contentsOfFile: site + "/" + relative, encoding: .utf8) }
    }

    @Test func anImportBuildsWithEveryAnswerOnItsPageAndTheSourceLine() throws {
        let setup = Setup()
        let run = try setup.importCSV()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("Imported 2 threads, 5 answers, 4 authors into \(setup.site)\n"), "\(run.stdout)")
        #expect(run.stdout.contains("Wrote qanda.yml (the site had none)"))
        // Authors once each, their names, credentials and taglines split.
        let authors = try FileManager.default.contentsOfDirectory(atPath: setup.site + "/Content/authors").sorted()
        #expect(authors == ["britta-neinast.md", "dr-avraham-cohen.md", "lee-king.md", "sherry-katz-lcsw.md"])
        #expect(setup.text("Content/authors/sherry-katz-lcsw.md") == """
            ---
            name: Sherry Katz
            given: Sherry
            family: Katz
            credentials: LCSW
            role: Couples and Family Therapist, LCSW
            url: https://counselchat.com/therapists/sherry-katz-lcsw
            ---

            """)
        #expect(setup.text("Content/questions/\(Self.worrying)/answer-4.md")?.hasPrefix("---\nauthor: sherry-katz-lcsw\ndate: 2020-03-25\nvotes: 5\n---\n") == true)

        let build = try CommandRun.run(["build", "--site", setup.site])
        #expect(build.status == 0, "\(build.stderr)")
        let pages = [Self.worthless: ["answer-0", "answer-1", "answer-3"], Self.worrying: ["answer-2", "answer-4"]]
        for (slug, answers) in pages {
            let html = try String(contentsOfFile: setup.site + "/Site/questions/\(slug)/index.html", encoding: .utf8)
            for answer in answers { #expect(html.contains("<article id=\"\(answer)\" class=\"answer"), "\(slug): \(answer)") }
            #expect(html.contains("<p class=\"source\">Originally posted at <a href=\"https://counselchat.com/questions/\(slug)\">counselchat.com</a> · "
                                  + "Licensed under <a href=\"https://github.com/nbertagnolli/counsel-chat/blob/0c4f5eb34776c3c2a7ec1ac74a498a95eb073860/LICENSE\">MIT</a></p>"))
        }
        let worthless = try String(contentsOfFile: setup.site + "/Site/questions/\(Self.worthless)/index.html", encoding: .utf8)
        #expect(worthless.contains("Sherry Katz</a>, <span class=\"credentials\">LCSW</span>"))
        #expect(worthless.contains("<p>Feelings of worthlessness are common; *you* are not alone.</p>"), "plain text shown as written")
        #expect(worthless.contains("<p>I barely sleep.<br />\nHow can I change this?</p>"))
        let check = try CommandRun.run(["check", "--site", setup.site])
        #expect(check.status == 0 && check.stdout.contains("no problems found"), "\(check.stdout)\(check.stderr)")
    }

    @Test func withoutDatesTheImportNeedsDateAndWritesNothing() throws {
        let setup = Setup()
        let run = try setup.importCSV(date: nil)
        #expect(run.status == 1)
        #expect(run.stderr.contains("error: \(Self.repositoryMap): the map names no date column (`date:` under question), and --date is not given\n  hint: pass --date YYYY-MM-DD"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: setup.site))
    }

    /// A map with a date column: an empty date is an error at its row, unless --date gives one.
    @Test func anEmptyDateIsAnErrorAtItsRowUnlessDateGivesOne() throws {
        let map = """
            question: {id: id, title: title, body: text, category: {value: General}, date: posted, tags: {column: tags, separator: ";"}}
            answer: {body: answer, date: {column: answered, format: "MM/dd/yyyy HH:mm", time_zone: America/New_York}}
            author: {name: by, credentials_after: ","}
            """
        let csv = "id,title,text,tags,posted,answer,answered,by\n"
            + "1,First,Text,sleep; rest,2024-05-01,Answer one,05/02/2024 09:30,\"Ada Quill, PhD\"\n"
            + "2,Second,Text,,,Answer two,05/03/2024 10:00,Ben Ortiz\n"
        let setup = Setup(csv: csv, map: map)
        let failed = try setup.importCSV(map: setup.map, date: nil)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("error: \(setup.csv):3: row 2 has no date (column 'posted' is empty)\n  hint: pass --date YYYY-MM-DD"), "\(failed.stderr)")
        // What came before the bad row is imported, whole, and the way on is said.
        #expect(failed.stderr.contains("Imported 1 thread, 1 answer, 1 author"), "\(failed.stderr)")
        #expect(failed.stderr.contains("run the same command again to resume, or remove what it wrote with `qanda import remove --site"))
        let resumed = try setup.importCSV(map: setup.map, date: "2024-06-01")
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.hasPrefix("Imported 2 threads (1 written, 1 already there), 2 answers (1 written, 1 already there), 2 authors (1 written, 1 already there)"), "\(resumed.stdout)")
        #expect(setup.text("Content/questions/first/question.md") == "---\ntitle: First\ndate: 2024-05-01\ncategory: General\ntags: [sleep, rest]\n---\nText\n")
        #expect(setup.text("Content/questions/second/question.md")?.contains("\ndate: 2024-06-01\n") == true)
        #expect(setup.text("Content/questions/first/answer-1.md")?.contains("\ndate: 2024-05-02T09:30:00-04:00\n") == true)
        #expect(setup.text("Content/authors/ada-quill.md")?.contains("name: Ada Quill\ngiven: Ada\nfamily: Quill\ncredentials: PhD\n") == true)
        #expect(try CommandRun.run(["check", "--site", setup.site]).status == 0)
    }

    @Test func aColumnTheMapDoesNotNameAndAColumnTheFileLacksAreErrors() throws {
        let extra = Setup(csv: Self.rows.replacingOccurrences(of: "views,split", with: "views,split,mood")
            .replacingOccurrences(of: ",train\n", with: ",train,sad\n").replacingOccurrences(of: ",val\n", with: ",val,ok\n")
            .replacingOccurrences(of: ",test\n", with: ",test,ok\n"))
        let run = try extra.importCSV()
        #expect(run.status == 1)
        #expect(run.stderr.contains("error: \(extra.csv):1: column 13, 'mood', is not in the map \(Self.repositoryMap)\n  hint: map it to a field, or list it under `ignore:`"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: extra.site))

        let map = try String(contentsOfFile: Self.repositoryMap, encoding: .utf8).replacingOccurrences(of: "title: questionTitle", with: "title: questionTitel")
        let misspelt = Setup(map: map)
        let line = map.components(separatedBy: "\n").firstIndex { $0.contains("questionTitel") }! + 1
        let failed = try misspelt.importCSV(map: misspelt.map)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("error: \(misspelt.map):\(line):10: column 'questionTitel' is not in \(misspelt.csv) (did you mean 'questionTitle'?)"), "\(failed.stderr)")
        // The file's own column is then not named either: both are reported at once.
        #expect(failed.stderr.contains("column 3, 'questionTitle', is not in the map"))
    }

    @Test func textThatIsNotUTF8StopsAtItsRowAndLeavesAConsistentSite() throws {
        var bytes = Array(Self.rows.utf8)
        let at = Self.rows.utf8.distance(from: Self.rows.utf8.startIndex, to: Self.rows.range(of: "Write the worries")!.lowerBound)
        bytes[at] = 0xE9  // in row 3, on line 6
        let setup = Setup()
        _ = FileManager.default.createFile(atPath: setup.csv, contents: Data(bytes))
        let run = try setup.importCSV()
        #expect(run.status == 1)
        #expect(run.stderr.contains("error: \(setup.csv):6: row 3, column 'answerText': byte 0xE9 is not UTF-8 text"), "\(run.stderr)")
        #expect(run.stderr.contains("hint: save the file as UTF-8"))
        let check = try CommandRun.run(["check", "--site", setup.site])
        #expect(check.status == 0, "what was imported before the bad row is a site check reads: \(check.stdout)\(check.stderr)")
    }

    @Test func anExistingFileIsNeverOverwrittenAndIsListed() throws {
        let setup = Setup()
        let mine = "---\nname: Sherry Katz\ngiven: Sherry\nfamily: Katz\n---\nOur own biography.\n"
        setup.folder.write(mine, to: "site/Content/authors/sherry-katz-lcsw.md")
        let config = "title: Mine\nbase_url: https://mine.example.org/\npublisher: Mine\n"
        setup.folder.write(config, to: "site/qanda.yml")
        let run = try setup.importCSV()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("1 file left alone (it exists with other content; never overwritten):\n  Content/authors/sherry-katz-lcsw.md\n"), "\(run.stdout)")
        #expect(!run.stdout.contains("Wrote qanda.yml"))
        #expect(setup.text("Content/authors/sherry-katz-lcsw.md") == mine)
        #expect(setup.text("qanda.yml") == config)
        // The answers name the author that is there.
        #expect(try CommandRun.run(["build", "--site", setup.site]).status == 0)
    }

    /// An import stopped part way (files and a thread missing, a temporary file and a thread folder half made)
    /// and run again gives the site a clean import gives.
    @Test func runningAgainAfterAnInterruptionGivesTheSameSite() throws {
        let clean = Setup()
        #expect(try clean.importCSV().status == 0)
        let setup = Setup()
        #expect(try setup.importCSV().status == 0)
        let fm = FileManager.default
        try fm.removeItem(atPath: setup.site + "/Content/questions/\(Self.worrying)")
        try fm.removeItem(atPath: setup.site + "/Content/questions/\(Self.worthless)/answer-3.md")
        try fm.removeItem(atPath: setup.site + "/Content/authors/britta-neinast.md")
        setup.folder.write("half", to: "site/Content/questions/\(Self.worthless)/.answer-1.md.qanda-import")
        setup.folder.write("half", to: "site/Content/questions/.\(Self.worrying).qanda-import/question.md")
        let resumed = try setup.importCSV()
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.hasPrefix("Imported 2 threads (1 written, 1 already there), 5 answers (3 written, 2 already there), 4 authors (1 written, 3 already there)"), "\(resumed.stdout)")
        var resumedTree = setup.tree(), cleanTree = clean.tree()
        let journal = ".qanda-import/csv-data-csv.journal"
        #expect(resumedTree.removeValue(forKey: journal) != nil && cleanTree.removeValue(forKey: journal) != nil)
        #expect(resumedTree == cleanTree, "\(Set(resumedTree.keys).symmetricDifference(cleanTree.keys).sorted())")
    }

    @Test func removeTakesOutExactlyTheImportedFilesAndKeepsAnEditedOne() throws {
        let setup = Setup()
        setup.folder.write("<svg/>", to: "site/Content/assets/logo.svg")
        #expect(try setup.importCSV().status == 0)
        let edited = "Content/questions/\(Self.worrying)/answer-2.md"
        setup.folder.write(setup.text(edited)! + "An editor's addition.\n", to: "site/" + edited)
        setup.folder.write("<svg/>", to: "site/Content/questions/\(Self.worthless)/chart.svg")
        let run = try CommandRun.run(["import", "remove", "--site", setup.site])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Kept 1 file edited since the import (still listed in the journal):\n  \(edited)\n"), "\(run.stdout)")
        // The edited answer keeps its thread's question and its author, and the site its qanda.yml: what is left
        // is a site that builds.
        let question = "Content/questions/\(Self.worrying)/question.md", other = "Content/questions/\(Self.worthless)/question.md"
        #expect(run.stdout.contains("Kept 4 unchanged files that remaining posts need (their question, their author, qanda.yml):\n  \(other)\n"
                                    + "  \(question)\n  Content/authors/britta-neinast.md\n  qanda.yml\n"), "\(run.stdout)")
        #expect(Set(setup.tree().keys) == [edited, question, other, "Content/authors/britta-neinast.md", "qanda.yml",
                                            "Content/questions/\(Self.worthless)/chart.svg", "Content/assets/logo.svg",
                                            ".qanda-import/csv-data-csv.journal"])
        #expect(setup.text(".qanda-import/csv-data-csv.journal")?.contains("answer\t2\t\(edited)\t") == true)
        #expect(try CommandRun.run(["build", "--site", setup.site]).status == 0)

        // An import into a new folder, removed, leaves nothing at all.
        let fresh = Setup()
        #expect(try fresh.importCSV().status == 0)
        #expect(try CommandRun.run(["import", "remove", "--site", fresh.site]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: fresh.site))
        let again = try CommandRun.run(["import", "remove", "--site", fresh.folder.path])
        #expect(again.status == 1 && again.stderr.contains("has no import journal"))
    }

    @Test func aDryRunWritesNothing() throws {
        let setup = Setup()
        let run = try setup.importCSV(["--dry-run"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("Dry run, nothing written: would import 2 threads, 5 answers, 4 authors into \(setup.site)\nWould write qanda.yml"), "\(run.stdout)")
        #expect(!FileManager.default.fileExists(atPath: setup.site))

        #expect(try setup.importCSV().status == 0)
        setup.folder.write("---\nname: Someone Else\ngiven: Someone\nfamily: Else\n---\n", to: "site/Content/authors/lee-king.md")
        let before = setup.tree()
        let again = try setup.importCSV(["--dry-run"])
        #expect(again.status == 0)
        #expect(again.stdout.contains("2 threads (0 new, 2 already there)") && again.stdout.contains("Content/authors/lee-king.md"), "\(again.stdout)")
        #expect(setup.tree() == before)
    }

    /// What any reader hands over is made something the loaders accept: one accepted answer per thread, values
    /// the content format refuses left out, each with a note; an answer whose question or author was not imported
    /// is skipped.
    @Test func theWriterWritesOnlyWhatASiteAccepts() async throws {
        let folder = TemporaryFolder()
        let site = folder.path + "/site"
        var writer = try ImportWriter(site: site, journalName: "test-posts.journal", settings: .init(baseURL: "https://answers.example.org/"))
        let day = ContentDate.parse("2024-01-02")!
        try writer.author(ImportedAuthor(id: "ada", name: "Ada Quill", naming: .person(given: "Ada", family: "Quill"), url: "mailto:ada@example.org"))
        try writer.author(ImportedAuthor(id: "ada", name: "Ada Again", naming: .screenName))
        try writer.author(ImportedAuthor(id: "ben", name: "Ben", naming: .person(given: "", family: "Ben")))
        try writer.question(ImportedQuestion(originalID: "7", title: "  Why?  ", date: day, updated: ContentDate.parse("2024-01-01"), category: "Sleep",
                                             tags: ["rest", "☕", "rest"], genre: "blog", body: "Why.", source: ImportedSource(url: "https://example.org/q/7", licenseURL: "https://x.org/l")))
        for (id, author) in [("1", "ada"), ("2", "ben"), ("3", "carl")] {
            try writer.answer(ImportedAnswer(originalID: id, authorID: author, date: day, accepted: true, body: "Because \(id)."), toQuestion: "7")
        }
        try writer.answer(ImportedAnswer(originalID: "4", authorID: "ada", date: day, body: "Lost."), toQuestion: "8")
        let summary = writer.summary
        #expect((summary.threads.written, summary.answers.written, summary.authors.written) == (1, 2, 2))
        #expect(summary.skips.map(\.reason) == ["its author (id 'carl') was not imported", "its question (id '8') was not imported"])
        #expect(summary.notes.map(\.message) == [
            "author 'ada': url 'mailto:ada@example.org' is not an absolute http(s) address; left out",
            "tag '☕' has no letters or digits to make a URL from; left out",
            "last edit 2024-01-01 is before the post's date 2024-01-02; left out",
            "licence url 'https://x.org/l' names no licence; left out",
            "genre 'blog' is not webpage or forum-post; left out",
            "a second accepted answer in thread 'why'; imported as not accepted (a thread has one)",
        ])
        let question = try String(contentsOfFile: site + "/Content/questions/why/question.md", encoding: .utf8)
        #expect(question == "---\ntitle: Why?\ndate: 2024-01-02\ncategory: Sleep\ntags: [rest]\nsource:\n  url: https://example.org/q/7\n---\nWhy.\n")
        #expect(try String(contentsOfFile: site + "/Content/authors/ben.md", encoding: .utf8).contains("kind: screen-name"))
        let (result, sink) = await buildInMemory(site)
        #expect(result.succeeded && !result.diagnostics.hasErrors, "\(result.diagnostics)")
        #expect(sink.text("questions/why/index.html")?.contains("id=\"answer-2\"") == true)
    }

    @Test func helpTextsAreASCII() throws {
        for command in [["import", "--help"], ["import", "csv", "--help"], ["import", "remove", "--help"]] {
            let run = try CommandRun.run(command)
            #expect(run.status == 0)
            let ascii = run.stdout.unicodeScalars.allSatisfy(\.isASCII)
            #expect(ascii, "\(command)")
        }
    }
}
