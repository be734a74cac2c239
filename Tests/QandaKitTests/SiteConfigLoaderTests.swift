import Testing
@testable import QandaKit

@Suite struct SiteConfigLoaderTests {
    static let minimal = "title: Mindwell Answers\nbase_url: https://answers.example.org/\npublisher: Mindwell\n"

    @Test func minimalConfig() throws {
        let (config, diagnostics) = SiteConfigLoader.load(text: Self.minimal)
        #expect(diagnostics.isEmpty)
        let site = try #require(config)
        #expect(site.title == "Mindwell Answers")
        #expect(site.baseURL == "https://answers.example.org/")
        #expect(site.publisher == "Mindwell")
        #expect(site.basePath == "/")
        #expect(site.language == "en")
        #expect(site.pageSize == 20)
        #expect(site.reviewEveryDays == nil)
        #expect(site.reviewRequired == false)
        #expect(site.citationGenre == .webpage)
        #expect(site.citationRetrieved == false)
        #expect(site.isMedical == false)
        #expect(site.allowsRawHTML == false)
        #expect(site.description == nil)
    }

    @Test func fullConfig() throws {
        let text = """
            title: Mindwell Answers                 # required
            base_url: https://answers.example.org/  # required
            publisher: Mindwell
            language: es
            description: Questions about relationships.
            review:
              every_days: 730
              required: true
            citation:
              genre: forum-post
              retrieved: true
            medical: true
            page_size: 10
            markdown:
              unsafe_html: true
            """
        let (config, diagnostics) = SiteConfigLoader.load(text: text)
        #expect(diagnostics.isEmpty)
        let site = try #require(config)
        #expect(site.language == "es")
        #expect(site.description == "Questions about relationships.")
        #expect(site.reviewEveryDays == 730)
        #expect(site.reviewRequired == true)
        #expect(site.citationGenre == .forumPost)
        #expect(site.citationRetrieved == true)
        #expect(site.isMedical == true)
        #expect(site.pageSize == 10)
        #expect(site.allowsRawHTML == true)
    }

    @Test(arguments: [
        ("base_url: https://x.org/\npublisher: P\n", "title"),
        ("title: T\npublisher: P\n", "base_url"),
        ("title: T\nbase_url: https://x.org/\n", "publisher"),
    ])
    func missingRequiredKey(_ text: String, _ key: String) {
        let (config, diagnostics) = SiteConfigLoader.load(text: text)
        #expect(config == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.code == .missingKey)
        #expect(diagnostics.first?.file == "qanda.yml")
        #expect(diagnostics.first?.message == "missing required key '\(key)'")
        #expect(diagnostics.first?.severity == .error)
    }

    /// qanda.yml is not front matter: its YAML errors say which file the editor must open.
    @Test(arguments: [("title: \"T\nbase_url: x\n", "qanda.yml is not valid YAML"), ("- a list\n", "qanda.yml must be a set of `key: value` lines")])
    func yamlErrorsNameQandaYml(_ text: String, _ message: String) {
        let (config, diagnostics) = SiteConfigLoader.load(text: text)
        #expect(config == nil)
        #expect(diagnostics.contains { $0.file == "qanda.yml" && $0.message.hasPrefix(message) }, "\(diagnostics.map(\.message))")
        #expect(!diagnostics.contains { $0.message.contains("front matter") })
    }

    @Test func emptyValueCountsAsMissing() {
        let (config, diagnostics) = SiteConfigLoader.load(text: "title: \"\"\nbase_url: https://x.org/\npublisher:\n")
        #expect(config == nil)
        #expect(diagnostics.map(\.message) == ["missing required key 'title'", "missing required key 'publisher'"])
    }

    @Test func emptyFile() {
        let (config, diagnostics) = SiteConfigLoader.load(text: "# only a comment\n")
        #expect(config == nil)
        #expect(diagnostics.map(\.code) == [.missingKey])
        #expect(diagnostics.first?.message == "qanda.yml is empty")
    }

    @Test func notAMapping() {
        let (config, diagnostics) = SiteConfigLoader.load(text: "- a\n- b\n")
        #expect(config == nil)
        #expect(diagnostics.map(\.code) == [.frontMatterNotMapping])
    }

    @Test func yamlSyntaxErrorHasALine() {
        let (config, diagnostics) = SiteConfigLoader.load(text: "title: T\nbase_url: [https://x.org/\npublisher: P\n")
        #expect(config == nil)
        #expect(diagnostics.map(\.code) == [.yamlSyntax])
        #expect((diagnostics.first?.line ?? 0) >= 2)
    }

    @Test(arguments: [
        ("https://example.org/?page=1", "has a query ('?…'); links would break"),
        ("https://example.org/#top", "has a fragment ('#…'); links would break"),
        ("/kb/", "is not an absolute http(s) URL"),
        ("example.org/kb/", "is not an absolute http(s) URL"),
        ("ftp://example.org/", "is not an absolute http(s) URL"),
        ("https:///kb/", "has no host name"),
        ("https://user:secret@example.org/", "contains a user name or password"),
    ])
    func unusableBaseURL(_ url: String, _ problem: String) {
        let (config, diagnostics) = SiteConfigLoader.load(text: "title: T\nbase_url: \(url)\npublisher: P\n")
        #expect(config == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.code == .invalidBaseURL)
        #expect(diagnostics.first?.message == "base_url '\(url)' \(problem)")
        #expect(diagnostics.first?.line == 2)
        #expect(diagnostics.first?.column == 11)
    }

    @Test func trailingSlashIsAdded() throws {
        let (config, diagnostics) = SiteConfigLoader.load(text: "title: T\nbase_url: https://example.org/kb\npublisher: P\n")
        #expect(diagnostics.isEmpty)
        let site = try #require(config)
        #expect(site.baseURL == "https://example.org/kb/")
        #expect(site.basePath == "/kb/")
        #expect(SiteConfigLoader.load(text: "title: T\nbase_url: https://example.org\npublisher: P\n").0?.baseURL == "https://example.org/")
    }

    /// The root of an example domain is a placeholder (`qanda check` warns, at base_url's value); a path or a
    /// subdomain was chosen on purpose. A `--base-url` override has no place in qanda.yml, so nothing is said.
    @Test func placeholderBaseURLs() throws {
        for url in ["https://example.org/", "https://example.org", "http://EXAMPLE.com/", "https://www.example.net/"] {
            #expect(ConfigRules.isPlaceholder(url), "\(url)")
        }
        for url in ["https://answers.example.org/", "https://example.org/kb/", "https://example.com.au/", "https://mindwell.org/"] {
            #expect(!ConfigRules.isPlaceholder(url), "\(url)")
        }
        let config = try #require(SiteConfigLoader.load(text: "title: T\npublisher: P\nbase_url:   https://example.org/\n").0)
        let found = ConfigRules.diagnostics(config: config)
        #expect(found.map { "\($0.file):\($0.line):\($0.column) \($0.severity) \($0.code.rawValue)" } == ["qanda.yml:3:13 warning placeholder-base-url"])
        let overridden = try #require(SiteConfigLoader.load(text: "title: T\npublisher: P\nbase_url: https://x.org/\n", baseURLOverride: "https://example.org/").0)
        #expect(ConfigRules.diagnostics(config: overridden).isEmpty)
    }

    @Test func basePath() {
        #expect(SiteConfig(title: "T", baseURL: "https://example.org/kb", publisher: "P").basePath == "/kb/")
        #expect(SiteConfig(title: "T", baseURL: "https://example.org/kb/", publisher: "P").basePath == "/kb/")
        #expect(SiteConfig(title: "T", baseURL: "https://example.org/a/b/", publisher: "P").basePath == "/a/b/")
        #expect(SiteConfig(title: "T", baseURL: "https://example.org/", publisher: "P").basePath == "/")
        #expect(SiteConfig(title: "T", baseURL: "https://example.org", publisher: "P").basePath == "/")
        #expect(SiteConfig(title: "T", baseURL: "http://localhost:8080/kb/", publisher: "P").basePath == "/kb/")
    }

    @Test func baseURLOverrideWins() throws {
        let (config, diagnostics) = SiteConfigLoader.load(text: "title: T\nbase_url: ftp://old/\npublisher: P\n",
                                                          baseURLOverride: "http://localhost:8080/kb")
        #expect(diagnostics.isEmpty)
        #expect(config?.baseURL == "http://localhost:8080/kb/")
        #expect(config?.basePath == "/kb/")
    }

    @Test func badBaseURLOverrideIsReportedAgainstTheOption() {
        let (config, diagnostics) = SiteConfigLoader.load(text: Self.minimal, baseURLOverride: "localhost")
        #expect(config == nil)
        #expect(diagnostics.map(\.code) == [.invalidBaseURL])
        #expect(diagnostics.first?.file == "--base-url")
    }

    @Test func unknownKeyGetsDidYouMean() {
        let (config, diagnostics) = SiteConfigLoader.load(text: Self.minimal + "langauge: en\n")
        #expect(config == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.code == .unknownKey)
        #expect(diagnostics.first?.message == "unknown key 'langauge' (did you mean 'language'?)")
        #expect(diagnostics.first?.hint == nil)
        #expect(diagnostics.first?.line == 4)
        #expect(diagnostics.first?.column == 1)
    }

    @Test func unknownKeyWithoutSuggestionListsTheAllowedKeys() {
        let (_, diagnostics) = SiteConfigLoader.load(text: Self.minimal + "xyzzy: 1\n")
        #expect(diagnostics.first?.message == "unknown key 'xyzzy'")
        #expect(diagnostics.first?.hint ==
            "allowed keys here: title, base_url, publisher, language, description, review, citation, medical, page_size, answers_per_page, markdown, points, ask, links, languages")
    }

    @Test func unknownNestedKey() {
        let (config, diagnostics) = SiteConfigLoader.load(text: Self.minimal + "review:\n  every_day: 730\n")
        #expect(config == nil)
        #expect(diagnostics.first?.code == .unknownKey)
        #expect(diagnostics.first?.message == "unknown key 'review.every_day' (did you mean 'every_days'?)")
        #expect(diagnostics.first?.line == 5)
        #expect(diagnostics.first?.column == 3)
    }

    @Test func misspelledRequiredKeyReportsBoth() {
        let (config, diagnostics) = SiteConfigLoader.load(text: "title: T\nbase_url: https://x.org/\npublsher: P\n")
        #expect(config == nil)
        #expect(diagnostics.map(\.message).sorted() == [
            "missing required key 'publisher'",
            "unknown key 'publsher' (did you mean 'publisher'?)",
        ])
    }

    @Test func badValues() {
        let (config, diagnostics) = SiteConfigLoader.load(
            text: Self.minimal + "page_size: 0\nmedical: maybe\nreview:\n  every_days: ten\ncitation:\n  genre: blog\n")
        #expect(config == nil)
        #expect(diagnostics.map(\.code) == [.wrongType, .invalidValue, .wrongType, .invalidValue])
        #expect(diagnostics.map(\.message) == [
            "'medical' must be true or false",
            "page_size must be at least 1",
            "'review.every_days' must be a whole number",
            "'citation.genre' must be webpage or forum-post, not 'blog'",
        ])
    }
}
