import Foundation
import Testing
@testable import QandaKit

/// A link or image that reaches no page or file stops `qanda build` as it fails `qanda check` (`broken-link`),
/// unless qanda.yml says `links: warn`; its "did you mean" offers files for a missing file and near pages for a
/// missing page.
@Suite struct BrokenLinkTests {
    private let A = ValidSite.answer

    /// The valid site with a second thread (naps-at-work), and the answer's body replaced by `body`.
    private static func site(in folder: TemporaryFolder, answerBody body: String, edits: [SiteEdit] = []) throws -> String {
        let site = ValidSite.make(in: folder)
        for edit in ValidSite.secondThread() + edits { try edit.apply(to: site) }
        try SiteEdit.replace(ValidSite.answer, "Keep a regular bedtime.\n", with: body + "\n").apply(to: site)
        return site
    }

    /// The message of the only finding, after checking it is a broken link at `line`:`column` of the answer.
    private static func onlyFinding(_ diagnostics: [Diagnostic], line: Int, column: Int, severity: Diagnostic.Severity = .error,
                                    sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
        #expect(diagnostics.map(summary) == ["\(ValidSite.answer):\(line):\(column) \(severity.rawValue) broken-link"],
                "\(diagnostics.map(\.message))", sourceLocation: sourceLocation)
        return diagnostics.first?.message ?? ""
    }

    @Test func aBrokenLinkStopsTheBuildAsItFailsTheCheck() async throws {
        let folder = TemporaryFolder()
        let site = try Self.site(in: folder, answerBody: "See [naps](/questions/naps-at-wrok/).")
        let (result, sink) = await buildInMemory(site)
        #expect(!result.succeeded)
        #expect(sink.files.isEmpty, "a build with a broken link wrote files")
        let message = Self.onlyFinding(result.diagnostics, line: 6, column: 5)
        #expect(message == "link '/questions/naps-at-wrok/' points to no page or file of the site (did you mean '/questions/naps-at-work/'?)")
        #expect(result.diagnostics.first?.hint?.contains("site paths start with /") == true)
        // `qanda check` reports the very same finding.
        #expect(await check(site) == result.diagnostics)
    }

    @Test func linksWarnBuildsTheSiteAndReportsAWarning() async throws {
        let folder = TemporaryFolder()
        let site = try Self.site(in: folder, answerBody: "See [naps](/questions/naps-at-wrok/) and ![a chart](chart.png).",
                                 edits: [.replace(ValidSite.config, "publisher: Test Publisher", with: "publisher: Test Publisher\nlinks: warn")])
        let (result, sink) = await buildInMemory(site)
        #expect(result.succeeded, "\(result.diagnostics)")
        #expect(result.diagnostics.map(summary) == ["\(A):6:5 warning broken-link", "\(A):6:42 warning broken-link"])
        #expect(sink.text("questions/sleep-better/index.html")?.contains(#"<a href="/questions/naps-at-wrok/">naps</a>"#) == true)
        #expect(await check(site).map(summary) == ["\(A):6:5 warning broken-link", "\(A):6:42 warning broken-link"])
    }

    @Test func anUnknownLinksPolicyNamesTheAcceptedValues() async throws {
        let folder = TemporaryFolder()
        let site = ValidSite.make(in: folder)
        try SiteEdit.replace(ValidSite.config, "publisher: Test Publisher", with: "publisher: Test Publisher\nlinks: ignore").apply(to: site)
        let (result, _) = await buildInMemory(site)
        #expect(result.diagnostics.map(summary) == ["qanda.yml:4:8 error invalid-value"])
        #expect(result.diagnostics.first?.message == "'links' must be error or warn, not 'ignore'")
        #expect(result.diagnostics.first?.hint?.hasPrefix("error (the default) stops the build") == true)
    }

    @Test func aLinkThatBeginsASlugSuggestsIt() async throws {
        let folder = TemporaryFolder()
        let site = try Self.site(in: folder, answerBody: "See [naps](/questions/naps/).")
        let message = Self.onlyFinding(await check(site), line: 6, column: 5)
        #expect(message.hasSuffix("(did you mean '/questions/naps-at-work/'?)"), "\(message)")
    }

    @Test func severalNearSlugsAreOfferedNearestFirst() async throws {
        let folder = TemporaryFolder()
        let site = try Self.site(in: folder, answerBody: "See [naps](/questions/naps-at/).",
                                 edits: ValidSite.secondThread(folder: "naps-at-home", title: "Are naps at home fine?")
                                     + ValidSite.secondThread(folder: "naps-a", title: "Naps?")
                                     + ValidSite.secondThread(folder: "napsat", title: "Naps at?"))
        let message = Self.onlyFinding(await check(site), line: 6, column: 5)
        // One edit away first (naps-a, then napsat: by name), then the slugs it begins at a word, shortest first.
        #expect(message.hasSuffix("(did you mean '/questions/naps-a/', '/questions/napsat/' or '/questions/naps-at-home/'?)"), "\(message)")
    }

    @Test func aPageWithoutItsSectionIsFound() async throws {
        let folder = TemporaryFolder()
        let site = try Self.site(in: folder, answerBody: "See [about](/about/) and [the page](/questions/naps-at-work/page/2/).",
                                 edits: [.write("Content/pages/about.md", "---\ntitle: About\n---\nAbout us.\n")])
        let diagnostics = await check(site)
        #expect(diagnostics.map(summary) == ["\(A):6:5 error broken-link", "\(A):6:26 error broken-link"])
        #expect(diagnostics.first?.message.hasSuffix("(did you mean '/pages/about/'?)") == true, "\(diagnostics.map(\.message))")
        #expect(diagnostics.last?.message.hasSuffix("(did you mean '/questions/naps-at-work/'?)") == true, "\(diagnostics.map(\.message))")
    }

    @Test func aMissingImageSuggestsFilesOfSimilarNamesAndNeverAPage() async throws {
        let folder = TemporaryFolder()
        let site = try Self.site(in: folder, answerBody: "![a chart](chart.png)", edits: [
            .write("Content/questions/sleep-better/chart.svg", "<svg/>\n"),
            .write("Content/questions/sleep-better/sleep-chart.png", "png\n"),
            .write("Content/assets/chart.png", "png\n"),
            .write("Content/static/charts.png", "png\n"),
            .write("Content/questions/naps-at-work/chart.png", "png\n"),
        ])
        let message = Self.onlyFinding(await check(site), line: 6, column: 1)
        // The same name elsewhere first, then the same name with another extension, then one edit away. Another
        // thread's file is not offered for a link of this thread.
        #expect(message == "image 'chart.png' points to no page or file of the site (did you mean '/assets/chart.png', 'chart.svg' or '/charts.png'?)")
        let hint = try #require(await check(site).first?.hint)
        #expect(hint.contains("Content/assets/ as /assets/<name>"), "\(hint)")
    }

    @Test func aMissingImageNamedLikeAPageIsNotOfferedThePage() async throws {
        let folder = TemporaryFolder()
        let site = try Self.site(in: folder, answerBody: "![naps](naps-at-work.png) ![again](/questions/naps-at-work.png)")
        let diagnostics = await check(site)
        #expect(diagnostics.count == 2)
        for diagnostic in diagnostics {
            #expect(!diagnostic.message.contains("did you mean"), "\(diagnostic.message)")
        }
    }

    @Test func anImageInAnotherThreadsFolderIsOfferedThatFoldersFiles() async throws {
        let folder = TemporaryFolder()
        let site = try Self.site(in: folder, answerBody: "![a chart](/questions/naps-at-work/chart.png)",
                                 edits: [.write("Content/questions/naps-at-work/chart.svg", "<svg/>\n")])
        let message = Self.onlyFinding(await check(site), line: 6, column: 1)
        #expect(message.hasSuffix("(did you mean '/questions/naps-at-work/chart.svg'?)"), "\(message)")
    }

    @Test func aMissingImageInABioIsOfferedTheAuthorsPhoto() async throws {
        let folder = TemporaryFolder()
        let site = ValidSite.make(in: folder)
        try SiteEdit.replace(ValidSite.person, "reviewer: true", with: "reviewer: true\nphoto: ada.jpg").apply(to: site)
        try SiteEdit.write("Content/authors/ada.jpg", "jpg\n").apply(to: site)
        try SiteEdit.replace(ValidSite.person, "Ada writes answers.", with: "Ada writes answers. ![Ada](ada.jpeg)").apply(to: site)
        let diagnostics = await check(site)
        #expect(diagnostics.map(summary) == ["\(ValidSite.person):8:21 error broken-link"])
        #expect(diagnostics.first?.message.hasSuffix("(did you mean 'ada.jpg'?)") == true, "\(diagnostics.map(\.message))")
    }

    /// The example site and the fixtures have no broken link: they build as before.
    @Test func theExampleSiteAndTheFixturesHaveNoBrokenLink() async throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        for site in [repository, Fixtures.site("basic")] {
            let links = await check(site).filter { $0.code == .brokenLink }
            #expect(links.isEmpty, "\(site): \(links.map(\.message))")
        }
    }
}
