import Foundation
import QandaPlatform
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the last `qanda build` of a site made, kept in `.qanda-cache/` in the site folder so that the next build
/// does only what changed. Deleting the folder is always safe: the next build is then a full one.
///
/// - `state.json`: the identity of the executable that wrote it (`QandaVersion.identity`), the build's settings,
///   the fingerprint of every source (`SourceScan`) and the identity of the output folder it wrote (its inode and
///   its manifest's size and time, so a deleted or replaced output is noticed), and a checksum of each of the
///   other files: a cache damaged on disk is ignored rather than trusted;
/// - `keys.bin`: every output file's key (`OutputKeys`), in the order of the paths in `outline.bin`, to render only
///   files whose inputs changed; `outline.bin` (those paths, the structure, the related threads) is rewritten only
///   when they change;
/// - `listings.bin`: the file names of thread folders that did not change lately (`SourceScan.FolderListing`);
/// - `sources.bin` and `threads-NN.bin`: what the build read, file by file (`SourceCacheFormat`), so the next one
///   reads only changes; the threads in shards, so that it also rewrites only the shards that changed.
package struct BuildCache: Sendable {
    package static let folderName = ".qanda-cache"

    struct State: Codable, Equatable {
        var format = CacheFormat.version
        /// `QandaVersion.identity` of the executable that wrote it: another one (rebuilt, upgraded) may parse and
        /// render differently, so it trusts nothing here and builds (or checks) everything.
        var executable = QandaVersion.identity.value
        var settings: UInt64
        var sources: UInt64
        var output: String
        var outputInode: UInt64
        var manifestSize: Int
        var manifestModified: Int
        var keysChecksum: UInt64
        var outlineChecksum: UInt64
        var listingsChecksum: UInt64
        var sourcesChecksum: UInt64
        /// Per thread shard: `SourceCacheFormat.shardIdentities` and the checksum of its file.
        var shardIdentities: [UInt64]
        var shardChecksums: [UInt64]
        /// Of `search.bin`; nil when the build made no search index.
        var searchChecksum: UInt64?
        /// On a site in several languages, of each other language's `search-<tag>.bin`.
        var languageSearchChecksums: [String: UInt64]?
    }

    /// The shards a build read and verified, which the next write keeps when their identity is unchanged.
    struct VerifiedShards: Sendable {
        let identities: [UInt64]
        let checksums: [UInt64]
    }

    /// What the last build read, for this one's loader, and the shards `write` may keep.
    package struct ReusableSources: Sendable {
        package let reuse: SourceReuse
        let shards: VerifiedShards
        package var sources: LoadedSources { reuse.sources }
        package var changes: SourceChanges { reuse.changes }
    }

    let state: State
    /// Read on the side while the build scans and loads (it needs them only to render), and not at all when
    /// nothing changed.
    private let keysRead: Task<OutputKeys?, Never>
    private let listingsRead: Task<[String: SourceScan.FolderListing]?, Never>
    private let searchRead: Task<SearchIndex?, Never>
    private let languageSearchRead: Task<[String: SearchIndex], Never>

    /// The last build's search index; nil when it made none or `search.bin` is damaged (every thread is then read).
    package var search: SearchIndex? { get async { await searchRead.value } }
    /// The last build's index of each other language, by tag (those whose file is whole).
    package var languageSearches: [String: SearchIndex] { get async { await languageSearchRead.value } }

    /// The settled thread folders' names (`SourceScan.FolderListing`); nil when `listings.bin` is damaged (every
    /// folder is then listed). Read on the side while the scan lists Content/questions.
    var listings: [String: SourceScan.FolderListing]? { get async { await listingsRead.value } }

    /// Every output file's key in the last build; nil when `keys.bin` is damaged (everything is then rendered).
    package var keys: OutputKeys? { get async { await keysRead.value } }

    /// Settings that change what a build makes from the same sources.
    package static func settings(options: SiteLoader.Options, search: Bool, outputPath: String) -> Fingerprint {
        var key = Fingerprint()
        key.add(options.includeDrafts)
        key.add(options.includeFuture)
        key.add(options.baseURLOverride)
        key.add(search)
        key.add(ContentDate.today(options.now).text)  // review dates, future threads and retrieval dates move with it
        key.add(outputPath)
        return key
    }

    /// The cache of `siteFolder` when it describes `outputPath` as it is now; nil when there is none or the
    /// output folder changed since (deleted, replaced, built by someone else).
    package static func read(siteFolder: String, outputPath: String) -> BuildCache? {
        guard let state = readState(siteFolder: siteFolder), state.output == outputPath,
              let identity = outputIdentity(outputPath),
              identity.inode == state.outputInode, identity.manifestSize == state.manifestSize,
              identity.manifestModified == state.manifestModified else { return nil }
        return BuildCache(state: state, folder: siteFolder + "/" + folderName, readingKeys: true)
    }

    /// The cache of `siteFolder` whatever became of the output folder it describes: what `qanda check` needs,
    /// which takes the sources the last build read (`reusableSources`) and nothing about its output.
    package static func readSources(siteFolder: String) -> BuildCache? {
        readState(siteFolder: siteFolder).map { BuildCache(state: $0, folder: siteFolder + "/" + folderName, readingKeys: false) }
    }

    private static func readState(siteFolder: String) -> State? {
        guard let data = FileManager.default.contents(atPath: siteFolder + "/" + folderName + "/state.json"),
              let state = try? JSONDecoder().decode(State.self, from: data),
              state.format == CacheFormat.version, state.executable == QandaVersion.identity.value,
              state.shardIdentities.count == SourceCacheFormat.shardCount,
              state.shardChecksums.count == SourceCacheFormat.shardCount else { return nil }
        return state
    }

    private init(state: State, folder: String, readingKeys: Bool) {
        self.state = state
        keysRead = Task { readingKeys ? Self.readKeys(folder: folder, state: state) : nil }
        listingsRead = Task {
            Self.verified(folder + "/listings.bin", checksum: state.listingsChecksum).flatMap(SourceCacheFormat.decodeListings)
        }
        searchRead = Task {
            guard readingKeys, let checksum = state.searchChecksum else { return nil }
            return Self.verified(folder + "/search.bin", checksum: checksum).flatMap(SearchIndex.decode)
        }
        languageSearchRead = Task {
            guard readingKeys else { return [:] }
            return (state.languageSearchChecksums ?? [:]).reduce(into: [:]) { found, entry in
                found[entry.key] = Self.verified(folder + "/" + Self.languageSearchFile(entry.key), checksum: entry.value).flatMap(SearchIndex.decode)
            }
        }
    }

    /// `search-es.bin`: a language tag has only letters, digits and hyphens.
    static func languageSearchFile(_ tag: String) -> String { "search-\(tag).bin" }

    /// Whether nothing a build depends on changed since this cache was written.
    package func isCurrent(settings: Fingerprint, sources: Fingerprint) -> Bool {
        state.settings == settings.value && state.sources == sources.value
    }

    /// Removes the cache: done before a build touches the output, so that an interrupted build is never
    /// mistaken for a finished one. The files `write` may keep (the thread shards, `outline.bin`, `listings.bin`)
    /// stay, but nothing trusts them without the checksums in a new state.json.
    package static func remove(siteFolder: String) {
        let folder = siteFolder + "/" + folderName
        unlink(folder + "/state.json")
        unlink(folder + "/keys.bin")
        unlink(folder + "/sources.bin")
    }

    /// The last build's loaded sources and the changes since, for `SitePipeline.prepare(reusing:)`; nil when
    /// there are none to reuse (no file, an older format, damage).
    package func reusableSources(siteFolder: String, scan: SourceScan) async -> ReusableSources? {
        let folder = siteFolder + "/" + Self.folderName
        let checksums = state.shardChecksums
        // The shards on all cores while this task reads sources.bin and works out what changed.
        async let shardsRead = Parallel.map(Array(0..<SourceCacheFormat.shardCount)) { shard in
            Self.verified(folder + "/" + SourceCacheFormat.shardFileName(shard), checksum: checksums[shard])
                .flatMap(SourceCacheFormat.decodeThreads)
        }
        guard let sourcesFile = Self.verified(folder + "/sources.bin", checksum: state.sourcesChecksum),
              case (let earlier, var loaded)? = SourceCacheFormat.decode(sourcesFile) else { return nil }
        let changes = scan.changes(since: earlier, siteFolder: siteFolder)
        let shards = await shardsRead
        loaded.threads.reserveCapacity(shards.reduce(0) { $0 + ($1?.count ?? 0) })
        for shard in shards {
            guard let shard else { return nil }
            loaded.threads.merge(shard) { a, _ in a }
        }
        return ReusableSources(reuse: SourceReuse(sources: loaded, changes: changes),
                               shards: VerifiedShards(identities: state.shardIdentities, checksums: checksums))
    }

    /// The cache files of a build but its `state.json`, which `record` writes once the output is in place.
    package struct Written: Sendable {
        fileprivate let state: State
        fileprivate let folder: String
    }

    /// Writes what a build read and made, except `state.json`: done while the build renders, since none of it
    /// depends on the output. Without `record`, nothing written here is trusted.
    /// - Parameters:
    ///   - cache: the last build's cache: its listings and outline are not written again when they are the same.
    ///   - reused: what this build took from the cache; shards whose identity did not change are not written again.
    package static func write(siteFolder: String, outputPath: String, settings: Fingerprint, scan: SourceScan,
                             loaded: LoadedSources, keys: OutputKeys, after cache: BuildCache?,
                             reused: ReusableSources?) async throws -> Written {
        let kept = reused?.shards
        let folder = siteFolder + "/" + folderName
        if DirectoryListing.kind(of: folder) != .folder {
            guard mkdir(folder, 0o755) == 0 else { throw OutputError("cannot create \(folder): \(String(cString: strerror(errno)))") }
        }
        let identities = SourceCacheFormat.shardIdentities(scan: scan, loaded: loaded)
        var changed = Array(repeating: [String: LoadedSources.Result<ThreadLoader.Loaded>](), count: SourceCacheFormat.shardCount)
        for (folder, result) in loaded.threads {
            let shard = SourceCacheFormat.shard(of: folder)
            if kept?.identities[shard] != identities[shard] { changed[shard][folder] = result }
        }
        let threadsByShard = changed
        async let written = Parallel.map(Array(0..<SourceCacheFormat.shardCount)) { shard -> Result<UInt64, Error> in
            if let kept, kept.identities[shard] == identities[shard] { return .success(kept.checksums[shard]) }
            return Result {
                try writeStreamed(folder + "/" + SourceCacheFormat.shardFileName(shard)) {
                    try SourceCacheFormat.encodeThreads(threadsByShard[shard], flush: $0)
                }
            }
        }
        let keysChecksum = try writeStreamed(folder + "/keys.bin") { try $0(writeKeys(keys)) }  // 350 kB at 10,000 questions
        // 3 MB at 10,000 questions, the same after most edits.
        let outlineChecksum = try await cache?.keys?.keptOutline(for: keys)
            ?? writeStreamed(folder + "/outline.bin") { try $0(writeOutline(keys)) }
        let keptListings = await cache?.listings == scan.listings ? cache?.state.listingsChecksum : nil
        let listingsChecksum = try keptListings
            ?? writeStreamed(folder + "/listings.bin") { try $0(SourceCacheFormat.encodeListings(scan.listings)) }
        let sourcesChecksum = try writeStreamed(folder + "/sources.bin") { try SourceCacheFormat.encode(scan: scan, loaded: loaded, flush: $0) }
        let state = State(settings: settings.value, sources: scan.total.value, output: outputPath, outputInode: 0, manifestSize: 0,
                          manifestModified: 0, keysChecksum: keysChecksum, outlineChecksum: outlineChecksum,
                          listingsChecksum: listingsChecksum,
                          sourcesChecksum: sourcesChecksum, shardIdentities: identities,
                          shardChecksums: try await written.map { try $0.get() })
        return Written(state: state, folder: folder)
    }

    /// Records that the build whose cache files `written` holds finished writing `state.output`: the last step,
    /// since `state.json` is what makes the other files trusted.
    /// - Parameter search: the build's search index, kept in `search.bin` for the next build.
    /// - Parameter languageSearches: each other language's index, by tag, kept in `search-<tag>.bin`.
    package static func record(_ written: Written, search: SearchIndex?, languageSearches: [(tag: String, index: SearchIndex)] = []) throws {
        var state = written.state
        if let search { state.searchChecksum = try writeStreamed(written.folder + "/search.bin") { try search.encode(flush: $0) } }
        for (tag, index) in languageSearches where LanguageTag.problem(tag) == nil {
            state.languageSearchChecksums = state.languageSearchChecksums ?? [:]
            state.languageSearchChecksums![tag] = try writeStreamed(written.folder + "/" + languageSearchFile(tag)) { try index.encode(flush: $0) }
        }
        guard let identity = outputIdentity(state.output) else { throw OutputError("cannot read \(state.output)/\(SiteOutline.manifestPath)") }
        (state.outputInode, state.manifestSize, state.manifestModified) = (identity.inode, identity.manifestSize, identity.manifestModified)
        try JSONEncoder().encode(state).write(to: URL(fileURLWithPath: written.folder + "/state.json"))
    }

    /// Writes a file as `encode` streams it, under a temporary name renamed over `path` at the end: a build may
    /// still have the old file mapped (`MappedFile`), which must not shrink under it. Returns the checksum of
    /// what was written.
    private static func writeStreamed(_ path: String, _ encode: (@escaping ([UInt8]) throws -> Void) throws -> Void) throws -> UInt64 {
        let temporary = path + ".new"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError("cannot write \(temporary): \(String(cString: strerror(errno)))") }
        let sum = ChecksumBox()
        do {
            try encode { bytes in
                sum.value.add(bytes)
                try DiskSink.writeAll(descriptor, bytes, path: temporary)
            }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        close(descriptor)
        guard rename(temporary, path) == 0 else { throw OutputError("cannot write \(path): \(String(cString: strerror(errno)))") }
        return sum.value.final
    }

    /// The running checksum, held by the escaping flush closure.
    private final class ChecksumBox { var value = Checksum() }

    private static func outputIdentity(_ outputPath: String) -> (inode: UInt64, manifestSize: Int, manifestModified: Int)? {
        guard let folder = FileStatus(path: outputPath, followingLinks: true),
              let manifest = FileStatus(path: outputPath + "/" + SiteOutline.manifestPath, followingLinks: true) else { return nil }
        return (UInt64(folder.inode), manifest.size, manifest.modified.seconds * 1_000_000_000 + manifest.modified.nanoseconds)
    }

    // `keys.bin`: its header ("QKEY"), the paths' fingerprint, then the count and each key (little-endian integers).
    // `outline.bin`: its header ("QOUT"), the paths' fingerprint, the site's structure fingerprint, the threads each
    // thread's page shows, then each path (length and UTF-8 bytes).

    static func writeKeys(_ keys: OutputKeys) -> [UInt8] {
        var out = ByteWriter()
        out.header("QKEY")
        out.fingerprint(keys.pathsFingerprint)
        out.int(keys.count)
        keys.keys.map { $0.value.littleEndian }.withUnsafeBytes { out.bytes += $0 }
        return out.bytes
    }

    static func writeOutline(_ keys: OutputKeys) -> [UInt8] {
        var out = ByteWriter()
        out.header("QOUT")
        out.fingerprint(keys.pathsFingerprint)
        out.fingerprint(keys.structure)
        out.int(keys.shownByThread.count)
        for list in keys.shownByThread {
            out.int(list.count)
            for index in list { out.int(index) }
        }
        out.strings(keys.paths.list ?? [])
        return out.bytes
    }

    static func readKeys(folder: String, state: State) -> OutputKeys? {
        guard let keysFile = verified(folder + "/keys.bin", checksum: state.keysChecksum),
              let outlineFile = verified(folder + "/outline.bin", checksum: state.outlineChecksum) else { return nil }
        var input = ByteReader(file: keysFile)
        guard input.expectHeader("QKEY") else { return nil }
        let pathsFingerprint = input.fingerprint()
        let raw = input.take(input.count() * 8)
        let keys = (0..<raw.count / 8).map { Fingerprint(value: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self))) }
        var outline = ByteReader(file: outlineFile)
        guard outline.expectHeader("QOUT"), outline.fingerprint() == pathsFingerprint else { return nil }
        let structure = outline.fingerprint()
        let shown = (0..<outline.count()).map { _ in (0..<outline.count()).map { _ in outline.int() } }
        guard !input.failed, !outline.failed else { return nil }
        // The paths are read only by a build whose own differ.
        let pathsAt = outline.offset
        let paths = OutputKeys.Paths.recorded {
            var reader = ByteReader(file: outlineFile)
            reader.offset = pathsAt
            let paths = reader.strings()
            return reader.failed ? nil : paths
        }
        return OutputKeys(paths: paths, keys: keys, pathsFingerprint: pathsFingerprint, structure: structure, shownByThread: shown,
                          outlineChecksum: state.outlineChecksum)
    }
}
