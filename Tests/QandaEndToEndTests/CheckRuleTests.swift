import Foundation
import Testing
@testable import QandaKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A minimal site that `qanda check` finds nothing wrong with, and the paths of its files. Each rule test
/// changes one thing in it, so every finding below is caused by that one change.
enum ValidSite {
    /// The pinned "today" of every check in these tests.
    static let today = ContentDate.parse("2025-06-01")!

    static let config = "qanda.yml"
    static let question = "Content/questions/sleep-better/question.md"
    static let answer = "Content/questions/sleep-better/ada-byron.md"
    static let person = "Content/authors/ada-byron.md"
    static let organization = "Content/authors/advisory-board.md"

    static let files: [(String, String)] = [
        (config, """
            title: Test Answers
            base_url: https://answers.example.org/
            publisher: Test Publisher
            review:
              every_days: 730
              required: true

            """),
        (organization, """
            ---
            name: Advisory Board
            kind: organization
            ---
            The board reviews pages.

            """),
        (person, """
            ---
            name: Ada Byron
            given: Ada
            family: Byron
            reviewer: true
            ---
            Ada writes answers.

            """),
        // Line numbers matter: title is line 2, date 3, reviewed 4 (by 5, date 6), category 7, citation_title 8.
        (question, """
            ---
            title: How can I sleep better?
            date: 2023-03-01
            reviewed:
              by: ada-byron
              date: 2025-02-01
            category: Sleep
            citation_title: How can I sleep better?
            ---
            I lie awake for hours.

            """),
        (answer, """
            ---
            author: ada-byron
            date: 2023-03-02
            accepted: true
            ---
            Keep a regular bedtime.

            """),
    ]

    /// Writes the site into `folder`/`name` and returns its path.
    static func make(in folder: TemporaryFolder, name: String = "site") -> String {
        for (path, text) in files { folder.write(text, to: name + "/" + path) }
        return folder.path + "/" + name
    }

    /// A complete second thread (question and answer) that is valid on its own.
    static func secondThread(folder: String = "naps-at-work", title: String = "Are naps at work a good idea?",
                             date: String = "2024-01-10") -> [SiteEdit] {
        [.write("Content/questions/\(folder)/question.md", """
            ---
            title: \(title)
            date: \(date)
            reviewed:
              by: advisory-board
              date: 2025-01-15
            category: Sleep
            citation_title: \(title)
            ---
            My manager asked.

            """),
         .write("Content/questions/\(folder)/ada-byron.md", "---\nauthor: ada-byron\ndate: \(date)\n---\nShort ones help.\n")]
    }
}

/// One change to a file of the valid site.
enum SiteEdit: Sendable {
    case write(String, String)
    case bytes(String, [UInt8])
    /// Replaces text that must be there (so a test never passes because its edit silently did nothing).
    case replace(String, String, with: String)
    case remove(String)
    case rename(String, to: String)
    case symlink(String, to: String)

    func apply(to site: String) throws {
        let fileManager = FileManager.default
        func prepare(_ path: String) throws -> String {
            let full = site + "/" + path
            try fileManager.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            return full
        }
        switch self {
        case .write(let path, let text):
            try text.write(toFile: try prepare(path), atomically: false, encoding: .utf8)
        case .bytes(let path, let bytes):
            try Data(bytes).write(to: URL(fileURLWithPath: try prepare(path)))
        case .replace(let path, let old, let new):
            let full = site + "/" + path
            let text = try String(contentsOfFile: full, encoding: .utf8)
            guard text.contains(old) else { throw EditError("'\(old)' is not in \(path)") }
            try text.replacingOccurrences(of: old, with: new).write(toFile: full, atomically: false, encoding: .utf8)
        case .remove(let path):
            try fileManager.removeItem(atPath: site + "/" + path)
        case .rename(let path, let target):
            try fileManager.moveItem(atPath: site + "/" + path, toPath: try prepare(target))
        case .symlink(let path, let target):
            try fileManager.createSymbolicLink(atPath: try prepare(path), withDestinationPath: target)
        }
    }

    struct EditError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}

/// A finding written the way a test reads it: "file:line:col severity code".
func summary(_ diagnostic: Diagnostic) -> String {
    "\(diagnostic.file):\(diagnostic.line):\(diagnostic.column) \(diagnostic.severity.rawValue) \(diagnostic.code.rawValue)"
}

func check(_ site: String, today: ContentDate = ValidSite.today,
           previous: (manifest: SiteManifest, source: String)? = nil) async -> [Diagnostic] {
    await SitePipeline(siteFolder: site).check(today: today, previous: previous)
}

/// One rule: the change that breaks it, and what `qanda check` must report.
struct RuleCase: Sendable, CustomTestStringConvertible {
    var name: String
    var edits: [SiteEdit]
    /// "file:line:col severity code", in the order `SitePipeline.check` sorts them (file, line, column).
    var expected: [String]
    /// Parts of the messages (of the first expected finding, unless `messageOf` says otherwise).
    var message: [String] = []
    var hint: String? = nil

    var testDescription: String { name }
}

private let Q = ValidSite.question, A = ValidSite.answer, AU = ValidSite.person, C = ValidSite.config

/// Every code a site can trigger, each with one change to the valid site. Unless a comment says otherwise,
/// the change causes exactly the findings listed and nothing else.
let ruleCases: [RuleCase] = [
    // Reading
    // Latin-1 "é": the column is the bad byte's.
    RuleCase(name: "not-utf8", edits: [.bytes(A, Array("---\nauthor: ada-byron\ndate: 2023-03-02\n---\nCaf".utf8) + [0xE9] + Array(" au lait\n".utf8))],
             expected: ["\(A):5:4 error not-utf8"], message: ["the file is not UTF-8 text: the byte here (shown as \u{FFFD}) is not UTF-8"],
             hint: "save it as UTF-8 in your editor (it was probably saved as Latin-1 or Windows-1252)"),
    RuleCase(name: "not-utf8 (qanda.yml, after a valid accent)", edits: [.bytes(ValidSite.config, Array("title: Café ".utf8) + [0xE9] + Array("\n".utf8))],
             expected: ["qanda.yml:1:13 error not-utf8"], message: ["qanda.yml is not UTF-8 text"], hint: "save it as UTF-8"),
    RuleCase(name: "empty-file", edits: [.write(A, "\n  \n")],
             expected: ["\(A):1:1 error empty-file"]),
    RuleCase(name: "missing-front-matter", edits: [.write(A, "author: ada-byron\ndate: 2023-03-02\n\nKeep a regular bedtime.\n")],
             expected: ["\(A):1:1 error missing-front-matter"]),
    RuleCase(name: "unclosed-front-matter", edits: [.write(A, "---\nauthor: ada-byron\ndate: 2023-03-02\nKeep a regular bedtime.\n")],
             expected: ["\(A):1:1 error unclosed-front-matter"]),
    RuleCase(name: "yaml-syntax", edits: [.replace(A, "accepted: true", with: "votes: [unclosed")],
             expected: ["\(A):4:8 error yaml-syntax"], message: ["front matter is not valid YAML"]),
    RuleCase(name: "yaml-syntax (a tab indents a nested key)", edits: [.replace(Q, "  by: ada-byron", with: "\tby: ada-byron")],
             expected: ["\(Q):5:1 error yaml-syntax"],
             message: ["front matter has a tab character here, and YAML allows only spaces to indent"],
             hint: "replace the tab with spaces (two per level of indentation); most editors can turn tabs into spaces"),
    RuleCase(name: "yaml-syntax (a tab before a key)", edits: [.replace(A, "accepted: true", with: "  \taccepted: true")],
             expected: ["\(A):4:3 error yaml-syntax"], message: ["front matter has a tab character here"], hint: "replace the tab with spaces"),
    RuleCase(name: "yaml-syntax (a tab in qanda.yml)", edits: [.replace(ValidSite.config, "  every_days: 730", with: "\tevery_days: 730")],
             expected: ["qanda.yml:5:1 error yaml-syntax"], message: ["qanda.yml has a tab character here"], hint: "replace the tab with spaces"),
    RuleCase(name: "yaml-syntax (duplicate key)", edits: [.replace(A, "accepted: true", with: "date: 2023-03-03")],
             expected: ["\(A):3:1 error yaml-syntax"], message: ["key 'date' is written more than once"]),
    RuleCase(name: "front-matter-not-mapping", edits: [.write(A, "---\n- ada-byron\n- 2023-03-02\n---\nBody.\n")],
             expected: ["\(A):2:1 error front-matter-not-mapping"]),
    // Keys and values
    RuleCase(name: "unknown-key", edits: [.replace(A, "accepted: true", with: "acepted: true")],
             expected: ["\(A):4:1 error unknown-key"], message: ["unknown key 'acepted' (did you mean 'accepted'?)"]),
    RuleCase(name: "unknown-key (nested in qanda.yml)", edits: [.replace(ValidSite.config, "every_days: 730", with: "every_day: 730")],
             expected: ["qanda.yml:5:3 error unknown-key"], message: ["unknown key 'review.every_day' (did you mean 'every_days'?)"]),
    RuleCase(name: "unknown-key (nothing close)", edits: [.replace(Q, "category: Sleep", with: "category: Sleep\nmood: calm")],
             expected: ["\(Q):8:1 error unknown-key"], message: ["unknown key 'mood'"], hint: "allowed keys here: title, date,"),
    RuleCase(name: "missing-key", edits: [.replace(A, "date: 2023-03-02\n", with: "")],
             expected: ["\(A):2:1 error missing-key"], message: ["missing required key 'date'"]),
    RuleCase(name: "missing-key (empty value)", edits: [.replace(Q, "category: Sleep", with: "category:")],
             expected: ["\(Q):2:1 error missing-key"], message: ["missing required key 'category'"]),
    RuleCase(name: "wrong-type", edits: [.replace(A, "accepted: true", with: "votes: many")],
             expected: ["\(A):4:8 error wrong-type"], message: ["'votes' must be a whole number"]),
    RuleCase(name: "wrong-type (list for text)", edits: [.replace(Q, "category: Sleep", with: "category: [Sleep, Rest]")],
             expected: ["\(Q):7:11 error wrong-type"], message: ["'category' must be text"]),
    RuleCase(name: "invalid-date", edits: [.replace(A, "date: 2023-03-02", with: "date: 2018-02-30")],
             expected: ["\(A):3:7 error invalid-date"], message: ["'date' is not a valid date: '2018-02-30'"]),
    RuleCase(name: "invalid-value", edits: [.replace(Q, "category: Sleep", with: "category: Sleep\ngenre: blog")],
             expected: ["\(Q):8:8 error invalid-value"], message: ["'genre' must be webpage or forum-post, not 'blog'"]),
    RuleCase(name: "invalid-value (author kind)", edits: [.replace(ValidSite.organization, "kind: organization", with: "kind: group")],
             expected: ["\(ValidSite.organization):3:7 error invalid-value"], message: ["'kind' must be person, organization or screen-name, not 'group'"]),
    // Site structure
    RuleCase(name: "missing-config", edits: [.remove(ValidSite.config)],
             expected: ["qanda.yml:0:0 error missing-config"]),
    RuleCase(name: "invalid-base-url (a path)", edits: [.replace(ValidSite.config, "https://answers.example.org/", with: "/kb/")],
             expected: ["qanda.yml:2:11 error invalid-base-url"], message: ["base_url '/kb/' is not an absolute http(s) URL"]),
    // What `qanda init` writes without --base-url; a subdomain (answers.example.org, the valid site's) is not one.
    RuleCase(name: "placeholder-base-url", edits: [.replace(ValidSite.config, "https://answers.example.org/", with: "https://example.org/")],
             expected: ["qanda.yml:2:11 warning placeholder-base-url"],
             message: ["base_url 'https://example.org/' is a placeholder"],
             hint: "set base_url to the address the site will be published at"),
    RuleCase(name: "placeholder-base-url (www.example.com)", edits: [.replace(ValidSite.config, "https://answers.example.org/", with: "http://www.Example.com")],
             expected: ["qanda.yml:2:11 warning placeholder-base-url"], message: ["base_url 'http://www.Example.com/' is a placeholder"]),
    RuleCase(name: "invalid-base-url (a query)", edits: [.replace(ValidSite.config, "https://answers.example.org/", with: "https://x.org/?a=1")],
             expected: ["qanda.yml:2:11 error invalid-base-url"], message: ["base_url 'https://x.org/?a=1' has a query"]),
    RuleCase(name: "missing-question", edits: [.write("Content/questions/orphan/photo.png", "not really a png")],
             expected: ["Content/questions/orphan/:0:0 error missing-question"]),
    RuleCase(name: "missing-question (a file among the threads)", edits: [.write("Content/questions/notes.md", "---\ntitle: Notes\n---\n")],
             expected: ["Content/questions/notes.md:0:0 error missing-question"]),
    RuleCase(name: "unknown-author", edits: [.replace(A, "author: ada-byron", with: "author: ada-byrn")],
             expected: ["\(A):2:9 error unknown-author"], message: ["unknown author 'ada-byrn' (did you mean 'ada-byron'?)"]),
    RuleCase(name: "unknown-author (edited_by)", edits: [.replace(A, "accepted: true\n", with: "accepted: true\nedited_by: advisory-bord\n")],
             expected: ["\(A):5:12 error unknown-author"], message: ["unknown editor 'advisory-bord' (did you mean 'advisory-board'?)"]),
    RuleCase(name: "invalid-value (ask)", edits: [.replace(C, "publisher: Test Publisher\n", with: "publisher: Test Publisher\nask: questions@example.org\n")],
             expected: ["\(C):4:6 error invalid-value"], message: ["ask 'questions@example.org' is not an absolute http(s) or mailto: address"],
             hint: "mailto:questions@example.org"),
    RuleCase(name: "invalid-value (points)", edits: [.replace(C, "publisher: Test Publisher\n", with: "publisher: Test Publisher\npoints: {vote: -5}\n")],
             expected: ["\(C):4:16 error invalid-value"], message: ["points.vote must be between 0 and 1,000,000, not -5"]),
    RuleCase(name: "unknown-reviewer", edits: [.replace(Q, "by: ada-byron", with: "by: advisory-bord")],
             expected: ["\(Q):5:7 error unknown-reviewer"], message: ["unknown reviewer 'advisory-bord' (did you mean 'advisory-board'?)"]),
    RuleCase(name: "reviewer-not-allowed", edits: [.replace(AU, "reviewer: true\n", with: "")],
             expected: ["\(Q):5:7 error reviewer-not-allowed"], message: ["'ada-byron' is not a reviewer"]),
    RuleCase(name: "missing-person-name", edits: [.replace(AU, "family: Byron\n", with: "")],
             expected: ["\(AU):2:1 error missing-person-name"], message: ["person 'ada-byron' has no 'family' name"]),
    RuleCase(name: "invalid-orcid", edits: [.replace(AU, "reviewer: true", with: "reviewer: true\norcid: 0000-0002-1825-0098")],
             expected: ["\(AU):6:8 error invalid-orcid"], message: ["ORCID '0000-0002-1825-0098' is not valid"]),
    RuleCase(name: "invalid-slug (slug key)", edits: [.replace(Q, "category: Sleep", with: "category: Sleep\nslug: Sleep Better")],
             expected: ["\(Q):8:7 error invalid-slug"], message: ["slug 'Sleep Better' cannot be used as a URL segment"], hint: "'sleep-better'"),
    RuleCase(name: "invalid-slug (folder name)", edits: [.rename("Content/questions/sleep-better", to: "Content/questions/Sleep Better")],
             expected: ["Content/questions/Sleep Better/question.md:0:0 error invalid-slug"], hint: "rename the folder to 'sleep-better'"),
    RuleCase(name: "duplicate-slug", edits: [.write("Content/questions/sleep-better-again/question.md",
                                                    "---\ntitle: Sleep again\ndate: 2024-01-01\ncategory: Sleep\nslug: sleep-better\n---\nQ\n")],
             expected: ["Content/questions/sleep-better-again/question.md:5:7 error duplicate-slug"],
             message: ["slug 'sleep-better' is already used by \(Q) (its folder name)"],
             hint: "change this `slug:` (or remove it to use the folder name)"),
    // The file with the key comes first in folder order: still the one reported, at its `slug:`.
    RuleCase(name: "duplicate-slug (the slug: comes first)", edits: [.write("Content/questions/a-sleep/question.md",
                                                    "---\ntitle: Sleep again\ndate: 2024-01-01\ncategory: Sleep\nslug: sleep-better\n---\nQ\n")],
             expected: ["Content/questions/a-sleep/question.md:5:7 error duplicate-slug"],
             message: ["slug 'sleep-better' is already used by \(Q) (its folder name)"]),
    RuleCase(name: "duplicate-slug (two slug: keys)", edits: [
                .write("Content/questions/a-sleep/question.md", "---\ntitle: Sleep again\ndate: 2024-01-01\ncategory: Sleep\nslug: rest\n---\nQ\n"),
                .write("Content/questions/z-sleep/question.md", "---\ntitle: Sleep more\ndate: 2024-01-01\ncategory: Sleep\nslug: rest\n---\nQ\n")],
             expected: ["Content/questions/z-sleep/question.md:5:7 error duplicate-slug"],
             message: ["slug 'rest' is already used by Content/questions/a-sleep/question.md (its `slug:` too)"]),
    RuleCase(name: "duplicate-slug (answer links)", edits: [.write("Content/questions/sleep-better/answer-ada-byron.md",
                                                                   "---\nauthor: ada-byron\ndate: 2023-03-03\n---\nAgain.\n")],
             expected: ["Content/questions/sleep-better/answer-ada-byron.md:1:1 error duplicate-slug"], message: ["would share the link #answer-ada-byron"]),
    RuleCase(name: "alias-collision", edits: [.replace(Q, "category: Sleep", with: "category: Sleep\naliases: [/questions/sleep-better/]")],
             expected: ["\(Q):8:10 error alias-collision"], message: ["alias '/questions/sleep-better/' collides with \(Q)"]),
    RuleCase(name: "alias-collision (the site's own pages)", edits: [.replace(Q, "category: Sleep", with: "category: Sleep\naliases: [/authors/]")],
             expected: ["\(Q):8:10 error alias-collision"], message: ["collides with the site itself"]),
    RuleCase(name: "unsafe-path", edits: [.replace(Q, "category: Sleep", with: "category: Sleep\naliases: [/../outside/]")],
             expected: ["\(Q):8:10 error unsafe-path"], message: ["alias '/../outside/' is not a usable site path"]),
    RuleCase(name: "unsafe-path (reserved attachment name)", edits: [.write("Content/questions/sleep-better/cite.bib", "@misc{}\n")],
             expected: ["Content/questions/sleep-better/cite.bib:0:0 error unsafe-path"]),
    RuleCase(name: "multiple-accepted", edits: [.write("Content/questions/sleep-better/zoe.md",
                                                       "---\nauthor: ada-byron\ndate: 2023-03-05\naccepted: true\n---\nMe too.\n")],
             expected: ["Content/questions/sleep-better/zoe.md:4:1 error multiple-accepted"],
             message: ["more than one accepted answer in this thread (also ada-byron.md)"]),
    RuleCase(name: "date-order (updated before date)", edits: [.replace(A, "accepted: true", with: "updated: 2023-03-01")],
             expected: ["\(A):4:10 error date-order"], message: ["'updated' (2023-03-01) is before 'date' (2023-03-02)"]),
    RuleCase(name: "date-order (reviewed before date)", edits: [.replace(Q, "date: 2025-02-01", with: "date: 2023-02-01")],
             expected: ["\(Q):6:9 error date-order"], message: ["'reviewed.date' (2023-02-01) is before 'date' (2023-03-01)"]),
    // The place is `reviewed.date`, where the wrong day is written.
    RuleCase(name: "date-order (review in the future)", edits: [.replace(Q, "date: 2025-02-01", with: "date: 2025-07-01")],
             expected: ["\(Q):6:9 error date-order"], message: ["'reviewed.date' (2025-07-01) is in the future"]),
    RuleCase(name: "missing-review", edits: [.replace(Q, "reviewed:\n  by: ada-byron\n  date: 2025-02-01\n", with: "")],
             expected: ["\(Q):2:8 error missing-review"], message: ["this page has no review, and qanda.yml says review.required"]),
    // The place is `reviewed.date` too: the day to change.
    RuleCase(name: "review-overdue", edits: [.replace(Q, "date: 2025-02-01", with: "date: 2023-05-01")],
             expected: ["\(Q):6:9 error review-overdue"],
             message: ["review overdue: last reviewed 2023-05-01, due 2025-04-30 (32 days ago)"]),
    RuleCase(name: "review-due-soon", edits: [.replace(Q, "date: 2025-02-01", with: "date: 2023-06-20")],
             expected: ["\(Q):6:9 warning review-due-soon"], message: ["review due 2025-06-19 (in 18 days)"]),
    // Left out until its day, so the thread has no review rules to break; a review cannot precede `date`
    // without being in the future, so the review goes too.
    RuleCase(name: "future-date", edits: [.replace(Q, "date: 2023-03-01\nreviewed:\n  by: ada-byron\n  date: 2025-02-01\n", with: "date: 2025-07-01\n")],
             expected: ["\(Q):3:7 warning future-date"], message: ["'date' (2025-07-01) is in the future"]),
    RuleCase(name: "placeholder-text", edits: [.replace(A, "Keep a regular bedtime.\n", with: "Keep a regular bedtime.\nThe answer, in Markdown.\n")],
             expected: ["\(A):7:1 error placeholder-text"],
             message: ["'The answer, in Markdown.' is the placeholder `qanda new` wrote, and this page is published"],
             hint: "write the text in its place, or add `draft: true` to keep the page out of the site"),
    RuleCase(name: "placeholder-text (a page)", edits: [.write("Content/pages/policy.md", "---\ntitle: Policy\n---\nOur policy.\n\nThe page, in Markdown.\n")],
             expected: ["Content/pages/policy.md:6:1 error placeholder-text"],
             message: ["'The page, in Markdown.' is the placeholder `qanda new` wrote, and this page is published"],
             hint: "write the text in its place, or add `draft: true`"),
    RuleCase(name: "missing-key (withdrawn without a reason)", edits: [.replace(Q, "category: Sleep", with: "category: Sleep\nwithdrawn: {date: 2025-01-01}")],
             expected: ["\(Q):8:12 error missing-key"], message: ["missing required key 'withdrawn.reason'"],
             hint: "add `reason: ...` under withdrawn: one sentence that tells readers why the thread was withdrawn"),
    RuleCase(name: "missing-key (withdrawn without a date)", edits: [.replace(A, "accepted: true", with: "withdrawn:\n  reason: It named a dose.")],
             expected: ["\(A):5:3 error missing-key"], message: ["missing required key 'withdrawn.date'"], hint: "add `date: 2024-05-01`"),
    RuleCase(name: "missing-key (withdrawn left empty)", edits: [.replace(A, "accepted: true", with: "withdrawn:")],
             expected: ["\(A):4:1 error missing-key"], message: ["'withdrawn' is empty: missing required keys 'withdrawn.date' and 'withdrawn.reason'"],
             hint: "write `withdrawn: {date: 2025-03-01, reason:"),
    RuleCase(name: "wrong-type (withdrawn without its keys)", edits: [.replace(A, "accepted: true", with: "withdrawn: true")],
             expected: ["\(A):4:12 error wrong-type"], message: ["'withdrawn' must be a group of keys"],
             hint: "withdrawn: {date: 2025-03-01, reason: The advice no longer matches current guidance.}"),
    RuleCase(name: "date-order (withdrawn before published)", edits: [.replace(A, "accepted: true", with: "withdrawn: {date: 2023-03-01, reason: Wrong.}")],
             expected: ["\(A):4:19 error date-order"], message: ["'withdrawn.date' (2023-03-01) is before 'date' (2023-03-02)"],
             hint: "an answer cannot be withdrawn before it was published"),
    // The link still leads somewhere (the notice), so it is a warning, for the editor to decide.
    RuleCase(name: "withdrawn-link", edits: ValidSite.secondThread() + [
                .replace("Content/questions/naps-at-work/question.md", "category: Sleep", with: "category: Sleep\nwithdrawn: {date: 2025-02-01, reason: Out of date.}"),
                .replace(A, "Keep a regular bedtime.", with: "Keep a regular bedtime. See [naps](/questions/naps-at-work/)."),
             ],
             expected: ["\(A):6:29 warning withdrawn-link"],
             message: ["link '/questions/naps-at-work/' leads to 'Are naps at work a good idea?', withdrawn on 2025-02-01: readers find only the notice"],
             hint: "remove the link, or link to a page that takes its place"),
    RuleCase(name: "no-answers", edits: [.remove(A)],
             expected: ["\(Q):2:8 warning no-answers"]),
    RuleCase(name: "duplicate-title", edits: ValidSite.secondThread(title: "How can I  sleep Better?"),
             expected: ["Content/questions/naps-at-work/question.md:2:8 warning duplicate-title"], message: ["the same title as \(Q)"]),
    RuleCase(name: "derived-citation-title", edits: [.replace(Q, "citation_title: How can I sleep better?\n", with: "")],
             expected: ["\(Q):2:8 note derived-citation-title"],
             message: ["the reference's title is derived from the page title: 'How can I sleep better?'"],
             hint: "`citation_title: How can I sleep better?`"),
    RuleCase(name: "symlink-not-followed", edits: [.symlink("Content/questions/sleep-better/diagram.png", to: "/etc/hostname")],
             expected: ["Content/questions/sleep-better/diagram.png:0:0 warning symlink-not-followed"]),
    RuleCase(name: "static-collision", edits: [.write("Content/static/robots.txt", "User-agent: *\n")],
             expected: ["Content/static/robots.txt:0:0 error static-collision"],
             message: ["Content/static/robots.txt would replace the robots.txt the build writes"]),
    RuleCase(name: "static-collision (a question page)", edits: [.write("Content/static/questions/sleep-better/index.html", "<p>mine</p>\n")],
             expected: ["Content/static/questions/sleep-better/index.html:0:0 error static-collision"],
             message: ["would replace the page /questions/sleep-better/ of Content/questions/sleep-better/"]),
    RuleCase(name: "static-unsafe (a link out of the site)", edits: [.symlink("Content/static/hostname", to: "/etc/hostname")],
             expected: ["Content/static/hostname:0:0 error static-unsafe"], message: ["symbolic link leads out of the site folder"],
             hint: "copy the file into Content/static/"),
    RuleCase(name: "static-unsafe (a name like '..')", edits: [.write("Content/static/.well-known/...", "x\n")],
             expected: ["Content/static/.well-known/...:0:0 error static-unsafe"], message: ["the name '...' reads as '.' or '..'"]),
    RuleCase(name: "symlink-not-followed (assets)", edits: [.symlink("Content/assets/logo.svg", to: "/etc/hostname")],
             expected: ["Content/assets/logo.svg:0:0 warning symlink-not-followed"]),
    // Templates
    // The Mustache parser notices an unclosed section at the end of the text; the finding points at its opening tag.
    RuleCase(name: "template-syntax (unclosed section)", edits: [.write("Templates/header.mustache", "<header>\n  <p>{{#site}}unclosed\n</header>\n")],
             expected: ["Templates/header.mustache:2:6 error template-syntax"],
             message: ["template syntax error: the section {{#site}} is never closed"], hint: "add {{/site}} where the section should end"),
    // The inner section is closed; the outer one, an inverted section, is not.
    RuleCase(name: "template-syntax (unclosed among closed sections)", edits: [.write("Templates/footer.mustache",
                "<footer>\n{{^site.pages}}\n  {{#site}}{{title}}{{/site}}\n</footer>\n")],
             expected: ["Templates/footer.mustache:2:1 error template-syntax"],
             message: ["the section {{^site.pages}} is never closed"], hint: "add {{/site.pages}}"),
    RuleCase(name: "template-syntax (wrong closing tag)", edits: [.write("Templates/header.mustache", "<header>\n  {{#site}}{{title}}{{/sites}}\n</header>\n")],
             expected: ["Templates/header.mustache:2:24 error template-syntax"], message: ["a closing tag does not match the section it closes"]),
    RuleCase(name: "unknown-template-variable", edits: [.write("Templates/question.mustache",
                                                               "{{<base}}{{$content}}\n<h1>{{question.titel}}</h1>\n{{/content}}{{/base}}\n")],
             expected: ["Templates/question.mustache:2:5 error unknown-template-variable"],
             message: ["'titel' is not a value the question page has (did you mean 'title'?)"]),
    RuleCase(name: "unknown-template-variable (a translated string)", edits: [.write("Templates/footer.mustache",
                                                                               "<footer>\n  <p>{{t.lastest_questions}}</p>\n</footer>\n")],
             expected: ["Templates/footer.mustache:2:6 error unknown-template-variable"],
             message: ["'lastest_questions' is not a value any page has (did you mean 'latest_questions'?)"]),
    RuleCase(name: "unknown-partial", edits: [.write("Templates/footer.mustache", "<footer>\n  {{>no-such-partial}}\n</footer>\n")],
             expected: ["Templates/footer.mustache:2:3 error unknown-partial"], message: ["template 'no-such-partial' does not exist"]),
    RuleCase(name: "unknown-partial (a near name)", edits: [.write("Templates/footer.mustache", "<footer>\n  {{>answers}}\n</footer>\n")],
             expected: ["Templates/footer.mustache:2:3 error unknown-partial"],
             message: ["template 'answers' does not exist (did you mean 'answer'?)"]),
    // Translations (README, "Languages"). qanda.yml's line 4 is the language; i18n/<language>.yml the site's table.
    // One site, several languages (README, "One site, several languages"): translations beside the original.
    RuleCase(name: "unlisted-language (a translation into a language qanda.yml does not list)",
             edits: [.write("Content/questions/sleep-better/question.fr.md", "---\ntitle: Dormir mieux\ndate: 2025-03-01\n---\nTexte.\n")],
             expected: ["Content/questions/sleep-better/question.fr.md:1:1 error unlisted-language"],
             message: ["a translation into 'fr', which qanda.yml does not list"], hint: "add it to qanda.yml"),
    RuleCase(name: "orphan-translation (a translation with no original)",
             edits: [.replace(C, "publisher: Test Publisher\n", with: "publisher: Test Publisher\nlanguages: [en, es]\n"),
                     .write("Content/questions/sleep-better/question.es.md", "---\ntitle: ¿Cómo duermo mejor?\ndate: 2025-03-01\n---\nTexto.\n"),
                     .write("Content/questions/sleep-better/bruno.es.md", "---\ndate: 2025-03-01\n---\nTexto.\n")],
             expected: ["Content/questions/sleep-better/bruno.es.md:1:1 error orphan-translation"],
             message: ["translation of bruno.md, but this thread has no bruno.md"], hint: "rename it after the answer it translates"),
    RuleCase(name: "duplicate-translation (two translations of one thread in one language)",
             edits: [.replace(C, "publisher: Test Publisher\n", with: "publisher: Test Publisher\nlanguages: [en, es]\n"),
                     .write("Content/questions/sleep-better/question.es.md", "---\ntitle: ¿Cómo duermo mejor?\ndate: 2025-03-01\n---\nTexto.\n"),
                     .write("Content/questions/sleep-better/question.ES.md", "---\ntitle: ¿Cómo dormir?\ndate: 2025-03-01\n---\nTexto.\n")],
             expected: ["Content/questions/sleep-better/question.es.md:1:1 error duplicate-translation"],
             message: ["a second translation of question.md in 'es' (also question.ES.md)"], hint: "keep one file per language"),
    RuleCase(name: "translation-outdated (a translation older than its original)",
             edits: [.replace(C, "publisher: Test Publisher\n", with: "publisher: Test Publisher\nlanguages: [en, es]\n"),
                     .write("Content/questions/sleep-better/question.es.md", "---\ntitle: ¿Cómo duermo mejor?\ndate: 2023-02-01\n---\nTexto.\n")],
             expected: ["Content/questions/sleep-better/question.es.md:3:7 warning translation-outdated"],
             message: ["this 'es' translation (2023-02-01) is older than question.md (last changed 2023-03-01)"],
             hint: "bring the translation in step"),
    RuleCase(name: "invalid-value (a language that is not a BCP 47 tag)", edits: [.replace(C, "publisher: Test Publisher\n", with: "publisher: Test Publisher\nlanguage: english\n")],
             expected: ["qanda.yml:4:11 error invalid-value"], message: ["language 'english' is not a language tag"], hint: "BCP 47"),
    RuleCase(name: "missing-translation (a language Qanda has no table for)", edits: [.replace(C, "publisher: Test Publisher\n", with: "publisher: Test Publisher\nlanguage: nl\n")],
             expected: ["qanda.yml:4:11 warning missing-translation"],
             message: ["Qanda has no Dutch (nl) translation (built in: ar, de, en, es, fr, he, it, pt), so the pages' own words show in English"],
             hint: "translate them in i18n/nl.yml"),
    RuleCase(name: "missing-translation (a site table that lacks strings)", edits: [
                .replace(C, "publisher: Test Publisher\n", with: "publisher: Test Publisher\nlanguage: nl\n"),
                .write("i18n/nl.yml", "latest_questions: Nieuwste vragen\n")],
             expected: ["i18n/nl.yml:0:0 warning missing-translation"],
             message: ["107 of the 108 strings of the pages have no Dutch (nl) translation, so they show in English: about_the_authors, accepted_answer,"]),
    RuleCase(name: "missing-translation (a plural without a form the language uses)", edits: [
                .replace(C, "publisher: Test Publisher\n", with: "publisher: Test Publisher\nlanguage: ar\n"),
                .write("i18n/ar.yml", "latest_questions: أحدث الأسئلة\nanswer_count:\n  other: \"{count} إجابة\"\n")],
             expected: ["i18n/ar.yml:2:1 warning missing-translation"],
             message: ["'answer_count' has no 'zero', 'one', 'two', 'few', 'many' form, which Arabic (ar) numbers use (zero: 0; one: 1; two: 2; few: 3, 4, 5; many: 11, 12, 13); the 'other' form shows instead"],
             hint: "add `zero:`, `one:`, `two:`, `few:`, `many:` to 'answer_count' in i18n/ar.yml"),
    RuleCase(name: "unknown-key (a translation key)", edits: [
                .replace(C, "publisher: Test Publisher\n", with: "publisher: Test Publisher\nlanguage: es\n"),
                .write("i18n/es.yml", "# Nuestras palabras\nlastest_questions: Lo último\n")],
             expected: ["i18n/es.yml:2:1 error unknown-key"],
             message: ["unknown translation key 'lastest_questions' (did you mean 'latest_questions'?)"]),
    RuleCase(name: "invalid-value (a placeholder the string does not have)", edits: [
                .replace(C, "publisher: Test Publisher\n", with: "publisher: Test Publisher\nlanguage: es\n"),
                .write("i18n/es.yml", "published: Publicado el {dat}\n")],
             expected: ["i18n/es.yml:1:12 error invalid-value"],
             message: ["'published' has no placeholder {dat} (did you mean {date}?)"], hint: "its placeholders are {date}"),
    RuleCase(name: "invalid-value (a plural form the language never uses)", edits: [
                .replace(C, "publisher: Test Publisher\n", with: "publisher: Test Publisher\nlanguage: es\n"),
                .write("i18n/es.yml", "answer_count:\n  one: \"{count} respuesta\"\n  few: \"{count} respuestas\"\n  other: \"{count} respuestas\"\n")],
             expected: ["i18n/es.yml:3:3 error invalid-value"],
             message: ["'answer_count' has a 'few' form, which numbers in 'es' never take"], hint: "its forms are one, many, other"),
    RuleCase(name: "unknown-key (a plural form that is no CLDR category)", edits: [
                .replace(C, "publisher: Test Publisher\n", with: "publisher: Test Publisher\nlanguage: es\n"),
                .write("i18n/es.yml", "answer_count:\n  one: \"{count} respuesta\"\n  othre: \"{count} respuestas\"\n")],
             expected: ["i18n/es.yml:3:3 error unknown-key"], message: ["'othre' is not a plural form (did you mean 'other'?)"]),
    RuleCase(name: "wrong-type (one text for a plural)", edits: [
                .replace(C, "publisher: Test Publisher\n", with: "publisher: Test Publisher\nlanguage: es\n"),
                .write("i18n/es.yml", "answer_count: \"{count} respuestas\"\n")],
             expected: ["i18n/es.yml:1:15 error wrong-type"], message: ["'answer_count' depends on a number: it must be a mapping of plural forms"]),
    RuleCase(name: "missing-key (a plural without 'other')", edits: [
                .replace(C, "publisher: Test Publisher\n", with: "publisher: Test Publisher\nlanguage: es\n"),
                .write("i18n/es.yml", "answer_count:\n  one: \"{count} respuesta\"\n")],
             expected: ["i18n/es.yml:1:1 error missing-key"], message: ["'answer_count' has no 'other' form"]),
]

@Suite struct CheckRuleTests {
    @Test func validSiteChecksClean() async throws {
        let folder = TemporaryFolder()
        let site = ValidSite.make(in: folder)
        let diagnostics = await check(site)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(summary)) \(diagnostics.map(\.message))")
    }

    /// Variants the rules must accept: an organization reviews, a timestamp date, a Templates/ README, CRLF files.
    @Test(arguments: [
        ("organization reviewer", [SiteEdit.replace(Q, "by: ada-byron", with: "by: advisory-board")]),
        ("timestamp date", [.replace(A, "date: 2023-03-02", with: "date: 2023-03-02T09:30:00-05:00")]),
        ("notes in Templates/", [.write("Templates/README.md", "{{not a template}}\n")]),
        ("hidden files", [.write("Content/questions/sleep-better/.DS_Store", "\u{0}"), .write("Content/questions/.notes", "x")]),
        ("CRLF and a BOM", [.write(A, "\u{FEFF}---\r\nauthor: ada-byron\r\ndate: 2023-03-02\r\n---\r\nBody.\r\n")]),
        ("review due in 31 days", [.replace(Q, "date: 2025-02-01", with: "date: 2023-07-03")]),
    ] as [(String, [SiteEdit])])
    func acceptedVariantsCheckClean(_ name: String, _ edits: [SiteEdit]) async throws {
        let folder = TemporaryFolder()
        let site = ValidSite.make(in: folder)
        for edit in edits { try edit.apply(to: site) }
        let diagnostics = await check(site)
        #expect(diagnostics.isEmpty, "\(name): \(diagnostics.map(summary)) \(diagnostics.map(\.message))")
    }

    @Test(arguments: ruleCases)
    func rule(_ rule: RuleCase) async throws {
        let folder = TemporaryFolder()
        let site = ValidSite.make(in: folder)
        for edit in rule.edits { try edit.apply(to: site) }
        let diagnostics = await check(site)
        #expect(diagnostics.map(summary) == rule.expected, "\(diagnostics.map(\.message))")
        let first = try #require(diagnostics.first)
        for part in rule.message { #expect(first.message.contains(part), "message: \(first.message)") }
        if let hint = rule.hint { #expect(first.hint?.contains(hint) == true, "hint: \(first.hint ?? "none")") }
    }

    /// Every code the rules above name, so a new code without a test shows up here. `write-failed` comes from the
    /// disk, not the site: `FullDiskTests` holds it.
    @Test func everyCodeASiteCanTriggerIsCovered() {
        let covered = Set(ruleCases.flatMap { $0.expected.map { String($0.split(separator: " ").last!) } }
                          + ["broken-link", "url-removed", "unreadable-file", "write-failed"])
        let missing = DiagnosticCode.allCases.map(\.rawValue).filter { !covered.contains($0) }
        #expect(missing.isEmpty, "codes without a rule test: \(missing)")
    }

    @Test func brokenLinksAreReportedAndGoodOnesAreNot() async throws {
        let folder = TemporaryFolder()
        let site = ValidSite.make(in: folder)
        for edit in ValidSite.secondThread() { try edit.apply(to: site) }
        try SiteEdit.write("Content/questions/sleep-better/worksheet.txt", "Bedtime log\n").apply(to: site)
        try SiteEdit.write("Content/assets/logo.svg", "<svg/>\n").apply(to: site)
        try SiteEdit.replace(A, "Keep a regular bedtime.\n", with: """
            Keep a regular bedtime.
            See [another question](/questions/nope/) and
            ![a chart](missing.png).
            These work: [the worksheet](worksheet.txt), [naps](/questions/naps-at-work/),
            [naps again](../naps-at-work/#answer-ada-byron), [the log](/questions/sleep-better/worksheet.txt),
            [all authors](/authors/), [Ada](/authors/ada-byron/), [citation](cite.bib), [logo](/assets/logo.svg),
            [outside](https://example.org/missing/), [mail](mailto:a@example.org), [top](#answers).

            """).apply(to: site)
        let diagnostics = await check(site)
        #expect(diagnostics.map(summary) == ["\(A):7:5 error broken-link", "\(A):8:1 error broken-link"],
                "\(diagnostics.map(\.message))")
        #expect(diagnostics.first?.message.hasPrefix("link '/questions/nope/' points to no page or file of the site") == true)
        #expect(diagnostics.last?.message.hasPrefix("image 'missing.png' points to no page or file of the site") == true)
    }

    @Test func brokenLinksInBiosAndPagesToo() async throws {
        let folder = TemporaryFolder()
        let site = ValidSite.make(in: folder)
        try SiteEdit.replace(AU, "Ada writes answers.", with: "Ada writes [answers](/questions/sleep-beter/).").apply(to: site)
        try SiteEdit.write("Content/pages/about.md", "---\ntitle: About\n---\nSee [Ada](/authors/ada-byron/) and [me](/pages/abuot/).\n").apply(to: site)
        let diagnostics = await check(site)
        #expect(diagnostics.map(summary) == ["\(AU):7:12 error broken-link", "Content/pages/about.md:4:36 error broken-link"],
                "\(diagnostics.map(\.message))")
        #expect(diagnostics.first?.message.contains("(did you mean '/questions/sleep-better/'?)") == true)
        #expect(diagnostics.last?.message.contains("(did you mean '/pages/about/'?)") == true)
    }

    /// A URL a previous build published must still exist, as a page or as an alias.
    @Test func urlRemovedAgainstAPreviousManifest() async throws {
        let folder = TemporaryFolder()
        let site = ValidSite.make(in: folder)
        let (result, sink) = await buildInMemory(site)
        #expect(result.succeeded, "\(result.diagnostics)")
        let manifestText = try #require(sink.text(SiteOutline.manifestPath))
        folder.write(manifestText, to: "previous/manifest.json")
        let manifest = try SiteManifest.read(folder.path + "/previous")
        #expect(manifest.urls.contains("/questions/sleep-better/"))
        #expect(manifest.urls.contains("/questions/sleep-better/cite.bib"))
        let previous = (manifest: manifest, source: "previous/manifest.json")

        // Unchanged: nothing disappears.
        #expect(await check(site, previous: previous).isEmpty)

        // Renamed: the page disappears; its files (cite.bib, …) go with it and are not reported one by one.
        try SiteEdit.rename("Content/questions/sleep-better", to: "Content/questions/better-sleep").apply(to: site)
        let moved = await check(site, previous: previous)
        #expect(moved.map(summary) == ["previous/manifest.json:0:0 error url-removed"])
        #expect(moved.first?.message == "/questions/sleep-better/ was published before and this site no longer has it")
        #expect(moved.first?.hint == "add `aliases: [/questions/sleep-better/]` to the thread that replaces it, so the old URL redirects; "
                + "or, if it was withdrawn, keep its folder with `withdrawn: {date: ..., reason: ...}` in its question.md")

        // With the old path as an alias, the old URL keeps working.
        try SiteEdit.replace("Content/questions/better-sleep/question.md", "category: Sleep",
                             with: "category: Sleep\naliases: [/questions/sleep-better/]").apply(to: site)
        let aliased = await check(site, previous: previous)
        #expect(aliased.isEmpty, "\(aliased.map(summary)) \(aliased.map(\.message))")
    }

    @Test func removedAttachmentIsReported() async throws {
        let folder = TemporaryFolder()
        let site = ValidSite.make(in: folder)
        try SiteEdit.write("Content/questions/sleep-better/worksheet.txt", "Bedtime log\n").apply(to: site)
        let (result, sink) = await buildInMemory(site)
        #expect(result.succeeded)
        folder.write(try #require(sink.text(SiteOutline.manifestPath)), to: "manifest.json")
        let previous = (manifest: try SiteManifest.read(folder.path + "/manifest.json"), source: "manifest.json")
        try SiteEdit.remove("Content/questions/sleep-better/worksheet.txt").apply(to: site)
        let diagnostics = await check(site, previous: previous)
        #expect(diagnostics.map(summary) == ["manifest.json:0:0 error url-removed"])
        #expect(diagnostics.first?.message.hasPrefix("/questions/sleep-better/worksheet.txt was published before") == true)
    }

    /// Only possible when the tests do not run as root (root reads every file).
    @Test(.enabled(if: getuid() != 0, "root can read a file without permissions"))
    func unreadableFile() async throws {
        let folder = TemporaryFolder()
        let site = ValidSite.make(in: folder)
        chmod(site + "/" + A, 0)
        defer { chmod(site + "/" + A, 0o644) }
        let diagnostics = await check(site)
        #expect(diagnostics.map(summary) == ["\(A):0:0 error unreadable-file"])
    }

    @Test func theExampleSiteChecksClean() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        #expect(FileManager.default.fileExists(atPath: root + "/qanda.yml"))
        let diagnostics = await SitePipeline(siteFolder: root).check(today: ContentDate.parse("2026-11-22")!)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(summary)) \(diagnostics.map(\.message))")
    }
}
