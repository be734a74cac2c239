import Foundation
import Testing
@testable import QandaKit

// MARK: - Records

private func day(_ text: String) -> ContentDate { ContentDate.parse(text)! }

private func person(_ given: String?, _ family: String, _ suffix: String? = nil) -> CitationRecord.Contributor {
    .person(given: given, family: family, suffix: suffix)
}

private func record(
    kind: CitationRecord.Kind = .page, genre: CitationGenre = .webpage, authors: [CitationRecord.Contributor],
    date: ContentDate? = day("2018-04-26"), title: String, commentExcerpt: String? = nil, siteName: String = "Mindwell",
    url: String, retrieved: ContentDate? = nil, language: String = "en", key: String
) -> CitationRecord {
    CitationRecord(kind: kind, genre: genre, authors: authors, date: date, originalDate: date, title: title,
                   titleIsDerived: false, pageTitle: title, commentExcerpt: commentExcerpt, siteName: siteName, url: url,
                   retrieved: retrieved, language: language, key: key)
}

/// The tricky cases, each on its own record.
private enum Fixture {
    static let randle = record(
        authors: [person("Kim", "Randle")], title: "Pursuing an ethical post-therapy relationship",
        url: "https://mindwell.example/questions/pursuing/", key: "randle2018pursuing")

    /// Three authors: a particle, a hyphenated given name, a suffix; every BibTeX special character.
    static let specials = record(
        authors: [person("Anneke", "van der Berg"), person("Marie-Claire", "Dubois"), person("Tunde", "Okafor", "Jr.")],
        date: day("2019-11-05T09:30:00-05:00"),
        title: "Q&A -- 100% of C_1 #tags {in braces}, C:\\temp\\~me ^ $5?",
        url: "https://mindwell.example/questions/q-a/", retrieved: day("2024-01-02"), key: "vanderberg2019qa")

    /// Two authors: non-ASCII throughout and an organization; no date.
    static let undated = record(
        authors: [person("Łukasz", "Żółć"), .organization("Mindwell Editorial Team & Friends")], date: nil,
        title: "Zażółć gęślą jaźń: what’s in a name?", url: "https://mindwell.example/questions/zazolc/",
        language: "pl", key: "zolcndzazolc")

    /// The site as the group author, as `CitationRecord.page` makes it for a page with no answers.
    static let organization = record(
        authors: [.organization("Mindwell")], title: "Finding a therapist",
        url: "https://mindwell.example/questions/finding/", retrieved: day("2024-03-09"), key: "mindwell2018finding")

    /// A forum post, cited by its poster's screen name (`asked_by`), as written.
    static let forumPost = record(
        genre: .forumPost, authors: [.screenName("checkout_lane_7")], date: day("2018-07-22"),
        title: "Why do I keep dreaming about my old therapist?",
        url: "https://mindwell.example/questions/why-do-i-keep-dreaming/", key: "checkoutlane72018why")

    /// A forum post nobody signed: no author at all (APA moves the title to the author position).
    static let unsignedPost = record(
        genre: .forumPost, authors: [], date: day("2018-07-23"), title: "Is it normal to cry after every session?",
        url: "https://mindwell.example/questions/is-it-normal/", key: "anonymous2018normal")

    static let forumComment = record(
        kind: .answer, genre: .forumPost, authors: [person("Jean", "Pelletier")], date: day("2018-07-22"),
        title: "Why do I keep dreaming about my old therapist?", commentExcerpt: "Yes, and I'm so glad you asked",
        url: "https://mindwell.example/questions/why-do-i-keep-dreaming/#answer-2", retrieved: day("2024-01-02"),
        key: "pelletier2018why-answer-2")

    static let all = [randle, specials, undated, organization, forumPost, forumComment]
}

// MARK: - BibTeX

@Suite struct BibTeXExportTests {
    @Test func webpageEntry() {
        #expect(BibTeXExport.entries([Fixture.randle]) == """
            @online{randle2018pursuing,
              author = {Randle, Kim},
              title = {{Pursuing an ethical post-therapy relationship}},
              date = {2018-04-26},
              organization = {Mindwell},
              url = {https://mindwell.example/questions/pursuing/},
              langid = {english}
            }

            """)
    }

    @Test func forumCommentEntry() {
        #expect(BibTeXExport.entries([Fixture.forumComment]) == """
            @online{pelletier2018why-answer-2,
              author = {Pelletier, Jean},
              title = {{Yes, and I'm so glad you asked}},
              date = {2018-07-22},
              organization = {Mindwell},
              url = {https://mindwell.example/questions/why-do-i-keep-dreaming/#answer-2},
              urldate = {2024-01-02},
              langid = {english},
              type = {Comment on the online forum post Why do I keep dreaming about my old therapist?},
              note = {[Comment on the online forum post Why do I keep dreaming about my old therapist?]}
            }

            """)
    }

    @Test func entriesAreSeparatedByABlankLineAndEndWithANewline() {
        let text = BibTeXExport.entries(Fixture.all)
        #expect(text.components(separatedBy: "\n}\n\n@online{").count == Fixture.all.count)
        #expect(text.hasSuffix("}\n") && !text.hasSuffix("\n\n"))
        #expect(BibTeXExport.entries([]) == "")
        for fixture in Fixture.all { #expect(text.contains("@online{\(fixture.key),\n")) }
    }

    @Test func names() {
        let text = BibTeXExport.entry(Fixture.specials)
        #expect(text.contains("  author = {{van der Berg}, Anneke and Dubois, Marie-Claire and Okafor, Jr., Tunde},\n"))
        #expect(BibTeXExport.entry(Fixture.undated)
            .contains("  author = {Żółć, Łukasz and {Mindwell Editorial Team \\& Friends}},\n"))
        #expect(BibTeXExport.entry(Fixture.organization).contains("  author = {{Mindwell}},\n"))
    }

    @Test(arguments: [
        (person("Kim", "Randle"), "Randle, Kim"),
        (person("Kim Lee", "Randle"), "Randle, Kim Lee"),
        (person(nil, "Randle"), "Randle"),
        (person(nil, "van der Berg"), "{van der Berg},"),
        (person(nil, "Okafor", "Jr."), "Okafor, Jr.,"),
        (person("", "Randle", ""), "Randle"),
        (person("bell", "hooks"), "hooks, bell"),
        (person("Ann", "Smith, Baroness"), "{Smith, Baroness}, Ann"),
        (person("Tom and Jerry", "Cat"), "Cat, {Tom and Jerry}"),
        (person("María José", "de la Cruz"), "{de la Cruz}, María José"),
        (.organization("Mindwell, Inc."), "{Mindwell, Inc.}"),
    ])
    func name(_ contributor: CitationRecord.Contributor, _ expected: String) {
        #expect(BibTeXExport.name(contributor) == expected)
    }

    @Test func titleEscapesEverySpecialCharacter() {
        #expect(BibTeXExport.entry(Fixture.specials).contains(
            ##"  title = {{Q\&A -{}- 100\% of C\_1 \#tags \{in braces\}, C:\textbackslash{}temp\textbackslash{}\textasciitilde{}me \textasciicircum{} \$5?}},"##
                + "\n"))
    }

    @Test(arguments: [
        ("a & b", #"a \& b"#),
        ("x}y{z", #"x\textbraceright{}y\textbraceleft{}z"#),
        ("{a} {b", #"\{a\} \textbraceleft{}b"#),
        ("{{a}}", #"\{\{a\}\}"#),
        ("a---b", "a-{}-{}-b"),
        ("a - b", "a - b"),
        ("two\nlines\t here", "two lines here"),
        ("Łódź “quoted” — naïve", "Łódź “quoted” — naïve"),
    ])
    func escape(_ input: String, _ expected: String) {
        #expect(BibTeXExport.escape(input) == expected)
    }

    @Test func urlStaysVerbatimExceptWhatWouldBreakTheEntry() {
        #expect(BibTeXExport.url("https://x.example/a_b/~c/%20d?e=f&g#h") == "https://x.example/a_b/~c/%20d?e=f&g#h")
        #expect(BibTeXExport.url("https://x.example/{a}\\b c") == "https://x.example/%7Ba%7D%5Cb%20c")
    }

    /// The shortcut for plain ASCII gives what the character-by-character path gives, on 5,000 random strings
    /// drawn mostly from the characters that matter (specials, spaces, hyphens, braces) and some non-ASCII.
    @Test func plainTextShortcutMatchesTheFullEscape() {
        let pieces = ["a", "B", "z", " ", "  ", "-", "--", "{", "}", "\\", "&", "%", "$", "#", "_", "~", "^", ".", "/", ":",
                      "é", "\t", "\n", "and", ",", "?", "=", "0"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(BibTeXExport.escape(text) == BibTeXExport.escapeCharacters(text), "\(text.debugDescription)")
            #expect(BibTeXExport.url(text) == BibTeXExport.encodeURLScalars(text), "\(text.debugDescription)")
        }
    }

    @Test func dates() {
        #expect(BibTeXExport.entry(Fixture.specials).contains("  date = {2019-11-05},\n"))
        #expect(BibTeXExport.entry(Fixture.specials).contains("  urldate = {2024-01-02},\n"))
        #expect(!BibTeXExport.entry(Fixture.undated).contains("date"))
        #expect(!BibTeXExport.entry(Fixture.randle).contains("urldate"))
    }

    /// A screen name is one braced token: BibTeX never splits "checkout_lane_7" into given and family names.
    @Test func forumPostsAreByTheirPoster() {
        #expect(BibTeXExport.entry(Fixture.forumPost).contains("  author = {{checkout\\_lane\\_7}},\n"))
        #expect(!BibTeXExport.entry(Fixture.unsignedPost).contains("author"))
    }

    @Test func forumPostDescription() {
        let text = BibTeXExport.entry(Fixture.forumPost)
        #expect(text.contains("  title = {{Why do I keep dreaming about my old therapist?}},\n"))
        #expect(text.contains("  type = {Online forum post},\n  note = {[Online forum post]}\n}"))
        #expect(!BibTeXExport.entry(Fixture.randle).contains("note"))
    }

    /// An answer in a forum thread with no words to quote is cited like the post itself, as in APAReference.
    @Test func forumAnswerWithoutExcerpt() {
        var answer = Fixture.forumComment
        answer.commentExcerpt = nil
        #expect(answer.exportTitle == answer.title)
        #expect(answer.formDescription == "Online forum post")
        #expect(BibTeXExport.entry(answer).contains("  title = {{Why do I keep dreaming about my old therapist?}},\n"))
        var webpageAnswer = Fixture.forumComment
        webpageAnswer.genre = .webpage
        #expect(webpageAnswer.exportTitle == webpageAnswer.title && webpageAnswer.formDescription == nil)
    }

    @Test(arguments: [("en", "english"), ("en-GB", "british"), ("pt-br", "brazilian"), ("pl", "polish"),
                      ("es-MX", "es-MX"), ("haw", "haw")])
    func langid(_ tag: String, _ expected: String) {
        #expect(BibTeXExport.langid(tag) == expected)
    }
}

// MARK: - RIS

@Suite struct RISExportTests {
    @Test func webpageRecord() {
        #expect(RISExport.records([Fixture.randle]) == [
            "TY  - ELEC",
            "AU  - Randle, Kim",
            "TI  - Pursuing an ethical post-therapy relationship",
            "T2  - Mindwell",
            "PY  - 2018",
            "DA  - 2018/04/26/",
            "UR  - https://mindwell.example/questions/pursuing/",
            "PB  - Mindwell",
            "LA  - en",
            "ER  - ",
        ].map { $0 + "\r\n" }.joined())
    }

    @Test func forumCommentRecord() {
        #expect(RISExport.records([Fixture.forumComment]) == [
            "TY  - ELEC",
            "AU  - Pelletier, Jean",
            "TI  - Yes, and I'm so glad you asked",
            "T2  - Mindwell",
            "PY  - 2018",
            "DA  - 2018/07/22/",
            "UR  - https://mindwell.example/questions/why-do-i-keep-dreaming/#answer-2",
            "PB  - Mindwell",
            "Y2  - 2024/01/02/",
            "LA  - en",
            "M3  - Comment on the online forum post Why do I keep dreaming about my old therapist?",
            "N1  - [Comment on the online forum post Why do I keep dreaming about my old therapist?]",
            "ER  - ",
        ].map { $0 + "\r\n" }.joined())
    }

    /// pandoc 2.17 has no RIS reader, so the shape is checked line by line.
    @Test func structure() throws {
        let text = RISExport.records(Fixture.all)
        #expect(text.hasSuffix("ER  - \r\n"))
        // CR LF everywhere: no LF without its CR, no CR without its LF.
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains(where: { $0 == "\n" || $0 == "\r" }))
        let records = text.components(separatedBy: "\r\n\r\n")
        #expect(records.count == Fixture.all.count)
        let tagLine = try Regex(#"^[A-Z][A-Z0-9]  - "#)
        for record in records {
            let lines = record.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.first == "TY  - ELEC")
            #expect(lines.last == "ER  - ")
            #expect(lines.filter { $0.hasPrefix("TY  - ") }.count == 1)
            for line in lines { #expect(line.firstMatch(of: tagLine) != nil, "\(line)") }
        }
    }

    @Test func authors() {
        let text = RISExport.record(Fixture.specials)
        #expect(text.contains("AU  - van der Berg, Anneke\r\nAU  - Dubois, Marie-Claire\r\nAU  - Okafor, Tunde, Jr.\r\n"))
        #expect(RISExport.record(Fixture.undated)
            .contains("AU  - Żółć, Łukasz\r\nAU  - Mindwell Editorial Team & Friends\r\n"))
        #expect(RISExport.record(Fixture.organization).contains("AU  - Mindwell\r\n"))
        #expect(RISExport.name(person(nil, "Okafor", "Jr.")) == "Okafor, , Jr.")
        #expect(RISExport.name(person(nil, "van der Berg")) == "van der Berg")
    }

    @Test func titlesAreWrittenAsIs() {
        #expect(RISExport.record(Fixture.specials)
            .contains("TI  - Q&A -- 100% of C_1 #tags {in braces}, C:\\temp\\~me ^ $5?\r\n"))
        var multiline = Fixture.randle
        multiline.title = "Two\nlines\r\nhere"
        #expect(RISExport.record(multiline).contains("TI  - Two lines here\r\n"))
    }

    @Test func datesAndRetrieval() {
        let undated = RISExport.record(Fixture.undated)
        #expect(!undated.contains("PY  - ") && !undated.contains("DA  - "))
        #expect(RISExport.record(Fixture.specials).contains("PY  - 2019\r\nDA  - 2019/11/05/\r\n"))
        #expect(RISExport.record(Fixture.organization).contains("Y2  - 2024/03/09/\r\n"))
        #expect(!RISExport.record(Fixture.randle).contains("Y2  - "))
        #expect(RISExport.record(Fixture.undated).contains("LA  - pl\r\n"))
    }

    @Test func forumPostsAreByTheirPoster() {
        #expect(RISExport.record(Fixture.forumPost).contains("TY  - ELEC\r\nAU  - checkout_lane_7\r\nTI  - "))
        #expect(!RISExport.record(Fixture.unsignedPost).contains("AU  - "))
    }

    @Test func forumPostDescription() {
        let text = RISExport.record(Fixture.forumPost)
        #expect(text.contains("TI  - Why do I keep dreaming about my old therapist?\r\n"))
        #expect(text.contains("M3  - Online forum post\r\nN1  - [Online forum post]\r\nER  - \r\n"))
        #expect(!RISExport.record(Fixture.randle).contains("N1  - "))
    }
}

// MARK: - CSL-JSON

@Suite struct CSLJSONExportTests {
    @Test func webpageItem() {
        #expect(CSLJSONExport.items([Fixture.randle]) == """
            [
              {
                "URL" : "https://mindwell.example/questions/pursuing/",
                "author" : [
                  {
                    "family" : "Randle",
                    "given" : "Kim"
                  }
                ],
                "container-title" : "Mindwell",
                "id" : "randle2018pursuing",
                "issued" : {
                  "date-parts" : [
                    [
                      2018,
                      4,
                      26
                    ]
                  ]
                },
                "language" : "en",
                "publisher" : "Mindwell",
                "title" : "Pursuing an ethical post-therapy relationship",
                "type" : "webpage"
              }
            ]

            """)
    }

    @Test func deterministicAndUnescaped() throws {
        let text = CSLJSONExport.items(Fixture.all)
        #expect(text == CSLJSONExport.items(Fixture.all))
        #expect(text.hasSuffix("]\n"))
        #expect(text.contains("https://mindwell.example/") && !text.contains(#"\/"#))
        #expect(text.contains("Łukasz") && text.contains("Żółć"))
        #expect(try items(text).count == Fixture.all.count)
    }

    @Test func authors() throws {
        let all = try items(CSLJSONExport.items(Fixture.all))
        #expect(all[1]["author"] as? [[String: String]] == [
            ["family": "van der Berg", "given": "Anneke"],
            ["family": "Dubois", "given": "Marie-Claire"],
            ["family": "Okafor", "given": "Tunde", "suffix": "Jr."],
        ])
        #expect(all[2]["author"] as? [[String: String]] == [
            ["family": "Żółć", "given": "Łukasz"], ["literal": "Mindwell Editorial Team & Friends"],
        ])
        #expect(all[3]["author"] as? [[String: String]] == [["literal": "Mindwell"]])
    }

    @Test func fields() throws {
        let all = try items(CSLJSONExport.items(Fixture.all))
        let specials = all[1]
        #expect(specials["title"] as? String == Fixture.specials.title)
        #expect(specials["issued"] as? [String: [[Int]]] == ["date-parts": [[2019, 11, 5]]])
        #expect(specials["accessed"] as? [String: [[Int]]] == ["date-parts": [[2024, 1, 2]]])
        #expect(all[0]["accessed"] == nil)
        #expect(all[2]["issued"] == nil)
        #expect(all[2]["language"] as? String == "pl")
        #expect(all.map { $0["type"] as? String } == ["webpage", "webpage", "webpage", "webpage", "post", "post"])
        #expect(all.map { $0["genre"] as? String } == [
            nil, nil, nil, nil, "Online forum post",
            "Comment on the online forum post Why do I keep dreaming about my old therapist?",
        ])
        #expect(all[5]["title"] as? String == "Yes, and I'm so glad you asked")
        for item in all {
            #expect(item["publisher"] as? String == "Mindwell")
            #expect(item["container-title"] as? String == "Mindwell")
        }
    }

    @Test func emptyList() throws {
        #expect(try items(CSLJSONExport.items([])).isEmpty)
    }

    private func items(_ text: String) throws -> [[String: Any]] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }
}

// MARK: - Read back with pandoc

/// pandoc, when it is installed: the round-trip tests read our BibTeX and CSL-JSON back with it.
private enum Pandoc {
    static let executable: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("pandoc") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    static var isAvailable: Bool { executable != nil }

    /// Runs pandoc in a temporary directory holding `files` (name: contents), so `arguments` can name them,
    /// and returns its standard output.
    static func run(_ arguments: [String], files: [String: String]) throws -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("qanda-citation-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, contents) in files {
            try contents.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let run = try ToolRun.run(try #require(executable), arguments, in: directory)
        #expect(run.status == 0, "pandoc \(arguments): \(run.errors)")
        return run.output
    }

    /// pandoc's CSL-JSON, by item id.
    static func cslItems(_ arguments: [String], input: String, fileExtension: String) throws -> [String: [String: Any]] {
        let name = "input.\(fileExtension)"
        let text = try run(arguments + ["-t", "csljson", name], files: [name: input])
        let items = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: items.map { ($0["id"] as? String ?? "", $0) })
    }
}

// Skipped, with the reason shown in the test output, where pandoc is not installed.
@Suite(.enabled(if: Pandoc.isAvailable, "pandoc is not on PATH: BibTeX and CSL-JSON round trips skipped"))
struct CitationExportPandocTests {
    @Test(arguments: ["bibtex", "biblatex"])
    func bibTeXReadsBack(_ reader: String) throws {
        let items = try Pandoc.cslItems(["-f", reader], input: BibTeXExport.entries(Fixture.all), fileExtension: "bib")
        for record in Fixture.all {
            let item = try #require(items[record.key], "\(record.key) missing")
            expectCommonFields(item, record)
            #expect(item["type"] as? String == "webpage")
            // langid "english" comes back as "en-US": the language is kept, the region is pandoc's default.
            let language = try #require(item["language"] as? String)
            #expect(language.lowercased().hasPrefix(record.language.lowercased()), "\(language)")
        }
    }

    @Test func cslJSONReadsBack() throws {
        let items = try Pandoc.cslItems(["-f", "csljson"], input: CSLJSONExport.items(Fixture.all), fileExtension: "json")
        for record in Fixture.all {
            let item = try #require(items[record.key], "\(record.key) missing")
            expectCommonFields(item, record)
            #expect(item["type"] as? String == (record.genre == .forumPost ? "post" : "webpage"))
            #expect(item["container-title"] as? String == record.siteName)
            #expect(item["language"] as? String == record.language)
        }
    }

    /// The braces around a BibTeX title keep a citation style from re-casing it: pandoc's default style
    /// (Chicago) title-cases English titles that are not protected.
    @Test func bibTeXTitleKeepsItsCase() throws {
        let output = try Pandoc.run(
            ["--citeproc", "--bibliography", "references.bib", "-t", "plain", "--wrap=none", "document.md"],
            files: ["references.bib": BibTeXExport.entries([Fixture.randle, Fixture.forumPost]),
                    "document.md": "---\nnocite: '@*'\n---\n"])
        #expect(output.contains("Pursuing an ethical post-therapy relationship"), "\(output)")
        #expect(output.contains("Why do I keep dreaming about my old therapist?"), "\(output)")
        #expect(output.contains("Online forum post"), "\(output)")
    }

    /// What a reference manager prints from the CSL-JSON we write, through pandoc's citeproc (its default style,
    /// Chicago author-date): the poster's screen name first, as written; a post nobody signed starts with its
    /// title; a reply is its author's.
    @Test func cslJSONOfForumPostsRendersWithThePosterFirst() throws {
        let output = try Pandoc.run(
            ["--citeproc", "--bibliography", "references.json", "-t", "plain", "--wrap=none", "document.md"],
            files: ["references.json": CSLJSONExport.items([Fixture.forumPost, Fixture.unsignedPost, Fixture.forumComment]),
                    "document.md": "---\nnocite: '@*'\n---\n"])
        let entries = output.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        #expect(entries.count == 3, "\(output)")
        let posted = try #require(entries.first { $0.contains("dreaming") }, "\(output)")
        #expect(posted.hasPrefix("checkout_lane_7. 2018."), "\(posted)")
        #expect(!posted.contains("Pelletier"), "\(posted)")
        // Chicago title-cases the title; what matters is that it comes first, before the year.
        let unsigned = try #require(entries.first { $0.lowercased().contains("is it normal") }, "\(output)")
        #expect(unsigned.lowercased().hasPrefix("“is it normal to cry after every session?” 2018."), "\(unsigned)")
        let reply = try #require(entries.first { $0.hasPrefix("Pelletier, Jean.") }, "\(output)")
        #expect(reply.contains("2018"), "\(reply)")
    }

    private func expectCommonFields(_ item: [String: Any], _ record: CitationRecord) {
        // pandoc typesets a straight apostrophe as a curly one, as TeX does; the text is otherwise as written.
        func straight(_ text: String?) -> String? { text?.replacingOccurrences(of: "\u{2019}", with: "'") }
        #expect(straight(item["title"] as? String) == straight(record.exportTitle), "\(record.key)")
        #expect(item["URL"] as? String == record.url, "\(record.key)")
        #expect(item["publisher"] as? String == record.siteName, "\(record.key)")
        #expect(item["genre"] as? String == record.formDescription, "\(record.key)")
        #expect(dateParts(item["issued"]) == record.date.map { [$0.year, $0.month, $0.day] }, "\(record.key)")
        #expect(dateParts(item["accessed"]) == record.retrieved.map { [$0.year, $0.month, $0.day] }, "\(record.key)")
        let authors = (item["author"] as? [[String: String]]) ?? []
        // CSL has one form for a name written whole: organizations and screen names both come back as `literal`.
        let comparable = record.authors.map { contributor -> CitationRecord.Contributor in
            if case .screenName(let name) = contributor { return .organization(name) }
            return contributor
        }
        #expect(authors.map(readName) == comparable, "\(record.key): \(authors)")
    }

    private func dateParts(_ value: Any?) -> [Int]? {
        ((value as? [String: Any])?["date-parts"] as? [[Int]])?.first
    }

    /// A CSL name as a contributor. A particle pandoc split off as *non-dropping* goes back in front of the
    /// family name; a *dropping* one would mean the name was misread, so it is kept apart to fail the test.
    private func readName(_ name: [String: String]) -> CitationRecord.Contributor {
        if let literal = name["literal"] { return .organization(literal) }  // compared with `comparable` below
        let family = [name["non-dropping-particle"], name["family"]].compactMap { $0 }.joined(separator: " ")
        let dropping = name["dropping-particle"].map { " [dropping: \($0)]" } ?? ""
        return .person(given: name["given"], family: family + dropping, suffix: name["suffix"])
    }
}
