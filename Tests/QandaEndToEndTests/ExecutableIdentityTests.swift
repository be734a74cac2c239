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

        let site = SyntheticSite.write(into: folder, threads: 6)
        func build(with program: String) throws -> String {
            let run = try CommandRun.run(["build", "--site", site, "--no-search"], program: program)
            #expect(run.status == 0, "\(run.stderr)")
            return run.stdout
        }
        /// "Built 6 threads: 40 pages, …": how many pages the build rendered.
        func pagesRendered(_ line: String) -> Int? {
            guard let range = line.range(of: #"threads: \d+ pages"#, options: .regularExpression) else { return nil }
            return Int(line[range].dropFirst("threads: ".count).dropLast(" pages".count))
        }
        let first = try build(with: original)
        let allPages = try #require(pagesRendered(first), first)
        #expect(try build(with: original).hasPrefix("Nothing changed since the last build: 0 files written"))
        // One edit with the same executable renders only what shows it...
        folder.write(SyntheticSite.answer(author: "author-2", date: "2021-01-05", body: "Edited."),
                     to: "site/Content/questions/thread-01/answer-a.md")
        let edited = try build(with: original)
        #expect(try #require(pagesRendered(edited), edited) < allPages)
        // ...while another executable trusts nothing of the cache, and the one after it neither.
        #expect(pagesRendered(try build(with: patched)) == allPages)
        #expect(try build(with: patched).hasPrefix("Nothing changed since the last build"))
        #expect(pagesRendered(try build(with: original)) == allPages)
    }
}
