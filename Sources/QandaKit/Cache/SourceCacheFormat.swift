import Foundation

/// What a build read, file by file, written for the next build: the parsed threads, authors and pages with their
/// diagnostics, so that after an edit only changed files are read and parsed again. A plain binary layout written
/// and read field by field: Codable through JSON made a cache larger and slower to read than the sources
/// themselves. Any change to the models must bump `CacheFormat.version` (old caches are then ignored);
/// `CacheRoundTripTests` reads back what it writes, and `IncrementalBuildTests` compares builds from the cache
/// with clean builds.
///
/// `.qanda-cache/sources.bin` holds the scan, qanda.yml, authors and pages; the threads are spread over
/// `shardCount` files `threads-NN.bin` by their folder name, so that after one edit a build rewrites one
/// shard (2 MB at 10,000 questions) rather than the whole 125 MB, and reads the shards on all cores.
enum SourceCacheFormat {
    static let shardCount = 64

    /// The shard that holds a thread folder's record.
    static func shard(of folder: String) -> Int {
        var key = Fingerprint()
        key.add(folder)
        return Int(key.value % UInt64(shardCount))
    }

    static func shardFileName(_ shard: Int) -> String { "threads-\(shard < 10 ? "0" : "")\(shard).bin" }

    /// Per shard, what its file's contents follow from: the format, what every thread's loading depends on
    /// (qanda.yml, the loader options, which author ids exist; `SiteLoader.load(reusing:)` reads every thread
    /// again when one of them changed) and each of its folders' scan. Equal identities mean equal bytes, so a
    /// shard whose identity did not change since the cache was read is not written again.
    static func shardIdentities(scan: SourceScan, loaded: LoadedSources) -> [UInt64] {
        var common = Fingerprint()
        common.add(CacheFormat.version)
        common.add(loaded.configBytes ?? [])
        common.add(loaded.options?.baseURLOverride)
        common.add(loaded.options?.linksOnly ?? false)
        for id in loaded.authorIDs.sorted() { common.add(id) }
        // Each folder's part is added up, so that the order the folders come in does not matter.
        var sums = Array(repeating: UInt64(0), count: shardCount)
        for (folder, key) in scan.threads {
            var part = Fingerprint()
            part.add(folder)
            part.add(key.value)
            sums[shard(of: folder)] &+= part.value
        }
        return sums.map { sum in
            var identity = common
            identity.add(sum)
            return identity.value
        }
    }

    /// - Parameter flush: called with the bytes written so far whenever they pass a megabyte, and at the end:
    ///   the cache is streamed to its file rather than held whole in memory.
    static func encode(scan: SourceScan, loaded: LoadedSources, flush: @escaping ([UInt8]) throws -> Void) throws {
        var out = ByteWriter(flush: flush)
        out.header("QSRC")
        out.scan(scan)
        out.bytesArray(loaded.configBytes)
        out.optional(loaded.options) { out, key in
            out.optional(key.baseURLOverride) { $0.string($1) }
            out.bool(key.linksOnly)
        }
        out.strings(loaded.authorIDs.sorted())
        out.strings(loaded.authorPhotos.sorted())
        out.results(loaded.authors) { $0.author($1) }
        out.results(loaded.pages) { $0.page($1) }
        try out.flushAll()
    }

    /// Everything but the threads, which `decodeThreads` reads from the shards.

    /// `listings.bin`: per thread folder, its name, its stamp and its file names.
    static func encodeListings(_ listings: [String: SourceScan.FolderListing]) -> [UInt8] {
        var out = ByteWriter()
        out.header("QLST")
        out.int(listings.count)
        for (folder, listing) in listings {  // in no particular order: read back into a dictionary
            out.string(folder)
            out.int(listing.stamp.count)
            for value in listing.stamp { out.int(value) }
            out.strings(listing.names)
        }
        return out.bytes
    }

    static func decodeListings(_ file: MappedFile) -> [String: SourceScan.FolderListing]? {
        var input = ByteReader(file: file)
        guard input.expectHeader("QLST") else { return nil }
        var listings: [String: SourceScan.FolderListing] = [:]
        let count = input.count()
        listings.reserveCapacity(count)
        for _ in 0..<count {
            let folder = input.string()
            let stamp = (0..<input.count()).map { _ in input.int() }
            listings[folder] = SourceScan.FolderListing(stamp: stamp, names: input.strings())
        }
        return input.failed ? nil : listings
    }

    static func decode(_ file: MappedFile) -> (SourceScan, LoadedSources)? {
        var input = ByteReader(file: file)
        guard input.expectHeader("QSRC") else { return nil }
        let scan = input.scan()
        var loaded = LoadedSources()
        loaded.configBytes = input.bytesArray()
        loaded.options = input.optional { input in
            let override = input.optional { $0.string() }
            var key = LoadedSources.OptionsKey(SiteLoader.Options())
            key.baseURLOverride = override
            key.linksOnly = input.bool()
            return key
        }
        loaded.authorIDs = Set(input.strings())
        loaded.authorPhotos = Set(input.strings())
        loaded.authors = input.results { $0.author() }
        loaded.pages = input.results { $0.page() }
        return input.failed ? nil : (scan, loaded)
    }

    /// One shard: the threads of `loaded` whose folder falls in it.
    static func encodeThreads(_ threads: [String: LoadedSources.Result<ThreadLoader.Loaded>],
                              flush: @escaping ([UInt8]) throws -> Void) throws {
        var out = ByteWriter(flush: flush)
        out.header("QTHR")
        out.results(threads) { $0.loaded($1) }
        try out.flushAll()
    }

    /// The bodies stay bytes of `file` until read (`LazyText`).
    static func decodeThreads(_ file: MappedFile) -> [String: LoadedSources.Result<ThreadLoader.Loaded>]? {
        var input = ByteReader(file: file)
        guard input.expectHeader("QTHR") else { return nil }
        let threads = input.results { $0.loaded() }
        return input.failed ? nil : threads
    }
}
