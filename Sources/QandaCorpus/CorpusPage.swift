/// A free page (about, editorial policy …).
public struct CorpusPage: Sendable {
    public var slug: String
    public var title: String
    public var description: String?
    public var date: CorpusDay?
    public var updated: CorpusDay?
    public var draft = false
    public var body: String
}
