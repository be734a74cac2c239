/// Writes a corpus in Qanda's content format: qanda.yml, Content/authors, Content/pages and one folder per thread.
package struct QandaSiteWriter: SiteWriter {
    package init() {}

    static let config = """
        # Made by qanda-corpus: a synthetic site for tests and benchmarks (see the README, "Generating test sites").
        title: Harbour Answers
        base_url: https://answers.example.org/
        publisher: Harbour Health Collective
        language: en
        description: Questions about anxiety, sleep, relationships and everyday mental health, answered by clinicians and a caring community.
        review:
          every_days: 730
          required: true
        citation:
          genre: forum-post
          retrieved: false
        medical: true
        page_size: 20
        answers_per_page: 50
        markdown:
          unsafe_html: false

        """

    package mutating func begin(roster: AuthorRoster, pages: [CorpusPage], files: inout FileTree) throws {
        try files.write("qanda.yml", Self.config)
        try files.folder("Content/questions")
        try files.folder("Content/authors")
        try files.folder("Content/pages")
        for author in roster.authors {
            var front = FrontMatter()
            front.add("name", author.name)
            front.add("given", author.given)
            front.add("family", author.family)
            front.add("suffix", author.suffix)
            if author.kind == .organization { front.add("kind", "organization") }
            front.add("reviewer", flag: author.reviewer)
            front.add("credentials", author.credentials)
            front.add("role", author.role)
            front.add("affiliation", author.affiliation)
            front.add("orcid", author.orcid)
            front.add("url", author.url)
            front.add("photo", author.photo)
            try files.write("Content/authors/\(author.id).md", front.closed(body: author.bio))
            if let photo = author.photo { try files.write("Content/authors/\(photo)", AuthorRoster.photo(for: author)) }
        }
        for page in pages {
            try files.write("Content/pages/\(page.slug).md", page.frontMatter(updatedKey: "updated").closed(body: page.body))
        }
    }

    package mutating func write(_ thread: CorpusThread, roster: AuthorRoster, files: inout FileTree) throws {
        let folder = "Content/questions/" + thread.folder
        try files.folder(folder)
        var front = FrontMatter()
        front.add("title", thread.title)
        front.add("date", thread.date)
        front.add("updated", thread.updated)
        if let review = thread.review { front.add("reviewed", mapping: [("by", review.by), ("date", review.date.iso)]) }
        front.add("asked_by", thread.askedBy)
        front.add("category", thread.category)
        front.add("tags", list: thread.tags)
        front.add("votes", thread.votes)
        front.add("slug", thread.slug)
        front.add("aliases", list: thread.aliases)
        front.add("description", thread.description)
        front.add("citation_title", thread.citationTitle)
        front.add("genre", thread.genre)
        front.add("draft", flag: thread.draft)
        try files.write(folder + "/question.md", front.closed(body: thread.body))
        for answer in thread.answers {
            var front = FrontMatter()
            front.add("author", answer.author)
            front.add("date", answer.date)
            front.add("updated", answer.updated)
            front.add("votes", answer.votes)
            front.add("accepted", flag: answer.accepted)
            front.add("draft", flag: answer.draft)
            try files.write(folder + "/\(answer.fileName).md", front.closed(body: answer.body))
        }
        for attachment in thread.attachments { try files.write(folder + "/" + attachment.name, attachment.text) }
    }
}
