/// A free page (about, editorial policy …).
public struct CorpusPage: Sendable {
    public var slug: String
    public var title: String
    public var description: String?
    public var date: CorpusDay?
    public var updated: CorpusDay?
    public var draft = false
    public var body: String

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
