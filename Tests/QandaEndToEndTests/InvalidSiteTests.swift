import Foundation
import Testing
@testable import QandaKit

/// The `invalid` fixture has one mistake per file; every one must be reported with its place, in one run.
@Suite struct InvalidSiteTests {
    @Test func everyProblemIsReportedWithFileLineAndColumn() async throws {
        let (result, sink) = await buildInMemory(Fixtures.site("invalid"))
        #expect(!result.succeeded)
        #expect(sink.files.isEmpty, "a failed build wrote files")
        let found = result.diagnostics.map { "\($0.file):\($0.line):\($0.column) \($0.code.rawValue)" }
        #expect(found == [
            "Content/authors/no-family.md:2:1 missing-person-name",
            "Content/authors/no-family.md:4:8 invalid-orcid",
            "Content/questions/no-question/:0:0 missing-question",
            "Content/questions/two-accepted/b.md:4:1 multiple-accepted",
            "Content/questions/two-accepted/question.md:4:10 date-order",
            "Content/questions/x/answer-1.md:3:9 unknown-author",
            "Content/questions/x/bad-yaml.md:4:8 yaml-syntax",
            "Content/questions/x/no-front-matter.md:1:1 missing-front-matter",
            "Content/questions/x/question.md:3:7 invalid-date",
            "Content/questions/x/question.md:5:1 unknown-key",
        ])
        let unknownAuthor = try #require(result.diagnostics.first { $0.code == .unknownAuthor })
        #expect(unknownAuthor.message == "unknown author 'kristina-randal' (did you mean 'kristina-randle'?)")
        let unknownKey = try #require(result.diagnostics.first { $0.code == .unknownKey })
        #expect(unknownKey.message == "unknown key 'titel' (did you mean 'title'?)")
    }

    @Test func missingConfigurationIsOneClearError() async throws {
        let folder = TemporaryFolder()
        let (result, _) = await buildInMemory(folder.path)
        #expect(result.diagnostics.map(\.code) == [.missingConfig])
    }

    @Test func requiredKeysAreNamed() async throws {
        let folder = TemporaryFolder()
        folder.write("title: T\nbase_url: https://example.org/\npublisher: P\n", to: "qanda.yml")
        folder.write("---\nauthor: a\n---\nNo date.\n", to: "Content/questions/q/answer.md")
        folder.write("---\ndate: 2020-01-01\n---\nNo title.\n", to: "Content/questions/q/question.md")
        folder.write("---\nname: A\nkind: organization\n---\n", to: "Content/authors/a.md")
        let (result, _) = await buildInMemory(folder.path)
        let messages = result.diagnostics.map(\.message)
        #expect(messages.contains("missing required key 'title'"))
        #expect(messages.contains("missing required key 'category'"))
        #expect(messages.contains("missing required key 'date'"))
    }

    @Test func reviewerMustBeAllowedAndNotInTheFuture() async throws {
        let folder = TemporaryFolder()
        folder.write("title: T\nbase_url: https://example.org/\npublisher: P\n", to: "qanda.yml")
        folder.write("---\nname: A B\ngiven: A\nfamily: B\n---\n", to: "Content/authors/a.md")
        folder.write("---\ntitle: Q\ndate: 2020-01-01\ncategory: C\nreviewed:\n  by: a\n  date: 2030-01-01\n---\nQ\n",
                     to: "Content/questions/q/question.md")
        let (result, _) = await buildInMemory(folder.path)
        let messages = result.diagnostics.map(\.message)
        #expect(messages.contains("'a' is not a reviewer"))
        #expect(messages.contains("'reviewed.date' (2030-01-01) is in the future"))
        #expect(result.diagnostics.allSatisfy { $0.file == "Content/questions/q/question.md" })
        // Each points at what to change: the reviewer's id, the review's day.
        #expect(result.diagnostics.map(\.line).sorted() == [6, 7])
    }

    @Test func slugsAndAliasesThatCouldEscapeAreRefused() async throws {
        let folder = TemporaryFolder()
        folder.write("title: T\nbase_url: https://example.org/\npublisher: P\n", to: "qanda.yml")
        folder.write("---\ntitle: Q\ndate: 2020-01-01\ncategory: C\nslug: ../../etc\naliases: [/../outside/]\n---\nQ\n",
                     to: "Content/questions/q/question.md")
        folder.write("---\ntitle: R\ndate: 2020-01-01\ncategory: C\naliases: [/questions/q2/]\n---\nR\n",
                     to: "Content/questions/q2/question.md")
        let (result, sink) = await buildInMemory(folder.path)
        #expect(sink.files.isEmpty)
        let codes = Set(result.diagnostics.map(\.code))
        #expect(codes.contains(.invalidSlug))
        #expect(codes.contains(.unsafePath))
        #expect(codes.contains(.aliasCollision))
    }
}
