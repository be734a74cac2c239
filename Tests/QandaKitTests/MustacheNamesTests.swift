import Testing
@testable import QandaKit

@Suite struct MustacheNamesTests {
    private typealias Reference = MustacheNames.Reference

    private func names(_ template: String) -> [String]? {
        MustacheNames.references(in: template)?.map(\.name)
    }

    @Test func plainValue() {
        #expect(MustacheNames.references(in: "<h1>{{title}}</h1>") == [Reference(name: "title", kind: .value, line: 1, column: 5)])
    }

    @Test func spacesInsideTheTagAreIgnored() {
        #expect(MustacheNames.references(in: "{{ title }}") == [Reference(name: "title", kind: .value, line: 1, column: 1)])
    }

    @Test func sectionsAndInvertedSections() {
        #expect(MustacheNames.references(in: "{{#answers}}x{{/answers}}{{^answers}}none{{/answers}}") == [
            Reference(name: "answers", kind: .value, line: 1, column: 1),
            Reference(name: "answers", kind: .value, line: 1, column: 26),
        ])
    }

    @Test func unescapedValues() {
        #expect(MustacheNames.references(in: "{{{body}}} {{&summary}}") == [
            Reference(name: "body", kind: .value, line: 1, column: 1),
            Reference(name: "summary", kind: .value, line: 1, column: 12),
        ])
    }

    @Test func dottedNamesGiveEachPart() {
        #expect(MustacheNames.references(in: "{{site.title}}") == [
            Reference(name: "site", kind: .value, line: 1, column: 1),
            Reference(name: "title", kind: .value, line: 1, column: 1),
        ])
        #expect(names("{{items.0.name}}") == ["items", "name"])
    }

    @Test func implicitIteratorIsNotAName() {
        #expect(names("{{#tags}}{{.}}{{/tags}}") == ["tags"])
    }

    @Test func transformsNameTheirArgument() {
        #expect(names("{{uppercased(title)}}") == ["title"])
    }

    @Test func partialsAndParents() {
        #expect(MustacheNames.references(in: "{{>header}}\n{{<base}}{{$content}}x{{/content}}{{/base}}") == [
            Reference(name: "header", kind: .partial, line: 1, column: 1),
            Reference(name: "base", kind: .partial, line: 2, column: 1),
        ])
        #expect(MustacheNames.references(in: "{{> footer }}") == [Reference(name: "footer", kind: .partial, line: 1, column: 1)])
    }

    @Test func commentsClosingTagsAndBlocksAreIgnored() {
        #expect(MustacheNames.references(in: "{{! a comment }}{{/close}}{{$block}}{{/block}}") == [])
    }

    @Test func setDelimiterStopsTheScan() {
        #expect(MustacheNames.references(in: "{{title}}{{=<% %>=}}<% body %>") == nil)
    }

    @Test func templateWithoutTags() {
        #expect(MustacheNames.references(in: "<p>plain { text } here</p>") == [])
        #expect(MustacheNames.references(in: "") == [])
        #expect(MustacheNames.references(in: "{") == [])
    }

    @Test func linesAndColumnsOnAMultiLineTemplate() {
        let template = "<html>\n  <title>{{site.title}}</title>\n{{#answers}}\n\t<p>{{{body}}}</p>{{/answers}}\n"
        #expect(MustacheNames.references(in: template) == [
            Reference(name: "site", kind: .value, line: 2, column: 10),
            Reference(name: "title", kind: .value, line: 2, column: 10),
            Reference(name: "answers", kind: .value, line: 3, column: 1),
            Reference(name: "body", kind: .value, line: 4, column: 5),
        ])
    }

    @Test func multiLineCommentsStillCountLines() {
        let template = "{{!\n  A comment\n  over three lines\n}}\n<h1>{{title}}</h1>"
        #expect(MustacheNames.references(in: template) == [Reference(name: "title", kind: .value, line: 5, column: 5)])
    }

    @Test func columnAfterATagSpanningLines() {
        let template = "{{! one\ntwo }}{{title}}"
        #expect(MustacheNames.references(in: template) == [Reference(name: "title", kind: .value, line: 2, column: 7)])
    }
}
