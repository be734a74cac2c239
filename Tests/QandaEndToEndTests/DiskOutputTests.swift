import Foundation
import Testing
@testable import QandaKit

/// Writing to disk: the swap, the last good site kept on failure, unchanged files left alone.
@Suite struct DiskOutputTests {
    func build(_ site: String, output: String) async throws -> (SitePipeline.Result, DiskSink) {
        let sink = try DiskSink(outputPath: output)
        let result = await SitePipeline(siteFolder: site, options: .init(now: Fixtures.now)).build(into: sink)
        if result.succeeded { try sink.commit() } else { sink.abandon() }
        return (result, sink)
    }

    func modificationDate(_ path: String) throws -> Date {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
    }

    @Test func rebuildWithNothingChangedRewritesNoFile() async throws {
        let folder = TemporaryFolder()
        let site = folder.copySite("basic")
        let output = folder.path + "/out"
        let (first, firstSink) = try await build(site, output: output)
        #expect(first.succeeded)
        #expect(firstSink.statistics.filesUnchanged == 0)
        let page = output + "/questions/sleep-and-worry/index.html"
        let before = try modificationDate(page)
        try await Task.sleep(for: .milliseconds(20))
        let (second, secondSink) = try await build(site, output: output)
        #expect(second.succeeded)
        #expect(secondSink.statistics.filesWritten == 0)
        #expect(secondSink.statistics.filesUnchanged == firstSink.statistics.total)
        #expect(try modificationDate(page) == before)
        // No temporary folder is left beside the output.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".out.qanda-") }
        #expect(leftovers.isEmpty)
    }

    @Test func changedAnswerRewritesThatPageAndDeletedThreadDisappears() async throws {
        let folder = TemporaryFolder()
        let site = folder.copySite("basic")
        let output = folder.path + "/out"
        _ = try await build(site, output: output)
        let answer = site + "/Content/questions/sleep-and-worry/ada.md"
        try (String(contentsOfFile: answer, encoding: .utf8) + "\nA new sentence.\n").write(toFile: answer, atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(atPath: site + "/Content/questions/script-title")
        // The other thread links to it: without this the build stops (broken-link, BrokenLinkTests).
        let question = site + "/Content/questions/sleep-and-worry/question.md"
        try String(contentsOfFile: question, encoding: .utf8).replacingOccurrences(of: "[the other question](/questions/script-title/)", with: "the other question")
            .write(toFile: question, atomically: false, encoding: .utf8)
        let (result, sink) = try await build(site, output: output)
        #expect(result.succeeded)
        #expect(sink.statistics.filesWritten > 0)
        #expect(try String(contentsOfFile: output + "/questions/sleep-and-worry/index.html", encoding: .utf8).contains("A new sentence."))
        #expect(!FileManager.default.fileExists(atPath: output + "/questions/script-title/index.html"))
    }

    @Test func failedBuildLeavesThePreviousSiteInPlace() async throws {
        let folder = TemporaryFolder()
        let site = folder.copySite("basic")
        let output = folder.path + "/out"
        _ = try await build(site, output: output)
        let page = output + "/questions/sleep-and-worry/index.html"
        let good = try String(contentsOfFile: page, encoding: .utf8)
        folder.write("---\nauthor: nobody-at-all\ndate: 2020-01-01\n---\nBroken.\n", to: "site/Content/questions/sleep-and-worry/zz.md")
        let (result, _) = try await build(site, output: output)
        #expect(!result.succeeded)
        #expect(try String(contentsOfFile: page, encoding: .utf8) == good)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".out.qanda-") }
        #expect(leftovers.isEmpty)
    }

    @Test func leftoversOfAKilledBuildAreCleanedUp() async throws {
        let folder = TemporaryFolder()
        let site = folder.copySite("basic")
        try FileManager.default.createDirectory(atPath: folder.path + "/.out.qanda-new-1-2/questions", withIntermediateDirectories: true)
        let (result, _) = try await build(site, output: folder.path + "/out")
        #expect(result.succeeded)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/.out.qanda-new-1-2"))
    }

    @Test func userFilesOutsideTheOutputAreNeverTouched() async throws {
        let folder = TemporaryFolder()
        let site = folder.copySite("basic")
        folder.write("keep me", to: "notes.txt")
        _ = try await build(site, output: folder.path + "/out")
        _ = try await build(site, output: folder.path + "/out")
        #expect(try String(contentsOfFile: folder.path + "/notes.txt", encoding: .utf8) == "keep me")
        #expect(OutputLocation.problem(output: folder.path + "/out", siteFolder: site) == nil)
        #expect(OutputLocation.problem(output: site + "/Site", siteFolder: site) == nil)
        #expect(OutputLocation.problem(output: site + "/Content/x", siteFolder: site) != nil)
    }
}

/// A sink whose disk fills up after a few files, as a full disk refuses writes.
final class FullDiskSink: OutputSink, @unchecked Sendable {
    private let memory = MemorySink()
    private let lock = NSLock()
    private(set) var attempts = 0
    let capacity: Int
    init(capacity: Int) { self.capacity = capacity }

    func write(_ bytes: [UInt8], to path: String) throws {
        let attempt = lock.withLock { attempts += 1; return attempts }
        guard attempt <= capacity else { throw OutputError("cannot write \(path): No space left on device") }
        try memory.write(bytes, to: path)
    }
    func copy(from sourcePath: String, to path: String) throws { try write(FileBytes.read(sourcePath) ?? [], to: path) }
    func keep(_ path: String) -> Bool { false }
}

@Suite struct FullDiskTests {
    /// One error that says what the system said and how much was not written, not one per file; the other
    /// pages are not rendered once the disk is full.
    @Test func aFullDiskIsReportedOnceAndStopsTheRender() async throws {
        let folder = TemporaryFolder()
        let site = SyntheticSite.write(into: folder, threads: 60)
        let complete = MemorySink()
        let options = SiteLoader.Options(now: Fixtures.now)
        #expect(await SitePipeline(siteFolder: site, options: options).build(into: complete).succeeded)
        let sink = FullDiskSink(capacity: 5)
        let result = await SitePipeline(siteFolder: site, options: options).build(into: sink)
        #expect(!result.succeeded)
        #expect(result.diagnostics.map(\.code) == [.writeFailed])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.message.hasPrefix("cannot write "))
        #expect(diagnostic.message.contains("No space left on device (and "))
        #expect(diagnostic.message.hasSuffix(" not written)"))
        #expect(diagnostic.hint?.contains("free some disk space") == true)
        #expect(sink.attempts < complete.files.count / 4, "\(sink.attempts) writes tried of \(complete.files.count)")
    }
}
