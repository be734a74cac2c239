import Foundation
import Testing
@testable import QandaKit

/// The build cache belongs to the executable that wrote it: another build of Qanda (rebuilt, upgraded) renders
/// everything again, even from the same commit and with the same version.
@Suite struct ExecutableIdentityTests {
    @Test func theExecutableHasABuildIDAndTheCacheIsKeyedOnIt() throws {
        let original = CommandRun.executable
        let found = try #require(ExecutableIdentity.buildID(ofFile: original), "no GNU build ID in \(original)")
        #expect(found.bytes.count >= 16)
        let folder = TemporaryFolder()
        // A copy whose build ID differs in one byte: to the cache, another executable with the same code.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: original))
        bytes[found.offset] ^= 0xFF
        let patched = folder.path + "/qanda-patched"
        try bytes.write(to: URL(fileURLWithPath: patched))
        chmod(patched, 0o755)
        let patchedID = try #require(ExecutableIdentity.buildID(ofFile: patched))
        #expect(patchedID.offset == found.offset && patchedID.bytes != found.bytes)

        let site = SyntheticSite.write(into: folder, threads: 12)
        func build(with program: String) throws -> String {
            let run = try CommandRun.run(["build", "--site", site, "--no-search"], program: program)
            #expect(run.status == 0, "\(run.stderr)")
            return run.stdout
        }
        // A page a build rendered is as it made it; one it took from the last build keeps what was done to it
        // since (edits in Site/ that leave manifest.json alone are not noticed: README, "The build cache").
        let marker = "<!-- left by the test -->"
        func markEveryPage() throws -> Int {
            let pages = try FileManager.default.subpathsOfDirectory(atPath: site + "/Site").filter { $0.hasSuffix(".html") }
            for page in pages {
                let handle = try #require(FileHandle(forUpdatingAtPath: site + "/Site/" + page))
                handle.seekToEndOfFile()
                handle.write(Data(marker.utf8))
                handle.closeFile()
            }
            return pages.count
        }
        func markedPages() throws -> Int {
            try FileManager.default.subpathsOfDirectory(atPath: site + "/Site").filter {
                $0.hasSuffix(".html") && (try? String(contentsOfFile: site + "/Site/" + $0, encoding: .utf8))?.contains(marker) == true
            }.count
        }

        _ = try build(with: original)
        #expect(try build(with: original).hasPrefix("Nothing changed since the last build: 0 files written"))
        let pages = try markEveryPage()
        #expect(pages > 20)
        // One edit (of a body) with the same executable renders only the pages that show it...
        folder.write(SyntheticSite.answer(author: "author-2", date: "2021-01-02", body: "Edited."),
                     to: "site/Content/questions/thread-01/answer-a.md")
        _ = try build(with: original)
        let stillMarked = try markedPages()
        #expect(stillMarked > 0 && stillMarked < pages)
        // ...while another executable trusts nothing of the cache and renders every page...
        #expect(!(try build(with: patched)).hasPrefix("Nothing changed"))
        #expect(try markedPages() == 0)
        #expect(try build(with: patched).hasPrefix("Nothing changed since the last build"))
        // ...and so does the first one after it.
        #expect(try markEveryPage() == pages)
        #expect(!(try build(with: original)).hasPrefix("Nothing changed"))
        #expect(try markedPages() == 0)
    }
}
