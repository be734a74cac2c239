import Foundation
import Testing
@testable import QandaCorpus
@testable import QandaKit

/// qanda-corpus --format stackexchange: a dump the Stack Exchange reader reads whole, the same for a seed, whose
/// HTML bodies convert to what their Markdown in PostHistory.xml shows.
@Suite struct StackExchangeDumpWriterTests {
    final class Scratch {
        let path = NSTemporaryDirectory() + "qanda-se-dump-test-" + UUID().uuidString
        init() { try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: path) }

        func dump(posts: Int, seed: UInt64, name: String) throws -> (String, StackExchangeDumpWriter.Summary) {
            let folder = path + "/" + name
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            return (folder, try StackExchangeDumpWriter(posts: posts, seed: seed).write(into: folder))
        }
    }

    struct Collected: ImportSink {
        var questions: [ImportedQuestion] = []
        var answers: [ImportedAnswer] = []
        var authors: [ImportedAuthor] = []
        var skips: [ImportSkip] = []
        mutating func author(_ author: ImportedAuthor) throws { authors.append(author) }
        mutating func question(_ question: ImportedQuestion) throws { questions.append(question) }
        mutating func answer(_ answer: ImportedAnswer, toQuestion questionID: String) throws { answers.append(answer) }
        mutating func skip(_ skip: ImportSkip) { skips.append(skip) }
    }

    @Test func theReaderReadsTheWholeDump() throws {
        let scratch = Scratch()
        let (folder, written) = try scratch.dump(posts: 3000, seed: 7, name: "cooking.stackexchange.com")
        #expect(written.posts == 3000)
        var sink = Collected()
        let summary = try StackExchangeReader(dump: StackExchangeDump(folder: folder, siteURL: nil)).read(into: &sink)
        #expect(summary.questions == written.questions && summary.answers == written.answers)
        #expect(summary.bodiesFromHistory == written.questions + written.answers && summary.bodiesFromHTML == 0)
        // Only the tag wikis are left out, each with its line.
        #expect(sink.skips.count == written.otherPosts && written.otherPosts > 0)
        #expect(sink.skips.allSatisfy { $0.reason.contains("tag wiki") && $0.location.hasPrefix("Posts.xml:") })
        // Every edge the generator promises is there.
        #expect(sink.answers.contains { $0.accepted } && sink.answers.contains { $0.authorID == "deleted-user" }
                && sink.answers.contains { $0.authorID.hasPrefix("guest-") } && sink.questions.contains { $0.updated != nil })
        #expect(Set(sink.questions.compactMap(\.source?.license)) == ["CC BY-SA 2.5", "CC BY-SA 3.0", "CC BY-SA 4.0"])
        #expect(sink.questions.flatMap(\.tags).contains("c-plus-plus"))
    }

    @Test func theSameSeedGivesTheSameBytes() throws {
        let scratch = Scratch()
        let (first, _) = try scratch.dump(posts: 500, seed: 3, name: "a")
        let (second, _) = try scratch.dump(posts: 500, seed: 3, name: "b")
        let (other, _) = try scratch.dump(posts: 500, seed: 4, name: "c")
        for file in ["Posts.xml", "Users.xml", "Tags.xml", "PostHistory.xml"] {
            let bytes = FileManager.default.contents(atPath: first + "/" + file)
            #expect(bytes != nil && bytes == FileManager.default.contents(atPath: second + "/" + file), "\(file)")
        }
        #expect(FileManager.default.contents(atPath: first + "/Posts.xml") != FileManager.default.contents(atPath: other + "/Posts.xml"))
    }

    /// The HTML in Posts.xml is what Stack Exchange renders from the Markdown in PostHistory.xml: converted back, it
    /// must render to the same page as that Markdown.
    @Test func convertedHTMLRendersAsTheMarkdownDoes() throws {
        let scratch = Scratch()
        let (folder, _) = try scratch.dump(posts: 1500, seed: 11, name: "cooking.stackexchange.com")
        var fromHistory = Collected()
        try StackExchangeReader(dump: StackExchangeDump(folder: folder, siteURL: nil)).read(into: &fromHistory)
        try FileManager.default.removeItem(atPath: folder + "/PostHistory.xml")
        var fromHTML = Collected()
        let summary = try StackExchangeReader(dump: StackExchangeDump(folder: folder, siteURL: nil)).read(into: &fromHTML)
        #expect(summary.bodiesFromHTML == fromHistory.questions.count + fromHistory.answers.count)
        let renderer = MarkdownRenderer()
        let pairs = zip(fromHistory.questions.map(\.body) + fromHistory.answers.map(\.body),
                        fromHTML.questions.map(\.body) + fromHTML.answers.map(\.body))
        var compared = 0
        for (markdown, converted) in pairs {
            #expect(renderer.render(converted).html == renderer.render(markdown).html, "\(markdown)\n---\n\(converted)")
            compared += 1
        }
        #expect(compared > 1000)
    }
}
