import Testing
@testable import QandaKit

@Suite struct FrontMatterSplitterTests {
    private func block(_ text: String) -> FrontMatterBlock? {
        if case .success(let block) = FrontMatterSplitter.split(text) { return block }
        return nil
    }

    private func failure(_ text: String) -> FrontMatterSplitter.Failure? {
        if case .failure(let failure) = FrontMatterSplitter.split(text) { return failure }
        return nil
    }

    @Test func splitsYAMLAndBodyWithLineNumbers() {
        let result = block("---\ntitle: A\ndate: 2018-04-26\n---\nThe body.\nMore.\n")
        #expect(result == FrontMatterBlock(yaml: "title: A\ndate: 2018-04-26\n", yamlFirstLine: 2,
                                           body: "The body.\nMore.\n", bodyFirstLine: 5))
    }

    @Test func bodyFirstLineCountsBlankLines() {
        let result = block("---\na: 1\nb: 2\nc: 3\n---\n\n\nBody")
        #expect(result?.yaml == "a: 1\nb: 2\nc: 3\n")
        #expect(result?.body == "\n\nBody")
        #expect(result?.bodyFirstLine == 6)
    }

    @Test func emptyFrontMatter() {
        #expect(block("---\n---\nBody\n") == FrontMatterBlock(yaml: "", yamlFirstLine: 2, body: "Body\n", bodyFirstLine: 3))
    }

    @Test func trailingSpacesAndTabsOnFencesAreAllowed() {
        let result = block("---   \ntitle: A\n--- \t\nBody\n")
        #expect(result?.yaml == "title: A\n")
        #expect(result?.body == "Body\n")
        #expect(result?.bodyFirstLine == 4)
    }

    @Test func dotsCloseTheFrontMatter() {
        #expect(block("---\ntitle: A\n...\nBody\n") == FrontMatterBlock(yaml: "title: A\n", yamlFirstLine: 2,
                                                                          body: "Body\n", bodyFirstLine: 4))
    }

    @Test func dotsDoNotOpenTheFrontMatter() {
        #expect(failure("...\ntitle: A\n---\nBody\n") == .missingOpening)
    }

    @Test func closingFenceAtTheEndOfTheFileGivesAnEmptyBody() {
        #expect(block("---\ntitle: A\n---") == FrontMatterBlock(yaml: "title: A\n", yamlFirstLine: 2, body: "", bodyFirstLine: 4))
    }

    @Test func dashesInTheBodyStayInTheBody() {
        let result = block("---\ntitle: A\n---\nIntro\n\n---\n\n```\n---\n```\n")
        #expect(result?.yaml == "title: A\n")
        #expect(result?.body == "Intro\n\n---\n\n```\n---\n```\n")
        #expect(result?.bodyFirstLine == 4)
    }

    @Test func longerDashLinesAreNotFences() {
        #expect(block("---\na: 1\n----\nb: 2\n---\nBody")?.yaml == "a: 1\n----\nb: 2\n")
    }

    @Test func missingOpening() {
        #expect(failure("title: A\n---\nBody\n") == .missingOpening)
        #expect(failure(" ---\ntitle: A\n---\n") == .missingOpening)
        #expect(failure("Just text") == .missingOpening)
        #expect(failure("") == .missingOpening)
        #expect(failure("\n---\ntitle: A\n---\n") == .missingOpening)
    }

    @Test func unclosed() {
        #expect(failure("---\ntitle: A\nBody without a closing fence\n") == .unclosed(openingLine: 1))
        #expect(failure("---") == .unclosed(openingLine: 1))
        #expect(failure("---\n") == .unclosed(openingLine: 1))
    }

    @Test func indentedFenceDoesNotClose() {
        #expect(failure("---\ntitle: A\n  ---\n") == .unclosed(openingLine: 1))
    }
}
