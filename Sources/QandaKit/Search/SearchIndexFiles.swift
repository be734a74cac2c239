import Foundation

/// The files of the search index (docs/SEARCH.md), made from a `SearchIndex`: term shards cut where the terms
/// themselves say (so an edit changes only the shards of the terms it touched), directories of shards, category
/// lists, docs files and the root. Every name carries a hash of the file's bytes, or the epoch of the numbering.
struct SearchIndexFiles: Sendable {
    struct File: Sendable {
        let path: String
        /// Nil for a file the output already has: made by `remake` only if it turns out not to.
        let bytes: [UInt8]?
        var remake: (@Sendable () -> [UInt8])? = nil

        var contents: [UInt8] { bytes ?? remake!() }
    }

    /// Each shard's path by its first and last term, and the average its frequent terms were cut with: for the
    /// next build (`SearchIndex.shardNames`).
    let shardNames: [String: String]
    let shardAverage: Double

    /// The root first, then the other files.
    let files: [File]
    var rootPath: String { files[0].path }
    let byteCount: Int

    static let folder = Routes.search + "index/"
    /// At most this many postings of a term are kept (docs/SEARCH.md): a word in most documents says little, and its
    /// whole list would make every search that uses it slow to download.
    static let maximumPostings = 2_000
    /// A term in this many documents or more has a shard of its own.
    static let heavyTerm = 256
    /// About how large a shard of light terms is.
    static let shardTarget = 4_000
    /// About how many shards a directory lists.
    static let directoryTarget = 64

    static let k1 = 1.2, b = 0.75

    /// - Parameter previous: the index the output's files were made from: its docs files are not made again
    ///   (under one epoch they never change).
    init(index: SearchIndex, site: Site, previous: SearchIndex?) async {
        var timings = PhaseTimings()
        let documents = index.documents
        let live = documents.indices.filter { documents[$0] != nil }
        let averageLength = live.isEmpty ? 0 : Double(live.reduce(0) { $0 + documents[$1]!.length }) / Double(live.count)
        let lengthCodes = documents.map { $0.map { Self.lengthCode($0.length) } ?? 0 }

        // Postings grouped by term, in id order: counted, then placed.
        var starts = [Int](repeating: 0, count: index.vocabulary.count + 1)
        for id in live { for term in documents[id]!.terms { starts[Int(term) + 1] += 1 } }
        for term in index.vocabulary.indices { starts[term + 1] += starts[term] }
        var next = starts
        var postingIDs = [UInt32](repeating: 0, count: starts.last!)
        var postingFrequencies = [UInt8](repeating: 0, count: starts.last!)
        for id in live {
            let document = documents[id]!
            for (term, frequency) in zip(document.terms, document.frequencies) {
                let slot = next[Int(term)]
                postingIDs[slot] = UInt32(id)
                postingFrequencies[slot] = frequency
                next[Int(term)] = slot + 1
            }
        }
        timings.mark("postings")
        let sortedTerms = index.vocabulary.indices.filter { starts[$0 + 1] > starts[$0] }
            .sorted { index.vocabulary[$0].utf16.lexicographicallyPrecedes(index.vocabulary[$1].utf16) }

        // Shards: a heavy term alone; light terms until one whose hash says "cut here".
        let lightTerms = sortedTerms.filter { starts[$0 + 1] - starts[$0] < Self.heavyTerm }
        let lightBytes = lightTerms.reduce(0) { $0 + index.vocabulary[$1].utf8.count + 3 + 3 * (starts[$1 + 1] - starts[$1]) }
        let cutEvery = Self.powerOfTwo(near: Double(Self.shardTarget) / Double(max(1, lightBytes / max(1, lightTerms.count))))
        var shards: [Range<Int>] = []
        var shardStart = 0
        for (position, term) in sortedTerms.enumerated() {
            let isHeavy = starts[term + 1] - starts[term] >= Self.heavyTerm
            if isHeavy && position > shardStart { shards.append(shardStart..<position); shardStart = position }
            if isHeavy || Self.hash(index.vocabulary[term]) % UInt64(cutEvery) == 0 {
                shards.append(shardStart..<position + 1)
                shardStart = position + 1
            }
        }
        if shardStart < sortedTerms.count { shards.append(shardStart..<sortedTerms.count) }

        timings.mark("sort and cut")
        // Which postings of a frequent term are kept must not move with every edit (each moves the average a
        // little): the average they are ranked with is rounded to a power of two.
        let roundedAverage = Double(Self.powerOfTwo(near: averageLength))
        let vocabulary = index.vocabulary, postings = (postingIDs, postingFrequencies), positions = starts
        @Sendable func encode(_ range: Range<Int>) -> [UInt8] {
            var bytes: [UInt8] = []
            bytes.appendVarInt(range.count)
            for term in sortedTerms[range] {
                let text = vocabulary[term]
                bytes.appendVarInt(text.utf8.count)
                bytes += text.utf8
                let all = positions[term]..<positions[term + 1]
                bytes.appendVarInt(all.count)
                let kept = all.count <= Self.maximumPostings ? Array(all)
                    : Self.strongest(all, ids: postings.0, frequencies: postings.1, lengthCodes: lengthCodes, averageLength: roundedAverage)
                bytes.appendVarInt(kept.count)
                var previous = 0
                for slot in kept {
                    let id = Int(postings.0[slot])
                    bytes.appendVarInt(id - previous)
                    previous = id
                    bytes.append(postings.1[slot])
                    bytes.append(lengthCodes[id])
                }
            }
            return bytes
        }
        // A shard with the same first and last term as one of the previous index, none of whose terms a changed
        // thread has, has the same bytes: it keeps its name and is not made again.
        // The dirty terms are looked for between the first and the last, since a term no document has any more is
        // not among the shard's terms but was in the previous one.
        let dirty = previous?.shardAverage == roundedAverage ? index.dirtyTerms.map { terms in
            terms.map { vocabulary[Int($0)] }.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
        } : nil
        let previousShards = previous?.shardNames ?? [:]
        let shardFiles = await Parallel.map(shards) { range -> (first: String, key: String, file: File) in
            let first = vocabulary[sortedTerms[range.lowerBound]], last = vocabulary[sortedTerms[range.upperBound - 1]]
            let key = first + "\u{0}" + last
            if let dirty, let path = previousShards[key], !Self.hasTerm(in: dirty, from: first, to: last) {
                return (first, key, File(path: path, bytes: nil, remake: { encode(range) }))
            }
            let bytes = encode(range)
            return (first, key, File(path: Self.path("terms", bytes, "bin"), bytes: bytes))
        }
        shardNames = Dictionary(shardFiles.map { ($0.key, $0.file.path) }, uniquingKeysWith: { first, _ in first })
        shardAverage = roundedAverage
        timings.mark("shards")
        // Directories of shards, cut the same way.
        var directories: [File] = []
        var rootDirectories: [[String]] = []
        var directory: [[String]] = []
        for (position, shard) in shardFiles.enumerated() {
            directory.append([position == 0 ? "" : shard.first, String(shard.file.path.dropFirst(Self.folder.count))])
            let isLast = position == shardFiles.count - 1
            if isLast || Self.hash(shard.first) % UInt64(Self.directoryTarget) == 0 || directory.count >= 4 * Self.directoryTarget {
                let bytes = Array(JSONText.serialize(directory as [Any]).utf8)
                let file = File(path: Self.path("dir", bytes, "json"), bytes: bytes)
                rootDirectories.append([directory[0][0], String(file.path.dropFirst(Self.folder.count))])
                directories.append(file)
                directory = []
            }
        }

        // Categories: the live ids of each one's threads.
        var idBySlug: [String: Int] = [:]
        for id in live { idBySlug[documents[id]!.slug] = id }
        var categoryFiles: [File] = []
        var rootCategories: [[String: Any]] = []
        for category in site.categories {
            let ids = category.threadIndexes.compactMap { idBySlug[site.threads[$0].slug] }.sorted()
            var bytes: [UInt8] = []
            bytes.appendVarInt(ids.count)
            var previous = 0
            for id in ids { bytes.appendVarInt(id - previous); previous = id }
            let file = File(path: Self.path("category", bytes, "bin"), bytes: bytes)
            categoryFiles.append(file)
            rootCategories.append(["name": category.name, "slug": category.slug, "count": ids.count,
                                   "file": String(file.path.dropFirst(Self.folder.count))])
        }

        // Docs files: `bucket` ids each, named by the epoch (their bytes never change under a name), so those
        // of the previous index under the same epoch are named, not made.
        let made = previous.map { $0.epoch == index.epoch ? $0.documents.count / index.bucket * index.bucket : 0 } ?? 0
        var docsFiles: [File] = []
        var docsBytes = 0
        for start in stride(from: 0, to: documents.count, by: index.bucket) {
            let end = min(start + index.bucket, documents.count)
            let path = Self.folder + "docs.\(index.epoch).\(start / index.bucket).\(end - start).json"
            let slice = documents[start..<end]
            docsFiles.append(start < made ? File(path: path, bytes: nil, remake: { Self.docsFile(slice) }) : File(path: path, bytes: Self.docsFile(slice)))
            docsBytes += 1 + documents[start..<end].reduce(0) { $0 + ($1?.entry.count ?? 4) + 1 }
        }
        timings.mark("directories, categories, docs")
        timings.report("search files")

        let root: [String: Any] = [
            "format": 1, "docs": live.count, "ids": documents.count, "averageLength": averageLength,
            "epoch": index.epoch, "bucket": index.bucket, "dirs": rootDirectories as [Any], "categories": rootCategories as [Any],
        ]
        let rootBytes = Array(JSONText.serialize(root).utf8)
        files = [File(path: Self.path("root", rootBytes, "json"), bytes: rootBytes)]
            + directories + shardFiles.map(\.file) + categoryFiles + docsFiles
        byteCount = files.reduce(docsBytes) { $0 + ($1.bytes?.count ?? 0) } - docsFiles.reduce(0) { $0 + ($1.bytes?.count ?? 0) }
    }

    /// A docs file: the entries of consecutive ids, `null` for holes.
    static func docsFile(_ documents: ArraySlice<SearchIndex.Document?>) -> [UInt8] {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (position, document) in documents.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes += document?.entry ?? Array("null".utf8)
        }
        bytes.append(UInt8(ascii: "]"))
        return bytes
    }

    /// Whether `sorted` (in UTF-16 order) has a term from `first` to `last`, both included.
    private static func hasTerm(in sorted: [String], from first: String, to last: String) -> Bool {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle].utf16.lexicographicallyPrecedes(first.utf16) { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && !last.utf16.lexicographicallyPrecedes(sorted[low].utf16)
    }

    /// The weighted length as one byte, on a log scale (docs/SEARCH.md).
    static func lengthCode(_ length: Int) -> UInt8 { UInt8(min(255, (16 * log2(1 + Double(length))).rounded())) }

    static func decodedLength(_ code: UInt8) -> Double { pow(2, Double(code) / 16) - 1 }

    /// The postings of a frequent term with the highest BM25 weight, in id order.
    private static func strongest(_ slots: Range<Int>, ids: [UInt32], frequencies: [UInt8], lengthCodes: [UInt8],
                                  averageLength: Double) -> [Int] {
        func weight(_ slot: Int) -> Double {
            let frequency = Double(frequencies[slot])
            let length = decodedLength(lengthCodes[Int(ids[slot])])
            return frequency * (k1 + 1) / (frequency + k1 * (1 - b + b * length / max(1, averageLength)))
        }
        let ranked = slots.map { ($0, weight($0)) }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        return ranked.prefix(maximumPostings).map(\.0).sorted()
    }

    static func path(_ kind: String, _ bytes: [UInt8], _ suffix: String) -> String {
        folder + kind + "." + hashName(bytes) + "." + suffix
    }

    /// Twelve hex digits of the bytes' fingerprint.
    static func hashName(_ bytes: [UInt8]) -> String {
        let hex = String(Fingerprint(bytes).value, radix: 16)
        return String((String(repeating: "0", count: max(0, 16 - hex.count)) + hex).prefix(12))
    }

    private static func hash(_ term: String) -> UInt64 { Fingerprint(Array(term.utf8)).value }

    private static func powerOfTwo(near value: Double) -> Int { 1 << max(0, min(20, Int(log2(max(1, value)).rounded()))) }
}

extension Array where Element == UInt8 {
    /// Unsigned LEB128.
    mutating func appendVarInt(_ value: Int) {
        var value = UInt(value)
        while value >= 0x80 {
            append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        append(UInt8(value))
    }
}

