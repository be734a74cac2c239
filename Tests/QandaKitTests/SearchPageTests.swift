import Foundation
import Testing
@testable import QandaKit

/// The search page as the default theme renders it: a GET form that works before the script loads, which the
/// script (named by `SearchLinks`) brings to life; or, with no index, a sentence saying so.
@Suite struct SearchPageTests {
    static func render(_ links: SearchLinks?) throws -> String {
        let builder = ContextBuilder(site: SampleSite.make(), today: ContentDate.parse("2020-01-03")!, localization: .builtIn("en"))
        let templates = try #require(TemplateSet.load(siteFolder: "/nonexistent-qanda-site").0)
        return templates.render(builder.searchPage(links: links), layout: "search")
    }

    @Test func withAnIndexThePageIsAFormTheScriptReads() throws {
        let page = try Self.render(SearchLinks(rootURL: "/search/index/root.abc.json", scriptURL: "/search/qanda-search.def.js"))
        #expect(page.contains(#"<div id="search" class="search" data-root="/search/index/root.abc.json" data-strings="{&quot;answerPrefix&quot;:&quot;Answer:&quot;,&quot;answers&quot;:{&quot;one&quot;:&quot;{count} answer&quot;,&quot;other&quot;:&quot;{count} answers&quot;}"#))
        #expect(page.contains(#"<script src="/search/qanda-search.def.js" defer></script>"#))
        #expect(page.contains(#"<form class="search-form" action="/search/" method="get" role="search""#))
        #expect(page.contains(#"<input id="search-query" type="search" name="q""#))
        #expect(page.contains(#"<select id="search-category" name="category"><option value="">All categories</option><option value="c">C</option></select>"#))
        #expect(page.contains(#"<p class="search-status" role="status"></p>"#))
        #expect(page.contains("Search needs JavaScript"))
        #expect(!page.contains("not available"))
        #expect(!page.lowercased().contains("pagefind"))
    }

    @Test func withoutAnIndexThePageSaysSearchIsNotAvailable() throws {
        let page = try Self.render(nil)
        #expect(page.contains("Search is not available on this copy of the site."))
        #expect(!page.contains("<script src="))
        #expect(!page.contains("search-results"))
    }
}
