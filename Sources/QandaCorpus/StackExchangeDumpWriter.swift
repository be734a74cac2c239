import Foundation

/// A synthetic Stack Exchange data dump of any size, for `qanda import stackexchange` in tests and `make bench`:
/// Posts.xml, Users.xml, Tags.xml and PostHistory.xml as the dumps write them (https://meta.stackexchange.com/a/2678):
/// one `<row .../>` per line, HTML bodies in Posts.xml and their Markdown in PostHistory.xml. Questions with zero to
/// five answers, accepted answers, edits (and rollbacks), tag wikis, closed and community-wiki posts, deleted
/// owners, tags with `+`, `#` and `.`, and both tag forms (`<a><b>` and `|a|b|`). The same seed gives the same bytes.
package struct StackExchangeDumpWriter {
    package struct Summary: Sendable {
        package var posts = 0
        package var questions = 0
        package var answers = 0
        package var otherPosts = 0
        package var revisions = 0
        package var users = 0
        package var tags = 0
        package var bytes = 0
    }

    package var posts: Int
    package var seed: UInt64

    package init(posts: Int, seed: UInt64 = 1) {
        self.posts = posts
        self.seed = seed
    }

    static let extraTags = ["c", "c++", "c#", "f#", ".net", "net", "node.js", "asp.net-core", "objective-c++"]

    /// Writes the four files into `folder` (which must exist); `progress` gets the posts written so far.
    package func write(into folder: String, progress: ((Int) -> Void)? = nil) throws -> Summary {
        var summary = Summary()
        let tags = Vocabulary.categories.flatMap(\.tags) + Self.extraTags
        let userCount = max(10, posts / 4)

        var tagFile = try DumpFile(folder + "/Tags.xml", root: "tags")
        for (index, tag) in tags.enumerated() {
            try tagFile.row([("Id", "\(index + 1)"), ("TagName", tag), ("Count", "\(max(1, posts / tags.count))")])
        }
        summary.bytes += try tagFile.finish()
        summary.tags = tags.count

        var userFile = try DumpFile(folder + "/Users.xml", root: "users")
        try userFile.row([("Id", "-1"), ("Reputation", "1"), ("CreationDate", "2009-01-01T00:00:00.000"), ("DisplayName", "Community"),
                          ("AboutMe", "<p>I am not a real person.</p>")])
        for id in 1...userCount {
            var random = SplitMix64(seed: seed, stream: 41, index: UInt64(id))
            let given = random.pick(Vocabulary.givenNames).display
            let name = random.percent(60) ? "\(given) \(random.pick(Vocabulary.familyNames).display)" : "\(given.lowercased())\(random.int(1...9999))"
            var row = [("Id", "\(id)"), ("Reputation", "\(1 + random.skewed(maximum: 90_000))"),
                       ("CreationDate", Self.timestamp(Int64(id) * 600)), ("DisplayName", name)]
            if random.percent(30) {
                row.append(("AboutMe", "<p>I like \(random.pick(Vocabulary.hobbies)). <a href=\"https://example.org/~\(id)\">My site</a>.</p>\n"))
            }
            try userFile.row(row)
        }
        summary.bytes += try userFile.finish()
        summary.users = userCount + 1

        var postFile = try DumpFile(folder + "/Posts.xml", root: "posts")
        var historyFile = try DumpFile(folder + "/PostHistory.xml", root: "posthistory")
        var nextID = 1
        var nextRevision = 1
        var clock: Int64 = 0
        // Threads spread over fifteen years (2009 to 2023), whatever the size: all three licences are there.
        let averageStep = max(2, 15 * 365 * 86_400 / max(1, posts / 3))
        var thread = 0
        while nextID <= posts {
            var random = SplitMix64(seed: seed, stream: 42, index: UInt64(thread))
            thread += 1
            clock += Int64(random.int(1...(2 * averageStep)))
            let category = random.pick(Vocabulary.categories)
            var phrase = Phrase(category: category, random: random)
            if random.percent(1) && nextID + 1 <= posts {  // a tag's wiki excerpt and wiki
                for type in [4, 5] {
                    try postFile.row([("Id", "\(nextID)"), ("PostTypeId", "\(type)"), ("CreationDate", Self.timestamp(clock)), ("Score", "0"),
                                      ("Body", "<p>\(Self.html(phrase.fill(random.pick(Vocabulary.questionMiddles), category: category)))</p>\n"),
                                      ("OwnerUserId", "-1"), ("CommentCount", "0"), ("ContentLicense", "CC BY-SA 4.0")])
                    nextID += 1
                    summary.otherPosts += 1
                }
                continue
            }
            let answerCount = min(random.weighted([15, 30, 25, 15, 10, 5]), posts - nextID)
            let questionID = nextID
            let answerIDs = (0..<answerCount).map { questionID + 1 + $0 }
            let accepted = !answerIDs.isEmpty && random.percent(45) ? random.pick(answerIDs) : nil
            var tagList = random.sample(category.tags, count: random.int(1...3))
            if random.percent(10) { tagList.append(random.pick(Self.extraTags)) }
            let tagText = random.percent(50) ? tagList.map { "<\($0)>" }.joined() : "|" + tagList.joined(separator: "|") + "|"
            let title = Vocabulary.titlePrefixes[random.below(Vocabulary.titlePrefixes.count)]
                + phrase.fill(random.pick(Vocabulary.titleTemplates), category: category).capitalizedFirst

            for (offset, id) in ([questionID] + answerIDs).enumerated() {
                let isQuestion = offset == 0
                let created = clock + Int64(offset) * Int64(random.int(60...max(60, averageStep)))
                let body = Self.body(&random, &phrase, category: category, question: isQuestion)
                var row: [(String, String)] = [("Id", "\(id)"), ("PostTypeId", isQuestion ? "1" : "2")]
                if isQuestion, let accepted { row.append(("AcceptedAnswerId", "\(accepted)")) }
                if !isQuestion { row.append(("ParentId", "\(questionID)")) }
                row += [("CreationDate", Self.timestamp(created)), ("Score", "\(random.skewed(maximum: 400) - (random.percent(10) ? 3 : 0))")]
                if isQuestion { row.append(("ViewCount", "\(random.skewed(maximum: 100_000))")) }
                row.append(("Body", body.html))
                let owner = random.percent(3) ? nil : random.int(1...userCount)
                if let owner { row.append(("OwnerUserId", "\(owner)")) } else if random.percent(50) { row.append(("OwnerDisplayName", "guest\(random.int(1...500))")) }
                let edited = random.percent(25)
                let edit = created + Int64(random.int(60...5_000_000))
                if edited {
                    row += [("LastEditorUserId", "\(random.int(1...userCount))"), ("LastEditDate", Self.timestamp(edit))]
                }
                row.append(("LastActivityDate", Self.timestamp(edited ? edit : created)))
                if isQuestion {
                    row += [("Title", title), ("Tags", tagText), ("AnswerCount", "\(answerCount)")]
                    if random.percent(5) { row.append(("ClosedDate", Self.timestamp(created + 86_400))) }
                }
                row.append(("CommentCount", "\(random.int(0...6))"))
                if random.percent(2) { row.append(("CommunityOwnedDate", Self.timestamp(created))) }
                row.append(("ContentLicense", Self.license(edited ? edit : created)))
                try postFile.row(row)

                // The revisions: the first body (and a question's title and tags), then an edit, sometimes rolled back.
                func revision(_ type: Int, _ time: Int64, _ text: String) throws {
                    try historyFile.row([("Id", "\(nextRevision)"), ("PostHistoryTypeId", "\(type)"), ("PostId", "\(id)"),
                                         ("RevisionGUID", Self.guid(&random)), ("CreationDate", Self.timestamp(time)),
                                         ("UserId", "\(owner ?? -1)"), ("Text", text), ("ContentLicense", Self.license(time))])
                    nextRevision += 1
                    summary.revisions += 1
                }
                try revision(2, created, edited ? "An early draft: " + body.markdown : body.markdown)
                if isQuestion {
                    try revision(1, created, title)
                    try revision(3, created, tagText)
                }
                if edited {
                    if random.percent(20) {
                        try revision(5, edit - 30, body.markdown + "\nVandalised.")
                        try revision(8, edit, body.markdown)
                    } else {
                        try revision(5, edit, body.markdown)
                    }
                }
                summary.posts += 1
                if isQuestion { summary.questions += 1 } else { summary.answers += 1 }
            }
            nextID += 1 + answerCount
            if thread % 1000 == 0 { progress?(nextID - 1) }
        }
        summary.posts += summary.otherPosts
        summary.bytes += try postFile.finish()
        summary.bytes += try historyFile.finish()
        return summary
    }

    // MARK: Bodies

    /// A post's Markdown and the HTML Stack Exchange renders from it: paragraphs with emphasis, code and links,
    /// sometimes a list, a code block or a quote.
    static func body(_ random: inout SplitMix64, _ phrase: inout Phrase, category: Vocabulary.Category, question: Bool)
        -> (markdown: String, html: String) {
        var markdown: [String] = []
        var html: [String] = []
        let pool = question ? Vocabulary.questionMiddles : Vocabulary.expertExplanations + Vocabulary.expertSuggestions
        for _ in 0..<random.int(1...3) {
            var sentences = (0..<random.int(1...3)).map { _ in phrase.fill(random.pick(pool), category: category) }
            var sentencesHTML = sentences.map(Self.sentenceHTML)
            if random.percent(30) {
                let word = random.pick(Vocabulary.feelings)
                sentences.append("It felt *\(word)*.")
                sentencesHTML.append("It felt <em>\(word)</em>.")
            }
            if random.percent(15) {
                let guide = "https://example.org/guide-\(random.int(1...99))"
                sentences.append("I tried `sleep --early`, see [this guide](\(guide)).")
                sentencesHTML.append("I tried <code>sleep --early</code>, see <a href=\"\(guide)\" rel=\"nofollow noreferrer\">this guide</a>.")
            }
            markdown.append(sentences.joined(separator: " "))
            html.append("<p>" + sentencesHTML.joined(separator: " ") + "</p>")
        }
        if random.percent(25) {
            let items = random.sample(category.helps, count: random.int(2...4))
            let ordered = random.percent(40)
            markdown.append(items.enumerated().map { (ordered ? "\($0.offset + 1). " : "- ") + $0.element }.joined(separator: "\n"))
            html.append((ordered ? "<ol>\n" : "<ul>\n") + items.map { "<li>" + Self.html($0) + "</li>" }.joined(separator: "\n")
                        + (ordered ? "\n</ol>" : "\n</ul>"))
        }
        if random.percent(15) {
            let code = "for night in week:\n    log(night.hours)  # < 6 is short"
            markdown.append("```python\n" + code + "\n```")
            html.append("<pre class=\"lang-python s-code-block\"><code class=\"hljs language-python\">" + Self.html(code) + "\n</code></pre>")
        }
        if random.percent(8) {
            let quote = random.pick(Vocabulary.quotes)
            markdown.append("> " + quote)
            html.append("<blockquote>\n<p>" + Self.html(quote) + "</p>\n</blockquote>")
        }
        return (markdown.joined(separator: "\n\n"), html.joined(separator: "\n\n") + "\n")
    }

    /// A sentence of the vocabulary as Stack Exchange renders it: its `**strong**` and `*emphasis*` as HTML.
    static func sentenceHTML(_ text: String) -> String {
        var result = html(text)
        for (marker, tag) in [("**", "strong"), ("*", "em")] {
            var parts = result.components(separatedBy: marker)
            guard parts.count >= 3 else { continue }
            var joined = parts.removeFirst()
            for (index, part) in parts.enumerated() { joined += (index % 2 == 0 ? "<\(tag)>" : "</\(tag)>") + part }
            result = joined
        }
        return result
    }

    static func html(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    // MARK: Values

    /// Seconds after 2009-01-01 as the dumps write time: `2009-03-05T22:28:34.823` (UTC).
    static func timestamp(_ seconds: Int64) -> String {
        let (year, month, day) = CorpusDay(number: Int(seconds / 86_400) + 14_245).components  // 2009-01-01 is day 14,245
        let rest = Int(seconds % 86_400)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03d", year, month, day, rest / 3600, rest / 60 % 60, rest % 60, Int(seconds % 997))
    }

    /// The licence Stack Exchange gives content of that time.
    static func license(_ seconds: Int64) -> String {
        let day = timestamp(seconds).prefix(10)
        return day < "2011-04-08" ? "CC BY-SA 2.5" : day < "2018-05-02" ? "CC BY-SA 3.0" : "CC BY-SA 4.0"
    }

    static func guid(_ random: inout SplitMix64) -> String {
        let hex = String(format: "%016llx%016llx", random.next(), random.next())
        let characters = Array(hex)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(separator: "-")
    }
}

/// One dump file, written through a buffer of a megabyte.
private struct DumpFile {
    let handle: FileHandle
    var buffer: [UInt8] = []
    let root: String
    var bytes = 0

    init(_ path: String, root: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw CorpusGenerator.Failure("cannot create \(path)")
        }
        self.handle = handle
        self.root = root
        buffer.reserveCapacity(1 << 20 + 65_536)
        buffer += Array("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<\(root)>\n".utf8)
    }

    mutating func row(_ attributes: [(String, String)]) throws {
        buffer += "  <row".utf8
        for (name, value) in attributes {
            buffer += " \(name)=\"".utf8
            for byte in value.utf8 {
                switch byte {
                case UInt8(ascii: "&"): buffer += "&amp;".utf8
                case UInt8(ascii: "<"): buffer += "&lt;".utf8
                case UInt8(ascii: ">"): buffer += "&gt;".utf8
                case UInt8(ascii: "\""): buffer += "&quot;".utf8
                case 0x0A: buffer += "&#xA;".utf8
                case 0x0D: buffer += "&#xD;".utf8
                default: buffer.append(byte)
                }
            }
            buffer.append(UInt8(ascii: "\""))
        }
        buffer += " />\n".utf8
        if buffer.count >= 1 << 20 { try flush() }
    }

    mutating func flush() throws {
        try handle.write(contentsOf: buffer)
        bytes += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    /// Closes the root element and the file; the file's size.
    mutating func finish() throws -> Int {
        buffer += "</\(root)>\n".utf8
        try flush()
        try handle.close()
        return bytes
    }
}
