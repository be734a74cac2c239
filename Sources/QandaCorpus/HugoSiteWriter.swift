import Foundation

/// Writes the same corpus as a Hugo site, for `make bench`'s comparison: one page bundle per thread (the
/// question, then each answer under a heading, the attachments beside it), authors as a taxonomy with the
/// biographies as term pages, categories and tags as taxonomies, the free pages, and small layouts of our own
/// that make the pages Qanda makes (home, question, paged lists, author, category and tag pages, related
/// questions, feeds and the sitemap Hugo writes by default).
package struct HugoSiteWriter: SiteWriter {
    /// Author id -> display name, for the answer headings.
    private var names: [String: String] = [:]

    package init() {}

    static let config = """
        # Made by qanda-corpus --format hugo: the Hugo side of `make bench`.
        baseURL = "https://answers.example.org/"
        title = "Harbour Answers"
        languageCode = "en"
        # Hugo before 0.128 reads paginate; later versions read [pagination].
        paginate = 20
        [pagination]
          pagerSize = 20
        [taxonomies]
          category = "categories"
          tag = "tags"
          author = "authors"
        [markup.goldmark.renderer]
          unsafe = false
        [related]
          includeNewer = true
          threshold = 1
          toLower = true
          [[related.indices]]
            name = "tags"
            weight = 2
          [[related.indices]]
            name = "categories"
            weight = 1

        """

    static let layouts: [(String, String)] = [
        ("layouts/_default/baseof.html", """
            <!doctype html>
            <html lang="{{ .Site.LanguageCode }}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ .Site.Title }}</title>
            <link rel="canonical" href="{{ .Permalink }}">
            {{ with .Description }}<meta name="description" content="{{ . }}">{{ end }}
            </head>
            <body>
            <header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a>
            <nav><a href="{{ "/questions/" | relURL }}">Questions</a> <a href="{{ "/categories/" | relURL }}">Categories</a>
            <a href="{{ "/tags/" | relURL }}">Tags</a> <a href="{{ "/authors/" | relURL }}">Authors</a>
            {{ range where .Site.RegularPages "Section" "pages" }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}</nav></header>
            <main>{{ block "main" . }}{{ end }}</main>
            <footer>© {{ .Site.Title }}</footer>
            </body>
            </html>

            """),
        ("layouts/_default/single.html", """
            {{ define "main" }}<article>
            <h1>{{ .Title }}</h1>
            <p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "January 2, 2006" }}</time>
            {{ with .GetTerms "categories" }}{{ range . }} · <a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}{{ end }}</p>
            {{ .Content }}
            {{ with .GetTerms "tags" }}<ul class="tags">{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}
            {{ with .GetTerms "authors" }}<aside>{{ range . }}<section><h2><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></h2>{{ .Content }}</section>{{ end }}</aside>{{ end }}
            {{ with .Site.RegularPages.Related . | first 5 }}<h2>Related questions</h2><ul>{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
            </article>{{ end }}

            """),
        ("layouts/_default/list.html", """
            {{ define "main" }}<h1>{{ .Title }}</h1>
            {{ .Content }}
            {{ $pager := .Paginate .Pages }}
            <ul>{{ range $pager.Pages }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> <time>{{ .Date.Format "2006-01-02" }}</time> {{ .Summary | plainify | truncate 160 }}</li>{{ end }}</ul>
            {{ template "_internal/pagination.html" . }}{{ end }}

            """),
        ("layouts/_default/terms.html", """
            {{ define "main" }}<h1>{{ .Title }}</h1>
            <ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}

            """),
        ("layouts/index.html", """
            {{ define "main" }}<h1>{{ .Site.Title }}</h1>
            <ul>{{ range first 20 (where .Site.RegularPages "Section" "questions") }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Summary | plainify | truncate 160 }}</li>{{ end }}</ul>
            <h2>Categories</h2>
            <ul>{{ range .Site.Taxonomies.categories.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}

            """),
    ]

    package mutating func begin(roster: AuthorRoster, pages: [CorpusPage], files: inout FileTree) throws {
        try files.write("hugo.toml", Self.config)
        try files.folder("layouts/_default")
        for (path, text) in Self.layouts { try files.write(path, text) }
        try files.folder("content/questions")
        try files.write("content/questions/_index.md", "---\ntitle: Questions\n---\n")
        try files.folder("content/pages")
        for author in roster.authors {
            names[author.id] = author.name
            try files.folder("content/authors/\(author.id)")
            var front = FrontMatter()
            front.add("title", author.credentials.map { "\(author.name), \($0)" } ?? author.name)
            front.add("description", author.role)
            try files.write("content/authors/\(author.id)/_index.md", front.closed(body: author.bio))
        }
        for page in pages {
            try files.write("content/pages/\(page.slug).md", page.frontMatter(updatedKey: "lastmod").closed(body: page.body))
        }
    }

    package mutating func write(_ thread: CorpusThread, roster: AuthorRoster, files: inout FileTree) throws {
        let folder = "content/questions/" + thread.urlSlug
        try files.folder(folder)
        let answers = thread.answers.filter { !$0.draft }.sorted { a, b in
            if a.accepted != b.accepted { return a.accepted }
            if (a.votes ?? 0) != (b.votes ?? 0) { return (a.votes ?? 0) > (b.votes ?? 0) }
            return a.date < b.date
        }
        var front = FrontMatter()
        front.add("title", thread.title)
        front.add("date", thread.date)
        front.add("lastmod", thread.updated)
        front.add("description", thread.description)
        front.add("categories", list: [thread.category])
        front.add("tags", list: thread.tags)
        front.add("authors", list: Array(Set(answers.map(\.author))).sorted())
        front.add("aliases", list: thread.aliases)
        front.add("draft", flag: thread.draft)
        var body = thread.body
        if !answers.isEmpty { body += "\n## \(answers.count) answer\(answers.count == 1 ? "" : "s")\n" }
        for (number, answer) in answers.enumerated() {
            let name = names[answer.author] ?? answer.author
            body += "\n### [\(name)](/authors/\(answer.author)/) · \(answer.date.iso)\(answer.accepted ? " · accepted" : "")"
                + (answer.votes.map { " · \($0) votes" } ?? "") + "\n\n"
            // Footnote labels are per document in Hugo, and every answer numbers its own from 1.
            body += answer.body.replacingOccurrences(of: "[^", with: "[^a\(number)-")
        }
        try files.write(folder + "/index.md", front.closed(body: body))
        for attachment in thread.attachments { try files.write(folder + "/" + attachment.name, attachment.text) }
    }
}
