import Foundation
import Testing
@testable import QandaKit

/// The `qanda` executable as an editor runs it: exit codes, messages, files.
@Suite struct CommandLineTests {
    @Test func versionAndHelp() throws {
        let version = try CommandRun.run(["--version"])
        #expect(version.status == 0)
        // "0.2.0 (commit 1a2b3c4)", with " + uncommitted changes" or "(commit unknown)" as the tree was.
        let line = version.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(line == QandaVersion.description)
        #expect(line.hasPrefix(QandaVersion.current + " (commit "))
        let help = try CommandRun.run(["build", "--help"])
        #expect(help.status == 0)
        for option in ["--site", "--output", "--drafts", "--base-url"] { #expect(help.stdout.contains(option)) }
    }

    @Test func successfulBuildPrintsASummaryAndWritesTheSite() throws {
        let folder = TemporaryFolder()
        let site = folder.copySite("basic")
        let run = try CommandRun.run(["build", "--site", site])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("Built 2 threads: "))
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: site + "/Site/questions/sleep-and-worry/index.html"))
    }

    @Test func invalidSiteExitsOneAndNamesFileLineAndFix() throws {
        let folder = TemporaryFolder()
        let site = folder.copySite("invalid")
        let run = try CommandRun.run(["build", "--site", site, "--output", folder.path + "/out"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("Content/questions/x/answer-1.md:3:9: error[unknown-author]: unknown author 'kristina-randal' (did you mean 'kristina-randle'?)"))
        #expect(run.stderr.contains("3 | author: kristina-randal\n  |         ^"))
        #expect(run.stderr.contains("error: build failed with 10 errors, 0 warnings"))
        #expect(!run.stderr.contains("\u{1B}["), "colour codes outside a terminal")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/out"))
    }

    /// A thread another one links to is deleted: the build fails at the link and the last good site stays; with
    /// `links: warn` the same site builds, and says why it is broken.
    @Test func aBrokenLinkFailsTheBuildAndKeepsTheLastGoodSite() throws {
        let folder = TemporaryFolder()
        let site = folder.copySite("basic")
        let output = folder.path + "/out"
        #expect(try CommandRun.run(["build", "--site", site, "--output", output]).status == 0)
        try FileManager.default.removeItem(atPath: site + "/Content/questions/script-title")
        let failed = try CommandRun.run(["build", "--site", site, "--output", output])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("Content/questions/sleep-and-worry/question.md:14:30: error[broken-link]: link '/questions/script-title/' points to no page or file of the site\n"), "\(failed.stderr)")
        #expect(failed.stderr.contains("error: build failed with 1 error, 0 warnings; the previous site (if any) is unchanged"), "\(failed.stderr)")
        #expect(FileManager.default.fileExists(atPath: output + "/questions/script-title/index.html"), "the last good site was not kept")

        let config = site + "/qanda.yml"
        try (String(contentsOfFile: config, encoding: .utf8) + "links: warn\n").write(toFile: config, atomically: false, encoding: .utf8)
        let warned = try CommandRun.run(["build", "--site", site, "--output", output])
        #expect(warned.status == 0, "\(warned.stderr)")
        #expect(warned.stderr.contains("warning[broken-link]: link '/questions/script-title/'"), "\(warned.stderr)")
        #expect(warned.stdout.contains("1 warning"), "\(warned.stdout)")
        #expect(!FileManager.default.fileExists(atPath: output + "/questions/script-title/index.html"))
    }

    @Test func refusesToWriteOverTheSources() throws {
        let folder = TemporaryFolder()
        let site = folder.copySite("basic")
        for output in [site, site + "/Content", folder.path, "/"] {
            let run = try CommandRun.run(["build", "--site", site, "--output", output])
            #expect(run.status == 2, "output \(output) was accepted")
            #expect(run.stderr.contains("error: the output folder"))
        }
        #expect(FileManager.default.fileExists(atPath: site + "/Content/questions/sleep-and-worry/question.md"))
    }

    @Test func unknownOptionIsAUsageError() throws {
        let run = try CommandRun.run(["build", "--sight", "."])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--sight"))
    }

    @Test func aMisspeltCommandGetsADidYouMean() throws {
        let run = try CommandRun.run(["bild", "--site", "."])
        #expect(run.status == 2)
        #expect(run.stderr.contains("Did you mean 'build'? (qanda build --help)"), "\(run.stderr)")
        let nothingClose = try CommandRun.run(["xyzzy"])
        #expect(nothingClose.status == 2)
        #expect(!nothingClose.stderr.contains("Did you mean"), "\(nothingClose.stderr)")
    }

    /// Derived citation titles are notes: `--verbose` shows them, and `--strict` passes a site that has nothing else.
    @Test func checkNotesDerivedTitlesAndPassesStrict() throws {
        let run = try CommandRun.run(["check", "--site", Fixtures.site("basic"), "--today", "2025-01-01", "--strict", "--verbose"])
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.contains("Content/questions/sleep-and-worry/question.md:2:8: note[derived-citation-title]: the reference's title is derived from the page title: 'Why do I worry at night?'"))
        #expect(run.stdout.contains("hint: check proper nouns, then confirm it with `citation_title: Why do I worry at night?`"))
        #expect(run.stdout.hasSuffix("0 errors, 0 warnings, 2 notes\n"), "\(run.stdout)")
        #expect(run.stderr.isEmpty)
    }

    @Test func checkFailsOnErrorsAndWritesNothing() throws {
        let folder = TemporaryFolder()
        let site = folder.copySite("invalid")
        let run = try CommandRun.run(["check", "--site", site])
        #expect(run.status == 1)
        #expect(run.stdout.contains("error[unknown-author]"))
        #expect(!FileManager.default.fileExists(atPath: site + "/Site"))
    }
}
