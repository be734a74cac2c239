import Foundation
import Testing
@testable import QandaCorpus
@testable import QandaKit

/// qanda-corpus: the same seed gives the same bytes, the variety the tests and benchmarks rely on is really
/// there, and what it writes is a site Qanda builds and checks without errors.
@Suite struct CorpusGeneratorTests {
    /// A temporary folder removed when the value goes away.
    final class Scratch {
        let path = NSTemporaryDirectory() + "qanda-corpus-test-" + UUID().uuidString
        init() { try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    /// Relative path -> bytes of every file under `folder`.
    static func files(under folder: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder))
        while let relative = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isFolder), !isFolder.boolValue {
                result[relative] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + relative))
            }
        }
        return result
    }

    static func generate(_ options: CorpusGenerator.Options, in scratch: Scratch, name: String) throws -> String {
        let folder = scratch.path + "/" + name
        _ = try CorpusGenerator(options: options).write(to: folder, force: false)
        return folder
    }

    /// Every thread of a corpus, as the writers get them.
    static func threads(_ options: CorpusGenerator.Options) -> (AuthorRoster, [CorpusThread]) {
        let roster = AuthorRoster(questions: options.questions, seed: options.seed)
        var composer = ThreadComposer(roster: roster, asOf: options.asOf, seed: options.seed, overdueReviews: options.overdueReviews)
        return (roster, (0..<options.questions).map { composer.compose(index: $0) })
    }

    @Test func theSameSeedGivesTheSameBytes() throws {
        let scratch = Scratch()
        let first = try Self.files(under: Self.generate(.init(questions: 60, seed: 7), in: scratch, name: "a"))
        let second = try Self.files(under: Self.generate(.init(questions: 60, seed: 7), in: scratch, name: "b"))
        #expect(first.count > 60 * 2)
        #expect(first == second)
        let hugo = try Self.files(under: Self.generate(.init(questions: 60, seed: 7, format: .hugo), in: scratch, name: "h1"))
        #expect(try hugo == Self.files(under: Self.generate(.init(questions: 60, seed: 7, format: .hugo), in: scratch, name: "h2")))
    }

    @Test func anotherSeedOrDayGivesAnotherSite() throws {
        let scratch = Scratch()
        let one = try Self.files(under: Self.generate(.init(questions: 30, seed: 1), in: scratch, name: "a"))
        let two = try Self.files(under: Self.generate(.init(questions: 30, seed: 2), in: scratch, name: "b"))
        #expect(Set(one.keys.filter { $0.hasPrefix("Content/questions/") }) != Set(two.keys.filter { $0.hasPrefix("Content/questions/") }))
        let later = try Self.files(under: Self.generate(.init(questions: 30, seed: 1, asOf: CorpusDay(iso: "2030-01-15")!), in: scratch, name: "c"))
        #expect(one.keys.sorted() == later.keys.sorted(), "the day moves the dates, not the threads")
        #expect(one != later)
    }

    @Test func theVarietyIsThere() throws {
        let (roster, threads) = Self.threads(.init(questions: 600, seed: 1))
        let published = threads.filter { !$0.draft }
        #expect(published.contains { $0.answers.isEmpty })
        #expect(threads.contains { $0.answers.count == 1 })
        #expect(threads.contains { $0.answers.count >= 5 })
        #expect(threads.contains { $0.answers.count >= 10 })
        #expect(threads.contains { $0.draft })
        #expect(threads.contains { $0.answers.contains(where: \.draft) })
        #expect(threads.contains { $0.answers.contains(where: \.accepted) })
        #expect(threads.contains { $0.answers.contains { $0.fileName.hasSuffix("-follow-up") } })
        #expect(threads.contains { !$0.attachments.isEmpty })
        #expect(threads.contains { !$0.aliases.isEmpty })
        #expect(threads.contains { $0.slug != nil })
        #expect(threads.contains { $0.tags.isEmpty } && threads.contains { $0.tags.count >= 3 })
        #expect(threads.contains { $0.genre == "webpage" } && threads.contains { $0.citationTitle != nil })
        #expect(threads.contains { $0.review == nil } && threads.contains { $0.updated != nil })
        #expect(Set(threads.map(\.category)).count >= 12)
        // Non-ASCII: accents, CJK, right-to-left and emoji in titles, and accents in the community's text.
        let titles = threads.map(\.title).joined(separator: "\n")
        for sample in ["ó", "眠", "ال", "ה", "😔"] { #expect(titles.contains(sample), "no title has \(sample)") }
        #expect(threads.contains { $0.answers.contains { $0.body.contains("💙") || $0.body.contains("🌱") } })
        // Markdown: lists, emphasis, tables, footnotes, quotes, headings, strikethrough, links between threads.
        let bodies = threads.flatMap { [$0.body] + $0.answers.map(\.body) }.joined(separator: "\n")
        for feature in ["\n- ", "\n1. ", "*", "|---|", "[^1]: ", "\n> ", "### ", "~~", "](/questions/", "](/authors/", "](my-week.svg)"] {
            #expect(bodies.contains(feature), "no body has \(feature)")
        }
        // Long and short bodies.
        let lengths = threads.flatMap { $0.answers.map(\.body.utf8.count) }
        #expect(lengths.min()! < 80 && lengths.max()! > 3000)
        // Authors: clinicians, members, reviewers, organizations, names in other scripts, ORCID iDs and photos.
        #expect(roster.authors.contains { $0.kind == .organization } && roster.reviewers.contains { $0.kind == .clinician })
        #expect(roster.authors.contains { $0.orcid != nil } && roster.authors.contains { $0.photo != nil })
        #expect(roster.authors.contains { $0.name.unicodeScalars.contains { $0.value >= 0x590 } })
        // No two threads share a URL or a title.
        #expect(Set(threads.map(\.urlSlug)).count == threads.count)
        #expect(Set(threads.map { $0.title.lowercased() }).count == threads.count)
    }

    @Test func qandaBuildsAndChecksItWithoutErrors() async throws {
        let scratch = Scratch()
        let options = CorpusGenerator.Options(questions: 200, seed: 3)
        let site = try Self.generate(options, in: scratch, name: "site")
        let today = try #require(ContentDate.parse(options.asOf.iso))
        let sink = MemorySink()
        let result = await SitePipeline(siteFolder: site, options: SiteLoader.Options(now: today.noon)).build(into: sink)
        #expect(result.succeeded)
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.filter { $0.severity == .error }.prefix(5))")
        let (_, threads) = Self.threads(options)
        let published = threads.filter { !$0.draft }
        #expect(result.site?.threads.count == published.count)
        let files = Set(sink.files.keys)
        for thread in published { #expect(files.contains("questions/\(thread.urlSlug)/index.html")) }
        for thread in threads where thread.draft { #expect(!files.contains("questions/\(thread.urlSlug)/index.html")) }
        let withAttachment = try #require(published.first { !$0.attachments.isEmpty })
        #expect(files.contains("questions/\(withAttachment.urlSlug)/\(withAttachment.attachments[0].name)"))
        let aliased = try #require(published.first { !$0.aliases.isEmpty })
        #expect(files.contains(String(aliased.aliases[0].dropFirst()) + "index.html"))

        let findings = await SitePipeline(siteFolder: site).check(today: today, usesBuildCache: false)
        #expect(!findings.hasErrors, "\(findings.filter { $0.severity == .error }.prefix(5).map(\.message))")
        #expect(findings.contains { $0.code == .noAnswers }, "unanswered threads are warned about")
    }

    @Test func overdueReviewsAreThereOnlyWhenAskedFor() async throws {
        let scratch = Scratch()
        let options = CorpusGenerator.Options(questions: 300, seed: 1, overdueReviews: true)
        let site = try Self.generate(options, in: scratch, name: "site")
        let today = try #require(ContentDate.parse(options.asOf.iso))
        let findings = await SitePipeline(siteFolder: site).check(today: today, usesBuildCache: false)
        #expect(findings.contains { $0.code == .reviewOverdue })
        #expect(findings.filter { $0.severity == .error }.allSatisfy { $0.code == .reviewOverdue })
    }

    @Test func neverReplacesFilesThatAreNotACorpus() throws {
        let scratch = Scratch()
        let folder = scratch.path + "/mine"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "keep me".write(toFile: folder + "/notes.txt", atomically: false, encoding: .utf8)
        for force in [false, true] {
            #expect(throws: CorpusGenerator.Failure.self) { try CorpusGenerator(options: .init(questions: 3)).write(to: folder, force: force) }
        }
        #expect(try String(contentsOfFile: folder + "/notes.txt", encoding: .utf8) == "keep me")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["mine"], "no staging folder is left")

        // A corpus is replaced only with --force.
        let corpus = try Self.generate(.init(questions: 3, seed: 1), in: scratch, name: "corpus")
        #expect(throws: CorpusGenerator.Failure.self) { try CorpusGenerator(options: .init(questions: 5, seed: 2)).write(to: corpus, force: false) }
        _ = try CorpusGenerator(options: .init(questions: 5, seed: 2)).write(to: corpus, force: true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: corpus + "/Content/questions").count == 5)
    }

    @Test func theHugoSiteHasTheSameThreads() throws {
        let scratch = Scratch()
        let options = CorpusGenerator.Options(questions: 40, seed: 5, format: .hugo)
        let files = try Self.files(under: Self.generate(options, in: scratch, name: "hugo"))
        let (roster, threads) = Self.threads(options)
        #expect(files["hugo.toml"] != nil && files["layouts/_default/baseof.html"] != nil)
        for thread in threads { #expect(files["content/questions/\(thread.urlSlug)/index.md"] != nil) }
        for author in roster.authors { #expect(files["content/authors/\(author.id)/_index.md"] != nil) }
    }

    @Test func daysAndORCIDs() {
        #expect(CorpusDay(iso: "2024-02-29")?.iso == "2024-02-29")
        #expect(CorpusDay(iso: "2023-02-29") == nil)
        #expect(CorpusDay(iso: "2026-06-01")!.adding(days: 30).iso == "2026-07-01")
        var random = SplitMix64(seed: 9)
        for _ in 0..<50 { #expect(ORCID.isValid(AuthorRoster.orcid(random: &random))) }
    }
}
