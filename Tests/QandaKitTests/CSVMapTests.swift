import Foundation
import Testing
@testable import QandaKit

/// The `--map` file of `qanda import csv`, and the repository's import/counselchat.yml on rows shaped like
/// CounselChat's (the corpus itself is not in the repository: these rows are written here).
@Suite struct CSVMapTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let counselChatMap = repository + "/import/counselchat.yml"

    /// What an importer hands over, kept in order.
    struct RecordingSink: ImportSink {
        var authors: [ImportedAuthor] = []
        var questions: [ImportedQuestion] = []
        var answers: [(ImportedAnswer, String)] = []
        var skips: [ImportSkip] = []
        var notes: [ImportNote] = []
        mutating func author(_ author: ImportedAuthor) { authors.append(author) }
        mutating func question(_ question: ImportedQuestion) { questions.append(question) }
        mutating func answer(_ answer: ImportedAnswer, toQuestion questionID: String) { answers.append((answer, questionID)) }
        mutating func skip(_ skip: ImportSkip) { skips.append(skip) }
        mutating func note(_ note: ImportNote) { notes.append(note) }
    }

    static let counselChatHeader = ",questionID,questionTitle,questionText,questionLink,topic,therapistInfo,therapistURL,answerText,upvotes,views,split"

    /// Rows as the corpus has them: the index column without a name, a question text over two lines, therapistInfo
    /// running name, credentials and tagline together, one therapist answering twice, and question 1 answered on
    /// rows that are not next to each other.
    static let counselChatRows = """
        \(counselChatHeader)
        0,0,Can I change my feeling of being worthless?,"I barely sleep.
           How can I change this?",https://counselchat.com/questions/can-i-change-my-feeling-of-being-worthless,depression,"Sherry Katz, LCSWCouples and Family Therapist, LCSW",https://counselchat.com/therapists/sherry-katz-lcsw,"Find new people to hang out with.Seriously, it helps.",1,2899,train
        1,0,Can I change my feeling of being worthless?,"I barely sleep.
           How can I change this?",https://counselchat.com/questions/can-i-change-my-feeling-of-being-worthless,depression,"Lee KingI use an integrative approach to treatment.",https://counselchat.com/therapists/lee-king,"Feelings of worthlessness are common; *you* are not alone ~ really.",3,3514,train
        2,1,How do I stop worrying?,I worry all day.,https://counselchat.com/questions/how-do-i-stop-worrying,anxiety,"Britta NeinastLCSW",https://counselchat.com/therapists/britta-neinast,Write the worries down.,0,120,val
        3,0,Can I change my feeling of being worthless?,"I barely sleep.
           How can I change this?",https://counselchat.com/questions/can-i-change-my-feeling-of-being-worthless,depression,"Dr. Avraham CohenDepth work with individuals",https://counselchat.com/therapists/dr-avraham-cohen,#1 keep a journal.,2,50,test
        4,1,How do I stop worrying?,I worry all day.,https://counselchat.com/questions/how-do-i-stop-worrying,anxiety,"Sherry Katz, LCSWCouples and Family Therapist, LCSW",https://counselchat.com/therapists/sherry-katz-lcsw,Breathe slowly.,5,120,val

        """

    static func importRows(_ csv: String, map mapPath: String, date: String? = "2020-03-25") throws -> RecordingSink {
        let (map, diagnostics) = CSVMapLoader.load(path: mapPath, file: "counselchat.yml")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let csvPath = NSTemporaryDirectory() + "qanda-counselchat-" + UUID().uuidString + ".csv"
        try csv.write(toFile: csvPath, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: csvPath) }
        var sink = RecordingSink()
        let importer = CSVImporter(map: try #require(map), csvPath: csvPath, displayName: "counsel_chat.csv", fallbackDate: date.flatMap(ContentDate.parse))
        try importer.run(into: &sink)
        return sink
    }

    @Test func theRepositorysCounselChatMapReadsCounselChatRows() throws {
        let sink = try Self.importRows(Self.counselChatRows, map: Self.counselChatMap)
        // Rows 0, 1 and 3 share question 0: one thread, though row 2 comes between.
        #expect(sink.questions.map(\.originalID) == ["0", "1"])
        #expect(sink.answers.map(\.1) == ["0", "0", "1", "0", "1"])
        let first = sink.questions[0]
        #expect(first.title == "Can I change my feeling of being worthless?")
        #expect(first.category == "depression")
        #expect(first.date.text == "2020-03-25")
        #expect(first.body == "I barely sleep.\\\nHow can I change this?")
        #expect(first.source == ImportedSource(url: "https://counselchat.com/questions/can-i-change-my-feeling-of-being-worthless", license: "MIT",
                                               licenseURL: "https://github.com/nbertagnolli/counsel-chat/blob/0c4f5eb34776c3c2a7ec1ac74a498a95eb073860/LICENSE"))
        // Authors once each, by the last part of their profile's address; name, credentials and tagline split.
        #expect(sink.authors.map(\.id) == ["sherry-katz-lcsw", "lee-king", "britta-neinast", "dr-avraham-cohen"])
        let katz = sink.authors[0]
        #expect(katz.name == "Sherry Katz" && katz.credentials == "LCSW" && katz.role == "Couples and Family Therapist, LCSW")
        #expect(katz.naming == .person(given: "Sherry", family: "Katz"))
        #expect(katz.url == "https://counselchat.com/therapists/sherry-katz-lcsw")
        #expect(sink.authors[1].name == "Lee King" && sink.authors[1].credentials == nil && sink.authors[1].role == "I use an integrative approach to treatment.")
        #expect(sink.authors[2].name == "Britta Neinast" && sink.authors[2].credentials == "LCSW" && sink.authors[2].role == nil)
        #expect(sink.authors[3].name == "Dr. Avraham Cohen" && sink.authors[3].naming == .person(given: "Avraham", family: "Cohen"))
        // The unnamed first column numbers the answers; upvotes are votes; the texts are shown as written.
        let answers = sink.answers.map(\.0)
        #expect(answers.map(\.originalID) == ["0", "1", "2", "3", "4"])
        #expect(answers.map(\.votes) == [1, 3, 0, 2, 5])
        #expect(answers.map(\.authorID) == ["sherry-katz-lcsw", "lee-king", "britta-neinast", "dr-avraham-cohen", "sherry-katz-lcsw"])
        #expect(answers[1].body == "Feelings of worthlessness are common; \\*you\\* are not alone \\~ really.")
        #expect(answers[3].body == "\\#1 keep a journal.")
        #expect(sink.skips.isEmpty && sink.notes.isEmpty)
    }

    /// The corpus reuses a question id for a different question: that question gets a thread of its own, and a note.
    @Test func aQuestionIDReusedForAnotherQuestionMakesAThreadOfItsOwn() throws {
        let rows = Self.counselChatRows + """
            5,1,Why does self-harm feel like an addiction?,It keeps coming back.,https://counselchat.com/questions/why-does-self-harm-feel-like-an-addiction,self-harm,"Britta NeinastLCSW",https://counselchat.com/therapists/britta-neinast,It is a way of coping.,1,10,train

            """
        let sink = try Self.importRows(rows, map: Self.counselChatMap)
        #expect(sink.questions.map(\.originalID) == ["0", "1", "1~2"])
        #expect(sink.answers.last?.1 == "1~2")
        #expect(sink.notes.map(\.location) == ["counsel_chat.csv:10"])
        #expect(sink.notes.first?.message.contains("question id '1' is also the id of a different question (line 6)") == true)
    }

    @Test func withoutDatesTheCounselChatMapNeedsDateFromTheCommandLine() throws {
        let (map, _) = CSVMapLoader.load(path: Self.counselChatMap, file: "counselchat.yml")
        let importer = CSVImporter(map: try #require(map), csvPath: "unused.csv", displayName: "counsel_chat.csv", fallbackDate: nil)
        let problems = importer.headerProblems(Self.counselChatHeader.components(separatedBy: ","), headerLine: 1)
        #expect(problems.map(\.message) == ["the map names no date column (`date:` under question), and --date is not given"])
        #expect(problems.first?.hint?.contains("--date YYYY-MM-DD") == true)
    }

    @Test func unknownKeysAndBadRulesAreReportedAtTheirLines() {
        let (map, diagnostics) = CSVMapLoader.load(text: """
            rows: per-anwser
            question:
              id: Id
              titel: Title
              body: Body
              category: {value: General}
            answer: {body: Answer}
            author:
              name: Author
              split: ['(?<nom>.*)', '(?<name>[a-z']
            """, file: "map.yml")
        #expect(map == nil)
        let lines = diagnostics.sorted().map { "\($0.line):\($0.column) \($0.code.rawValue) \($0.message)" }
        #expect(lines.contains("1:7 invalid-value 'rows' must be per-answer or per-question, not 'per-anwser' (did you mean 'per-answer'?)"), "\(lines)")
        #expect(lines.contains("4:3 unknown-key unknown key 'question.titel' (did you mean 'title'?)"), "\(lines)")
        #expect(lines.contains { $0.hasPrefix("3:3 missing-key missing required key 'question.title'") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("10:11 invalid-value group 'nom' is not one of name, credentials, role") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("10:25 invalid-value not a regular expression") }, "\(lines)")
    }

    @Test func namesSplitIntoGivenAndFamily() {
        #expect(AuthorNameSplit.naming("Margaret Van Ackeren", kind: .person) == .person(given: "Margaret", family: "Van Ackeren"))
        #expect(AuthorNameSplit.naming("Vivian D. Echevarria Guzman", kind: .person) == .person(given: "Vivian D. Echevarria", family: "Guzman"))
        #expect(AuthorNameSplit.naming("Dr. John Frampton", kind: .person) == .person(given: "John", family: "Frampton"))
        #expect(AuthorNameSplit.naming("jdoe42", kind: .person) == .screenName)
        #expect(AuthorNameSplit.naming("Ada Quill", kind: .screenName) == .screenName)
        let simple = AuthorNameSplit.split("Kristina Randle, Ph.D., LCSW", rules: [], credentialsAfter: ",")
        #expect(simple == AuthorNameSplit.Parts(name: "Kristina Randle", credentials: "Ph.D., LCSW", role: nil))
    }

    @Test func answerFilesAreNamedByTheirIDTheSameWayEveryTime() {
        #expect(ImportWriter.answerFileStem("11227902") == "answer-11227902")
        #expect(ImportWriter.answerFileStem("A/1") == ImportWriter.answerFileStem("A/1"))
        #expect(ImportWriter.answerFileStem("A/1") != ImportWriter.answerFileStem("a-1"))
        #expect(ImportWriter.answerFileStem("A/1").hasPrefix("answer-a-1-"))
        #expect(CSVImporter.authorID(fromValue: "https://counselchat.com/therapists/sherry-katz-lcsw/") == "sherry-katz-lcsw")
        #expect(CSVImporter.authorID(fromValue: "User 42") == "user-42")
    }

    /// Plain text shows as written once rendered: every character Markdown would read as markup is escaped.
    @Test func plainTextRendersAsWritten() {
        let renderer = MarkdownRenderer()
        let text = "# not a heading\n1. not a list\n- nor this\n> nor a quote\n*star* _under_ `tick` [link](x) <b>tag</b> ~strike~ a|b &amp; \\ back"
        let html = renderer.render(PlainTextMarkdown.markdown(text)).html
        #expect(html == "<p># not a heading<br />\n1. not a list<br />\n- nor this<br />\n&gt; nor a quote<br />\n*star* _under_ `tick` [link](x) &lt;b&gt;tag&lt;/b&gt; ~strike~ a|b &amp;amp; \\ back</p>\n")
        #expect(PlainTextMarkdown.markdown("one\n\n\n   two  \n") == "one\n\ntwo")
    }
}
