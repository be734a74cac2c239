import Foundation
@testable import QandaKit

/// What a reader handed over, in order: the in-memory `ImportSink` the Stack Exchange tests read against.
struct RecordingImportSink: ImportSink {
    enum Event: Equatable {
        case author(String)
        case question(String)
        case answer(String, question: String)
    }

    var events: [Event] = []
    var authors: [ImportedAuthor] = []
    var questions: [ImportedQuestion] = []
    var answers: [(answer: ImportedAnswer, question: String)] = []
    var skips: [ImportSkip] = []

    mutating func author(_ author: ImportedAuthor) throws {
        events.append(.author(author.id))
        authors.append(author)
    }

    mutating func question(_ question: ImportedQuestion) throws {
        events.append(.question(question.originalID))
        questions.append(question)
    }

    mutating func answer(_ answer: ImportedAnswer, toQuestion questionID: String) throws {
        events.append(.answer(answer.originalID, question: questionID))
        answers.append((answer, questionID))
    }

    mutating func skip(_ skip: ImportSkip) { skips.append(skip) }

    func question(_ id: String) -> ImportedQuestion? { questions.first { $0.originalID == id } }
    func answer(_ id: String) -> ImportedAnswer? { answers.first { $0.answer.originalID == id }?.answer }
    func author(_ id: String) -> ImportedAuthor? { authors.first { $0.id == id } }
}

/// A small dump folder that follows the data dump's published schema (https://meta.stackexchange.com/a/2678):
/// `<?xml ...?>`, a root element, one `<row .../>` per line, attributes escaped as the dumps escape them.
final class DumpFolder {
    let root: String
    /// The dump folder, named like its site so that the site's address comes from it.
    let path: String

    init(name: String = "cooking.stackexchange.com") {
        root = NSTemporaryDirectory() + "qanda-se-" + UUID().uuidString
        path = root + "/" + name
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// Writes `<root>` with one row per attribute list, in the order given.
    func write(_ file: String, root: String, _ rows: [[(String, String)]]) {
        var text = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<\(root)>\n"
        for row in rows {
            text += "  <row" + row.map { " \($0.0)=\"\(Self.escape($0.1))\"" }.joined() + " />\n"
        }
        text += "</\(root)>\n"
        writeRaw(file, Array(text.utf8))
    }

    func writeRaw(_ file: String, _ bytes: [UInt8]) {
        precondition(FileManager.default.createFile(atPath: path + "/" + file, contents: Data(bytes)), "cannot write \(file)")
    }

    func remove(_ file: String) { try? FileManager.default.removeItem(atPath: path + "/" + file) }

    /// As the dumps write attribute values: markup characters as entities, line breaks as character references.
    static func escape(_ value: String) -> String {
        var escaped = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "\n": escaped += "&#xA;"
            case "\r": escaped += "&#xD;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// The usual three files with nothing in them but what the tests give.
    func writeDump(posts: [[(String, String)]], users: [[(String, String)]] = [], tags: [[(String, String)]] = [],
                   history: [[(String, String)]]? = nil) {
        write("Posts.xml", root: "posts", posts)
        write("Users.xml", root: "users", users)
        write("Tags.xml", root: "tags", tags)
        if let history { write("PostHistory.xml", root: "posthistory", history) }
    }

    /// Reads the dump into a recording sink.
    func read(siteURL: String? = nil, categoryMap: [String: String] = [:]) throws -> (RecordingImportSink, StackExchangeReader.Summary) {
        let dump = try StackExchangeDump(folder: path, siteURL: siteURL)
        var sink = RecordingImportSink()
        let summary = try StackExchangeReader(dump: dump, options: .init(categoryMap: categoryMap)).read(into: &sink)
        return (sink, summary)
    }
}

/// Rows in the dumps' shape.
enum DumpRows {
    static func question(_ id: Int, title: String = "How do I fold egg whites?", date: String = "2012-05-01T10:00:00.123",
                         owner: Int? = 10, body: String = "<p>A question.</p>\n", tags: String = "<baking>",
                         extra: [(String, String)] = []) -> [(String, String)] {
        var row: [(String, String)] = [("Id", "\(id)"), ("PostTypeId", "1"), ("CreationDate", date), ("Score", "3"),
                                       ("Body", body)]
        if let owner { row.append(("OwnerUserId", "\(owner)")) }
        row += [("Title", title), ("Tags", tags), ("AnswerCount", "0"), ("CommentCount", "0")]
        return row + extra
    }

    static func answer(_ id: Int, parent: Int, date: String = "2012-05-02T08:30:00.000", owner: Int? = 11,
                       body: String = "<p>An answer.</p>\n", extra: [(String, String)] = []) -> [(String, String)] {
        var row: [(String, String)] = [("Id", "\(id)"), ("PostTypeId", "2"), ("ParentId", "\(parent)"), ("CreationDate", date),
                                       ("Score", "1"), ("Body", body)]
        if let owner { row.append(("OwnerUserId", "\(owner)")) }
        return row + [("CommentCount", "0")] + extra
    }

    static func user(_ id: Int, _ name: String, about: String? = nil) -> [(String, String)] {
        var row: [(String, String)] = [("Id", "\(id)"), ("Reputation", "101"), ("CreationDate", "2011-01-01T00:00:00.000"),
                                       ("DisplayName", name)]
        if let about { row.append(("AboutMe", about)) }
        return row
    }

    static func tag(_ id: Int, _ name: String) -> [(String, String)] { [("Id", "\(id)"), ("TagName", name), ("Count", "1")] }

    static func revision(_ id: Int, post: Int, type: Int, date: String, text: String) -> [(String, String)] {
        [("Id", "\(id)"), ("PostHistoryTypeId", "\(type)"), ("PostId", "\(post)"), ("RevisionGUID", "00000000-0000-0000-0000-\(String(format: "%012d", id))"),
         ("CreationDate", date), ("UserId", "10"), ("Text", text)]
    }
}
