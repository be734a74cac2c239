import Foundation
import Testing
@testable import QandaKit

/// The search index `qanda build` makes (docs/SEARCH.md), read back as the search script reads it.
@Suite struct SearchIndexTests {
    /// Three threads whose words differ, so each query has one right answer.
    static func writeSite(into folder: TemporaryFolder) -> String {
        folder.write(SyntheticSite.config(title: "Search Answers"), to: "site/qanda.yml")
        folder.write(SyntheticSite.author(name: "Ada Byron", credentials: "PhD"), to: "site/Content/authors/ada.md")
        let threads = [
            ("racing-heart", "Why does my heart race at night?", "Anxiety",
             "Lying in bed, my heart pounds and I can't fall asleep.", "Palpitations often come with anxieties; try slow breathing."),
            ("sister-wedding", "Should I go to my sister's wedding?", "Relationships",
             "We have not spoken in years and the invitation surprised me.", "Estrangement is painful; an honest letter may help."),
            ("cafe-worries", "Ça va? Worries about the café", "Anxiety",
             "Je m'inquiète: the café where I work is closing.", "Unemployment worries are common; budgeting helps."),
        ]
        for (slug, title, category, question, answer) in threads {
            folder.write("---\ntitle: \"\(title)\"\ndate: 2024-03-01\ncategory: \(category)\n---\n\(question)\n",
                         to: "site/Content/questions/\(slug)/question.md")
            folder.write(SyntheticSite.answer(author: "ada", date: "2024-03-02", body: answer), to: "site/Content/questions/\(slug)/ada.md")
        }
        return folder.path + "/site"
    }

    static func build(_ site: String, previous: SearchIndex? = nil, held: [String: [UInt8]] = [:])
        async throws -> (SearchReader, SitePipeline.Result, MemorySink) {
        let sink = MemorySink(keepable: { held[$0] != nil })
        let builder = SitePipeline(siteFolder: site, options: SiteLoader.Options(now: Fixtures.now), searchAvailable: true,
                                  previousSearch: previous)
        let result = await builder.build(into: sink)
        #expect(result.succeeded, "\(result.diagnostics)")
        var files = held
        for (path, bytes) in sink.files { files[path] = bytes }
        for path in files.keys where path.hasPrefix("search/") && !(result.search?.paths.contains(path) ?? false) {
            files[path] = nil
        }
        let reader = SearchReader(files: files)
        try #require(reader != nil, "no search index named by the search page (data-root)")
        return (reader!, result, sink)
    }

    @Test func aQueryFindsItsThreadByTitleTextOrAnswer() async throws {
        let folder = TemporaryFolder()
        let (reader, _, _) = try await Self.build(Self.writeSite(into: folder))
        #expect(reader.documentCount == 3)
        #expect(reader.search("heart race").first == "/kb/questions/racing-heart/")
        #expect(reader.search("invitation").first == "/kb/questions/sister-wedding/", "a word of the question text")
        #expect(reader.search("estrangement letter").first == "/kb/questions/sister-wedding/", "words of the answer")
        #expect(reader.search("palpitation anxiety").first == "/kb/questions/racing-heart/", "another form of both words")
        #expect(reader.search("CAFE inquiete").first == "/kb/questions/cafe-worries/",
                "case and accents folded")
        #expect(reader.search("budg").first == "/kb/questions/cafe-worries/",
                "the last word cut halfway")
        #expect(reader.search("zebra").isEmpty)
    }

    @Test func aResultShowsTitleCategoryDateAnswersAndExcerpts() async throws {
        let folder = TemporaryFolder()
        let (reader, _, _) = try await Self.build(Self.writeSite(into: folder))
        let (_, postings) = try #require(reader.postings("estrang"))
        let first = try #require(postings.first)
        let entry = try #require(reader.entry(first.id))
        #expect(entry["title"] as? String == "Should I go to my sister's wedding?")
        #expect(entry["category"] as? String == "Relationships")
        #expect(entry["date"] as? String == "2024-03-01")
        #expect(entry["dateText"] as? String == "March 1, 2024")
        #expect(entry["answers"] as? Int == 1)
        #expect(entry["question"] as? String == "We have not spoken in years and the invitation surprised me.")
        #expect(entry["answer"] as? String == "Estrangement is painful; an honest letter may help.")
        let categories = try #require(reader.root["categories"] as? [[String: Any]])
        #expect(categories.map { $0["name"] as? String } == ["Anxiety", "Relationships"])
        #expect(categories.map { $0["count"] as? Int } == [2, 1])
    }

    /// A result quotes the beginning of the question and of the best answer: spaces collapsed, cut at a space near
    /// `excerptLength` characters, never inside a character, whatever the text's size.
    @Test func excerptsAreShortAndWhole() {
        #expect(SearchDocument.excerpt("  Short\n\n text.  ") == "Short text.")
        let long = String(repeating: "word ", count: 100)
        let cut = SearchDocument.excerpt(long)
        let limit = SearchDocument.excerptLength
        #expect(cut.hasSuffix("word…") && cut.count <= limit + 1 && cut.count > limit - 10, "\(cut)")
        let oneWord = SearchDocument.excerpt(String(repeating: "é", count: 1_000))
        #expect(oneWord == String(repeating: "é", count: limit) + "…")
        let emoji = SearchDocument.excerpt(String(repeating: "🙂 ", count: 50_000_000 / 5))
        #expect(emoji.hasPrefix("🙂 🙂") && emoji.hasSuffix("🙂…") && emoji.unicodeScalars.allSatisfy { $0 != "\u{FFFD}" })
    }

    /// Each file's name is a hash of its bytes (the docs files': of their numbering), so hosts may cache them for
    /// long; and every file the index names is there.
    @Test func everyFileIsNamedByItsBytesAndIsThere() async throws {
        let folder = TemporaryFolder()
        let (reader, result, sink) = try await Self.build(Self.writeSite(into: folder))
        let search = try #require(result.search)
        for path in search.paths where path.hasPrefix(SearchIndexFiles.folder) && !path.contains("/docs.") {
            let bytes = try #require(sink.files[path])
            #expect(path.contains("." + SearchIndexFiles.hashName(bytes) + "."), "\(path)")
        }
        let directories = try #require(reader.root["dirs"] as? [[String]])
        for directory in directories {
            let shards = try #require(reader.json(directory[1]) as? [[String]], "\(directory[1])")
            for shard in shards { #expect(reader.files[reader.folder + shard[1]] != nil, "\(shard[1])") }
        }
        #expect(search.paths.contains { $0.hasPrefix("search/qanda-search.") && $0.hasSuffix(".js") })
    }

    /// After an edit only the edited thread is read again: it gets a new id, the others keep theirs, the files of
    /// the threads and terms it does not touch are kept, and the old id is in no posting.
    @Test func anEditGivesOnlyTheEditedThreadANewId() async throws {
        let folder = TemporaryFolder()
        let site = Self.writeSite(into: folder)
        let (before, first, firstSink) = try await Self.build(site)
        let oldID = try #require(before.postings("estrang")?.postings.first?.id)
        folder.write(SyntheticSite.answer(author: "ada", date: "2024-03-02", body: "Reconciliation takes time; write first."),
                     to: "site/Content/questions/sister-wedding/ada.md")
        let (after, second, sink) = try await Self.build(site, previous: first.search?.index, held: firstSink.files)
        #expect(after.search("reconciliation").first == "/kb/questions/sister-wedding/")
        #expect(after.postings("estrang") == nil, "the old answer's words are gone")
        let newID = try #require(after.postings("reconcili")?.postings.first?.id)
        #expect(newID == 3 && oldID != newID)
        #expect(after.entry(oldID) != nil, "the old docs file stays as it was (a hole is only skipped)")
        #expect(after.documentCount == 3 && after.idCount == 4)
        #expect(after.postings("heart")?.postings.map(\.id) == before.postings("heart")?.postings.map(\.id))
        // Kept, not written again: the other threads' docs files and most shards.
        let written = Set(sink.files.keys.filter { $0.hasPrefix(SearchIndexFiles.folder) })
        let all = try #require(second.search?.paths.filter { $0.hasPrefix(SearchIndexFiles.folder) })
        #expect(written.count < all.count, "\(written.count) of \(all.count) index files written")
        #expect(written.filter { $0.contains("/docs.") }.count == 1, "only the edited thread's docs file")
        #expect(!sink.keptPaths.isEmpty)
    }

    /// A shard kept from the last build because no changed thread has its terms is the shard this build would make:
    /// made again from the same index without the previous one, every file has the same name.
    @Test func keptShardsAreTheShardsTheBuildWouldMake() async throws {
        let folder = TemporaryFolder()
        let site = Self.writeSite(into: folder)
        // Enough other words (6,000 made-up ones) that the index has shards the edit does not reach.
        func word(_ number: Int) -> String {
            String((0..<4).map { Character(UnicodeScalar(UInt8(97 + (number / [1, 26, 676, 17_576][$0]) % 26))) }) + "q"
        }
        for thread in 0..<100 {
            let text = (0..<60).map { word(thread * 60 + $0) }.joined(separator: " ")
            folder.write("---\ntitle: Filler \(thread)\ndate: 2024-01-01\ncategory: Other\n---\n\(text)\n",
                         to: "site/Content/questions/filler-\(thread)/question.md")
        }
        let (_, first, firstSink) = try await Self.build(site)
        folder.write(SyntheticSite.answer(author: "ada", date: "2024-03-02", body: "Palpitations are common; breathe out slowly."),
                     to: "site/Content/questions/racing-heart/ada.md")
        let (_, second, sink) = try await Self.build(site, previous: first.search?.index, held: firstSink.files)
        #expect(sink.keptPaths.contains { $0.contains("/terms.") }, "some shards were kept")
        var index = try #require(second.search?.index)
        index.dirtyTerms = nil
        let remade = await SearchIndexFiles(index: index, site: try #require(second.site), previous: nil)
        let paths = Set(remade.files.map(\.path)).union([Routes.file(for: Routes.search)])
        #expect(paths == second.search?.paths.filter { !$0.hasPrefix("search/qanda-search.") })
    }

    /// Unchanged threads are taken from the previous index as they were: a document whose source did not change
    /// is not read again, even if reading it now would give something else (here: the index says so itself).
    @Test func aBuildWithoutChangesKeepsEveryFile() async throws {
        let folder = TemporaryFolder()
        let site = Self.writeSite(into: folder)
        let (_, first, firstSink) = try await Self.build(site)
        let (_, second, sink) = try await Self.build(site, previous: first.search?.index, held: firstSink.files)
        #expect(second.search?.paths == first.search?.paths)
        #expect(second.search?.filesWritten == 0)
        #expect(sink.files.keys.filter { $0.hasPrefix(SearchIndexFiles.folder) }.isEmpty)
    }

    /// The index survives the build cache: what `search.bin` holds reads back the same.
    @Test func theCachedIndexReadsBackTheSame() async throws {
        let folder = TemporaryFolder()
        let (_, result, _) = try await Self.build(Self.writeSite(into: folder))
        let index = try #require(result.search?.index)
        var bytes: [UInt8] = []
        try index.encode { bytes += $0 }
        let path = folder.path + "/search.bin"
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        let file = try #require(MappedFile(mapping: path))
        let decoded = try #require(SearchIndex.decode(file))
        #expect(decoded.vocabulary == index.vocabulary && decoded.epoch == index.epoch && decoded.bucket == index.bucket)
        #expect(decoded.documents.map { $0?.terms } == index.documents.map { $0?.terms })
        #expect(decoded.documents.map { $0?.entry } == index.documents.map { $0?.entry })
        // Damage is refused, not misread.
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes.prefix(bytes.count / 2))))
        let damaged = try #require(MappedFile(mapping: path))
        #expect(SearchIndex.decode(damaged) == nil)
    }
}
