import Foundation
import Testing
@testable import QandaKit

/// The vocabulary `unknown-template-variable` checks is derived from the context types (each one's names and
/// the pieces it lists as its parts). These tests hold the derivation to what contexts really contain.
@Suite struct TemplateVocabularyTests {
    /// Every context of every layout, made for a sample site with every optional value present.
    static func contexts() -> [any PageContext] {
        var site = SampleSite.make()
        site.config.citationRetrieved = true
        // In two languages, so that every page has its alternates and language switcher.
        site.config.languages = [site.config.language, "es"]
        let builder = ContextBuilder(site: site, today: ContentDate.parse("2020-01-03")!, localization: .builtIn(site.config.language),
                                     languageVersions: LanguageVersions(site: site))
        let links = SearchLinks(rootURL: "/search/index/root.0.json", scriptURL: "/search/qanda-search.0.js")
        return [
            builder.homePage(), builder.questionPage(0), builder.questionPage(0, number: 2),
            builder.listPage(kind: .allQuestions, number: 1), builder.listPage(kind: .category(0), number: 2),
            builder.listPage(kind: .tag(0), number: 1), builder.termsPage(categories: true), builder.termsPage(categories: false),
            builder.authorsPage(), builder.authorPage(0, number: 1), builder.authorPage(0, number: 2), builder.freePage(0),
            builder.aliasPage(threadIndex: 0), builder.searchPage(links: links), builder.notFoundPage(),
            builder.withdrawnPage(0), builder.aliasPage(withdrawnThread: 0),
        ]
    }

    /// The names a template can reach from `value`, found by walking it.
    static func reachableNames(_ value: Any, into names: inout Set<String>) {
        if let object = value as? any TemplateObject {
            for name in type(of: object).ownNames {
                names.insert(name)
                if let child = object.child(named: name) { Self.reachableNames(child, into: &names) }
            }
        } else if let list = value as? [Any] {
            for element in list { Self.reachableNames(element, into: &names) }
        }
    }

    @Test func eachLayoutsNamesAreExactlyThoseItsContextsHold() {
        var reached: [String: Set<String>] = [:]
        for context in Self.contexts() {
            let layout = type(of: context).layout
            Self.reachableNames(context, into: &reached[layout, default: []])
            Self.reachableNames(context.common, into: &reached[layout, default: []])
        }
        #expect(Set(reached.keys) == Set(TemplateVocabulary.namesByLayout.keys))
        for (layout, names) in reached {
            let derived = TemplateVocabulary.namesByLayout[layout] ?? []
            #expect(derived.subtracting(names).isEmpty, "\(layout): derived but never present: \(derived.subtracting(names).sorted())")
            #expect(names.subtracting(derived).isEmpty, "\(layout): present but not derived: \(names.subtracting(derived).sorted())")
        }
    }

    @Test func theVocabularyHasTheNamesTheREADMEListsForAQuestionPage() {
        let names = TemplateVocabulary.namesByLayout["question"] ?? []
        for name in ["page_title", "site", "stylesheet_url", "question", "asked_by", "answers", "author_photo_url",
                     "citation_html", "author_boxes", "orcid_url", "meta_tags", "content", "related", "has_accepted",
                     "pager", "is_gap", "t", "latest_questions", "cite_this_page", "dates_html", "asked_by_html",
                     "line_html", "heading_text", "direction", "is_rtl"] {
            #expect(names.contains(name), "\(name)")
        }
        #expect(!names.contains("target_url"))
        // Strings with placeholders are never raw in `t`: pages give them filled in.
        #expect(!names.contains("published") && !names.contains("answer_count_one"))
        #expect(!names.contains("answers_written"))
    }

    /// `site.description` absent (no description in qanda.yml) while the page has one: inside `{{#site}}` the
    /// absent value is false, prints nothing, and does not fall through to the page's.
    @Test func anAbsentValueIsFalseInASectionPrintsNothingAndEndsTheLookup() throws {
        let folder = NSTemporaryDirectory() + "qanda-absent-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/Templates", withIntermediateDirectories: true)
        try "{{#site}}[{{description}}]{{#description}}yes{{/description}}{{^description}}no{{/description}}{{/site}} {{description}}\n"
            .write(toFile: folder + "/Templates/probe.mustache", atomically: false, encoding: .utf8)
        let (loaded, diagnostics) = TemplateSet.load(siteFolder: folder)
        let templates = try #require(loaded, "\(diagnostics)")
        var site = SampleSite.make()
        site.config.description = nil
        let page = ContextBuilder(site: site, today: ContentDate.parse("2020-01-03")!, localization: .builtIn(site.config.language)).questionPage(0)
        #expect(templates.render(page, layout: "probe") == "[]no D\n")
    }
}
