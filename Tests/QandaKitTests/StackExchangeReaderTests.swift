import Foundation
import Testing
@testable import QandaKit

@Suite struct StackExchangeReaderTests {
    // MARK: What each post carries over

    @Test func questionCarriesItsFieldsAndBodyFromTheLatestRevision() throws {
        let dump = DumpFolder()
        dump.writeDump(
            posts: [
                DumpRows.question(1, title: "Why do my meringues weep?", tags: "<baking><eggs>", extra: [
                    ("AcceptedAnswerId", "3"), ("LastEditorUserId", "12"), ("LastEditDate", "2013-02-03T04:05:06.700"),
                    ("ContentLicense", "CC BY-SA 3.0")]),
                DumpRows.answer(2, parent: 1, owner: 11),
                DumpRows.answer(3, parent: 1, owner: 12, extra: [("LastEditorUserId", "11"), ("LastEditDate", "2012-06-01T00:00:00.000")]),
            ],
            users: [DumpRows.user(10, "Anna"), DumpRows.user(11, "bread_head"), DumpRows.user(12, "Chef Ö", about: "<p>I <em>bake</em>.</p>")],
            tags: [DumpRows.tag(1, "baking"), DumpRows.tag(2, "eggs")],
            history: [
                DumpRows.revision(1, post: 1, type: 2, date: "2012-05-01T10:00:00.123", text: "First *draft*."),
                DumpRows.revision(2, post: 1, type: 1, date: "2012-05-01T10:00:00.123", text: "Why do my meringues weep?"),
                DumpRows.revision(3, post: 1, type: 5, date: "2013-02-03T04:05:06.700", text: "Edited **body**,\r\nwith a second line."),
                DumpRows.revision(4, post: 2, type: 2, date: "2012-05-02T08:30:00.000", text: "Answer two."),
                DumpRows.revision(5, post: 3, type: 2, date: "2012-05-02T08:30:00.000", text: "Answer three, first."),
                DumpRows.revision(6, post: 3, type: 5, date: "2012-05-20T08:30:00.000", text: "Answer three, vandalised."),
                DumpRows.revision(7, post: 3, type: 8, date: "2012-06-01T00:00:00.000", text: "Answer three, rolled back."),
            ])
        let (sink, summary) = try dump.read()

        #expect(sink.events == [.author("user-11"), .author("user-12"), .question("1"), .answer("2", question: "1"), .answer("3", question: "1")])
        let question = try #require(sink.question("1"))
        #expect(question.title == "Why do my meringues weep?")
        #expect(question.date.text == "2012-05-01T10:00:00.123Z")
        #expect(question.updated?.text == "2013-02-03T04:05:06.700Z")
        #expect(question.category == "baking")
        #expect(question.tags == ["baking", "eggs"])
        #expect(question.votes == 3)
        #expect(question.askedBy == "Anna")
        #expect(question.editedBy == "user-12")
        #expect(question.genre == "forum-post")
        #expect(question.body == "Edited **body**,\nwith a second line.\n")
        #expect(question.source == ImportedSource(url: "https://cooking.stackexchange.com/q/1", license: "CC BY-SA 3.0",
                                                  licenseURL: "https://creativecommons.org/licenses/by-sa/3.0/"))

        let accepted = try #require(sink.answer("3"))
        #expect(accepted.accepted)
        #expect(accepted.authorID == "user-12")
        #expect(accepted.editedBy == "user-11")
        #expect(accepted.updated?.text == "2012-06-01T00:00:00.000Z")
        #expect(accepted.body == "Answer three, rolled back.\n")
        #expect(accepted.source?.url == "https://cooking.stackexchange.com/a/3")
        #expect(accepted.source?.license == "CC BY-SA 3.0")  // by date: edited in 2012
        let other = try #require(sink.answer("2"))
        #expect(!other.accepted && other.authorID == "user-11" && other.votes == 1 && other.body == "Answer two.\n")

        // Users who answered or edited are authors (screen names, profile links, bios); the asker is only asked_by.
        #expect(sink.author("user-10") == nil)
        #expect(sink.author("user-12") == ImportedAuthor(id: "user-12", name: "Chef Ö", naming: .screenName,
                                                         url: "https://cooking.stackexchange.com/users/12", bio: "I *bake*.\n", location: "Users.xml:5"))
        #expect(summary == StackExchangeReader.Summary(questions: 1, answers: 2, authors: 2, skipped: 0, bodiesFromHistory: 3, bodiesFromHTML: 0))
    }

    @Test func markdownFromPostHistoryIsKeptAsWrittenRawHTMLAndAll() throws {
        let markdown = """
            # Heading\r\n\r\nSome *em*, **strong**, `code`, ~~gone~~, [link](https://example.org "t"), ![img](https://i.sstatic.net/a.png).\r
            \r
            1. one\r
               - nested\r
            2. two\r
            \r
            > quoted\r
            \r
            ```js\r
            let a = 1 < 2 && "&amp;";\r
            ```\r
            \r
            | a | b |\r
            |---|---|\r
            | 1 | 2 |\r
            \r
            Press <kbd>Ctrl</kbd>, x<sup>2</sup>.\r
            <details><summary>More</summary>Hidden &copy; text</details>\r
            <!-- language: lang-js -->\r
            ---\r
            Line with two spaces  \r
            next
            """
        let dump = DumpFolder()
        dump.writeDump(posts: [DumpRows.question(1)],
                       history: [DumpRows.revision(1, post: 1, type: 2, date: "2012-05-01T10:00:00.123", text: markdown)])
        let (sink, _) = try dump.read()
        #expect(sink.question("1")?.body == markdown.replacingOccurrences(of: "\r\n", with: "\n") + "\n")
    }

    @Test func withoutPostHistoryTheHTMLBodyIsConverted() throws {
        let dump = DumpFolder()
        dump.writeDump(posts: [DumpRows.question(1, body: "<p>Use <code>fold()</code>, see <a href=\"/questions/7\">this</a>.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n")],
                       users: [DumpRows.user(10, "Anna")])
        let (sink, summary) = try dump.read()
        #expect(sink.question("1")?.body == "Use `fold()`, see [this](https://cooking.stackexchange.com/questions/7).\n\n- one\n- two\n")
        #expect(summary.bodiesFromHTML == 1 && summary.bodiesFromHistory == 0)
    }

    @Test func aPostWithoutARevisionInPostHistoryFallsBackToItsHTML() throws {
        let dump = DumpFolder()
        dump.writeDump(posts: [DumpRows.question(1, body: "<p>From <strong>HTML</strong>.</p>")],
                       history: [DumpRows.revision(1, post: 1, type: 1, date: "2012-05-01T10:00:00.123", text: "A title only")])
        let (sink, _) = try dump.read()
        #expect(sink.question("1")?.body == "From **HTML**.\n")
    }

    @Test func siteRelativeLinksInMarkdownBecomeAbsolute() throws {
        let dump = DumpFolder()
        let markdown = "See [that](/q/5), ![pic](//i.sstatic.net/a.png) and [ref].\n\n[ref]: /users/4\n\n```\n[kept](/in/code)\n```\n`[kept](/too)`"
        dump.writeDump(posts: [DumpRows.question(1)],
                       history: [DumpRows.revision(1, post: 1, type: 2, date: "2012-05-01T10:00:00.123", text: markdown)])
        let (sink, _) = try dump.read()
        #expect(sink.question("1")?.body == """
            See [that](https://cooking.stackexchange.com/q/5), ![pic](https://i.sstatic.net/a.png) and [ref].

            [ref]: https://cooking.stackexchange.com/users/4

            ```
            [kept](/in/code)
            ```
            `[kept](/too)`

            """)
    }

    @Test func theRebaserLeavesCodeAndOtherSitesAlone() {
        let markdown = """
            [a](/x (title)) [b](<../y z>) [c](https://other.org/d) [e](#top) [f](wiki_(g)) <a href="/h">h</a> <img src="i.png">
            \\](/not-a-link) `](/code)` ``` `` ](/inline) `` ```

                [indented](/code/block)

            ~~~
            [fenced](/tilde)
            ~~~
              [ref]: <old/path> "title"
            """
        let page = HTMLToMarkdown(pageURL: "https://s.example/questions/1/")
        #expect(MarkdownLinkRebaser.rebase(markdown, resolve: page.resolve) == """
            [a](https://s.example/x (title)) [b](<https://s.example/questions/y%20z>) [c](https://other.org/d) [e](#top) [f](https://s.example/questions/1/wiki_(g)) <a href="https://s.example/h">h</a> <img src="https://s.example/questions/1/i.png">
            \\](/not-a-link) `](/code)` ``` `` ](/inline) `` ```

                [indented](/code/block)

            ~~~
            [fenced](/tilde)
            ~~~
              [ref]: <https://s.example/questions/1/old/path> "title"
            """)
    }

    // MARK: Licence

    @Test func licenceFollowsStackExchangesDatesUnlessTheRowNamesIt() throws {
        let dump = DumpFolder()
        let dates = ["2011-04-07T23:59:59.997", "2011-04-08T00:00:00.000", "2018-05-01T23:59:59.997", "2018-05-02T00:00:00.000"]
        var posts = dates.enumerated().map { DumpRows.question($0.offset + 1, date: $0.element) }
        posts.append(DumpRows.question(9, date: "2010-01-01T00:00:00.000", extra: [("LastEditDate", "2019-01-01T00:00:00.000")]))
        posts.append(DumpRows.question(10, date: "2010-01-01T00:00:00.000", extra: [("ContentLicense", "CC BY-SA 4.0")]))
        dump.writeDump(posts: posts)
        let (sink, _) = try dump.read()
        let licences = sink.questions.map { $0.source?.license ?? "" }
        #expect(licences == ["CC BY-SA 2.5", "CC BY-SA 3.0", "CC BY-SA 3.0", "CC BY-SA 4.0", "CC BY-SA 4.0", "CC BY-SA 4.0"])
        #expect(sink.question("1")?.source?.licenseURL == "https://creativecommons.org/licenses/by-sa/2.5/")
        #expect(sink.question("4")?.source?.licenseURL == "https://creativecommons.org/licenses/by-sa/4.0/")
    }

    // MARK: Edge cases

    @Test func deletedAndUnregisteredUsers() throws {
        let dump = DumpFolder()
        dump.writeDump(
            posts: [
                DumpRows.question(1, owner: nil, extra: [("OwnerDisplayName", "gone_asker")]),
                DumpRows.question(2, owner: nil),
                DumpRows.answer(3, parent: 1, owner: nil, extra: [("OwnerDisplayName", "Guest Cook")]),
                DumpRows.answer(4, parent: 1, owner: nil),
                DumpRows.answer(5, parent: 2, owner: 99),  // in no row of Users.xml
                DumpRows.answer(6, parent: 2, owner: 11, extra: [("LastEditorDisplayName", "Old Editor")]),
            ],
            users: [DumpRows.user(11, "Present")])
        let (sink, _) = try dump.read()
        #expect(sink.question("1")?.askedBy == "gone_asker")
        #expect(sink.question("2")?.askedBy == nil)
        #expect(sink.answer("3")?.authorID == "guest-guest-cook")
        #expect(sink.answer("4")?.authorID == "deleted-user")
        #expect(sink.answer("5")?.authorID == "user-99")
        #expect(sink.answer("6")?.editedBy == "guest-old-editor")
        #expect(sink.author("guest-guest-cook")?.name == "Guest Cook")
        #expect(sink.author("guest-old-editor")?.name == "Old Editor")
        #expect(sink.author("user-99")?.name == "user99")
        #expect(sink.author("deleted-user")?.name == "Deleted user")
        #expect(sink.authors.allSatisfy { $0.naming == .screenName })
        // Every author an answer or an edit names came before the posts.
        let firstPost = try #require(sink.events.firstIndex { if case .author = $0 { false } else { true } })
        #expect(sink.events[firstPost...].allSatisfy { if case .author = $0 { false } else { true } })
    }

    @Test func closedCommunityWikiAndUnansweredQuestionsAreImported() throws {
        let dump = DumpFolder()
        dump.writeDump(
            posts: [
                DumpRows.question(1, extra: [("ClosedDate", "2013-01-01T00:00:00.000")]),
                DumpRows.question(2, extra: [("CommunityOwnedDate", "2013-01-01T00:00:00.000")]),
                DumpRows.answer(3, parent: 2, extra: [("CommunityOwnedDate", "2013-01-01T00:00:00.000")]),
                DumpRows.question(4),
            ],
            users: [DumpRows.user(10, "Anna"), DumpRows.user(11, "Ben")])
        let (sink, summary) = try dump.read()
        #expect(sink.questions.map(\.originalID) == ["1", "2", "4"])
        #expect(sink.answers.map(\.answer.originalID) == ["3"])
        #expect(sink.skips.isEmpty && summary.skipped == 0)
    }

    @Test func tagsWithSignsKeepDistinctSlugs() throws {
        let dump = DumpFolder()
        dump.writeDump(
            posts: [
                DumpRows.question(1, tags: "<c++><c#><c>"),
                DumpRows.question(2, tags: "|.net|net|c++|"),
                DumpRows.question(3, tags: "|f#|"),
            ],
            tags: [DumpRows.tag(1, "c"), DumpRows.tag(2, "c++"), DumpRows.tag(3, "c#"), DumpRows.tag(4, "net"), DumpRows.tag(5, ".net")])
        let (sink, _) = try dump.read()
        #expect(sink.question("1")?.tags == ["c-plus-plus", "c-sharp", "c"])
        #expect(sink.question("1")?.category == "c-plus-plus")
        #expect(sink.question("2")?.tags == ["dot-net", "net", "c-plus-plus"])
        #expect(sink.question("3")?.tags == ["f-sharp"])
        let slugs = sink.questions.flatMap(\.tags).map { Slug.make(from: $0) }
        #expect(Set(slugs).count == Set(sink.questions.flatMap(\.tags)).count)
    }

    @Test func categoryMapPicksTheFirstMappedTag() throws {
        let dump = DumpFolder()
        dump.writeDump(posts: [DumpRows.question(1, tags: "<eggs><baking>"), DumpRows.question(2, tags: "<eggs>")])
        let (sink, _) = try dump.read(categoryMap: ["baking": "Baking and Pastry"])
        #expect(sink.question("1")?.category == "Baking and Pastry")
        #expect(sink.question("1")?.tags == ["eggs", "baking"])
        #expect(sink.question("2")?.category == "eggs")
    }

    @Test func postsOtherThanQuestionsAndAnswersAreSkippedWithTheirPlace() throws {
        let dump = DumpFolder()
        dump.writeDump(posts: [
            DumpRows.question(1),
            [("Id", "2"), ("PostTypeId", "5"), ("CreationDate", "2012-01-01T00:00:00.000"), ("Score", "0"), ("Body", "<p>Wiki</p>")],
            [("Id", "3"), ("PostTypeId", "4"), ("CreationDate", "2012-01-01T00:00:00.000"), ("Score", "0"), ("Body", "")],
        ])
        let (sink, summary) = try dump.read()
        #expect(sink.skips == [
            ImportSkip(location: "Posts.xml:4", reason: "post 2 is a tag wiki (PostTypeId 5), not a question or an answer"),
            ImportSkip(location: "Posts.xml:5", reason: "post 3 is a tag wiki excerpt (PostTypeId 4), not a question or an answer"),
        ])
        #expect(summary.skipped == 2 && summary.questions == 1)
    }

    @Test func answersToMissingQuestionsAreSkippedWithTheirLineAndWhatToDo() throws {
        let dump = DumpFolder()
        dump.writeDump(posts: [DumpRows.question(1), DumpRows.answer(2, parent: 1), DumpRows.answer(3, parent: 77)],
                       users: [DumpRows.user(11, "Ben")])
        let (sink, _) = try dump.read()
        #expect(sink.answers.map(\.answer.originalID) == ["2"])
        let skip = try #require(sink.skips.first)
        #expect(sink.skips.count == 1)
        #expect(skip.location == "Posts.xml:5")
        #expect(skip.reason.contains("answer 3 belongs to post 77, which is not a question in Posts.xml"))
        #expect(skip.reason.contains("extract the whole dump again"))
    }

    @Test func anAnswerBeforeItsQuestionComesRightAfterIt() throws {
        // Merged questions: the answers of the older question moved to a newer one, so their ids are smaller.
        let dump = DumpFolder()
        dump.writeDump(posts: [DumpRows.answer(2, parent: 5, body: "<p>Early</p>"), DumpRows.question(3),
                               DumpRows.question(5, extra: [("AcceptedAnswerId", "2")]), DumpRows.answer(6, parent: 5)],
                       users: [DumpRows.user(11, "Ben")])
        let (sink, _) = try dump.read()
        #expect(sink.events.filter { if case .author = $0 { false } else { true } } ==
                [.question("3"), .question("5"), .answer("2", question: "5"), .answer("6", question: "5")])
        #expect(sink.answer("2")?.accepted == true && sink.answer("2")?.body == "Early\n")
    }

    @Test func aQuestionThatCannotBeImportedTakesItsAnswersAlong() throws {
        let dump = DumpFolder()
        dump.writeDump(posts: [DumpRows.answer(2, parent: 3), DumpRows.question(3, title: " "), DumpRows.answer(4, parent: 3)],
                       users: [DumpRows.user(11, "Ben")])
        let (sink, _) = try dump.read()
        #expect(sink.questions.isEmpty && sink.answers.isEmpty)
        #expect(sink.skips.map(\.location) == ["Posts.xml:4", "Posts.xml:3", "Posts.xml:5"])
        #expect(sink.skips[0].reason == "question 3 has no Title")
        #expect(sink.skips[1].reason == "its question (post 3) was left out (Posts.xml:4)")
        #expect(sink.skips[2].reason == "answer 4 belongs to question 3, which was left out (Posts.xml:4)")
    }

    // MARK: The site's address

    @Test func theSiteComesFromTheFolderNameOrTheOption() throws {
        let dump = DumpFolder(name: "dump")
        dump.writeDump(posts: [DumpRows.question(1)])
        let error = try #require(throws: StackExchangeDumpError.self) { try dump.read() }
        #expect(error.message.contains("the folder's name, 'dump', is not a site's host name"))
        #expect(error.hint.contains("--site-url"))
        let (sink, _) = try dump.read(siteURL: "https://stackoverflow.com/")
        #expect(sink.question("1")?.source?.url == "https://stackoverflow.com/q/1")
        #expect(throws: StackExchangeDumpError.self) { try dump.read(siteURL: "stackoverflow.com") }
    }

    // MARK: Bad input

    @Test func missingFilesAreNamedWithWhatToDo() throws {
        for file in ["Posts.xml", "Users.xml", "Tags.xml"] {
            let dump = DumpFolder()
            dump.writeDump(posts: [DumpRows.question(1)])
            dump.remove(file)
            let error = try #require(throws: StackExchangeDumpError.self) { try dump.read() }
            #expect(error.file == dump.path + "/" + file)
            #expect(error.message == "\(file) is missing from the dump folder")
            #expect(error.hint.contains("extract the site's whole archive"))
        }
        // PostHistory.xml is optional.
        let dump = DumpFolder()
        dump.writeDump(posts: [DumpRows.question(1)])
        #expect(try dump.read().0.questions.count == 1)
    }

    @Test func malformedXMLIsReportedAtItsLineAndColumn() throws {
        let dump = DumpFolder()
        dump.writeDump(posts: [DumpRows.question(1)])
        dump.writeRaw("Posts.xml", Array("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<posts>\n  <row Id=\"1\" PostTypeId=\"1\" />\n  <row Id=\"2\" Title=\"a < b\" />\n</posts>\n".utf8))
        let error = try #require(throws: StackExchangeDumpError.self) { try dump.read() }
        #expect(error.file == dump.path + "/Posts.xml")
        #expect((error.line, error.column) == (4, 24))
        #expect(error.message.contains("malformed XML: '<' inside the value of Title"))
        #expect(error.description.hasPrefix(dump.path + "/Posts.xml:4:24: malformed XML: '<' inside the value of Title"))
        #expect(error.description.contains("\n  hint: the file is damaged"))
    }

    @Test func otherMalformedXML() throws {
        let cases: [(String, Int, String)] = [
            ("<posts>\n  <row Id=\"1\" Body=\"x &nbsp; y\" />\n</posts>\n", 2, "'&' that starts no XML entity"),
            ("<posts>\n  <row Id=\"1\" Id=\"2\" />\n</posts>\n", 2, "attribute Id appears twice"),
            ("<posts>\n  <row Id=\"1\"\n", 2, "the file ends inside a tag"),
            ("<posts>\n  <row Id=\"1\"\n</posts>\n", 2, "the row is not closed with '/>' before the next '<'"),
            ("<posts>\n  <row Id=\"1\" />\n", 3, "the file ends before </posts>"),
            ("<posts>\n  <row Id=1 />\n</posts>\n", 2, "the value of Id is not in quotes"),
            ("<posts>\n  <post Id=\"1\" />\n</posts>\n", 2, "<post> where a <row .../> should be"),
            ("<posts>\n  hello\n</posts>\n", 2, "text where a <row .../> should be"),
            ("", 1, "the file is empty"),
        ]
        for (text, line, message) in cases {
            let dump = DumpFolder()
            dump.writeDump(posts: [])
            dump.writeRaw("Posts.xml", Array(text.utf8))
            let error = try #require(throws: StackExchangeDumpError.self) { try dump.read() }
            #expect(error.line == line, "\(text)")
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test func textThatIsNotUTF8IsReportedAtItsLine() throws {
        let dump = DumpFolder()
        dump.writeDump(posts: [DumpRows.question(1)], users: [DumpRows.user(10, "Anna")])
        var bytes = Array("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<users>\n  <row Id=\"10\" DisplayName=\"Ann".utf8)
        bytes += [0xE9, 0x22]  // Latin-1 é, then the closing quote
        bytes += Array(" />\n</users>\n".utf8)
        dump.writeRaw("Users.xml", bytes)
        let error = try #require(throws: StackExchangeDumpError.self) { try dump.read() }
        #expect(error.file == dump.path + "/Users.xml")
        #expect((error.line, error.column) == (3, 32))
        #expect(error.message.contains("not UTF-8 (byte 0xE9)"))
        #expect(error.hint.contains("iconv"))
    }

    @Test func otherEncodingsAreRefused() throws {
        let dump = DumpFolder()
        dump.writeDump(posts: [DumpRows.question(1)])
        dump.writeRaw("Tags.xml", Array("<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<tags>\n</tags>\n".utf8))
        let declared = try #require(throws: StackExchangeDumpError.self) { try dump.read() }
        #expect(declared.message == "the file is encoded in windows-1252, not UTF-8")
        dump.writeRaw("Tags.xml", [0xFF, 0xFE] + Array("<\0t\0".utf8))
        let utf16 = try #require(throws: StackExchangeDumpError.self) { try dump.read() }
        #expect(utf16.message == "the file is UTF-16, not UTF-8")
        // A UTF-8 byte order mark is fine.
        dump.writeRaw("Tags.xml", [0xEF, 0xBB, 0xBF] + Array("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<tags>\n  <row Id=\"1\" TagName=\"eggs\" />\n</tags>\n".utf8))
        #expect(try dump.read().0.questions.count == 1)
    }

    @Test func entitiesAndLineBreaksInValuesAreDecoded() throws {
        let dump = DumpFolder()
        dump.writeDump(posts: [DumpRows.question(1, title: "Tom & Jerry's \"pie\" <3 &#233; \u{1F370}")])
        let (sink, _) = try dump.read()
        #expect(sink.question("1")?.title == "Tom & Jerry's \"pie\" <3 &#233; \u{1F370}")
        let row = Array("<row A=\"x&#xA;y&#233;&#x1F370;\" B='it&apos;s' C=\"tab\there\" D=\"-42\" />".utf8)
        let parsed = try row.withUnsafeBufferPointer { try DumpRow.parse($0, line: 1, offset: 0).0 }
        #expect(parsed.string("A") == "x\nyé\u{1F370}")
        #expect(parsed.string("B") == "it's")
        #expect(parsed.string("C") == "tab here")
        #expect(parsed.int("D") == -42 && parsed.int("A") == nil && parsed.string("E") == nil)
    }
}
