import Testing
@testable import QandaKit

@Suite struct RoutesTests {
    let kb = Routes(config: SiteConfig(title: "T", baseURL: "https://example.org/kb/", publisher: "P"))
    let root = Routes(config: SiteConfig(title: "T", baseURL: "https://example.org/", publisher: "P"))

    @Test func basePathAndBaseURL() {
        #expect(kb.basePath == "/kb/")
        #expect(kb.baseURL == "https://example.org/kb/")
        #expect(root.basePath == "/")
    }

    @Test func links() {
        #expect(kb.link(Routes.home) == "/kb/")
        #expect(kb.link(Routes.question("x")) == "/kb/questions/x/")
        #expect(kb.link(Routes.stylesheet) == "/kb/qanda.css")
        #expect(root.link(Routes.question("x")) == "/questions/x/")
        #expect(root.link(Routes.home) == "/")
    }

    @Test func absoluteURLs() {
        #expect(kb.absolute(Routes.home) == "https://example.org/kb/")
        #expect(kb.absolute(Routes.author("kristina-randle")) == "https://example.org/kb/authors/kristina-randle/")
        #expect(root.absolute(Routes.tag("sleep")) == "https://example.org/tags/sleep/")
    }

    @Test func pageRoutes() {
        #expect(Routes.question("x") == "questions/x/")
        #expect(Routes.author("a") == "authors/a/")
        #expect(Routes.category("c") == "categories/c/")
        #expect(Routes.tag("t") == "tags/t/")
        #expect(Routes.page("about") == "pages/about/")
        #expect(Routes.asset("img/logo.png") == "assets/img/logo.png")
        #expect(Routes.authorPhoto("a", file: "a.jpg") == "authors/a/a.jpg")
    }

    @Test func attachmentNamesArePercentEncoded() {
        let route = Routes.attachment(thread: "x", file: "my handout.pdf")
        #expect(route == "questions/x/my handout.pdf")
        #expect(kb.link(route) == "/kb/questions/x/my%20handout.pdf")
        #expect(kb.absolute(route) == "https://example.org/kb/questions/x/my%20handout.pdf")
        #expect(kb.link(Routes.attachment(thread: "x", file: "café.png")) == "/kb/questions/x/caf%C3%A9.png")
        #expect(kb.link(Routes.attachment(thread: "x", file: "a#b?c%d.txt")) == "/kb/questions/x/a%23b%3Fc%25d.txt")
        #expect(kb.link(Routes.asset("Logo_v1.2~x.png")) == "/kb/assets/Logo_v1.2~x.png")
    }

    @Test func files() {
        #expect(Routes.file(for: "") == "index.html")
        #expect(Routes.file(for: "questions/x/") == "questions/x/index.html")
        #expect(Routes.file(for: "qanda.css") == "qanda.css")
        #expect(Routes.file(for: "questions/x/my handout.pdf") == "questions/x/my handout.pdf")
    }

    @Test func pagedRoutes() {
        #expect(Routes.paged("tags/sleep/", 1) == "tags/sleep/")
        #expect(Routes.paged("tags/sleep/", 0) == "tags/sleep/")
        #expect(Routes.paged("tags/sleep/", 2) == "tags/sleep/page/2/")
        #expect(Routes.paged("", 3) == "page/3/")
        #expect(Routes.file(for: Routes.paged("categories/a/", 12)) == "categories/a/page/12/index.html")
        #expect(kb.link(Routes.paged("tags/sleep/", 2)) == "/kb/tags/sleep/page/2/")
    }

    @Test func answerFragments() {
        #expect(Routes.answerFragment("kristina") == "answer-kristina")
        #expect(Routes.answerFragment("answer-1") == "answer-1")
    }
}
