/// A free page (about, editorial policy …).
package struct CorpusPage: Sendable {
    package var slug: String
    package var title: String
    package var description: String?
    package var date: CorpusDay?
    package var updated: CorpusDay?
    package var draft = false
    package var body: String

    /// Its front matter; only the name of the last-changed date differs between Qanda (`updated`) and Hugo (`lastmod`).
    func frontMatter(updatedKey: String) -> FrontMatter {
        var front = FrontMatter()
        front.add("title", title)
        front.add("description", description)
        front.add("date", date)
        front.add(updatedKey, updated)
        front.add("draft", flag: draft)
        return front
    }
}
