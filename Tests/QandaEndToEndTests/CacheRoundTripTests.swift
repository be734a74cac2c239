import Foundation
import Testing
@testable import QandaKit

/// Every file of `.qanda-cache/` read back and written again gives the same bytes: what one build records is
/// exactly what the next one reads. A file the build writes that this suite does not know fails it.
@Suite struct CacheRoundTripTests {
    /// Builds a small site with search, twice (the second after an edit, so that the listings of settled folders
    /// and a reused search index are in the cache too), and returns its cache folder.
    static func builtCache() throws -> (folder: TemporaryFolder, cache: String) {
        let folder = TemporaryFolder()
        let site = SyntheticSite.write(into: folder, threads: 8)
        for body in ["First.", "Second."] {
            folder.write(SyntheticSite.answer(author: "author-2", date: "2021-01-05", body: body),
                         to: "site/Content/questions/thread-01/answer-a.md")
            let run = try CommandRun.run(["build", "--site", site])
            #expect(run.status == 0, "\(run.stderr)")
        }
        return (folder, site + "/" + BuildCache.folderName + "/")
    }

    static func mapped(_ path: String) throws -> MappedFile { try #require(MappedFile(mapping: path), "cannot map \(path)") }

    static func collect(_ encode: (@escaping ([UInt8]) throws -> Void) throws -> Void) rethrows -> [UInt8] {
        final class Box: @unchecked Sendable { var bytes: [UInt8] = [] }
        let box = Box()
        try encode { box.bytes += $0 }
        return box.bytes
    }

    @Test func everyCacheFileReadsBackToItsOwnBytes() throws {
        let (folder, cache) = try Self.builtCache()
        withExtendedLifetime(folder) {}
        var covered: Set<String> = []
        func bytes(_ name: String) throws -> [UInt8] {
            covered.insert(name)
            return [UInt8](try #require(FileManager.default.contents(atPath: cache + name)))
        }

        let stateBytes = try bytes("state.json")
        let state = try JSONDecoder().decode(BuildCache.State.self, from: Data(stateBytes))
        #expect(state.format == CacheFormat.version)
        #expect(try JSONDecoder().decode(BuildCache.State.self, from: JSONEncoder().encode(state)) == state)

        let sourcesBytes = try bytes("sources.bin")
        let (scan, loaded) = try #require(SourceCacheFormat.decode(try Self.mapped(cache + "sources.bin")))
        #expect(try Self.collect { try SourceCacheFormat.encode(scan: scan, loaded: loaded, flush: $0) } == sourcesBytes)
        #expect(!loaded.authors.isEmpty && !scan.threads.isEmpty)

        var threads = 0
        for shard in 0..<SourceCacheFormat.shardCount {
            let name = SourceCacheFormat.shardFileName(shard)
            let original = try bytes(name)
            let decoded = try #require(SourceCacheFormat.decodeThreads(try Self.mapped(cache + name)), "\(name)")
            threads += decoded.count
            #expect(try Self.collect { try SourceCacheFormat.encodeThreads(decoded, flush: $0) } == original, "\(name)")
        }
        #expect(threads == scan.threads.count)

        let listingsBytes = try bytes("listings.bin")
        let listings = try #require(SourceCacheFormat.decodeListings(try Self.mapped(cache + "listings.bin")))
        #expect(SourceCacheFormat.encodeListings(listings) == listingsBytes)

        let (keysBytes, outlineBytes) = (try bytes("keys.bin"), try bytes("outline.bin"))
        let keys = try #require(BuildCache.readKeys(folder: cache, state: state))
        #expect(BuildCache.writeKeys(keys) == keysBytes)
        #expect(BuildCache.writeOutline(keys) == outlineBytes)
        #expect(keys.count > 50)

        let searchBytes = try bytes("search.bin")
        let search = try #require(SearchIndex.decode(try Self.mapped(cache + "search.bin")))
        #expect(try Self.collect { try search.encode(flush: $0) } == searchBytes)

        // Nothing else is there: a new kind of cache file needs its round trip here.
        let present = Set(try FileManager.default.contentsOfDirectory(atPath: cache))
        #expect(present == covered, "not read back: \(present.subtracting(covered).sorted())")
    }

    /// A file written with another `CacheFormat.version` is not read, whatever its checksum says.
    @Test func aFileOfAnotherFormatVersionIsNotRead() throws {
        let (folder, cache) = try Self.builtCache()
        withExtendedLifetime(folder) {}
        let original = [UInt8](try #require(FileManager.default.contents(atPath: cache + "sources.bin")))
        var writer = ByteWriter()
        writer.header("QSRC")
        let headerLength = writer.bytes.count
        var other = ByteWriter()
        other.bytes += Array("QSRC".utf8)
        other.int(CacheFormat.version + 1)
        let changed = other.bytes + original.dropFirst(headerLength)
        let path = folder.path + "/other-version.bin"
        try Data(changed).write(to: URL(fileURLWithPath: path))
        #expect(SourceCacheFormat.decode(try Self.mapped(path)) == nil)
        try Data(original).write(to: URL(fileURLWithPath: path))
        #expect(SourceCacheFormat.decode(try Self.mapped(path)) != nil)
    }
}
